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

from seedcheck.excerpt import excerpt
from seedcheck.located import LocatedValue

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

FENCE = "---"
# More nodes than any honest header has; a bigger expansion is an alias bomb.
MAX_EXPANDED_NODES = 10_000
# Deeper than any honest header; the safe constructor recurses once per level.
MAX_DEPTH = 32
_STANDARD_TAG = "tag:yaml.org,2002:"
_KEY_KINDS = {
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "null": "null (no value)",
    "timestamp": "a date",
    "merge": "a merge key",
}
_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*\s*:(?:\s|$)")
# A header that lost its place keeps its title or byline; Markdown around a note does not.
_HEADER_KEY = re.compile(r"^(?:title|byline)\s*:(?:\s|$)")
# `key: value` on one line, for hints that quote the value as written.
_VALUE_LINE = re.compile(r"^[ \t]*(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+(?P<value>\S.*?)[ \t]*$")
# Characters that YAML reads as syntax at the start of a value; such text must be quoted.
_QUOTE_FIRST = "\"'[{`@%*|>"
# What a closing fence typed wrong looks like: `--- # end`, `----`, `--`, `...`, `—`.
_NEAR_FENCE = re.compile(r"^(?:---.*|-{2,}|\.{3}|[\u2013\u2014]+)\s*$")
# Where a hint quotes a value as written, it shows no more than this.
_SHOWN_VALUE = 80


@dataclass(frozen=True)
class YamlProblem:
    """Why the YAML could not be used, and where (1-based, in file coordinates)."""

    line: int
    column: int
    message: str


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
    try:
        root = yaml.compose(source, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return FrontMatter(start, end, yaml_problem=_marked_problem(exc, first_line, source))
    except yaml.reader.ReaderError as exc:
        return FrontMatter(start, end, yaml_problem=_reader_problem(exc, source, first_line))
    except yaml.YAMLError as exc:
        return FrontMatter(start, end, yaml_problem=YamlProblem(first_line, 1, str(exc)))
    except RecursionError:
        too_deep = YamlProblem(first_line, 1, "front matter is nested too deeply")
        return FrontMatter(start, end, yaml_problem=too_deep)
    if root is None:
        return FrontMatter(start, end, root_kind="empty")
    if not isinstance(root, yaml.MappingNode):
        kind = "sequence" if isinstance(root, yaml.SequenceNode) else "scalar"
        return FrontMatter(start, end, root_kind=kind, root_line=root.start_mark.line + first_line)
    if root.tag not in SafeConstructor.yaml_constructors:  # never built, but refused all the same
        return FrontMatter(
            start, end, yaml_problem=_tag_problem(root.tag, root.start_mark, first_line)
        )
    too_big = _too_big(root)
    if too_big is not None:
        return FrontMatter(start, end, yaml_problem=YamlProblem(first_line, 1, too_big))
    return _read_mapping(root, start, end, first_line, source.split("\n"))


def _read_mapping(
    root: yaml.MappingNode, start: int, end: int, first_line: int, source_lines: list[str]
) -> FrontMatter:
    constructor = SafeConstructor()
    keys: list[KeyOccurrence] = []
    fields: dict[str, LocatedValue] = {}
    bad_keys: list[YamlProblem] = []
    comment_cuts: list[YamlProblem] = []
    for key_node, value_node in root.value:
        key_line = key_node.start_mark.line + first_line
        key_column = key_node.start_mark.column + 1
        if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag.endswith(":str")):
            bad_keys.append(YamlProblem(key_line, key_column, _bad_key_message(key_node)))
            continue
        key = str(key_node.value)
        keys.append(KeyOccurrence(key, key_line, key_column))
        try:
            value = constructor.construct_document(value_node)
        except yaml.MarkedYAMLError as exc:
            problem = _marked_problem(exc, first_line, "\n".join(source_lines))
            return FrontMatter(start, end, yaml_problem=problem)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            if not isinstance(value_node, yaml.ScalarNode) or isinstance(exc, yaml.YAMLError):
                problem = YamlProblem(
                    value_node.start_mark.line + first_line,
                    value_node.start_mark.column + 1,
                    f"value of {excerpt(key, 40)} cannot be read: {exc}",
                )
                return FrontMatter(start, end, yaml_problem=problem)
            # An impossible date (2024-02-30) looks like a timestamp to the resolver;
            # keep the text so that the schema reports it at the field.
            value = value_node.value
        cut = _comment_cut(key, value_node, source_lines, first_line)
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


