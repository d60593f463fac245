"""Output formats, by name. Adding one is a module here plus one entry in REPORTERS.

The maps name a module and a class instead of holding the class, so that a run imports
only the reporter it uses (SARIF needs every rule's documentation, JUnit needs XML) and
``seedcheck --help`` imports none.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seedcheck.reporters.base import Reporter


class ReporterMap(Mapping[str, "type[Reporter]"]):
    """Format name → reporter class, each imported when it is first looked up."""

    def __init__(self, places: Mapping[str, str]) -> None:
        self._places = dict(places)

    def __getitem__(self, name: str) -> type[Reporter]:
        module, _, attribute = self._places[name].partition(":")
        found: type[Reporter] = getattr(importlib.import_module(module), attribute)
        return found

    def __contains__(self, name: object) -> bool:
        # Mapping's own __contains__ would look the class up, importing its module.
        return name in self._places

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


REPORTERS = ReporterMap(
    {
        "text": "seedcheck.reporters.text:TextReporter",
        "json": "seedcheck.reporters.json_format:JsonReporter",
        "github": "seedcheck.reporters.github:GithubReporter",
        "sarif": "seedcheck.reporters.sarif:SarifReporter",
        "junit": "seedcheck.reporters.junit:JunitReporter",
    }
)

# --statistics replaces the findings with counts per rule, in these formats only.
STATISTICS_REPORTERS = ReporterMap(
    {
        "text": "seedcheck.reporters.statistics:TextStatisticsReporter",
        "json": "seedcheck.reporters.statistics:JsonStatisticsReporter",
    }
)

__all__ = ["REPORTERS", "STATISTICS_REPORTERS", "ReporterMap"]
