"""Finding and parsing front matter: ``seedcheck.seed.front_matter``.

Decisions recorded here:

- A ``---`` block below line 1 is a misplaced header only when it has a ``title:`` or
  ``byline:`` field; ``---`` under a title and around ``Update: …`` is Markdown.
- A value that starts with YAML syntax (``"Quote" Leads…``, ``[Update] …``, ``!Bang``)
  gets a hint that shows it quoted as a whole, but only when that value on its own is
  not valid YAML: the parser may stop on a line that is not at fault.
- `` #`` after an unquoted text value starts a comment and silently cuts the value; it is
  reported at the ``#`` while every field is still read. A comment after a quoted or
  non-text value, or on a line of its own, is a comment.
- An unclosed header names the line that was meant to close it (``--- # end``).
"""

from __future__ import annotations

import datetime

import pytest
import yaml

from seedcheck.seed.front_matter import (
    FrontMatter,
    find_misplaced_block,
    parse_front_matter,
)
from seedcheck.seed.yaml_problems import YamlProblem


def _parse(text: str) -> FrontMatter:
    return parse_front_matter(text.split("\n"), 0)


def _problem(text: str) -> YamlProblem:
    problem = _parse(text).yaml_problem
    assert problem is not None
    return problem


def test_markdown_rules_are_not_a_misplaced_header() -> None:
    text = (
        "Harbor Council Approves Floodwall\n---\n\n"
        "Update: this article was corrected on March 6.\n\n---\n\nBy Jane Doe\n\n"
        "The council voted.\n"
    )
    assert find_misplaced_block(text.split("\n")) is None


@pytest.mark.parametrize("key", ["title", "byline"])
def test_a_header_below_a_stray_line_is_misplaced(key: str) -> None:
    lines = ["Harbor Council", "---", f"{key}: Harbor Council", "---", "Text."]
    assert find_misplaced_block(lines) == 1


def test_a_block_without_title_or_byline_is_not_a_header() -> None:
    lines = ["", "---", "Correction: the vote was seven to two.", "Note: updated", "---"]
    assert find_misplaced_block(lines) is None


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        (
            'title: "Quote" Leads the Headline',
            16,
            "invalid YAML: did not find expected key (a value that starts with '\"' must be "
            "quoted as a whole: title: '\"Quote\" Leads the Headline')",
        ),
        (
            "title: 'Quote' Leads the Headline",
            16,
            "invalid YAML: did not find expected key (a value that starts with ''' must be "
            "quoted as a whole: title: \"'Quote' Leads the Headline\")",
        ),
        (
            "title: \"It's\" Rain's Fault",
            15,
            "invalid YAML: did not find expected key (a value that starts with '\"' must be "
            "quoted as a whole: title: '\"It''s\" Rain''s Fault')",
        ),
        (
            "title: [Update] Floodwall Approved",
            17,
            "invalid YAML: did not find expected key (a value that starts with '[' must be "
            'quoted as a whole: title: "[Update] Floodwall Approved")',
        ),
        (
            "title: {Update} Floodwall Approved",
            17,
            "invalid YAML: did not find expected key (a value that starts with '{' must be "
            'quoted as a whole: title: "{Update} Floodwall Approved")',
        ),
        (
            "title: `Floodwall` Approved",
            8,
            "invalid YAML: found character that cannot start any token (a value that starts "
            "with '`' must be quoted as a whole: title: \"`Floodwall` Approved\")",
        ),
        (
            "byline: @janedoe",
            9,
            "invalid YAML: found character that cannot start any token (a value that starts "
            "with '@' must be quoted as a whole: byline: \"@janedoe\")",
        ),
        (
            "title: %Change in Rainfall",
            8,
            "invalid YAML: found character that cannot start any token (a value that starts "
            "with '%' must be quoted as a whole: title: \"%Change in Rainfall\")",
        ),
        (
            "title: *Exclusive* Floodwall Approved",
            18,
            "invalid YAML: did not find expected alphabetic or numeric character (a value "
            "that starts with '*' must be quoted as a whole: "
            'title: "*Exclusive* Floodwall Approved")',
        ),
        (
            "title: !Bang start",
            8,
            "tag '!Bang' is not allowed: only YAML's standard tags are read; remove the tag "
            "(a value that starts with '!' must be quoted: title: \"!Bang start\")",
        ),
        (
            'title: "Quote" Leads\tthe Headline',
            16,
            "invalid YAML: did not find expected key (a value that starts with '\"' must be "
            "quoted as a whole)",
        ),
    ],
)
def test_a_value_starting_with_yaml_syntax_gets_a_quoting_hint(
    line: str, column: int, message: str
) -> None:
    problem = _problem(f"---\n{line}\nbyline: Jane Doe\n---\nText.")
    assert problem == YamlProblem(2, column, message)


