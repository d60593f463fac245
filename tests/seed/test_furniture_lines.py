"""Which body lines a seed's summary carries as candidate site furniture."""

from __future__ import annotations

from pathlib import Path

from seedcheck.seed.file import parse_seed
from seedcheck.seed.furniture_lines import EDGE_CAP, furniture_lines, line_key
from seedcheck.seed.model import SeedMetadata
from seedcheck.seed.summary import SeedSummary, summarize

PROSE = "The council met on Tuesday and agreed to open the new library on the first of May."


def _seed(body: str) -> tuple[int, ...]:
    seed = parse_seed(
        Path("000_0000000000000000.txt"),
        f"---\ntitle: T\nbyline: A B\n---\n{body}".encode(),
        number="000",
        seed_id="0000000000000000",
        layout="auto",
        model=SeedMetadata,
    )
    return tuple(number for _, number in furniture_lines(seed))


def test_lines_above_and_below_the_prose_are_candidates() -> None:
    body = f"Town Desk\n\n{PROSE}\n\nHeadline\n\n{PROSE}\n\nGet our app for the news\n"
    # Line 5 is the first body line; the heading between paragraphs (line 9) is not.
    assert _seed(body) == (5, 13)


def test_prose_and_quotations_are_not_candidates() -> None:
    sentence = "The mayor thanked the volunteers who had cleaned the riverbank all weekend long."
    body = (
        f"{PROSE}\n\n\u201cWe will be back,\u201d\n\n'Never again'\n\nHe said \"yes\" twice\n"
        f"\n{'word ' * 31}\n"
    )
    assert _seed(body) == ()
    # A sentence of more than 12 words is prose, at the edge too.
    assert _seed(f"{PROSE}\n\n{sentence}\n") == ()
    assert _seed(f"{PROSE}\n\nThis story was updated.\n") == (7,)


def test_each_edge_is_capped() -> None:
    menu = "\n".join(f"Menu item {n}" for n in range(40))
    found = _seed(f"{menu}\n\n{PROSE}\n\n{menu}\n")
    assert len(found) == 2 * EDGE_CAP
    assert found[:2] == (5, 6)
    assert found[-1] == 5 + 40 + 1 + 1 + 1 + 39


def test_a_body_without_prose_gives_both_ends() -> None:
    menu = "\n".join(f"Link {n}" for n in range(30))
    found = _seed(menu + "\n")
    assert len(found) == 2 * EDGE_CAP
    assert found[0] == 5 and found[-1] == 34


def test_keys_ignore_case_and_punctuation_and_are_stable() -> None:
    assert line_key(["get", "the", "app"]) == line_key(["get", "the", "app"])
    assert line_key(["get", "the", "app"]) != line_key(["get", "an", "app"])
    # Fixed across processes and runs (hash() of a string is not): the cache keeps it.
    assert line_key(["share"]) == 0x2A5065D4D4F1DC0D


def test_the_summary_carries_them_through_its_record() -> None:
    seed = parse_seed(
        Path("000_0000000000000000.txt"),
        f"---\ntitle: T\nbyline: A B\n---\nSHARE THIS STORY:\n\n{PROSE}\n".encode(),
        number="000",
        seed_id="0000000000000000",
        layout="auto",
        model=SeedMetadata,
    )
    summary = summarize(seed)
    assert summary.furniture == ((line_key(["share", "this", "story"]), 5),)
    again = SeedSummary.from_record(summary.path, summary.record())
    assert again == summary
