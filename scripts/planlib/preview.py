"""What a rebuild under `mkdocs serve --dirty` reuses from the build before it, in the same process.

A maintainer who edits one plan should not wait for the whole library to be
read and every page to be made again. Four things carry over between builds:

- `PlanMemo`: a plan file whose bytes (and taxonomy) are unchanged gives the
  same Plan object as before, so it is neither parsed nor validated again,
  and what was derived from it and kept on it is reused too;
- `PageMemo`: a plan page whose inputs (plan_page_inputs) are the same
  objects is the page of the build before, with its fingerprint;
- `PageLedger`: a generated page is written again only when its fingerprint
  changed: its view, title, template, front matter and table of contents,
  together with what every page of a language shares (`shared_seed`: the
  templates, the configuration file and the search dialog's filters). Pages
  no longer generated (a plan deleted, or held back by a new problem) are
  removed from the served site;
- `CompiledTemplates` (render): the templates, compiled once.

Nothing here decides what a page shows: a page made again is made exactly as
a full build makes it, so a fingerprint can only cost a page made in vain,
never a stale one, as long as every input of a page is in its fingerprint
(and every input of a plan page in plan_page_inputs). tests/test_preview.py
holds a served site to a full build of the same files.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from planlib.library import load_plan, plan_from_bytes
from planlib.model import Plan
from planlib.pages.page import VirtualPage
from planlib.planfile import small_file_bytes
from planlib.problems import Problem, display_path
from planlib.render import CompiledTemplates
from planlib.search.refresh import SearchRefresh
from planlib.taxonomy import Taxonomy

Loaded = tuple[Plan | None, list[Problem]]
Stamp = tuple[int, int, int, int]  # what a write to a file changes: inode, size, modification and change time (ns)


def _stamp(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _digest(*parts: bytes) -> bytes:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.digest()


@dataclass
class PlanMemo:
    """load_plan, remembered by file bytes for as long as the taxonomy object is the same. A file whose
    inode, size and times are unchanged is not read again (as make and MkDocs judge a file unchanged)."""

    taxonomy: Taxonomy | None = None
    loaded: dict[Path, tuple[Stamp, bytes, Loaded]] = field(default_factory=dict)  # path → (stamp, digest, plan)
    reused: int = 0  # plans given again unparsed, in the last build
    read: int = 0  # plans parsed, in the last build
    seen: set[Path] = field(default_factory=set)  # files read in this build

    def start(self) -> None:
        """Begin a build."""
        self.reused = self.read = 0
        self.seen = set()

    def load(self, path: Path, tax: Taxonomy, root: Path) -> Loaded:
        """What load_plan(path, tax, root) gives, parsed again only when the file's bytes changed."""
        if tax is not self.taxonomy:  # another taxonomy can change every plan's problems: nothing is kept
            self.taxonomy, self.loaded = tax, {}
        kept = self.loaded.get(path)
        stamp = _stamp(path)
        if kept is not None and stamp is not None and kept[0] == stamp:  # not written to since: not read
            self.seen.add(path)
            self.reused += 1
            return kept[2]
        data = small_file_bytes(path)
        if data is None or stamp is None:  # unreadable or too large: load_plan says why
            return load_plan(path, tax, root)
        self.seen.add(path)
        key = _digest(data, str(root).encode("utf-8", "surrogateescape"))
        if kept is not None and kept[1] == key:  # written to, with the same bytes
            self.reused += 1
            self.loaded[path] = (stamp, key, kept[2])
            return kept[2]
        self.read += 1
        loaded = plan_from_bytes(data, display_path(path, root), path.stem, tax)
        self.loaded[path] = (stamp, key, loaded)
        return loaded

    def finish(self) -> None:
        """End a build: let go of the plans whose files it did not read (deleted, or no longer plans)."""
        for path in [path for path in self.loaded if path not in self.seen]:
            del self.loaded[path]


def shared_seed(lang: str, config_bytes: bytes, template_dirs: Iterable[Path], shared: object) -> bytes:
    """What every generated page of a language depends on besides its own view: the language, the
    configuration file, every template (ours and the theme overrides) and the data all pages share
    (e.g. the search dialog's filters)."""
    parts = [lang.encode(), config_bytes, pickle.dumps(shared, protocol=5)]
    for folder in template_dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts += [path.as_posix().encode("utf-8", "surrogateescape"), path.read_bytes()]
    return _digest(*parts)


def fingerprint(page: VirtualPage, seed: bytes) -> bytes:
    """A page's inputs as one digest: equal fingerprints, equal pages."""
    return _digest(seed, pickle.dumps((page.src_uri, page.title, page.template, page.view, page.headings, page.meta),
                                      protocol=5))


