"""Rule options: a declaration read through RuleOptions, and a rule base that loads no rule."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from seedcheck.rules.body_too_short import BODY_MIN_WORDS
from seedcheck.rules.boilerplate import BOILERPLATE_PATTERNS
from seedcheck.rules.near_duplicate_document import RULE as NEAR_DUPLICATE_RULE
from seedcheck.rules.near_duplicate_document import signing
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.rules.registry import RULES
from seedcheck.seed.summary import Signing


def test_an_option_not_given_reads_as_its_declared_default() -> None:
    options = RuleOptions.of({"boilerplate-patterns": ("^Ad$",)})
    assert options[BODY_MIN_WORDS] == 50
    assert options[BOILERPLATE_PATTERNS] == ("^Ad$",)
    assert RuleOptions()[BOILERPLATE_PATTERNS] == ()


def test_equal_options_are_one_cache_key_whatever_their_order() -> None:
    # The worker's job and the cache key hold RuleOptions: its repr must not depend on
    # the order the values were given in.
    one = RuleOptions.of({"body-min-words": 7, "boilerplate-patterns": ("^Ad$",)})
    two = RuleOptions.of({"boilerplate-patterns": ("^Ad$",), "body-min-words": 7})
    assert one == two
    assert hash(one) == hash(two)
    assert repr(one) == repr(two)
    assert repr(one) == (
        "RuleOptions(values=(('body-min-words', 7), ('boilerplate-patterns', ('^Ad$',))))"
    )


def test_rule_options_travel_to_worker_processes_unchanged() -> None:
    options = RuleOptions.of({"body-min-words": 7, "boilerplate-patterns": ("^Ad$",)})
    copy = pickle.loads(pickle.dumps(options))
    assert copy == options
    assert copy[BODY_MIN_WORDS] == 7


def test_rule_options_are_frozen() -> None:
    options = RuleOptions()
    with pytest.raises(AttributeError):
        options.values = ()  # type: ignore[misc]


def test_an_option_name_is_kebab_case() -> None:
    with pytest.raises(ValueError, match="not kebab-case"):
        Option("body_min_words", int, 50, "fewest words a body may have.")


def test_seeds_are_signed_with_the_near_duplicate_options() -> None:
    assert signing(RuleOptions()) == Signing(128, 32, 20)
    changed = RuleOptions.of({"near-duplicate-permutations": 64, "near-duplicate-bands": 16})
    assert signing(changed) == Signing(64, 16, 20)


def test_the_near_duplicate_rule_checks_that_bands_divide_permutations() -> None:
    check = NEAR_DUPLICATE_RULE.check_options
    assert check is not None
    check(RuleOptions())
    with pytest.raises(ValueError, match=r"near-duplicate-bands \(3\) must divide"):
        check(RuleOptions.of({"near-duplicate-bands": 3}))


def test_each_configurable_rule_lists_options_declared_once() -> None:
    # One declaration per key: two rules reading an option list the same object.
    declared: dict[str, Option[object]] = {}
    for rule in RULES:
        for option in rule.options:
            assert declared.setdefault(option.name, option) is option, option.name
    assert "duplicate-shingle-words" in declared


def test_importing_the_rule_base_loads_no_rule() -> None:
    # The code table (rules/registry.py) is apart from the rule base, as ruff's codes.rs.
    code = (
        "import sys, seedcheck.rules.base\n"
        "print(sorted(m for m in sys.modules if m.startswith('seedcheck.rules.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['seedcheck.rules.base', 'seedcheck.rules.options']"
