"""Line-level checks of a plan file's text and front matter values: encoding junk, watermarks, unsafe markup."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from planlib import junk
from planlib.document import UNCLOSED_PLACEHOLDER_RE
from planlib.problems import Problem


def _html_problem(line: str, markdown: bool) -> tuple[str, str] | None:
    """The most telling unsafe-markup problem of a line, if any (one per line).

    Attribute lists and admonitions are Markdown: they count in the body (`markdown`), not in front matter.
    Each test runs only when the line has the character it needs, so that a line costs little.
    """
    spans = junk.html_spans(line) if "<" in line else []
    tags = [tag for _, _, tag in spans]
    dangerous = [tag for tag in tags if tag in ("script", "iframe", "object", "embed", "style")]
    if dangerous:
        return f"raw HTML <{dangerous[0]}> in the plan", "plans are plain Markdown: delete the tag and its content"
    if any(junk.EVENT_ATTR_RE.search(line, start, end) for start, end, _ in spans):
        return f"HTML event attribute (on…=) in a <{tags[0]}> tag", "delete the tag: plans cannot carry scripts"
    if ":" in line or "&" in line:
        # browsers drop tabs and line breaks inside a URL: jav&#x09;ascript: is javascript:
        match = junk.SCRIPT_URL_RE.search(line) or (
            "&" in line and junk.SCRIPT_URL_RE.search(re.sub(r"[\t\n\r]", "", html.unescape(line))))
        if match:
            return f"script or data URL '{match.group(0)}' in the plan", "link only to http(s) pages"
    if tags:
        return f"raw HTML <{tags[0]}> in the plan", "plans are plain Markdown: delete the tag, keep its text"
    if "&" in line and junk.ENTITY_TAG_RE.search(line):
        return "entity-encoded HTML tag (&lt;…) in the plan", "write the text plainly, without markup"
    braces = junk.attribute_braces(line) if markdown else []
    if braces:
        shown = line[braces[0]:line.find("}", braces[0]) + 1]
        return (f"attribute list '{shown[:40]}' in the plan",
                "plans cannot set HTML ids, classes or attributes: delete the {…}, or write （…） for a remark")
    if markdown and "!!!" in line and junk.ADMONITION_RE.match(line):
        return "admonition '!!!' in the plan", "plans are plain Markdown: write it as a paragraph"
    return None


def _junk_problems(line: str) -> Iterator[tuple[str, str]]:
    if "的" in line:
        match = junk.DE_JUNK_RE.search(line)
        if match:
            yield f"anti-copy junk '的{match.group(0)}'", f"delete the '{match.group(0)}' after 的"
    for wrong, right in junk.MOJIBAKE.items():
        if wrong in line:
            yield f"mojibake '{wrong}'", f"write {right} instead, as in 处臵 → 处置"
    if ("[]" in line or "□" in line) and junk.LOST_PUNCT_RE.search(line):
        yield "placeholder for lost punctuation ('[]' or '□')", "replace it with the punctuation that belongs there"
    if "-" in line:
        for match in junk.SPLICED_SITE_RE.finditer(line):
            if junk.is_spliced_site_name(match.group(0)):
                yield f"spliced-in site signature '{match.group(0)}'", "delete it"
    for word in junk.WATERMARK_WORDS:
        if word in line and not line.startswith(SOURCE_FIELDS):
            yield f"template-site text '{word}'", "delete the site's text; keep only the plan"
            break


# the front matter's source fields name the 范文 site and its page: their words are no junk in the plan
SOURCE_FIELDS = ("  site:", "  collection:")
# A line needs a closer look only if it has one of these (most lines have none): found in one pass over
# the whole text, so that a clean line costs nothing.
SUSPECTS = (r"<\s*/?\s*[a-zA-Z!?]", r"&[#a-zA-Z]", r"(?i:script|data)\s*:", r"\{", "!!!", "臵", "□", r"\[\]",
            "的[.`'´]", rf"(?<={junk.CJK_CHAR})-(?={junk.CJK_CHAR})", *junk.WATERMARK_WORDS)
# every character a suspect can begin with ('ſ' is an s to (?i)): led by a lookahead on them, the regex
# engine passes over the other characters in C, seven times faster than trying each suspect at each one
SUSPECT_STARTS = "<&sSſdD{!臵□[的-" + "".join(word[0] for word in junk.WATERMARK_WORDS)
SUSPECT_RE = re.compile(f"(?=[{re.escape(SUSPECT_STARTS)}])(?:{'|'.join(SUSPECTS)})")
MAX_TEXT_PROBLEMS = 1_000  # a file with more is read no further: its first ones say enough


def text_problems(text: str, path: str, body_line: int = 1) -> list[Problem]:
    """The problems of a whole file's text, in linear time; only lines with a suspect character are examined.

    Lines from `body_line` on are the Markdown body; those before it are front matter.
    """
    found: list[Problem] = []
    line_number, scanned, last = 1, 0, 0
    for match in SUSPECT_RE.finditer(text):
        line_number += text.count("\n", scanned, match.start())  # from the last match on: linear overall
        scanned = match.start()
        if line_number == last:
            continue
        last = line_number
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        line = text[start:end if end >= 0 else len(text)]
        found.extend(Problem(path, line_number, message, hint)
                     for message, hint in line_problems(line, line_number >= body_line))
        if len(found) >= MAX_TEXT_PROBLEMS:
            break
    return found


def field_problems(data: object, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str, str]]:
    """(key path, problem, hint) for unsafe markup in front matter values, as written or made by YAML escapes."""
    found: list[tuple[tuple[str, ...], str, str]] = []
    if isinstance(data, str):
        markup = _html_problem(data, False)
        if markup is not None:
            found.append((path, f"'{'.'.join(path)}': {markup[0]}", markup[1]))
    elif isinstance(data, dict):
        for key, value in data.items():
            found.extend(field_problems(value, (*path, str(key))))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found.extend(field_problems(item, (*path, str(index))))
    return found


def _placeholder_problems(line: str) -> Iterator[tuple[str, str]]:
    if "{{" in line and UNCLOSED_PLACEHOLDER_RE.search(line):
        yield "placeholder '{{' is not closed", "write placeholders as {{20xx}}, {{xx市}} or {{**}}, on one line"


def line_problems(line: str, markdown: bool = True) -> list[tuple[str, str]]:
    """(problem, hint) pairs for one line of a plan: of its Markdown body, or (not `markdown`) its front matter."""
    html = _html_problem(line, markdown)
    return ([html] if html else []) + list(_junk_problems(line)) + list(_placeholder_problems(line))
