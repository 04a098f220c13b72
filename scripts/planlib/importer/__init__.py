"""`planlib import`: raw 范文 collections → clean, structured plan files, with a review of each decision.

Pipeline, one module per step: decode (bytes → text) → page (site chrome,
the page's own facts, the split into 篇, fragments and two plans in one 篇)
→ clean (junk inside the text, layout breaks) → structure (numbering →
parts, headings, lists) with schedule (month schedules) → classify
(metadata from the plan's own words, taxonomy rules) → titles → render
(plan files) → write (atomic, never overwriting by accident). Traditional
pages are read through script.py; every decision and doubt goes to the
review (review.py); every character the importer drops is recorded in a
ledger (ledger.py) and checked by accounting.py.
"""
