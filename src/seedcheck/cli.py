"""Command line: parse arguments, dispatch to a command, map the outcome to an exit code.

Exit codes: 0 no errors, 1 findings (or a ``--check`` that found a stale file), 2 a
usage, configuration or internal error, reported in one line on stderr, 130 when
interrupted (Ctrl-C), as shells report a process ended by SIGINT.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from seedcheck import __version__
from seedcheck.commands import (
    fix_command,
    import_command,
    index_command,
    report_command,
    rules_command,
    schema_command,
    server_command,
    validate_command,
)
from seedcheck.corpus.lock import release_corpus_locks
from seedcheck.errors import SeedcheckError
from seedcheck.text.excerpt import escape

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# 128 + SIGINT: what a shell reports for a process that Ctrl-C ended.
EXIT_INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    """argparse, except that a failed write of ``--help`` or ``--version`` is an error.

    argparse drops an OSError from that write and exits 0: to a full disk or a closed
    pipe, ``seedcheck --version`` would seem to succeed having said nothing.
    """

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            stream = sys.stderr if file is None else file
            stream.write(message)
            flush = getattr(stream, "flush", None)
            if flush is not None:
                flush()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="seedcheck",
        description="Validate a seed corpus and its INDEX.md manifest.",
    )
    parser.add_argument("--version", action="version", version=f"seedcheck {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    validate_command.add_parser(sub)
    index_command.add_parser(sub)
    import_command.add_parser(sub)
    fix_command.add_parser(sub)
    schema_command.add_parser(sub)
    rules_command.add_parsers(sub)
    server_command.add_parser(sub)
    report_command.add_parser(sub)
    return parser


def _tolerant_output() -> None:
    # A file name that is not valid UTF-8, or a terminal that cannot show a character,
    # must print as an escape rather than end the run with UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run seedcheck with ``argv`` (default: the process arguments); return the exit code."""
    _tolerant_output()
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    ambiguous = _file_named_like_an_option(arguments)
    if ambiguous is not None:
        print(
            f"seedcheck: error: {escape(ambiguous)} is a file, but reads as an option; "
            "put file names after -- (seedcheck validate [OPTIONS] -- FILE ...)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse exits for --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except OSError as exc:  # --help, --version or a usage message could not be written
        with contextlib.suppress(OSError):  # standard error may be what failed
            print(f"seedcheck: error: {_refused(exc)}", file=sys.stderr)
        return EXIT_ERROR
    try:
        result: int = args.run(args)
        return result
    except SeedcheckError as exc:
        print(f"seedcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`seedcheck validate | head`): stop quietly, as cat does.
        _drop_output()
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        # Every file is written through a temporary file and a rename, and the
        # temporary file is removed on the way out: nothing is left half-written.
        print("seedcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        # The system refused a write or read the command needed (a full disk, a mount
        # gone): the user's to fix, not a bug to report.
        if args.debug:
            raise
        print(f"seedcheck: error: {_refused(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"seedcheck: internal error: {type(exc).__name__}: {exc}; "
            "rerun with --debug for a traceback and report it",
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        release_corpus_locks()  # a writer's lock lasts as long as its command


def _file_named_like_an_option(arguments: list[str]) -> str | None:
    """The first argument before ``--`` that starts with a dash and names a file.

    pre-commit and CI scripts append file names to a command line; a committed file named
    ``--config=x/000_0123456789abcdef.txt`` or ``--exit-zero`` would otherwise be read as
    an option and could turn a failing check into a pass. After ``--`` every argument is a
    file name, so such a name is refused only where it would be misread.
    """
    for argument in arguments:
        if argument == "--":
            return None
        if argument.startswith("-") and argument != "-" and os.path.lexists(argument):
            return argument
    return None


def _refused(exc: OSError) -> str:
    """What to say of an OSError that no command handled (a failed write to standard
    output has no file name, and says no more than its reason)."""
    try:
        sys.stdout.flush()
    except OSError:
        # What is left of the output cannot be written either: dropped, or the flush at
        # exit would fail again, with Python's own message.
        _drop_output()
    reason = exc.strerror or str(exc)
    return f"{escape(str(exc.filename))}: {reason}" if exc.filename is not None else reason


def _drop_output() -> None:
    """Point standard output at the null device, so that nothing more is written."""
    with contextlib.suppress(OSError, ValueError):  # a stream without a descriptor
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
