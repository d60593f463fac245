"""Which rules run, where, and how severe their findings are: decided here, once.

Rules never look at the configuration. ``select``/``ignore`` take rule names, codes or
code prefixes (``SC2`` is every front-matter rule, ``ALL`` every rule); a rule runs when
it is selected (everything is, by default) and not ignored. ``per-file-ignores`` maps a
glob, matched against the path relative to the project root, to rules ignored there;
``severity`` maps a name or code to ``error`` or ``warning``.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.errors import SeedcheckError
from seedcheck.rules.base import Rule
from seedcheck.rules.registry import BY_CODE, BY_NAME, RULES

_CODE_PREFIX = re.compile(r"SC\d{0,3}")


def _matches(rule: Rule, selector: str) -> bool:
    upper = selector.upper()
    if upper == "ALL" or selector == rule.name:
        return True
    # Only whole-family prefixes (SC, SC1, SC10, SC101): a stray "S" is a typo.
    return bool(_CODE_PREFIX.fullmatch(upper)) and rule.code.startswith(upper)


def selects(rule: Rule, selector: str) -> bool:
    """Whether ``selector`` (a name, code, code prefix or ALL) takes in ``rule``."""
    return _matches(rule, selector)


def check_selectors(selectors: Iterable[str], where: str) -> None:
    """Refuse a selector that names no rule: a typo must not silently select nothing."""
    for selector in selectors:
        if not any(_matches(rule, selector) for rule in RULES):
            hint = suggestion(selector)
            also = f" (did you mean {hint!r}?)" if hint else ""
            raise SeedcheckError(
                f"unknown rule {selector!r} in {where}{also}; see `seedcheck rules`"
            )


def suggestion(selector: str) -> str | None:
    """The rule name or code a mistyped selector most likely meant, or None."""
    # Names are kebab-case and codes upper-case; people write snake_case and sc106.
    name = selector.strip().lower().replace("_", "-").replace(" ", "-")
    if name in BY_NAME:
        return name
    close = difflib.get_close_matches(name, list(BY_NAME), n=1, cutoff=0.75)
    if close:
        return close[0]
    code = selector.strip().upper()
    if len(code) < len("SC101"):  # SC9: too short to tell which code was meant
        return None
    typed_on = [known for known in BY_CODE if code.startswith(known)]  # SC1011: one key more
    if typed_on:
        return typed_on[0]
    family = [known for known in BY_CODE if known[:3] == code[:3]] or list(BY_CODE)
    close = difflib.get_close_matches(code, family, n=1, cutoff=0.75)
    return close[0] if close else None


@dataclass(frozen=True)
class Selection:
    """The decision for a run; built from configuration and command line."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, Sequence[str]] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)
    root: Path = Path()

    def __post_init__(self) -> None:
        check_selectors(self.select, "select")
        check_selectors(self.ignore, "ignore")
        for pattern, names in self.per_file_ignores.items():
            check_selectors(names, f"per-file-ignores {pattern!r}")
        for key in self.severity:
            if key not in BY_NAME and key.upper() not in BY_CODE:
                if any(_matches(rule, key) for rule in RULES):  # SC1 or ALL: valid in select
                    raise SeedcheckError(
                        f"severity takes one rule (name or full code), not {key!r}"
                    )
                raise SeedcheckError(f"unknown rule {key!r} in severity; see `seedcheck rules`")

    def enabled(self, rule: Rule) -> bool:
        selected = not self.select or any(_matches(rule, s) for s in self.select)
        return selected and not any(_matches(rule, s) for s in self.ignore)

    def enabled_rules(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in RULES if self.enabled(rule))

    def apply(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """Drop per-file-ignored findings and set configured severities."""
        kept = []
        for diagnostic in diagnostics:
            rule = BY_CODE[diagnostic.code]
            if self._ignored_in_file(rule, diagnostic.path):
                continue
            # __post_init__ accepts a code in any case; look it up the same way.
            severity = next(
                (v for k, v in self.severity.items() if k == rule.name or k.upper() == rule.code),
                None,
            )
            kept.append(
                diagnostic._replace(severity=Severity(severity)) if severity else diagnostic
            )
        return kept

    def _ignored_in_file(self, rule: Rule, path: str) -> bool:
        if not self.per_file_ignores:
            return False
        try:  # "../seeds/x.txt" for a corpus beside the config's folder, as ruff does
            relative = PurePath(os.path.relpath(path, self.root)).as_posix()
        except ValueError:  # on another Windows drive
            relative = PurePath(path).as_posix()
        for pattern, names in self.per_file_ignores.items():
            if fnmatch.fnmatchcase(relative, pattern) and any(_matches(rule, n) for n in names):
                return True
        return False
