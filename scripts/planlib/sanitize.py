"""The second line of defence: generated pages' HTML reduced to what the site itself writes.

`planlib check` refuses raw HTML, scripts and script URLs in plans; should
such a plan reach a build anyway, nh3 (ammonia) keeps only the tags and
attributes our pages use, only http(s), mailto and relative links, and no
comments, so nothing executable that came from a plan reaches site/.
"""

from __future__ import annotations

import html

import nh3

TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "mark", "nav", "ol", "p", "pre", "s", "small",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul"}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href", "download", "hreflang"},
    "span": {"data-ph", "data-text"},
    "div": {"data-plan"},
    "td": {"align", "style"},
    "th": {"align", "style"},
    "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(content: str) -> str:
    """Page HTML with anything not on the allow-list removed."""
    return nh3.clean(content, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                     strip_comments=True, filter_style_properties={"text-align"})


def text_for_meta(value: str) -> str:
    """Plain text for a page's title or description, which the theme inserts without escaping."""
    return html.escape(" ".join(value.split()), quote=True)
