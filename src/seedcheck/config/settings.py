"""Configuration: ``[tool.seedcheck]`` in pyproject.toml, or seedcheck.toml.

The configuration is itself a Pydantic model with unknown keys forbidden, so a typo in
it stops the run with a message naming the key and the file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from seedcheck.config.files import find_config, read_table
from seedcheck.config.selection import Selection
from seedcheck.corpus.listing import DEFAULT_PATTERN
from seedcheck.errors import SeedcheckError
from seedcheck.rules.options import RuleOptions
from seedcheck.seed.model import FieldType, SeedMetadata


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """seedcheck configuration (``[tool.seedcheck]`` or ``seedcheck.toml``)."""

    model_config = ConfigDict(
        extra="forbid",
        alias_generator=_kebab,
        frozen=True,
        title="seedcheck configuration",
    )

    corpus: str = Field(default="seeds", description="Corpus folder, relative to the config file.")
    pattern: str = Field(
        default=DEFAULT_PATTERN,
        description="Regular expression for seed file names, with groups 'number' and 'id'.",
    )
    layout: Literal["auto", "front-matter", "plain"] = Field(
        default="auto", description="Seed layout: detected per file, or forced."
    )
    required: list[str] = Field(default_factory=list, description="Optional fields to require.")
    fields: dict[str, FieldType] = Field(
        default_factory=dict, description="Extra front-matter fields and their types."
    )
    select: list[str] = Field(
        default_factory=list, description="Rules to enable (names, codes, prefixes); default all."
    )
    ignore: list[str] = Field(
        default_factory=list, description="Rules to disable (names, codes, prefixes)."
    )
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Glob (relative to the config file) to rules to ignore there.",
    )
    severity: dict[str, Literal["error", "warning"]] = Field(
        default_factory=dict, description="Rule (name or code) to severity."
    )
    max_file_size: int = Field(
        strict=True, default=1024 * 1024, gt=0, description="Largest seed file, in bytes."
    )
    body_min_words: int = Field(
        strict=True, default=50, ge=0, description="body-too-short: fewest words a body may have."
    )
    duplicate_shingle_words: int = Field(
        strict=True, default=8, ge=2, description="duplicated-text: words per shingle compared."
    )
    duplicate_min_words: int = Field(
        strict=True,
        default=20,
        ge=2,
        description="duplicated-text: fewest words of a reported repeat.",
    )
    doubled_line_min_chars: int = Field(
        strict=True,
        default=20,
        ge=1,
        description="duplicate-line: shortest line reported when doubled.",
    )
    repeated_line_min_chars: int = Field(
        strict=True,
        default=40,
        ge=1,
        description="duplicate-line: shortest line reported when repeated.",
    )
    boilerplate_patterns: list[str] = Field(
        default_factory=list,
        description="boilerplate: extra regular expressions for site furniture lines.",
    )
    near_duplicate_threshold: float = Field(
        strict=True,
        default=0.8,
        gt=0,
        le=1,
        allow_inf_nan=False,  # nan passes no comparison: "should be at most 1" misleads
        description="near-duplicate-document: least Jaccard similarity of word 5-gram sets "
        "reported.",
    )
    near_duplicate_permutations: int = Field(
        strict=True,
        default=128,
        ge=1,
        le=4096,
        description="near-duplicate-document: MinHash permutations per seed.",
    )
    near_duplicate_bands: int = Field(
        strict=True,
        default=32,
        ge=1,
        description="near-duplicate-document: LSH bands the signature is cut into; must "
        "divide near-duplicate-permutations. More bands find pairs of lower similarity.",
    )
    near_duplicate_min_shingles: int = Field(
        strict=True,
        default=20,
        ge=1,
        description="near-duplicate-document: bodies with fewer distinct word 5-grams are skipped.",
    )

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value: str) -> str:
        try:
            compiled = re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        missing = {"number", "id"} - set(compiled.groupindex)
        if missing:
            raise ValueError(
                f"pattern needs named groups (?P<number>…) and (?P<id>…); missing {sorted(missing)}"
            )
        return value

    @field_validator("boilerplate_patterns")
    @classmethod
    def _patterns_compile(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
            if compiled.search(""):
                # "", "^" or "x?" would flag the first line of every paragraph.
                raise ValueError(f"{pattern!r} matches an empty line, so it would match every line")
        return value

    @model_validator(mode="after")
    def _bands_divide_permutations(self) -> Settings:
        permutations, bands = self.near_duplicate_permutations, self.near_duplicate_bands
        if permutations % bands:
            raise ValueError(
                f"near-duplicate-bands ({bands}) must divide near-duplicate-permutations "
                f"({permutations}), so that every band has as many rows"
            )
        return self

    @model_validator(mode="after")
    def _required_known(self) -> Settings:
        # On the model, not the field: `required` is validated before `fields`, so a field
        # validator would never see the declared fields.
        declared = set(SeedMetadata.model_fields) | set(self.fields)
        unknown = [name for name in self.required if name not in declared]
        if unknown:
            raise ValueError(
                f"required names undeclared field(s) {unknown}; declare them under 'fields'"
            )
        return self

    @field_validator("fields")
    @classmethod
    def _fields_new(cls, value: dict[str, str]) -> dict[str, str]:
        clash = [name for name in value if name in SeedMetadata.model_fields]
        if clash:
            raise ValueError(f"fields redeclares built-in field(s) {clash}")
        bad = [name for name in value if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name)]
        if bad:
            raise ValueError(f"field names must be identifiers: {bad}")
        return value


class LoadedConfig(BaseModel):
    """Settings plus where they came from; ``root`` is the project root."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    settings: Settings
    root: Path
    source: Path | None

    @property
    def corpus_path(self) -> Path:
        return self.root / self.settings.corpus

    def selection(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> Selection:
        """The rules this configuration enables; command-line ``select`` replaces the
        configured one and ``ignore`` adds to it, as in ruff."""
        settings = self.settings
        return Selection(
            select=tuple(select or settings.select),
            ignore=(*settings.ignore, *ignore),
            per_file_ignores=settings.per_file_ignores,
            severity=settings.severity,
            root=self.root,
        )


def load_config(start: Path) -> LoadedConfig:
    """The configuration that applies in ``start`` (defaults when there is none)."""
    return loaded_config(find_config(start.resolve()), start.resolve())


def loaded_config(found: tuple[Path, dict[str, Any]] | None, start: Path) -> LoadedConfig:
    """The configuration of a file and table found before (None: defaults in ``start``)."""
    if found is None:
        return LoadedConfig(settings=Settings(), root=start, source=None)
    return _validated(*found)


def load_config_file(path: Path) -> LoadedConfig:
    """The configuration in the file ``path`` (``--config``)."""
    if not path.is_file():
        raise SeedcheckError(f"{path.as_posix()}: configuration file not found")
    table = read_table(path.resolve())
    if table is None:
        raise SeedcheckError(f"{path.as_posix()}: no [tool.seedcheck] table in this file")
    return _validated(path.resolve(), table)


def _validated(source: Path, table: dict[str, Any]) -> LoadedConfig:
    try:
        settings = Settings.model_validate(table)
    except ValidationError as exc:
        raise SeedcheckError(
            f"{source.as_posix()}: invalid configuration: {_describe(exc, source)}"
        ) from None
    try:  # rule names are checked here so that the message names the file
        Selection(
            select=tuple(settings.select),
            ignore=tuple(settings.ignore),
            per_file_ignores=settings.per_file_ignores,
            severity=settings.severity,
        )
    except SeedcheckError as exc:
        raise SeedcheckError(f"{source.as_posix()}: invalid configuration: {exc}") from None
    return LoadedConfig(settings=settings, root=source.parent, source=source)


def _describe(exc: ValidationError, source: Path) -> str:
    parts = []
    for error in exc.errors(include_url=False, include_input=False):
        key = ".".join(str(p) for p in error["loc"])
        table = "[tool.seedcheck]" if source.name == "pyproject.toml" else ""
        if error["type"] == "extra_forbidden":
            known = [_kebab(name) for name in Settings.model_fields]
            close = difflib.get_close_matches(_kebab(key), known, n=1, cutoff=0.75)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            parts.append(f"unknown key {key!r}{' in ' + table if table else ''}{hint}")
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
            parts.append(f"{key}: {message}" if key else message)
    return "; ".join(parts)


def rule_list(values: Sequence[str]) -> list[str]:
    """Split comma-separated command-line rule lists."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def options_from(settings: Settings) -> RuleOptions:
    """The rule options the settings call for: each option is the setting of its name."""
    values = {field.name: getattr(settings, field.name) for field in fields(RuleOptions)}
    values["boilerplate_patterns"] = tuple(settings.boilerplate_patterns)
    return RuleOptions(**values)
