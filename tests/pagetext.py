"""The visible text of every page of a built site, to compare two builds as a reader would see them.

A page's text is what a browser shows: the <title>, then the text of <body>
without scripts, styles, templates and hidden elements, one line per block
(paragraph, heading, list item, table cell …), spaces collapsed. Markup,
attributes and whitespace between tags do not count.

    python tests/pagetext.py SITE_DIR OUT.json   # writes {page url: text}
"""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path

SKIPPED = {"script", "style", "template", "svg", "noscript"}
HIDDEN_CLASSES = {"plan-search-terms"}  # hidden by the site's stylesheet: words for the search index only
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "label",
          "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden_depth = 0  # inside a skipped or hidden element
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, starts a hidden region)
        self.title: list[str] = []
        self.in_title = False

    def _break(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag == "br" and not self.hidden_depth:
                self._break()
            return
        hides = tag in SKIPPED or any(name == "hidden" or (name == "class" and set((value or "").split()) & HIDDEN_CLASSES)
                                      for name, value in attrs)
        self.stack.append((tag, hides))
        if hides:
            self.hidden_depth += 1
        if tag not in INLINE and not self.hidden_depth:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.hidden_depth:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID:
            return
        while self.stack:  # close up to the matching element (HTML allows omitted end tags)
            open_tag, hides = self.stack.pop()
            if hides:
                self.hidden_depth -= 1
            if open_tag == tag:
                break
        if tag not in INLINE and not self.hidden_depth:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if not self.hidden_depth and self.stack and any(tag == "body" for tag, _ in self.stack):
            self.current.append(data)


def page_text(html: str) -> str:
    """The visible text of one HTML page: its title, then one line per block."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._break()
    title = " ".join("".join(parser.title).split())
    return "\n".join([f"title: {title}", *parser.lines])


def site_text(site: Path) -> dict[str, str]:
    """Page URL (relative, as in the site) → its visible text, for every page of the site."""
    texts = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("pagefind/"):
            continue
        texts[relative] = page_text(path.read_text(encoding="utf-8"))
    return texts


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    texts = site_text(Path(sys.argv[1]))
    Path(sys.argv[2]).write_text(json.dumps(texts, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                                 encoding="utf-8")
    print(f"{len(texts)} pages")
