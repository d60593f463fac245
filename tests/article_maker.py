"""Distinct, realistic-looking news articles, made deterministically for tests.

Sentences are drawn from templates whose slots come every few words, so two articles
share short phrases ("said on Tuesday") as real ones do, but few word 5-grams.
"""

from __future__ import annotations

import random

PLACES = [
    "Wendbury",
    "Millbrook",
    "Kestrel",
    "Bay",
    "Ostrava",
    "Lane",
    "Harrowgate",
    "Elmsford",
    "Carrick",
    "Dunmore",
    "Ashcombe",
    "Brightwater",
    "Fenmoor",
    "Galloway",
    "Hollins",
    "Ivybridge",
    "Juniper",
    "Falls",
    "Kelso",
    "Larkhill",
    "Marlow",
    "Northam",
    "Oakridge",
    "Penhallow",
    "Quarry",
    "Hill",
    "Redcliffe",
    "Stanmore",
    "Thornbury",
]
BODIES = (
    "council",
    "harbour authority",
    "school board",
    "health trust",
    "water company",
    "transport office",
    "housing association",
    "fire service",
    "police",
    "chamber of commerce",
)
THINGS = (
    "the bus depot",
    "a new bridge",
    "the night clinic",
    "street lighting",
    "the swimming pool",
    "flood defences",
    "the market hall",
    "a cycle lane",
    "the recycling centre",
    "school meals",
    "the rail link",
    "a youth club",
    "the museum roof",
    "parking charges",
    "the ferry timetable",
)
FIRST_NAMES = [
    "Ada",
    "Tomas",
    "Lena",
    "Ruth",
    "Samir",
    "Mirela",
    "Jonas",
    "Priya",
    "Denise",
    "Rafael",
    "Gwen",
    "Marta",
]
LAST_NAMES = [
    "Fenwick",
    "Brandt",
    "Okafor",
    "Castellano",
    "Haddad",
    "Vukovic",
    "Albrecht",
    "Raman",
    "Tennant",
]
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
VERBS = ("open", "close", "expand", "reopen", "be rebuilt", "be reviewed", "cost more")
TEMPLATES = (
    "The {body} in {place} said on {day} that {thing} would {verb} by {month}.",
    "{person}, who chairs the {body}, said {thing} had been {adjective} for {n} years.",
    "About {n} residents signed a petition asking for {thing} to {verb}.",
    "Work on {thing} is expected to cost {n}.{m} million euros, paid from {fund}.",
    "Opponents in {place} warned that {thing} would bring {problem} to {street}.",
    "{person} told a meeting on {day} that {thing} was {adjective} and needed {n} staff.",
    "A report due in {month} will look at {thing} and at {problem} near {street}.",
    "Traders on {street} said {problem} had cut their takings by {n} per cent.",
    "The {body} plans to consult {group} before {thing} can {verb}.",
    "{group} in {place} have asked for {thing} since {year}, {person} said.",
    "Figures from the {body} show {n} complaints about {problem} last {season}.",
    "If approved, {thing} would {verb} in {season} {year}, ahead of {event}.",
)
ADJECTIVES = ("neglected", "overcrowded", "underfunded", "popular", "unsafe", "outdated")
FUNDS = ("a regional grant", "parking fees", "a national fund", "reserves", "a bond issue")
PROBLEMS = ("traffic", "noise", "delays", "flooding", "litter", "queues", "vandalism")
STREETS = ("Carter Street", "Mill Road", "the quay", "Station Hill", "the old square")
GROUPS = ("parents", "shop owners", "commuters", "pensioners", "students", "fishermen")
MONTHS = ("January", "March", "May", "July", "September", "November")
SEASONS = ("spring", "summer", "autumn", "winter")
EVENTS = ("the elections", "the tourist season", "the new school year", "the budget vote")


def _sentence(rng: random.Random) -> str:
    template = rng.choice(TEMPLATES)
    text = template.format(
        body=rng.choice(BODIES),
        place=rng.choice(PLACES),
        day=rng.choice(DAYS),
        thing=rng.choice(THINGS),
        verb=rng.choice(VERBS),
        month=rng.choice(MONTHS),
        person=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        adjective=rng.choice(ADJECTIVES),
        n=rng.randint(2, 90),
        m=rng.randint(0, 9),
        fund=rng.choice(FUNDS),
        problem=rng.choice(PROBLEMS),
        street=rng.choice(STREETS),
        group=rng.choice(GROUPS),
        year=rng.randint(1990, 2023),
        season=rng.choice(SEASONS),
        event=rng.choice(EVENTS),
    )
    return text[:1].upper() + text[1:]


def article(seed: int, words: int = 120) -> str:
    """An article body of about ``words`` words: paragraphs of two to four sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [_sentence(rng) for _ in range(rng.randint(2, 4))]
        count += sum(len(s.split()) for s in sentences)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"
