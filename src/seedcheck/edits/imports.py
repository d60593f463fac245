"""Turning raw scraped articles into front-matter seeds of a corpus.

The title and byline are found as in the plain layout (``plain_layout.py``) and moved
into a YAML header; the rest of the text is kept as written, except that trailing
whitespace is dropped from every line (line endings become LF), blank lines at either
end are dropped, and the blank lines around a removed byline close up. The id is the
first 16 hex digits of the SHA-256 of the source file's bytes, so importing the same
file twice gives the same id.

A line under the title that underlines it (a Markdown setext ``---`` or ``===``) is
dropped with the title. A file named twice on the command line is imported once. A raw
file inside the corpus folder is refused: it is not a seed, and left there it would
stay in the corpus as an unexpected file; it belongs outside, like any other source.

Planning is separate from writing: every file is read, parsed and checked against the
corpus (and against the other files of the same import) before anything is written,
so an import is all or nothing; or, when asked to keep going, the files that pass are
imported and the others named with their reason.

With a byline given on the command line the text is taken to have none; a ``By`` line
that names the same person all the same (the scraper kept it) is removed from the body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from seedcheck.corpus.index_match import unread_seed_rows
from seedcheck.corpus.reading import read_limited
from seedcheck.corpus.value import Corpus, index_name_clash
from seedcheck.display import display_path
from seedcheck.edits.transaction import Staged, write_batch
from seedcheck.errors import SeedcheckError
from seedcheck.index.block import rewrite_index
from seedcheck.index.document import INDEX_NAME
from seedcheck.seed.body_digest import body_digest
from seedcheck.seed.fields import title_problems
from seedcheck.seed.file import BOM, SeedFile, parse_seed
from seedcheck.seed.front_matter import is_fence
from seedcheck.seed.model import SeedMetadata
from seedcheck.seed.plain_layout import is_rule_line, split_plain
from seedcheck.seed.summary import summarize
from seedcheck.text.bounded_pattern import BoundedPattern
from seedcheck.text.normal import words

ID_LENGTH = 16
NUMBER_WIDTH = 3
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ImportRefused(SeedcheckError):
    """Why an import cannot go ahead: one sentence per problem, nothing was written."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Metadata:
    """What the command line says about the articles (None: not given)."""

    title: str | None = None
    byline: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class PlannedSeed:
    """A seed ready to be written: where from, where to, and its parsed form."""

    source: Path
    seed: SeedFile

    @property
    def path(self) -> Path:
        return self.seed.path


def parse_published(text: str) -> dt.date:
    """``--published``: an ISO date (YYYY-MM-DD), not in the future."""
    try:
        if not _DATE.match(text):
            raise ValueError
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise SeedcheckError(
            f"--published {text} is not a valid date; write YYYY-MM-DD, such as 2024-03-05"
        ) from None
    if date > dt.date.today():
        raise SeedcheckError(f"--published {text} is in the future")
    return date


def front_matter(fields: dict[str, object]) -> str:
    """The YAML header for ``fields``, fences included, each value on one line.

    PyYAML decides the quoting, so a title such as ``Yes: "No" #1`` or ``2024`` reads back
    as the same string.
    """
    text = yaml.safe_dump(
        fields, sort_keys=False, allow_unicode=True, default_flow_style=False, width=2**31
    )
    return f"---\n{text}---\n"


def seed_text(raw: str, metadata: Metadata) -> tuple[str, str | None, str | None]:
    """The body of a raw article, and the title and byline found in it (None: not found).

    With ``metadata.title`` the text is taken to have no title line; with
    ``metadata.byline``, no byline of its own: the given values are used instead, and a
    By line that names the given byline is removed from the body (None is returned).
    """
    lines = [line.rstrip() for line in raw.removeprefix(BOM).split("\n")]
    title: str | None = None
    byline: str | None = None
    if metadata.title is None:
        first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
        title = lines[first].strip() if first < len(lines) else None
        body_from, searched, shift = first + 1, lines, 0
        if body_from < len(lines) and lines[body_from].strip() and is_rule_line(lines[body_from]):
            body_from += 1  # a setext underline belongs to the title, not to the body
    else:
        # No title line: search for the byline as if the given title stood above the text.
        body_from, searched, shift = 0, [metadata.title, *lines], 1
    drop: set[int] = set()
    found = split_plain(searched).byline
    credit = str(found.value).strip() if found is not None else None
    # A given byline leaves a By line in the text alone, unless it names the same person:
    # then it is the byline, kept by the scraper (byline-conflict reports another name).
    if found is not None and (metadata.byline is None or _same_name(credit, metadata.byline)):
        byline = credit if metadata.byline is None else None
        index = found.line - 1 - shift
        drop.add(index)
        # Close up the paragraph break the byline leaves behind.
        if index + 1 < len(lines) and not lines[index + 1].strip():
            drop.add(index + 1)
    body = [line for i, line in enumerate(lines) if i >= body_from and i not in drop]
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    return ("\n".join(body) + "\n" if body else ""), title, byline


