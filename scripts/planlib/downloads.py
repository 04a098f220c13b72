"""The files the build writes for the reader tools' downloads: one Word template, nothing per plan.

A plan's .docx and .md, the composer's (我的计划), and the .ics calendars are
made in the reader's browser from the page, with the reader's fill-in values
and chosen year (overrides/assets/javascripts: word.js, plantext.js,
calendar.js). The build only provides the styled template they fill in
(planlib.word): one file of 6 kB, made in about 0.15 s, whatever the size of the library.
"""

from __future__ import annotations

from planlib import urls
from planlib.pages.page import VirtualFile
from planlib.word import paste_styles, template_docx


def download_files() -> list[VirtualFile]:
    return [VirtualFile(urls.WORD_TEMPLATE, template_docx())]


def reader_settings() -> dict[str, object]:
    """What the reader tools take from the build (the page settings of overrides/main.html): where the
    Word template is, and the template's fonts as CSS for what a copy puts on the clipboard."""
    return {"template": urls.WORD_TEMPLATE, "styles": paste_styles()}