def test_the_quoted_suggestion_reads_back_as_the_value() -> None:
    value = "\"It's\" Rain's Fault"
    problem = _problem(f"---\ntitle: {value}\n---\n")
    suggestion = problem.message.split("as a whole: ", 1)[1].removesuffix(")")
    assert yaml.safe_load(suggestion) == {"title": value}


@pytest.mark.parametrize(
    ("source", "message"),
    [
        # A list broken inside is meant as a list: no advice to quote it whole.
        (
            'tags: [flooding, "east" quay]',
            "invalid YAML: while parsing a flow sequence started on line 2, column 7; "
            "did not find expected ',' or ']'",
        ),
        # A standard-namespace tag is an attack or a mistake, not a headline.
        (
            "source: !!python/object/apply:os.system [x]",
            "tag '!!python/object/apply:os.system' is not allowed: only YAML's standard "
            "tags are read; remove the tag",
        ),
    ],
)
def test_no_quoting_hint_where_quoting_is_not_the_fix(source: str, message: str) -> None:
    assert _problem(f"---\n{source}\n---\n").message == message


def test_the_hint_is_not_given_for_a_line_that_is_not_at_fault() -> None:
    # The unclosed list runs on into the byline; the byline's quotes are not the problem.
    problem = _problem('---\ntags: [flooding, council\nbyline: "Jane Doe" x\n---\n')
    assert "quoted as a whole" not in problem.message


def test_a_comment_that_cuts_a_value_is_reported_and_the_fields_are_kept() -> None:
    fm = _parse("---\ntitle: Foo #1 Bar\nbyline: Jane Doe\n---\nText.")
    assert fm.yaml_problem is None
    assert [(f.key, f.value) for f in fm.fields] == [("title", "Foo"), ("byline", "Jane Doe")]
    assert fm.comment_cuts == (
        YamlProblem(
            2,
            12,
            "' #' starts a YAML comment, so title is cut to 'Foo'; quote the value "
            '(title: "Foo #1 Bar") or put the comment on a line of its own',
        ),
    )


def test_a_comment_after_a_value_over_two_lines() -> None:
    fm = _parse("---\ntitle: Floods Hit\n  the Valley #2\n---\n")
    assert fm.comment_cuts == (
        YamlProblem(
            3,
            14,
            "' #' starts a YAML comment, so title is cut to 'Floods Hit the Valley'; "
            "quote the value",
        ),
    )


@pytest.mark.parametrize(
    "header",
    [
        "# a comment on its own line\ntitle: Foo",
        'title: "Foo" # a comment after a quoted value',
        "title: 'Foo' # a comment after a quoted value",
        "title: Foo#1",  # no blank before the `#`: part of the value
        "count: 3 # words",  # not text: the comment is meant as one
        "byline: # to do",
        "tags:\n  - flooding # not a top-level value",
    ],
)
def test_comments_that_cut_nothing(header: str) -> None:
    fm = _parse(f"---\n{header}\n---\n")
    assert fm.yaml_problem is None
    assert fm.comment_cuts == ()


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: T\nbyline: B\n--- # end of header\nText.", 4),
        ("---\ntitle: T\n# the header ends here\n----\nText.", 4),
        ("---\ntitle: T\ntags:\n  - a\n- b\n--\nText.", 6),
        ("---\ntitle: T\n...\nText.", 3),
        ("---\ntitle: T\n\u2014\nText.", 3),
    ],
)
def test_an_unclosed_header_names_the_line_meant_to_close_it(text: str, line: int) -> None:
    fm = _parse(text)
    assert (fm.end, fm.near_fence) == (None, line)


def test_a_rule_below_body_text_is_not_meant_as_the_fence() -> None:
    fm = _parse("---\ntitle: T\nThe council voted.\n\n----\n\nMore text.")
    assert (fm.end, fm.near_fence) == (None, None)


# ---------------------------------------------------------------- explicit standard tags

# PyYAML's constructors index, look up and parse the text without checking it first:
# these raised KeyError, AttributeError and IndexError out of the validator.
BAD_TAGGED_SCALARS = {
    "!!bool maybe": "!!bool 'maybe' is not a valid bool",
    '!!bool ""': "!!bool '' is not a valid bool",
    "!!timestamp nope": "!!timestamp 'nope' is not a valid timestamp",
    '!!int ""': "!!int '' is not a valid int",
    '!!float ""': "!!float '' is not a valid float",
    "!!int +": "!!int '+' is not a valid int",
    # These were kept as text without a word, though the tag asks for a number.
    "!!int 0x": "!!int '0x' is not a valid int",
    "!!float 1.5e": "!!float '1.5e' is not a valid float",
    "!!int 1e999999": "!!int '1e999999' is not a valid int",
}


