"""Reading a built site as a reader's browser would: links, click depth, anchors."""

from __future__ import annotations

import posixpath
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(site: Path, path: Path) -> str:
    """The site URL of an HTML file (directory URLs end with /)."""
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html") if relative.endswith("index.html") else relative


def target_file(site: Path, from_url: str, href: str) -> tuple[Path | None, str]:
    """The file an internal link points at (None for external links), and its #fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
        return None, ""
    if not parts.path:
        return site / (from_url + "index.html" if from_url.endswith("/") or not from_url else from_url), parts.fragment
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url
    resolved = posixpath.normpath(posixpath.join(base, unquote(parts.path))).lstrip("/")
    if resolved == ".":
        resolved = ""
    target = site / resolved
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site: Path) -> list[str]:
    """Every internal link (and #anchor) in the site that does not resolve."""
    problems = []
    parsed = {path: parse(path) for path in site.rglob("*.html")}
    for path, links in parsed.items():
        url = page_url(site, path)
        for href in links.hrefs:
            target, fragment = target_file(site, url, href)
            if target is None:
                continue
            if not target.exists():
                problems.append(f"{url}: {href} → missing {target.relative_to(site) if target.is_relative_to(site) else target}")
            elif fragment and target.suffix == ".html" and target in parsed and unquote(fragment) not in parsed[target].ids:
                problems.append(f"{url}: {href} → no #{fragment}")
    return problems


def click_depths(site: Path, start: str = "") -> dict[str, int]:
    """Fewest clicks from the page at `start` to every page reachable from it."""
    depth = {start: 0}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        path = site / (url + "index.html" if url.endswith("/") or not url else url)
        if not path.exists() or path.suffix != ".html":
            continue
        for href in parse(path).hrefs:
            target, _ = target_file(site, url, href)
            if target is None or not target.exists() or target.suffix != ".html":
                continue
            target_url = page_url(site, target)
            if target_url not in depth:
                depth[target_url] = depth[url] + 1
                queue.append(target_url)
    return depth


class _Outline(HTMLParser):
    """The parts, schedule months and items of a plan page's body, as a reader sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the plan body: element depth, 0 outside
        self.parts: list[str] = []
        self.months: list[tuple[str, list]] = []
        self.capture: list[list[str]] = []  # texts being collected: heading or list items (innermost last)
        self.kinds: list[str] = []
        self.current_month: tuple[str, list] | None = None
        self.skip = 0  # inside a permalink

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.depth == 0:
            if tag == "div" and "plan-body" in (values.get("class") or "").split():
                self.depth = 1
            return
        self.depth += 1
        if tag == "a" and "headerlink" in (values.get("class") or ""):
            self.skip += 1
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            kind = "month" if tag == "h3" and "plan-month" in (values.get("class") or "").split() else tag
            self.capture.append([])
            self.kinds.append(kind)
        elif tag == "li":
            if "li" in self.kinds:  # a nested item: more text of the activity it is in
                self.kinds.append("nested")
                return
            own: list[str] = []
            self.capture.append(own)
            self.kinds.append("li")
            if self.current_month is not None:
                self.current_month[1].append(own)  # type: ignore[arg-type]  # joined at the end

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0:
            return
        self.depth -= 1
        if tag == "a" and self.skip:
            self.skip -= 1
        if tag == "li" and self.kinds and self.kinds[-1] == "nested":
            self.kinds.pop()
            return
        if tag in ("h2", "h3", "h4", "h5", "h6", "li"):
            text = "".join(self.capture.pop())
            kind = self.kinds.pop()
            if kind == "h2":
                self.parts.append(text)
                self.current_month = None
            elif kind == "month":
                self.current_month = (text, [])
                self.months.append(self.current_month)
            elif kind == "h3":
                self.current_month = None

    def handle_data(self, data: str) -> None:
        if self.depth and self.capture and not self.skip:
            self.capture[-1].append(data)


def plan_outline(html: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(part titles, [(month heading, its items)]) of a plan page, in page order; all spaces removed.

    Items are the list items under a schedule month heading (an h3 of class
    plan-month, as the reader tools find it) up to the next h2 or h3, each with
    all its text, the items of a list nested in it included.
    """
    parser = _Outline()
    parser.feed(html)
    squash = "".join
    return ([squash(t.split()) for t in parser.parts],
            [(squash(label.split()), [squash("".join(item).split()) for item in items])
             for label, items in parser.months])
