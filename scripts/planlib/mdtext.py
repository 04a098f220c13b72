"""Plain text ↔ Markdown: escaping text so it renders exactly as written."""

from __future__ import annotations

import html
import re

_INLINE_SPECIAL_RE = re.compile(r"([\\`*_\[\]{}])")
_LINE_START_RE = re.compile(r"^(#|>|[-+*](?=\s|$)|=+\s*$|-+\s*$|\d{1,9}(?=[.)]))")


def escape_inline(text: str) -> str:
    """Plain text → Markdown for use inside a line: emphasis, links and braces escaped."""
    return _INLINE_SPECIAL_RE.sub(r"\\\1", text)


def escape_markdown(text: str) -> str:
    """Plain text → Markdown that renders as exactly that text (a block's first line)."""
    text = escape_inline(text)
    match = _LINE_START_RE.match(text)
    if match:
        token = match.group(1)
        if token[0].isdigit():  # 1. at the start would begin an ordered list
            return token + "\\" + text[len(token):]
        return "\\" + text
    return text


def inline(text: str) -> str:
    """Untrusted text for use inside generated Markdown: no markup, no HTML."""
    return escape_markdown(html.escape(" ".join(text.split()), quote=False))


def attribute(text: str) -> str:
    """Untrusted text for an HTML attribute value."""
    return html.escape(" ".join(text.split()), quote=True)
