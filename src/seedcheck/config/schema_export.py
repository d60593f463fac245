"""JSON Schema documents exported from the Pydantic models."""

from __future__ import annotations

import json
from typing import Any

from seedcheck.config.settings import Settings
from seedcheck.seed.model import SeedMetadata

SEED_SCHEMA = "seed.schema.json"
CONFIG_SCHEMA = "config.schema.json"


def _without_null_defaults(node: Any) -> Any:
    # Optional fields default to "absent", not to null: a present field must hold a
    # value, so the schema neither offers null nor shows it as a default.
    if isinstance(node, dict):
        return {
            k: _without_null_defaults(v)
            for k, v in node.items()
            if not (k == "default" and v is None)
        }
    if isinstance(node, list):
        return [_without_null_defaults(v) for v in node]
    return node


def _document(model: type[Any], by_alias: bool) -> str:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_without_null_defaults(model.model_json_schema(by_alias=by_alias)),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_documents(seed_model: type[SeedMetadata]) -> dict[str, str]:
    """File name to JSON text, for the seed model in use and the configuration model."""
    return {
        SEED_SCHEMA: _document(seed_model, by_alias=False),
        CONFIG_SCHEMA: _document(Settings, by_alias=True),
    }
