"""Old plan URLs keep working: a redirect page per changed plan id, from the committed table redirects.yml.

When a re-import (or a maintainer) renames a plan, its old id goes into
`redirects.yml` (`plans: {old-id: new-id}`); every build then writes, at
the old plan URL in every language, a small page that sends the reader to
the new one. Entries are kept for good: links in bookmarks, chats and
search engines outlive any release.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planlib import urls
from planlib.csp import with_policy
from planlib.labels import t
from planlib.model import SLUG_RE
from planlib.pages.page import VirtualFile
from planlib.problems import Problem
from planlib.render import Renderer
from planlib.yamlsafe import read_yaml_file

TABLE = "redirects.yml"
TEMPLATE = "redirect.html"  # in overrides/planlib/


@dataclass(frozen=True)
class RedirectView:
    lang: str
    title: str
    text: str
    target: str  # the new URL, relative to the old one


def table_path(root: Path) -> Path:
    return root / TABLE


def load_redirects(root: Path, plan_ids: set[str]) -> tuple[dict[str, str], list[Problem]]:
    """{old id: current id} from the table, chains followed; the problems of the table (file:line)."""
    path = table_path(root)
    if not path.is_file():
        return {}, []
    shown = TABLE
    document, issues = read_yaml_file(path, shown, "the redirect table",
                                      "write plans: followed by lines 'old-id: new-id'")
    if document is None:
        return {}, issues
    entries = document.data.get("plans") if isinstance(document.data, dict) else None
    if not isinstance(entries, dict):
        return {}, [Problem(shown, 1, "no 'plans:' table of old id: new id",
                            "write plans: followed by lines 'old-id: new-id'")]
    problems: list[Problem] = []
    table: dict[str, str] = {}
    for old, new in entries.items():
        line = document.line_of("plans", str(old))
        if not isinstance(old, str) or not isinstance(new, str) or not SLUG_RE.match(old) or not SLUG_RE.match(new):
            problems.append(Problem(shown, line, f"'{old}: {new}' is not a pair of plan ids",
                                    "plan ids are lower-case letters, digits and hyphens"))
        elif old in plan_ids:
            problems.append(Problem(shown, line, f"'{old}' is the id of a plan in the library",
                                    "a redirect would hide that plan: delete the entry"))
        else:
            table[old] = new
    resolved: dict[str, str] = {}
    for old in table:
        target, seen = table[old], {old}
        while target in table and target not in seen:
            seen.add(target)
            target = table[target]
        if target not in plan_ids:
            problems.append(Problem(shown, document.line_of("plans", old), f"'{old}' redirects to '{target}', "
                                    "which is no plan of the library", "point it at the plan's current id"))
        else:
            resolved[old] = target
    return resolved, problems


def redirect_files(redirects: dict[str, str], lang: str, default: str, renderer: Renderer) -> list[VirtualFile]:
    """A redirect page at each old plan URL of one language (the default language's at the top level)."""
    files = []
    prefix = "" if lang == default else f"{lang}/"
    for old, new in sorted(redirects.items()):
        old_dir = urls.served(urls.plan(old))
        view = RedirectView(lang, t("moved_title", lang), t("moved_text", lang), urls.href(urls.plan(old), urls.plan(new)))
        page = with_policy(renderer.fragment(TEMPLATE, view, lang))  # a policy like every page's: no script
        files.append(VirtualFile(f"{prefix}{old_dir}redirect.html", page.encode("utf-8"), f"{prefix}{old_dir}index.html"))
    return files
