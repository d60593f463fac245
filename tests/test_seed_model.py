"""The seed model: field types, suggestions for unknown fields, positions of issues."""

from __future__ import annotations

import pytest

from seedcheck.located import LocatedValue
from seedcheck.schema_export import schema_documents
from seedcheck.seed_model import SeedMetadata, build_model, validate_fields


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
