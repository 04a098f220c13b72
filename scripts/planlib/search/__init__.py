"""Full-text search: a Pagefind index of the built site, and its helper data."""
