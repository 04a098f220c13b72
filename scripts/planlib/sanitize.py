"""Generated HTML reduced to what the site itself writes: the last line of defence.

Behind `planlib check` (which refuses raw HTML, attribute lists and
admonitions in plans) and the plan renderer (document.py, which turns such
markup into text and lets a plan set no attribute), `clean_html` passes every
generated page through nh3 (ammonia): only the tags and attributes our pages
use, only http(s), mailto and relative links, no comments; ids never in the
theme's `__` namespace, classes only of the site's own form, data attributes
only with the values the site writes (a placeholder's kind, a plan's id, a
calendar's entries as a JSON object).
"""

from __future__ import annotations

import html
import json
import re

import nh3

from planlib import placeholders
from planlib.model import SLUG_RE

# No element that `document` exposes by name (embed, form, iframe, img, object) is allowed, so that
# plan text can never shadow document.head, document.currentScript and the like (DOM clobbering).
TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "mark", "nav", "ol", "p", "pre", "s", "small",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul"}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href", "download", "hreflang"},
    "span": {"data-ph", "data-text"},
    "div": {"data-plan", "data-ics"},
    "td": {"align", "style"},
    "th": {"align", "style"},
    "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# The classes generated pages carry: the site's own (plan-…, part-…, heat-…, ph) and those of the
# Markdown extensions it uses (toc, admonition, Material's buttons). Anything else is dropped.
SITE_CLASS_RE = re.compile(r"(?:plan|part|heat)(?:-[a-z0-9]+)*(?:__[a-z0-9]+(?:-[a-z0-9]+)*)?(?:--[a-z0-9-]+)?"
                           r"|heat|ph|headerlink|admonition|admonition-title|info|note|md-button|md-button--primary")
PLACEHOLDER_KINDS = set(placeholders.KINDS)


def _site_attribute(element: str, attribute: str, value: str) -> str | None:
    """An attribute as the site writes it, or None to drop it."""
    if attribute == "id":
        # the theme's ids (__config, __search, __drawer …) and ours are never a plan's to take
        return value if value and not value.startswith("_") and not any(ch.isspace() for ch in value) else None
    if attribute == "class":
        kept = [name for name in value.split() if SITE_CLASS_RE.fullmatch(name)]
        return " ".join(kept) if kept else None
    if attribute == "data-ph":
        return value if value in PLACEHOLDER_KINDS else None
    if attribute == "data-plan":
        return value if SLUG_RE.match(value) else None
    if attribute == "data-ics":  # a calendar's entries (planlib.calendar.ics), read by calendar.js as JSON
        return value if _is_json_object(value) else None
    return value


def _is_json_object(value: str) -> bool:
    try:
        return isinstance(json.loads(value), dict)
    except ValueError:
        return False


_CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_site_attribute,
                       url_schemes=URL_SCHEMES, link_rel=None, strip_comments=True,
                       filter_style_properties={"text-align"})


def clean_html(content: str) -> str:
    """Page HTML with anything not on the allow-list removed."""
    return _CLEANER.clean(content)


def text_for_meta(value: str) -> str:
    """Plain text for a page's title or description, which the theme inserts without escaping."""
    return html.escape(" ".join(value.split()), quote=True)
