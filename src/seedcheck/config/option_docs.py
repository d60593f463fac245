"""The README's lines for the rules' options, made from their declarations.

README.md's Configuration section shows every setting in a sample ``[tool.seedcheck]``
table. The lines of the rules' options (key = default, then the description the JSON
Schema gives) are rendered here, and a test keeps the README in step. Print them with
``python -m seedcheck.config.option_docs``.
"""

from __future__ import annotations

import json
import textwrap

from seedcheck.config.settings import CoreSettings, Settings, field_name

# Where the sample's comments start, and the width it is wrapped to.
COMMENT_COLUMN = 33
WIDTH = 100


def option_lines(model: type[CoreSettings] = Settings) -> str:
    """One TOML line per option of ``model``: its key, default and description."""
    lines: list[str] = []
    for option in model.rule_options:
        description = model.model_fields[field_name(option)].description or ""
        assignment = f"{option.name} = {_toml(option.default)}"
        column = max(COMMENT_COLUMN, len(assignment) + 2)
        first, *more = textwrap.wrap(description, WIDTH - column - 2)
        lines.append(f"{assignment:<{column}}# {first}")
        lines += [f"{'':<{column}}# {line}" for line in more]
    return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    raise TypeError(f"no TOML for {value!r}")


if __name__ == "__main__":
    print(option_lines(), end="")
