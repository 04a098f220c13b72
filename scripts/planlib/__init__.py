"""planlib: the library of Chinese department work plans as data.

Loads and validates plan files, imports raw collections, and derives the
pages, calendars and search data that the site publishes.
"""

__version__ = "0.1.0"
