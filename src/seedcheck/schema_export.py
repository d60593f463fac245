"""JSON Schema documents exported from the Pydantic models."""

from __future__ import annotations

import json
from typing import Any

from seedcheck.config import Settings
from seedcheck.seed_model import SeedMetadata

SEED_SCHEMA = "seed.schema.json"
CONFIG_SCHEMA = "config.schema.json"
_BASE_URI = "https://seedcheck.example.org/schemas/"


def _document(model: type[Any], name: str, by_alias: bool) -> str:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _BASE_URI + name,
        **model.model_json_schema(by_alias=by_alias),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def schema_documents(seed_model: type[SeedMetadata]) -> dict[str, str]:
    """File name to JSON text, for the seed model in use and the configuration model."""
    return {
        SEED_SCHEMA: _document(seed_model, SEED_SCHEMA, by_alias=False),
        CONFIG_SCHEMA: _document(Settings, CONFIG_SCHEMA, by_alias=True),
    }
