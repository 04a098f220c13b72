"""Generated downloads written to disk as they are made, so that a build holds none of them in memory.

A build makes thousands of downloads (.ics calendars, .md plans), the same
for every language. Each is written to a folder of the build's own as soon
as it is made and handed to MkDocs by its path; MkDocs copies it into the
site. The folder is emptied at the start of every build, so it never holds
a download the library no longer makes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from planlib.pages.page import VirtualFile


def spool(files: Iterable[VirtualFile], folder: Path) -> list[VirtualFile]:
    """Write each file under `folder` (emptied first) and return it without its bytes, with its `source`."""
    if folder.exists():
        shutil.rmtree(folder)
    spooled = []
    for file in files:
        path = folder / file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.data)
        spooled.append(VirtualFile(file.src_uri, b"", file.dest_uri, source=path))
    return spooled
