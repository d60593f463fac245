"""Refusing regular expressions that can backtrack catastrophically.

Patterns from the settings (the file-name ``pattern``, ``boilerplate-patterns``) run on
text and names a contributor chooses, with Python's backtracking engine. Some shapes make
it try exponentially many ways to match: ``^(a+)+$`` takes minutes on a line of 40 ``a``
and a ``b``. Such a pattern is refused when the settings load, with the reason, instead
of stalling a CI run. The shapes refused:

- a repeated part that holds another repeat of variable length, ``(a+)+`` or ``(\\w*\\s?)*``
  (the text can be cut between the inner and outer repeats in exponentially many ways);
- a repeated alternation whose branches can start with the same character, ``(a|ab)*`` or
  ``(\\w|\\d)+``.

Possessive repeats and atomic groups (``(?>…)``, Python 3.11) never backtrack into
what they matched and are allowed. Linear-time shapes, ``\\d+_[0-9a-f]+``, are untouched.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11 moved the parser; the old name warns there
    from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef,unused-ignore]

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT"}
# A repeat bounded this low tries few enough splits whatever it holds.
_FEW = 8
# The characters a class is tested on: enough to tell ASCII classes and categories apart.
_SAMPLE = "".join(chr(code) for code in range(0x250)) + "\u00a0\u2028\u3000\u0660\u4e00"
_ALL = frozenset(_SAMPLE)
_CATEGORY = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
Items = list[tuple[Any, Any]]


def backtracking_reason(pattern: str) -> str | None:
    """Why ``pattern`` can take exponential time, or None when it cannot.

    ``pattern`` must compile (re.error otherwise).
    """
    return _scan(list(sre_parse.parse(pattern)))


def _scan(items: Items) -> str | None:
    for op, value in items:
        name = str(op)
        if name in _REPEATS:
            _, high, body = value
            if high == sre_parse.MAXREPEAT or high > _FEW:
                reason = _repeated_part(list(body))
                if reason is not None:
                    return reason
            parts = [list(body)]
        elif name == "SUBPATTERN":
            parts = [list(value[-1])]
        elif name == "BRANCH":
            parts = [list(alternative) for alternative in value[1]]
        elif name in ("ASSERT", "ASSERT_NOT"):
            parts = [list(value[1])]
        elif name == "GROUPREF_EXISTS":
            parts = [list(part) for part in value[1:] if part is not None]
        else:  # POSSESSIVE_REPEAT, ATOMIC_GROUP: never backtrack into what they matched
            parts = []
        for part in parts:
            reason = _scan(part)
            if reason is not None:
                return reason
    return None


def _repeated_part(body: Items) -> str | None:
    """Why a part repeated many times can be matched in exponentially many ways."""
    flat = _flatten(body)
    inner = frozenset().union(*(_chars(v[2]) for o, v in flat if _variable_repeat(o, v)))
    if inner:
        # Safe when each turn must match a character the inner repeats cannot, as the
        # comma in (?:\d+,)*: the turns cannot then share out the same text.
        delimited = any(
            (chars := _single(op, value)) is not None and not chars & inner for op, value in flat
        )
        if not delimited:
            return "a repeat inside a repeated part, with nothing to tell the turns apart"
    for op, value in flat:
        if str(op) == "BRANCH":
            starts = [_first(list(alternative)) for alternative in value[1]]
            for index, chars in enumerate(starts):
                if any(chars & other for other in starts[:index]):
                    return "a repeated choice whose branches can start with the same character"
    return None


def _flatten(items: Items) -> Items:
    """The items of a part, with the groups inside it (not repeated) opened up."""
    flat: Items = []
    for op, value in items:
        if str(op) == "SUBPATTERN":
            flat.extend(_flatten(list(value[-1])))
        else:
            flat.append((op, value))
    return flat


def _variable_repeat(op: Any, value: Any) -> bool:
    return str(op) in _REPEATS and value[0] != value[1]


def _first(items: Items) -> frozenset[str]:
    """The characters an alternative may start with (all, when it may be empty)."""
    for op, value in _flatten(items):
        if str(op) == "AT":
            continue
        chars = _single(op, value)
        return chars if chars is not None else _chars([(op, value)])
    return _ALL


def _chars(items: Items) -> frozenset[str]:
    """Every character the items may match (of the sample)."""
    found: set[str] = set()
    for op, value in items:
        name = str(op)
        chars = _single(op, value)
        if chars is not None:
            found |= chars
        elif name in _REPEATS or name == "POSSESSIVE_REPEAT":
            found |= _chars(list(value[2]))
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            found |= _chars(list(value[-1] if name == "SUBPATTERN" else value))
        elif name == "BRANCH":
            for alternative in value[1]:
                found |= _chars(list(alternative))
        elif name not in ("AT", "ASSERT", "ASSERT_NOT"):
            return _ALL  # a back reference, or what this reading does not know
    return frozenset(found)


def _single(op: Any, value: Any) -> frozenset[str] | None:
    """The characters a one-character item matches, or None if it is not one."""
    name = str(op)
    if name == "LITERAL":
        return frozenset({chr(value)} & _ALL or {chr(value)})
    if name == "NOT_LITERAL":
        return _ALL - {chr(value)}
    if name == "ANY":
        return _ALL
    if name == "IN":
        return _in(value)
    return None


def _in(members: list[tuple[Any, Any]]) -> frozenset[str]:
    found: set[str] = set()
    negate = False
    for op, value in members:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            found.add(chr(value))
        elif name == "RANGE":
            found |= {ch for ch in _SAMPLE if value[0] <= ord(ch) <= value[1]}
        elif name == "CATEGORY" and str(value) in _CATEGORY:
            matcher = re.compile(_CATEGORY[str(value)])
            found |= {ch for ch in _SAMPLE if matcher.match(ch)}
        else:
            return _ALL
    return _ALL - found if negate else frozenset(found)


def refuse_backtracking(pattern: str) -> None:
    """Raise ValueError, saying why, if ``pattern`` can backtrack catastrophically."""
    try:
        reason = backtracking_reason(pattern)
    except (re.error, RecursionError):
        return  # compiling it says what is wrong
    if reason is not None:
        raise ValueError(
            f"{pattern!r} can take exponential time on some text ({reason}, as in "
            "'(a+)+'); write it so that each part of the text can match one way only, "
            "e.g. '^a+$' for '^(a+)+$'"
        )
