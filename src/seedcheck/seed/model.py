"""The Pydantic model of a seed's metadata, and validation that keeps positions.

The model is the single source of truth for what a seed's front matter may hold: it is
what ``seedcheck schema`` exports as JSON Schema, and what every seed is validated with.
Configuration can make optional fields required and declare extra fields; anything
undeclared is an error, so that a typo such as ``sorce:`` is caught.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StrictInt,
    ValidationError,
    create_model,
)
from pydantic_core import PydanticCustomError

from seedcheck.seed.fields import (
    BYLINE_MAX,
    TITLE_MAX,
    byline_problems,
    not_text_problem,
    title_problems,
)
from seedcheck.seed.located import LocatedValue
from seedcheck.text.excerpt import excerpt

# BCP 47 language tag, the common subset: language, script, region, variants.
# BCP 47 (RFC 5646) langtag syntax: language with extended subtags, script, region,
# variants, extensions and a private-use part.
_BCP47 = re.compile(
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?$"
)


def _title(value: str) -> str:
    problems = title_problems(value)
    if problems:
        raise PydanticCustomError("title", problems[0])
    return value


def _byline(value: str) -> str:
    problems = byline_problems(value)
    if problems:
        raise PydanticCustomError("byline", problems[0])
    return value


# Any character str.isspace() calls blank (the same set as \s in a str pattern).
_SPACE = re.compile(r"\s")


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or _SPACE.search(value):
        raise PydanticCustomError("url", "url must be an http or https URL")
    return value


def _past_date(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise PydanticCustomError("date_future", "published date is in the future")
    return value


def _language(value: str) -> str:
    if not _BCP47.match(value):
        raise PydanticCustomError(
            "language", "language must be a BCP 47 tag such as 'en' or 'en-GB'"
        )
    return value


Title = Annotated[
    str,
    AfterValidator(_title),
    Field(
        description="The headline: one line, no surrounding whitespace.",
        json_schema_extra={"minLength": 1, "maxLength": TITLE_MAX, "pattern": r"^\S(.*\S)?$"},
    ),
]
Byline = Annotated[
    str,
    AfterValidator(_byline),
    Field(
        description="The credited name(s) as printed, without 'By' and without a bio.",
        json_schema_extra={
            "minLength": 1,
            "maxLength": BYLINE_MAX,
            "pattern": r"^(?![Bb]y\b)[^,@]",
        },
    ),
]
HttpUrl = Annotated[
    str,
    AfterValidator(_url),
    Field(json_schema_extra={"format": "uri", "pattern": "^https?://"}),
]
PastDate = Annotated[dt.date, AfterValidator(_past_date)]
LanguageTag = Annotated[
    str, AfterValidator(_language), Field(json_schema_extra={"pattern": _BCP47.pattern})
]


# The default of optional fields: absent. Typed Any so that a field typed ``str`` may
# default to it without admitting None as a value.
ABSENT: Any = None


class Directives(BaseModel):
    """What seedcheck is told about one seed, in its reserved ``seedcheck`` field.

    ``ignore`` silences rules (names, codes or code prefixes) for this seed alone, without
    touching its text; ``reason`` says why, for the next reader. A suppression that
    silences nothing is reported (``unused-suppression``).
    """

    model_config = ConfigDict(extra="forbid", title="seedcheck directives", strict=True)

    ignore: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description="Rules silenced for this seed: names, codes or code prefixes."
    )
    reason: str = Field(default=ABSENT, min_length=1, description="Why they are silenced.")


# Optional fields default to ABSENT; None is not a value a present field may hold
# (validate_fields reports `source:` with nothing after it), so the types do not admit
# it and the exported schema does not offer null. The docstring becomes the schema's
# description.
class SeedMetadata(BaseModel):
    """Metadata of one seed document (the YAML front matter)."""

    model_config = ConfigDict(extra="forbid", title="seedcheck seed front matter", strict=False)

    title: Title
    byline: Byline
    source: str = Field(default=ABSENT, description="Publication the text comes from.")
    url: HttpUrl = Field(default=ABSENT, description="Where the text was published.")
    published: PastDate = Field(default=ABSENT, description="Publication date (ISO 8601).")
    language: LanguageTag = Field(default=ABSENT, description="BCP 47 language tag.")
    tags: list[str] = Field(default=ABSENT, description="Free-form labels.")
    license: str = Field(default=ABSENT, description="License of the text.")
    # Reserved: never data, never an unknown field (see Directives).
    seedcheck: Directives = Field(
        default=ABSENT, description="Directives to seedcheck for this seed (ignore, reason)."
    )


FieldType = Literal["string", "integer", "number", "boolean", "date", "url", "string-list"]

# Numbers and booleans strictly: YAML has already typed each value, so a quoted "42",
# a `true` where a count belongs or a 1.0 is what the author wrote, not what they meant,
# and Pydantic's lax mode would take all three (and .nan and .inf for a number).
_TYPES: dict[str, Any] = {
    "string": str,
    "integer": StrictInt,
    "number": Annotated[float, Strict(), AllowInfNan(False)],
    "boolean": StrictBool,
    "date": dt.date,
    "url": HttpUrl,
    "string-list": list[str],
}


# The value types of the optional built-in fields, for making them required.
_OPTIONAL_BUILTINS: dict[str, Any] = {
    "source": str,
    "url": HttpUrl,
    "published": PastDate,
    "language": LanguageTag,
    "tags": list[str],
    "license": str,
}


def build_model(required: Sequence[str], fields: Mapping[str, str]) -> type[SeedMetadata]:
    """The seed model for a configuration: extra fields declared, some fields required."""
    if not required and not fields:
        return SeedMetadata
    definitions: dict[str, Any] = {}
    for name, type_name in fields.items():
        definitions[name] = (_TYPES[type_name], Field(default=ABSENT))
    for name in required:
        if name in fields:
            definitions[name] = (_TYPES[fields[name]], ...)
        elif name in _OPTIONAL_BUILTINS:
            description = SeedMetadata.model_fields[name].description
            definitions[name] = (_OPTIONAL_BUILTINS[name], Field(..., description=description))
    return create_model(
        "SeedMetadata", __base__=SeedMetadata, __doc__=SeedMetadata.__doc__, **definitions
    )


@dataclass(frozen=True)
class SchemaIssue:
    """One way a seed's metadata breaks the model.

    ``kind`` is ``missing``, ``unknown`` or ``invalid``; ``field`` the top-level field.
    ``expires`` marks an issue that holds only until a day comes (a date in the future).
    """

    kind: str
    field: str
    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    expires: bool = False


def validate_fields(
    model: type[SeedMetadata],
    fields: Sequence[LocatedValue],
    anchor: tuple[int, int],
) -> tuple[SchemaIssue, ...]:
    """Validate located fields with ``model``; each issue carries the field's position.

    ``anchor`` is where a missing field is reported (the front matter's opening fence,
    or the title line of a plain document).
    """
    by_name = {f.key: f for f in fields}
    issues: list[SchemaIssue] = []
    data: dict[str, object] = {}
    for f in fields:
        if f.value is None and (f.key in model.model_fields):
            issues.append(_issue("invalid", f, f"{f.key} has no value"))
        else:
            data[f.key] = f.value
    try:
        model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False, include_input=False):
            # A field written with no value (`source:`) is present, not missing: it was
            # left out of ``data`` and is reported above as having no value.
            if error["type"] == "missing" and error["loc"][0] in by_name:
                continue
            issues.append(_from_error(error, by_name, model, anchor))
    return tuple(issues)


def _issue(kind: str, f: LocatedValue, message: str) -> SchemaIssue:
    return SchemaIssue(kind, f.key, f.line, f.column, message, f.end_line, f.end_column)


def _from_error(
    error: Mapping[str, Any],
    by_name: Mapping[str, LocatedValue],
    model: type[SeedMetadata],
    anchor: tuple[int, int],
) -> SchemaIssue:
    loc = tuple(error["loc"])
    name = str(loc[0]) if loc else ""
    if error["type"] == "missing":
        return SchemaIssue(
            "missing", name, anchor[0], anchor[1], f"missing required field {name!r}"
        )
    located = by_name.get(name)
    if located is None:  # pragma: no cover - pydantic only reports fields it was given
        return SchemaIssue("invalid", name, anchor[0], anchor[1], str(error["msg"]))
    # A key unknown inside a field's value (seedcheck: {skip: …}) is that field's
    # problem, not an unknown field: it falls through to the invalid value below.
    if error["type"] == "extra_forbidden" and not loc[1:]:
        message = f"unknown field {excerpt(name, 40)}"
        close = _suggest(name, list(model.model_fields))
        message += (
            f" (did you mean {close[0]!r}?)"
            if close
            else "; declare it under `fields` in the configuration, or remove it"
        )
        return SchemaIssue(
            "unknown",
            name,
            located.key_line,
            located.key_column,
            message,
            located.key_line,
            located.key_column + len(name),
        )
    line, column, end_line, end_column = _position(located, loc[1:])
    where = name + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc[1:])
    message = str(error["msg"])
    # "input should be a valid string" does not tell that YAML read `title: 1984` as a
    # number; say so, and how to quote it.
    not_text = not_text_problem(located) if error["type"] == "string_type" and not loc[1:] else None
    if not_text:
        message = not_text
    elif error["type"].startswith(("date_", "datetime_")) and error["type"] != "date_future":
        message = _date_message(name, located, error)
    elif error["type"] in _WANTED and not loc[1:]:
        message = _type_message(located, _WANTED[error["type"]])
    elif error["type"] not in ("title", "byline", "url", "date_future", "language"):
        message = f"{where}: {message[:1].lower()}{message[1:]}"
    expires = error["type"] == "date_future"
    return SchemaIssue("invalid", name, line, column, message, end_line, end_column, expires)


# What a strictly typed field wants, by Pydantic's error type.
_WANTED = {
    "int_type": "a whole number",
    "float_type": "a number",
    "finite_number": "a finite number",
    "bool_type": "true or false",
}


def _type_message(located: LocatedValue, wanted: str) -> str:
    # "input should be a valid integer" does not say that YAML read `count: "42"` as
    # text, or `count: 1.0` as a decimal: show the value as written, and what it is.
    value, node = located.value, located.node
    if isinstance(value, (list, dict, set)):
        kind = "list" if isinstance(value, list) else "set" if isinstance(value, set) else "mapping"
        return f"{located.key} should be {wanted}, not a YAML {kind}"
    written = node.value if isinstance(node, yaml.ScalarNode) else str(value)
    shown = excerpt(str(written), 40)
    if isinstance(value, float) and not math.isfinite(value):
        return f"{located.key} should be {wanted}, not {shown}"
    if isinstance(value, bool):
        kind = "a true/false value"
    elif isinstance(value, int):
        kind = "a whole number"
    elif isinstance(value, float):
        kind = "a decimal number"
    elif isinstance(value, str):
        quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
        kind = "text, since it is quoted" if quoted else "text"
    elif isinstance(value, bytes):
        kind = "binary data"
    elif isinstance(value, dt.datetime):
        kind = "a date and time"
    elif isinstance(value, dt.date):
        kind = "a date"
    else:
        kind = f"a {type(value).__name__}"
    return f"{located.key} should be {wanted}; YAML reads {shown} as {kind}"


def _date_message(name: str, located: LocatedValue, error: Mapping[str, Any]) -> str:
    # Pydantic's "invalid character in year" does not say what a date should look like.
    written = located.node.value if isinstance(located.node, yaml.ScalarNode) else ""
    if error["type"] == "date_from_datetime_inexact":
        detail = "it has a time of day"
    else:
        detail = str(error["msg"]).partition(", ")[2]
    shown = f" {excerpt(str(written), 40)}" if written else ""
    because = f" ({detail})" if detail else ""
    return f"{name}{shown} is not a valid date{because}; write YYYY-MM-DD, such as 2024-03-05"


def _suggest(name: str, known: list[str]) -> list[str]:
    """The declared field a typo most likely meant (``URL`` → ``url``, ``sorce`` → ``source``)."""
    exact = [k for k in known if k.lower() == name.lower()]
    if exact:
        return exact
    lowered = {k.lower(): k for k in known}
    # An abbreviation of a field ("lang", "pub") names it; otherwise only a close
    # spelling does ("sorce"), not any word sharing a few letters ("more").
    prefixed = [k for k in lowered if len(name) >= 3 and k.startswith(name.lower())]
    if len(prefixed) == 1:
        return [lowered[prefixed[0]]]
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.75)
    return [lowered[c] for c in close]


def _position(
    located: LocatedValue, rest: tuple[Any, ...]
) -> tuple[int, int, int | None, int | None]:
    """Position of the value at ``rest`` below a field, down the YAML nodes."""
    node = located.node
    for part in rest:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    if node is None or node is located.node:
        return located.line, located.column, located.end_line, located.end_column
    # Node marks are relative to the YAML text; shift them like the field's own mark.
    assert located.node is not None
    offset = located.line - (located.node.start_mark.line + 1)
    return (
        node.start_mark.line + 1 + offset,
        node.start_mark.column + 1,
        node.end_mark.line + 1 + offset,
        node.end_mark.column + 1,
    )
