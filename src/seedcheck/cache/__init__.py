"""The cache: where it lives, its checked files, per-corpus records and the run memo."""
