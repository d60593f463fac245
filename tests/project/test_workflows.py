"""The GitHub workflow, the composite action and the README's examples: valid against
GitHub's schemas, least privilege, and the action's scripts really install seedcheck,
run it, and give it the cache folder that actions/cache restores and saves.

The action's steps are run as a runner runs them (see Job); actions/cache is stood in for
by copies into and out of a folder of saved caches, chosen by key and restore keys as it
chooses. The jobs share one installation; a later job checks the same files out anew.
That a fresh install keeps the code's identity is tested in
tests/cache/test_code_identity.py."""

from __future__ import annotations

import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from seedcheck import __version__
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


def _readme_workflows(tmp_path: Path) -> list[Path]:
    """The README's GitHub Actions examples as workflow files: a fragment (jobs, or one
    job) gets the lines around it that make it a whole workflow."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## GitHub Actions\n", 1)[1].split("\n## ", 1)[0]
    written = []
    for number, block in enumerate(re.findall(r"```yaml\n(.*?)```", section, re.S)):
        workflow = "jobs:\n" + block if block.startswith("  ") else block
        if not re.search(r"^on:", workflow, re.M):
            workflow = "on: push\n" + workflow
        path = tmp_path / f"readme-{number}.yml"
        path.write_text(workflow, encoding="utf-8")
        written.append(path)
    return written


def test_readme_workflows_are_valid(tmp_path: Path) -> None:
    paths = _readme_workflows(tmp_path)
    assert len(paths) == 3
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The example without the action caches as the action does: one folder, restored,
    # given to seedcheck and saved under the key restore chose, also after a failure.
    (seeds,) = _load(paths[1])["jobs"].values()
    steps = _steps(seeds)
    (restore,) = [s for s in steps if s.get("uses") == "actions/cache/restore@v4"]
    (save,) = [s for s in steps if s.get("uses") == "actions/cache/save@v4"]
    (validate,) = [s for s in steps if s.get("run", "").startswith("seedcheck validate")]
    folder = "${{ runner.temp }}/seedcheck-cache"
    assert restore["with"]["path"] == save["with"]["path"] == folder
    assert validate["env"]["SEEDCHECK_CACHE_DIR"] == folder
    assert save["with"]["key"] == "${{ steps.cache.outputs.cache-primary-key }}"
    assert save["if"].startswith("${{ !cancelled() && ")
    action_key = _step("Restore the cache")["with"]["key"].replace("${{ runner.arch }}-", "")
    assert " ".join(restore["with"]["key"].split()) == " ".join(action_key.split())


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
        "cache",
    }
    # Empty: seedcheck picks github annotations for the log and text for an output file.
    assert action["inputs"]["format"]["default"] == ""
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        # An expression pasted into a script would let an input inject shell code.
        assert "${{" not in step.get("run", "")


_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}", re.S)


def _step(name: str) -> dict[str, Any]:
    steps: list[dict[str, Any]] = _load(ACTION)["runs"]["steps"]
    (step,) = [s for s in steps if s.get("name") == name]
    return step


class Job:
    """The action's steps as a runner runs them in one job: its own temporary folder,
    ``GITHUB_ENV`` and ``GITHUB_OUTPUT`` files, and the action's inputs (the defaults of
    action.yml, then ``inputs``). Expressions are replaced as GitHub would replace them,
    from what the test knows; one it does not know fails the test."""

    def __init__(self, folder: Path, workspace: Path, inputs: dict[str, str]) -> None:
        self.folder = folder
        self.workspace = workspace
        (folder / "runner-temp").mkdir(parents=True)
        self.files = {name: folder / name for name in ("GITHUB_ENV", "GITHUB_OUTPUT")}
        for path in self.files.values():
            path.write_text("", encoding="utf-8")
        declared = _load(ACTION)["inputs"]
        values = {name: str(spec.get("default", "")) for name, spec in declared.items()}
        assert set(inputs) <= set(values)
        self.context = {f"inputs.{name}": value for name, value in (values | inputs).items()}
        self.context |= {
            "runner.os": "Linux",
            "runner.arch": "X64",
            "runner.temp": str(folder / "runner-temp"),
            "steps.python.outputs.python-path": sys.executable,
            "steps.python.outputs.python-version": platform.python_version(),
        }
        self.env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "SEEDCHECK_CACHE_DIR")
        }
        self.env |= {
            "RUNNER_TEMP": self.context["runner.temp"],
            "GITHUB_ACTION_PATH": str(ROOT),
            **{name: str(path) for name, path in self.files.items()},
        }

    def evaluate(self, value: str) -> str:
        return _EXPRESSION.sub(lambda m: self._value(m.group(1)), value)

    def _value(self, expression: str) -> str:
        called = re.fullmatch(r"hashFiles\((.*)\)", expression, re.S)
        if called is None:
            return self.context[expression]
        # As GitHub hashes: each matching file's SHA-256, in order, hashed; "" for none.
        patterns = re.findall(r"'([^']*)'", called.group(1))
        files = sorted({p for pattern in patterns for p in self.workspace.glob(pattern)})
        if not files:
            return ""
        digest = hashlib.sha256()
        for path in files:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()

    def condition(self, step: dict[str, Any]) -> bool:
        """A step's ``if:``, for the terms this action uses, joined by &&."""
        whole = _EXPRESSION.fullmatch(str(step.get("if", "${{ true }}")).strip())
        assert whole is not None
        result = True
        for term in re.split(r"\s*&&\s*", whole.group(1)):
            if term in ("true", "!cancelled()"):
                continue
            compared = re.fullmatch(r"(\S+) (==|!=) '([^']*)'", term)
            assert compared is not None, term
            name, operator, literal = compared.groups()
            result &= (self.context.get(name, "") == literal) == (operator == "==")
        return result

    def run(
        self, name: str, extra: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run the step ``name``'s script as GitHub runs a ``shell: bash`` step, with its
        ``env:`` evaluated; what it writes to GITHUB_ENV applies to later steps, and its
        outputs become ``steps.ID.outputs.NAME``."""
        step = _step(name)
        assert step["shell"] == "bash"
        env = self.env | {k: self.evaluate(str(v)) for k, v in step.get("env", {}).items()}
        for path in self.files.values():
            path.write_text("", encoding="utf-8")
        bash = shutil.which("bash")
        assert bash is not None
        ran = subprocess.run(
            [bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=self.workspace,
            env=env | (extra or {}),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        for line in self.files["GITHUB_ENV"].read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            self.env[key] = value
        if "id" in step:
            self.context[f"steps.{step['id']}.outcome"] = "failure" if ran.returncode else "success"
            for line in self.files["GITHUB_OUTPUT"].read_text(encoding="utf-8").splitlines():
                key, _, value = line.partition("=")
                self.context[f"steps.{step['id']}.outputs.{key}"] = value
        return ran


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The action's install step, run once for the module: what it leaves for the
    steps after it (SEEDCHECK_BIN, and its outputs)."""
    folder = tmp_path_factory.mktemp("install")
    (folder / "workspace").mkdir()
    job = Job(folder / "job", folder / "workspace", {})
    ran = job.run("Install seedcheck")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    return {k: v for k, v in job.env.items() if k == "SEEDCHECK_BIN"} | {
        k: v for k, v in job.context.items() if k.startswith("steps.install.")
    }


def _job(folder: Path, workspace: Path, installed: dict[str, str], **inputs: str) -> Job:
    job = Job(folder, workspace, inputs)
    job.env["SEEDCHECK_BIN"] = installed["SEEDCHECK_BIN"]
    job.context |= {k: v for k, v in installed.items() if k.startswith("steps.")}
    return job


@pytest.mark.skipif(os.name == "nt", reason="the scripts are run by bash, as on a runner")
def test_action_installs_seedcheck_and_runs_it(tmp_path: Path, installed: dict[str, str]) -> None:
    assert installed["steps.install.outputs.version"] == __version__
    assert installed["steps.install.outcome"] == "success"
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "seedcheck.toml").write_text("", encoding="utf-8")
    write_corpus(workspace)

    def bash_run(name: str, **inputs: str) -> subprocess.CompletedProcess[str]:
        extra = (
            {"GITHUB_ACTIONS": inputs.pop("github_actions")} if "github_actions" in inputs else {}
        )
        job = _job(
            tmp_path / f"job-{len(list(tmp_path.iterdir()))}", workspace, installed, **inputs
        )
        return job.run(name, extra)

    inputs = {
        "path": f"seeds/{SEED_1}",
        "format": "text",
        "output": "",
        "args": "--select SC106 --quiet",
    }
    ran = bash_run("Run seedcheck", **inputs)
    assert (ran.returncode, ran.stdout) == (1, TEXT_LINES[1] + "\n"), ran.stderr
    to_file = bash_run("Run seedcheck", **(inputs | {"output": "out.txt"}))
    assert (to_file.returncode, to_file.stdout) == (1, "")
    assert (workspace / "out.txt").read_text(encoding="utf-8") == TEXT_LINES[1] + "\n"
    # A multi-line `args: |` block keeps every line; with no format, the log gets
    # annotations on GitHub and an output file gets text.
    block = inputs | {"format": "", "args": "--select SC106\n--quiet\n"}
    on_github = bash_run("Run seedcheck", **block, github_actions="true")
    assert on_github.returncode == 1, on_github.stderr
    assert on_github.stdout.splitlines()[1] == TEXT_LINES[1]
    assert on_github.stdout.splitlines()[2].startswith("::error title=seedcheck (SC106)")
    report = bash_run("Run seedcheck", **(block | {"output": "out.txt"}), github_actions="true")
    assert (report.returncode, report.stdout) == (1, "")
    assert (workspace / "out.txt").read_text(encoding="utf-8") == TEXT_LINES[1] + "\n"
    # summary: "true" appends the Markdown report to the job summary.
    step_summary = tmp_path / "step_summary"
    step_summary.write_text("earlier step\n", encoding="utf-8")
    job = _job(tmp_path / "summary-job", workspace, installed, path="seeds", summary="true")
    assert job.condition(_step("Summarize the corpus"))
    summarized = job.run("Summarize the corpus", {"GITHUB_STEP_SUMMARY": str(step_summary)})
    assert (summarized.returncode, summarized.stdout) == (0, ""), summarized.stderr
    summary = step_summary.read_text(encoding="utf-8")
    assert summary.startswith("earlier step\n## seedcheck report: seeds\n")
    assert "| SC106 `trailing-whitespace` | error | 1 |" in summary
    # Issue 25: a path named like an option stays a path, since the action puts it after --.
    shutil.copytree(workspace / "seeds", workspace / "--exit-zero")
    dashed = bash_run("Run seedcheck", **(inputs | {"path": "--exit-zero"}))
    expected = TEXT_LINES[1].replace("seeds/", "--exit-zero/", 1) + "\n"
    assert (dashed.returncode, dashed.stdout) == (1, expected), dashed.stderr
    # Issue 22: a baseline through the action's args, written once, then failing only on
    # what is new.
    baseline = inputs | {"args": "--select SC106 --write-baseline base.json"}
    written = bash_run("Run seedcheck", **baseline)
    assert (written.returncode, written.stdout) == (0, "Wrote base.json (1 finding).\n")
    known = bash_run("Run seedcheck", **(inputs | {"args": "--select SC106 --baseline base.json"}))
    assert (known.returncode, known.stdout) == (
        0,
        "All checks passed (1 file checked). 1 known finding hidden by the baseline.\n",
    ), known.stderr
    # The cache of every one of those runs was the job's, in its runner's temporary folder.
    assert not (workspace / ".seedcheck_cache").exists()


