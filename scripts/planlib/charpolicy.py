"""One policy for the characters of plan text: every front matter value and every line of the body.

Refused everywhere: control characters but tab and line feed (NUL, backspace,
escape, a bare carriage return …), DEL and the C1 controls; bidirectional
controls, which reorder what a reader sees; zero-width and other invisible
characters; the line and paragraph separators U+2028 and U+2029, which some
programs take for new lines; noncharacters and lone surrogates, which no
UTF-8 file can hold. A field is one line, so a line feed is refused in it
too. `planlib check` reports them, `planlib check --fix` and `planlib import`
remove them, `planlib new` never writes them, and a build leaves out a plan
that has one (the .docx, .ics and HTML writers must never meet them).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
_SEPARATORS = "\u2028\u2029"
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}"
                                            for plane in range(17))
_SURROGATES = "\ud800-\udfff"

REFUSED_RE = re.compile(f"[{_CONTROLS}{_BIDI}{_INVISIBLE}{_SEPARATORS}{_NONCHARACTERS}{_SURROGATES}]")
REFUSED_IN_FIELD_RE = re.compile(f"[\n{_CONTROLS}{_BIDI}{_INVISIBLE}{_SEPARATORS}{_NONCHARACTERS}{_SURROGATES}]")
HINT = "delete it (planlib check --fix deletes it)"


def describe(ch: str) -> str:
    """What a refused character is, for a message: 'bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE'."""
    code = ord(ch)
    name = unicodedata.name(ch, "")
    if ch == "\n":
        return "line break"
    if ch == "\r":
        return "carriage return (CR)"
    if re.match(f"[{_CONTROLS}]", ch):
        return f"control character U+{code:04X}"
    if re.match(f"[{_BIDI}]", ch):
        return f"bidirectional control U+{code:04X} {name}"
    if re.match(f"[{_SEPARATORS}]", ch):
        return f"{name.lower()} U+{code:04X}"
    if re.match(f"[{_SURROGATES}]", ch):
        return f"lone surrogate U+{code:04X}"
    if not name:
        return f"noncharacter U+{code:04X}"
    return f"invisible character U+{code:04X} {name}"


def first_refused(text: str, one_line: bool = False) -> str | None:
    """The first character the policy refuses in `text` (a body line, or a field when `one_line`)."""
    match = (REFUSED_IN_FIELD_RE if one_line else REFUSED_RE).search(text)
    return match.group(0) if match else None


def text_problems(text: str) -> list[tuple[int, str, str]]:
    """(line, problem, hint) for each line of a whole file with a refused character (the first on the line)."""
    if text.replace("\n", "").isprintable():  # no refused character is printable: a file without any ends here,
        return []  # in C, some 20 times faster than the regex
    found = []
    for match in REFUSED_RE.finditer(text):
        found.append(match.start())
    if not found:
        return []
    problems = []
    line, scanned, last_line = 1, 0, 0
    for position in found:  # one pass: count the line feeds between refused characters
        line += text.count("\n", scanned, position)
        scanned = position
        if line != last_line:
            problems.append((line, describe(text[position]), HINT))
            last_line = line
    return problems


def value_problems(data: object, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str, str]]:
    """(key path, problem, hint) for each front matter value or key (any depth) with a refused character."""
    if isinstance(data, str):
        ch = first_refused(data, one_line=True)
        if ch is not None:
            where = f"'{'.'.join(path)}'" if path else "a value"
            yield path, f"{where} contains a {describe(ch)}", \
                "fields are one line of plain text: " + ("write it on one line" if ch == "\n" else HINT)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and first_refused(key, one_line=True) is not None:
                yield path, f"a field name contains a {describe(first_refused(key, one_line=True) or '')}", HINT
            yield from value_problems(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from value_problems(item, (*path, str(index)))


def is_clean(values: object, body: str) -> bool:
    """True when front matter values (any depth) and body hold no refused character: what a build may use."""
    return REFUSED_RE.search(body) is None and next(value_problems(values), None) is None
