"""A seed file read and parsed: bytes, text, layout, fields with positions, body.

This is the data every per-file rule receives. Parsing never fails: what cannot be
understood is recorded (an unterminated header, a YAML error) for the rules to report.
"""

from __future__ import annotations

import functools
import hashlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from seedcheck.seed.front_matter import (
    FrontMatter,
    find_misplaced_block,
    is_fence,
    parse_front_matter,
)
from seedcheck.seed.located import LocatedValue
from seedcheck.seed.model import SchemaIssue, SeedMetadata, validate_fields
from seedcheck.seed.paragraphs import BodyLine, Paragraph, split_paragraphs
from seedcheck.seed.plain_layout import split_plain
from seedcheck.text.lsh_pairs import word_hashes
from seedcheck.text.normal import line_words
from seedcheck.text.word_count import count_words

Layout = Literal["auto", "front-matter", "plain"]
BOM = "\ufeff"


@dataclass(frozen=True)
class SeedFile:
    """One seed file and everything parsed from it.

    ``lines`` are the decoded lines without line endings (a CR before LF stays, so that
    line-ending rules can see it). ``body_start`` is the 0-based index of the first body
    line. ``misplaced_at`` is the 1-based line of a header found below line 1, and
    ``missing_front_matter`` is set when the configuration demands the front-matter layout
    and the file has no header at all. ``utf8`` is False when ``data`` is not valid UTF-8
    (``text`` then holds U+FFFD for the invalid bytes).
    """

    path: Path
    name: str
    number: str | None
    seed_id: str | None
    data: bytes
    text: str
    lines: tuple[str, ...]
    layout: Literal["front-matter", "plain"]
    front_matter: FrontMatter | None
    fields: tuple[LocatedValue, ...]
    schema_issues: tuple[SchemaIssue, ...]
    body_start: int
    misplaced_at: int | None = None
    missing_front_matter: bool = False
    utf8: bool = True

    @functools.cached_property
    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        """The body's paragraphs (see :mod:`seedcheck.seed.paragraphs`), made once: a dozen
        content rules read them."""
        return split_paragraphs(self.lines, self.body_start, self.byline_index)

    @functools.cached_property
    def body_lines(self) -> tuple[BodyLine, ...]:
        """The body's non-blank lines, in order (see :mod:`seedcheck.seed.paragraphs`)."""
        return tuple(line for paragraph in self.body_paragraphs for line in paragraph.lines)

    @functools.cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def issues(
        self, kind: str, only: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
    ) -> list[SchemaIssue]:
        """Schema issues of ``kind``, for the fields in ``only`` (or all but ``exclude``)."""
        return [
            issue
            for issue in self.schema_issues
            if issue.kind == kind
            and (not only or issue.field in only)
            and issue.field not in exclude
        ]

    def field(self, key: str) -> LocatedValue | None:
        return self._fields_by_key.get(key)

    @functools.cached_property
    def _fields_by_key(self) -> dict[str, LocatedValue]:
        # Rules and the summary ask for a field by name 14 times a seed.
        found: dict[str, LocatedValue] = {}
        for f in self.fields:
            found.setdefault(f.key, f)  # the first, as a search in order finds
        return found

    @property
    def byline_index(self) -> int | None:
        """The 0-based line of a plain-layout byline, which is not article text."""
        byline = self.field("byline") if self.layout == "plain" else None
        return byline.line - 1 if byline is not None else None

    @functools.cached_property
    def body(self) -> str:
        """The article text: after the header or title, without a plain-layout byline."""
        skip = self.byline_index
        return "\n".join(
            line.rstrip("\r")
            for index, line in enumerate(self.lines[self.body_start :], self.body_start)
            if index != skip
        )

    @functools.cached_property
    def word_count(self) -> int:
        """Words of the body as INDEX.md and body-too-short count them (see
        :mod:`seedcheck.text.word_count`: each Han or Kana character is a word)."""
        return count_words(self.body)

    @functools.cached_property
    def body_words(self) -> tuple[tuple[str, ...], ...]:
        """The :func:`~seedcheck.text.normal.words` of each of :attr:`body_lines`.

        Made once: duplicated-text and the near-duplicate signature both need them, and
        finding words is the costliest step of reading a body. No word spans a line
        break, so together they are the words of :attr:`body` (tested).
        """
        return tuple(map(tuple, line_words([line.text for line in self.body_lines])))

    @functools.cached_property
    def all_body_words(self) -> list[str]:
        """Every word of the body, in order: ``words(self.body)``."""
        return [word for line in self.body_words for word in line]

    @functools.cached_property
    def body_word_hashes(self) -> array[int]:
        """The stable 64-bit hash of each of :attr:`all_body_words` (see
        ``lsh_pairs.word_hashes``): made once for the near-duplicate signature and the
        repeat search of duplicated-text, as a buffer that numpy reads in place."""
        return array("Q", word_hashes(self.all_body_words))


def parse_seed(
    path: Path,
    data: bytes,
    *,
    number: str | None,
    seed_id: str | None,
    layout: Layout,
    model: type[SeedMetadata],
) -> SeedFile:
    """Parse a seed's bytes into a :class:`SeedFile` (never raises on bad input)."""
    try:
        text = data.decode("utf-8")
        utf8 = True
    except UnicodeDecodeError:
        # Invalid bytes become U+FFFD so that the rest of the file is still checked;
        # invalid-utf8 reports the bytes themselves.
        text = data.decode("utf-8", errors="replace")
        utf8 = False
    if text.startswith(BOM):
        text = text[1:]
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]

    start: int | None = None
    misplaced: int | None = None
    if layout != "plain":
        if lines and is_fence(lines[0]):
            start = 0
        else:
            misplaced = find_misplaced_block(lines)
            start = misplaced
    missing_front_matter = layout == "front-matter" and start is None

    make = functools.partial(
        SeedFile,
        path=path,
        name=path.name,
        number=number,
        seed_id=seed_id,
        data=data,
        text=text,
        lines=lines,
        utf8=utf8,
    )
    if start is not None:
        fm = parse_front_matter(lines, start)
        body_start = fm.end if fm.end is not None else len(lines)
        usable = (
            fm.end is not None and fm.yaml_problem is None and fm.root_kind in ("mapping", "empty")
        )
        fields = fm.fields if usable else ()
        issues = validate_fields(model, fields, (fm.start, 1)) if usable else ()
        return make(
            layout="front-matter",
            front_matter=fm,
            fields=fields,
            schema_issues=issues,
            body_start=body_start,
            misplaced_at=misplaced + 1 if misplaced is not None else None,
        )
    parts = split_plain(lines)
    plain_fields = tuple(v for v in (parts.title, parts.byline) if v is not None)
    anchor = (parts.title.line, 1) if parts.title else (1, 1)
    return make(
        layout="plain",
        front_matter=None,
        fields=plain_fields,
        schema_issues=validate_fields(model, plain_fields, anchor),
        body_start=parts.body_start,
        missing_front_matter=missing_front_matter,
    )
