"""The plan file format, in one place: read, split, render and atomically write a plan file.

A plan file is UTF-8 text with LF line endings: a YAML front matter block
between two `---` lines, then the Markdown body. Every command that reads or
writes plan files (check and `--fix`, import, new, synth, the build) goes
through this module; none writes front matter or a file of its own.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from planlib.limits import MAX_PLAN_BYTES
from planlib.problems import Problem

FENCE = "---"
# the documented order of the front matter fields (docs/contributing.md)
FIELD_ORDER = ("title", "sector", "institution", "section", "year", "term", "tags", "source", "duplicate_of")


@dataclass(frozen=True)
class SplitText:
    """A plan file's text cut at its front matter fences."""

    front: str  # the YAML between the fences
    body: str  # the Markdown after the closing fence
    body_line: int  # the file line on which `body` starts


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The text of a plan file with BOM and CR line endings reported (and undone), or the problems."""
    try:
        status = path.stat()
    except OSError as error:
        return None, [Problem(shown, 0, f"cannot read file: {error.strerror}", "check the path")]
    if not stat.S_ISREG(status.st_mode):  # a folder, a FIFO (reading would wait forever), a device
        return None, [Problem(shown, 0, "not a regular file", "name a plan file")]
    size = status.st_size
    if size > MAX_PLAN_BYTES:
        return None, [Problem(shown, 1, f"file is too large ({size / 1e6:.1f} MB)",
                              f"a plan is at most {MAX_PLAN_BYTES // 1000} KB: split it or trim it")]
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown, 0, f"cannot read file: {error.strerror}", "check the path")]
    return decode(data, shown)


def small_file_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file of at most MAX_PLAN_BYTES; None for anything read_text reports unread
    (then read_text says why)."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_PLAN_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def decode(data: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """Plan file bytes as text (UTF-8, LF), or the problems that prevent reading them."""
    if not data.strip():
        return None, [Problem(shown, 1, "file is empty",
                              "start with front matter: '---', title: …, '---', then the plan")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(shown, 1, "UTF-16 text, not UTF-8", "save the plan as UTF-8, without BOM")]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(shown, line, "binary data (NUL bytes), not text",
                              "save the plan as UTF-8 text; import documents with planlib import")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"not UTF-8 text (byte 0x{data[error.start]:02x})",
                              "save as UTF-8; planlib import converts GBK and Big5 files")]
    problems: list[Problem] = []
    if text.startswith("\ufeff"):
        problems.append(Problem(shown, 1, "file starts with a byte-order mark (BOM)",
                                "save as UTF-8 without BOM"))
        text = text[1:]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        problems.append(Problem(shown, line, "Windows or old Mac line endings (CR)",
                                "save with LF line endings, as on Unix"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems


def split(text: str, shown: str) -> tuple[SplitText | None, list[Problem]]:
    """Cut LF text at its front matter fences; problems when there is no closed front matter."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return None, [Problem(shown, 1, "no front matter at the top of the file",
                              "start the file with '---', the fields (title: …), then '---'")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return SplitText("\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2), []
    return None, [Problem(shown, 1, "front matter is not closed", "add a line '---' after the last field")]


def _scalar(value: object) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return dumped.strip().removesuffix("...").strip()


def render_front_matter(fields: Mapping[str, object]) -> str:
    """Front matter in the documented field order, one field per line, fences included."""
    order = {name: position for position, name in enumerate(FIELD_ORDER)}
    lines = [FENCE]
    for key in sorted(fields, key=lambda name: order.get(name, len(order))):
        value = fields[key]
        if value is None:
            continue
        if isinstance(value, Mapping):
            entries = {k: v for k, v in value.items() if v is not None}
            if entries:
                lines.append(f"{key}:")
                lines.extend(f"  {k}: {_scalar(v)}" for k, v in entries.items())
        elif isinstance(value, (list, tuple)):
            lines.append(f"{key}: [{', '.join(_scalar(v) for v in value)}]")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    lines.append(FENCE)
    return "\n".join(lines) + "\n"


def render(fields: Mapping[str, object], body: str) -> str:
    """A whole plan file: front matter, one blank line, the body ending in one newline."""
    return render_front_matter(fields) + "\n" + body.strip("\n") + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never a part.

    Raises OSError (disk full, read-only folder …); the caller reports it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
