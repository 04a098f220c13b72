"""`planlib import`: raw 范文 collections → clean, structured plan files.

Pipeline, one module per step: decode (bytes → text) → page (site chrome and
the split into 篇) → clean (junk inside the text) → structure (numbering →
parts, lists, month schedule) → classify (taxonomy rules) → render (plan
files) → write (atomic, never overwriting by accident). Every character the
importer drops is recorded in a ledger (`ledger.py`) and checked by
`accounting.py`.
"""
