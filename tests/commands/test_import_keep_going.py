"""``seedcheck import --keep-going`` and the By lines an import takes or removes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands.test_import import FERRY, LIBRARY, _snapshot
from tests.conftest import RunCli


@pytest.fixture
def corpus(isolated: Path, run_cli: RunCli) -> Path:
    """``seeds/`` with one seed and its index."""
    seeds = isolated / "seeds"
    seeds.mkdir()
    (seeds / "000_8e2d6b0f4a1c3579.txt").write_text(
        f"---\ntitle: Central Library Returns to Sunday Opening\nbyline: Lena Ohlsson\n---\n"
        f"{LIBRARY}",
        encoding="utf-8",
    )
    assert run_cli(["index"]).code == 0
    return seeds


def _new(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*.txt") if not p.name.startswith("000_"))


def test_keep_going_imports_the_good_files_and_names_the_others(
    corpus: Path, run_cli: RunCli
) -> None:
    Path("ferry.txt").write_text(f"Ferry Gets a Second Boat\n\nBy Jonas Albrecht\n\n{FERRY}")
    Path("nobyline.txt").write_text("Ferry Timetable\n\n" + FERRY.replace("twenty", "thirty"))
    Path("copy.txt").write_text(f"Library Again\n\nBy Lena Ohlsson\n\n{LIBRARY}")
    result = run_cli(
        ["import", "--keep-going", "nobyline.txt", "ferry.txt", "missing.txt", "copy.txt"]
    )
    (seed,) = _new(corpus)
    assert seed.name.startswith("001_")  # refused files take no number
    assert result.err == (
        "seedcheck: not imported: nobyline.txt: no byline found (a line 'By Name' among the "
        "first paragraphs or at the end); pass --byline\n"
        "seedcheck: not imported: missing.txt: cannot read: No such file or directory\n"
        "seedcheck: not imported: copy.txt: same text as 000_8e2d6b0f4a1c3579.txt in the "
        "corpus, an exact duplicate\n"
        "seedcheck: 3 files not imported\n"
    )
    assert result.out == (
        f"Imported ferry.txt as seeds/{seed.name}.\n"
        "Updated seeds/INDEX.md (2 seeds).\n"
        "All checks passed (1 file checked).\n"
    )
    assert result.code == 1
    validated = run_cli(["validate", "--strict"])
    assert (validated.out, validated.code) == ("All checks passed (3 files checked).\n", 0)


def test_keep_going_with_every_file_refused_writes_nothing(corpus: Path, run_cli: RunCli) -> None:
    before = _snapshot(corpus)
    result = run_cli(["import", "--keep-going", "missing.txt"])
    assert result.err == (
        "seedcheck: not imported: missing.txt: cannot read: No such file or directory\n"
        "seedcheck: nothing was imported\n"
    )
    assert (result.out, result.code) == ("", 1)
    assert _snapshot(corpus) == before


def test_keep_going_with_nothing_refused_is_a_plain_import(corpus: Path, run_cli: RunCli) -> None:
    Path("ferry.txt").write_text(f"Ferry Gets a Second Boat\n\nBy Jonas Albrecht\n\n{FERRY}")
    result = run_cli(["import", "--keep-going", "ferry.txt"])
    assert (result.err, result.code) == ("", 0)


def test_without_keep_going_one_refusal_writes_nothing(corpus: Path, run_cli: RunCli) -> None:
    Path("ferry.txt").write_text(f"Ferry Gets a Second Boat\n\nBy Jonas Albrecht\n\n{FERRY}")
    before = _snapshot(corpus)
    result = run_cli(["import", "ferry.txt", "missing.txt"])
    assert result.err == (
        "seedcheck: error: missing.txt: cannot read: No such file or directory\n"
        "seedcheck: nothing was imported\n"
    )
    assert result.code == 2
    assert _snapshot(corpus) == before


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By admin", "admin"),
        ("By Science X staff", "Science X staff"),
        ("By Amy Kuperinsky | NJ Advance Media for NJ.com", "Amy Kuperinsky"),
    ],
)
def test_by_lines_scrapers_write(corpus: Path, run_cli: RunCli, line: str, byline: str) -> None:
    Path("a.txt").write_text(f"Ferry Gets a Second Boat\n\n{line}\n\n{FERRY}")
    assert run_cli(["import", "a.txt"]).code == 0
    (seed,) = _new(corpus)
    assert seed.read_text(encoding="utf-8") == (
        f"---\ntitle: Ferry Gets a Second Boat\nbyline: {byline}\n---\n{FERRY}"
    )


@pytest.mark.parametrize(
    "line", ["By Jonas Albrecht", "BY JONAS ALBRECHT", "By Jonas Albrecht | Wendbury Courier"]
)
def test_byline_given_removes_a_by_line_naming_it(corpus: Path, run_cli: RunCli, line: str) -> None:
    Path("a.txt").write_text(f"Ferry Gets a Second Boat\n\n{line}\n\n{FERRY}")
    result = run_cli(["import", "a.txt", "--byline", "Jonas Albrecht"])
    assert (result.err, result.code) == ("", 0)
    (seed,) = _new(corpus)
    assert seed.read_text(encoding="utf-8") == (
        f"---\ntitle: Ferry Gets a Second Boat\nbyline: Jonas Albrecht\n---\n{FERRY}"
    )


def test_byline_given_keeps_a_by_line_naming_another(corpus: Path, run_cli: RunCli) -> None:
    Path("a.txt").write_text(f"Ferry Gets a Second Boat\n\nBy Nora Quinn\n\n{FERRY}")
    result = run_cli(["import", "a.txt", "--byline", "Jonas Albrecht"])
    (seed,) = _new(corpus)
    assert seed.read_text(encoding="utf-8") == (
        f"---\ntitle: Ferry Gets a Second Boat\nbyline: Jonas Albrecht\n---\n"
        f"By Nora Quinn\n\n{FERRY}"
    )
    assert result.out.splitlines()[3] == (
        f"seeds/{seed.name}:5:4: SC412 [byline-conflict] the body credits 'Nora Quinn' but "
        "the header's byline (line 3) is 'Jonas Albrecht': the body names Nora Quinn instead "
        "of Jonas Albrecht; correct one of them"
    )
    assert result.code == 1


def test_a_nameless_by_line_in_the_body_is_reported(corpus: Path, run_cli: RunCli) -> None:
    Path("a.txt").write_text(
        f"Ferry Gets a Second Boat\n\n{FERRY}\nBy , a professor of maritime law at Wendbury\n"
    )
    result = run_cli(["import", "a.txt", "--byline", "Jonas Albrecht"])
    (seed,) = _new(corpus)
    assert result.out.splitlines()[2:] == [
        f"seeds/{seed.name}:13:1: SC415 [extractor-residue] extractor residue (byline) "
        "'By , a professor of maritime law at Wendbury'; delete the line",
        "Found 1 error in 1 file.",
    ]
    assert result.code == 1