def _comment_cut(
    key: str, node: yaml.Node, source_lines: list[str], first_line: int
) -> YamlProblem | None:
    """`` #`` after plain text (``title: Foo #1 Bar`` is ``Foo``): a comment that cuts it.

    A comment after a quoted or non-text value, or on a line of its own, is meant as one.
    """
    # A plain scalar has no style: None from the pure loader, "" from the C one.
    if not isinstance(node, yaml.ScalarNode) or node.style or not node.tag.endswith(":str"):
        return None
    end = node.end_mark
    line = source_lines[end.line] if end.line < len(source_lines) else ""
    comment = re.match(r"[ \t]+#", line[end.column :])
    if comment is None:
        return None
    name = key if _KEY_LINE.match(f"{key}:") else excerpt(key, 40)
    one_line = node.start_mark.line == end.line
    quoted = _quoted_field(key, line[node.start_mark.column :].rstrip()) if one_line else None
    advice = f" ({quoted}) or put the comment on a line of its own" if quoted else ""
    message = (
        f"' #' starts a YAML comment, so {name} is cut to {excerpt(str(node.value), 40)}; "
        f"quote the value{advice}"
    )
    # comment.end() counts up to and with the `#`: its 1-based column.
    return YamlProblem(end.line + first_line, end.column + comment.end(), message)


def _quoted_field(key: str, value: str) -> str | None:
    """``key: "value"``, quoted so that YAML reads the value back as this very text.

    None when the value holds a tab or another character a message must not show raw.
    """
    if not (key + value).isprintable():
        return None
    # Inside single quotes only ' needs escaping (doubled); inside double quotes " and \ do.
    single = '"' in value or "\\" in value
    quoted = "'" + value.replace("'", "''") + "'" if single else f'"{value}"'
    shown = f"{key}: {quoted}"
    return shown if len(shown) <= _SHOWN_VALUE else shown[:_SHOWN_VALUE] + "…"


def _quote_hint(text: str, column: int, problem: str) -> str | None:
    """A hint for a value that starts with YAML syntax (``"Quote" Leads…``, ``[Update] …``).

    ``text`` is the line where the parser stopped and ``column`` (0-based) where. Only a
    value that is not valid YAML on its own is at fault (not one below an unclosed list),
    and ``[a, "b" c]`` is a broken list, not text: ``[`` and ``{`` need text after the
    closing bracket ("expected key").
    """
    match = _VALUE_LINE.match(text)
    if match is None or column < match.start("value") or match["value"][0] not in _QUOTE_FIRST:
        return None
    if match["value"][0] in "[{" and "expected key" not in problem:
        return None
    try:
        yaml.compose(f"k: {match['value']}", Loader=_Loader)
    except yaml.YAMLError:
        return _must_quote(match["key"], match["value"], " as a whole")
    return None


def _must_quote(key: str, value: str, how: str = "") -> str:
    hint = f"a value that starts with {excerpt(value[0])} must be quoted{how}"
    quoted = _quoted_field(key, value)
    return hint if quoted is None else f"{hint}: {quoted}"


