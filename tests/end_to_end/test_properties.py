"""Property-based tests: whatever lands in a corpus, seedcheck answers with findings.

Any bytes as a seed or as INDEX.md, any text as a header: ``validate`` exits 0 or 1,
prints nothing on stderr and valid JSON on stdout. Any title and byline survive the
INDEX.md table exactly. ``fix`` never changes a word and a second ``fix`` changes
nothing.

The normal run tries a bounded number of examples per property (see ``conftest.py``);
``HYPOTHESIS_PROFILE=long python -m pytest tests/end_to_end/test_properties.py`` tries many more.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from seedcheck.cli import main
from seedcheck.edits.fixes import fix_text
from seedcheck.index.document import BEGIN_MARKER, END_MARKER, parse_index
from seedcheck.seed.file import parse_seed
from seedcheck.seed.model import SeedMetadata
from seedcheck.text.normal import words
from tests import strategies

SEED = "000_4c8e2a6f0b1d3579.txt"
BODY = (
    "The harbour council voted seven to two on Tuesday to build a floodwall along the\n"
    "eastern quay, ending a debate that has run since the storm surge of 2019 flooded\n"
    "the fish market and the ferry terminal. Work is due to start in the spring, and\n"
    "the contractor expects the wall to be finished before the autumn tides arrive.\n"
)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@contextlib.contextmanager
def _project() -> Iterator[Path]:
    """A fresh project folder per example: pytest's tmp_path lives for a whole test."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seedcheck.toml").write_text('corpus = "seeds"\n', encoding="utf-8")
        (root / "seeds").mkdir()
        yield root


def _run(root: Path, *args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*args[:1], "--config", str(root / "seedcheck.toml"), *args[1:]])
    return Run(code, out.getvalue(), err.getvalue())


def _validates(root: Path) -> list[dict[str, object]]:
    result = _run(root, "validate", "--format", "json", str(root / "seeds"))
    assert result.err == ""
    assert result.code in (0, 1)
    findings = json.loads(result.out)
    assert isinstance(findings, list)
    return findings


@given(strategies.seed_bytes())
def test_any_bytes_as_a_seed(data: bytes) -> None:
    with _project() as root:
        (root / "seeds" / SEED).write_bytes(data)
        findings = _validates(root)
    assert all(len(str(f["message"])) < 400 for f in findings)


@given(strategies.front_matter_text())
def test_any_text_as_front_matter(header: str) -> None:
    with _project() as root:
        text = f"---\n{header}\n---\n{BODY}"
        (root / "seeds" / SEED).write_bytes(text.encode("utf-8", "surrogatepass"))
        _validates(root)


@given(
    st.one_of(
        st.binary(max_size=600),
        strategies.index_text().map(lambda text: text.encode("utf-8", "surrogatepass")),
    )
)
def test_any_bytes_as_index(index: bytes) -> None:
    with _project() as root:
        seed = f"---\ntitle: Harbour Council Approves Floodwall\nbyline: Marta Ilić\n---\n{BODY}"
        (root / "seeds" / SEED).write_text(seed, encoding="utf-8")
        (root / "seeds" / "INDEX.md").write_bytes(index)
        _validates(root)
        # `index` either rewrites the block or refuses in one line; never a traceback.
        result = _run(root, "index", str(root / "seeds"))
        assert result.code in (0, 2)
        assert "Traceback" not in result.err
        assert result.err.count("\n") <= 1


@given(strategies.outside_text(), strategies.outside_text())
def test_index_keeps_every_byte_outside_the_block(before: str, after: str) -> None:
    stale = f"{BEGIN_MARKER}\n| No. | File |\n| --- | --- |\n{END_MARKER}\n"
    text = f"{before}\n{stale}{after}"
    with _project() as root:
        seeds = root / "seeds"
        (seeds / SEED).write_text(f"---\ntitle: T\nbyline: Jane Doe\n---\n{BODY}", "utf-8")
        (seeds / "INDEX.md").write_bytes(text.encode("utf-8"))
        first = _run(root, "index", str(seeds))
        new = (seeds / "INDEX.md").read_bytes().decode("utf-8")
        second = _run(root, "index", str(seeds))
        check = _run(root, "validate", "--select", "SC5", "--quiet", str(seeds))
    assert first.code in (0, 2), first.err
    if first.code == 2:
        # Refused (the user's text made the markers ambiguous): nothing was written.
        assert new == text
        return
    if new.startswith(text):
        # The markers were not markers to Markdown (in a code block): a block was added.
        assert new.count(BEGIN_MARKER) == 2
    else:
        assert new.startswith(f"{before}\n{BEGIN_MARKER}")
        assert new.endswith(f"{END_MARKER}\n{after}")
    assert second.code == 0
    assert second.out.endswith("is up to date (1 seed).\n")
    assert check.out == ""


