"""Title and byline of plain-layout seeds: ``seedcheck.seed.plain_layout``.

Decisions recorded here:

- A line beginning ``By`` is a byline only when what follows reads as a *credit*: up to
  the first comma, bio verb or contact, a few capitalised words or name particles. Many
  article sentences begin with "By" (``By Friday, 300 homes…``, ``By midday the road…``),
  and a wrong byline is worse than none: it hides the real one at the end.
- A credit with a bio or a contact glued on (``By Jane Doe is a senior fellow…``,
  ``By , a professor of…``, ``By @janedoe``) is still a byline, so that byline-invalid
  can say what is wrong with it instead of missing-byline saying it is absent.
- A byline may have a short dateline under it in the same paragraph.
- Markdown rules (``---`` under the title, around a note) are not paragraphs.
- Markdown emphasis around a whole byline line (``*By Jane Doe*``) is markup, not part of
  the name: the byline is found, and its value and columns leave the marks out.
"""

from __future__ import annotations

import time

import pytest

from seedcheck.seed.plain_layout import split_plain


def _byline(text: str) -> tuple[int, str] | None:
    """(1-based line, value) of the byline that ``split_plain`` finds in ``text``."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    byline = split_plain(lines).byline
    return None if byline is None else (byline.line, str(byline.value))


def _lone(line: str) -> str:
    """A seed whose only byline candidate is ``line``, as its own paragraph."""
    return f"Harbour Council Approves Floodwall\n\n{line}\n\nThe council voted on Tuesday.\n"


def test_a_sentence_starting_with_by_does_not_hide_the_byline_at_the_end() -> None:
    text = (
        "Floods Hit Valley\n\nRivers rose overnight.\n\n"
        "By Friday, 300 homes had been evacuated.\n\nOfficials expect more rain.\n\nBy Jane Doe\n"
    )
    assert _byline(text) == (9, "Jane Doe")


def test_a_byline_with_a_dateline_under_it() -> None:
    text = "Floods Hit Valley\n\nBy Jane Doe\nMarch 5, 2024\n\nRivers rose overnight.\n"
    assert _byline(text) == (3, "Jane Doe")


def test_a_byline_glued_to_a_body_line_is_not_a_byline() -> None:
    body = "Rivers rose overnight after two days of heavy rain on the hills above the valley."
    assert _byline(f"Floods Hit Valley\n\nBy Jane Doe\n{body}\n") is None


def test_a_dateline_does_not_make_a_sentence_a_byline() -> None:
    text = "Floods Hit Valley\n\nBy Friday, 300 homes had been evacuated.\nMarch 5, 2024\n"
    assert _byline(text) is None


def test_markdown_rules_are_not_paragraphs() -> None:
    # A setext underline and a rule around a note: the byline is the third paragraph.
    text = (
        "Harbor Council Approves Floodwall\n---\n\n"
        "Update: this article was corrected on March 6.\n\n---\n\n"
        "By Jane Doe\n\nThe council voted.\n"
    )
    assert _byline(text) == (8, "Jane Doe")


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe",
        "BY JANE DOE",
        "By Jane Doe and John Roe",
        "By Jane Doe & John Roe",
        "By the Editorial Board",
        "By J. R. Okafor",
        "By Ludwig van Beethoven",
        "By Karim al-Masri",
        "By Zoë O’Neill-Byrne",
        "By 张伟",
        "By Александра Петрова",
        "By June Carter",
        "By Are Kalvø",
        # Co-authors and agencies after a comma.
        "By Jane Doe, Reuters",
        "By Jane Doe, the Associated Press",
        "By Amara Okonkwo, Lukas Becker and Priya Raman",
        "By Jane Doe,",
        "By Jane Doe; additional reporting by John Roe",
        # Bylines that byline-invalid then reports.
        "By , a professor of international politics at Example University",
        "By Jane Doe, a professor at Example University",
        "By Jane Doe, who covers energy",
        "By Jane Doe is a senior fellow at the Centre for Coastal Policy",
        "By Jane Doe (https://example.org/jane)",
        "By Jane Doe, jane.doe@example.org",
        "By Jane Doe | @janedoe",
        "By @janedoe",
        "By By Jane Doe",
    ],
)
def test_credit_lines_are_bylines(line: str) -> None:
    assert _byline(_lone(line)) == (3, line[3:].strip())


@pytest.mark.parametrize(
    "line",
    [
        "By midday the road was shut.",
        "By 2030, the council says, the road will need a sea wall.",
        "By Friday, 300 homes had been evacuated.",
        "By Friday, the river had risen.",
        "By Monday, Officials had closed the bridge.",
        "By Christmas, a new bridge will open.",
        "By Tuesday's vote, the council had changed its mind.",
        "By New Year's Eve, the works were done.",
        "By the first Saturday in April, thirty stalls had signed up.",
        "By Jane Doe, senior correspondent",
        "By jane doe",
        "By One Two Three Four Five Six Seven Eight Nine Ten Eleven",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert _byline(_lone(line)) is None


def test_the_byline_search_stops_after_three_paragraphs() -> None:
    text = "Title\n\nOne.\n\nTwo.\n\nThree.\n\nBy Jane Doe\n\nFive.\n"
    assert _byline(text) is None


def test_no_title_no_byline() -> None:
    parts = split_plain(["", "  "])
    assert (parts.title, parts.byline, parts.body_start) == (None, None, 2)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("By " + "Jane Doe, " * 100_000, True),
        ("By " + "Jane Doe," * 100_000 + " said", False),
        ("By " + "x" * 1_000_000, False),
        ("By Jane, " + "a." * 300_000, False),
    ],
)
def test_a_huge_line_is_read_in_linear_time(line: str, found: bool) -> None:
    # Credits after commas were once checked by recursion and by copying the rest of the
    # line, and an e-mail pattern was tried from every position: a 1 MB line hung.
    started = time.perf_counter()
    assert (_byline(_lone(line)) is not None) is found
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("*By Nora Quinn*", 5),
        ("**By Nora Quinn**", 6),
        ("_By Nora Quinn_", 5),
        ("  *By Nora Quinn*", 7),
    ],
)
def test_emphasis_around_a_byline_is_not_part_of_it(line: str, column: int) -> None:
    byline = split_plain(_lone(line).split("\n")).byline
    assert byline is not None
    assert (byline.line, byline.column, byline.value) == (3, column, "Nora Quinn")
    assert byline.end_column == column + len("Nora Quinn")


@pytest.mark.parametrize(
    "line", ["*By midday the road was shut.*", "*By Nora Quinn", "*By Nora Quinn_", "**"]
)
def test_emphasis_does_not_make_a_byline(line: str) -> None:
    assert _byline(_lone(line)) is None


def test_the_last_line_may_be_an_emphasised_byline() -> None:
    text = (
        "Floods Hit Valley\n\nRivers rose overnight.\n\n"
        "Officials expect more rain.\n\n*By Nora Quinn*\n"
    )
    assert _byline(text) == (7, "Nora Quinn")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        # A site's account, a desk: lower-case words a credit may be.
        ("By admin", "admin"),
        ("By Science X staff", "Science X staff"),
        # The credit is the part before the bar; the outlet after it is not a name.
        ("By Amy Reyes | Carlow Gazette for carlow.example", "Amy Reyes"),
    ],
)
def test_more_credit_forms_are_bylines(line: str, credit: str) -> None:
    assert _byline(_lone(line)) == (3, credit)
