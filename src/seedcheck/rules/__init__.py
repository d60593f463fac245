"""The rule registry: every rule, explicitly, in code order.

Adding a rule is one new module plus one line here.
"""

from __future__ import annotations

from seedcheck.rules import (
    byline_invalid,
    byte_order_mark,
    control_character,
    duplicate_id,
    duplicate_key,
    duplicate_number,
    exact_duplicate_document,
    file_too_large,
    filename_pattern,
    front_matter_misplaced,
    front_matter_not_mapping,
    front_matter_unterminated,
    index_digest,
    index_markers,
    index_mismatch,
    index_missing,
    index_missing_entry,
    index_order,
    index_orphan_entry,
    index_table,
    invalid_field,
    invalid_utf8,
    line_ending,
    missing_byline,
    missing_field,
    missing_final_newline,
    missing_title,
    near_duplicate_document,
    not_a_regular_file,
    numbering_gap,
    title_invalid,
    trailing_whitespace,
    unexpected_file,
    unknown_field,
    unreadable_file,
    yaml_syntax,
)
from seedcheck.rules.base import Rule

RULES: tuple[Rule, ...] = (
    invalid_utf8.RULE,
    byte_order_mark.RULE,
    control_character.RULE,
    line_ending.RULE,
    missing_final_newline.RULE,
    trailing_whitespace.RULE,
    file_too_large.RULE,
    filename_pattern.RULE,
    not_a_regular_file.RULE,
    unexpected_file.RULE,
    unreadable_file.RULE,
    front_matter_unterminated.RULE,
    front_matter_misplaced.RULE,
    yaml_syntax.RULE,
    front_matter_not_mapping.RULE,
    duplicate_key.RULE,
    unknown_field.RULE,
    missing_field.RULE,
    invalid_field.RULE,
    missing_title.RULE,
    title_invalid.RULE,
    missing_byline.RULE,
    byline_invalid.RULE,
    exact_duplicate_document.RULE,
    near_duplicate_document.RULE,
    index_missing.RULE,
    index_markers.RULE,
    index_table.RULE,
    index_missing_entry.RULE,
    index_orphan_entry.RULE,
    index_mismatch.RULE,
    index_digest.RULE,
    index_order.RULE,
    duplicate_number.RULE,
    duplicate_id.RULE,
    numbering_gap.RULE,
)

BY_NAME = {rule.name: rule for rule in RULES}
BY_CODE = {rule.code: rule for rule in RULES}


def find_rule(name_or_code: str) -> Rule | None:
    """The rule with this kebab-case name or code (case-insensitive code)."""
    return BY_NAME.get(name_or_code) or BY_CODE.get(name_or_code.upper())
