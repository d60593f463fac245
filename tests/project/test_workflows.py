"""The GitHub workflow and the composite action: valid against GitHub's schemas, least
privilege, and the action's scripts really install seedcheck and run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import console_script
from tests.reporting_corpus import SEED_1, TEXT_LINES, write_corpus

ROOT = Path(__file__).parents[2]
CI = ROOT / ".github" / "workflows" / "ci.yml"
ACTION = ROOT / "action.yml"
CHECK_JSONSCHEMA = console_script("check-jsonschema")


def _load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return document


@pytest.mark.parametrize(
    ("schema", "paths"),
    [
        ("vendor.github-workflows", sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))),
        ("vendor.github-actions", [ACTION]),
    ],
)
def test_valid_against_the_vendored_schema(schema: str, paths: list[Path]) -> None:
    assert paths
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def test_ci_jobs() -> None:
    # PyYAML reads the key `on` as True; the workflow's triggers are not checked here.
    jobs = _load(CI)["jobs"]
    assert set(jobs) == {"lint", "test", "corpus", "sarif"}
    lint = " ".join(step.get("run", "") for step in _steps(jobs["lint"]))
    assert "ruff check" in lint and "ruff format --check" in lint and "mypy" in lint
    matrix = jobs["test"]["strategy"]["matrix"]
    assert matrix["python-version"] == ["3.10", "3.11", "3.12", "3.13"]
    assert matrix["os"] == ["ubuntu-latest", "macos-latest", "windows-latest"]
    corpus = [step.get("run", "") for step in _steps(jobs["corpus"])]
    assert "seedcheck validate --format github --strict" in corpus
    sarif = _steps(jobs["sarif"])
    (validate,) = [s for s in sarif if s.get("run", "").startswith("seedcheck validate")]
    assert "--format sarif --output seedcheck.sarif" in validate["run"]
    (upload,) = [s for s in sarif if "upload-sarif" in s.get("uses", "")]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == "seedcheck.sarif"


def test_ci_least_privilege() -> None:
    workflow = _load(CI)
    assert workflow["permissions"] == {"contents": "read"}
    granted = {name: job.get("permissions") for name, job in workflow["jobs"].items()}
    assert granted == {
        "lint": None,
        "test": None,
        "corpus": None,
        "sarif": {"contents": "read", "security-events": "write", "actions": "read"},
    }
    for job in workflow["jobs"].values():
        for step in _steps(job):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_action_inputs_reach_scripts_only_through_the_environment() -> None:
    action = _load(ACTION)
    assert set(action["inputs"]) == {
        "path",
        "format",
        "output",
        "args",
        "summary",
        "python-version",
    }
    # Empty: seedcheck picks github annotations for the log and text for an output file.
    assert action["inputs"]["format"]["default"] == ""
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        # An expression pasted into a script would let an input inject shell code.
        assert "${{" not in step.get("run", "")


def _action_script(name: str) -> str:
    (step,) = [s for s in _load(ACTION)["runs"]["steps"] if s.get("name") == name]
    script: str = step["run"]
    return script


@pytest.mark.skipif(os.name == "nt", reason="the scripts are run by bash, as on a runner")
def test_action_installs_seedcheck_and_runs_it(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    assert bash is not None
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "seedcheck.toml").write_text("", encoding="utf-8")
    write_corpus(workspace)
    github_env = tmp_path / "github_env"
    github_env.write_text("", encoding="utf-8")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")
    }
    env |= {
        "RUNNER_TEMP": str(tmp_path / "runner-temp"),
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_ENV": str(github_env),
        "PYTHON": sys.executable,
    }

    def bash_run(script: str, extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
        # GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail`.
        return subprocess.run(
            [bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=workspace,
            env=env | extra,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    (tmp_path / "runner-temp").mkdir()
    installed = bash_run(_action_script("Install seedcheck"), {})
    assert installed.returncode == 0, installed.stdout + installed.stderr
    (line,) = github_env.read_text(encoding="utf-8").splitlines()
    name, _, value = line.partition("=")
    assert name == "SEEDCHECK_BIN"
    inputs = {
        "SEEDCHECK_BIN": value,
        "INPUT_PATH": f"seeds/{SEED_1}",
        "INPUT_FORMAT": "text",
        "INPUT_OUTPUT": "",
        "INPUT_ARGS": "--select SC106 --quiet",
    }
    ran = bash_run(_action_script("Run seedcheck"), inputs)
    assert (ran.returncode, ran.stdout) == (1, TEXT_LINES[1] + "\n"), ran.stderr
    to_file = bash_run(_action_script("Run seedcheck"), inputs | {"INPUT_OUTPUT": "out.txt"})
    assert (to_file.returncode, to_file.stdout) == (1, "")
    assert (workspace / "out.txt").read_text(encoding="utf-8") == TEXT_LINES[1] + "\n"
    # A multi-line `args: |` block keeps every line; with no format, the log gets
    # annotations on GitHub and an output file gets text.
    block = inputs | {"INPUT_FORMAT": "", "INPUT_ARGS": "--select SC106\n--quiet\n"}
    on_github = bash_run(_action_script("Run seedcheck"), block | {"GITHUB_ACTIONS": "true"})
    assert on_github.returncode == 1, on_github.stderr
    assert on_github.stdout.splitlines()[1] == TEXT_LINES[1]
    assert on_github.stdout.splitlines()[2].startswith("::error title=seedcheck (SC106)")
    report = bash_run(
        _action_script("Run seedcheck"),
        block | {"GITHUB_ACTIONS": "true", "INPUT_OUTPUT": "out.txt"},
    )
    assert (report.returncode, report.stdout) == (1, "")
    assert (workspace / "out.txt").read_text(encoding="utf-8") == TEXT_LINES[1] + "\n"
    # summary: "true" appends the Markdown report to the job summary.
    step_summary = tmp_path / "step_summary"
    step_summary.write_text("earlier step\n", encoding="utf-8")
    summarized = bash_run(
        _action_script("Summarize the corpus"),
        {"SEEDCHECK_BIN": value, "INPUT_PATH": "seeds", "GITHUB_STEP_SUMMARY": str(step_summary)},
    )
    assert (summarized.returncode, summarized.stdout) == (0, ""), summarized.stderr
    summary = step_summary.read_text(encoding="utf-8")
    assert summary.startswith("earlier step\n## seedcheck report: seeds\n")
    assert "| SC106 `trailing-whitespace` | error | 1 |" in summary
    # Issue 25: a path named like an option stays a path, since the action puts it after --.
    shutil.copytree(workspace / "seeds", workspace / "--exit-zero")
    dashed = bash_run(_action_script("Run seedcheck"), inputs | {"INPUT_PATH": "--exit-zero"})
    expected = TEXT_LINES[1].replace("seeds/", "--exit-zero/", 1) + "\n"
    assert (dashed.returncode, dashed.stdout) == (1, expected), dashed.stderr
    # Issue 22: a baseline through the action's args, written once, then failing only on
    # what is new.
    baseline = inputs | {"INPUT_ARGS": "--select SC106 --write-baseline base.json"}
    written = bash_run(_action_script("Run seedcheck"), baseline)
    assert (written.returncode, written.stdout) == (0, "Wrote base.json (1 finding).\n")
    known = bash_run(
        _action_script("Run seedcheck"),
        inputs | {"INPUT_ARGS": "--select SC106 --baseline base.json"},
    )
    assert (known.returncode, known.stdout) == (
        0,
        "All checks passed (1 file checked). 1 known finding hidden by the baseline.\n",
    ), known.stderr