def _bad_key_message(node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):
        return "a field name is a list or mapping, not a string; write `name: value`"
    # YAML 1.1 reads `1`, `yes`, `null` or `2024-01-01` as other types than text.
    kind = _KEY_KINDS.get(node.tag.removeprefix(_STANDARD_TAG))
    shown = excerpt(str(node.value), 40)
    if kind is None:
        return f"field name {shown} has the tag {excerpt(_short_tag(node.tag), 60)}; remove the tag"
    return f"field name {shown} is read as {kind}, not a string; quote it or rename the field"


def _marked_problem(exc: yaml.MarkedYAMLError, first_line: int, source: str = "") -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else first_line
    column = mark.column + 1 if mark else 1
    refused = re.fullmatch(
        r"could not determine a constructor for the tag '(.*)'", exc.problem or ""
    )
    text = source.split("\n")[mark.line] if mark and source.count("\n") > mark.line else ""
    if refused and mark:
        return _tag_problem(refused.group(1), mark, first_line, text)
    hint = _quote_hint(text, mark.column, exc.problem or "") if mark else None
    if hint is not None:
        # "while parsing a block mapping started on line 2" says nothing useful here.
        return YamlProblem(line, column, f"invalid YAML: {exc.problem} ({hint})")
    context = exc.context
    where = exc.context_mark
    if context and where and mark and (where.line, where.column) != (mark.line, mark.column):
        # Where the parser stopped can be far from what it was reading (an unclosed quote).
        context += f" started on line {where.line + first_line}, column {where.column + 1}"
    parts = [p for p in (context, exc.problem) if p]
    message = "; ".join(parts) if parts else "invalid YAML"
    if "mapping values are not allowed" in message:
        key = text[: mark.column].strip() if mark else ""
        if text[:1] in (" ", "\t") and key and " " not in key:
            # `  byline: x` below `title: y` continues the title; the colon is the error.
            message += " (this line is indented; start each field at the beginning of a line)"
        else:
            message += " (quote a value that contains ': ')"
    elif mark and "tab" not in message and text[mark.column : mark.column + 1] == "\t":
        message += " (a tab; indent YAML with spaces)"
    return YamlProblem(line, column, f"invalid YAML: {message}")


def _reader_problem(exc: yaml.reader.ReaderError, source: str, first_line: int) -> YamlProblem:
    # The reader stops at the first character it refuses; its offset counts bytes in the
    # C loader and characters in the pure one, so find the character itself.
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    offset = max(source.find(char), 0)
    line = first_line + source.count("\n", 0, offset)
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return YamlProblem(
        line, column, f"invalid YAML: character U+{ord(char):04X} is not allowed in YAML; delete it"
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STANDARD_TAG) if tag.startswith(_STANDARD_TAG) else tag


def _tag_problem(tag: str, mark: yaml.Mark, first_line: int, text: str = "") -> YamlProblem:
    message = (
        f"tag {excerpt(_short_tag(tag), 60)} is not allowed: only YAML's standard tags are read; "
        "remove the tag"
    )
    # `title: !Bang start` is a headline, not a tag: a local tag on a field's value.
    match = _VALUE_LINE.match(text)
    local = tag.startswith("!") and not tag.startswith("!!")
    if match is not None and local and match.start("value") == mark.column:
        message += f" ({_must_quote(match.group('key'), match.group('value'))})"
    return YamlProblem(mark.line + first_line, mark.column + 1, message)


def _too_big(root: yaml.Node) -> str | None:
    """Why the tree is too large once aliases are expanded, or None.

    Walks the expansion iteratively and stops at the first limit, so a billion-laughs
    bomb or a recursive alias costs at most ``MAX_EXPANDED_NODES`` steps, and deep
    nesting never touches Python's recursion limit.
    """
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    seen = 0
    while stack:
        node, depth = stack.pop()
        seen += 1
        if seen > MAX_EXPANDED_NODES:
            return (
                f"front matter expands to more than {MAX_EXPANDED_NODES} values "
                "through anchors and aliases; write the values out"
            )
        if depth > MAX_DEPTH:
            return f"front matter is nested more than {MAX_DEPTH} levels deep"
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
    return None