def _restore(job: Job, store: Path) -> bool:
    """actions/cache/restore as the action asks it: the latest cache saved under the key
    or a restore key, into the path; whether the key itself was hit."""
    step = _step("Restore the cache")
    assert step["uses"] == "actions/cache/restore@v4"
    if not job.condition(step):
        return False
    key = job.evaluate(step["with"]["key"])
    prefixes = [job.evaluate(line) for line in step["with"]["restore-keys"].splitlines()]
    job.context["steps.cache.outputs.cache-primary-key"] = key
    saved = sorted(store.iterdir(), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    found = next((p for p in saved if p.name == key), None) or next(
        (p for prefix in prefixes for p in saved if p.name.startswith(prefix)), None
    )
    hit = found is not None and found.name == key
    job.context["steps.cache.outputs.cache-hit"] = "true" if hit else "false"
    if found is not None:
        shutil.copytree(found, job.evaluate(step["with"]["path"]), symlinks=True)
    return found is not None


def _save(job: Job, store: Path) -> bool:
    step = _step("Save the cache")
    assert step["uses"] == "actions/cache/save@v4"
    if not job.condition(step):
        return False
    key = job.evaluate(step["with"]["key"])
    shutil.copytree(job.evaluate(step["with"]["path"]), store / key, symlinks=True)
    return True


def _memo(cache: Path) -> dict[str, int]:
    """The run memo's files in a cache folder, each with its modification time: a run
    that the memo answers touches its file (see cache.run_memo)."""
    return {p.name: p.stat().st_mtime_ns for p in cache.glob("*/memo/*")}


@pytest.mark.skipif(os.name == "nt", reason="the scripts are run by bash, as on a runner")
def test_action_restores_the_cache_it_saved(tmp_path: Path, installed: dict[str, str]) -> None:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "seedcheck.toml").write_text("", encoding="utf-8")
    write_corpus(workspace)
    # Files checked out a while before the run: the cache keeps what it learns of them.
    for path in [workspace, *workspace.rglob("*")]:
        os.utime(path, (1_700_000_000, 1_700_000_000))
    store = tmp_path / "actions-cache"  # what actions/cache keeps between jobs
    store.mkdir()
    github = {"github.sha": "0" * 40}
    expected = "\n".join(TEXT_LINES) + "\nFound 3 errors and 1 warning in 3 files.\n"

    def job(name: str, **inputs: str) -> tuple[Job, Path]:
        made = _job(tmp_path / name, workspace, installed, format="text", **inputs)
        made.context |= github
        folder = Path(made.evaluate(_step("Restore the cache")["with"]["path"]))
        # One folder: the one restored and saved is the one every step gives seedcheck.
        for step in ("Run seedcheck", "Summarize the corpus"):
            assert made.evaluate(_step(step)["env"]["SEEDCHECK_CACHE_DIR"]) == str(folder)
        assert made.evaluate(_step("Save the cache")["with"]["path"]) == str(folder)
        return made, folder

    first, folder = job("first")
    assert not _restore(first, store)  # nothing saved yet
    ran = first.run("Run seedcheck")
    assert (ran.returncode, ran.stdout) == (1, expected), ran.stderr
    assert _save(first, store)  # also after a failed check
    (key,) = [p.name for p in store.iterdir()]
    settings = hashlib.sha256(hashlib.sha256(b"").digest()).hexdigest()  # seedcheck.toml
    assert key == (
        f"seedcheck-Linux-X64-{__version__}-py{platform.python_version()}-{settings}-{'0' * 40}"
    )
    memo = _memo(store / key)
    assert len(memo) == 1
    # Dated back, to tell whether the next run reads it.
    for path in (store / key).glob("*/memo/*"):
        os.utime(path, ns=(1_600_000_000 * 10**9, 1_600_000_000 * 10**9))

    # A later commit, in a new job: the cache of the first is restored by a restore key,
    # and answers the run (the memo's file is read, and no other is written).
    github["github.sha"] = "1" * 40
    second, folder = job("second")
    assert _restore(second, store)
    assert second.context["steps.cache.outputs.cache-hit"] == "false"
    ran = second.run("Run seedcheck")
    assert (ran.returncode, ran.stdout) == (1, expected), ran.stderr
    after = _memo(folder)
    assert set(after) == set(memo)
    assert all(mtime > 1_600_000_000 * 10**9 for mtime in after.values())
    assert _save(second, store)
    assert len(list(store.iterdir())) == 2

    # A fresh checkout of the same files (every stat new): the restored corpus cache,
    # keyed by the code, the settings and the corpus's place, still answers (its seeds
    # found by their content, see tests/run/test_incremental.py), and no other is made.
    corpora = {p.name for p in (folder / __version__).iterdir() if p.name != "memo"}
    for path in sorted(workspace.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            path.unlink()
            path.write_bytes(data)
    for path in [workspace, *workspace.rglob("*")]:
        os.utime(path, (1_700_000_100, 1_700_000_100))
    github["github.sha"] = "2" * 40
    fresh, folder = job("fresh")
    assert _restore(fresh, store)
    ran = fresh.run("Run seedcheck")
    assert (ran.returncode, ran.stdout) == (1, expected), ran.stderr
    assert {p.name for p in (folder / __version__).iterdir() if p.name != "memo"} == corpora

    # cache: "false": nothing restored or saved; the job's own cache only.
    third, folder = job("third", cache="false")
    assert not _restore(third, store)
    assert not folder.exists()
    ran = third.run("Run seedcheck")
    assert (ran.returncode, ran.stdout) == (1, expected), ran.stderr
    assert len(_memo(folder)) == 1
    assert not _save(third, store)
    assert not (workspace / ".seedcheck_cache").exists()
