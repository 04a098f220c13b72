"""Entry point for `python -m planlib`."""

from planlib.cli import main

raise SystemExit(main())
