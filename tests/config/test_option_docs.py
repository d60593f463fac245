"""README.md shows the rules' options as their declarations render them."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from seedcheck.config.option_docs import option_lines
from seedcheck.config.settings import Settings, settings_model
from seedcheck.rules.base import Finding, configured_file_rule
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.seed.file import SeedFile

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_shows_the_options_as_declared() -> None:
    block = re.search(
        r"## Configuration\n.*?```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL
    )
    assert block is not None
    expected = option_lines()
    assert expected in block.group(1), (
        "README.md's option lines (## Configuration) are not those the rules declare;"
        " replace them with the output of `python -m seedcheck.config.option_docs`:\n" + expected
    )


def test_the_option_lines_are_toml_of_the_defaults() -> None:
    table = tomllib.loads(option_lines())
    assert Settings.model_validate(table) == Settings()
    assert list(table) == [option.name for option in Settings.rule_options]


def _nothing(seed: SeedFile, options: RuleOptions) -> Iterator[Finding]:
    yield from ()


def test_the_option_lines_show_key_default_and_description_wrapped_at_the_comments() -> None:
    made_up = configured_file_rule(
        "SC999",
        "made-up",
        "A made-up rule.",
        _nothing,
        options=(
            Option("made-up-limit", int, 4, "most things allowed."),
            Option("made-up-words", tuple[str, ...], ("a", "b"), "words that count."),
            Option("made-up-ratio-of-a-long-name", float, 0.5, "share " * 20),
        ),
    )
    assert option_lines(settings_model([made_up])) == (
        "made-up-limit = 4                # made-up: most things allowed.\n"
        'made-up-words = ["a", "b"]       # made-up: words that count.\n'
        "made-up-ratio-of-a-long-name = 0.5  # made-up: share share share share share share share"
        " share share\n"
        "                                    # share share share share share share share share"
        " share share\n"
        "                                    # share\n"
    )
