"""The engine's run over one folder: which rules run on which seeds."""

from __future__ import annotations

from pathlib import Path

from seedcheck.config.settings import load_config
from seedcheck.rules.registry import BY_NAME
from seedcheck.run.targets import check_target, resolve_targets

SEEDS = ("000_aaaaaaaaaaaaaaaa.txt", "001_bbbbbbbbbbbbbbbb.txt", "002_cccccccccccccccc.txt")
RULES = (BY_NAME["missing-final-newline"], BY_NAME["index-missing"])


def _corpus(isolated: Path) -> None:
    (isolated / "seeds").mkdir()
    for name in SEEDS:
        # No final newline: a per-file finding in every seed it runs on.
        (isolated / "seeds" / name).write_text(
            f"---\ntitle: T {name}\nbyline: Ann Example\n---\nBody.", encoding="utf-8"
        )


def test_per_file_rules_run_only_on_the_named_seeds(isolated: Path) -> None:
    _corpus(isolated)
    config = load_config(isolated)
    (target,) = resolve_targets([f"seeds/{SEEDS[1]}"], config)
    assert target.only is not None

    found = check_target(target, config, RULES, cache_dir=None, jobs=1).findings

    # The corpus rule still sees the whole folder: INDEX.md is missing.
    assert sorted((Path(d.path).name, d.name) for d in found) == [
        (SEEDS[1], "missing-final-newline"),
        ("INDEX.md", "index-missing"),
    ]


def test_every_seed_is_checked_when_the_folder_is_named(isolated: Path) -> None:
    _corpus(isolated)
    config = load_config(isolated)
    (target,) = resolve_targets(["seeds"], config)

    found = check_target(target, config, RULES, cache_dir=None, jobs=1).findings

    assert sorted(Path(d.path).name for d in found if d.name == "missing-final-newline") == [*SEEDS]


def test_the_commands_that_write_get_the_corpus_without_its_rules(isolated: Path) -> None:
    _corpus(isolated)
    config = load_config(isolated)
    (target,) = resolve_targets(["seeds"], config)

    checked = check_target(target, config, RULES, cache_dir=None, jobs=1, corpus_rules=False)

    assert [d.name for d in checked.findings] == ["missing-final-newline"] * 3
    assert [seed.name for seed in checked.corpus.seeds] == list(SEEDS)


def test_an_overlay_is_checked_in_place_of_the_file(isolated: Path) -> None:
    _corpus(isolated)
    config = load_config(isolated)
    (target,) = resolve_targets(["seeds"], config)
    fixed = (isolated / "seeds" / SEEDS[0]).read_bytes() + b"\n"

    checked = check_target(target, config, RULES, cache_dir=None, jobs=1, overlay={SEEDS[0]: fixed})

    flagged = sorted(Path(d.path).name for d in checked.findings if d.name != "index-missing")
    assert flagged == [SEEDS[1], SEEDS[2]]
    assert checked.listing is None  # a run given bytes in memory is not one to remember
    assert (isolated / "seeds" / SEEDS[0]).read_bytes() == fixed[:-1]  # nothing written
