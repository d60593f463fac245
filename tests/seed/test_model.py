"""The seed model: field types, suggestions for unknown fields, positions of issues."""

from __future__ import annotations

import pytest

from seedcheck.config.schema_export import schema_documents
from seedcheck.seed.front_matter import parse_front_matter
from seedcheck.seed.located import LocatedValue
from seedcheck.seed.model import SeedMetadata, build_model, validate_fields


def _fields(**values: object) -> list[LocatedValue]:
    return [
        LocatedValue(key, value, n + 2, 1, n + 2, len(key) + 3)
        for n, (key, value) in enumerate({"title": "T", "byline": "B", **values}.items())
    ]


def _messages(**values: object) -> list[str]:
    return [i.message for i in validate_fields(SeedMetadata, _fields(**values), (1, 1))]


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("sorce", "unknown field 'sorce' (did you mean 'source'?)"),
        ("URL", "unknown field 'URL' (did you mean 'url'?)"),
        ("lang", "unknown field 'lang' (did you mean 'language'?)"),
        ("tag", "unknown field 'tag' (did you mean 'tags'?)"),
        (
            "more",
            "unknown field 'more'; declare it under `fields` in the configuration, or remove it",
        ),
        (
            "author",
            "unknown field 'author'; declare it under `fields` in the configuration, or remove it",
        ),
    ],
)
def test_unknown_fields_get_a_suggestion_only_when_one_is_likely(key: str, message: str) -> None:
    assert _messages(**{key: "x"}) == [message]


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "en-GB",
        "sr-Latn-RS",
        "zh-yue",
        "es-419",
        "en-US-u-ca-gregory",
        "de-CH-1901",
        "en-x-private",
    ],
)
def test_valid_language_tags(tag: str) -> None:
    assert _messages(language=tag) == []


@pytest.mark.parametrize("tag", ["en_GB", "English", "e", "en-", "toolongtag"])
def test_invalid_language_tags(tag: str) -> None:
    assert _messages(language=tag) == ["language must be a BCP 47 tag such as 'en' or 'en-GB'"]


def test_configured_model_keeps_the_description_in_its_schema() -> None:
    model = build_model(["section"], {"section": "string"})
    seed_schema = schema_documents(model)["seed.schema.json"]
    assert '"description": "Metadata of one seed document (the YAML front matter)."' in seed_schema
    assert '"required": [\n    "title",\n    "byline",\n    "section"\n  ]' in seed_schema


_TYPED = build_model([], {"count": "integer", "score": "number", "flag": "boolean"})


def _typed_messages(line: str) -> list[str]:
    header = parse_front_matter(["---", "title: T", "byline: B", line, "---"], 0)
    return [i.message for i in validate_fields(_TYPED, header.fields, (1, 1))]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'count: "42"',
            "count should be a whole number; YAML reads '42' as text, since it is quoted",
        ),
        ("count: true", "count should be a whole number; YAML reads 'true' as a true/false value"),
        ("count: 1.0", "count should be a whole number; YAML reads '1.0' as a decimal number"),
        ("count: News", "count should be a whole number; YAML reads 'News' as text"),
        ("score: '3.5'", "score should be a number; YAML reads '3.5' as text, since it is quoted"),
        ("score: yes", "score should be a number; YAML reads 'yes' as a true/false value"),
        ("score: .nan", "score should be a finite number, not '.nan'"),
        ("score: -.inf", "score should be a finite number, not '-.inf'"),
        ('flag: "no"', "flag should be true or false; YAML reads 'no' as text, since it is quoted"),
        ("flag: 1", "flag should be true or false; YAML reads '1' as a whole number"),
        ("flag: [true]", "flag should be true or false, not a YAML list"),
    ],
)
def test_typed_fields_take_only_what_yaml_read_as_that_type(line: str, message: str) -> None:
    # YAML has typed the value already: a quoted "42" is text, `true` is not a count.
    assert _typed_messages(line) == [message]


@pytest.mark.parametrize("line", ["count: 42", "score: 3.5", "score: 3", "flag: no", "flag: true"])
def test_typed_fields_take_their_own_type(line: str) -> None:
    assert _typed_messages(line) == []
