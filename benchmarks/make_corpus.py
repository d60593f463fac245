"""Write a synthetic seed corpus of N seeds, with its INDEX.md, for the benchmark.

Usage: python benchmarks/make_corpus.py N DIR [--seed S]

Every seed uses the front-matter layout and has a body of 250 to 900 words. Words are
drawn from a made-up vocabulary of about 6,000 words with a Zipf distribution (a few
very common words, a long tail), in sentences and paragraphs of realistic length, so
word 5-grams repeat across articles about as rarely as in real news. Made-up words keep
the content rules honest: nothing here looks like a byline, a bio or site furniture
unless it was planted.

Planted, each kind once per 3,000 seeds (and at least once): a near-duplicate of a
recent seed (a few words changed), a body pasted twice, a site's "More from" block, a
byline with no name, trailing whitespace, and a header that loses its closing ``---``. The
INDEX.md is written by ``seedcheck index`` and then one seed is edited, so one row is
stale. The same N and S always give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import subprocess
import sys
from pathlib import Path

FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "was",
    "with",
    "he",
    "it",
    "as",
    "at",
    "by",
    "from",
    "his",
    "have",
    "an",
    "be",
    "which",
    "has",
    "are",
    "this",
    "or",
    "were",
    "its",
    "not",
    "but",
    "they",
    "had",
    "their",
    "been",
    "also",
    "after",
    "who",
    "more",
    "first",
    "would",
    "two",
    "new",
    "one",
    "she",
    "her",
    "all",
    "year",
    "over",
    "up",
    "than",
    "when",
    "into",
    "there",
    "about",
    "some",
    "other",
    "last",
    "could",
    "most",
    "three",
    "said",
    "will",
    "people",
    "them",
    "between",
    "before",
    "while",
    "since",
]
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "ga",
    "ge",
    "gi",
    "go",
    "ka",
    "ke",
    "ki",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "vo",
    "wa",
    "we",
    "za",
    "zo",
    "ar",
    "er",
    "or",
    "an",
    "en",
    "in",
    "on",
    "al",
    "el",
    "il",
    "ol",
    "am",
    "em",
    "ost",
    "ank",
    "ell",
    "ind",
    "orn",
]
FIRST = [
    "Ada",
    "Bram",
    "Cleo",
    "Dario",
    "Elif",
    "Farah",
    "Goran",
    "Hana",
    "Ines",
    "Jonas",
    "Kira",
    "Luca",
    "Mira",
    "Nils",
    "Oona",
]
LAST = [
    "Abbot",
    "Brandt",
    "Castell",
    "Dunmore",
    "Ekwueme",
    "Faro",
    "Gallo",
    "Holm",
    "Ivers",
    "Janek",
    "Kowal",
    "Lind",
]
SOURCES = ("Harbor Ledger", "Valley Courier", "Northern Post", "City Review")
TAGS = ("local", "politics", "transport", "science", "culture", "business", "health")

# Planted seeds stand this many apart (six kinds in turn), closer in a small corpus.
DEFECT_EVERY = 500


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    # Function words first: Zipf weights make them the most common, as in English.
    return FUNCTION_WORDS + sorted(words)


class Writer:
    """Sentences, titles and bylines from one vocabulary and one random stream."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        # Cumulative Zipf weights, for random.choices.
        total, cumulative = 0.0, []
        for rank in range(1, len(self.words) + 1):
            total += 1.0 / rank
            cumulative.append(total)
        self.weights = cumulative

    def _words(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.weights, k=count)

    def sentence(self) -> str:
        words = self._words(self.rng.randint(8, 26))
        if len(words) > 12 and self.rng.random() < 0.4:
            words[self.rng.randint(4, len(words) - 4)] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def body(self, target: int) -> str:
        paragraphs, count = [], 0
        while count < target:
            sentences = [self.sentence() for _ in range(self.rng.randint(2, 5))]
            count += sum(s.count(" ") + 1 for s in sentences)
            paragraphs.append(" ".join(sentences))
        return "\n\n".join(paragraphs) + "\n"

    def title(self) -> str:
        rare = self.words[len(FUNCTION_WORDS) :]
        return " ".join(w.capitalize() for w in self.rng.sample(rare, self.rng.randint(5, 9)))

    def byline(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"


def front_matter(writer: Writer, number: int, byline: str) -> str:
    rng = writer.rng
    tags = ", ".join(rng.sample(TAGS, rng.randint(1, 3)))
    return (
        "---\n"
        f"title: {writer.title()}\n"
        f"byline: {byline}\n"
        f"source: {rng.choice(SOURCES)}\n"
        f"url: https://example.org/news/{number}\n"
        f"published: 20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
        "language: en\n"
        f"tags: [{tags}]\n"
        "---\n"
    )


def near_copy(body: str, rng: random.Random) -> str:
    """The same article with about one word in 60 changed: a re-scrape, not a new text."""
    words = body.split(" ")
    for _ in range(max(1, len(words) // 60)):
        spot = rng.randrange(len(words))
        if "\n" not in words[spot]:
            words[spot] = "revised"
    return " ".join(words)


def plant(kind: str, header: str, body: str, bodies: list[str], rng: random.Random) -> str:
    if kind == "near-duplicate" and bodies:
        return header + near_copy(rng.choice(bodies), rng)
    if kind == "pasted-twice":
        return header + body + "\n" + body
    if kind == "more-from":
        links = "".join(f"- {w.capitalize()} story\n" for w in body.split()[:4])
        return header + body + "\nMore from Harbor Ledger\n\n" + links
    if kind == "no-name":
        return header.replace("byline: ", "byline: By , a professor of ", 1) + body
    if kind == "trailing-space":
        return header + body.replace(".\n", ".  \n", 1)
    if kind == "unterminated":
        return header.removesuffix("---\n") + body
    return header + body


KINDS = ("near-duplicate", "pasted-twice", "more-from", "no-name", "trailing-space")


def planted_defects(count: int) -> dict[int, str]:
    """The seeds of a corpus of ``count`` that get a defect: number -> kind."""
    planted = {}
    step = max(1, min(DEFECT_EVERY, count // (len(KINDS) + 1)))
    for offset, kind in enumerate((*KINDS, "unterminated")):
        for number in range(step // 2 + offset, count, step * (len(KINDS) + 1)):
            planted[number] = kind
    return planted


# A near-duplicate copies the body of one of this many seeds before it.
RECENT = 50


def make_corpus(count: int, folder: Path, seed: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    rng = writer.rng
    width = max(3, len(str(count - 1)))
    planted = planted_defects(count)
    recent: list[str] = []
    for number in range(count):
        body = writer.body(rng.randint(250, 900))
        header = front_matter(writer, number, writer.byline())
        text = plant(planted.get(number, ""), header, body, recent, rng)
        recent = ([*recent, body])[-RECENT:]
        digest = hashlib.sha256(f"{seed}:{number}".encode()).hexdigest()[:16]
        (folder / f"{number:0{width}d}_{digest}.txt").write_text(text, encoding="utf-8")


def raw_article(seed: int = 0) -> str:
    """An article as a scraper saves it (title line, ``By`` line, text), for ``seedcheck import``.

    Its words come from the corpus's vocabulary (the same ``seed``), its text from a
    stream of its own, so it is neither a seed of the corpus nor a near-copy of one.
    """
    writer = Writer(seed)
    writer.rng = random.Random(f"raw article {seed}")
    return f"{writer.title()}\n\nBy {writer.byline()}\n\n{writer.body(500)}"


def index(folder: Path) -> None:
    # The index comes from seedcheck itself: the benchmark measures checking, and a
    # second writer of the table format would only drift from the real one.
    command = [sys.executable, "-m", "seedcheck", "index", str(folder)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def stale_one(folder: Path) -> None:
    """Edit the first seed after indexing, so that its row no longer matches."""
    first = min(folder.glob("*.txt"))
    first.write_text(first.read_text(encoding="utf-8") + "\nA late line.\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N")
    parser.add_argument("folder", type=Path, metavar="DIR")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be 1 or more")
    if args.folder.exists() and any(args.folder.iterdir()):
        parser.error(f"{args.folder} is not empty")
    make_corpus(args.count, args.folder, args.seed)
    index(args.folder)
    stale_one(args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
