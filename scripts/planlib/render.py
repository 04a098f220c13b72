"""Views to HTML: the Jinja templates of overrides/planlib/, with every value escaped.

The environment escapes everything a view holds (plan titles, labels,
activities come from untrusted plan files), raises on a name a view lacks,
and knows the interface words of the page's language. A plan's body and a
gallery's part texts arrive as HTML already rendered from the document tree
and are marked `| safe` where the template inserts them.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from planlib.labels import PLAN_LANGUAGE, colon, t
from planlib.pages.page import VirtualPage


class Renderer:
    def __init__(self, templates: Path) -> None:
        self.env = Environment(loader=FileSystemLoader(templates), autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, auto_reload=False)
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
