"""Each seed's ``source`` field, which the cached summaries do not hold.

A seed is parsed again only when its digest is new to the report's own small cache
(``report-sources.json`` in the cache folder, by SHA-256 of the file): a warm report
reads no seed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from seedcheck.cache.location import cache_usable
from seedcheck.corpus.reading import read_whole
from seedcheck.corpus.value import Corpus
from seedcheck.edits.atomic_write import write_atomically
from seedcheck.seed.file import Layout, parse_seed
from seedcheck.seed.model import SeedMetadata

CACHE_NAME = "report-sources.json"
MAX_SEED_READ = 64 * 1024 * 1024
MAX_CACHE_READ = 256 * 1024 * 1024


def seed_sources(
    corpora: Sequence[Corpus],
    cache_dir: Path | None,
    *,
    layout: Layout,
    model: type[SeedMetadata],
) -> dict[Path, str]:
    """The ``source`` of every seed of ``corpora`` ("" when it has none)."""
    known = _load(cache_dir)
    found: dict[Path, str] = {}
    fresh: dict[str, str] = {}
    for corpus in corpora:
        for seed in corpus.seeds:
            source = known.get(seed.digest)
            if source is None:
                source = _read_source(seed.path, seed.number, seed.seed_id, layout, model)
                fresh[seed.digest] = source
            found[seed.path] = source
    if fresh and cache_dir is not None:
        kept = {seed.digest for corpus in corpora for seed in corpus.seeds}
        _save(cache_dir, {d: s for d, s in (known | fresh).items() if d in kept})
    return found


def _read_source(
    path: Path, number: str | None, seed_id: str | None, layout: Layout, model: type[SeedMetadata]
) -> str:
    try:
        data = read_whole(path, MAX_SEED_READ)
    except OSError:
        return ""  # validate reports what is wrong with the file
    seed = parse_seed(path, data, number=number, seed_id=seed_id, layout=layout, model=model)
    for field in seed.fields:
        if field.key == "source" and isinstance(field.value, str):
            return field.value.strip()
    return ""


def _load(cache_dir: Path | None) -> dict[str, str]:
    if cache_dir is None or not cache_usable(cache_dir):
        return {}
    try:
        table = json.loads(read_whole(cache_dir / CACHE_NAME, MAX_CACHE_READ))
    except (OSError, ValueError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if isinstance(k, str) and isinstance(v, str)}


def _save(cache_dir: Path, table: dict[str, str]) -> None:
    if not cache_usable(cache_dir):
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(cache_dir / CACHE_NAME, json.dumps(table).encode("utf-8"))
    except OSError:
        pass  # a cache that cannot be written costs time, not a result
