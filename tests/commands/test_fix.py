"""``seedcheck fix`` end to end: exact output, exit codes, idempotence, and no data loss.

Writes are atomic: the tests break them in the middle (fsync, the write, the rename)
and change the file behind seedcheck's back, and check that the original is intact,
no temporary file is left and the run says what happened.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from seedcheck.edits import atomic_write
from tests.conftest import Result, RunCli, needs_symlinks

FIRST = "000_4c8e2a6f0b1d3579.txt"
SECOND = "001_9a1f5d3b7e0c2468.txt"
BODY = (
    "The harbour council voted seven to two on Tuesday to build a floodwall along the\n"
    "eastern quay, ending a debate that has run since the storm surge of 2019 flooded\n"
    "the fish market and the ferry terminal. Work is due to start in the spring, and\n"
    "the contractor expects the wall to be finished before the autumn tides arrive.\n"
    "Residents will be consulted on the design of the new promenade.\n"
)
# The second seed has a text of its own: two equal bodies are an exact-duplicate-document.
OTHER_BODY = (
    "The town library will stay open until eight on weekday evenings from next month,\n"
    "after more than four hundred residents signed a petition asking for later hours.\n"
    "The council found the money by closing the reading room on Sunday mornings, when\n"
    "few people came in. Staff said students and shift workers had asked for the change\n"
    "for years, and that the evening hours would be reviewed after six months.\n"
)
CLEAN_FIRST = f"---\ntitle: Harbour Council Approves Floodwall\nbyline: Marta Ilić\n---\n{BODY}"
CLEAN_SECOND = f"Library Hours Extended After Petition\n\nBy Dana Whitlock\n\n{OTHER_BODY}"
# CRLF, a byte-order mark, blanks after two lines and no final newline.
BROKEN_FIRST = (
    ("\ufeff" + CLEAN_FIRST.replace("\n", "\r\n"))
    .replace("Floodwall\r\n", "Floodwall  \r\n")
    .replace("promenade.\r\n", "promenade.\t")
)


def _corpus(root: Path, first: str = BROKEN_FIRST) -> Path:
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / FIRST).write_bytes(first.encode())
    (seeds / SECOND).write_bytes(CLEAN_SECOND.encode())
    return seeds


def _indexed(run_cli: RunCli) -> None:
    result = run_cli(["index", "seeds"])
    assert result.code == 0, result.err


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(atomic_write.TEMPORARY_SUFFIX)]


def test_fix_then_nothing_left(isolated: Path, run_cli: RunCli) -> None:
    seeds = _corpus(isolated)
    _indexed(run_cli)  # describes the broken seed, so it must be regenerated too

    first = run_cli(["fix", "seeds"])
    second = run_cli(["fix", "seeds"])

    assert first.out == (
        f"fixed seeds/{FIRST}: byte-order mark, CRLF line endings (8 lines), "
        "trailing whitespace (2 lines), final newline\n"
        "fixed seeds/INDEX.md: index block\n"
        "Fixed 2 files. All checks passed (3 files checked).\n"
    )
    assert first.err == ""
    assert first.code == 1
    assert (seeds / FIRST).read_text(encoding="utf-8") == CLEAN_FIRST
    assert second.out == "Nothing to fix. All checks passed (3 files checked).\n"
    assert second.code == 0
    assert run_cli(["validate", "--strict", "seeds"]).code == 0
    assert run_cli(["index", "--check", "seeds"]).code == 0
    assert _leftovers(seeds) == []


def test_default_corpus_and_remaining_findings(isolated: Path, run_cli: RunCli) -> None:
    broken = CLEAN_FIRST.replace("Marta Ilić", "By , a professor of urban planning")
    broken = broken.rstrip("\n") + "  "
    _corpus(isolated, broken)
    _indexed(run_cli)

    first = run_cli(["fix"])
    second = run_cli(["fix"])

    finding = (
        f"seeds/{FIRST}:3:9: SC304 [byline-invalid] byline has no name before the comma "
        "(the name was lost and the bio kept)\n"
    )
    assert first.out == (
        f"fixed seeds/{FIRST}: trailing whitespace (1 line), final newline\n"
        "fixed seeds/INDEX.md: index block\n"
        f"{finding}"
        "Fixed 2 files. Found 1 error in 1 file.\n"
    )
    assert first.code == 1
    # Findings without a safe fix alone do not fail a fixer; validate fails on them.
    assert second.out == f"{finding}Nothing to fix. Found 1 error in 1 file.\n"
    assert second.code == 0


def test_diff_writes_nothing(isolated: Path, run_cli: RunCli) -> None:
    seeds = _corpus(isolated, CLEAN_FIRST.replace("Floodwall\n", "Floodwall \r\n") + "End.")
    _indexed(run_cli)
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}

    result = run_cli(["fix", "--diff", "seeds"])

    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before
    diff, _, rest = result.out.partition("--- seeds/INDEX.md")
    assert diff == (
        f"--- seeds/{FIRST} (current)\n"
        f"+++ seeds/{FIRST} (fixed)\n"
        "@@ -1,5 +1,5 @@\n"
        " ---\n"
        "-title: Harbour Council Approves Floodwall \\r\n"
        "+title: Harbour Council Approves Floodwall\n"
        " byline: Marta Ilić\n"
        " ---\n"
        f" {BODY.splitlines()[0]}\n"
        "@@ -7,4 +7,4 @@\n"
        f" {BODY.splitlines()[2]}\n"
        f" {BODY.splitlines()[3]}\n"
        f" {BODY.splitlines()[4]}\n"
        "-End.\n"
        "\\ No newline at end of file\n"
        "+End.\n"
    )
    assert rest.endswith(
        f"would fix seeds/{FIRST}: CRLF line endings (1 line), trailing whitespace (1 line), "
        "final newline\n"
        "would fix seeds/INDEX.md: index block\n"
        "Would fix 2 files. All checks passed (3 files checked).\n"
    )
    assert result.code == 1


def test_diff_with_nothing_to_fix(isolated: Path, run_cli: RunCli) -> None:
    _corpus(isolated, CLEAN_FIRST)
    _indexed(run_cli)

    result = run_cli(["fix", "--diff", "seeds"])

    assert result.out == "Nothing to fix. All checks passed (3 files checked).\n"
    assert result.code == 0


def test_named_file_only(isolated: Path, run_cli: RunCli) -> None:
    seeds = _corpus(isolated)
    (seeds / SECOND).write_text(CLEAN_SECOND.rstrip("\n") + "  ", encoding="utf-8")
    _indexed(run_cli)

    result = run_cli(["fix", "--config", "seedcheck.toml", f"seeds/{SECOND}"])

    assert result.out.splitlines()[0] == (
        f"fixed seeds/{SECOND}: trailing whitespace (1 line), final newline"
    )
    assert result.code == 1
    assert (seeds / FIRST).read_bytes() == BROKEN_FIRST.encode()  # not named, not touched
    assert f"seeds/{FIRST}" not in result.out


def test_named_index_only(isolated: Path, run_cli: RunCli) -> None:
    seeds = _corpus(isolated, CLEAN_FIRST)
    _indexed(run_cli)
    (seeds / FIRST).write_text(CLEAN_FIRST.replace("Tuesday", "Wednesday"), "utf-8")
    (seeds / SECOND).write_text(CLEAN_SECOND + "\t", encoding="utf-8")

    result = run_cli(["fix", "seeds/INDEX.md"])

    assert result.out == (
        "fixed seeds/INDEX.md: index block\nFixed 1 file. All checks passed (1 file checked).\n"
    )
    assert result.code == 1
    assert (seeds / SECOND).read_text(encoding="utf-8").endswith("\t")  # not named


def test_fix_only_lists_no_findings(isolated: Path, run_cli: RunCli) -> None:
    """The seedcheck-fix hook's way: the seedcheck hook after it lists the findings."""
    broken = CLEAN_FIRST.replace("Marta Ilić", "By , a professor of urban planning")
    _corpus(isolated, broken.rstrip("\n") + "  ")
    _indexed(run_cli)

    first = run_cli(["fix", "--fix-only"])
    second = run_cli(["fix", "--fix-only"])

    assert first == Result(
        1,
        f"fixed seeds/{FIRST}: trailing whitespace (1 line), final newline\n"
        "fixed seeds/INDEX.md: index block\n"
        "Fixed 2 files.\n",
        "",
    )
    assert second == Result(0, "Nothing to fix.\n", "")