def _same_name(credit: str | None, name: str) -> bool:
    """Whether a By line's credit is ``name``, case, accents' forms and punctuation aside."""
    return credit is not None and words(credit) == words(name)


@dataclass(frozen=True)
class Plan:
    """Everything an import will write: the new seeds and INDEX.md's new text; with
    ``keep_going``, also the files refused, one sentence each."""

    seeds: tuple[PlannedSeed, ...]
    index_text: str
    refused: tuple[str, ...] = ()


def plan_import(
    sources: Sequence[Path],
    corpus: Corpus,
    metadata: Metadata,
    *,
    model: type[SeedMetadata],
    pattern: BoundedPattern,
    keep_going: bool = False,
) -> Plan:
    """Check every source against the corpus and each other; raise :class:`ImportRefused`
    when one is refused, or with ``keep_going`` plan the others and name it in the plan.
    What refuses the whole import (INDEX.md unreadable, a name clash) is raised anyway."""
    problems: list[str] = []
    numbers, ids = _taken(corpus, pattern)
    width = max([NUMBER_WIDTH, *(len(number) for number in numbers)])
    next_number = max((int(number) for number in numbers), default=-1) + 1
    digests = {
        digest: f"{seed.name} in the corpus"
        for seed in corpus.seeds
        if (digest := seed.body_digest) is not None
    }
    planned: list[PlannedSeed] = []
    corpus_root = _resolved(corpus.root)
    seen: set[Path] = set()
    for source in sources:
        shown = display_path(str(source.absolute()))
        resolved = _resolved(source)
        if resolved in seen:
            continue  # named twice on the command line: one file, imported once
        seen.add(resolved)
        if resolved.parent == corpus_root:
            folder = display_path(str(corpus.root.absolute()))
            if pattern.fullmatch(source.name) is not None:
                # Named like a seed there, it is one (a plain-layout seed is as much a
                # seed as a front-matter one), not a stray raw article.
                problems.append(
                    f"{shown}: already a seed of this corpus; to make it a front-matter "
                    f"seed, move it out of {folder} and import it from there"
                )
            else:
                problems.append(
                    f"{shown}: the raw article is inside the corpus folder, where it is not "
                    f"a seed; move it out of {folder} and import it from there"
                )
            continue
        try:
            seed = _plan_one(source, corpus, metadata, model=model, number=next_number, width=width)
        except SeedcheckError as exc:
            problems.append(f"{shown}: {exc}")
            continue
        if pattern.fullmatch(seed.name) is None:
            problems.append(
                f"{shown}: the corpus pattern does not accept the name {seed.name}; "
                "seedcheck import writes NUMBER_ID.txt names"
            )
            continue
        digest = body_digest(seed)
        assert seed.seed_id is not None and digest is not None  # set by _plan_one
        earlier = ids.get(seed.seed_id) or digests.get(digest)
        if earlier is not None:
            problems.append(f"{shown}: same text as {earlier}, an exact duplicate")
            continue
        ids[seed.seed_id] = digests[digest] = f"{shown} (imported with it)"
        planned.append(PlannedSeed(source, seed))
        next_number += 1
    if problems and not keep_going:
        raise ImportRefused(problems)
    if corpus.index is None and any(e.name == INDEX_NAME for e in corpus.entries):
        raise ImportRefused(
            [f"{display_path(str(corpus.index_path))} cannot be read; fix it, then import again"]
        )
    clash = index_name_clash(corpus)
    if clash is not None:
        raise ImportRefused([clash])
    try:
        # Rows of seeds that could not be read stay, as `seedcheck index` keeps them.
        kept = [row for row, _ in unread_seed_rows(corpus)]
        seeds = [*corpus.seeds, *(summarize(p.seed) for p in planned)]
        index_text = rewrite_index(corpus.index, seeds, kept)
    except SeedcheckError as exc:
        raise ImportRefused([str(exc)]) from None
    return Plan(tuple(planned), index_text, tuple(problems))


