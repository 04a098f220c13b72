"""The search index of a site being served (`mkdocs serve --dirty`), made again in the background.

Indexing 2,000 plans takes Pagefind about a quarter of a minute; a maintainer
previewing an edit should not wait for it to see the page. After each build
the index is made again in a thread of its own, into a folder beside the
bundle that then takes its place, so that the served search always has a
whole index: the one before the edit until the new one is ready. Builds that
end while it runs are folded into one further run.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from pathlib import Path

from planlib.search.indexer import BUNDLE, index_site

log = logging.getLogger("mkdocs.plugins.planlib")

STAGING = ".pagefind-next"  # beside the bundle, never served as a page (no .html in it)
RETIRED = ".pagefind-old"


def swap_in(site: Path) -> None:
    """Put the index made in the staging folder in the bundle's place."""
    bundle, staged, retired = site / BUNDLE, site / STAGING, site / RETIRED
    shutil.rmtree(retired, ignore_errors=True)
    if bundle.exists():
        bundle.rename(retired)
    staged.rename(bundle)
    shutil.rmtree(retired, ignore_errors=True)


class SearchRefresh:
    """One background thread that indexes a site again each time it is asked to, never two at once."""

    def __init__(self) -> None:
        self._wanted: Path | None = None
        self._lock = threading.Condition()
        self._busy = False
        self.finished = 0  # indexes made, for the log and for those waiting on one

    def request(self, site: Path) -> None:
        """Index `site` again soon (after the run under way, if any)."""
        with self._lock:
            self._wanted = site
            if not self._busy:
                self._busy = True
                threading.Thread(target=self._run, name="planlib-search-refresh", daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site, self._wanted = self._wanted, None
                if site is None:
                    self._busy = False
                    self._lock.notify_all()
                    return
            started = time.perf_counter()
            try:
                report = index_site(site, site / STAGING)
                swap_in(site)
            except Exception as error:  # e.g. a build under way changed the site: a thread must not die of it
                log.warning(f"planlib: the search index was not made again ({error}); it will be at the next edit")
                continue
            with self._lock:
                self.finished += 1
            log.info(f"planlib: search index of {report.pages} pages made again in the background in "
                     f"{time.perf_counter() - started:.2f} s")

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until no run is under way or asked for; False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._busy, timeout=timeout)
