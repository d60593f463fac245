"""A corpus folder: listing and reading its entries, the corpus value, INDEX.md's rows matched."""