@given(strategies.cell_text(), strategies.cell_text())
def test_titles_and_bylines_round_trip_through_the_index(title: str, byline: str) -> None:
    header = yaml.safe_dump(
        {"title": title, "byline": byline},
        default_style='"',
        allow_unicode=True,
        width=1_000_000,
        sort_keys=False,
    )
    with _project() as root:
        seeds = root / "seeds"
        (seeds / SEED).write_text(f"---\n{header}---\n{BODY}", encoding="utf-8")
        result = _run(root, "index", str(seeds))
        assert result.code == 0, result.err
        document = parse_index(seeds / "INDEX.md", (seeds / "INDEX.md").read_bytes())
        index_rules = _run(root, "validate", "--select", "SC5", "--quiet", str(seeds))
    assert len(document.rows) == 1
    cells = document.rows[0].cells
    assert cells["Title"].text == title
    assert cells["Byline"].text == byline
    assert index_rules.out == ""


def _words(text: str) -> list[str]:
    return text.lstrip("\ufeff").split()


@given(st.one_of(strategies.document_text(), st.text()))
def test_fix_never_changes_a_word_and_is_idempotent(text: str) -> None:
    once = fix_text(text)
    twice = fix_text(once.text)

    assert _words(once.text) == _words(text)
    if text.startswith("\ufeff\ufeff"):
        # Only the first mark goes; plan_fixes leaves such a file to a person, since the
        # next reader would take the second for a mark (see tests/edits/test_fixes.py).
        assert once.text.startswith("\ufeff")
        return
    assert twice.text == once.text
    assert twice.applied == ()


@given(strategies.seed_bytes())
def test_fix_on_any_seed_then_nothing_left_to_fix(data: bytes) -> None:
    with _project() as root:
        seed = root / "seeds" / SEED
        seed.write_bytes(data)
        first = _run(root, "fix", str(root / "seeds"))
        fixed = seed.read_bytes()
        second = _run(root, "fix", str(root / "seeds"))
    assert first.err == second.err == ""
    assert first.code in (0, 1)
    # What one run fixed is done; what it refused (a needed fix it could not make
    # safely) it refuses again, and fails again.
    refused = [line for line in second.out.splitlines() if line.startswith("left ")]
    assert refused == [line for line in first.out.splitlines() if line.startswith("left ")]
    assert second.code == (1 if refused else 0), second.out
    assert second.out.endswith("\n")
    if first.code == 0 or fixed == data:
        assert fixed == data
    else:
        assert _words(fixed.decode("utf-8")) == _words(data.decode("utf-8"))
        assert _as_read(fixed) == _as_read(data)


def _stripped(value: object) -> object:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [_stripped(item) for item in value]
    if isinstance(value, dict):
        return {key: _stripped(item) for key, item in value.items()}
    return value


def _as_read(data: bytes) -> tuple[object, ...]:
    """What a reader gets from a seed: layout, fields up to edge blanks, body words."""
    seed = parse_seed(
        Path(SEED), data, number="000", seed_id=None, layout="auto", model=SeedMetadata
    )
    fields = {f.key: _stripped(f.value) for f in seed.fields}
    return seed.layout, fields, seed.body.split()


@given(strategies.front_matter_text(), st.sampled_from(["\\ ", "\\\t", " ", "\t"]))
def test_fix_never_changes_a_front_matter_value(header: str, blank: str) -> None:
    # Blanks (some escaped) at the end of a header line, where YAML may give them a meaning.
    header = header.replace("\n", blank + "\n", 1) + blank
    data = f"---\n{header}\n---\n{BODY}".encode("utf-8", "surrogatepass")
    with _project() as root:
        seed = root / "seeds" / SEED
        seed.write_bytes(data)
        result = _run(root, "fix", str(root / "seeds"))
        fixed = seed.read_bytes()
    assert result.err == ""
    if fixed != data:
        assert _as_read(fixed) == _as_read(data)


@given(strategies.body_text(), st.sampled_from(["front-matter", "plain"]))
def test_the_words_of_body_lines_are_the_words_of_the_body(body: str, layout: str) -> None:
    # Rules and signatures take a body's words line by line (SeedFile.body_words): that
    # must be what normalising the whole body at once gives.
    header = "---\ntitle: T\n---\n" if layout == "front-matter" else "A title\nBy Ann Lee\n\n"
    seed = parse_seed(
        Path(SEED),
        (header + body).encode("utf-8"),
        number=None,
        seed_id=None,
        layout="auto",
        model=SeedMetadata,
    )
    assert seed.all_body_words == words(seed.body)
