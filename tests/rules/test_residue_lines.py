"""The residue families of body lines, line by line and on any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from seedcheck.rules.support.residue_lines import closing_credits, families
from seedcheck.rules.support.residue_phrases import (
    BYLINE,
    CAPTION,
    CREDIT,
    DATELINE,
    EMBED,
    INTERFACE,
    SOCIAL,
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


ARTICLE_END = (
    "The first crossing of the new boat is planned for the second week of June, the operator said."
)


def test_a_credit_right_below_the_article_is_the_article_s() -> None:
    for credits in (
        ["(Image credit: Wendbury Ferries)"],
        ["Main image credit: Getty"],
        ["\u00a9 Jane Doe"],
        ["Top image: Jane Doe/Reuters", "\u00a9 Jane Doe"],
    ):
        lines = [ARTICLE_END, *credits]
        assert families(lines, None, None) == [None] * len(lines)
        assert closing_credits(lines) == 1


def test_a_credit_below_a_caption_or_a_site_notice_is_residue() -> None:
    caption = ["Workers lower a stone block into place.", "Main image credit: Getty"]
    assert families([ARTICLE_END, *caption], None, None) == [None, CAPTION, CREDIT]
    for notice in (
        "\u00a9 2025 Wendbury Media Ltd",
        "\u00a9 Wendbury Courier. All rights reserved.",
    ):
        assert closing_credits([ARTICLE_END, notice]) == 2
    # Not at the end: under a caption, in the middle of the body.
    middle = [ARTICLE_END, "Crowds on the quay.", "\u00a9 Jane Doe", ARTICLE_END]
    assert closing_credits(middle) == len(middle)


def test_an_apostrophe_opens_no_quotation() -> None:
    lines = [
        ARTICLE_END,
        "Ann Lee's book about ferries is out now. Follow her on Twitter @annlee.",
    ]
    assert families(lines, None, None) == [None, SOCIAL]
    quoted = [ARTICLE_END, "Her advice: 'follow her on Twitter and see', she joked."]
    assert families(quoted, None, None) == [None, None]


def test_a_short_caption_above_a_credit_keeps_the_paragraph_above_it_out() -> None:
    lines = [ARTICLE_END, "Crowds on the quay.", "Jane Doe/Getty Images", ARTICLE_END]
    assert families(lines, None, None) == [None, CAPTION, CREDIT, None]
    assert families([*lines[:2], "\u00a9 Jane Doe", ARTICLE_END], None, None)[:3] == [
        None,
        CAPTION,
        CREDIT,
    ]
