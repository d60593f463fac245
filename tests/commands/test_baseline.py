"""``validate --write-baseline`` and ``--baseline`` (or ``baseline`` in the settings):
known findings hidden, new ones reported, fixed ones counted, exact output."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import Result, RunCli
from tests.reporting_corpus import SEED_1, TEXT_LINES, write_corpus


def _print(code: str, text: str) -> str:
    return hashlib.sha256(f"{code}\0{text}".encode()).hexdigest()[:16]


BASELINE = {
    "format": "seedcheck-baseline",
    "version": 1,
    "findings": [
        {
            "path": f"seeds/{SEED_1}",
            "code": "SC106",
            "name": "trailing-whitespace",
            # The text pointed at, stripped: not the line number, not the message.
            "fingerprint": _print(
                "SC106", "The river authority opened its new gauge station on Monday,"
            ),
            "count": 1,
        },
        {
            "path": f"seeds/{SEED_1}",
            "code": "SC206",
            "name": "unknown-field",
            "fingerprint": _print("SC206", "sorce: Valley Courier"),
            "count": 1,
        },
        {
            "path": "seeds/003_bbbbbbbbbbbbbbbb.txt",
            "code": "SC603",
            "name": "numbering-gap",
            "fingerprint": _print("SC603", "---"),
            "count": 1,
        },
        {
            "path": "seeds/INDEX.md",
            "code": "SC501",
            "name": "index-missing",
            "fingerprint": _print("SC501", ""),  # no such file: no text
            "count": 1,
        },
    ],
}
ALL_HIDDEN = "All checks passed (2 files checked). 4 known findings hidden by the baseline.\n"


@pytest.fixture
def seeds(isolated: Path, run_cli: RunCli) -> Path:
    seeds = write_corpus(isolated)
    written = run_cli(["validate", "--write-baseline", "baseline.json"])
    assert written == Result(0, "Wrote baseline.json (4 findings).\n", "")
    return seeds


def test_the_baseline_file_is_sorted_stable_json(seeds: Path, run_cli: RunCli) -> None:
    path = seeds.parent / "baseline.json"
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(BASELINE, indent=2) + "\n"
    assert run_cli(["validate", "--write-baseline", "baseline.json"]).code == 0
    assert path.read_text(encoding="utf-8") == text  # the same findings, the same bytes


def test_known_findings_are_hidden(seeds: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "--baseline", "baseline.json"]) == Result(0, ALL_HIDDEN, "")
    # The run memo answers the second run; the baseline is applied after it.
    assert run_cli(["validate", "--baseline", "baseline.json"]) == Result(0, ALL_HIDDEN, "")
    assert run_cli(["validate", "--no-cache", "--baseline", "baseline.json"]) == Result(
        0, ALL_HIDDEN, ""
    )


def test_an_edit_elsewhere_does_not_revive_a_finding(seeds: Path, run_cli: RunCli) -> None:
    seed = seeds / SEED_1
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("---\nThe river", "---\nA new first line.\n\nThe river"), "utf-8")
    assert run_cli(["validate", "--baseline", "baseline.json"]) == Result(0, ALL_HIDDEN, "")


def test_new_findings_fail_and_fixed_ones_are_counted(seeds: Path, run_cli: RunCli) -> None:
    seed = seeds / SEED_1
    text = seed.read_text(encoding="utf-8").replace("sorce:", "source:")
    seed.write_text(text.replace("during storms.", "during storms. "), "utf-8")
    result = run_cli(["validate", "--baseline", "baseline.json"])
    assert result == Result(
        1,
        f"seeds/{SEED_1}:7:449: SC106 [trailing-whitespace] trailing whitespace\n"
        "Found 1 error in 1 file. 3 known findings hidden by the baseline; 1 of its entries "
        "no longer occurs (--write-baseline drops it).\n",
        "",
    )
    # Rewritten, the baseline drops the fixed finding and records the new one.
    assert run_cli(["validate", "--write-baseline", "baseline.json"]).code == 0
    recorded = json.loads((seeds.parent / "baseline.json").read_text(encoding="utf-8"))
    assert [(f["code"], f["count"]) for f in recorded["findings"]] == [
        ("SC106", 1),
        ("SC106", 1),
        ("SC603", 1),
        ("SC501", 1),
    ]


def test_a_run_on_some_files_counts_only_their_entries(seeds: Path, run_cli: RunCli) -> None:
    (seeds / "003_bbbbbbbbbbbbbbbb.txt").unlink()
    result = run_cli(["validate", "--baseline", "baseline.json", f"seeds/{SEED_1}"])
    assert result == Result(
        0, "All checks passed (1 file checked). 3 known findings hidden by the baseline.\n", ""
    )


def test_the_configured_baseline_is_relative_to_its_file(seeds: Path, run_cli: RunCli) -> None:
    (seeds.parent / "seedcheck.toml").write_text('baseline = "baseline.json"\n', "utf-8")
    assert run_cli(["validate"]) == Result(0, ALL_HIDDEN.replace("2 files", "2 files"), "")
    result = run_cli(["validate", "-q"], cwd=seeds)
    assert result == Result(0, "", "")
    # --baseline replaces the configured one.
    (seeds.parent / "empty.json").write_text(
        '{"format": "seedcheck-baseline", "version": 1, "findings": []}\n', "utf-8"
    )
    result = run_cli(["validate", "--baseline", "../empty.json"], cwd=seeds)
    assert result.code == 1
    assert len(result.out.splitlines()) == 5


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_machine_formats_say_what_was_hidden_on_stderr(
    seeds: Path, run_cli: RunCli, fmt: str
) -> None:
    plain = run_cli(["validate", "--format", fmt, "--select", "SC5"])
    result = run_cli(["validate", "--format", fmt, "--baseline", "baseline.json"])
    assert result.code == 0
    assert result.err == "seedcheck: 4 known findings hidden by the baseline.\n"
    if fmt == "json":
        assert result.out == "[]\n"
    assert plain.code == 1


def test_github_and_statistics_say_it_in_the_summary(seeds: Path, run_cli: RunCli) -> None:
    seed = seeds / SEED_1
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("during storms.", "during storms. "), "utf-8"
    )
    result = run_cli(["validate", "--statistics", "--baseline", "baseline.json"])
    assert result == Result(
        1,
        "1  SC106  trailing-whitespace\n"
        "Found 1 error in 1 file. 4 known findings hidden by the baseline.\n",
        "",
    )
    result = run_cli(["validate", "--format", "github", "--baseline", "baseline.json"])
    assert result.out.endswith(
        "Found 1 error in 1 file. 4 known findings hidden by the baseline.\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            None,
            "baseline.json: baseline not found; write one with "
            "`seedcheck validate --write-baseline baseline.json`",
        ),
        (
            "{",
            "baseline.json: not a seedcheck baseline: Expecting property name enclosed in "
            "double quotes: line 1 column 2 (char 1)",
        ),
        (
            "[]",
            'baseline.json: not a seedcheck baseline (expected a JSON object with "format": '
            '"seedcheck-baseline" and a "findings" list)',
        ),
        (
            '{"format": "seedcheck-baseline", "version": 1, "findings": [{"path": "x"}]}',
            "baseline.json: finding 1 of the baseline needs path, code and fingerprint",
        ),
    ],
)
def test_a_bad_baseline_is_a_one_line_error(
    isolated: Path, run_cli: RunCli, content: str | None, message: str
) -> None:
    write_corpus(isolated)
    if content is not None:
        (isolated / "baseline.json").write_text(content, encoding="utf-8")
    result = run_cli(["validate", "--baseline", "baseline.json"])
    assert result == Result(2, "", f"seedcheck: error: {message}\n")


def test_the_baseline_is_never_written_into_the_corpus(seeds: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--write-baseline", "seeds/baseline.json"])
    assert result == Result(
        2,
        "",
        "seedcheck: error: seeds/baseline.json: refusing to write the baseline into the "
        "corpus folder it checks; write it beside the configuration file\n",
    )
    assert TEXT_LINES  # the corpus's findings are those of tests.reporting_corpus
