"""``--jobs``: worker processes read and check seeds; the report does not change."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import seedcheck.run.folder
from tests.conftest import RunCli, console_script

ROOT = Path(__file__).parents[2]


def _corpus(folder: Path, count: int) -> None:
    """``count`` seeds, some with defects, one a copy of another."""
    folder.mkdir()
    for number in range(count):
        words = " ".join(f"w{number}x{i}" for i in range(40 + number % 7))
        if number % 5 == 0:
            words += "  "  # trailing whitespace
        byline = "" if number % 11 == 0 else "Ana Silva"
        if number == count - 1:
            words = " ".join(f"w0x{i}" for i in range(40))
        (folder / f"{number:03d}_{number:016x}.txt").write_text(
            f"---\ntitle: Seed {number}\nbyline: {byline}\n---\n{words}\n", encoding="utf-8"
        )


@pytest.fixture
def pool_started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Worker pools from the first file on; records each pool started."""
    started: list[int] = []
    context = seedcheck.run.folder._context

    def recording_context() -> object:
        started.append(1)
        return context()

    monkeypatch.setattr(seedcheck.run.folder, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(seedcheck.run.folder, "_context", recording_context)
    return started


@pytest.mark.parametrize("output", ["text", "json", "sarif"])
def test_workers_report_what_one_process_reports(
    output: str, isolated: Path, run_cli: RunCli, pool_started: list[int]
) -> None:
    _corpus(isolated / "corpus", 40)
    run_cli(["index", "corpus"])  # reads the corpus as validate does, with workers
    pool_started.clear()
    one = run_cli(["validate", "--no-cache", "--format", output, "-j", "1", "corpus"])
    assert pool_started == []
    two = run_cli(["validate", "--no-cache", "--format", output, "--jobs", "2", "corpus"])
    assert pool_started == [1]
    assert one.code == 1
    assert two == one


def test_workers_on_named_files_and_the_bundled_examples(
    run_cli: RunCli, pool_started: list[int]
) -> None:
    for args in (["examples/broken"], ["tests/corpora/scraped"]):
        one = run_cli(["validate", "--no-cache", "-j1", *args], cwd=ROOT)
        assert run_cli(["validate", "--no-cache", "-j2", *args], cwd=ROOT) == one
    seeds = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples/broken").glob("*/0*.txt"))
    one = run_cli(["validate", "--no-cache", "-j1", *seeds[:2]], cwd=ROOT)
    assert run_cli(["validate", "--no-cache", "-j2", *seeds[:2]], cwd=ROOT) == one


@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_jobs_must_be_a_positive_number(value: str, isolated: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--jobs", value])
    assert result.code == 2
    assert (
        f"argument --jobs/-j: expected a whole number of processes, 1 or more, not {value!r}"
        in (result.err)
    )


def test_the_installed_script_uses_workers_above_the_threshold(isolated: Path) -> None:
    count = seedcheck.run.folder.PARALLEL_MIN_FILES + 20
    _corpus(isolated / "corpus", count)
    script = str(console_script("seedcheck"))
    runs = [
        subprocess.run(
            [script, "validate", "--no-cache", "-j", jobs, "--format", "json", "corpus"],
            cwd=isolated,
            capture_output=True,
            text=True,
            check=False,
        )
        for jobs in ("1", "2")
    ]
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stderr == runs[1].stderr == ""
    assert runs[0].stdout == runs[1].stdout
    assert '"code": "SC413"' in runs[0].stdout


def test_a_workers_outcome_comes_back_whole_with_the_candidates_own_names(
    tmp_path: Path,
) -> None:
    """What a worker sends is the outcome again, less the path and names the main
    process already holds, which the rebuilt outcome shares (not copies of them)."""
    import pickle

    from seedcheck.config.settings import Settings, options_from
    from seedcheck.corpus.listing import DEFAULT_PATTERN, Candidate, list_folder, name_pattern
    from seedcheck.rules.registry import RULES
    from seedcheck.run.seed_worker import SeedJob, _to_wire, check_seed, from_wire

    folder = tmp_path / "corpus"
    _corpus(folder, 12)
    (folder / "012_000000000000000c.txt").write_text("x" * 2000, encoding="utf-8")
    (folder / "013_000000000000000d.txt").write_bytes(b"---\ntitle: \xff\n---\nBody.\n")
    job = SeedJob(
        "auto",
        (),
        (),
        options_from(Settings()),
        tuple(rule.code for rule in RULES if rule.check_file is not None),
        True,
    )
    candidates = [
        item
        for item in list_folder(folder, name_pattern(DEFAULT_PATTERN), 1000)
        if isinstance(item, Candidate)
    ]
    kinds: list[str] = []
    for candidate in candidates:
        outcome = check_seed(candidate, job, True)
        kinds.append(outcome.entry.kind)
        wire = pickle.loads(pickle.dumps(_to_wire(outcome)))
        back = from_wire(wire, candidate)
        assert back == outcome
        assert back.entry.path is candidate.path
        if back.summary is not None:
            assert back.summary.path is candidate.path
            assert back.summary.name is candidate.name
    assert kinds == ["seed"] * 12 + ["too-large", "seed"]
