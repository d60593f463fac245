"""The engine: which rules run on which seeds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from seedcheck.config.settings import load_config
from seedcheck.rules.base import Finding, corpus_rule, file_rule
from seedcheck.rules.options import RuleOptions
from seedcheck.run.engine import check_corpus
from seedcheck.run.targets import load_target, resolve_targets
from seedcheck.seed.file import SeedFile

SEEDS = ("000_aaaaaaaaaaaaaaaa.txt", "001_bbbbbbbbbbbbbbbb.txt", "002_cccccccccccccccc.txt")


def test_per_file_rules_run_only_on_the_named_seeds(isolated: Path) -> None:
    (isolated / "seeds").mkdir()
    for name in SEEDS:
        (isolated / "seeds" / name).write_text(
            f"---\ntitle: T {name}\nbyline: Ann Example\n---\nBody.\n", encoding="utf-8"
        )
    seen: list[str] = []

    def per_file(seed: SeedFile) -> Iterator[Finding]:
        seen.append(seed.name)
        yield Finding(seed.path, 1, 1, "per file")

    def per_corpus(corpus: object) -> Iterator[Finding]:
        seen.append("corpus")
        return iter(())

    rules = (
        file_rule("SC999", "recorder", "Records.", per_file),
        corpus_rule("SC998", "corpus-recorder", "Records.", per_corpus),
    )
    config = load_config(isolated)
    (target,) = resolve_targets([f"seeds/{SEEDS[1]}"], config)
    corpus = load_target(target, config)
    assert target.only is not None
    wanted = {str(path) for path in target.only}

    found = list(check_corpus(corpus, rules, RuleOptions(), wanted))

    assert seen == [SEEDS[1], "corpus"]
    assert [Path(d.path).name for d in found] == [SEEDS[1]]
    seen.clear()
    list(check_corpus(corpus, rules, RuleOptions()))
    assert seen == [*SEEDS, "corpus"]
