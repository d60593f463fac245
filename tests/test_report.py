"""The report's list of checked files: path strings made from folders and names."""

from __future__ import annotations

from pathlib import Path

import pytest

from seedcheck.config.settings import load_config
from seedcheck.report import FolderPaths, Report
from seedcheck.run.engine import report_from
from seedcheck.run.targets import check_target, resolve_targets

SEEDS = ("000_aaaaaaaaaaaaaaaa.txt", "001_bbbbbbbbbbbbbbbb.txt", "002_cccccccccccccccc.txt")


def test_folder_paths_join_each_folder_with_its_names() -> None:
    paths = FolderPaths([("/c", ["a", "b"]), ("", []), ("", ["/x/i"]), ("/d", ("e",))])
    expected = [str(Path("/c", "a")), str(Path("/c", "b")), "/x/i", str(Path("/d", "e"))]
    assert list(paths) == expected
    assert len(paths) == 4
    assert [paths[i] for i in range(4)] == expected
    assert [paths[-1], paths[-4]] == [expected[-1], expected[0]]
    assert paths[1:3] == expected[1:3]
    assert paths[::-2] == expected[::-2]
    with pytest.raises(IndexError):
        paths[4]
    with pytest.raises(IndexError):
        paths[-5]
    assert paths == tuple(expected) and paths == expected
    assert paths != expected[:3] and paths != [*expected[:3], "other"] and paths != "abcd"
    assert "/x/i" in paths and paths.index("/x/i") == 2
    assert FolderPaths([]) == () and len(FolderPaths([("", [])])) == 0
    # Equal reports whichever way their lists were made.
    assert Report((), paths) == Report((), tuple(expected))


@pytest.fixture
def corpus(isolated: Path) -> Path:
    folder = isolated / "seeds"
    folder.mkdir()
    for name in SEEDS:
        (folder / name).write_text(
            f"---\ntitle: T {name}\nbyline: Ann Example\n---\nBody.\n", encoding="utf-8"
        )
    (folder / "INDEX.md").write_text("# Index\n", encoding="utf-8")
    return folder


def test_a_report_names_each_file_checked_by_its_path(corpus: Path, isolated: Path) -> None:
    config = load_config(isolated)
    (target,) = resolve_targets(["seeds"], config)
    selection = config.selection([], [])
    rules = selection.enabled_rules()
    checked = check_target(target, config, rules, cache_dir=None, jobs=1)
    expected = (*(str(seed.path) for seed in checked.corpus.seeds), str(corpus / "INDEX.md"))
    assert expected[:3] == tuple(str(target.root / name) for name in SEEDS)
    report = report_from([(checked.corpus, checked.findings, None)], selection)
    assert tuple(report.checked) == expected and report.files_checked == 4
    # Files named on the command line are reported as named, whatever the folder.
    (named,) = resolve_targets([f"seeds/{SEEDS[1]}"], config)
    assert named.only is not None
    report = report_from([(checked.corpus, checked.findings, named.only)], selection)
    assert tuple(report.checked) == (str(corpus / SEEDS[1]),)
