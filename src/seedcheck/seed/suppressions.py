"""The rules a seed's reserved ``seedcheck`` field silences, and where each is named.

A seed's body is data for later use, so suppressions are never comments in the text: a
front-matter seed names them in its header::

    seedcheck:
      ignore: [duplicate-line]
      reason: the chorus is printed twice in the original

The selectors are checked against the rules, and applied, after the rules have run
(``config.suppressions``); here they are only read, with the line and column of each, so
that a suppression that silences nothing can be pointed at.
"""

from __future__ import annotations

import yaml

from seedcheck.seed.file import SeedFile

#: (selector, line, column) of each rule a seed's header names under seedcheck.ignore.
Suppression = tuple[str, int, int]


def suppressions(seed: SeedFile) -> tuple[Suppression, ...]:
    """The suppressions of ``seed``, in the order written; none for a plain seed."""
    located = seed.field("seedcheck")
    if located is None or not isinstance(located.value, dict):
        return ()
    items = located.value.get("ignore")
    if not isinstance(items, list):
        return ()
    # The node's marks count the file's lines from 0 (the header is parsed in place).
    positions = [(line + 1, column) for line, column in _item_positions(located.node)]
    found = []
    for index, item in enumerate(items):
        if isinstance(item, str) and item.strip():
            line, column = (
                positions[index]
                if index < len(positions)
                else (
                    located.key_line,
                    located.key_column,
                )
            )
            found.append((item.strip(), line, column))
    return tuple(found)


def _item_positions(node: yaml.Node | None) -> list[tuple[int, int]]:
    """The line (0-based, in the header) and 1-based column of each item of the value
    node's ``ignore`` list."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "ignore":
            if isinstance(value, yaml.SequenceNode):
                return [
                    (item.start_mark.line + 1, item.start_mark.column + 1) for item in value.value
                ]
            return [(value.start_mark.line + 1, value.start_mark.column + 1)]
    return []
