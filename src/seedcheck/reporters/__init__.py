"""Output formats, by name. Adding one is a module here plus one entry in REPORTERS."""

from __future__ import annotations

from seedcheck.reporters.base import Reporter, ReporterOptions
from seedcheck.reporters.github import GithubReporter
from seedcheck.reporters.json_format import JsonReporter
from seedcheck.reporters.junit import JunitReporter
from seedcheck.reporters.sarif import SarifReporter
from seedcheck.reporters.statistics import JsonStatisticsReporter, TextStatisticsReporter
from seedcheck.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    TextReporter.name: TextReporter,
    JsonReporter.name: JsonReporter,
    GithubReporter.name: GithubReporter,
    SarifReporter.name: SarifReporter,
    JunitReporter.name: JunitReporter,
}

# --statistics replaces the findings with counts per rule, in these formats only.
STATISTICS_REPORTERS: dict[str, type[Reporter]] = {
    TextStatisticsReporter.name: TextStatisticsReporter,
    JsonStatisticsReporter.name: JsonStatisticsReporter,
}

__all__ = ["REPORTERS", "STATISTICS_REPORTERS", "Reporter", "ReporterOptions"]
