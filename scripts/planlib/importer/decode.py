"""Bytes of a saved page → text: encoding detection and HTML tag stripping."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from charset_normalizer import from_bytes

MAX_INPUT_BYTES = 20_000_000
# what charset-normalizer reports, mapped to the decoder that reads it fully
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
_ALLOWED = {"utf_8", "gb18030", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "cp936"}
HTML_HINT_RE = re.compile(r"<(?:!doctype|html|body|head|div|p|br|span|table)\b", re.IGNORECASE)
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "table", "ul", "ol", "blockquote", "title", "header", "footer", "nav", "dd", "dt", "hr"}
SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "svg", "head"}


class DecodeError(Exception):
    """The input cannot be read as text; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    was_html: bool


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one block per line; scripts and styles dropped."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n[ \t]*(?=\n)", "\n", text)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in ((codecs.BOM_UTF8, "utf_8"), (codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"),
                      (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            try:
                text = data.decode("utf_8_sig" if name == "utf_8" else name)
            except UnicodeDecodeError as error:
                raise DecodeError(f"starts with a {name} byte-order mark but is not valid {name}: {error.reason}")
            return text, name
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None and b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not a text page")
    if best is None:
        raise DecodeError("cannot tell the text encoding (not UTF-8, GBK/GB18030, Big5 or UTF-16)")
    name = _WIDER.get(best.encoding, best.encoding)
    if name not in _ALLOWED:
        raise DecodeError(f"looks like {best.encoding}, which is not a Chinese text encoding; "
                          "save the page as UTF-8 or GBK")
    try:
        return data.decode(name), name
    except UnicodeDecodeError as error:
        raise DecodeError(f"not valid {name}: {error.reason} at byte {error.start}")


def decode_page(data: bytes) -> Decoded:
    """Decode a saved page (UTF-8, GBK/GB18030, Big5, UTF-16; text or HTML)."""
    if len(data) > MAX_INPUT_BYTES:
        raise DecodeError(f"file is too large ({len(data) / 1e6:.1f} MB; at most {MAX_INPUT_BYTES // 1_000_000} MB)")
    if not data.strip():
        raise DecodeError("file is empty")
    text, encoding = _decode(data)
    if "\x00" in text:
        raise DecodeError("binary data (NUL characters), not a text page")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text) // 100):
        raise DecodeError("binary data (many control characters), not a text page")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    was_html = bool(HTML_HINT_RE.search(text[:5000]))
    if was_html:
        text = html_to_text(text)
    return Decoded(text, encoding, was_html)