def _same(kept: object, now: object) -> bool:
    """Inputs of a page are the same: text and numbers equal, tuples item by item, other objects identical."""
    if isinstance(kept, tuple) and isinstance(now, tuple):
        return len(kept) == len(now) and all(_same(a, b) for a, b in zip(kept, now))
    if isinstance(kept, (str, int, float, bytes)) or kept is None:
        return type(kept) is type(now) and kept == now
    return kept is now


@dataclass
class PageMemo:
    """Plan pages kept from the build before, with their inputs (plan_page_inputs) and fingerprints: a
    page whose inputs are the same objects is not made nor fingerprinted again. Keeping the inputs keeps
    the objects alive, so an identical object is the same one, never a new one at a reused address."""

    kept: dict[tuple[str, str], tuple[tuple[object, ...], VirtualPage]] = field(default_factory=dict)
    prints: dict[tuple[str, str], tuple[VirtualPage, bytes, bytes]] = field(default_factory=dict)
    used: set[tuple[str, str]] = field(default_factory=set)
    reused: int = 0

    def start(self) -> None:
        self.used, self.reused = set(), 0

    def reuse(self, inputs: tuple[object, ...], make: Callable[[], VirtualPage]) -> VirtualPage:
        """The page of the build before if its inputs are the same, else `make()`."""
        lang, plan = str(inputs[0]), inputs[1]
        key = (lang, getattr(plan, "path", ""))
        self.used.add(key)
        kept = self.kept.get(key)
        if kept is not None and _same(kept[0], inputs):
            self.reused += 1
            return kept[1]
        page = make()
        self.kept[key] = (inputs, page)
        return page

    def fingerprint(self, lang: str, page: VirtualPage, seed: bytes) -> bytes:
        """fingerprint(page, seed), not computed again for the very page object of the build before."""
        key = (lang, page.src_uri)
        kept = self.prints.get(key)
        if kept is not None and kept[0] is page and kept[1] == seed:
            return kept[2]
        print_ = fingerprint(page, seed)
        self.prints[key] = (page, seed, print_)
        return print_

    def finish(self) -> None:
        """Let go of the pages this build did not ask for."""
        self.kept = {key: value for key, value in self.kept.items() if key in self.used}
        pages = {id(page) for _, page in self.kept.values()}
        self.prints = {key: value for key, value in self.prints.items() if id(value[0]) in pages}


@dataclass
class PageLedger:
    """The fingerprints of the pages the last build wrote, per language, and where it wrote them."""

    built: dict[str, dict[str, tuple[bytes, str]]] = field(default_factory=dict)  # lang → src_uri → (print, dest)
    made: int = 0  # pages to make again, in the current build
    kept: int = 0  # pages left as the build before wrote them

    def start(self) -> None:
        self.made = self.kept = 0

    def changed(self, lang: str, src_uri: str, print_: bytes) -> bool:
        """Whether the page must be made again (it is new, or its fingerprint changed)."""
        before = self.built.get(lang, {}).get(src_uri)
        fresh = before is None or before[0] != print_
        if fresh:
            self.made += 1
        else:
            self.kept += 1
        return fresh

    def record(self, lang: str, pages: dict[str, tuple[bytes, str]]) -> list[str]:
        """Remember what this build writes for a language (name → (fingerprint, output path), for its pages
        and its other files); return the output paths of what it no longer writes, to be removed."""
        gone = [dest for src, (_, dest) in self.built.get(lang, {}).items() if src not in pages]
        self.built[lang] = pages
        return gone


@dataclass
class Preview:
    """Everything kept from one build to the next of a `mkdocs serve --dirty` session."""

    plans: PlanMemo = field(default_factory=PlanMemo)
    pages: PageLedger = field(default_factory=PageLedger)
    plan_pages: PageMemo = field(default_factory=PageMemo)
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)  # ours and the theme's
    search: SearchRefresh = field(default_factory=SearchRefresh)  # the index, made again in the background
    seeds: dict[str, bytes] = field(default_factory=dict)  # lang → what every page shared last time
    home: dict[str, bytes] = field(default_factory=dict)  # lang → fingerprint of the home page's overview

    def seed_changed(self, lang: str, seed: bytes) -> bool:
        """Whether what every page of a language shares changed since the build before."""
        changed = self.seeds.get(lang) != seed
        self.seeds[lang] = seed
        return changed

    def home_changed(self, lang: str, overview: object, seed: bytes) -> bool:
        """Whether the home page (a page of docs/ with the library's overview in it) must be made again."""
        print_ = _digest(seed, pickle.dumps(overview, protocol=5))
        changed = self.home.get(lang) != print_
        self.home[lang] = print_
        return changed
