"""Word files as a reader gets them, rendered: three plans' .docx, made in the browser, turned into PDF by
LibreOffice and read back with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm): A4 with the 公文
margins, the title in black, page numbers “— n —” at the foot (odd pages right, even pages left), and
nothing of python-docx's own template (its theme fonts) left in word/styles.xml."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser.conftest import download

PLANS = ["kindergarten-jiaokeshi-xxxx-7b8f-1", "district-office-jiaokeshi-xxxx-0a95-6",
         "hospital-dangweibangongshi-xxxx-1fc6-1"]
MM = 72 / 25.4  # points
A4 = (210 * MM, 297 * MM)
MARGINS = {"top": 37 * MM, "bottom": 35 * MM, "left": 28 * MM, "right": 26 * MM}  # GB/T 9704
TEMPLATE_FONTS = ("Calibri", "Cambria", "Times New Roman", "Arial", "MS 明朝", "ＭＳ 明朝", "MS Gothic", "ＭＳ ゴシック")
SUBSTITUTES = ("Carlito", "Caladea", "Calibri", "Cambria")  # what LibreOffice shows for the theme fonts
TOOLS = ("soffice", "pdfinfo", "pdftotext", "pdffonts", "pdftoppm")


def _missing() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@pytest.fixture(scope="module")
def rendered(browser, base_url, tmp_path_factory) -> dict[str, tuple[bytes, Path]]:
    """plan id → (the .docx the page made, its PDF as LibreOffice renders it)."""
    missing = _missing()
    if missing:
        if os.environ.get("PLANLIB_REQUIRE_BROWSER") == "1":
            pytest.fail(f"missing {missing} (apt-get install libreoffice-writer-nogui poppler-utils)")
        pytest.skip(f"missing {missing}")
    folder = tmp_path_factory.mktemp("word")
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    made = {}
    for plan_id in PLANS:
        page.goto(f"plan/{plan_id}/")
        _, data = download(page, page.locator(".planlib-tools--plan .planlib-download").first)
        (folder / f"{plan_id}.docx").write_bytes(data)
        made[plan_id] = data
    context.close()
    profile = (folder / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *(str(folder / f"{plan_id}.docx") for plan_id in PLANS)],
                   check=True, capture_output=True, timeout=300)
    return {plan_id: (made[plan_id], folder / f"{plan_id}.pdf") for plan_id in PLANS}


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    left: float
    top: float
    right: float
    bottom: float


def words(pdf: Path) -> list[Word]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    found = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                                 page):
            left, top, right, bottom = map(float, match.groups()[:4])
            found.append(Word(number, match.group(5), left, top, right, bottom))
    return found


def first_page_pixels(pdf: Path) -> tuple[int, int, bytes]:
    """Page 1 as RGB pixels at 50 dpi: (width, height, bytes)."""
    data = subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", str(pdf)], check=True,
                          capture_output=True).stdout
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    assert header, data[:20]
    return int(header.group(1)), int(header.group(2)), data[header.end():]


@pytest.mark.parametrize("plan_id", PLANS)
def test_a4_with_the_gongwen_margins(rendered, plan_id: str) -> None:
    _, pdf = rendered[plan_id]
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == (round(A4[0]), round(A4[1]))
    body = [w for w in words(pdf) if w.bottom < A4[1] - MARGINS["bottom"]]
    assert min(w.left for w in body) == pytest.approx(MARGINS["left"], abs=3)
    right = A4[0] - MARGINS["right"]
    # only punctuation may hang into the margin, one character at most (Word and WPS allow it for Chinese)
    beyond = [w for w in body if w.right > right + 2]
    assert all(w.right <= right + 16 + 2 and w.text[-1] in "，。、；：？！”’）》" for w in beyond), beyond[:3]
    assert max(w.right for w in body) > A4[0] - MARGINS["right"] - 20  # justified lines reach the right margin
    first_line = min(w.top for w in body if w.page == 1)
    assert MARGINS["top"] - 2 <= first_line <= MARGINS["top"] + 20


@pytest.mark.parametrize("plan_id", PLANS)
def test_the_title_comes_first_in_black(rendered, plan_id: str, site) -> None:
    from planlib.library import load_library

    title = load_library(site).by_id()[plan_id].meta.title
    _, pdf = rendered[plan_id]
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert text.splitlines()[0] == title
    width, height, pixels = first_page_pixels(pdf)
    coloured = dark = 0
    title_rows = range(int(MARGINS["top"] / 72 * 50), int((MARGINS["top"] + 40) / 72 * 50))
    for y in range(height):
        row = pixels[y * width * 3:(y + 1) * width * 3]
        for x in range(0, len(row), 3):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if max(r, g, b) - min(r, g, b) > 40:
                coloured += 1
            elif y in title_rows and max(r, g, b) < 90:
                dark += 1
    assert coloured == 0  # no blue title, no blue rule: every mark on the page is black or grey
    assert dark > 50  # the title's strokes


@pytest.mark.parametrize("plan_id", PLANS)
def test_page_numbers_at_the_foot_odd_right_even_left(rendered, plan_id: str) -> None:
    _, pdf = rendered[plan_id]
    found = words(pdf)
    pages = max(w.page for w in found)
    assert pages >= 2
    for number in range(1, pages + 1):
        foot = [w for w in found if w.page == number and w.top > A4[1] - MARGINS["bottom"]]
        assert [w.text for w in foot] == ["—", str(number), "—"], (number, foot)
        middle = (foot[0].left + foot[-1].right) / 2
        assert (middle > A4[0] / 2) == (number % 2 == 1), (number, middle)


@pytest.mark.parametrize("plan_id", PLANS)
def test_no_font_of_python_docxs_template(rendered, plan_id: str) -> None:
    docx, pdf = rendered[plan_id]
    styles = zipfile.ZipFile(io.BytesIO(docx)).read("word/styles.xml").decode("utf-8")
    assert not re.search(r'w:(?:ascii|hAnsi|eastAsia|cs)Theme=', styles)
    named = set(re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"', styles))
    assert named and not named & set(TEMPLATE_FONTS), named
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert not any(name in fonts for name in SUBSTITUTES), fonts