@pytest.mark.parametrize("value", sorted(BAD_TAGGED_SCALARS))
def test_a_standard_tag_on_a_value_it_cannot_take(value: str) -> None:
    problem = _problem(f"---\ntitle: T\nsource: {value}\n---\n")

    assert problem == YamlProblem(
        3,
        9,
        f"invalid YAML: {BAD_TAGGED_SCALARS[value]}; correct the value or remove the tag",
    )


def test_a_bad_tagged_value_is_quoted_short() -> None:
    problem = _problem(f"---\nx: !!bool {'y' * 5000}\n---\n")

    assert problem.message == (
        f"invalid YAML: !!bool '{'y' * 40}'… is not a valid bool; "
        "correct the value or remove the tag"
    )


GOOD_TAGGED_VALUES = {
    "!!bool yes": True,
    "!!int 0x1F": 31,
    "!!int 1_000": 1000,
    "!!float 1.5": 1.5,
    "!!float 1": 1.0,
    "!!str 1984": "1984",
    "!!null ''": None,
    "!!timestamp 2024-03-05": datetime.date(2024, 3, 5),
    "!!binary aGk=": b"hi",
    "!!set {a}": {"a"},
    "!!omap [a: 1, b: 2]": [("a", 1), ("b", 2)],
    "!!pairs [a: 1, a: 2]": [("a", 1), ("a", 2)],
    "!!seq [a]": ["a"],
    "!!map {a: 1}": {"a": 1},
}


@pytest.mark.parametrize("value", sorted(GOOD_TAGGED_VALUES))
def test_a_standard_tag_on_a_value_it_takes(value: str) -> None:
    parsed = _parse(f"---\nx: {value}\n---\n")

    assert parsed.yaml_problem is None
    assert [(f.key, f.value) for f in parsed.fields] == [("x", GOOD_TAGGED_VALUES[value])]


def test_an_impossible_date_without_a_tag_is_kept_as_text() -> None:
    """The resolver reads 2024-02-30 as a date: the schema reports it at the field."""
    parsed = _parse("---\npublished: 2024-02-30\n---\n")

    assert parsed.yaml_problem is None
    assert [(f.key, f.value) for f in parsed.fields] == [("published", "2024-02-30")]


def test_a_set_that_cannot_be_built_is_reported_at_the_member() -> None:
    """An unhashable set member is refused by the constructor, not by Python."""
    problem = _problem("---\ntitle: T\nx: !!set {[a]: b}\n---\n")

    assert (problem.line, problem.column) == (3, 11)
    assert problem.message.endswith("found unhashable key")


@pytest.mark.parametrize(
    ("value", "column", "message"),
    [
        ("[a, [!!bool maybe]]", 12, "!!bool 'maybe' is not a valid bool; correct the value or "),
        ('{a: !!int ""}', 11, "!!int '' is not a valid int; correct the value or "),
        ("[2024-02-30]", 8, "'2024-02-30' is read as a timestamp, but is not a valid one; "),
    ],
)
def test_a_value_inside_a_list_or_mapping_that_cannot_be_built(
    value: str, column: int, message: str
) -> None:
    """The message points at the item at fault, not at the list that holds it."""
    problem = _problem(f"---\ntags: {value}\n---\n")

    assert (problem.line, problem.column) == (2, column)
    assert problem.message.startswith(f"invalid YAML: {message}")


# YAML breaks lines at these as well as at LF; editors and findings count LF alone.
OTHER_BREAKS = ["\r", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("character", OTHER_BREAKS, ids=repr)
def test_positions_count_line_feeds_only(character: str) -> None:
    text = (
        f'---\ntitle: "Harbor{character} Council"\nbyline: Jane Doe\n'
        f"published: 2024-13-01\ntags: [a{character}, b]\nsorce: x\n---\nBody.\n"
    )
    header = _parse(text)
    assert header.yaml_problem is None
    places = {f.key: (f.key_line, f.key_column, f.line, f.column) for f in header.fields}
    assert places == {
        "title": (2, 1, 2, 8),
        "byline": (3, 1, 3, 9),
        "published": (4, 1, 4, 12),
        "tags": (5, 1, 5, 7),
        "sorce": (6, 1, 6, 8),
    }
    tags = next(f for f in header.fields if f.key == "tags")
    assert (tags.end_line, tags.end_column) == (5, 14)


@pytest.mark.parametrize("character", OTHER_BREAKS, ids=repr)
def test_a_syntax_error_after_another_line_break_is_where_it_is(character: str) -> None:
    problem = _problem(f'---\ntitle: "T{character}0"\nbyline: [Jane\nfoo: 1\n---\nBody.\n')
    assert (problem.line, problem.column) == (4, 4)
    assert "started on line 3, column 9" in problem.message
