"""The settings model made from the rules' option declarations."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from seedcheck.config.settings import (
    Settings,
    field_name,
    load_config_file,
    options_from,
    rule_value,
    settings_model,
)
from seedcheck.errors import SeedcheckError
from seedcheck.rules.base import Finding, configured_file_rule
from seedcheck.rules.body_too_short import BODY_MIN_WORDS
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.rules.registry import RULES
from seedcheck.seed.file import SeedFile


def test_every_declared_option_is_a_setting_of_its_key_default_and_doc() -> None:
    owners: dict[str, tuple[Option[object], str]] = {}
    for rule in RULES:
        for option in rule.options:
            owners.setdefault(option.name, (option, rule.name))
    assert [option.name for option in Settings.rule_options] == list(owners)
    defaults = Settings()
    for option, rule_name in owners.values():
        field = Settings.model_fields[field_name(option)]
        assert field.alias == option.name
        assert field.description == f"{rule_name}: {option.doc}"
        assert rule_value(getattr(defaults, field_name(option))) == option.default


def test_the_options_of_the_settings_are_the_declared_defaults_or_the_configured_values() -> None:
    defaults = options_from(Settings())
    for option in Settings.rule_options:
        assert defaults[option] == option.default
    changed = options_from(
        Settings.model_validate({"body-min-words": 7, "boilerplate-patterns": ["^Ad$"]})
    )
    assert changed == RuleOptions.of(
        {
            **{option.name: option.default for option in Settings.rule_options},
            "body-min-words": 7,
            "boilerplate-patterns": ("^Ad$",),
        }
    )
    assert changed[BODY_MIN_WORDS] == 7


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("body-min-words = -1", "body-min-words: Input should be greater than or equal to 0"),
        ("body-min-words = 5.0", "body-min-words: Input should be a valid integer"),
        (
            "near-duplicate-threshold = nan",
            "near-duplicate-threshold: Input should be a finite number",
        ),
        (
            "near-duplicate-permutations = 5000",
            "near-duplicate-permutations: Input should be less than or equal to 4096",
        ),
        (
            'boilerplate-patterns = ["("]',
            "boilerplate-patterns: '(' is not a valid regular expression: missing ),"
            " unterminated subpattern at position 0",
        ),
        ("boilerplate-patterns = [1]", "boilerplate-patterns.0: Input should be a valid string"),
        (
            "near-duplicate-bands = 3",
            "near-duplicate-bands (3) must divide near-duplicate-permutations (128), so that"
            " every band has as many rows",
        ),
        ("body-min-word = 3", "unknown key 'body-min-word' (did you mean 'body-min-words'?)"),
    ],
)
def test_a_bad_option_value_is_reported_with_its_key(
    tmp_path: Path, line: str, message: str
) -> None:
    config = tmp_path / "seedcheck.toml"
    config.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(SeedcheckError) as raised:
        load_config_file(config)
    assert str(raised.value) == f"{config.as_posix()}: invalid configuration: {message}"


# A made-up configurable rule, declared as a rule module declares its options.
def _even(value: int) -> None:
    if value % 2:
        raise ValueError(f"{value} is odd; give an even number")


MADE_UP_LIMIT = Option("made-up-limit", int, 4, "most things allowed.", ge=2, validate=_even)
MADE_UP_WORDS = Option("made-up-words", tuple[str, ...], ("a", "b"), "words that count.")
MADE_UP_RATIO = Option("made-up-ratio", float, 0.5, "share of things.", gt=0, le=1)


def _made_up_check(seed: SeedFile, options: RuleOptions) -> Iterator[Finding]:
    yield from ()


def _limit_below_words(options: RuleOptions) -> None:
    if options[MADE_UP_LIMIT] > 10 * len(options[MADE_UP_WORDS]):
        raise ValueError("made-up-limit is too high for so few made-up-words")


MADE_UP = configured_file_rule(
    "SC999",
    "made-up",
    "A made-up rule.",
    _made_up_check,
    options=(MADE_UP_LIMIT, MADE_UP_WORDS, MADE_UP_RATIO),
    check_options=_limit_below_words,
)
MODEL = settings_model((*RULES, MADE_UP))


def test_a_declared_option_appears_in_the_generated_settings_model() -> None:
    assert MODEL.rule_options[-3:] == (MADE_UP_LIMIT, MADE_UP_WORDS, MADE_UP_RATIO)
    defaults = MODEL()
    assert defaults.model_dump(include={"made_up_limit", "made_up_words"}) == {
        "made_up_limit": 4,
        "made_up_words": ["a", "b"],
    }
    assert options_from(defaults)[MADE_UP_WORDS] == ("a", "b")
    properties = MODEL.model_json_schema(by_alias=True)["properties"]
    assert properties["made-up-limit"] == {
        "default": 4,
        "description": "made-up: most things allowed.",
        "minimum": 2,
        "title": "Made-Up-Limit",
        "type": "integer",
    }
    assert properties["made-up-words"]["items"] == {"type": "string"}
    assert properties["made-up-ratio"]["exclusiveMinimum"] == 0
    assert "made-up-limit" not in Settings.model_json_schema(by_alias=True)["properties"]
    assert options_from(MODEL.model_validate({"made-up-limit": 6}))[MADE_UP_LIMIT] == 6


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"made-up-limit": 1}, "Input should be greater than or equal to 2"),
        ({"made-up-limit": "4"}, "Input should be a valid integer"),
        ({"made-up-limit": 5}, "Value error, 5 is odd; give an even number"),
        ({"made-up-ratio": math.inf}, "Input should be a finite number"),
        ({"made-up-words": "a"}, "Input should be a valid list"),
        ({"made-up-limit": 22}, "Value error, made-up-limit is too high for so few made-up-words"),
    ],
)
def test_a_declared_option_is_validated_by_its_declaration(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        MODEL.model_validate(table)
    assert [error["msg"] for error in raised.value.errors()] == [message]


def test_an_option_is_declared_once() -> None:
    again = Option("body-min-words", int, 50, "fewest words a body may have.", ge=0)
    rule = configured_file_rule("SC998", "again", "Again.", _made_up_check, options=(again,))
    with pytest.raises(ValueError, match="'body-min-words' is declared twice"):
        settings_model((*RULES, rule))


def test_an_option_may_not_take_the_key_of_a_setting_of_seedcheck() -> None:
    clash = Option("max-file-size", int, 1, "largest file.")
    rule = configured_file_rule("SC998", "clash", "Clash.", _made_up_check, options=(clash,))
    with pytest.raises(ValueError, match="is a setting of seedcheck"):
        settings_model((rule,))
