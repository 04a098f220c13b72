"""Line-level checks of a plan file's text: encoding junk, watermarks, unsafe markup."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from planlib import junk
from planlib.document import UNCLOSED_PLACEHOLDER_RE
from planlib.problems import Problem


def _html_problem(line: str) -> tuple[str, str] | None:
    """The most telling unsafe-markup problem of a line, if any (one per line)."""
    spans = junk.html_spans(line)
    tags = [tag for _, _, tag in spans]
    dangerous = [tag for tag in tags if tag in ("script", "iframe", "object", "embed", "style")]
    if dangerous:
        return f"raw HTML <{dangerous[0]}> in the plan", "plans are plain Markdown: delete the tag and its content"
    if any(junk.EVENT_ATTR_RE.search(line, start, end) for start, end, _ in spans):
        return f"HTML event attribute (on…=) in a <{tags[0]}> tag", "delete the tag: plans cannot carry scripts"
    match = junk.SCRIPT_URL_RE.search(line) or junk.SCRIPT_URL_RE.search(html.unescape(line))
    if match:
        return f"script or data URL '{match.group(0)}' in the plan", "link only to http(s) pages"
    if tags:
        return f"raw HTML <{tags[0]}> in the plan", "plans are plain Markdown: delete the tag, keep its text"
    if junk.ENTITY_TAG_RE.search(line):
        return "entity-encoded HTML tag (&lt;…) in the plan", "write the text plainly, without markup"
    braces = junk.attribute_braces(line)
    if braces:
        shown = line[braces[0]:line.find("}", braces[0]) + 1]
        return (f"attribute list '{shown[:40]}' in the plan",
                "plans cannot set HTML ids, classes or attributes: delete the {…}, or write （…） for a remark")
    if junk.ADMONITION_RE.match(line):
        return "admonition '!!!' in the plan", "plans are plain Markdown: write it as a paragraph"
    return None


def _junk_problems(line: str) -> Iterator[tuple[str, str]]:
    invisible = junk.INVISIBLE_RE.search(line)
    if invisible:
        yield f"invisible character {junk.invisible_name(invisible.group(0))}", "delete it"
    if junk.DE_JUNK_RE.search(line):
        match = junk.DE_JUNK_RE.search(line)
        assert match is not None
        yield f"anti-copy junk '的{match.group(0)}'", f"delete the '{match.group(0)}' after 的"
    for wrong, right in junk.MOJIBAKE.items():
        if wrong in line:
            yield f"mojibake '{wrong}'", f"write {right} instead, as in 处臵 → 处置"
    if junk.LOST_PUNCT_RE.search(line):
        yield "placeholder for lost punctuation ('[]' or '□')", "replace it with the punctuation that belongs there"
    for match in junk.SPLICED_SITE_RE.finditer(line):
        if junk.is_spliced_site_name(match.group(0)):
            yield f"spliced-in site signature '{match.group(0)}'", "delete it"
    for word in junk.WATERMARK_WORDS:
        if word in line and not line.startswith(SOURCE_FIELDS):
            yield f"template-site text '{word}'", "delete the site's text; keep only the plan"
            break


# the front matter's source fields name the 范文 site and its page: their words are no junk in the plan
SOURCE_FIELDS = ("  site:", "  collection:")
# a line needs a closer look only if it has one of these (most lines have none)
_SUSPECT_RE = re.compile(junk.INVISIBLE_RE.pattern + r"|[<&:臵□\[{!-]|的[.`'´]|" + "|".join(junk.WATERMARK_WORDS))


def text_problems(text: str, path: str) -> list[Problem]:
    """The problems of a whole file's text; only lines with a suspect character are examined."""
    found: list[Problem] = []
    checked: set[int] = set()
    for match in _SUSPECT_RE.finditer(text):
        number = text.count("\n", 0, match.start()) + 1
        if number in checked:
            continue
        checked.add(number)
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        line = text[start:end if end >= 0 else len(text)]
        found.extend(Problem(path, number, message, hint) for message, hint in line_problems(line))
    return found


def _placeholder_problems(line: str) -> Iterator[tuple[str, str]]:
    if UNCLOSED_PLACEHOLDER_RE.search(line):
        yield "placeholder '{{' is not closed", "write placeholders as {{20xx}}, {{xx市}} or {{**}}, on one line"


def line_problems(line: str) -> list[tuple[str, str]]:
    """(problem, hint) pairs for one line of a plan (front matter or body)."""
    html = _html_problem(line)
    return ([html] if html else []) + list(_junk_problems(line)) + list(_placeholder_problems(line))