def test_undecodable_seed_is_left_alone(isolated: Path, run_cli: RunCli) -> None:
    seeds = _corpus(isolated, CLEAN_FIRST)
    latin1 = "Café Reopens  \r\n\r\nBy Renée Castellanos\r\n\r\n".encode("latin-1")
    (seeds / SECOND).write_bytes(latin1)
    _indexed(run_cli)

    result = run_cli(["fix", "seeds"])

    assert result.out.splitlines()[0] == (
        f"left seeds/{SECOND} alone: it is not valid UTF-8; rewriting it would change the "
        "bytes that are not"
    )
    assert (seeds / SECOND).read_bytes() == latin1
    assert result.code == 1  # it needed a fix that could not be made
    assert result.out.splitlines()[-1].startswith("Could not fix 1 file. Found ")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_permission_bits_are_kept(isolated: Path, run_cli: RunCli) -> None:
    seeds = _corpus(isolated)
    (seeds / FIRST).chmod(0o640)
    _indexed(run_cli)
    (seeds / "INDEX.md").chmod(0o600)

    assert run_cli(["fix", "seeds"]).code == 1

    assert stat.S_IMODE((seeds / FIRST).stat().st_mode) == 0o640
    assert stat.S_IMODE((seeds / "INDEX.md").stat().st_mode) == 0o600


