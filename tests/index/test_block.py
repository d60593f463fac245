"""Writing INDEX.md's block: in place, appended, fresh, or refused; and end to end."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from seedcheck.corpus import listing as folder_listing
from seedcheck.errors import SeedcheckError
from seedcheck.index import document as index_file
from seedcheck.index.block import NEW_INDEX_HEAD, block_is_rendered, render_block, rewrite_index
from seedcheck.index.document import BEGIN_MARKER, COLUMNS, END_MARKER, parse_index
from seedcheck.seed.file import parse_seed
from seedcheck.seed.model import SeedMetadata
from seedcheck.seed.summary import SeedSummary, summarize
from tests.conftest import RunCli

FM_NAME = "000_5d0e2a7c91b4f368.txt"
FM_TEXT = (
    "---\n"
    "title: Harbour Council | Floodwall \\ Vote\n"
    "byline: Priya Raman\n"
    "published: 2024-05-14\n"
    "---\n"
    "The council voted on Tuesday to build a floodwall.\n"
)
PLAIN_NAME = "001_b83f1c06e2d947a5.txt"
PLAIN_TEXT = (
    "Library Extends Evening Opening Hours\n"
    "\n"
    "The library will stay open until nine.\n"
    "\n"
    "By Tomasz Nowak\n"
)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _seed(root: Path, name: str, text: str) -> SeedSummary:
    number, _, rest = name.partition("_")
    parsed = parse_seed(
        root / name,
        text.encode("utf-8"),
        number=number,
        seed_id=rest.split(".")[0],
        layout="auto",
        model=SeedMetadata,
    )
    return summarize(parsed)


def _seeds(root: Path) -> list[SeedSummary]:
    # Out of order on purpose: the block is in number order.
    return [_seed(root, PLAIN_NAME, PLAIN_TEXT), _seed(root, FM_NAME, FM_TEXT)]


BLOCK = (
    f"{BEGIN_MARKER}\n"
    "\n"
    "| No. | File | Title | Byline | Published | Words | SHA-256 |\n"
    "| ---: | --- | --- | --- | --- | ---: | --- |\n"
    f"| 000 | [{FM_NAME}](<{FM_NAME}>) | Harbour Council \\| Floodwall \\\\ Vote "
    f"| Priya Raman | 2024-05-14 | 9 | {_digest(FM_TEXT)} |\n"
    # The byline line of the plain layout is not body text: 7 words, not 10.
    f"| 001 | [{PLAIN_NAME}](<{PLAIN_NAME}>) | Library Extends Evening Opening Hours "
    f"| Tomasz Nowak |  | 7 | {_digest(PLAIN_TEXT)} |\n"
    "\n"
    f"{END_MARKER}\n"
)


def test_render_block(tmp_path: Path) -> None:
    assert render_block(_seeds(tmp_path)) == BLOCK


def test_fresh_index(tmp_path: Path) -> None:
    assert rewrite_index(None, _seeds(tmp_path)) == NEW_INDEX_HEAD + "\n" + BLOCK


def test_fresh_index_for_an_empty_corpus(tmp_path: Path) -> None:
    assert rewrite_index(None, []) == (
        NEW_INDEX_HEAD + "\n" + f"{BEGIN_MARKER}\n"
        "\n"
        "| No. | File | Title | Byline | Published | Words | SHA-256 |\n"
        "| ---: | --- | --- | --- | --- | ---: | --- |\n"
        "\n"
        f"{END_MARKER}\n"
    )


# Text people write around the block: CRLF and lone CR line ends, a form feed and a
# line separator (not line breaks for Markdown), trailing spaces, a marker in code,
# and no final newline.
BEFORE = (
    "# Kestrel Bay seeds\r\n"
    "\r\n"
    "Reviewed on Fridays.  \r\n"
    "Page\x0cbreak and line\u2028separator stay.\r"
    "\n"
    f"`{BEGIN_MARKER}` marks the start.\n"
    "\n"
)
AFTER = "\n## Notes\r\n\r\n```\n" + END_MARKER + "\n```\n\nNo final newline, tabs\t"
STALE = f"{BEGIN_MARKER}\n\n| No. | File |\n| --- | --- |\n| 999 | gone.txt |\n\n{END_MARKER}\n"


def test_rewrite_keeps_text_around_the_block_byte_for_byte(tmp_path: Path) -> None:
    data = (BEFORE + STALE + AFTER).encode("utf-8")
    document = parse_index(tmp_path / "INDEX.md", data)
    assert document.markers_ok
    new = rewrite_index(document, _seeds(tmp_path))
    assert new.encode("utf-8") == BEFORE.encode("utf-8") + BLOCK.encode("utf-8") + AFTER.encode(
        "utf-8"
    )
    # Rewriting the result again changes nothing.
    again = parse_index(tmp_path / "INDEX.md", new.encode("utf-8"))
    assert rewrite_index(again, _seeds(tmp_path)) == new


def test_rewrite_keeps_a_byte_order_mark(tmp_path: Path) -> None:
    data = ("\ufeff" + BEFORE + STALE + AFTER).encode("utf-8")
    document = parse_index(tmp_path / "INDEX.md", data)
    assert document.markers_ok
    new = rewrite_index(document, _seeds(tmp_path))
    assert new == "\ufeff" + BEFORE + BLOCK + AFTER


def test_rewrite_replaces_a_block_with_crlf_markers(tmp_path: Path) -> None:
    stale = STALE.replace("\n", "\r\n")
    document = parse_index(tmp_path / "INDEX.md", ("# Index\r\n\r\n" + stale + "Tail\r\n").encode())
    new = rewrite_index(document, _seeds(tmp_path))
    # A CRLF file stays CRLF: the block takes the line ending of its begin marker.
    assert new == "# Index\r\n\r\n" + BLOCK.replace("\n", "\r\n") + "Tail\r\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Our index\n\nHand-written notes.\n", "# Our index\n\nHand-written notes.\n\n"),
        ("# Our index\n\nNo final newline", "# Our index\n\nNo final newline\n\n"),
        ("", ""),
    ],
)
def test_block_is_appended_to_an_index_without_markers(
    text: str, expected: str, tmp_path: Path
) -> None:
    document = parse_index(tmp_path / "INDEX.md", text.encode("utf-8"))
    assert rewrite_index(document, _seeds(tmp_path)) == expected + BLOCK


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (f"# Index\n\n{BEGIN_MARKER}\n\n| a |\n", "begin on line(s) 3, end on line(s) none"),
        (f"# Index\n\n{END_MARKER}\n", "begin on line(s) none, end on line(s) 3"),
        (
            f"{BEGIN_MARKER}\n\n{BEGIN_MARKER}\n\n{END_MARKER}\n",
            "begin on line(s) 1, 3, end on line(s) 5",
        ),
        (f"{END_MARKER}\n\n{BEGIN_MARKER}\n", "begin on line(s) 3, end on line(s) 1"),
        (
            f"{BEGIN_MARKER}\n\n{END_MARKER}\n\n{END_MARKER}\n",
            "begin on line(s) 1, end on line(s) 3, 5",
        ),
    ],
)
def test_broken_markers_are_refused(text: str, where: str, tmp_path: Path) -> None:
    path = tmp_path / "INDEX.md"
    document = parse_index(path, text.encode("utf-8"))
    with pytest.raises(SeedcheckError) as error:
        rewrite_index(document, _seeds(tmp_path))
    assert str(error.value) == (
        f"{path.as_posix()}: the index markers are broken ({where}); leave exactly one "
        f"{BEGIN_MARKER} before one {END_MARKER}, then run seedcheck index again"
    )


def test_an_index_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    # Writing the decoded text back would turn the Latin-1 "é" into U+FFFD.
    path = tmp_path / "INDEX.md"
    data = b"# Index\r\n\r\nCaf\xe9 notes.\n\n" + STALE.encode("utf-8")
    document = parse_index(path, data)
    assert document.invalid_utf8_line == 3
    with pytest.raises(SeedcheckError) as error:
        rewrite_index(document, _seeds(tmp_path))
    assert str(error.value) == (
        f"{path.as_posix()}: line 3 is not valid UTF-8; rewriting the file would change your text "
        "there; save INDEX.md as UTF-8, then run seedcheck index again"
    )


def test_a_utf8_index_has_no_invalid_line(tmp_path: Path) -> None:
    document = parse_index(tmp_path / "INDEX.md", "Café\n".encode())
    assert document.invalid_utf8_line is None


# ---------------------------------------------------------------- end to end

SEEDS = {
    "000_4e1a7c3b9d0f2856.txt": (
        "Library Extends Evening Opening Hours\n"
        "\n"
        "A survey asked for a quiet place to study.\n"
        "\n"
        "By Tomasz Nowak\n"
        "\n"
        "The central library will stay open until nine.\n"
    ),
    "001_a9c2e4f6b1d30785.txt": (
        "New Bus Route Links Villages to Secondary School\n"
        "\n"
        "Pupils will no longer change buses in town.\n"
        "\n"
        "By Aoife Brennan\n"
    ),
}


def _write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in SEEDS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def test_index_then_validate_a_plain_corpus(isolated: Path, run_cli: RunCli) -> None:
    corpus = _write_corpus(isolated)

    first = run_cli(["validate", "--quiet", "corpus"])
    assert first.out == (
        "corpus/INDEX.md:1:1: SC501 [index-missing] INDEX.md is missing; "
        "run `seedcheck index` to create it\n"
    )
    assert first.err == ""
    assert first.code == 1

    written = run_cli(["index", "corpus"])
    assert written.out == "Created corpus/INDEX.md (2 seeds).\n"
    assert written.code == 0
    text = (corpus / "INDEX.md").read_text(encoding="utf-8")
    assert text == NEW_INDEX_HEAD + "\n" + (
        f"{BEGIN_MARKER}\n"
        "\n"
        "| No. | File | Title | Byline | Published | Words | SHA-256 |\n"
        "| ---: | --- | --- | --- | --- | ---: | --- |\n"
        "| 000 | [000_4e1a7c3b9d0f2856.txt](<000_4e1a7c3b9d0f2856.txt>) "
        "| Library Extends Evening Opening Hours | Tomasz Nowak |  | 17 "
        f"| {_digest(SEEDS['000_4e1a7c3b9d0f2856.txt'])} |\n"
        "| 001 | [001_a9c2e4f6b1d30785.txt](<001_a9c2e4f6b1d30785.txt>) "
        "| New Bus Route Links Villages to Secondary School | Aoife Brennan |  | 8 "
        f"| {_digest(SEEDS['001_a9c2e4f6b1d30785.txt'])} |\n"
        "\n"
        f"{END_MARKER}\n"
    )

    clean = run_cli(["validate", "--strict", "--quiet", "corpus"])
    assert (clean.out, clean.err, clean.code) == ("", "", 0)
    assert run_cli(["validate", "corpus"]).out.startswith("All checks passed")

    again = run_cli(["index", "corpus"])
    assert again.out == "corpus/INDEX.md is up to date (2 seeds).\n"
    assert (corpus / "INDEX.md").read_text(encoding="utf-8") == text


def test_index_refuses_a_non_utf8_index(isolated: Path, run_cli: RunCli) -> None:
    corpus = _write_corpus(isolated)
    (corpus / "INDEX.md").write_bytes(b"# Index\n\nCaf\xe9 notes.\n")
    result = run_cli(["index", "corpus"])
    assert result.code == 2
    assert result.out == ""
    assert "line 3 is not valid UTF-8" in result.err
    assert (corpus / "INDEX.md").read_bytes() == b"# Index\n\nCaf\xe9 notes.\n"


def test_a_malformed_row_is_not_also_a_missing_entry(isolated: Path, run_cli: RunCli) -> None:
    corpus = _write_corpus(isolated)
    assert run_cli(["index", "corpus"]).code == 0
    index = corpus / "INDEX.md"
    lines = index.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("| 001 "))
    lines[row] = lines[row][: lines[row].rindex(" | ")] + " |"  # the digest cell is lost
    index.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli(["validate", "--select", "SC5", "--quiet", "corpus"])
    assert result.out == (
        f"corpus/INDEX.md:{row + 1}:1: SC503 [index-table] row for "
        "'001_a9c2e4f6b1d30785.txt' has 6 cells; the header has 7\n"
    )
    assert result.code == 1


# Characters that str.splitlines() takes for line breaks but Markdown does not.
ODD_BREAKS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("odd", ODD_BREAKS)
def test_an_odd_break_in_html_before_the_end_marker_keeps_the_text_after(
    odd: str, tmp_path: Path
) -> None:
    # The marker's HTML block starts on the <details> line: its lines must be counted
    # as Markdown counts them, or the end marker is placed a line too late.
    before = "# Index\n\n"
    stale = STALE.replace(
        END_MARKER, f"<details><summary>About{odd}this table</summary></details>\n{END_MARKER}"
    )
    after = "KEEP ME: my precious notes\n"
    document = parse_index(tmp_path / "INDEX.md", (before + stale + after).encode("utf-8"))
    assert document.markers_ok
    assert rewrite_index(document, _seeds(tmp_path)) == before + BLOCK + after


@pytest.mark.parametrize("odd", ODD_BREAKS)
def test_an_odd_break_in_html_just_before_the_begin_marker(odd: str, tmp_path: Path) -> None:
    before = f"# Index\n\n<details><summary>About{odd}this table</summary></details>\n"
    after = "KEEP ME\n"
    data = (before + STALE + after).encode("utf-8")
    document = parse_index(tmp_path / "INDEX.md", data)
    assert (document.begin_lines, document.end_lines) == ((4,), (10,))
    assert rewrite_index(document, _seeds(tmp_path)) == before + BLOCK + after


def test_text_after_the_last_marker_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markdown reads a line from those above it: a huge table after the block is skipped."""
    parsed: list[str] = []
    make_parser = index_file.markdown_parser

    def recording() -> MarkdownIt:
        parser = make_parser()
        real = parser.parse

        def parse(text: str, env: Any = None) -> list[Token]:
            parsed.append(text)
            return real(text, env)

        monkeypatch.setattr(parser, "parse", parse)
        return parser

    monkeypatch.setattr(index_file, "markdown_parser", recording)
    after = "\n## Notes\n\n| x | y |\n| - | - |\n" + "| x | y |\n" * 1000
    data = ("# Index\r\n\r\n" + BLOCK.replace("\n", "\r\n") + after).encode()
    document = parse_index(tmp_path / "INDEX.md", data)
    # The block's own table may be parsed in chunks (see index_reduce); never what follows.
    assert parsed
    assert not any("Notes" in text or "| x | y |" in text for text in parsed)
    assert [row.file for row in document.rows] == [FM_NAME, PLAIN_NAME]
    assert rewrite_index(document, _seeds(tmp_path)) == data.decode()


