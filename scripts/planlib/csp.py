"""The Content-Security-Policy of every page: scripts of this site only, none inline but the theme's.

Material writes a few small inline scripts into each page (its storage
helpers, the colour palette); their text depends on the page (its base
URL), so each page's policy allows the ones it has by their SHA-256 hash.
Scripts inside the page's content are never allowed: the content is plan
text, which must not run. Pagefind compiles WebAssembly, hence
'wasm-unsafe-eval' (WebAssembly only, not JavaScript eval); styles may be
inline (the theme's and tables' text-align), which runs no script.

`mkdocs serve` adds an inline live-reload script of its own to every page it
serves, which no hash can foresee: pages built for serving allow inline
scripts instead (still none from other origins, no eval).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter

_SCRIPT_RE = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<code>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
_SRC_RE = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_CHARSET_RE = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)

FIXED_DIRECTIVES = (
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script a browser would run (not JSON data, not src= scripts)."""
    return [match.group("code") for match in _SCRIPT_RE.finditer(html)
            if not _SRC_RE.search(match.group("attrs")) and not _DATA_TYPE_RE.search(match.group("attrs"))]


def script_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(page_html: str, content_html: str = "", live_reload: bool = False) -> str:
    """The policy for a finished page whose content (plan text, after sanitising) is `content_html`."""
    if live_reload:
        allowed = ["'unsafe-inline'"]
    else:
        theme_scripts = Counter(inline_scripts(page_html)) - Counter(inline_scripts(content_html))
        allowed = sorted({script_hash(code) for code in theme_scripts})
    script_src = " ".join(["script-src 'self' 'wasm-unsafe-eval'", *allowed])
    return "; ".join([FIXED_DIRECTIVES[0], script_src, *FIXED_DIRECTIVES[1:]])


def with_policy(page_html: str, content_html: str = "", live_reload: bool = False) -> str:
    """The page with its policy as the first thing in <head> after the charset (before any script)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html, content_html, live_reload)}">'
    charset = _CHARSET_RE.search(page_html)
    if charset is not None:
        return page_html[:charset.end()] + meta + page_html[charset.end():]
    head = page_html.find("<head>")
    if head < 0:
        return page_html
    return page_html[:head + 6] + meta + page_html[head + 6:]
