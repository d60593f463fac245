"""The lazy reporter maps, and a command line that imports only what a run needs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from seedcheck.reporters import REPORTERS, STATISTICS_REPORTERS, ReporterMap


@pytest.mark.parametrize("reporters", [REPORTERS, STATISTICS_REPORTERS])
def test_every_name_imports_a_reporter_of_that_name(reporters: ReporterMap) -> None:
    for name in reporters:
        assert reporters[name].name == name


def test_the_command_line_imports_no_reporter_pydantic_or_checker() -> None:
    code = (
        "import sys; import seedcheck.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('seedcheck.reporters.', "
        "'pydantic', 'seedcheck.run.folder', 'seedcheck.config.settings', 'yaml', 'markdown_it'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
