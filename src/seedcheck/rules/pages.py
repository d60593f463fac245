"""Where the project and its rule documentation live, said once for every output format."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # For types only: the report links its findings' rules without loading them.
    from seedcheck.rules.base import Rule

PROJECT_URL = "https://github.com/seedcheck/seedcheck"


def rule_doc_url(rule: Rule) -> str:
    """The rule's module, whose docstring is its documentation (one module per rule)."""
    return rule_page_url(rule.name)


def rule_page_url(name: str) -> str:
    """:func:`rule_doc_url` of the rule named ``name`` (kebab-case)."""
    module = name.replace("-", "_")
    return f"{PROJECT_URL}/blob/main/src/seedcheck/rules/{module}.py"
