"""``seedcheck server``: a language server for editors (LSP over standard input/output).

pygls and lsprotocol are imported only here, when the command runs: they are the
optional ``seedcheck[server]`` extra, and the other commands do without them.
"""

from __future__ import annotations

import argparse
from typing import Any

from seedcheck.commands.common import optional_extra

SERVER_PACKAGES = ("pygls", "lsprotocol", "cattrs", "attrs")


def add_parser(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "server",
        help="run the language server for editors (LSP over stdio)",
        description="Run a Language Server Protocol server on standard input and output: "
        "an editor gets validate's findings on the seeds and INDEX.md it opens, as they "
        "are typed, with the safe fixes as code actions. Needs seedcheck[server].",
    )
    # Editors' LSP clients often pass --stdio; standard input/output is the only transport.
    parser.add_argument("--stdio", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with optional_extra("server", SERVER_PACKAGES, "seedcheck server"):
        from seedcheck.language_server.server import serve
    serve()
    return 0
