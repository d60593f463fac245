"""The residue families of body lines, line by line and on any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seedcheck.rules.support.residue_lines import families
from seedcheck.rules.support.residue_phrases import (
    BYLINE,
    CAPTION,
    CREDIT,
    DATELINE,
    EMBED,
    INTERFACE,
    TITLE,
)


def test_title_byline_and_dateline_at_the_top() -> None:
    lines = [
        "Harbour Wall Repairs Begin",
        "By Tomas Reid",
        "Updated 9:14 am GMT, Tuesday, March 4, 2025",
        "Contractors began work on Monday on the eastern harbour wall, the council said.",
    ]
    assert families(lines, "Harbour Wall Repairs Begin | Carlow Gazette", "Tomas Reid") == [
        TITLE,
        BYLINE,
        DATELINE,
        None,
    ]


def test_a_credit_takes_its_caption_along() -> None:
    lines = [
        "The council said the work would take four months to finish, weather permitting.",
        "Workers lower a stone block into place.",
        "Jane Doe/Carlow Gazette/Getty Images",
    ]
    assert families(lines, None, None) == [None, CAPTION, CREDIT]


def test_prose_that_starts_like_residue_is_prose() -> None:
    lines = [
        "By the end of May, the council expects to have painted the first lanes.",
        "By 2030 the network should link every school in the district.",
        "Readers are told to click here, click there and accept all cookies, she said.",
        "\u2014 Wendbury History Society (@WendburyHistory) March 2, 2025",
        "4:15 p.m.",
    ]
    assert families(lines, None, None) == [None] * len(lines)


def test_interface_words_alone() -> None:
    assert families(["VIDEO", "Text size", "Image 1 of 12"], None, None) == [
        EMBED,
        INTERFACE,
        EMBED,
    ]


@given(st.lists(st.text(min_size=1, max_size=80), max_size=12), st.text(max_size=40))
def test_any_lines_get_a_family_or_none(lines: list[str], title: str) -> None:
    # Lines of invisible characters, lone marks, markup: never an exception.
    found = families([line for line in lines if line.strip()], title, title)
    assert len(found) == len([line for line in lines if line.strip()])


def test_a_line_of_invisible_characters() -> None:
    assert families(["\u200b\u200b"], None, None) == [None]
