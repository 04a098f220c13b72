"""The screenshots shown in the README and docs are of the real site (UPDATE_SCREENSHOTS=1 retakes them)."""

from __future__ import annotations

import os
import struct

import pytest

from conftest import REPO

SHOTS = REPO / "docs" / "assets" / "screenshots"
PLAN = "kindergarten-jiaokeshi-xxxx-7b8f-1"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name,width,height", [("plan-desktop.png", 1280, 900), ("plan-phone.png", 390, 844)])
def test_plan_page_screenshots(browser, base_url, name: str, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=base_url,
                                  device_scale_factor=1, is_mobile=width < 500)
    page = context.new_page()
    page.goto(f"plan/{PLAN}/")
    page.locator(".fill-panel").wait_for()
    shot = page.screenshot(full_page=False)
    context.close()
    assert png_size(shot) == (width, height)
    path = SHOTS / name
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        path.write_bytes(shot)
    assert path.exists(), f"{path.name} is missing: run with UPDATE_SCREENSHOTS=1"
    assert png_size(path.read_bytes()) == (width, height)
