"""Paragraphs of a body: runs of lines between blank lines, or one a line without any."""

from __future__ import annotations

from seedcheck.seed.paragraphs import split_paragraphs


def test_blank_lines_separate_paragraphs() -> None:
    lines = ("---", "title: T", "---", "One line", "and its next.", "", "Another.")
    paragraphs = split_paragraphs(lines, 3, None)
    assert [[line.number for line in p.lines] for p in paragraphs] == [[4, 5], [7]]


def test_a_body_without_blank_lines_is_one_paragraph_a_line() -> None:
    # What several extractors write: one paragraph a line, no blank line between.
    lines = ("---", "title: T", "---", "First paragraph.", "Second paragraph.", "Third.")
    paragraphs = split_paragraphs(lines, 3, None)
    assert [[line.number for line in p.lines] for p in paragraphs] == [[4], [5], [6]]


def test_a_single_line_body_is_one_paragraph() -> None:
    paragraphs = split_paragraphs(("Title", "Only line."), 1, None)
    assert [p.text for p in paragraphs] == ["Only line."]
