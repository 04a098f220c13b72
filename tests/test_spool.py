"""Spooled downloads: written to disk as they are made, handed on by path, nothing stale kept."""

from __future__ import annotations

from pathlib import Path

from planlib.pages.page import VirtualFile
from planlib.spool import spool


def test_files_are_written_as_made_and_returned_without_their_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "site-files"
    (folder / "calendar").mkdir(parents=True)
    (folder / "calendar" / "stale.ics").write_bytes(b"from a plan since removed")
    made = []

    def files():
        for number in range(3):
            made.append(number)
            yield VirtualFile(f"calendar/ics/plan/p{number}/2027-2028.ics", f"BEGIN:VCALENDAR {number}".encode())
        yield VirtualFile("downloads/p0.md-download", "# 计划".encode("utf-8"), "downloads/p0.md")

    spooled = spool(files(), folder)
    assert made == [0, 1, 2]
    assert [file.data for file in spooled] == [b""] * 4
    assert [file.source.read_bytes() for file in spooled if file.source] == [
        b"BEGIN:VCALENDAR 0", b"BEGIN:VCALENDAR 1", b"BEGIN:VCALENDAR 2", "# 计划".encode("utf-8")]
    assert spooled[-1].dest_uri == "downloads/p0.md"
    assert not (folder / "calendar" / "stale.ics").exists()
