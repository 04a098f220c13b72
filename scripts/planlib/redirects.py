"""Old plan URLs keep working: a redirect page per changed plan id, from the committed table redirects.yml.

When a re-import (or a maintainer) renames a plan, its old id goes into
`redirects.yml` (`plans: {old-id: new-id}`); every build then writes, at
the old plan URL in every language, a small page that sends the reader to
the new one. Entries are kept for good: links in bookmarks, chats and
search engines outlive any release.
"""

from __future__ import annotations

import html
from pathlib import Path

from planlib.model import SLUG_RE
from planlib.pages.links import plan_uri
from planlib.pages.page import VirtualFile
from planlib.problems import Problem
from planlib.yamlsafe import load_yaml

TABLE = "redirects.yml"
PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>{text} <a href="{target}">{target}</a></p>
</body>
</html>
"""
TEXT = {"zh": ("计划已移动", "这篇计划的新地址："), "en": ("Plan moved", "This plan has moved to")}


def table_path(root: Path) -> Path:
    return root / TABLE


def load_redirects(root: Path, plan_ids: set[str]) -> tuple[dict[str, str], list[Problem]]:
    """{old id: current id} from the table, chains followed; the problems of the table (file:line)."""
    path = table_path(root)
    if not path.is_file():
        return {}, []
    shown = TABLE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return {}, [Problem(shown, 1, f"cannot read the redirect table: {error}", "save it as UTF-8 text")]
    document, issues = load_yaml(text)
    if issues or document is None:
        return {}, [Problem(shown, issue.line, issue.message, issue.hint) for issue in issues]
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


def redirect_files(redirects: dict[str, str], lang: str, default: str) -> list[VirtualFile]:
    """A redirect page at each old plan URL of one language (the default language's at the top level)."""
    files = []
    prefix = "" if lang == default else f"{lang}/"
    title, text = TEXT.get(lang, TEXT["en"])
    for old, new in sorted(redirects.items()):
        old_dir = plan_uri(old).removesuffix(".md")
        target = "../" + plan_uri(new).removesuffix(".md").split("/")[-1] + "/"
        page = PAGE.format(lang=html.escape(lang), title=html.escape(title), text=html.escape(text),
                           target=html.escape(target, quote=True))
        files.append(VirtualFile(f"{prefix}{old_dir}/redirect.html", page.encode("utf-8"),
                                 f"{prefix}{old_dir}/index.html"))
    return files
