"""One module per command; each adds its parser and a ``run(args) -> int``.

A command imports what it checks or writes with inside ``run``, not at the top: the CLI
builds every command's parser on each start, and ``seedcheck --version`` or a hook's
first run must not pay for pydantic, YAML, markdown-it and the rules.
"""
