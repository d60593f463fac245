"""Unsaved text over its size limit: the findings validate gives when that text is saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seedcheck.config.settings import load_config
from seedcheck.run.targets import check_target, resolve_targets

EXAMPLE = Path(__file__).parents[2] / "examples" / "broken"
LIMIT = 4096
SAVED_SEED = "002_e4719b67880eed0d.txt"
NEW_SEED = "005_0123456789abcdef.txt"
FILLER = "A line of filler words that keeps going on.\n"


def _findings(project: Path, overlay: dict[str, bytes] | None = None) -> list[tuple[str, ...]]:
    config = load_config(project)
    (target,) = resolve_targets([str(project / "corpus")], config)
    rules = config.selection().enabled_rules()
    checked = check_target(target, config, rules, cache_dir=None, jobs=1, overlay=overlay)
    if overlay:
        assert checked.listing is None  # not the folder as it is on disk
    return sorted(
        (Path(d.path).name, d.code, str(d.line), str(d.column), d.message) for d in checked.findings
    )


def _project(folder: Path) -> Path:
    shutil.copytree(EXAMPLE, folder)
    (folder / "seedcheck.toml").write_text(f"max-file-size = {LIMIT}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "name",
    [
        SAVED_SEED,  # saved under the limit
        NEW_SEED,  # not saved yet
        "INDEX.md",  # a limit of its own: 1 MiB and 4 KiB per seed
    ],
)
def test_text_over_the_limit_gets_what_validate_gives_once_saved(tmp_path: Path, name: str) -> None:
    edited = _project(tmp_path / "edited")
    saved = _project(tmp_path / "saved")
    start = (EXAMPLE / "corpus" / name).read_text(encoding="utf-8") if name != NEW_SEED else ""
    lines = 30_000 if name == "INDEX.md" else 200
    text = (start + FILLER * lines).encode("utf-8")
    (saved / "corpus" / name).write_bytes(text)

    expected = _findings(saved)
    assert (name, "SC107") in {found[:2] for found in expected}
    assert _findings(edited, {name: text}) == expected
    # Nothing was written for it.
    assert not (edited / "corpus" / NEW_SEED).exists()
    assert (edited / "corpus" / SAVED_SEED).read_bytes() == (
        EXAMPLE / "corpus" / SAVED_SEED
    ).read_bytes()


def test_text_over_the_limit_beside_text_under_it(tmp_path: Path) -> None:
    edited = _project(tmp_path / "edited")
    saved = _project(tmp_path / "saved")
    over = (FILLER * 200).encode("utf-8")
    under = (EXAMPLE / "corpus" / SAVED_SEED).read_bytes().replace(b"  \n", b"\n")
    (saved / "corpus" / NEW_SEED).write_bytes(over)
    (saved / "corpus" / SAVED_SEED).write_bytes(under)
    assert _findings(edited, {NEW_SEED: over, SAVED_SEED: under}) == _findings(saved)
