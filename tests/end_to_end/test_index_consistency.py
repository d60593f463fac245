"""`seedcheck validate` passes exactly when `seedcheck index --check` does.

Hand edits that keep every row right but change the layout (a table formatter padding
cells, a blank line removed, CRLF line endings, a full-length digest) must fail both,
and `seedcheck index` must make both pass again.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CASES, RunCli

PASS = CASES / "index-mismatch" / "pass"


def _pad_cells(text: str) -> str:
    return "\n".join(
        line.replace(" | ", "  |  ") if line.startswith("| ") else line for line in text.split("\n")
    )


def _drop_blank_before_end(text: str) -> str:
    return text.replace("\n\n<!-- seedcheck:index:end -->", "\n<!-- seedcheck:index:end -->")


def _crlf_rows(text: str) -> str:
    return "\n".join(line + "\r" if line.startswith("| ") else line for line in text.split("\n"))


def _full_digest(text: str, corpus: Path) -> str:
    for seed in sorted(corpus.glob("0*")):
        digest = hashlib.sha256(seed.read_bytes()).hexdigest()
        text = text.replace(f"| {digest[:16]} |", f"| {digest} |")
    return text


EDITS: dict[str, Callable[[str, Path], str]] = {
    "padded-cells": lambda text, _: _pad_cells(text),
    "no-blank-before-end": lambda text, _: _drop_blank_before_end(text),
    "crlf-rows": lambda text, _: _crlf_rows(text),
    "full-digest": _full_digest,
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_layout_edits_fail_both_and_index_mends_them(
    edit: str, isolated: Path, run_cli: RunCli
) -> None:
    corpus = isolated / "corpus"
    shutil.copytree(PASS, corpus)
    index = corpus / "INDEX.md"
    edited = EDITS[edit](index.read_text(encoding="utf-8"), corpus)
    assert edited != index.read_text(encoding="utf-8")
    index.write_bytes(edited.encode("utf-8"))

    check = run_cli(["index", "--check", "corpus"])
    validate = run_cli(["validate", "--quiet", "corpus"])
    assert check.code == 1
    assert validate.code == 1
    begin = edited.splitlines().index("<!-- seedcheck:index:begin -->") + 1
    assert validate.out == (
        f"corpus/INDEX.md:{begin}:1: SC503 [index-table] the index block is not laid out as "
        "`seedcheck index` writes it (spacing, blank lines, digest length or line endings); "
        "run `seedcheck index`\n"
    )

    assert run_cli(["index", "corpus"]).code == 0
    assert run_cli(["index", "--check", "corpus"]).code == 0
    assert run_cli(["validate", "--quiet", "corpus"]).code == 0


def test_a_crlf_index_stays_crlf_and_passes_both(isolated: Path, run_cli: RunCli) -> None:
    corpus = isolated / "corpus"
    shutil.copytree(PASS, corpus)
    index = corpus / "INDEX.md"
    index.write_bytes(index.read_bytes().replace(b"\n", b"\r\n"))
    assert run_cli(["index", "--check", "corpus"]).code == 0
    assert run_cli(["validate", "--quiet", "corpus"]).code == 0


@pytest.mark.parametrize(
    ("written", "told"),
    [
        (
            "Marta\u00a0Ilić",
            "(character 6 is U+0020 SPACE in the index, U+00A0 NO-BREAK SPACE in the file)",
        ),
        ("Marta Ilic\u0301", "(the same letters, their accents composed differently: NFC and NFD)"),
        (
            "Marta\u200b Ilić",
            "(character 6 is U+0020 SPACE in the index, U+200B ZERO WIDTH SPACE in the file)",
        ),
        ("Marta Ilič", ""),  # a difference that shows says nothing more
    ],
    ids=["no-break space", "decomposed", "zero width", "visible"],
)
def test_a_difference_that_does_not_show_is_named(
    isolated: Path, run_cli: RunCli, written: str, told: str
) -> None:
    corpus = isolated / "corpus"
    corpus.mkdir()
    seed = corpus / "001_0000000000000001.txt"
    words = " ".join(f"w{i}" for i in range(60))
    seed.write_text(f"---\ntitle: Harbour Walls\nbyline: Marta Ilić\n---\n{words}.\n", "utf-8")
    assert run_cli(["index", "corpus"]).code == 0
    seed.write_text(seed.read_text("utf-8").replace("Marta Ilić", written), "utf-8")
    result = run_cli(["validate", "--select", "SC506", "-q", "corpus"])
    message = result.out.split("[index-mismatch] ", 1)[1].rstrip("\n")
    assert message == (
        f"Byline of {seed.name} is 'Marta Ilić' in the index but '{written}' in the file"
        + (f" {told}" if told else "")
        + "; run `seedcheck index`"
    )
