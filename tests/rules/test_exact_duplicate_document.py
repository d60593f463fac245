"""exact-duplicate-document beyond its case corpora: what counts as the same text."""

from __future__ import annotations

from pathlib import Path

from seedcheck.seed.body_digest import body_digest
from seedcheck.seed.body_lines import first_body_line
from seedcheck.seed.file import parse_seed
from seedcheck.seed.model import SeedMetadata
from tests.conftest import CASES, RunCli

CASE = CASES / "exact-duplicate-document"


def _digest(text: str) -> bytes | None:
    seed = parse_seed(
        Path("000_0000000000000000.txt"),
        text.encode("utf-8"),
        number="000",
        seed_id="0000000000000000",
        layout="auto",
        model=SeedMetadata,
    )
    return body_digest(seed)


def test_header_and_typography_do_not_matter() -> None:
    one = "---\ntitle: One\nbyline: A B\n---\nIt's over -- she said.\n\nThen nothing.\n"
    two = "---\ntitle: Two\nbyline: C D\n---\nIT’S OVER — she said. Then\nnothing.\n"
    assert _digest(one) == _digest(two) is not None


def test_words_matter() -> None:
    one = "---\ntitle: One\nbyline: A B\n---\nThe vote was seven to two.\n"
    two = "---\ntitle: One\nbyline: A B\n---\nThe vote was seven to three.\n"
    assert _digest(one) != _digest(two)


def test_an_empty_body_has_no_digest() -> None:
    assert _digest("---\ntitle: One\nbyline: A B\n---\n\n  \n") is None


def test_first_body_line_skips_a_plain_byline() -> None:
    seed = parse_seed(
        Path("000_0000000000000000.txt"),
        b"Title\n\nBy Jane Doe\n\nFirst words.\n",
        number="000",
        seed_id="0000000000000000",
        layout="auto",
        model=SeedMetadata,
    )
    assert first_body_line(seed) == 5


def test_naming_the_earlier_file_shows_the_copy_of_it(run_cli: RunCli) -> None:
    result = run_cli(
        ["validate", "--select", "exact-duplicate-document", "fail/000_3a7c1e9b5d2f4680.txt"],
        cwd=CASE,
    )
    assert result.out == (
        "fail/002_c5a9e3f7b1d04862.txt:7:1: SC413 [exact-duplicate-document] same text as "
        "000_3a7c1e9b5d2f4680.txt (the bodies are equal after normalisation)\n"
        "fail/006_7e4a2c9f1b3d5086.txt:5:1: SC413 [exact-duplicate-document] same text as "
        "000_3a7c1e9b5d2f4680.txt (the bodies are equal after normalisation)\n"
        "Found 2 errors in 2 files.\n"
    )
    assert result.code == 1
