"""What makes a title or byline valid: ``seedcheck.seed.fields``, table by table.

Decisions recorded here:

- A byline is the name(s) as printed. Several names joined by commas and "and" are fine,
  and so is an agency or desk credit after a comma (``Jane Doe, the Associated Press``,
  ``Jane Doe, Reuters``): that is how wire copy prints bylines, and it credits people.
  What is rejected is a *bio*: an apposition starting ``, a``/``, an`` (``Jane Doe, a
  professor at …``) or a clause (``Jane Doe is a senior fellow at …``). Both are
  matched in lower case only, since names may be spelled like those words (the Norwegian
  ``Are Kalvø``, the Vietnamese ``An Nguyen``); the message quotes the clause it found.
- Names are checked by shape only, never by alphabet: any script and diacritics pass.
- The first problem found is the diagnostic message, so the order of checks matters:
  a lost name (``By , a professor …``) is reported before the stray "By".
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml

from seedcheck.seed.fields import (
    BYLINE_MAX,
    TITLE_MAX,
    byline_problems,
    not_text_problem,
    title_problems,
)
from seedcheck.seed.located import LocatedValue
from tests.conftest import RunCli

GOOD_TITLES = [
    "Harbour Council Approves Floodwall Funding",
    "A",
    "1984",
    "Live | Storm Dara: Ferries Cancelled",
    r"Mayor Says \"No\" to *Tower* Plan, Cites [Heritage Report](x)",
    "Closes <!-- seedcheck:index:end --> for Repairs",
    "Millbrook’s Rail Depot — “A Second Life”",
    "Ünïcödé Ŧitle: 東京の新しい橋 / Новый мост",
    "Tab\tinside is one line",
    "x" * TITLE_MAX,
]

BAD_TITLES = [
    ("", "title is empty"),
    ("Red \x1b[31malert", "title contains the control character U+001B; delete it"),
    ("   ", "title is empty"),
    ("\n", "title is empty"),
    ("  Harbour Council Approves Floodwall Funding", "title has leading or trailing whitespace"),
    ("Harbour Council Approves Floodwall Funding ", "title has leading or trailing whitespace"),
    ("\tIndented", "title has leading or trailing whitespace"),
    (
        "New Bus Route Links Villages\nParents campaigned for two years",
        "title spans more than one line; a title is a single line",
    ),
    # A YAML block scalar keeps its final line break: still "more than one line".
    ("One line from a block scalar\n", "title spans more than one line; a title is a single line"),
    ("Carriage\rreturn", "title spans more than one line; a title is a single line"),
    ("x" * (TITLE_MAX + 1), f"title is 201 characters long; the limit is {TITLE_MAX}"),
]


@pytest.mark.parametrize("title", GOOD_TITLES)
def test_good_title(title: str) -> None:
    assert title_problems(title) == []


@pytest.mark.parametrize(("title", "first"), BAD_TITLES)
def test_bad_title_first_message(title: str, first: str) -> None:
    assert title_problems(title)[0] == first


def test_title_lists_every_problem() -> None:
    title = " " + "x" * TITLE_MAX + "\n"
    assert title_problems(title) == [
        "title spans more than one line; a title is a single line",
        "title has leading or trailing whitespace",
        f"title is 202 characters long; the limit is {TITLE_MAX}",
    ]


GOOD_BYLINES = [
    "Jane Doe",
    "Jane Doe and John Roe",
    "Amara Okonkwo, Lukas Becker and Priya Raman",
    # Agency credit after a comma: accepted (see the module docstring).
    "Jane Doe, the Associated Press",
    "Jane Doe, Reuters",
    # Non-ASCII names, any script.
    "Marta Ilić",
    "Søren Ødegård",
    "Nguyễn Thị Hoa",
    "José Álvarez-Núñez",
    "Zoë O’Neill-Byrne",
    "张伟",
    "Александра Петрова",
    "محمد الأحمد",
    # Near misses: "is", "was", "by", ", an" and "@" inside names or words.
    "Isabel Wasserman",
    "Thea Teaches",
    "Anna Byers",
    "Byron Bay",
    "Jane Doe, Ana Lucía Torres",
    # Names spelled like the words of a bio: matched in lower case only.
    "Are Kalvø",
    "Jane Doe, An Nguyen",
    "Are Kalvø and Jane Doe",
    "Ivo Was",
    "Mary O'Brien",
    "x" * BYLINE_MAX,
]

BAD_BYLINES = [
    ("", "byline is empty; write the author's name"),
    ("Jane\x00 Doe", "byline contains the control character U+0000; delete it"),
    ("   ", "byline is empty; write the author's name"),
    (
        "By , a professor of international politics at Example University",
        "byline has no name before the comma (the name was lost and the bio kept)",
    ),
    (
        ", a professor of international politics at Example University",
        "byline has no name before the comma (the name was lost and the bio kept)",
    ),
    ("By", "byline has no name after 'By'"),
    ("By Jane Doe", "byline starts with 'By'; write only the name(s)"),
    ("by: Jane Doe", "byline starts with 'By'; write only the name(s)"),
    ("BY JANE DOE", "byline starts with 'By'; write only the name(s)"),
    ("Jane Doe\nJohn Roe", "byline spans more than one line"),
    (" Jane Doe", "byline has leading or trailing whitespace"),
    ("Jane Doe ", "byline has leading or trailing whitespace"),
    ("Jane Doe https://example.org/jane", "byline contains a URL; keep only the name(s)"),
    ("Jane Doe (www.example.org)", "byline contains a URL; keep only the name(s)"),
    (
        "Jane Doe <jane.doe@example.org>",
        "byline contains an e-mail address; keep only the name(s)",
    ),
    ("Jane Doe (@janedoe)", "byline contains a social handle; keep only the name(s)"),
    ("@janedoe", "byline contains a social handle; keep only the name(s)"),
    ("Jane Doe | @janedoe", "byline contains a social handle; keep only the name(s)"),
    (
        "Jane Doe is a senior fellow at the Centre for Coastal Policy",
        "byline contains a bio clause ('is a senior fellow at the Centre for'…); "
        "keep only the name(s)",
    ),
    (
        "Jane Doe was the editor of the Gazette",
        "byline contains a bio clause ('was the editor of the Gazette'); keep only the name(s)",
    ),
    (
        "Jane Doe, a professor at Example University",
        "byline contains a bio clause (', a professor at Example University'); "
        "keep only the name(s)",
    ),
    (
        "Jane Doe, a professor of international politics at Example University",
        "byline contains a bio clause (', a professor of international politics'…); "
        "keep only the name(s)",
    ),
    (
        "Jane Doe, an economist",
        "byline contains a bio clause (', an economist'); keep only the name(s)",
    ),
    (
        "Jane Doe writes for the Gazette",
        "byline contains a bio clause ('writes for the Gazette'); keep only the name(s)",
    ),
    # A name spelled like a bio word does not hide the bio after it.
    (
        "Are Kalvø is a columnist",
        "byline contains a bio clause ('is a columnist'); keep only the name(s)",
    ),
    # One unbroken word longer than the quote is cut where the quote ends.
    (
        "Jane Doe, a " + "x" * 60,
        "byline contains a bio clause (', a " + "x" * 36 + "'…); keep only the name(s)",
    ),
    ("x" * (BYLINE_MAX + 1), f"byline is 121 characters long; the limit is {BYLINE_MAX}"),
]


@pytest.mark.parametrize("byline", GOOD_BYLINES)
def test_good_byline(byline: str) -> None:
    assert byline_problems(byline) == []


@pytest.mark.parametrize(("byline", "first"), BAD_BYLINES)
def test_bad_byline_first_message(byline: str, first: str) -> None:
    assert byline_problems(byline)[0] == first


def test_lost_name_is_reported_before_the_stray_by() -> None:
    assert byline_problems("By , a professor of international politics") == [
        "byline has no name before the comma (the name was lost and the bio kept)",
        "byline starts with 'By'; write only the name(s)",
    ]


def test_an_email_is_not_also_a_handle() -> None:
    assert byline_problems("jane.doe@example.org") == [
        "byline contains an e-mail address; keep only the name(s)"
    ]


def _located(value: object, source: str | None = None) -> LocatedValue:
    node = yaml.ScalarNode("tag:yaml.org,2002:str", source) if source is not None else None
    return LocatedValue("title", value, 2, 1, 2, 8, node=node)


@pytest.mark.parametrize(
    ("value", "source", "message"),
    [
        (1984, "1984", 'title is read as a number, not text; put it in quotes: title: "1984"'),
        (4.2, "4.20", 'title is read as a number, not text; put it in quotes: title: "4.20"'),
        (
            True,
            "yes",
            'title is read as a true/false value, not text; put it in quotes: title: "yes"',
        ),
        (
            dt.date(2024, 5, 14),
            "2024-05-14",
            'title is read as a date, not text; put it in quotes: title: "2024-05-14"',
        ),
        (1984, None, 'title is read as a number, not text; put it in quotes: title: "1984"'),
        (["a", "b"], None, "title is a YAML list, not text; write it as a single line"),
        ({"a": "b"}, None, "title is a YAML mapping, not text; write it as a single line"),
    ],
)
def test_not_text(value: object, source: str | None, message: str) -> None:
    assert not_text_problem(_located(value, source)) == message


@pytest.mark.parametrize("value", ["Harbour Council", "", None])
def test_text_or_absent_is_not_a_type_problem(value: object) -> None:
    assert not_text_problem(_located(value)) is None


def _write(root: Path, name: str, text: str) -> None:
    (root / "corpus").mkdir(exist_ok=True)
    (root / "corpus" / name).write_text(text, encoding="utf-8")


def test_an_empty_title_key_is_one_finding(isolated: Path, run_cli: RunCli) -> None:
    # `title:` with nothing after it is there but empty: title-invalid, not missing-title.
    _write(isolated, "000_1a2b3c4d5e6f7a8b.txt", "---\ntitle:\nbyline:\n---\nText.\n")
    result = run_cli(["validate", "--select", "SC3", "--quiet", "corpus"])
    assert result.out == (
        "corpus/000_1a2b3c4d5e6f7a8b.txt:2:7: SC302 [title-invalid] title has no value\n"
        "corpus/000_1a2b3c4d5e6f7a8b.txt:3:8: SC304 [byline-invalid] byline has no value\n"
    )
    assert result.code == 1


def test_a_yaml_number_title_says_to_quote_it(isolated: Path, run_cli: RunCli) -> None:
    _write(
        isolated, "000_1a2b3c4d5e6f7a8b.txt", "---\ntitle: 1984\nbyline: [Jane, John]\n---\nText.\n"
    )
    result = run_cli(["validate", "--select", "SC3", "--quiet", "corpus"])
    assert result.out == (
        "corpus/000_1a2b3c4d5e6f7a8b.txt:2:8: SC302 [title-invalid] title is read as a number, "
        'not text; put it in quotes: title: "1984"\n'
        "corpus/000_1a2b3c4d5e6f7a8b.txt:3:9: SC304 [byline-invalid] byline is a YAML list, "
        "not text; write it as a single line\n"
    )


@pytest.mark.parametrize("byline", ["x" * 200_000, "a." * 100_000, "Jane Doe, " * 20_000])
def test_a_huge_byline_is_checked_in_linear_time(byline: str) -> None:
    # An e-mail pattern tried from every position of a long word took minutes here.
    started = time.perf_counter()
    problems = byline_problems(byline)
    assert problems[-1].startswith("byline is ")
    assert time.perf_counter() - started < 2
