"""MkDocs hooks: add the plan library to the build.

Thin adapter: planlib loads and validates the plans and returns the pages;
these hooks only hand them to MkDocs. Nothing is copied into docs/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from planlib.library import Library, load_library
from planlib.problems import ProblemError
from planlib.site import site_pages

_library: Library | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate the library once per build; stop on any problem."""
    global _library
    root = Path(config.config_file_path).parent
    try:
        library = load_library(root)
    except ProblemError as error:
        raise PluginError(f"plans/taxonomy.yml has problems:\n{error}") from None
    if library.errors:
        listing = "\n".join(p.format() for p in sorted(library.errors)[:20])
        raise PluginError(f"the plan library has {len(library.errors)} problems "
                          f"(run planlib check):\n{listing}")
    _library = library
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (plans, indexes ...) as virtual files."""
    assert _library is not None
    for page in site_pages(_library):
        files.append(File.generated(config, page.src_uri, content=page.content,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files
