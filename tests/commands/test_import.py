"""``seedcheck import``: raw articles in, validated seeds out, or nothing written at all."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedcheck.edits.imports import front_matter
from seedcheck.seed.fields import title_problems
from seedcheck.seed.file import parse_seed
from seedcheck.seed.model import SeedMetadata
from tests.conftest import Result, RunCli, ignore_case_of, needs_symlinks

FERRY = """\
The Wendbury ferry will run every twenty minutes from next month, the harbour authority \
said on Wednesday, after a year in which commuters complained of queues -- some of them \
stretched past the old customs house.

A second boat, the Marisol, has been leased from an operator in the north for two years. \
It carries ninety passengers, twenty more than the vessel now in service, and will cover \
the early and late crossings.

"We heard the complaints, and we counted the people left standing on the quay," said Ada \
Fenwick, who manages the service. "Twenty minutes is what the town asked for."

Fares will not change this year. The authority expects the extra crossings to cost about \
400,000 euros a year, to be met from mooring fees and a regional transport grant.
"""

LIBRARY = """\
The central library in Ostrava Lane will open on Sundays from September, reversing a cut \
made four years ago, after a petition signed by more than three thousand residents.

The library will open from ten in the morning to four in the afternoon, staffed by a rota \
of librarians and volunteers trained over the summer. The children’s room and the study \
floor will be open; the archive will not.

