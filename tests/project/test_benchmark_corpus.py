"""The benchmark's corpus generator plants what it says, and nothing else is found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import RunCli

MAKE_CORPUS = Path(__file__).parents[2] / "benchmarks" / "make_corpus.py"


def test_generated_corpus_has_exactly_the_planted_findings(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "corpus"
    subprocess.run([sys.executable, str(MAKE_CORPUS), "13", str(folder)], check=True)
    result = run_cli(["validate", "--no-cache", "--format", "json", str(folder)])
    found = sorted(d["code"] for d in json.loads(result.out))
    # Near-copy, pasted twice, "More from", no name, trailing blanks, unclosed header,
    # and the row of the seed edited after indexing (its words and its digest).
    assert found == ["SC106", "SC201", "SC304", "SC403", "SC406", "SC414", "SC506", "SC507"]
    assert result.code == 1


def test_generator_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(MAKE_CORPUS), "3", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "is not empty" in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