def _resolved(path: Path) -> Path:
    """``path`` made absolute with symbolic links followed, as far as that is possible."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare the path as written
        return path.absolute()


def _taken(corpus: Corpus, pattern: BoundedPattern) -> tuple[list[str], dict[str, str]]:
    """Numbers and ids the corpus's entries use, whatever they turned out to be.

    A directory or an unreadable file named like a seed still holds its number and id.
    """
    numbers: list[str] = []
    ids: dict[str, str] = {}
    for entry in corpus.entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        number = match.group("number")
        if number.isascii() and number.isdigit():
            numbers.append(number)
        ids.setdefault(match.group("id"), f"{entry.name} in the corpus")
    return numbers, ids


def _plan_one(
    source: Path,
    corpus: Corpus,
    metadata: Metadata,
    *,
    model: type[SeedMetadata],
    number: int,
    width: int,
) -> SeedFile:
    # Bounded like a seed: a FIFO must not hang the import, /dev/zero or a 3 GB file must
    # not fill memory. A link the user named is followed: it is their file, not the PR's.
    read = read_limited(Path(os.path.realpath(source)), corpus.max_file_size)
    if read.not_regular is not None:
        raise SeedcheckError(f"{read.not_regular}, not a regular file; import a text file")
    if read.error is not None or read.data is None:
        raise SeedcheckError(f"cannot read: {read.error}")
    if read.too_large:
        raise SeedcheckError(
            f"{read.size} bytes, more than max-file-size ({corpus.max_file_size}); "
            "this is not an article"
        )
    data = read.data
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SeedcheckError(
            f"not valid UTF-8 (byte {exc.start + 1} cannot be decoded); save it as UTF-8"
        ) from None
    first_line = next((line for line in raw.removeprefix(BOM).splitlines() if line.strip()), "")
    if is_fence(first_line.rstrip()):
        raise SeedcheckError(
            "already has a front-matter header; it is a seed, not a raw article "
            "(copy it into the corpus and run seedcheck index)"
        )
    body, found_title, found_byline = seed_text(raw, metadata)
    title = metadata.title if metadata.title is not None else found_title
    byline = metadata.byline if metadata.byline is not None else found_byline
    if title is None:
        raise SeedcheckError("no title found (the file is empty); pass --title")
    trouble = title_problems(title)
    if trouble:
        where = "--title" if metadata.title is not None else "the first line is not a title"
        raise SeedcheckError(f"no usable title ({where}: {trouble[0]}); pass --title")
    if byline is None or not byline:
        raise SeedcheckError(
            "no byline found (a line 'By Name' among the first paragraphs or at the end); "
            "pass --byline"
        )
    if not body.strip():
        raise SeedcheckError("no article text besides the title and byline")
    fields: dict[str, object] = {"title": title, "byline": byline}
    optional = {"source": metadata.source, "url": metadata.url, "published": metadata.published}
    fields.update({key: value for key, value in optional.items() if value is not None})
    seed_id = hashlib.sha256(data).hexdigest()[:ID_LENGTH]
    number_text = f"{number:0{width}d}"
    path = corpus.root / f"{number_text}_{seed_id}.txt"
    seed = parse_seed(
        path,
        (front_matter(fields) + body).encode("utf-8"),
        number=number_text,
        seed_id=seed_id,
        layout="front-matter",
        model=model,
    )
    # A bad --url or --source is a usage error; a title or byline that breaks the rules
    # is a finding, reported once the seed is imported.
    invalid = seed.issues("invalid", exclude=("title", "byline"))
    if invalid:
        raise SeedcheckError(f"--{invalid[0].field}: {invalid[0].message}")
    return seed


def write_plan(plan: Plan, index_path: Path) -> None:
    """Write the planned seeds, then INDEX.md, as one batch: all of them or none, even
    if the run is killed (see :mod:`seedcheck.edits.transaction`)."""
    # Each source as its real path: an import run again after a kill knows its files.
    files = [
        Staged(seed.path.name, seed.seed.data, os.path.realpath(seed.source)) for seed in plan.seeds
    ]
    files.append(Staged(index_path.name, plan.index_text.encode("utf-8")))
    write_batch(index_path.parent, files)
