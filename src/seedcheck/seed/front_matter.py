"""Find the front-matter block and parse its YAML, keeping the position of every node.

PyYAML's ``safe_load`` loses positions and silently keeps the last of two equal keys, so
the block is *composed* into nodes (C loader where available) and each value is
constructed separately with the safe constructor: nothing outside YAML's standard tags
is ever built.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor

from seedcheck.seed.located import LocatedValue
from seedcheck.seed.yaml_marks import MarkMover, breaks_otherwise
from seedcheck.seed.yaml_problems import (
    YamlProblem,
    bad_key_message,
    comment_cut,
    construction_problem,
    marked_problem,
    reader_problem,
    tag_problem,
)

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_RESOLVER = yaml.resolver.Resolver()
FENCE = "---"
# More nodes than any honest header has; a bigger expansion is an alias bomb.
MAX_EXPANDED_NODES = 10_000
# Deeper than any honest header; the safe constructor recurses once per level.
MAX_DEPTH = 32
_TOO_DEEP = f"front matter is nested more than {MAX_DEPTH} levels deep"
_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*\s*:(?:\s|$)")
# A header that lost its place keeps its title or byline; Markdown around a note does not.
_HEADER_KEY = re.compile(r"^(?:title|byline)\s*:(?:\s|$)")
# What a closing fence typed wrong looks like: `--- # end`, `----`, `--`, `...`, `—`.
_NEAR_FENCE = re.compile(r"^(?:---.*|-{2,}|\.{3}|[\u2013\u2014]+)\s*$")


@dataclass(frozen=True)
class KeyOccurrence:
    """One key as written, duplicates included."""

    key: str
    line: int
    column: int


@dataclass(frozen=True)
class FrontMatter:
    """The front-matter block of a seed, as found and parsed.

    ``start`` is the 1-based line of the opening fence; ``end`` that of the closing fence,
    or None when the block is never closed. ``root_kind`` says what the YAML held
    (``mapping``, ``sequence``, ``scalar`` or ``empty``), and ``root_line`` the file line
    where that value starts (None when empty). ``comment_cuts`` are values cut short by a
    `` #`` that YAML reads as a comment (the fields are still read). ``near_fence`` is the
    line of an unclosed header that was meant as its closing fence (``--- # end``).
    """

    start: int
    end: int | None
    yaml_problem: YamlProblem | None = None
    root_kind: str = "mapping"
    keys: tuple[KeyOccurrence, ...] = ()
    fields: tuple[LocatedValue, ...] = ()
    bad_keys: tuple[YamlProblem, ...] = ()
    root_line: int | None = None
    comment_cuts: tuple[YamlProblem, ...] = ()
    near_fence: int | None = None


def is_fence(line: str) -> bool:
    # Trailing blanks after the fence are a trailing-whitespace finding, not a new layout.
    return line.rstrip() == FENCE


def find_misplaced_block(lines: Sequence[str]) -> int | None:
    """Index of a ``---`` line below line 1 that opens a YAML header, if any.

    A block counts when a later fence closes it, every non-blank line between looks
    like ``key: value`` or continues one (indented or a list item), and it has a
    ``title:`` or ``byline:`` field: a setext underline and a horizontal rule around
    ``Update: …`` are Markdown, not a header.
    """
    for i in range(1, len(lines)):
        if not is_fence(lines[i]):
            # Only blank lines or one stray line may stand before a real header; a
            # `---` pair further down, below text, is a Markdown rule around a note.
            if lines[i].strip() and any(ln.strip() for ln in lines[:i]):
                return None
            continue
        for j in range(i + 1, len(lines)):
            if is_fence(lines[j]):
                inner = [ln for ln in lines[i + 1 : j] if ln.strip()]
                if (
                    inner
                    and _KEY_LINE.match(inner[0])
                    and all(_KEY_LINE.match(ln) or ln[:1] in (" ", "\t", "-") for ln in inner)
                    and any(_HEADER_KEY.match(ln) for ln in inner)
                ):
                    return i
                break
        return None
    return None


def parse_front_matter(lines: Sequence[str], start: int) -> FrontMatter:
    """Parse the block whose opening fence is ``lines[start]`` (0-based index)."""
    end = next((j for j in range(start + 1, len(lines)) if is_fence(lines[j])), None)
    if end is None:
        return FrontMatter(start=start + 1, end=None, near_fence=_near_fence(lines, start))
    # Lines are kept without their line ending; "\r" would confuse column counting.
    source = "\n".join(ln.rstrip("\r") for ln in lines[start + 1 : end]) + "\n"
    first_line = start + 2  # file line of the first YAML line
    return _parse_yaml(source, start + 1, end + 1, first_line)


def _near_fence(lines: Sequence[str], start: int) -> int | None:
    """1-based line of what was meant to close the header opened at ``lines[start]``.

    Only the first line that is not YAML (a field, an indented or list line, a comment)
    is considered: a ``----`` further down, below body text, is a Markdown rule.
    """
    for j in range(start + 1, len(lines)):
        line = lines[j].rstrip("\r")
        if line.strip() and not (_KEY_LINE.match(line) or line.startswith(("- ", " ", "\t", "#"))):
            return j + 1 if _NEAR_FENCE.match(line) else None
    return None


def _parse_yaml(source: str, start: int, end: int, first_line: int) -> FrontMatter:
    # Rare (a U+2028 pasted from a web page, a stray CR): most headers skip the moving.
    mover = MarkMover(source) if breaks_otherwise(source) else None
    try:
        if _nested_too_deep(source):
            return FrontMatter(start, end, yaml_problem=YamlProblem(first_line, 1, _TOO_DEEP))
        root = yaml.compose(source, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if mover is not None:
            exc = mover.move_error(exc)
        return FrontMatter(start, end, yaml_problem=marked_problem(exc, first_line, source))
    except yaml.reader.ReaderError as exc:
        return FrontMatter(start, end, yaml_problem=reader_problem(exc, source, first_line))
    except yaml.YAMLError as exc:
        return FrontMatter(start, end, yaml_problem=YamlProblem(first_line, 1, str(exc)))
    if root is None:
        return FrontMatter(start, end, root_kind="empty")
    if mover is not None:
        mover.move_nodes(root)
    if not isinstance(root, yaml.MappingNode):
        kind = "sequence" if isinstance(root, yaml.SequenceNode) else "scalar"
        return FrontMatter(start, end, root_kind=kind, root_line=root.start_mark.line + first_line)
    if root.tag not in SafeConstructor.yaml_constructors:  # never built, but refused all the same
        return FrontMatter(
            start, end, yaml_problem=tag_problem(root.tag, root.start_mark, first_line)
        )
    too_big = None if _surely_small(source) else _too_big(root)
    if too_big is not None:
        return FrontMatter(start, end, yaml_problem=YamlProblem(first_line, 1, too_big))
    return _read_mapping(root, start, end, first_line, source.split("\n"))


def _nested_too_deep(source: str) -> bool:
    """Whether lists and mappings nest more than ``MAX_DEPTH`` levels in ``source``.

    Both composers recurse once per level, libyaml's in C, where 40,000 ``[`` overflow
    the stack and kill the process: no exception to catch. The parsers that feed them
    are iterative, so the event stream is walked first, and only as far as the first
    collection past the limit. Raises what the parser raises on other invalid YAML.
    """
    # Each list or mapping starts at an indicator of its own (`[`, `{`, `- `, `? ` or the
    # `:` of its first key): with no more of these than the limit, nothing is too deep,
    # and most headers skip the second parse.
    if sum(source.count(indicator) for indicator in "[{-?:") <= MAX_DEPTH:
        return False
    depth = 0
    try:
        for event in yaml.parse(source, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # libyaml 0.2.5+ refuses 1,000 levels itself, and its scanner reads a line of
        # brackets that far ahead before the first event: the same defect, one message.
        if "maximum nesting depth" in str(exc.problem):
            return True
        raise
    return False


def _read_mapping(
    root: yaml.MappingNode, start: int, end: int, first_line: int, source_lines: list[str]
) -> FrontMatter:
    constructor = SafeConstructor()
    hashes = any("#" in line for line in source_lines)
    keys: list[KeyOccurrence] = []
    fields: dict[str, LocatedValue] = {}
    bad_keys: list[YamlProblem] = []
    comment_cuts: list[YamlProblem] = []
    for key_node, value_node in root.value:
        key_line = key_node.start_mark.line + first_line
        key_column = key_node.start_mark.column + 1
        if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag.endswith(":str")):
            bad_keys.append(YamlProblem(key_line, key_column, bad_key_message(key_node)))
            continue
        key = str(key_node.value)
        keys.append(KeyOccurrence(key, key_line, key_column))
        try:
            value = constructor.construct_document(value_node)
        except yaml.MarkedYAMLError as exc:
            problem = marked_problem(exc, first_line, "\n".join(source_lines))
            return FrontMatter(start, end, yaml_problem=problem)
        # PyYAML's scalar constructors index, look up and parse the text unchecked, so a
        # value its tag does not fit (`!!bool maybe`, `!!int ""`) raises KeyError,
        # IndexError, AttributeError…: whatever it raises is a problem of the value.
        except Exception as exc:
            if not _implicitly_typed(value_node):
                culprit = _unbuildable_scalar(value_node)
                problem = construction_problem(
                    key, culprit or value_node, _implicitly_typed(culprit), exc, first_line
                )
                return FrontMatter(start, end, yaml_problem=problem)
            # An impossible date (2024-02-30) looks like a timestamp to the resolver;
            # keep the text so that the schema reports it at the field.
            value = value_node.value
        # Only a " #" can cut a value: most headers have no "#" at all.
        cut = comment_cut(key, value_node, source_lines, first_line) if hashes else None
        if cut is not None:
            comment_cuts.append(cut)
        # As in YAML itself the last of two equal keys wins; duplicate-key reports it.
        fields[key] = LocatedValue(
            key=key,
            value=value,
            key_line=key_line,
            key_column=key_column,
            line=value_node.start_mark.line + first_line,
            column=value_node.start_mark.column + 1,
            end_line=value_node.end_mark.line + first_line,
            end_column=value_node.end_mark.column + 1,
            node=value_node,
        )
    return FrontMatter(
        start,
        end,
        keys=tuple(keys),
        fields=tuple(fields.values()),
        bad_keys=tuple(bad_keys),
        comment_cuts=tuple(comment_cuts),
    )


def _unbuildable_scalar(node: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar in ``node`` that cannot be built on its own, to point at.

    Aliases make this a graph, walked as far as ``_too_big`` allowed (it ran first).
    """
    stack: list[yaml.Node] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            try:
                SafeConstructor().construct_object(current)
            except Exception:  # see _read_mapping: any exception means this value
                return current
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(child for pair in reversed(current.value) for child in reversed(pair))
    return None


def _implicitly_typed(node: yaml.Node | None) -> bool:
    """Whether the resolver, not a tag, gave this scalar its type: the text looks like one."""
    if not isinstance(node, yaml.ScalarNode):
        return False
    # (True, False): resolved as a plain scalar, the way the parser read this one.
    resolved = _RESOLVER.resolve(  # type: ignore[no-untyped-call]  # untyped in the stubs
        yaml.ScalarNode, node.value, (True, False)
    )
    return bool(resolved == node.tag)


def _surely_small(source: str) -> bool:
    """Whether :func:`_too_big` of ``source``'s tree is surely None, told from the text.

    Without an alias (``*``) every node is met once. A scalar takes characters of its
    own, a list or mapping starts at an indicator of its own (see ``_nested_too_deep``),
    and an empty value or key comes with an indicator (``-``, ``:``, ``?``, ``,``), at
    most two to one: a quarter of ``MAX_EXPANDED_NODES`` characters make fewer nodes
    than that. With fewer indicators than ``MAX_DEPTH``, the scalars below the deepest
    list or mapping are within it too. Most headers are a few short lines, and skip
    the walk.
    """
    return (
        4 * len(source) + 4 < MAX_EXPANDED_NODES
        and "*" not in source
        and sum(source.count(indicator) for indicator in "[{-?:") < MAX_DEPTH
    )


def _too_big(root: yaml.Node) -> str | None:
    """Why the tree is too large (once aliases are expanded) or too deep, or None.

    Walks the expansion iteratively and stops at the first limit, so a billion-laughs
    bomb or a recursive alias costs at most ``MAX_EXPANDED_NODES`` steps, and deep
    nesting never touches Python's recursion limit.
    """
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    seen = 0
    # An alias is a node met a second time: a long list of plain values is no bomb.
    met: set[int] = set()
    aliased = False
    while stack:
        node, depth = stack.pop()
        seen += 1
        aliased = aliased or id(node) in met
        met.add(id(node))
        if seen > MAX_EXPANDED_NODES and aliased:
            return (
                f"front matter expands to more than {MAX_EXPANDED_NODES} values "
                "through anchors and aliases; write the values out"
            )
        if seen > MAX_EXPANDED_NODES:
            return (
                f"front matter has more than {MAX_EXPANDED_NODES} values; "
                "a seed header should be short"
            )
        if depth > MAX_DEPTH:
            return _TOO_DEEP
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
    return None
