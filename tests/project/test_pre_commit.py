"""The pre-commit hooks, through the real ``pre-commit`` and real git.

A temporary copy of this project (what pip needs to install it, plus
``.pre-commit-hooks.yaml``) is committed to a git repository; a second repository holding
a corpus uses its hooks from an installed ``.pre-commit-config.yaml``, and ``git commit``
runs them. The hook environment is built once per test session, in a session-wide
``PRE_COMMIT_HOME``. pre-commit is a dev dependency: if it is missing these tests fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import console_script

ROOT = Path(__file__).parents[2]
PRE_COMMIT = console_script("pre-commit")
BUNDLED = ROOT / "seeds"
SEEDS = ("000_24f2796343eaebf7.txt", "001_7504a8ae9be89afb.md")

# Variables a surrounding git hook or a CI job may set that would redirect the git
# commands run here to another repository, or change the output compared here.
_FOREIGN = frozenset(
    {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"}
    | {"PRE_COMMIT", "SKIP", "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"}
)


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


def _git(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return _run(["git", *args], repo, env)


def _init_repo(repo: Path, env: dict[str, str]) -> None:
    for args in (
        ["init", "-q"],
        ["config", "user.name", "Seed Tester"],
        ["config", "user.email", "tester@example.org"],
        ["config", "commit.gpgsign", "false"],
        ["config", "core.autocrlf", "false"],
    ):
        assert _git(repo, env, *args).returncode == 0


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for git and pre-commit: a session-wide hook cache."""
    environment = {k: v for k, v in os.environ.items() if k not in _FOREIGN}
    environment["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    return environment


@pytest.fixture(scope="session")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A git repository with this project as it is now; its path and commit."""
    repo = tmp_path_factory.mktemp("seedcheck-hooks")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, repo / name)
    shutil.copytree(
        ROOT / "src",
        repo / "src",
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "*.pyc"),
    )
    _init_repo(repo, env)
    assert _git(repo, env, "add", "-A").returncode == 0
    assert _git(repo, env, "commit", "-q", "--no-verify", "-m", "hooks").returncode == 0
    head = _git(repo, env, "rev-parse", "HEAD").stdout.strip()
    return repo, head


def _make_corpus_repo(
    tmp_path: Path, env: dict[str, str], hooks_repo: tuple[Path, str], hook_ids: list[str]
) -> Path:
    """A repository with a valid, indexed corpus and these hooks of this project installed."""
    hooks, rev = hooks_repo
    repo = tmp_path / "corpus-repo"
    (repo / "seeds").mkdir(parents=True)
    _init_repo(repo, env)
    (repo / "seedcheck.toml").write_text("", encoding="utf-8")
    for name in SEEDS:
        shutil.copy2(BUNDLED / name, repo / "seeds" / name)
    config = {
        "repos": [
            {
                "repo": hooks.as_posix(),
                "rev": rev,
                "hooks": [{"id": hook_id} for hook_id in hook_ids],
            }
        ]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    indexed = _run([sys.executable, "-m", "seedcheck", "index"], repo, env)
    assert indexed.returncode == 0, indexed.stderr
    installed = _run([str(PRE_COMMIT), "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo


@pytest.fixture
def corpus_repo(
    tmp_path: Path, env: dict[str, str], hooks_repo: tuple[Path, str]
) -> Iterator[Path]:
    """A repository with a valid, indexed corpus, validated and indexed by the hooks."""
    yield _make_corpus_repo(tmp_path, env, hooks_repo, ["seedcheck", "seedcheck-index"])


def _commit(repo: Path, env: dict[str, str]) -> tuple[int, str]:
    """Stage everything and commit; the exit code and the hooks' output.

    git hands a hook's standard output to its own standard error.
    """
    assert _git(repo, env, "add", "-A").returncode == 0
    done = _git(repo, env, "commit", "-m", "change seeds")
    return done.returncode, done.stdout + done.stderr


def _status(output: str) -> dict[str, str]:
    """Each hook's name and its result, from pre-commit's ``name....Passed`` lines."""
    return dict(
        re.findall(r"^(seedcheck(?: index| fix)?)\.+(Passed|Failed)$", output, re.MULTILINE)
    )


def test_valid_commit_passes_and_an_edit_needs_the_new_index(
    corpus_repo: Path, env: dict[str, str]
) -> None:
    code, output = _commit(corpus_repo, env)
    assert code == 0, output
    assert _status(output) == {"seedcheck": "Passed", "seedcheck index": "Passed"}

    seed = corpus_repo / "seeds" / SEEDS[1]
    seed.write_text(
        seed.read_text(encoding="utf-8") + "\nThe cores are now kept at the county archive.\n",
        encoding="utf-8",
    )
    code, output = _commit(corpus_repo, env)
    assert code == 1
    assert _status(output) == {"seedcheck": "Failed", "seedcheck index": "Failed"}
    assert re.search(
        rf"^seeds/INDEX\.md:11:\d+: SC507 \[index-digest\] {SEEDS[1]} changed since it was "
        r"indexed .*; run `seedcheck index`$",
        output,
        re.MULTILINE,
    ), output
    assert "Updated seeds/INDEX.md (2 seeds).\n" in output
    assert "files were modified by this hook" in output
    assert _git(corpus_repo, env, "rev-list", "--count", "HEAD").stdout == "1\n"

    code, output = _commit(corpus_repo, env)  # git add picks up the rewritten INDEX.md
    assert code == 0, output
    assert _status(output) == {"seedcheck": "Passed", "seedcheck index": "Passed"}
    assert _git(corpus_repo, env, "rev-list", "--count", "HEAD").stdout == "2\n"


def test_broken_seed_is_refused_with_file_line_and_problem(
    corpus_repo: Path, env: dict[str, str]
) -> None:
    seed = corpus_repo / "seeds" / SEEDS[0]
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("byline: Marta Ilić\n", "byline: Marta Ilić  \n"), "utf-8")
    # Index the broken file so that only the broken line itself is reported.
    assert _run([sys.executable, "-m", "seedcheck", "index"], corpus_repo, env).returncode == 0
    code, output = _commit(corpus_repo, env)
    assert code == 1
    assert _status(output) == {"seedcheck": "Failed", "seedcheck index": "Passed"}
    assert (
        f"seeds/{SEEDS[0]}:3:19: SC106 [trailing-whitespace] trailing whitespace\n"
        "Found 1 error in 1 file.\n"
    ) in output
    assert _git(corpus_repo, env, "rev-parse", "--verify", "-q", "HEAD").returncode != 0


def test_fix_hook_repairs_a_seed_and_the_next_commit_passes(
    tmp_path: Path, env: dict[str, str], hooks_repo: tuple[Path, str]
) -> None:
    repo = _make_corpus_repo(tmp_path, env, hooks_repo, ["seedcheck-fix", "seedcheck"])
    seed = repo / "seeds" / SEEDS[0]
    clean = seed.read_bytes()
    seed.write_bytes(clean.replace(b"\n", b"\r\n").rstrip(b"\r\n"))
    code, output = _commit(repo, env)
    assert code == 1
    # The fixer rewrote the seed and its index row; validate then saw the fixed files.
    assert _status(output) == {"seedcheck fix": "Failed", "seedcheck": "Passed"}
    assert f"fixed seeds/{SEEDS[0]}: CRLF line endings" in output
    assert "files were modified by this hook" in output
    assert seed.read_bytes() == clean
    code, output = _commit(repo, env)
    assert code == 0, output
    assert _status(output) == {"seedcheck fix": "Passed", "seedcheck": "Passed"}


def test_fix_and_validate_hooks_print_each_finding_once(
    tmp_path: Path, env: dict[str, str], hooks_repo: tuple[Path, str]
) -> None:
    repo = _make_corpus_repo(tmp_path, env, hooks_repo, ["seedcheck-fix", "seedcheck"])
    seed = repo / "seeds" / SEEDS[0]
    text = seed.read_text(encoding="utf-8").replace("\nsource:", "\nsorce:")
    seed.write_bytes(text.replace("\n", "\r\n").encode())
    assert _run([sys.executable, "-m", "seedcheck", "index"], repo, env).returncode == 0
    code, output = _commit(repo, env)
    assert code == 1
    assert _status(output) == {"seedcheck fix": "Failed", "seedcheck": "Failed"}
    assert f"fixed seeds/{SEEDS[0]}: CRLF line endings" in output
    assert output.count("SC206 [unknown-field]") == 1, output


def test_two_corpus_projects_in_one_repository_each_with_its_settings(
    tmp_path: Path, env: dict[str, str], hooks_repo: tuple[Path, str]
) -> None:
    """Hooks run from the repository root; each corpus takes its nearest settings."""
    hooks, rev = hooks_repo
    repo = tmp_path / "two-corpora"
    repo.mkdir()
    _init_repo(repo, env)
    (repo / "news").mkdir()
    (repo / "news" / "seedcheck.toml").write_text('required = ["url"]\n', encoding="utf-8")
    (repo / "blogs").mkdir()
    (repo / "blogs" / "pyproject.toml").write_text(
        '[tool.seedcheck]\ncorpus = "posts"\n\n'
        '[tool.seedcheck.per-file-ignores]\n"posts/000_*.txt" = ["trailing-whitespace"]\n',
        encoding="utf-8",
    )
    for corpus in (repo / "news" / "seeds", repo / "blogs" / "posts"):
        corpus.mkdir()
        for name in SEEDS:
            shutil.copy2(BUNDLED / name, corpus / name)
    config = {
        "repos": [
            {
                "repo": hooks.as_posix(),
                "rev": rev,
                "hooks": [{"id": "seedcheck"}, {"id": "seedcheck-index"}],
            }
        ]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    assert _run([str(PRE_COMMIT), "install"], repo, env).returncode == 0
    indexed = _run(
        [sys.executable, "-m", "seedcheck", "index", "news/seeds", "blogs/posts"], repo, env
    )
    assert indexed.returncode == 0, indexed.stderr
    code, output = _commit(repo, env)
    assert code == 0, output

    # news requires url; blogs ignores trailing blanks in 000: neither is the default.
    news = repo / "news" / "seeds" / SEEDS[0]
    news.write_text(
        re.sub(r"(?m)^url: .*\n", "", news.read_text(encoding="utf-8")), encoding="utf-8"
    )
    blog = repo / "blogs" / "posts" / SEEDS[0]
    text = blog.read_text(encoding="utf-8")
    blog.write_text(text.replace("byline: Marta Ilić\n", "byline: Marta Ilić  \n"), "utf-8")
    code, output = _commit(repo, env)
    assert code == 1
    assert _status(output) == {"seedcheck": "Failed", "seedcheck index": "Failed"}
    assert "Updated news/seeds/INDEX.md (2 seeds).\n" in output
    assert "Updated blogs/posts/INDEX.md (2 seeds).\n" in output

    code, output = _commit(repo, env)  # with the rewritten indexes
    assert code == 1
    assert _status(output) == {"seedcheck": "Failed", "seedcheck index": "Passed"}
    assert (
        f"news/seeds/{SEEDS[0]}:1:1: SC207 [missing-field] missing required field 'url'\n"
        "Found 1 error in 1 file.\n"
    ) in output


def _hooks() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )
    return hooks


MATCHED = [
    "seeds/000_0123456789abcdef.txt",
    "000_0123456789abcdef.md",
    "data/corpus/1234_0123456789abcdef.txt",
    "seeds/INDEX.md",
    "INDEX.md",
    "pyproject.toml",
    "seedcheck.toml",
    "tools/seedcheck.toml",
]
NOT_MATCHED = [
    "seeds/README.md",
    "seeds/00_0123456789abcdef.txt",
    "seeds/000_0123456789ABCDEF.txt",
    "seeds/000_0123456789abcde.txt",
    "seeds/000_0123456789abcdef.txt.bak",
    "seeds/000_0123456789abcdef.rst",
    "seeds/x000_0123456789abcdef.txt",
    "seeds/index.md",
    "docs/MYINDEX.md",
    "pyproject.toml.orig",
    "mypyproject.toml",
    "src/seedcheck/cli.py",
]


@pytest.mark.parametrize("hook", ["seedcheck", "seedcheck-index", "seedcheck-fix"])
def test_files_pattern(hook: str) -> None:
    (found,) = [h for h in _hooks() if h["id"] == hook]
    pattern = re.compile(found["files"])  # pre-commit matches with re.search
    assert [p for p in MATCHED if not pattern.search(p)] == []
    assert [p for p in NOT_MATCHED if pattern.search(p)] == []


def test_hook_definitions() -> None:
    by_id = {hook["id"]: hook for hook in _hooks()}
    assert set(by_id) == {"seedcheck", "seedcheck-index", "seedcheck-fix"}
    assert by_id["seedcheck-fix"]["entry"] == "seedcheck fix --fix-only"
    assert by_id["seedcheck"]["entry"] == "seedcheck validate"
    assert by_id["seedcheck-index"]["entry"] == "seedcheck index --exit-non-zero-on-fix"
    assert "pass_filenames" not in by_id["seedcheck-index"]  # the corpora of the files
    assert by_id["seedcheck-index"]["args"] == ["--"]
    # pre-commit appends the file names after the args: after --, they stay file names.
    assert by_id["seedcheck"]["args"] == by_id["seedcheck-fix"]["args"] == ["--"]
    for hook in by_id.values():
        assert (hook["language"], hook["require_serial"]) == ("python", True)


def test_own_hooks_skip_the_deliberately_broken_corpora() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"seedcheck", "seedcheck-index", "ruff-check", "ruff-format", "mypy"} <= set(hooks)
    assert all(repo["repo"] == "local" for repo in config["repos"])
    # The dev environment's tools: offline, and the versions CI runs.
    assert {hook["language"] for hook in hooks.values()} == {"system"}
    for hook_id in ("seedcheck", "seedcheck-index"):
        pattern = re.compile(hooks[hook_id]["files"])
        assert pattern.search("seeds/000_24f2796343eaebf7.txt")
        assert pattern.search("seeds/INDEX.md")
        assert not pattern.search("tests/cases/index-digest/fail/INDEX.md")
        assert not pattern.search("examples/broken/corpus/000_24f2796343eaebf7.txt")


@pytest.mark.parametrize(
    ("command", "path"),
    [
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ],
)
def test_pre_commit_accepts_the_files(command: str, path: str, env: dict[str, str]) -> None:
    result = _run([str(PRE_COMMIT), command, path], ROOT, env)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "refused"),
    [(None, False), (["--strict", "--"], False), (["--strict"], True)],
    ids=["default-args", "own-args-ending-in-dashes", "own-args-without-dashes"],
)
def test_staged_files_named_like_options_stay_file_names(
    tmp_path: Path,
    env: dict[str, str],
    hooks_repo: tuple[Path, str],
    args: list[str] | None,
    refused: bool,
) -> None:
    # Issue 25: a committed `--config=cfg/000_….txt` was read as --config, and the hook
    # said "All checks passed" on a broken corpus.
    repo = _make_corpus_repo(tmp_path, env, hooks_repo, ["seedcheck"])
    if args is not None:
        config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
        config["repos"][0]["hooks"][0]["args"] = args
        (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    seed = repo / "seeds" / SEEDS[0]
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("byline: Marta Ilić\n", "byline: Marta Ilić  \n"), "utf-8")
    assert _run([sys.executable, "-m", "seedcheck", "index"], repo, env).returncode == 0
    for folder in ("--config=cfg", "cfg"):
        (repo / folder).mkdir()
        (repo / folder / "000_0123456789abcdef.txt").write_text(
            "ignore = ['ALL']\n", encoding="utf-8"
        )
    code, output = _commit(repo, env)
    assert code == 1
    assert _status(output) == {"seedcheck": "Failed"}
    assert "All checks passed" not in output
    if refused:
        assert (
            "seedcheck: error: --config=cfg/000_0123456789abcdef.txt is a file, but reads as "
            "an option; put file names after --"
        ) in output
    else:
        assert "--config=cfg/000_0123456789abcdef.txt:1:1: " in output
        assert f"seeds/{SEEDS[0]}:3:19: SC106 [trailing-whitespace]" in output
