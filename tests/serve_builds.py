"""Builds of a site as `mkdocs serve` makes them, in one process, with the test choosing when to rebuild.

Run as `python serve_builds.py ROOT SITE [--dirty]`: it builds ROOT into SITE
as `mkdocs serve` (with `--dirty`: as `mkdocs serve --dirty`) does, prints
`built`, and builds again each time it reads a line, until its input ends.
Then, with `--dirty`, it waits for the search index made in the background.
The served site and a build made afresh can then be compared file by file.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def main() -> int:
    root, site, dirty = Path(sys.argv[1]), Path(sys.argv[2]), "--dirty" in sys.argv[3:]
    sys.argv = ["mkdocs", "serve", *(["--dirty"] if dirty else [])]  # mkdocs-static-i18n reads --dirty here
    os.chdir(root)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.ERROR)

    def configured():
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        config.site_url = SERVE_URL
        return config

    config = configured()
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, serve_url=SERVE_URL, dirty=dirty)
    print("built", flush=True)
    for _ in sys.stdin:
        build(configured(), serve_url=SERVE_URL, dirty=dirty)
        print("built", flush=True)
    hooks = next((module for module in list(sys.modules.values())
                  if getattr(module, "_preview", None) is not None), None)
    if hooks is not None and not hooks._preview.search.wait(timeout=300):
        print("the search index was not made within 300 s", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
