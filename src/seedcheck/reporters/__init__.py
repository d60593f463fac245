"""Output formats, by name. Adding one is a module here plus one entry in REPORTERS."""

from __future__ import annotations

from seedcheck.reporters.base import Reporter, ReporterOptions
from seedcheck.reporters.json_format import JsonReporter
from seedcheck.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    TextReporter.name: TextReporter,
    JsonReporter.name: JsonReporter,
}

__all__ = ["REPORTERS", "Reporter", "ReporterOptions"]
