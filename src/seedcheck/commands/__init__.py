"""One module per command; each adds its parser and a ``run(args) -> int``."""
