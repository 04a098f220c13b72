"""Views to HTML: the Jinja templates of overrides/planlib/, with every value escaped.

The environment escapes everything a view holds (plan titles, labels,
activities come from untrusted plan files), raises on a name a view lacks,
and knows the interface words of the page's language. A plan's body and a
gallery's part texts arrive as HTML already rendered from the document tree
and are marked `| safe` where the template inserts them.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket

from planlib.labels import PLAN_LANGUAGE, colon, t
from planlib.pages.page import VirtualPage


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory from one build to the next of a serve session: MkDocs makes a new
    template environment for every build, and compiling the theme's templates again took about a second.
    Jinja keys each entry by the template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class Renderer:
    def __init__(self, templates: Path, compiled: CompiledTemplates | None = None) -> None:
        self.env = Environment(loader=FileSystemLoader(templates), autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, auto_reload=False, bytecode_cache=compiled)
        self.env.globals["plan_lang"] = PLAN_LANGUAGE  # the language of the plans' own words

    def render(self, page: VirtualPage, lang: str) -> str:
        """The HTML of a generated page's content area."""
        template = self.env.get_template(page.template)
        return template.render(view=page.view, lang=lang, colon=colon(lang),
                               t=lambda key, **values: t(key, lang, **values))

    def fragment(self, template: str, view: object, lang: str) -> str:
        """HTML of a view that fills part of a hand-written page (the home page's overview)."""
        return self.env.get_template(template).render(view=view, lang=lang, colon=colon(lang),
                                                      t=lambda key, **values: t(key, lang, **values))
