"""No input, however broken, produces a traceback: only diagnostics and exit 0 or 1.

Deterministic: hand-picked hostile inputs, plus seeded random corruptions of a valid
seed and a valid INDEX.md (bytes flipped, inserted, deleted, lines cut and repeated).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.conftest import RunCli

GOOD_SEED = (
    "---\n"
    "title: Harbor Council Approves Floodwall\n"
    "byline: Marta Ilić\n"
    "published: 2024-03-05\n"
    "tags: [flooding, council]\n"
    "---\n"
    "The harbor council voted seven to two on Tuesday to build a floodwall.\n"
    "\n"
    "Work starts in the spring.\n"
).encode()

HOSTILE: dict[str, bytes] = {
    "empty": b"",
    "only-newlines": b"\n\n\n",
    "only-fence": b"---\n",
    "two-fences": b"---\n---\n",
    "fence-no-newline": b"---",
    "nul-bytes": b"\x00" * 64,
    "utf16-bom": "---\ntitle: x\n---\n".encode("utf-16"),
    "lone-cr": b"Title\rBy Jane Doe\r",
    "latin1": "Caf\xe9 opens\n\nBy Ren\xe9e\n".encode("latin-1"),
    "yaml-tab": b"---\ntitle:\t\x09x\n\tbyline: y\n---\n",
    "yaml-python-tag": b"---\ntitle: !!python/object/apply:os.system ['echo hi']\nbyline: x\n---\n",
    "yaml-custom-tag": b"---\ntitle: !secret x\nbyline: y\n---\n",
    "yaml-alias-bomb": (
        b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\ntitle: *e\nbyline: *e\n---\n"
    ),
    "yaml-deep": b"---\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n",
    "yaml-complex-key": b"---\n? [a, b]\n: c\ntitle: t\nbyline: b\n---\n",
    "yaml-merge": b"---\nbase: &b {title: t}\n<<: *b\nbyline: b\n---\n",
    "yaml-bad-date": b"---\ntitle: t\nbyline: b\npublished: 2024-02-30\n---\n",
    "yaml-huge-int": b"---\ntitle: t\nbyline: b\nn: " + b"9" * 5000 + b"\n---\n",
    "yaml-documents": b"---\ntitle: t\n...\n---\nbyline: b\n---\n",
    "yaml-null-key": b"---\n~: x\nnull: y\ntitle: t\nbyline: b\n---\n",
    "huge-line": b"T" * 300_000 + b"\n",
    "control-mix": b"Title\x1b[31m\n\nBy \x07Jane\n",
    "surrogate-escape": b"Title \xed\xa0\x80\n\nBy Jane\n",
}


def _mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        action = rng.choice(("flip", "insert", "delete", "dup-line", "cut"))
        at = rng.randrange(len(buf) + 1) if buf else 0
        if action == "flip" and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif action == "insert":
            buf[at:at] = rng.choice((b"---\n", b":", b"|", b"\r", b"\x00", b"&a ", b"*a", b"\xff"))
        elif action == "delete" and buf:
            del buf[at : at + rng.randint(1, 8)]
        elif action == "dup-line":
            lines = bytes(buf).split(b"\n")
            k = rng.randrange(len(lines))
            lines.insert(k, lines[k])
            buf = bytearray(b"\n".join(lines))
        else:
            del buf[at:]
    return bytes(buf)


def _check(run_cli: RunCli, corpus: Path) -> list[dict[str, object]]:
    result = run_cli(["validate", "--format", "json", str(corpus)])
    assert result.err == ""
    assert result.code in (0, 1)
    findings = json.loads(result.out)
    assert isinstance(findings, list)
    return findings


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_seed(name: str, isolated: Path, run_cli: RunCli) -> None:
    corpus = isolated / "c"
    corpus.mkdir()
    (corpus / "000_0123456789abcdef.txt").write_bytes(HOSTILE[name])
    findings = _check(run_cli, corpus)
    assert findings, "a hostile seed must raise at least one finding"
    for finding in findings:
        assert len(str(finding["message"])) < 400, "messages quote only short excerpts"


def test_python_tags_are_never_constructed(isolated: Path, run_cli: RunCli) -> None:
    corpus = isolated / "c"
    corpus.mkdir()
    marker = isolated / "pwned"
    payload = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n"
    (corpus / "000_0123456789abcdef.txt").write_text(payload, encoding="utf-8")
    findings = _check(run_cli, corpus)
    assert not marker.exists()
    assert any(f["name"] == "yaml-syntax" for f in findings)


def test_random_corruptions_of_seeds(isolated: Path, run_cli: RunCli) -> None:
    rng = random.Random(20261124)
    corpus = isolated / "c"
    corpus.mkdir()
    for number in range(150):
        name = f"{number:03d}_{rng.getrandbits(64):016x}.txt"
        (corpus / name).write_bytes(_mutate(rng, GOOD_SEED))
    _check(run_cli, corpus)


def test_random_corruptions_of_index(isolated: Path, run_cli: RunCli) -> None:
    rng = random.Random(7)
    corpus = isolated / "c"
    corpus.mkdir()
    (corpus / "000_0123456789abcdef.txt").write_bytes(GOOD_SEED)
    assert run_cli(["index", str(corpus)]).code == 0
    good_index = (corpus / "INDEX.md").read_bytes()
    for _ in range(60):
        (corpus / "INDEX.md").write_bytes(_mutate(rng, good_index))
        _check(run_cli, corpus)
