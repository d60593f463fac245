"""A small corpus with one finding of each kind the output-format tests need.

``001`` has an unknown field (4:1 to 4:6) and trailing blanks (6:60 to 6:62); ``003``
is clean but 002 is missing (a warning without an end); INDEX.md is missing (in a file
that was not checked). The bodies are two different texts of ordinary prose of 60+ words,
so that content and duplicate rules stay silent on them.
"""

from __future__ import annotations

from pathlib import Path

SEED_1 = "001_aaaaaaaaaaaaaaaa.txt"
SEED_3 = "003_bbbbbbbbbbbbbbbb.txt"

BODY = (
    "The river authority opened its new gauge station on Monday, two kilometres above the "
    "old mill bridge. Engineers from the county spent the winter setting the concrete "
    "footings and testing the sensors against hand readings taken every morning by "
    "volunteers. The station will send water levels to the regional office every ten "
    "minutes, which should give farmers downstream more warning when heavy rain falls in "
    "the hills. Residents who gathered for the opening said the old gauge had often failed "
    "during storms.\n"
)

OTHER_BODY = (
    "Councillors spent most of Thursday evening arguing over the summer ferry timetable. "
    "The operator wants to drop the first sailing of the day, which carries few passengers "
    "but is the only crossing that lets island pupils reach the college before classes "
    "begin. Parents told the meeting that a later boat would mean a night in town twice a "
    "week. The council asked the operator to return next month with passenger counts for "
    "each sailing and the cost of keeping the early crossing.\n"
)

FILES = {
    SEED_1: "---\ntitle: Gauge Station Opens Above Mill Bridge\nbyline: Ann Example\n"
    "sorce: Valley Courier\n---\n" + BODY.replace("Monday, ", "Monday,  \n", 1),
    SEED_3: "---\ntitle: Council Weighs Ferry Timetable\nbyline: Dee Writer\n---\n" + OTHER_BODY,
}

TEXT_LINES = [
    f"seeds/{SEED_1}:4:1: SC206 [unknown-field] unknown field 'sorce' (did you mean 'source'?)",
    f"seeds/{SEED_1}:6:60: SC106 [trailing-whitespace] trailing whitespace",
    f"seeds/{SEED_3}:1:1: SC603 [numbering-gap] 002 missing between 001 and 003",
    "seeds/INDEX.md:1:1: SC501 [index-missing] INDEX.md is missing; "
    "run `seedcheck index` to create it",
]
SUMMARY = "Found 3 errors and 1 warning in 3 files."


def write_corpus(root: Path) -> Path:
    """Write the corpus to ``root/seeds`` and return that folder."""
    seeds = root / "seeds"
    seeds.mkdir()
    for name, text in FILES.items():
        (seeds / name).write_text(text, encoding="utf-8", newline="\n")
    return seeds
