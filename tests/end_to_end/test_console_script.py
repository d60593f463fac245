"""The installed ``seedcheck`` console script, run in a subprocess as users run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seedcheck import __version__
from tests.conftest import console_script

SCRIPT = console_script("seedcheck")

pytestmark = pytest.mark.skipif(
    not SCRIPT.is_file(), reason=f"console script not installed at {SCRIPT}"
)

SEED = "001_aaaaaaaaaaaaaaaa.txt"
# Ordinary prose, long enough for body-too-short, free of anything a content rule flags.
PROSE = (
    "The ferry service to the northern islands resumed on Monday after a week of storms kept"
    " every boat in harbour. Crews spent the weekend checking hulls and moorings, and the first"
    " crossing left on time with a full deck of delivery vans. Islanders said the shops had"
    " run low on fresh milk and bread, but nobody had gone without heating or medicine.\n"
)
FINDING = f"seeds/{SEED}:5:9: SC106 [trailing-whitespace] trailing whitespace"
INDEX_MISSING = (
    "seeds/INDEX.md:1:1: SC501 [index-missing] INDEX.md is missing; "
    "run `seedcheck index` to create it"
)


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")
    }
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seedcheck.toml").write_text("", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED).write_text(
        "---\ntitle: Only Seed\nbyline: Ann Example\n---\nOne two.  \n" + PROSE, encoding="utf-8"
    )
    return tmp_path


def test_findings(project: Path) -> None:
    result = run(["validate"], project)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (f"{FINDING}\n{INDEX_MISSING}\nFound 2 errors in 2 files.\n")


def test_json_output(project: Path) -> None:
    result = run(["validate", "--format", "json", "--select", "SC106"], project)
    assert (result.returncode, result.stderr) == (1, "")
    assert json.loads(result.stdout) == [
        {
            "path": f"seeds/{SEED}",
            "line": 5,
            "column": 9,
            "end_line": 5,
            "end_column": 11,
            "code": "SC106",
            "name": "trailing-whitespace",
            "severity": "error",
            "message": "trailing whitespace",
        }
    ]


def test_index_then_clean(project: Path) -> None:
    (project / "seeds" / SEED).write_text(
        "---\ntitle: Only Seed\nbyline: Ann Example\n---\nOne two.\n" + PROSE, encoding="utf-8"
    )
    created = run(["index"], project)
    assert (created.returncode, created.stdout, created.stderr) == (
        0,
        "Created seeds/INDEX.md (1 seed).\n",
        "",
    )
    result = run(["validate", "--strict"], project)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "All checks passed (2 files checked).\n",
        "",
    )


def test_no_colour_through_a_pipe(project: Path) -> None:
    assert "\033" not in run(["validate"], project).stdout
    assert "\033[" in run(["validate", "--color", "always"], project).stdout


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('corpuss = "x"\n', "invalid configuration: unknown key 'corpuss'"),
        ("[broken\n", "cannot read configuration: "),
        ('pattern = "("\n', "invalid configuration: pattern: not a valid regular expression"),
    ],
)
def test_configuration_error_is_one_line(project: Path, config: str, message: str) -> None:
    path = project / "seedcheck.toml"
    path.write_text(config, encoding="utf-8")
    result = run(["validate"], project)
    assert (result.returncode, result.stdout) == (2, "")
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"seedcheck: error: {path.as_posix()}: {message}")


def test_usage_error(project: Path) -> None:
    result = run(["validate", "--select", "nope"], project)
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == "seedcheck: error: unknown rule 'nope' in --select; see `seedcheck rules`\n"
    )


def test_missing_path(project: Path) -> None:
    result = run(["validate", "seeds/nope.txt"], project)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "seedcheck: error: seeds/nope.txt: no such file or directory\n"


def test_version_and_module_entry_point(project: Path) -> None:
    script = run(["--version"], project)
    assert (script.returncode, script.stdout, script.stderr) == (
        0,
        f"seedcheck {__version__}\n",
        "",
    )
    module = subprocess.run(
        [sys.executable, "-m", "seedcheck", "--version"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (module.returncode, module.stdout) == (0, f"seedcheck {__version__}\n")


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_machine_formats_are_utf8_whatever_the_locale(tmp_path: Path, fmt: str) -> None:
    # A pipe on Windows gets the ANSI code page; PYTHONIOENCODING stands in for it here.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_0123456789abcdef.txt").write_text(
        "---\ntitle: Café Reopens\nbyline: Marta Ilić\nilić: x\n---\nShort body.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [str(SCRIPT), "validate", "--format", fmt, "seeds"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252", "GITHUB_ACTIONS": ""},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("utf-8")  # raises if the bytes are not UTF-8
    assert "\\u0107" not in text  # not escaped either: "ć" is outside cp1252
    assert "unknown field 'ilić'" in text
    if fmt in ("json", "sarif"):
        json.loads(text)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", [["rules"], ["validate", "seeds"]])
def test_a_full_disk_is_an_error_not_a_bug_to_report(project: Path, args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [str(SCRIPT), *args],
            check=False,
            cwd=project,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 2
    assert result.stderr == "seedcheck: error: No space left on device\n"
