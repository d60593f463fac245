"""Where the project and its rule documentation live, said once for every output format."""

from __future__ import annotations

from seedcheck.rules.base import Rule

PROJECT_URL = "https://github.com/seedcheck/seedcheck"


def rule_doc_url(rule: Rule) -> str:
    """The rule's module, whose docstring is its documentation (one module per rule)."""
    module = rule.name.replace("-", "_")
    return f"{PROJECT_URL}/blob/main/src/seedcheck/rules/{module}.py"
