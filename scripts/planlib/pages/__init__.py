"""Pages derived from the library (indexes, galleries, plan pages, home overview).

Every function here is pure: plain data in, `VirtualPage`s (path + Markdown)
out. No MkDocs imports; scripts/hooks.py hands the pages to the build.
"""