# ---------------------------------------------------------------- writes that go wrong


class _FailingFile:
    """A file object that writes half of what it is given, then reports a full disk."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _break_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)


def _break_write(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen

    def fdopen(fd: int, mode: str) -> Any:
        # Writes fail; reads (the cache's files) go on as they would.
        return real(fd, mode) if mode.startswith("r") else _FailingFile(real(fd, mode))

    monkeypatch.setattr(os, "fdopen", fdopen)


def _break_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    def rename(self: Path, target: Path) -> Path:
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(Path, "replace", rename)


BREAKS: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], int]] = {
    "fsync": (_break_fsync, errno.EIO),
    "write": (_break_write, errno.ENOSPC),
    "rename": (_break_rename, errno.EXDEV),
}


@pytest.mark.parametrize("where", sorted(BREAKS))
def test_failure_in_the_middle_of_a_write_keeps_the_original(
    where: str, isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = _corpus(isolated)
    _indexed(run_cli)
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    breaker, error = BREAKS[where]
    breaker(monkeypatch)

    result = run_cli(["fix", "seeds"])

    assert result.out == ""
    assert result.err == (
        f"seedcheck: error: seeds/{FIRST}: cannot write: {os.strerror(error)}; "
        "the file was left as it was\n"
        "seedcheck: error: seeds/INDEX.md was not rewritten, since a seed could not be "
        "fixed; run seedcheck fix again\n"
    )
    assert result.code == 2
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before
    assert _leftovers(seeds) == []


def test_file_changed_since_it_was_read_is_not_overwritten(
    isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone saves the seed while seedcheck writes its fixed copy: their edit wins."""
    seeds = _corpus(isolated)
    _indexed(run_cli)
    edited = CLEAN_FIRST.replace("Tuesday", "Wednesday").encode()
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if (seeds / FIRST).read_bytes() != edited:
            (seeds / FIRST).write_bytes(edited)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)

    result = run_cli(["fix", "seeds"])

    assert result.err.splitlines()[0] == (
        f"seedcheck: error: seeds/{FIRST} changed since it was read; it was left as it is, "
        "run seedcheck fix again"
    )
    assert result.code == 2
    assert (seeds / FIRST).read_bytes() == edited
    assert _leftovers(seeds) == []


