"""Shared test helpers: run ``main([...])`` in a folder and capture what it prints."""

from __future__ import annotations

import functools
import os
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from seedcheck.cli import main

CASES = Path(__file__).parent / "cases"

# Property tests run a bounded number of examples in the normal suite, with no per-example
# deadline (shared CI machines are noisy); HYPOTHESIS_PROFILE=long runs many more.
settings.register_profile("normal", max_examples=60, deadline=None)
settings.register_profile("long", max_examples=2_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "normal"))


def console_script(name: str) -> Path:
    """Where pip installed the console script ``name`` for the Python running the tests.

    Not always beside the interpreter: a Windows Python outside a virtual environment
    keeps python.exe in its prefix and the scripts (``name.exe``) in ``Scripts``.
    """
    file_name = f"{name}.exe" if os.name == "nt" else name
    folders = (Path(sysconfig.get_path("scripts")), Path(sys.executable).parent)
    candidates = [folder / file_name for folder in folders]
    return next((path for path in candidates if path.is_file()), candidates[0])


@functools.cache
def can_symlink() -> bool:
    """Whether this process may create symbolic links.

    Windows lets only privileged users (or developer mode) create them; os.symlink then
    raises OSError. POSIX systems always can.
    """
    with tempfile.TemporaryDirectory() as folder:
        try:
            (Path(folder) / "link").symlink_to("target")
        except (OSError, NotImplementedError):
            return False
    return True


needs_symlinks = pytest.mark.skipif(
    not can_symlink(), reason="this system does not let the tests create symbolic links"
)


def case_insensitive(folder: Path) -> bool:
    """Whether names in ``folder`` ignore case, as on macOS and Windows by default."""
    probe = folder / "case-probe"
    probe.write_text("", encoding="utf-8")
    try:
        return (folder / "CASE-PROBE").exists()
    finally:
        probe.unlink()


def ignore_case_of(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make ``os.path.lexists`` find ``name`` when only its lower-case twin exists.

    What a file system that ignores case (macOS, Windows) does for that one name.
    """
    real = os.path.lexists

    def lexists(path: str | os.PathLike[str]) -> bool:
        candidate = Path(path)
        return real(path) or (candidate.name == name and real(candidate.with_name(name.lower())))

    monkeypatch.setattr(os.path, "lexists", lexists)


def memo_files() -> list[Path]:
    """The run memo's files (a file a run) in the test's cache folder."""
    from seedcheck.cache.run_memo import MEMO_FOLDER

    return sorted(Path(os.environ["SEEDCHECK_CACHE_DIR"]).glob(f"*/{MEMO_FOLDER}/*"))


@pytest.fixture(autouse=True)
def _cache_per_test(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Each test gets a cache folder of its own, outside the repository.

    Otherwise runs over the repository's test corpora would leave caches there, and a
    test's result could depend on what an earlier test (or run) cached. Tests of the
    cache's location unset the variable.
    """
    monkeypatch.setenv("SEEDCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _index_rows_read_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every INDEX.md table of two rows or more has its later rows read apart.

    In use, only tables of many rows are (see seedcheck.index.long_tables); here the test
    corpora's small indexes go the same way, so every test of the index rules also tests
    that reading rows apart gives what one parse gives.
    """
    monkeypatch.setattr("seedcheck.index.long_tables.MIN_ROWS_LEFT_OUT", 1)


@pytest.fixture(autouse=True)
def _lf_when_tests_write_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test corpora are written with LF line endings on every platform.

    ``Path.write_text`` turns "\n" into os.linesep, so on Windows every corpus a test
    writes would be CRLF and report line-ending findings. seedcheck's own writes pass
    ``newline`` explicitly and are unaffected.
    """
    if os.linesep == "\n":
        return
    write_text = Path.write_text

    def lf_write_text(
        self: Path,
        data: str,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = "\n",
    ) -> int:
        return write_text(self, data, encoding, errors, newline)

    monkeypatch.setattr(Path, "write_text", lf_write_text)


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


RunCli = Callable[..., Result]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Call ``main(args)`` with the working directory set to ``cwd``."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(args: Sequence[str], cwd: Path | None = None) -> Result:
        capsys.readouterr()
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary project root: no configuration above it is picked up.

    Its seedcheck.toml turns body-too-short off: the corpora these tests write have
    one-line bodies, since they test the command line, not article length (which
    ``tests/cases/body-too-short`` does). A test that writes its own seedcheck.toml
    replaces this one.
    """
    (tmp_path / "seedcheck.toml").write_text("body-min-words = 0\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    os.chdir(Path(__file__).parent)