def test_an_index_far_larger_than_its_corpus_needs_is_not_read(
    isolated: Path, run_cli: RunCli
) -> None:
    corpus = _write_corpus(isolated)
    assert run_cli(["index", "corpus"]).code == 0
    index = corpus / "INDEX.md"
    limit = folder_listing.index_size_limit(1024 * 1024, 2)
    assert limit == 1024 * 1024 + 2 * 4096
    with index.open("a", encoding="utf-8", newline="\n") as notes:
        notes.write("| x | y |\n" * (limit // 10))
    size = index.stat().st_size
    assert size > limit

    validate = run_cli(["validate", "--select", "SC1,SC5", "--quiet", "corpus"])
    assert validate.out == (
        f"corpus/INDEX.md:1:1: SC107 [file-too-large] file is {size} bytes, over "
        f"the INDEX.md limit ({limit} bytes: 1 MiB and 4 KiB per seed); it was not checked "
        "further\n"
    )
    written = run_cli(["index", "corpus"])
    assert written.code == 2
    assert written.err == (
        "seedcheck: error: corpus/INDEX.md is too large to be an index; "
        "fix it by hand, then run again\n"
    )


def test_index_keeps_the_row_of_a_seed_it_could_not_read(isolated: Path, run_cli: RunCli) -> None:
    """The row may hold the only copy of a byline: it stays, verbatim, in its place."""
    (isolated / "seedcheck.toml").write_text(
        "body-min-words = 0\nmax-file-size = 1000\n", encoding="utf-8"
    )
    corpus = _write_corpus(isolated)
    extra = "002_0b5c7e9a1d3f4628.txt"
    (corpus / extra).write_text("Ferry Timetable Changes\n\nBy Ines Duarte\n\nBoats.\n", "utf-8")
    assert run_cli(["index", "corpus"]).code == 0
    index = corpus / "INDEX.md"
    lines = index.read_text(encoding="utf-8").split("\n")
    first = next(line for line in lines if line.startswith("| 000 "))
    # A hand-edited byline, and the seed grows past max-file-size.
    edited = first.replace("Tomasz Nowak", "Tomasz Nowak (photos: A. Ruiz)")
    index.write_text("\n".join(lines).replace(first, edited), encoding="utf-8")
    with (corpus / "000_4e1a7c3b9d0f2856.txt").open("a", encoding="utf-8", newline="\n") as seed:
        seed.write("More text. " * 100)
    (corpus / extra).write_text(
        "Ferry Timetable Changes\n\nBy Ines Duarte\n\nBoats run.\n", encoding="utf-8"
    )

    result = run_cli(["index", "corpus"])

    assert result.out == "Updated corpus/INDEX.md (2 seeds).\n", result.err
    assert result.err == (
        "kept the row of 000_4e1a7c3b9d0f2856.txt, which could not be read: it is larger "
        "than max-file-size (1000 bytes)\n"
    )
    assert result.code == 0
    new = index.read_text(encoding="utf-8").split("\n")
    rows = [line for line in new if line.startswith("| 00")]
    assert rows[0] == edited
    assert [row[:6] for row in rows] == ["| 000 ", "| 001 ", "| 002 "]
    # Up to date now, for index --check and for validate alike.
    check = run_cli(["index", "--check", "corpus"])
    assert (check.out, check.code) == ("corpus/INDEX.md is up to date (2 seeds).\n", 0)
    assert check.err == result.err
    validate = run_cli(["validate", "--select", "SC5", "--quiet", "corpus"])
    assert (validate.out, validate.code) == ("", 0)


def test_fix_keeps_the_row_of_a_seed_it_could_not_read(isolated: Path, run_cli: RunCli) -> None:
    (isolated / "seedcheck.toml").write_text(
        "body-min-words = 0\nmax-file-size = 1000\n", encoding="utf-8"
    )
    corpus = _write_corpus(isolated)
    assert run_cli(["index", "corpus"]).code == 0
    index = corpus / "INDEX.md"
    before = index.read_bytes()
    with (corpus / "000_4e1a7c3b9d0f2856.txt").open("a", encoding="utf-8", newline="\n") as seed:
        seed.write("More text. " * 100)
    with (corpus / "001_a9c2e4f6b1d30785.txt").open("a", encoding="utf-8", newline="\n") as seed:
        seed.write("Trailing blanks.  \n")

    result = run_cli(["fix", "corpus"])

    assert result.code == 1
    after = index.read_text(encoding="utf-8")
    row = next(line for line in before.decode().split("\n") if line.startswith("| 000 "))
    assert row in after.split("\n")
    assert "| 001 " in after
    assert after != before.decode()


def _without_first_row(block: str) -> str:
    lines = block.split("\n")
    return "\n".join(lines[:-5] + lines[-4:])  # the header, the delimiter, then the rows


BLOCK_EDITS: dict[str, tuple[str, str, Any, bool]] = {
    # name: (text before the block, text after it, edit of the block, still rendered)
    "notes around it": ("# Index\n\n", "\nNotes of mine.\n", None, True),
    "byte-order mark and CRLF": ("\ufeff# Index\r\n\r\n", "", None, True),
    "nothing around it": ("", "", None, True),
    "end marker without line break": ("# Index\n\n", "", lambda b: b.removesuffix("\n"), False),
    "first row gone": ("# Index\n\n", "", _without_first_row, False),
    "a row more": ("# Index\n\n", "", lambda b: b.replace("\n\n<!--", "\n| x |\n\n<!--"), False),
}


@pytest.mark.parametrize("case", sorted(BLOCK_EDITS))
def test_block_is_rendered_compares_the_block_alone(tmp_path: Path, case: str) -> None:
    before, after, edit, rendered = BLOCK_EDITS[case]
    seeds = _seeds(tmp_path)
    block = render_block(seeds, "\r\n" if "\r\n" in before else "\n")
    if edit is not None:
        block = edit(block)
    document = parse_index(tmp_path / "INDEX.md", (before + block + after).encode("utf-8"))
    assert document.markers_ok
    assert block_is_rendered(document, seeds) is rendered


def test_index_refuses_to_add_a_block_that_an_unclosed_fence_would_hide(
    isolated: Path, run_cli: RunCli
) -> None:
    # Every run would otherwise add another block inside the fence, unread.
    corpus = isolated / "corpus"
    corpus.mkdir()
    (corpus / "000_aaaaaaaaaaaaaaaa.txt").write_text(
        "---\ntitle: T\nbyline: Ann Example\n---\nBody.\n", encoding="utf-8"
    )
    (corpus / "INDEX.md").write_text("# Index\n\n```\nnotes\n", encoding="utf-8")
    result = run_cli(["index", "corpus"])
    assert result.code == 2
    assert "unclosed ``` fence?" in result.err
    assert (corpus / "INDEX.md").read_text(encoding="utf-8") == "# Index\n\n```\nnotes\n"


def test_a_row_is_written_in_the_order_of_the_columns() -> None:
    # _block_lines writes a row's cells out one by one, in this order.
    assert COLUMNS == ("No.", "File", "Title", "Byline", "Published", "Words", "SHA-256")
