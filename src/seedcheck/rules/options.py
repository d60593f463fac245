"""Rule options: how a rule declares them, and the values rules read.

A configurable rule declares each of its options once, at module level, as an
:class:`Option` (key, type, default, one line of docs, bounds), and lists it in its rule.
The settings model, the configuration's JSON Schema and the README's option lines are
made from those declarations (``config/settings.py``, ``config/option_docs.py``).

Rules stay pure: the engine hands them a :class:`RuleOptions` built from the settings
(``options_from`` in ``config/settings.py``), never the settings object itself. It is
frozen and picklable, so it can travel to worker processes and key a cache.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

_T = TypeVar("_T")

_KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Option(Generic[_T]):
    """One option of a rule: its key in the configuration, type, default and doc.

    ``doc`` is one line; the schema and the README show it after the name of the rule.
    ``ge``, ``gt`` and ``le`` bound a number; ``validate`` checks a value further and
    raises ValueError with a message for people (it names no key: the loader adds it).
    A float option takes finite numbers only. A list option is typed
    ``tuple[X, ...]``: rules read a tuple, users write a list.
    """

    name: str
    type: type[_T]
    default: _T
    doc: str
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    validate: Callable[[_T], None] | None = None

    def __post_init__(self) -> None:
        # The settings field is the name with underscores; it must map back to this key.
        if not _KEBAB.fullmatch(self.name):
            raise ValueError(f"option name {self.name!r} is not kebab-case")


@dataclass(frozen=True)
class RuleOptions:
    """The values of the options in a run, by option name; one not given has its default.

    Read with the declaration: ``options[BODY_MIN_WORDS]`` is an ``int``.
    """

    values: tuple[tuple[str, object], ...] = ()

    def __post_init__(self) -> None:
        # In name order whatever the caller's, so that equal options make one cache key.
        object.__setattr__(self, "values", tuple(sorted(dict(self.values).items())))

    @classmethod
    def of(cls, values: Mapping[str, object]) -> RuleOptions:
        """Options with these values (option name to value)."""
        return cls(tuple(values.items()))

    def __getitem__(self, option: Option[_T]) -> _T:
        for name, value in self.values:
            if name == option.name:
                return cast(_T, value)
        return option.default