@needs_symlinks
def test_linked_seed_is_reported_not_fixed(isolated: Path, run_cli: RunCli) -> None:
    seeds = _corpus(isolated, CLEAN_FIRST)
    outside = isolated / "drafts.txt"
    outside.write_bytes(b"Draft  \r\nBy Jane Doe  ")
    (seeds / "002_0123456789abcdef.txt").symlink_to(outside)
    _indexed(run_cli)

    result = run_cli(["fix", "seeds"])

    assert result.out == (
        "seeds/002_0123456789abcdef.txt:1:1: SC109 [not-a-regular-file] a symbolic link, "
        "not a regular file; seeds must be regular files\n"
        "Nothing to fix. Found 1 error in 1 file.\n"
    )
    assert result.code == 0
    assert outside.read_bytes() == b"Draft  \r\nBy Jane Doe  "
    assert (seeds / "002_0123456789abcdef.txt").is_symlink()


def test_readme_example(isolated: Path, run_cli: RunCli) -> None:
    """The README's `seedcheck fix` example, replayed on a copy of the bundled corpus."""
    root = Path(__file__).parents[2]
    block = re.search(
        r"```console\n\$ seedcheck fix seeds\n(.*?)\$ seedcheck fix seeds\n(.*?)```",
        (root / "README.md").read_text(encoding="utf-8"),
        re.DOTALL,
    )
    assert block is not None
    seeds = isolated / "seeds"
    shutil.copytree(root / "seeds", seeds)
    first = seeds / "000_24f2796343eaebf7.txt"
    first.write_text(first.read_text("utf-8").replace("\nsource:", "\nsorce:"), "utf-8")
    crlf = seeds / "002_e4719b67880eed0d.txt"
    lines = crlf.read_text("utf-8").split("\n")
    lines[2] += "  "
    crlf.write_bytes("\r\n".join(lines).encode())
    _indexed(run_cli)

    first_run = run_cli(["fix", "seeds"])
    second_run = run_cli(["fix", "seeds"])

    assert (first_run.out, second_run.out) == (block.group(1), block.group(2))
    assert (first_run.code, second_run.code) == (1, 0)


def test_an_escaped_space_in_the_header_is_not_stripped(isolated: Path, run_cli: RunCli) -> None:
    """Stripping `\\ ` before a line break would glue "Harbor" to "Council"."""
    text = (
        '---\ntitle: "Harbor\\ \n  Council Approves Floodwall"\nbyline: Jane Doe\n---\n'
        "The council voted.\n"
    )
    seeds = _corpus(isolated, text)
    _indexed(run_cli)
    index = (seeds / "INDEX.md").read_bytes()

    result = run_cli(["fix", "seeds"])

    assert result.out == (
        f"left seeds/{FIRST} alone: fixing it would change what it says: title 'Harbor  "
        "Council Approves Floodwall' would become 'HarborCouncil Approves Floodwall'; "
        "fix it by hand\n"
        f"seeds/{FIRST}:2:16: SC106 [trailing-whitespace] trailing whitespace\n"
        "Could not fix 1 file. Found 1 error in 1 file.\n"
    )
    assert (result.err, result.code) == ("", 1)
    assert (seeds / FIRST).read_bytes() == text.encode()
    assert (seeds / "INDEX.md").read_bytes() == index


