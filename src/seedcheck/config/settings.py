"""Configuration: ``[tool.seedcheck]`` in pyproject.toml, or seedcheck.toml.

The configuration is itself a Pydantic model with unknown keys forbidden, so a typo in
it stops the run with a message naming the key and the file. The settings of seedcheck
itself are written here; those of the rules are made from the options each rule
declares in its own module (:func:`settings_model`).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)

from seedcheck.config.files import Found, configs_for_paths, find_config, read_table
from seedcheck.config.selection import Selection, check_selectors
from seedcheck.corpus.listing import DEFAULT_PATTERN, name_pattern
from seedcheck.errors import SeedcheckError
from seedcheck.rules.base import OptionsCheck, Rule
from seedcheck.rules.options import Option, RuleOptions
from seedcheck.rules.registry import RULES
from seedcheck.seed.model import FieldType, SeedMetadata
from seedcheck.text.pattern_safety import refuse_backtracking


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class CoreSettings(BaseModel):
    """The settings of seedcheck itself; :data:`Settings` adds the rules' options."""

    model_config = ConfigDict(
        extra="forbid",
        alias_generator=_kebab,
        frozen=True,
        title="seedcheck configuration",
    )

    # Set by settings_model: the options of its fields, and the rules' checks across them.
    rule_options: ClassVar[tuple[Option[Any], ...]] = ()
    option_checks: ClassVar[tuple[OptionsCheck, ...]] = ()

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
    extend_select: list[str] = Field(
        default_factory=list,
        description="Rules to enable on top of 'select' (names, codes, prefixes).",
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
    baseline: str | None = Field(
        default=None,
        min_length=1,
        description="Baseline file of known findings, relative to the config file; "
        "validate reports only findings not in it (see --write-baseline).",
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
        refuse_backtracking(value)  # it runs on every file name a contributor chooses
        name_pattern(value)  # the engine it runs on takes it
        return value

    @model_validator(mode="after")
    def _options_agree(self) -> CoreSettings:
        # After the fields are valid, so that each rule's check reads valid values.
        options = options_from(self)
        for check in self.option_checks:
            check(options)
        return self

    @model_validator(mode="after")
    def _required_known(self) -> CoreSettings:
        # On the model, not the field: `required` is validated before `fields`, so a field
        # validator would never see the declared fields.
        declared = set(SeedMetadata.model_fields) - {"seedcheck"} | set(self.fields)
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


def settings_model(rules: Sequence[Rule]) -> type[CoreSettings]:
    """The settings model: :class:`CoreSettings` plus a field for each option of ``rules``.

    A field is its option's key, type, default and bounds, described as the option's doc
    under the first rule that reads it. An option read by several rules is declared once.
    """
    owners: dict[str, tuple[Option[Any], str]] = {}
    for rule in rules:
        for option in rule.options:
            owner = owners.setdefault(option.name, (option, rule.name))
            if owner[0] is not option:
                raise ValueError(
                    f"option {option.name!r} is declared twice ({owner[1]}, {rule.name})"
                )
    fields: dict[str, Any] = {}
    validators: dict[str, Any] = {}
    for option, rule_name in owners.values():
        attribute = field_name(option)
        if attribute in CoreSettings.model_fields:
            raise ValueError(f"option {option.name!r} of {rule_name} is a setting of seedcheck")
        fields[attribute] = _field(option, f"{rule_name}: {option.doc}")
        if option.validate is not None:
            validators[f"_check_{attribute}"] = field_validator(attribute)(
                _checked(option.validate)
            )
    return create_model(
        "Settings",
        __base__=CoreSettings,
        __doc__="seedcheck configuration (``[tool.seedcheck]`` or ``seedcheck.toml``).",
        __module__=__name__,
        __validators__=validators,
        rule_options=(
            ClassVar[tuple[Option[Any], ...]],
            tuple(option for option, _ in owners.values()),
        ),
        option_checks=(
            ClassVar[tuple[OptionsCheck, ...]],
            tuple(rule.check_options for rule in rules if rule.check_options is not None),
        ),
        **fields,
    )


def field_name(option: Option[Any]) -> str:
    """The settings field of an option (its key is the alias)."""
    return option.name.replace("-", "_")


def _field(option: Option[Any], description: str) -> tuple[Any, Any]:
    """The type and Field of an option's setting."""
    kind: Any = option.type
    if get_origin(kind) is tuple:
        args = get_args(kind)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"option {option.name!r}: a tuple option is tuple[X, ...]")
        item = args[0]
        # Users write a list; rules read a tuple (rule_value), hashable and immutable.
        return list[item], Field(  # type: ignore[valid-type]
            strict=True,
            default_factory=functools.partial(list, option.default),
            description=description,
        )
    return kind, Field(
        strict=True,
        default=option.default,
        ge=option.ge,
        gt=option.gt,
        le=option.le,
        # nan passes no comparison: "should be at most 1" would mislead
        allow_inf_nan=False if kind is float else None,
        description=description,
    )


def _checked(validate: Callable[[Any], None]) -> Callable[[Any], Any]:
    """A field validator that runs an option's own check on its setting."""

    def checked(value: Any) -> Any:
        validate(rule_value(value))
        return value

    return checked


def rule_value(value: object) -> object:
    """A setting as rules read it: a list becomes a tuple."""
    return tuple(value) if isinstance(value, list) else value


#: The settings model of seedcheck and every rule of the code table.
Settings = settings_model(RULES)


class LoadedConfig(BaseModel):
    """Settings plus where they came from; ``root`` is the project root."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    settings: CoreSettings
    root: Path
    source: Path | None

    @property
    def corpus_path(self) -> Path:
        return self.root / self.settings.corpus

    @property
    def baseline_path(self) -> Path | None:
        """The configured baseline file, relative to the configuration file's folder."""
        baseline = self.settings.baseline
        return None if baseline is None else self.root / baseline

    def selection(
        self,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> Selection:
        """The rules this configuration enables, as in ruff: command-line ``select``
        replaces the configured ``select`` and ``extend-select``; ``extend_select`` adds
        to whichever ``select`` applies (nothing, when that is every rule); ``ignore``
        adds to the configured one."""
        settings = self.settings
        extended = (*(() if select else settings.extend_select), *extend_select)
        base = tuple(select or settings.select)
        return Selection(
            select=(*base, *extended) if base else (),
            ignore=(*settings.ignore, *ignore),
            per_file_ignores=settings.per_file_ignores,
            severity=settings.severity,
            root=self.root,
        )


def load_config(start: Path) -> LoadedConfig:
    """The configuration that applies in ``start`` (defaults when there is none)."""
    return loaded_config(find_config(start.resolve()), start.resolve())


def load_configs(paths: Sequence[str], cwd: Path) -> list[tuple[LoadedConfig, list[str]]]:
    """Each configuration that applies to some of ``paths``, with those paths (see
    :func:`~seedcheck.config.files.configs_for_paths`); no paths: the working
    directory's, with none."""
    return configured(configs_for_paths(paths, cwd.resolve()), cwd)


def configured(
    groups: Sequence[tuple[Found | None, list[str]]], cwd: Path
) -> list[tuple[LoadedConfig, list[str]]]:
    """The groups of :func:`configs_for_paths` with their configurations validated."""
    return [(loaded_config(found, cwd.resolve()), paths) for found, paths in groups]


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
        check_selectors(settings.extend_select, "extend-select")
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


def options_from(settings: CoreSettings) -> RuleOptions:
    """The rule options the settings call for: each option is the setting of its name."""
    return RuleOptions.of(
        {
            option.name: rule_value(getattr(settings, field_name(option)))
            for option in settings.rule_options
        }
    )
