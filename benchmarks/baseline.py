"""The naive single pass that seedcheck is measured against.

Usage: python benchmarks/baseline.py DIR

For each seed: read the file, split off the front matter, parse it with PyYAML's C
loader, validate it with a small Pydantic model, and SHA-256 the bytes. This is the
least any validator of such a corpus does, with no index, no content rules and no
positions; seedcheck's figures are given as multiples of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Seed(BaseModel):
    title: str
    byline: str
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    tags: list[str] = []
    license: str | None = None


def check(path: Path) -> bool:
    data = path.read_bytes()
    hashlib.sha256(data).hexdigest()
    text = data.decode("utf-8")
    if not text.startswith("---\n"):
        return False
    header, marker, _body = text[4:].partition("\n---\n")
    if not marker:
        return False
    try:
        Seed.model_validate(yaml.load(header, Loader=Loader))
    except (yaml.YAMLError, ValidationError):
        return False
    return True


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 2
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    bad = sum(not check(p) for p in paths if p.name != "INDEX.md")
    print(f"{len(paths)} files, {bad} bad")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
