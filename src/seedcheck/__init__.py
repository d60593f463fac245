"""seedcheck: keep a seed corpus honest."""

__version__ = "0.1.0"
