"""PyYAML's marks moved to the lines of the file.

YAML breaks lines at a carriage return, NEL (U+0085), LINE SEPARATOR (U+2028) and
PARAGRAPH SEPARATOR (U+2029) as well as at a line feed, and PyYAML and libyaml number
lines and columns so. seedcheck numbers lines as editors and the other rules do, by
line feeds: after one of those characters in a header, every mark would point lines
below and columns left of its text. A mark's index (its character offset, the same in
both loaders) says where it really is.
"""

from __future__ import annotations

import bisect
import re

import yaml

_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def breaks_otherwise(source: str) -> bool:
    """Whether YAML numbers the lines of ``source`` differently from its line feeds."""
    return any(character in source for character in _OTHER_BREAKS)


class MarkMover:
    """Moves marks in ``source`` to 0-based lines and columns by line feeds alone."""

    def __init__(self, source: str) -> None:
        self._starts = [0, *(match.end() for match in re.finditer("\n", source))]

    def move(self, mark: yaml.Mark) -> yaml.Mark:
        line = bisect.bisect_right(self._starts, mark.index) - 1
        column = mark.index - self._starts[line]
        return yaml.Mark(mark.name, mark.index, line, column, mark.buffer, mark.pointer)

    def move_nodes(self, root: yaml.Node) -> None:
        """Move the marks of ``root`` and of every node in it, in place."""
        # Iterative: nesting is limited before composing, but not to what recursion bears.
        stack = [root]
        seen: set[int] = set()  # an alias makes one node the value of several
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            node.start_mark = self.move(node.start_mark)
            node.end_mark = self.move(node.end_mark)
            if isinstance(node, yaml.MappingNode):
                stack.extend(part for pair in node.value for part in pair)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)

    def move_error(self, error: yaml.MarkedYAMLError) -> yaml.MarkedYAMLError:
        """``error`` with its marks moved (in place)."""
        if error.problem_mark is not None:
            error.problem_mark = self.move(error.problem_mark)
        if error.context_mark is not None:
            error.context_mark = self.move(error.context_mark)
        return error
