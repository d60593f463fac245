"""PyYAML's errors and pitfalls, turned into messages a person can act on.

The parser says where it stopped and what it expected; these functions add where the
broken part began, and the usual cause with its fix (quote a value that starts with YAML
syntax, indent with spaces, remove a tag), quoting the value as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from seedcheck.text.excerpt import excerpt

_STANDARD_TAG = "tag:yaml.org,2002:"
_KEY_KINDS = {
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "null": "null (no value)",
    "timestamp": "a date",
    "merge": "a merge key",
}
# `key: value` on one line, for hints that quote the value as written.
_VALUE_LINE = re.compile(r"^[ \t]*(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+(?P<value>\S.*?)[ \t]*$")
# Characters that YAML reads as syntax at the start of a value; such text must be quoted.
_QUOTE_FIRST = "\"'[{`@%*|>"
# Where a hint quotes a value as written, it shows no more than this.
_SHOWN_VALUE = 60
_KEY_NAME = re.compile(r"[A-Za-z_][\w-]*")
# A quote in PyYAML's message longer than a message should show of the input.
_LONG_QUOTE = re.compile(r"'(?P<quoted>[^'\n]{41,})'")


@dataclass(frozen=True)
class YamlProblem:
    """Why the YAML could not be used, and where (1-based, in file coordinates)."""

    line: int
    column: int
    message: str


def comment_cut(
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
    name = key if _KEY_NAME.fullmatch(key) else excerpt(key, 40)
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
        yaml.compose(f"k: {match['value']}", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return _must_quote(match["key"], match["value"], " as a whole")
    return None


def _must_quote(key: str, value: str, how: str = "") -> str:
    hint = f"a value that starts with {excerpt(value[0])} must be quoted{how}"
    quoted = _quoted_field(key, value)
    return hint if quoted is None else f"{hint}: {quoted}"


def bad_key_message(node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):
        return "a field name is a list or mapping, not a string; write `name: value`"
    # YAML 1.1 reads `1`, `yes`, `null` or `2024-01-01` as other types than text.
    kind = _KEY_KINDS.get(node.tag.removeprefix(_STANDARD_TAG))
    shown = excerpt(str(node.value), 40)
    if kind is None:
        return f"field name {shown} has the tag {excerpt(_short_tag(node.tag), 60)}; remove the tag"
    return f"field name {shown} is read as {kind}, not a string; quote it or rename the field"


def construction_problem(
    key: str, node: yaml.Node, implicit: bool, exc: Exception, first_line: int
) -> YamlProblem:
    """Why a value the parser accepted could not be built, at the value (or its tag).

    ``node`` is the scalar at fault where one is, ``implicit`` whether its type comes
    from how it looks (``2024-02-30``) rather than from a tag (``!!bool maybe``).
    """
    tag = node.tag.removeprefix(_STANDARD_TAG)
    if isinstance(node, yaml.ScalarNode) and implicit:
        shown = excerpt(str(node.value), 40)
        message = f"{shown} is read as a {tag}, but is not a valid one; correct it or quote it"
    elif isinstance(node, yaml.ScalarNode):
        shown = excerpt(str(node.value), 40)
        message = f"!!{tag} {shown} is not a valid {tag}; correct the value or remove the tag"
    else:
        reason = excerpt(str(exc) or type(exc).__name__, 80)
        message = f"value of {excerpt(key, 40)} cannot be read: {reason}"
    mark = node.start_mark
    return YamlProblem(mark.line + first_line, mark.column + 1, f"invalid YAML: {message}")


def marked_problem(exc: yaml.MarkedYAMLError, first_line: int, source: str = "") -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else first_line
    column = mark.column + 1 if mark else 1
    refused = re.fullmatch(
        r"could not determine a constructor for the tag '(.*)'", exc.problem or ""
    )
    text = source.split("\n")[mark.line] if mark and source.count("\n") > mark.line else ""
    if refused and mark:
        return tag_problem(refused.group(1), mark, first_line, text)
    hint = _quote_hint(text, mark.column, exc.problem or "") if mark else None
    if hint is not None:
        # "while parsing a block mapping started on line 2" says nothing useful here.
        return YamlProblem(line, column, f"invalid YAML: {_bounded(exc.problem)} ({hint})")
    context = _bounded(exc.context)
    where = exc.context_mark
    if context and where and mark and (where.line, where.column) != (mark.line, mark.column):
        # Where the parser stopped can be far from what it was reading (an unclosed quote).
        context += f" started on line {where.line + first_line}, column {where.column + 1}"
    parts = [p for p in (context, _bounded(exc.problem)) if p]
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


def _bounded(text: str | None) -> str | None:
    """PyYAML's words, with what they quote of the input cut to an excerpt.

    The pure-Python loader quotes an alias or anchor name whole (``found undefined
    alias 'aaa…'``), however long it is.
    """
    if text is None:
        return None
    return _LONG_QUOTE.sub(lambda match: excerpt(match.group("quoted"), 40), text)


def reader_problem(exc: yaml.reader.ReaderError, source: str, first_line: int) -> YamlProblem:
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


def tag_problem(tag: str, mark: yaml.Mark, first_line: int, text: str = "") -> YamlProblem:
    message = (
        f"tag {excerpt(_short_tag(tag), 40)} is not allowed: only YAML's standard tags are read; "
        "remove the tag"
    )
    # `title: !Bang start` is a headline, not a tag: a local tag on a field's value.
    match = _VALUE_LINE.match(text)
    local = tag.startswith("!") and not tag.startswith("!!")
    if match is not None and local and match.start("value") == mark.column:
        message += f" ({_must_quote(match.group('key'), match.group('value'))})"
    return YamlProblem(mark.line + first_line, mark.column + 1, message)
