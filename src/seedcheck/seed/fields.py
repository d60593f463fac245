"""What makes a title or a byline valid, shared by both layouts and the Pydantic model.

Each check returns the problems as sentences a person can act on; an empty list means
the value is fine. The first problem becomes the diagnostic message.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import yaml

from seedcheck.seed.located import LocatedValue
from seedcheck.text.excerpt import excerpt

TITLE_MAX = 200
BYLINE_MAX = 120

_LEADING_BY = re.compile(r"^by\b[\s:]*", re.IGNORECASE)
# ", a professor of …", ", an economist at …": the name is followed by a description.
# Lower case only, here and below: "Jane Doe, An Nguyen" and "Are Kalvø" are names.
_BIO_APPOSITION = re.compile(r",\s*(?:a|an)\s+\w")
# "… is a senior fellow at …", "… was the editor of …", "… serves as …"
_BIO_CLAUSE = re.compile(
    r"\b(?:is|was|are|were|serves\s+as|works\s+as|teaches|writes\s+for)\s+(?:a|an|the)?\b"
)
# How much of a bio clause a message quotes: enough to find it, not the whole bio.
_BIO_SHOWN = 40
# Where a hint shows the value as written, it shows no more than this.
_SHOWN_VALUE = 60
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# The lookbehind starts a match only where an address can start: without it a long run
# of letters is tried from every position, which takes minutes on a scraped 1 MB line.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?:^|[\s(])@\w{2,}")
# C0 and C1 controls other than tab and line breaks (those are "more than one line").
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_problem(what: str, value: str) -> str | None:
    match = _CONTROL.search(value)
    if match is None:
        return None
    return f"{what} contains the control character U+{ord(match.group()):04X}; delete it"


def title_problems(title: str) -> list[str]:
    """Problems with a title: empty, surrounding whitespace, several lines, too long."""
    problems: list[str] = []
    if not title.strip():
        return ["title is empty"]
    if "\n" in title or "\r" in title:
        problems.append("title spans more than one line; a title is a single line")
    if title != title.strip():
        problems.append("title has leading or trailing whitespace")
    control = _control_problem("title", title)
    if control:
        problems.append(control)
    if len(title) > TITLE_MAX:
        problems.append(f"title is {len(title)} characters long; the limit is {TITLE_MAX}")
    return problems


def byline_problems(byline: str) -> list[str]:
    """Problems with a byline, which holds only the credited name(s) as printed."""
    return list(_byline_problems(byline))


# A corpus has few bylines (a desk's staff, its agencies): the schema and author-bio ask
# about each one for every seed that carries it.
@functools.lru_cache(maxsize=1024)
def _byline_problems(byline: str) -> tuple[str, ...]:
    text = byline.strip()
    if not text:
        return ("byline is empty; write the author's name",)
    problems: list[str] = []
    lead = _LEADING_BY.match(text)
    if lead:
        text = text[lead.end() :]
    # The lost name is the defect that matters most; name it before the stray "By".
    if text.startswith(","):
        problems.append("byline has no name before the comma (the name was lost and the bio kept)")
    elif not text:
        problems.append("byline has no name after 'By'")
    if lead:
        problems.append("byline starts with 'By'; write only the name(s)")
    if "\n" in byline or "\r" in byline:
        problems.append("byline spans more than one line")
    control = _control_problem("byline", byline)
    if control:
        problems.append(control)
    if byline != byline.strip():
        problems.append("byline has leading or trailing whitespace")
    if _URL.search(text):
        problems.append("byline contains a URL; keep only the name(s)")
    elif _EMAIL.search(text):
        problems.append("byline contains an e-mail address; keep only the name(s)")
    elif _HANDLE.search(text):
        problems.append("byline contains a social handle; keep only the name(s)")
    bio = None if text.startswith(",") else _bio_clause(text)
    if bio is not None:
        problems.append(f"byline contains a bio clause ({bio}); keep only the name(s)")
    if len(byline) > BYLINE_MAX:
        problems.append(f"byline is {len(byline)} characters long; the limit is {BYLINE_MAX}")
    return tuple(problems)


def _bio_clause(text: str) -> str | None:
    """The bio clause in ``text``, quoted and cut at a word, or None."""
    found = [m for m in (_BIO_APPOSITION.search(text), _BIO_CLAUSE.search(text)) if m]
    if not found:
        return None
    clause = text[min(m.start() for m in found) :].rstrip()
    # Cut a long clause after a whole word where there is one, not in the middle of it.
    words = clause[: _BIO_SHOWN + 1].rsplit(" ", 1)[0].rstrip(" ,;")
    if len(clause) <= _BIO_SHOWN or len(words) < _BIO_SHOWN // 2:
        return excerpt(clause, _BIO_SHOWN)
    return excerpt(words, _BIO_SHOWN) + "…"


def not_text_problem(field: LocatedValue) -> str | None:
    """What is wrong with a title or byline that YAML read as something other than text.

    None when the value is text or absent. The hint quotes the value as written in the
    file (``1984``, ``yes``), since that is what the author means.
    """
    value = field.value
    if value is None or isinstance(value, str):
        return None
    name = field.key
    if isinstance(value, (list, dict, set)):
        # A set is named, not shown: its members print in an order that changes per run.
        kind = "list" if isinstance(value, list) else "set" if isinstance(value, set) else "mapping"
        return f"{name} is a YAML {kind}, not text; write it as a single line"
    if isinstance(value, bool):
        kind = "true/false value"
    elif isinstance(value, (int, float)):
        kind = "number"
    elif isinstance(value, dt.date):
        kind = "date"
    else:
        kind = type(value).__name__
    node = field.node
    shown = node.value if isinstance(node, yaml.ScalarNode) else str(value)
    if len(shown) <= _SHOWN_VALUE and shown.isprintable() and '"' not in shown:
        return f'{name} is read as a {kind}, not text; put it in quotes: {name}: "{shown}"'
    # Too long or too odd to show as a line to copy (0b and 100,000 digits, a !!set).
    return f"{name} is read as a {kind}, not text ({excerpt(shown, 40)}); put it in quotes"