def test_diff_escapes_control_characters_and_cuts_long_lines(
    isolated: Path, run_cli: RunCli
) -> None:
    """What the diff prints cannot drive the terminal; what fix writes is not cut."""
    hostile = "Sidebar \x1b]0;PWNED\x07\x1b[2J text.  "
    long_line = "word " * 200
    seeds = _corpus(isolated, CLEAN_FIRST + hostile + "\n" + long_line + "\n")
    _indexed(run_cli)

    result = run_cli(["fix", "--diff", "seeds"])

    diff, _, _ = result.out.partition("--- seeds/INDEX.md")
    shown_long = "word " * 100
    assert diff == (
        f"--- seeds/{FIRST} (current)\n"
        f"+++ seeds/{FIRST} (fixed)\n"
        "@@ -7,5 +7,5 @@\n"
        f" {BODY.splitlines()[2]}\n"
        f" {BODY.splitlines()[3]}\n"
        f" {BODY.splitlines()[4]}\n"
        "-Sidebar \\x1b]0;PWNED\\x07\\x1b[2J text.  \n"
        f"-{shown_long}… (1000 characters)\n"
        "+Sidebar \\x1b]0;PWNED\\x07\\x1b[2J text.\n"
        f"+{shown_long}… (999 characters)\n"
    )
    assert "\x1b" not in result.out
    written = run_cli(["fix", "seeds"])
    assert written.code == 1
    assert (
        (seeds / FIRST)
        .read_text(encoding="utf-8")
        .endswith("Sidebar \x1b]0;PWNED\x07\x1b[2J text.\n" + long_line.rstrip() + "\n")
    )


def test_a_read_only_file_is_left_alone(isolated: Path, run_cli: RunCli) -> None:
    """fix replaces files; a file the user made read-only is not theirs to replace."""
    seeds = _corpus(isolated, CLEAN_FIRST + "Trailing blanks.  \n")
    _indexed(run_cli)
    (seeds / FIRST).chmod(0o444)
    index = (seeds / "INDEX.md").read_bytes()

    result = run_cli(["fix", "seeds"])

    assert result.out == (
        f"left seeds/{FIRST} alone: read-only (no write permission); make it writable "
        "to fix it\n"
        f"seeds/{FIRST}:10:17: SC106 [trailing-whitespace] trailing whitespace\n"
        "Could not fix 1 file. Found 1 error in 1 file.\n"
    )
    assert (result.err, result.code) == ("", 1)
    assert (seeds / FIRST).read_bytes() == (CLEAN_FIRST + "Trailing blanks.  \n").encode()
    assert stat.S_IMODE((seeds / FIRST).stat().st_mode) == 0o444
    assert (seeds / "INDEX.md").read_bytes() == index


def test_a_read_only_file_that_needs_nothing_is_not_mentioned(
    isolated: Path, run_cli: RunCli
) -> None:
    seeds = _corpus(isolated, CLEAN_FIRST)
    _indexed(run_cli)
    for path in seeds.iterdir():
        path.chmod(0o444)

    result = run_cli(["fix", "seeds"])

    assert result == Result(0, "Nothing to fix. All checks passed (3 files checked).\n", "")


def test_an_undecodable_seed_that_needs_nothing_is_not_mentioned(
    isolated: Path, run_cli: RunCli
) -> None:
    seeds = _corpus(isolated, CLEAN_FIRST)
    (seeds / SECOND).write_bytes(
        "Café Reopens\n\nBy Renée Castellanos\n\nText.\n".encode("latin-1")
    )
    _indexed(run_cli)

    result = run_cli(["fix", "seeds"])

    assert result.code == 0
    assert "alone" not in result.out
    assert result.out.splitlines()[-1].startswith("Nothing to fix. Found ")


def test_a_read_only_index_is_left_alone(isolated: Path, run_cli: RunCli) -> None:
    seeds = _corpus(isolated)
    _indexed(run_cli)  # describes the broken seed
    (seeds / "INDEX.md").chmod(0o400)
    index = (seeds / "INDEX.md").read_bytes()

    result = run_cli(["fix", "seeds"])

    # The seed is fixed; the index that describes it is not, and says so.
    assert result.out.splitlines()[1:] == [
        "left seeds/INDEX.md alone: read-only (no write permission); make it writable to fix it",
        f"seeds/INDEX.md:10:124: SC507 [index-digest] {FIRST} changed since it was indexed "
        "(SHA-256 0033067e6e2f9a0c, index dd9b63014326e656); run `seedcheck index`",
        "Fixed 1 file; could not fix 1. Found 1 error in 1 file.",
    ]
    assert result.out.startswith(f"fixed seeds/{FIRST}: ")
    assert (seeds / "INDEX.md").read_bytes() == index
