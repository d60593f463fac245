"""An editor's unsaved text over its size limit, seen as ``validate`` would see the file.

``validate`` reads no more of a file than its limit (``max-file-size``, or INDEX.md's),
and reports one that is larger as file-too-large, checked no further: no per-file rule
runs on it, it is no seed to the corpus rules, and an INDEX.md that large is no index.
Unsaved text given in place of a file (``overlay``) gets that same answer, not a check of
the whole text (which the limit is there to spare) nor the findings of the file as saved.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from seedcheck.corpus.listing import Candidate, index_size_limit, list_folder, too_large_entry
from seedcheck.index.document import INDEX_NAME
from seedcheck.rules.base import Rule
from seedcheck.rules.options import RuleOptions
from seedcheck.run.engine import check_corpus_rules
from seedcheck.run.folder import FolderCheck
from seedcheck.text.bounded_pattern import BoundedPattern

# A name given over its limit: its size and the limit.
Oversized = dict[str, tuple[int, int]]


def split_overlay(
    root: Path, pattern: BoundedPattern, max_file_size: int, overlay: Mapping[str, bytes]
) -> tuple[dict[str, bytes], Oversized]:
    """The texts to check in place of their files, and those over the limit ``validate``
    would read them with (a name that would not be read as a seed or INDEX.md is given
    as it is, and answered as before)."""
    if all(len(data) <= max_file_size for data in overlay.values()):
        return dict(overlay), {}  # the usual case: no listing needed to know the limits
    listed = list_folder(root, pattern, max_file_size)
    limits = {item.name: item.limit for item in listed if isinstance(item, Candidate)}
    listed_names = {item.name for item in listed}
    for name in overlay:
        if name in listed_names:
            continue
        # A file not saved yet: read with the limit it would have on disk.
        if name == INDEX_NAME:
            seeds = sum(pattern.fullmatch(n) is not None for n in listed_names | set(overlay))
            limits[name] = index_size_limit(max_file_size, seeds)
        elif pattern.fullmatch(name):
            limits[name] = max_file_size
    given: dict[str, bytes] = {}
    oversized: Oversized = {}
    for name, data in overlay.items():
        limit = limits.get(name)
        if limit is not None and len(data) > limit:
            oversized[name] = (len(data), limit)
        else:
            given[name] = data
    return given, oversized


def with_too_large(
    checked: FolderCheck,
    oversized: Oversized,
    pattern: BoundedPattern,
    rules: Sequence[Rule] | None,
    options: RuleOptions,
) -> FolderCheck:
    """``checked`` (made without corpus rules, the oversized files as saved) with each of
    ``oversized`` as a file too large to read, and the corpus rules' findings on that
    (``rules`` None: no corpus rules, as the run was asked)."""
    corpus = checked.corpus
    entries = list(corpus.entries)
    names = [entry.name for entry in entries]
    for name, (size, limit) in oversized.items():
        at = bisect.bisect_left(names, name)
        known = at < len(names) and names[at] == name
        match = pattern.fullmatch(name)
        number = match.group("number") if match else None
        if number is not None and not (number.isascii() and number.isdigit()):
            number = None  # as the listing reads it
        entry = too_large_entry(corpus.root / name, name, number, limit, size)
        if known:
            entries[at] = entry
        else:
            entries.insert(at, entry)
            names.insert(at, name)
    corpus = replace(
        corpus,
        entries=tuple(entries),
        seeds=tuple(seed for seed in corpus.seeds if seed.name not in oversized),
    )
    if INDEX_NAME in oversized:
        corpus = replace(corpus, loaded_index=None, index_loader=None)
    # The findings of the files as saved are no answer for the text given.
    unread = {str(corpus.root / name) for name in oversized}
    findings = [d for d in checked.findings if d.path not in unread]
    if rules is not None:
        findings += check_corpus_rules(corpus, rules, options)
    # Not the folder as it is on disk: no run memo may keep it.
    return FolderCheck(corpus, findings, None)
