"""What the corpus rules need of a seed, without its text.

The corpus rules (index, duplicates, numbering) compare seeds with each other, so they
need every seed at once; holding every text would cost memory in proportion to the
corpus. A :class:`SeedSummary` is the few hundred bytes they actually read: names,
digests, the index row's cells, the near-duplicate signature and the keys of the lines
that may be site furniture. It is also what the cache keeps per file, so it converts to
and from a tuple of plain values, and a named tuple: small, immutable, and picklable
for worker processes.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from seedcheck.seed.body_digest import body_digest
from seedcheck.seed.body_lines import first_body_line
from seedcheck.seed.file import SeedFile
from seedcheck.seed.furniture_lines import FurnitureLine, furniture_lines
from seedcheck.seed.suppressions import Suppression, suppressions
from seedcheck.text import lsh_pairs
from seedcheck.text.shingles import DOCUMENT_SHINGLE_WORDS


@dataclass(frozen=True)
class Signing:
    """How near-duplicate signatures are made: MinHash permutations, LSH bands, and the
    fewest distinct shingles a body needs to be compared at all."""

    permutations: int
    bands: int
    min_shingles: int


SummaryRecord = tuple[
    str,
    str | None,
    str | None,
    str,
    str,
    str,
    str,
    int,
    bytes | None,
    int,
    bytes | None,
    int,
    tuple[Suppression, ...],
    tuple[tuple[str, str], ...],
    tuple[FurnitureLine, ...],
]


class SeedSummary(NamedTuple):
    """A seed as the corpus rules see it.

    ``title``, ``byline`` and ``published`` are the text of their INDEX.md cells ("" when
    missing or not text). ``signature`` is the near-duplicate MinHash signature, a key
    per LSH band (see ``near_duplicates.signature``), and ``shingles`` the size of the
    shingle set it was made from; both are empty when the body is too short to compare or
    signatures were not wanted.
    """

    path: Path
    # The file name, kept beside the path: corpus rules ask for it 10 times a seed, and
    # pathlib computes ``Path.name`` anew on each call.
    name: str
    number: str | None
    seed_id: str | None
    digest: str
    title: str
    byline: str
    published: str
    word_count: int
    body_digest: bytes | None
    first_body_line: int
    signature: bytes | None = None
    shingles: int = 0
    # The rules its header's seedcheck.ignore silences, each with where it is named.
    suppressions: tuple[Suppression, ...] = ()
    # The index columns ("Title", "Byline") whose value in the seed is invalid or missing,
    # each with why: `seedcheck index` keeps the row's cell rather than write it.
    held: tuple[tuple[str, str], ...] = ()
    # ``(key, line number)`` of the lines at the body's edges that may be the site's
    # furniture (see seed.furniture_lines): corpus-furniture counts the keys.
    furniture: tuple[FurnitureLine, ...] = ()

    def record(self) -> SummaryRecord:
        """The summary as plain values, for the cache (the folder is the cache's key)."""
        return self[1:]

    @classmethod
    def from_record(
        cls,
        path: Path,
        record: SummaryRecord,
        names: tuple[str, str | None, str | None] | None = None,
    ) -> SeedSummary:
        """The summary of the seed at ``path`` from its record.

        ``names`` are the file's name, number and id as the caller already holds them:
        the summary takes those rather than the record's equal copies, which can then be
        let go (at 100,000 seeds, 19 MB).
        """
        held = record[:3] if names is None else names
        if len(record) != len(cls._fields) - 1 or record[:3] != held or held[0] != path.name:
            raise ValueError("a summary record of another shape or file")
        return cls._make((path, *held, *record[3:]))


def shared_texts(summary: SeedSummary) -> SeedSummary:
    """``summary`` with its title, byline and date interned.

    The same texts are in the seed's INDEX.md row, whose cells are interned too, and
    bylines and dates repeat across seeds: at 100,000 seeds this keeps 30 MB of copies
    out of memory. Done where summaries arrive from worker processes, which unpickle a
    copy of each text.
    """
    return summary._replace(
        title=sys.intern(summary.title),
        byline=sys.intern(summary.byline),
        published=sys.intern(summary.published),
    )


def _text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else ""


def summarize(seed: SeedFile, signing: Signing | None = None, few: bool = False) -> SeedSummary:
    """The summary of a parsed seed; with ``signing``, its near-duplicate signature too.

    Signatures are only made when near-duplicate-document runs on a corpus with more
    than one seed. They are made with numpy, or, when the process signs only ``few``
    seeds, in plain Python: the same bytes, without numpy's import.
    """
    cells = {key: seed.field(key) for key in ("title", "byline", "published")}
    text = {key: _text(value.value) if value else "" for key, value in cells.items()}
    made: tuple[bytes, int] | None = None
    if signing is not None:
        made = _signature(seed, signing, few)
    return SeedSummary(
        path=seed.path,
        name=seed.path.name,
        number=seed.number,
        seed_id=seed.seed_id,
        digest=seed.digest,
        title=text["title"],
        byline=text["byline"],
        published=text["published"],
        word_count=seed.word_count,
        body_digest=body_digest(seed),
        first_body_line=first_body_line(seed),
        signature=made[0] if made else None,
        shingles=made[1] if made else 0,
        suppressions=suppressions(seed),
        held=held_cells(seed),
        furniture=furniture_lines(seed),
    )


def held_cells(seed: SeedFile) -> tuple[tuple[str, str], ...]:
    """The index columns whose value the seed cannot be trusted for, and why: a title or
    byline that is invalid (a bio kept where the name was lost) or missing. The row's
    cell may hold the only correct copy."""
    held = []
    for column, field in (("Title", "title"), ("Byline", "byline")):
        issue = next(
            (
                i
                for i in seed.schema_issues
                if i.field == field and i.kind in ("invalid", "missing")
            ),
            None,
        )
        if issue is not None:
            held.append((column, issue.message))
    return tuple(held)


# The most words a signature's shingles are made of in plain Python: about a tenth of
# a second. rensa makes the MinHash itself, whatever the path.
PLAIN_SIGNATURE_WORDS = 1 << 16


def _signature(seed: SeedFile, signing: Signing, few: bool) -> tuple[bytes, int] | None:
    seed_words = seed.all_body_words
    # Counting words needs no numpy: a seed too short to compare never imports it.
    if len(seed_words) - DOCUMENT_SHINGLE_WORDS + 1 < signing.min_shingles:
        return None
    permutations, bands = signing.permutations, signing.bands
    # Plain Python costs a few steps a word: for a long seed numpy is worth importing.
    if few and len(seed_words) <= PLAIN_SIGNATURE_WORDS:
        hashes = lsh_pairs.hashed_shingles(seed.body_word_hashes)
        if len(hashes) < signing.min_shingles:
            return None
        return lsh_pairs.band_signature(hashes, permutations, bands), len(hashes)
    # Imported here, not at the top: it loads numpy, which a run that signs nothing
    # (or signs few seeds) never pays for.
    from seedcheck.text import near_duplicates

    shingles = near_duplicates.shingle_set(near_duplicates.as_array(seed.body_word_hashes))
    # Repeated shingles count once, so a set may be smaller than the word count says.
    if len(shingles) < signing.min_shingles:
        return None
    return near_duplicates.signature(shingles, permutations, bands), len(shingles)
