"""``seedcheck rules`` lists every rule; ``seedcheck rule NAME`` explains one."""

from __future__ import annotations

import argparse
from typing import Any

from seedcheck.errors import SeedcheckError


def add_parsers(sub: Any) -> None:
    listing: argparse.ArgumentParser = sub.add_parser(
        "rules", help="list every rule with its code, name and default severity"
    )
    listing.set_defaults(run=run_list)
    one: argparse.ArgumentParser = sub.add_parser(
        "rule", help="explain one rule: what, why, an example, how to fix"
    )
    one.add_argument("rule", metavar="NAME-or-CODE")
    one.set_defaults(run=run_one)


def run_list(args: argparse.Namespace) -> int:
    from seedcheck.rules.registry import RULES

    width = max(len(rule.name) for rule in RULES)
    for rule in RULES:
        print(f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  {rule.summary}")
    return 0


def run_one(args: argparse.Namespace) -> int:
    from seedcheck.rules.registry import find_rule

    rule = find_rule(args.rule)
    if rule is None:
        raise SeedcheckError(f"no rule named {args.rule!r}; see `seedcheck rules`")
    # The docs open with "name: summary"; the header already names the rule.
    doc = rule.doc.removeprefix(f"{rule.name}: ")
    print(f"{rule.code} {rule.name} ({rule.severity.value} by default)\n")
    print(doc[:1].upper() + doc[1:])
    return 0
