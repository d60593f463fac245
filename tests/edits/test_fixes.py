"""The safe fixes as pure functions: ``seedcheck.edits.fixes``.

Each fix is checked on its own, then together (``fix_text``), then per corpus
(``plan_fixes``): which files are fixed, which are left alone and why, and that the
corpus after the fixes is what the remaining findings are computed from.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from seedcheck.config.settings import load_config
from seedcheck.corpus.value import Corpus
from seedcheck.edits.fixes import (
    CorpusFixes,
    add_final_newline,
    fix_text,
    plan_fixes,
    reading_change,
    remove_byte_order_mark,
    strip_line_ends,
    why_not_fixable,
)
from seedcheck.index.block import rewrite_index
from seedcheck.run.targets import check_target, resolve_targets
from seedcheck.seed.file import SeedFile, parse_seed
from seedcheck.seed.model import build_model

SEED = "000_4c8e2a6f0b1d3579.txt"
OTHER = "001_9a1f5d3b7e0c2468.txt"
BODY = (
    "The harbour council voted seven to two on Tuesday to build a floodwall along the\n"
    "eastern quay, ending a debate that has run since the storm surge of 2019 flooded\n"
    "the fish market and the ferry terminal. Work is due to start in the spring, and\n"
    "the contractor expects the wall to be finished before the autumn tides arrive.\n"
)
CLEAN = f"---\ntitle: Harbour Council Approves Floodwall\nbyline: Marta Ilić\n---\n{BODY}"


# ---------------------------------------------------------------- one fix at a time


@pytest.mark.parametrize(
    ("text", "expected", "removed"),
    [
        ("\ufeffTitle\n", "Title\n", True),
        # The second mark is a character of the first line: a person decides.
        ("\ufeff\ufeffTitle\n", "\ufeffTitle\n", True),
        ("Title\n", "Title\n", False),
        ("Title \ufeff inside\n", "Title \ufeff inside\n", False),
        ("\ufeff", "", True),
    ],
)
def test_remove_byte_order_mark(text: str, expected: str, removed: bool) -> None:
    assert remove_byte_order_mark(text) == (expected, removed)


def test_a_double_byte_order_mark_is_left_for_a_person(tmp_path: Path) -> None:
    # Read, the file's title is "\ufeffLibrary …"; without one mark, it would be "Library …".
    text = "\ufeff\ufeffLibrary Hours Extended\n\nBy Dana Whitlock\n\nThe library opens late.\n"
    (tmp_path / SEED).write_text(text, encoding="utf-8")

    plan = _plan(tmp_path)

    assert plan.fixes == ()
    assert [r for _, r in plan.left_alone] == [
        "fixing it would change what it says: title '\\ufeffLibrary Hours Extended' would "
        "become 'Library Hours Extended'; fix it by hand"
    ]


@pytest.mark.parametrize(
    ("text", "expected", "crlf", "trailing"),
    [
        ("a\r\nb\r\n", "a\nb\n", 2, 0),
        ("a\r\nb\n", "a\nb\n", 1, 0),
        ("a  \nb\t\n", "a\nb\n", 0, 2),
        ("a \u00a0\u3000\f\v\nb\n", "a\nb\n", 0, 1),
        ("a  \r\n", "a\n", 1, 1),
        # A CR among trailing blanks goes with them; a CR inside a line stays.
        ("a\r  \r\n", "a\n", 1, 1),
        ("Title\rBy Jane\n", "Title\rBy Jane\n", 0, 0),
        ("last line  ", "last line", 0, 1),
        ("last line\r", "last line", 0, 1),
        ("   \n", "\n", 0, 1),
        ("", "", 0, 0),
        # Not blanks by the rule's definition, so not stripped (and not a word either).
        ("a\u2028\n", "a\u2028\n", 0, 0),
    ],
)
def test_strip_line_ends(text: str, expected: str, crlf: int, trailing: int) -> None:
    assert strip_line_ends(text) == (expected, crlf, trailing)


@pytest.mark.parametrize(
    ("text", "expected", "added"),
    [
        ("a", "a\n", True),
        ("a\n", "a\n", False),
        ("a\n\n\n", "a\n\n\n", False),  # extra blank lines are not a finding
        ("", "", False),
    ],
)
def test_add_final_newline(text: str, expected: str, added: bool) -> None:
    assert add_final_newline(text) == (expected, added)


def test_fix_text_describes_every_fix() -> None:
    fixed = fix_text("\ufeffTitle  \r\n\r\nBy Jane Doe\t\r\nBody text.")

    assert fixed.text == "Title\n\nBy Jane Doe\nBody text.\n"
    assert fixed.applied == (
        "byte-order mark",
        "CRLF line endings (3 lines)",
        "trailing whitespace (2 lines)",
        "final newline",
    )


def test_fix_text_of_a_clean_text_changes_nothing() -> None:
    assert fix_text(CLEAN).text == CLEAN
    assert fix_text(CLEAN).applied == ()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Caf\xe9\n", "it is not valid UTF-8; rewriting it would change the bytes that are not"),
        ("Title\n".encode("utf-16"), "it holds NUL bytes"),
        (b"Title \xed\xa0\x80\n", "it is not valid UTF-8"),
        (b"Title\x00\n", "it holds NUL bytes"),
        (CLEAN.encode(), None),
    ],
)
def test_why_not_fixable(data: bytes, reason: str | None) -> None:
    found = why_not_fixable(data)
    if reason is None:
        assert found is None
    else:
        assert found is not None
        assert found.startswith(reason)


# ---------------------------------------------------------------- a corpus


def _load(root: Path) -> Corpus:
    """The corpus as fix reads it (summaries and INDEX.md), without a cache."""
    config = load_config(root)
    (target,) = resolve_targets([str(root)], config)
    return check_target(target, config, (), cache_dir=None, jobs=1, corpus_rules=False).corpus


def _plan(root: Path, only: frozenset[Path] | None = None) -> CorpusFixes:
    return plan_fixes(_load(root), only, layout="auto", model=build_model([], {}))


def _indexed(root: Path) -> None:
    corpus = _load(root)
    (root / "INDEX.md").write_text(rewrite_index(corpus.index, corpus.seeds), encoding="utf-8")


def test_plan_fixes_seeds_and_regenerates_the_index(tmp_path: Path) -> None:
    (tmp_path / SEED).write_bytes(CLEAN.replace("\n", "  \r\n").encode())
    _indexed(tmp_path)  # the index describes the broken seed

    plan = _plan(tmp_path)

    assert [(f.path.name, f.applied) for f in plan.fixes] == [
        (SEED, ("CRLF line endings (8 lines)", "trailing whitespace (8 lines)")),
        ("INDEX.md", ("index block",)),
    ]
    assert plan.fixes[0].new == CLEAN.encode()
    assert plan.left_alone == ()
    assert plan.fixed.seeds[0].digest == hashlib.sha256(CLEAN.encode()).hexdigest()
    # The index is regenerated from the fixed seed, as `seedcheck index` would write it.
    (tmp_path / SEED).write_text(CLEAN, encoding="utf-8")
    clean = _load(tmp_path)
    assert plan.fixes[1].new == rewrite_index(clean.index, clean.seeds).encode()


def test_plan_leaves_undecodable_files_alone(tmp_path: Path) -> None:
    (tmp_path / SEED).write_bytes(b"Caf\xe9 Opens  \r\n\r\nBy Ren\xe9e\r\n")

    plan = _plan(tmp_path)

    assert plan.fixes == ()
    assert [(p.name, r.split(";")[0]) for p, r in plan.left_alone] == [
        (SEED, "it is not valid UTF-8")
    ]


def test_plan_only_named_files(tmp_path: Path) -> None:
    (tmp_path / SEED).write_text(CLEAN + "  ", encoding="utf-8")
    (tmp_path / OTHER).write_text(CLEAN + "  ", encoding="utf-8")

    plan = _plan(tmp_path, frozenset({tmp_path / OTHER}))

    assert [f.path.name for f in plan.fixes] == [OTHER]


def test_index_row_keeps_the_cell_of_an_invalid_byline(tmp_path: Path) -> None:
    """The index may hold the only copy of a byline the scraper lost: the rewrite keeps
    that cell and writes the rest (digest, words)."""
    (tmp_path / SEED).write_text(CLEAN, encoding="utf-8")
    _indexed(tmp_path)
    (tmp_path / SEED).write_text(CLEAN.replace("Marta Ilić", "By , a professor"), "utf-8")

    plan = _plan(tmp_path)

    assert [f.path.name for f in plan.fixes] == ["INDEX.md"]
    assert plan.left_alone == ()
    assert "| Marta Ilić |" in plan.fixes[0].new.decode()
    assert "By , a professor" not in plan.fixes[0].new.decode()


def test_index_row_that_disagrees_on_a_valid_byline_is_left_for_a_person(
    tmp_path: Path,
) -> None:
    (tmp_path / SEED).write_text(CLEAN, encoding="utf-8")
    _indexed(tmp_path)
    (tmp_path / SEED).write_text(CLEAN.replace("Marta Ilić", "Marta Ilic"), "utf-8")

    plan = _plan(tmp_path)

    assert plan.fixes == ()
    assert [(p.name, r) for p, r in plan.left_alone] == [
        (
            "INDEX.md",
            f"line 10 gives Byline 'Marta Ilić' but {SEED} says 'Marta Ilic'; "
            "correct whichever is wrong, then run `seedcheck index`",
        )
    ]


def test_index_row_that_only_the_fix_changes_is_regenerated(tmp_path: Path) -> None:
    """A padded title was indexed padded; stripping the blanks changes the row too."""
    plain = f"Library Hours Extended After Petition  \n\nBy Dana Whitlock\n\n{BODY}"
    (tmp_path / SEED).write_text(plain, encoding="utf-8")
    _indexed(tmp_path)

    plan = _plan(tmp_path)

    assert [f.path.name for f in plan.fixes] == [SEED, "INDEX.md"]
    assert plan.left_alone == ()
    assert b"| Library Hours Extended After Petition | Dana Whitlock |" in plan.fixes[1].new


def test_index_row_for_a_missing_seed_is_left_for_a_person(tmp_path: Path) -> None:
    (tmp_path / SEED).write_text(CLEAN, encoding="utf-8")
    _indexed(tmp_path)
    (tmp_path / SEED).rename(tmp_path / OTHER)

    plan = _plan(tmp_path)

    assert plan.fixes == ()
    assert [r.split(";")[0] for _, r in plan.left_alone] == [
        f"line 10 lists '{SEED}', which is not a seed here"
    ]


@pytest.mark.parametrize(
    ("index", "reason"),
    [
        ("# Index\n", "its index markers are missing or broken"),
        (
            "<!-- seedcheck:index:end -->\n<!-- seedcheck:index:begin -->\n",
            "its index markers are missing or broken",
        ),
        (
            "<!-- seedcheck:index:begin -->\n\n| No. | File |\n| --- | --- |\n| 1 | x |\n\n"
            "<!-- seedcheck:index:end -->\n",
            "its table is malformed (line 3: index table lacks column(s)",
        ),
    ],
)
def test_broken_index_is_left_alone(index: str, reason: str, tmp_path: Path) -> None:
    (tmp_path / SEED).write_text(CLEAN, encoding="utf-8")
    (tmp_path / "INDEX.md").write_text(index, encoding="utf-8")

    plan = _plan(tmp_path)

    assert plan.fixes == ()
    assert len(plan.left_alone) == 1
    assert plan.left_alone[0][1].startswith(reason)


def test_empty_index_block_is_filled(tmp_path: Path) -> None:
    (tmp_path / SEED).write_text(CLEAN, encoding="utf-8")
    head = "# Seeds\n\nHand-written notes.\n\n"
    (tmp_path / "INDEX.md").write_text(
        f"{head}<!-- seedcheck:index:begin -->\n<!-- seedcheck:index:end -->\n", "utf-8"
    )

    plan = _plan(tmp_path)

    assert [f.path.name for f in plan.fixes] == ["INDEX.md"]
    assert plan.fixes[0].new.decode().startswith(head + "<!-- seedcheck:index:begin -->\n\n| No.")


# A YAML escaped space at the end of a line: stripping it as a trailing blank turns
# "\ " + newline into an escaped line break, and "Harbor Council" into "HarborCouncil".
ESCAPED_SPACE = (
    '---\ntitle: "Harbor\\ \n  Council Approves Floodwall"\nbyline: Jane Doe\n---\n'
    "The council voted.  \n"
)


def test_a_fix_that_would_change_a_field_is_not_applied(tmp_path: Path) -> None:
    (tmp_path / SEED).write_text(ESCAPED_SPACE, encoding="utf-8")
    _indexed(tmp_path)

    plan = _plan(tmp_path)

    assert plan.fixes == ()
    assert [(p.name, r) for p, r in plan.left_alone] == [
        (
            SEED,
            "fixing it would change what it says: title 'Harbor  Council Approves "
            "Floodwall' would become 'HarborCouncil Approves Floodwall'; fix it by hand",
        )
    ]
    assert plan.fixed.seeds[0].digest == hashlib.sha256(ESCAPED_SPACE.encode()).hexdigest()


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        # Edge whitespace of a value is not a change a reader sees.
        ("---\ntitle: 'Harbor  '\n---\nBody.\n", "---\ntitle: 'Harbor'\n---\nBody.\n", None),
        (ESCAPED_SPACE, ESCAPED_SPACE.replace("\\ \n", "\\\n"), "title 'Harbor  Council"),
        (
            "---\ntitle: T\n---\nBody.\n",
            "---\ntitle: T\ntags: [a]\n---\nBody.\n",
            "'tags' would appear",
        ),
        ("---\ntitle: T\n---\nBody.\n", "---\ntitle: T\n---\nBody two.\n", "the body's words"),
        ("---\ntitle: T\n---\nBody.\n", "Title\n\nBody.\n", "the layout"),
        ("Title  \n\nBody.\n", "Title\n\nBody.\n", None),
    ],
)
def test_reading_change(before: str, after: str, change: str | None, tmp_path: Path) -> None:
    def seed(text: str) -> SeedFile:
        return parse_seed(
            tmp_path / SEED,
            text.encode(),
            number="000",
            seed_id=None,
            layout="auto",
            model=build_model([], {}),
        )

    found = reading_change(seed(before), seed(after))
    if change is None:
        assert found is None
    else:
        assert found is not None
        assert found.startswith(change)


def test_a_fix_that_would_lose_an_empty_field_is_not_applied(tmp_path: Path) -> None:
    # A CR then a tab break the YAML (no fields); without them it reads the key ":".
    text = "---\n::\r\t\n---\nThe council voted.\n"
    (tmp_path / SEED).write_text(text, encoding="utf-8", newline="")
    plan = _plan(tmp_path)
    assert [f.path.name for f in plan.fixes] == []
    assert [r for _, r in plan.left_alone] == [
        "fixing it would change what it says: ':' would appear; fix it by hand"
    ]
