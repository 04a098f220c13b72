"""Pages derived from the library (indexes, galleries, plan pages, home overview), as view data.

Every function here is pure: plain data in, `VirtualPage`s (path, title,
template, view, headings) out; the templates in overrides/planlib/ turn
the views into HTML. No MkDocs imports; scripts/hooks.py hands the pages to
the build.
"""
