"""A metadata value together with where it stands in the file."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class LocatedValue:
    """A field of a seed: its key, its value, and 1-based positions of both.

    ``node`` is the YAML node of the value (front-matter layout only), kept so that an
    error inside a list (``tags[2]``) can point at the item itself.
    """

    key: str
    value: object
    key_line: int
    key_column: int
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
    node: yaml.Node | None = None
