"""The lazy reporter maps name classes that exist and carry the same name."""

from __future__ import annotations

import subprocess
import sys

import pytest

from seedcheck.reporters import REPORTERS, STATISTICS_REPORTERS, ReporterMap


@pytest.mark.parametrize("reporters", [REPORTERS, STATISTICS_REPORTERS])
def test_every_name_imports_a_reporter_of_that_name(reporters: ReporterMap) -> None:
    for name in reporters:
        assert reporters[name].name == name


def test_building_the_parser_imports_no_reporter_and_no_pydantic() -> None:
    code = (
        "import sys; from seedcheck.commands import validate_command as v; "
        "print(sorted(m for m in sys.modules if m.startswith(('seedcheck.reporters.', "
        "'pydantic', 'seedcheck.folder_check'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