Council leader Tomas Brandt said the cost, about 90,000 euros a year, would be covered by \
savings on the building’s heating after new windows were fitted last winter.
"""

# As a scraper saves it: CRLF, blanks at line ends, the byline as the last line, no
# final newline.
RAW_FERRY = (
    "Wendbury Ferry to Run Every Twenty Minutes  \r\n\r\n"
    "A second boat joins the crossing next month.\r\n\r\n"
    + FERRY.replace("\n", "\r\n").replace("house.", "house. ")
    + "\r\nBy Jonas Albrecht"
)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def corpus(isolated: Path, run_cli: RunCli) -> Path:
    """``seeds/`` with one seed and its index; the raw ferry article beside it."""
    seeds = isolated / "seeds"
    seeds.mkdir()
    (seeds / "000_8e2d6b0f4a1c3579.txt").write_text(
        f"---\ntitle: Central Library Returns to Sunday Opening\nbyline: Lena Ohlsson\n---\n"
        f"{LIBRARY}",
        encoding="utf-8",
    )
    assert run_cli(["index"]).code == 0
    (isolated / "ferry.txt").write_bytes(RAW_FERRY.encode("utf-8"))
    return seeds


def _ferry_id() -> str:
    return hashlib.sha256(RAW_FERRY.encode("utf-8")).hexdigest()[:16]


def test_a_raw_article_becomes_a_seed_that_validates(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(
        [
            "import",
            "ferry.txt",
            "--source",
            "Wendbury Courier",
            "--url",
            "https://example.org/ferry",
            "--published",
            "2024-04-03",
        ]
    )
    name = f"001_{_ferry_id()}.txt"
    assert result.out == (
        f"Imported ferry.txt as seeds/{name}.\n"
        "Updated seeds/INDEX.md (2 seeds).\n"
        "All checks passed (1 file checked).\n"
    )
    assert (result.code, result.err) == (0, "")
    assert (corpus / name).read_text(encoding="utf-8") == (
        "---\n"
        "title: Wendbury Ferry to Run Every Twenty Minutes\n"
        "byline: Jonas Albrecht\n"
        "source: Wendbury Courier\n"
        "url: https://example.org/ferry\n"
        "published: 2024-04-03\n"
        "---\n"
        "A second boat joins the crossing next month.\n\n" + FERRY
    )
    assert run_cli(["index", "--check"]).out == "seeds/INDEX.md is up to date (2 seeds).\n"
    validated = run_cli(["validate", "--strict"])
    assert (validated.out, validated.code) == ("All checks passed (3 files checked).\n", 0)


def test_the_same_text_twice_is_refused_and_nothing_written(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["import", "ferry.txt"]).code == 0
    before = _snapshot(corpus)
    again = run_cli(["import", "ferry.txt", "--source", "Another Site"])
    assert again.out == ""
    assert again.err == (
        f"seedcheck: error: ferry.txt: same text as 001_{_ferry_id()}.txt in the corpus, "
        "an exact duplicate\n"
        "seedcheck: nothing was imported\n"
    )
    assert again.code == 2
    assert _snapshot(corpus) == before


def test_the_id_is_stable_and_comes_from_the_source_bytes(
    corpus: Path, isolated: Path, run_cli: RunCli
) -> None:
    other = isolated / "other"
    other.mkdir()
    run_cli(["import", "ferry.txt"])
    run_cli(["import", "ferry.txt", "--corpus", "other"])
    assert (corpus / f"001_{_ferry_id()}.txt").is_file()
    assert (other / f"000_{_ferry_id()}.txt").is_file()
    assert (other / "INDEX.md").is_file()  # created when missing


def test_a_retyped_copy_is_an_exact_duplicate(corpus: Path, run_cli: RunCli) -> None:
    retyped = "Library Opens on Sundays\n\nBy Lena Ohlsson\n\n" + LIBRARY.replace("’", "'")
    Path("library.txt").write_text(retyped.upper(), encoding="utf-8")
    before = _snapshot(corpus)
    result = run_cli(["import", "library.txt"])
    assert result.err == (
        "seedcheck: error: library.txt: same text as 000_8e2d6b0f4a1c3579.txt in the corpus, "
        "an exact duplicate\n"
        "seedcheck: nothing was imported\n"
    )
    assert _snapshot(corpus) == before


def test_a_missing_byline_is_refused_unless_given(corpus: Path, run_cli: RunCli) -> None:
    Path("nobyline.txt").write_text("Ferry Gets a Second Boat\n\n" + FERRY, encoding="utf-8")
    before = _snapshot(corpus)
    refused = run_cli(["import", "nobyline.txt"])
    assert refused.err == (
        "seedcheck: error: nobyline.txt: no byline found (a line 'By Name' among the first "
        "paragraphs or at the end); pass --byline\n"
        "seedcheck: nothing was imported\n"
    )
    assert refused.code == 2
    assert _snapshot(corpus) == before
    given_byline = run_cli(["import", "nobyline.txt", "--byline", "Jonas Albrecht"])
    assert given_byline.code == 0
    (seed,) = corpus.glob("001_*.txt")
    assert seed.read_text(encoding="utf-8") == (
        "---\ntitle: Ferry Gets a Second Boat\nbyline: Jonas Albrecht\n---\n" + FERRY
    )


def test_a_text_without_a_title_needs_title(corpus: Path, run_cli: RunCli) -> None:
    # The first line is a paragraph, far longer than any title.
    text = FERRY.replace("\n\n", " ")
    Path("notitle.txt").write_text(text + "\nBy Ada Fenwick\n", encoding="utf-8")
    refused = run_cli(["import", "notitle.txt"])
    assert refused.err == (
        "seedcheck: error: notitle.txt: no usable title (the first line is not a title: "
        f"title is {len(text) - 1} characters long; the limit is 200); pass --title\n"
        "seedcheck: nothing was imported\n"
    )
    assert refused.code == 2
    titled = run_cli(["import", "notitle.txt", "--title", "Ferry: Every 20 Minutes"])
    assert titled.code == 0
    (seed,) = corpus.glob("001_*.txt")
    assert seed.read_text(encoding="utf-8") == (
        "---\ntitle: 'Ferry: Every 20 Minutes'\nbyline: Ada Fenwick\n---\n"
        + FERRY.replace("\n\n", " ")
    )


def test_findings_on_the_imported_seed_are_shown(corpus: Path, run_cli: RunCli) -> None:
    Path("bio.txt").write_text(
        "Ferry Gets a Second Boat\n\n" + FERRY + "\nBy , a professor of maritime law\n",
        encoding="utf-8",
    )
    result = run_cli(["import", "bio.txt"])
    (seed,) = corpus.glob("001_*.txt")
    assert result.out == (
        f"Imported bio.txt as seeds/{seed.name}.\n"
        "Updated seeds/INDEX.md (2 seeds).\n"
        f"seeds/{seed.name}:3:9: SC304 [byline-invalid] byline has no name before the comma "
        "(the name was lost and the bio kept)\n"
        "Found 1 error in 1 file.\n"
    )
    assert result.code == 1


def test_several_files_get_consecutive_numbers(corpus: Path, run_cli: RunCli) -> None:
    Path("second.txt").write_text(
        "Library Hours Extended\n\nBy Lena Ohlsson\n\n" + LIBRARY.replace("Sundays", "Mondays"),
        encoding="utf-8",
    )
    result = run_cli(["import", "ferry.txt", "second.txt"])
    names = sorted(p.name[:4] for p in corpus.glob("00*.txt"))
    assert names == ["000_", "001_", "002_"]
    assert result.out.splitlines()[2] == "Updated seeds/INDEX.md (3 seeds)."
    # second.txt is a near-copy of the library seed: shown, though it was imported.
    assert "SC414 [near-duplicate-document]" in result.out
    assert result.code == 1


def test_one_bad_file_means_nothing_is_written(corpus: Path, run_cli: RunCli) -> None:
    Path("copy.txt").write_bytes(Path("ferry.txt").read_bytes())
    before = _snapshot(corpus)
    result = run_cli(["import", "ferry.txt", "missing.txt", "copy.txt"])
    assert result.err == (
        "seedcheck: error: missing.txt: cannot read: No such file or directory\n"
        "seedcheck: error: copy.txt: same text as ferry.txt (imported with it), an exact "
        "duplicate\n"
        "seedcheck: nothing was imported\n"
    )
    assert result.code == 2
    assert _snapshot(corpus) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--published", "2024-3-5"],
            "--published 2024-3-5 is not a valid date; write YYYY-MM-DD, such as 2024-03-05",
        ),
        (["--published", "2999-01-01"], "--published 2999-01-01 is in the future"),
        (["--url", "ftp://example.org/x"], "ferry.txt: --url: url must be an http or https URL"),
        (["--corpus", "nowhere"], "nowhere: no such file or directory"),
        (["--byline", " "], "--byline is empty; give a value or leave the option out"),
        (["--corpus", "ferry.txt"], "ferry.txt: not a folder; pass the corpus folder"),
    ],
)
def test_bad_options_are_refused(
    corpus: Path, run_cli: RunCli, args: list[str], message: str
) -> None:
    before = _snapshot(corpus)
    result = run_cli(["import", "ferry.txt", *args])
    assert result.err.splitlines()[0] == f"seedcheck: error: {message}"
    assert (result.out, result.code) == ("", 2)
    assert _snapshot(corpus) == before


def test_a_plain_layout_corpus_is_refused(corpus: Path, isolated: Path, run_cli: RunCli) -> None:
    (isolated / "seedcheck.toml").write_text('layout = "plain"\n', encoding="utf-8")
    before = _snapshot(corpus)
    result = run_cli(["import", "ferry.txt"])
    assert result.err == (
        'seedcheck: error: the configuration sets layout = "plain", and seedcheck import '
        'writes front-matter seeds; set layout to "auto" or "front-matter" to import\n'
    )
    assert result.code == 2
    assert _snapshot(corpus) == before


def test_unusable_sources_are_refused(corpus: Path, run_cli: RunCli) -> None:
    Path("latin1.txt").write_bytes("Caf\xe9 Opens\n\nBy Jo Bloggs\n\nText.\n".encode("latin-1"))
    Path("seed.txt").write_text("---\ntitle: T\nbyline: B\n---\nText.\n", encoding="utf-8")
    Path("empty.txt").write_text("\n\n", encoding="utf-8")
    Path("onlytitle.txt").write_text("Title\n\nBy Jo Bloggs\n", encoding="utf-8")
    before = _snapshot(corpus)
    result = run_cli(["import", "latin1.txt", "seed.txt", "empty.txt", "onlytitle.txt"])
    assert result.err == (
        "seedcheck: error: latin1.txt: not valid UTF-8 (byte 4 cannot be decoded); save it "
        "as UTF-8\n"
        "seedcheck: error: seed.txt: already has a front-matter header; it is a seed, not a "
        "raw article (copy it into the corpus and run seedcheck index)\n"
        "seedcheck: error: empty.txt: no title found (the file is empty); pass --title\n"
        "seedcheck: error: onlytitle.txt: no article text besides the title and byline\n"
        "seedcheck: nothing was imported\n"
    )
    assert _snapshot(corpus) == before


def test_import_never_overwrites_index_md_where_case_is_ignored(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (corpus / "INDEX.md").rename(corpus / "index.md")
    ignore_case_of(monkeypatch, "INDEX.md")
    before = _snapshot(corpus)

    result = run_cli(["import", "ferry.txt"])

    assert result.err == (
        "seedcheck: error: seeds/index.md is not INDEX.md, but this file system ignores "
        "case, so writing INDEX.md would replace it; rename index.md (or make it the index "
        "by renaming it INDEX.md), then run again\n"
        "seedcheck: nothing was imported\n"
    )
    assert (result.out, result.code) == ("", 2)
    assert _snapshot(corpus) == before


def test_broken_index_markers_stop_the_import(corpus: Path, run_cli: RunCli) -> None:
    index = corpus / "INDEX.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("index:end", "index:ended"), encoding="utf-8")
    before = _snapshot(corpus)
    result = run_cli(["import", "ferry.txt"])
    assert result.err.startswith("seedcheck: error: seeds/INDEX.md: the index markers are broken")
    assert result.code == 2
    assert _snapshot(corpus) == before


def test_numbers_continue_after_the_highest(isolated: Path, run_cli: RunCli) -> None:
    seeds = isolated / "seeds"
    seeds.mkdir()
    for number, text in (("0004", LIBRARY), ("0000", LIBRARY.replace("September", "May"))):
        (seeds / f"{number}_{number * 4}.txt").write_text(
            f"---\ntitle: Library\nbyline: Lena Ohlsson\n---\n{text}", encoding="utf-8"
        )
    (seeds / "0007_7777777777777777.txt").mkdir()  # not a seed, but its number is taken
    Path("ferry.txt").write_bytes(RAW_FERRY.encode("utf-8"))
    run_cli(["import", "ferry.txt"])
    assert (seeds / f"0008_{_ferry_id()}.txt").is_file()


# ------------------------------------------------------------------ YAML quoting


TRICKY = [
    'Yes: "No" #1',
    "2024",
    "yes",
    "null",
    "- a list?",
    "[bracketed]",
    "{braced}",
    "&anchor *alias !tag",
    "% directive",
    "@handle and `code`",
    "It's “quoted” — and ‘single’",
    "Ünïcödé 東京 مرحبا",
    "a: b: c",
    "ends with colon:",
    "'starts quoted'",
    "back\\slash",
    "tab\tinside",
    "1e3",
    "0x1F",
    "~",
]


@pytest.mark.parametrize("title", TRICKY)
def test_titles_round_trip_through_the_header(title: str) -> None:
    _assert_round_trip(title)


@given(st.text(min_size=1, max_size=200))
def test_any_valid_title_round_trips(title: str) -> None:
    if title_problems(title) or any(c in title for c in "\x85\u2028\u2029\ufeff"):
        return  # not a title the model accepts, or a line break YAML would fold
    _assert_round_trip(title)


def _assert_round_trip(title: str) -> None:
    text = front_matter({"title": title, "byline": "Jane Doe"}) + "Body text.\n"
    assert text.count("\n") == 5  # one line per field, whatever the title holds
    seed = parse_seed(
        Path("000_0000000000000000.txt"),
        text.encode("utf-8"),
        number="000",
        seed_id="0000000000000000",
        layout="auto",
        model=SeedMetadata,
    )
    assert seed.field("title") is not None
    assert seed.field("title").value == title  # type: ignore[union-attr]
    assert seed.body == "Body text."


def test_a_file_named_twice_is_imported_once(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["import", "ferry.txt", "ferry.txt", "./ferry.txt"])
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(
        f"Imported ferry.txt as seeds/001_{_ferry_id()}.txt.\nUpdated seeds/INDEX.md (2 seeds).\n"
    )
    assert sorted(p.name for p in corpus.iterdir()) == [
        "000_8e2d6b0f4a1c3579.txt",
        f"001_{_ferry_id()}.txt",
        "INDEX.md",
    ]


def test_a_raw_file_inside_the_corpus_is_refused(corpus: Path, run_cli: RunCli) -> None:
    (corpus / "article.txt").write_bytes(RAW_FERRY.encode("utf-8"))
    before = _snapshot(corpus)
    result = run_cli(["import", "seeds/article.txt", "--corpus", "seeds"])
    assert result.out == ""
    assert result.err == (
        "seedcheck: error: seeds/article.txt: the raw article is inside the corpus folder,"
        " where it is not a seed; move it out of seeds and import it from there\n"
        "seedcheck: nothing was imported\n"
    )
    assert result.code == 2
    assert _snapshot(corpus) == before


def test_a_plain_seed_of_the_corpus_is_called_a_seed(corpus: Path, run_cli: RunCli) -> None:
    (corpus / "001_0123456789abcdef.txt").write_bytes(RAW_FERRY.encode("utf-8"))
    before = _snapshot(corpus)
    result = run_cli(["import", "seeds/001_0123456789abcdef.txt", "--corpus", "seeds"])
    assert result == Result(
        2,
        "",
        "seedcheck: error: seeds/001_0123456789abcdef.txt: already a seed of this corpus; "
        "to make it a front-matter seed, move it out of seeds and import it from there\n"
        "seedcheck: nothing was imported\n",
    )
    assert _snapshot(corpus) == before


@pytest.mark.parametrize(
    "head",
    [
        # A setext underline goes with the title.
        "Wendbury Ferry to Run Every Twenty Minutes\n---\n\nBy Nora Quinn",
        "Wendbury Ferry to Run Every Twenty Minutes\n===\n\nBy Nora Quinn",
        "Wendbury Ferry to Run Every Twenty Minutes\n==================\n\nBy Nora Quinn",
        # An emphasised byline is still the byline.
        "Wendbury Ferry to Run Every Twenty Minutes\n\n*By Nora Quinn*",
    ],
)
def test_title_and_byline_marked_up_as_in_markdown(
    corpus: Path, run_cli: RunCli, head: str
) -> None:
    Path("raw.txt").write_text(f"{head}\n\n{FERRY}", encoding="utf-8")
    result = run_cli(["import", "raw.txt"])
    assert (result.code, result.err) == (0, "")
    (seed,) = corpus.glob("001_*.txt")
    assert seed.read_text(encoding="utf-8") == (
        "---\ntitle: Wendbury Ferry to Run Every Twenty Minutes\nbyline: Nora Quinn\n---\n" + FERRY
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(corpus: Path, run_cli: RunCli) -> None:
    os.mkfifo("pipe.txt")
    before = _snapshot(corpus)
    result = run_cli(["import", "pipe.txt"])  # an open() that waited would hang here
    assert result.err.splitlines()[0] == (
        "seedcheck: error: pipe.txt: a FIFO (named pipe), not a regular file; import a text file"
    )
    assert (result.out, result.code) == ("", 2)
    assert _snapshot(corpus) == before


def test_a_huge_file_is_read_only_up_to_the_limit(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Path("huge.txt").open("wb") as fh:
        fh.truncate(3 * 1024**3)  # 3 GiB, sparse: reading it whole would fill memory
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        chunk = real_read(fd, size)
        if os.fstat(fd).st_size == 3 * 1024**3:  # the huge file, not the corpus's seeds
            reads.append(len(chunk))
        return chunk

    monkeypatch.setattr(os, "read", counting_read)
    result = run_cli(["import", "huge.txt"])
    assert result.err.splitlines()[0] == (
        f"seedcheck: error: huge.txt: {3 * 1024**3} bytes, more than max-file-size "
        f"({1024 * 1024}); this is not an article"
    )
    assert result.code == 2
    assert sum(reads) == 1024 * 1024 + 1


@needs_symlinks
def test_a_link_the_user_names_is_followed(corpus: Path, run_cli: RunCli) -> None:
    Path("articles").mkdir()
    Path("ferry.txt").rename("articles/ferry.txt")
    # A Path, so that a Windows link target gets the separator Windows resolves.
    Path("ferry-link.txt").symlink_to(Path("articles/ferry.txt"))
    result = run_cli(["import", "ferry-link.txt"])
    assert result.err == ""
    assert len(list(corpus.glob("001_*.txt"))) == 1


def test_the_row_of_a_seed_that_cannot_be_read_is_kept(corpus: Path, run_cli: RunCli) -> None:
    # As `seedcheck index` does: the row may hold the only copy of that seed's byline.
    big = corpus / "001_0f1e2d3c4b5a6978.txt"
    big.write_text(
        "---\ntitle: A Long Report\nbyline: Ada Long\n---\n"
        + LIBRARY.replace("Sundays", "Fridays") * 6,
        encoding="utf-8",
    )
    assert run_cli(["index"]).code == 0
    (row,) = [
        line for line in (corpus / "INDEX.md").read_text("utf-8").splitlines() if "| 001 |" in line
    ]
    Path("seedcheck.toml").write_text(
        f"body-min-words = 0\nmax-file-size = {big.stat().st_size - 1}\n", encoding="utf-8"
    )
    result = run_cli(["import", "ferry.txt"])
    assert result.out.splitlines()[:2] == [
        f"Imported ferry.txt as seeds/002_{_ferry_id()}.txt.",
        "Updated seeds/INDEX.md (2 seeds).",
    ]
    assert row in (corpus / "INDEX.md").read_text("utf-8").splitlines()


def test_a_new_index_counts_one_seed_as_one(isolated: Path, run_cli: RunCli) -> None:
    Path("seeds").mkdir()
    Path("ferry.txt").write_bytes(RAW_FERRY.encode("utf-8"))
    result = run_cli(["import", "ferry.txt"])
    assert result.out.splitlines()[1] == "Created seeds/INDEX.md (1 seed)."
