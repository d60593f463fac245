"""``seedcheck validate`` end to end: exact output and exit codes on a hand-written corpus.

The corpus (built in a temporary project root) has problems in three files:

- ``001``: an unknown field ``sorce`` (line 4) and trailing blanks (line 6);
- ``002``: a plain-layout byline that lost its name (line 3), no final newline (line 5);
- ``004``: fine itself, but number 003 is missing (a warning, reported on ``004``);
- ``INDEX.md``: the title cell of ``001`` (line 9) differs from the file.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import Result, RunCli, case_insensitive, needs_symlinks

REPO = Path(__file__).parents[2]

SEED_1 = "001_aaaaaaaaaaaaaaaa.txt"
SEED_2 = "002_bbbbbbbbbbbbbbbb.txt"
SEED_4 = "004_cccccccccccccccc.md"

FILES = {
    SEED_1: (
        "---\n"
        "title: First Seed\n"
        "byline: Ann Example\n"
        "sorce: Daily Example\n"
        "---\n"
        "One two three.  \n"
        "Four five.\n"
    ),
    SEED_2: (
        "Second Seed\n"
        "\n"
        "By , a professor of history at Example University\n"
        "\n"
        "Body text here with six words."
    ),
    SEED_4: (
        "---\ntitle: Fourth Seed\nbyline: Dee Writer\npublished: 2024-01-02\n---\nA short body.\n"
    ),
}


def _digest(name: str) -> str:
    return hashlib.sha256(FILES[name].encode()).hexdigest()[:16]


def _row(name: str, title: str, byline: str, published: str, words: int) -> str:
    cells = [name[:3], f"[{name}](<{name}>)", title, byline, published, str(words), _digest(name)]
    return "| " + " | ".join(cells) + " |\n"


# Word counts: 001 "One two three. Four five." = 5; 002 = 6 (the byline line of the
# plain layout is not body text); 004 = 3.
INDEX = (
    "# Index\n"
    "\n"
    "Hand-written notes.\n"
    "\n"
    "<!-- seedcheck:index:begin -->\n"
    "\n"
    "| No. | File | Title | Byline | Published | Words | SHA-256 |\n"
    "| ---: | --- | --- | --- | --- | ---: | --- |\n"
    + _row(SEED_1, "First Seed (draft)", "Ann Example", "", 5)
    + _row(SEED_2, "Second Seed", ", a professor of history at Example University", "", 6)
    + _row(SEED_4, "Fourth Seed", "Dee Writer", "2024-01-02", 3)
    + "\n<!-- seedcheck:index:end -->\n"
)

UNKNOWN = (
    f"seeds/{SEED_1}:4:1: SC206 [unknown-field] unknown field 'sorce' (did you mean 'source'?)"
)
TRAILING = f"seeds/{SEED_1}:6:15: SC106 [trailing-whitespace] trailing whitespace"
BYLINE = (
    f"seeds/{SEED_2}:3:4: SC304 [byline-invalid] byline has no name before the comma "
    "(the name was lost and the bio kept)"
)
NEWLINE = f"seeds/{SEED_2}:5:31: SC105 [missing-final-newline] no newline at end of file"
GAP = f"seeds/{SEED_4}:1:1: SC603 [numbering-gap] 003 missing between 002 and 004"
MISMATCH = (
    f"seeds/INDEX.md:9:66: SC506 [index-mismatch] Title of {SEED_1} is 'First Seed (draft)' "
    "in the index but 'First Seed' in the file; run `seedcheck index`"
)
ALL_LINES = [UNKNOWN, TRAILING, BYLINE, NEWLINE, GAP, MISMATCH]
ALL_SUMMARY = "Found 5 errors and 1 warning in 4 files."


def _text(lines: list[str], summary: str | None) -> str:
    return "".join(f"{line}\n" for line in [*lines, *([summary] if summary else [])])


@pytest.fixture
def broken(isolated: Path) -> Path:
    """The broken corpus in ``isolated/seeds``; returns the project root."""
    seeds = isolated / "seeds"
    seeds.mkdir()
    for name, text in {**FILES, "INDEX.md": INDEX}.items():
        (seeds / name).write_bytes(text.encode())
    return isolated


def test_text_output(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate"])
    assert (result.code, result.err) == (1, "")
    assert result.out == _text(ALL_LINES, ALL_SUMMARY)


@pytest.mark.parametrize("path", ["seeds", "seeds/", "./seeds", "seedcheck.toml"])
def test_corpus_given_as_path(broken: Path, run_cli: RunCli, path: str) -> None:
    result = run_cli(["validate", path])
    assert (result.code, result.err) == (1, "")
    assert result.out == _text(ALL_LINES, ALL_SUMMARY)


def test_corpus_given_as_absolute_path_from_elsewhere(broken: Path, run_cli: RunCli) -> None:
    # Files outside the current directory are shown with their absolute path.
    (broken / "elsewhere").mkdir()
    result = run_cli(
        ["validate", "--select", "SC105", str(broken / "seeds")], cwd=broken / "elsewhere"
    )
    assert (result.code, result.err) == (1, "")
    absolute = (broken / "seeds" / SEED_2).as_posix()
    assert result.out == _text(
        [f"{absolute}:5:31: SC105 [missing-final-newline] no newline at end of file"],
        "Found 1 error in 1 file.",
    )


def test_json_output(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--format", "json"])
    assert (result.code, result.err) == (1, "")
    assert result.out.endswith("]\n")
    items = json.loads(result.out)
    assert items == [
        {
            "path": f"seeds/{SEED_1}",
            "line": 4,
            "column": 1,
            "end_line": 4,
            "end_column": 6,
            "code": "SC206",
            "name": "unknown-field",
            "severity": "error",
            "message": "unknown field 'sorce' (did you mean 'source'?)",
        },
        {
            "path": f"seeds/{SEED_1}",
            "line": 6,
            "column": 15,
            "end_line": 6,
            "end_column": 17,
            "code": "SC106",
            "name": "trailing-whitespace",
            "severity": "error",
            "message": "trailing whitespace",
        },
        {
            "path": f"seeds/{SEED_2}",
            "line": 3,
            "column": 4,
            "end_line": 3,
            "end_column": 50,
            "code": "SC304",
            "name": "byline-invalid",
            "severity": "error",
            "message": "byline has no name before the comma (the name was lost and the bio kept)",
        },
        {
            "path": f"seeds/{SEED_2}",
            "line": 5,
            "column": 31,
            "end_line": None,
            "end_column": None,
            "code": "SC105",
            "name": "missing-final-newline",
            "severity": "error",
            "message": "no newline at end of file",
        },
        {
            "path": f"seeds/{SEED_4}",
            "line": 1,
            "column": 1,
            "end_line": None,
            "end_column": None,
            "code": "SC603",
            "name": "numbering-gap",
            "severity": "warning",
            "message": "003 missing between 002 and 004",
        },
        {
            "path": "seeds/INDEX.md",
            "line": 9,
            "column": 66,
            "end_line": None,
            "end_column": None,
            "code": "SC506",
            "name": "index-mismatch",
            "severity": "error",
            "message": f"Title of {SEED_1} is 'First Seed (draft)' in the index but "
            "'First Seed' in the file; run `seedcheck index`",
        },
    ]


def test_json_output_without_findings_is_an_empty_array(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--format", "json", "--select", "SC101"])
    assert (result.code, result.out, result.err) == (0, "[]\n", "")


def test_json_ignores_quiet_and_color(broken: Path, run_cli: RunCli) -> None:
    plain = run_cli(["validate", "--format", "json", "--select", "SC105"])
    styled = run_cli(
        ["validate", "--format", "json", "--select", "SC105", "-q", "--color", "always"]
    )
    assert styled == plain
    assert "\033" not in plain.out


ONE_TRAILING = "Found 1 error in 1 file."
TRAILING_AND_BYLINE = "Found 2 errors in 2 files."
NOTHING = "All checks passed (4 files checked)."

# (arguments, findings, summary, exit code)
SELECTIONS = [
    (["--select", "trailing-whitespace"], [TRAILING], ONE_TRAILING, 1),
    (["--select", "SC106"], [TRAILING], ONE_TRAILING, 1),
    (["--select", "sc106"], [TRAILING], ONE_TRAILING, 1),
    (["--select", "SC1"], [TRAILING, NEWLINE], "Found 2 errors in 2 files.", 1),
    (["--select", "SC106,byline-invalid"], [TRAILING, BYLINE], TRAILING_AND_BYLINE, 1),
    (["--select", "SC106, byline-invalid"], [TRAILING, BYLINE], TRAILING_AND_BYLINE, 1),
    (
        ["--select", "SC106", "--select", "byline-invalid"],
        [TRAILING, BYLINE],
        TRAILING_AND_BYLINE,
        1,
    ),
    (["--select", "SC5,SC6"], [GAP, MISMATCH], "Found 1 error and 1 warning in 2 files.", 1),
    (["--select", "SC603"], [GAP], "Found 1 warning in 1 file.", 0),
    (["--select", "ALL"], ALL_LINES, ALL_SUMMARY, 1),
    (
        ["--ignore", "SC1,SC2"],
        [BYLINE, GAP, MISMATCH],
        "Found 2 errors and 1 warning in 3 files.",
        1,
    ),
    (
        ["--ignore", "index-mismatch", "--ignore", "SC6"],
        [UNKNOWN, TRAILING, BYLINE, NEWLINE],
        "Found 4 errors in 2 files.",
        1,
    ),
    (["--select", "SC1", "--ignore", "missing-final-newline"], [TRAILING], ONE_TRAILING, 1),
    (["--select", "SC106", "--ignore", "SC106"], [], NOTHING, 0),
    (["--ignore", "ALL"], [], NOTHING, 0),
]


@pytest.mark.parametrize(
    ("args", "lines", "summary", "code"),
    SELECTIONS,
    ids=[" ".join(case[0]) for case in SELECTIONS],
)
def test_select_and_ignore(
    broken: Path, run_cli: RunCli, *, args: list[str], lines: list[str], summary: str, code: int
) -> None:
    result = run_cli(["validate", *args])
    assert result == Result(code, _text(lines, summary), "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "nope"], "unknown rule 'nope' in --select"),
        (["--select", "SC106,nope"], "unknown rule 'nope' in --select"),
        (["--select", "SC106", "--select", "SC9"], "unknown rule 'SC9' in --select"),
        (
            ["--ignore", "trailing_whitespace"],
            "unknown rule 'trailing_whitespace' in --ignore (did you mean 'trailing-whitespace'?)",
        ),
        (
            ["--select", "byline-invald"],
            "unknown rule 'byline-invald' in --select (did you mean 'byline-invalid'?)",
        ),
        (["--select", "sc1066"], "unknown rule 'sc1066' in --select (did you mean 'SC106'?)"),
        (
            ["--extend-select", "dupliate-line"],
            "unknown rule 'dupliate-line' in --extend-select (did you mean 'duplicate-line'?)",
        ),
    ],
)
def test_unknown_selector(broken: Path, run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli(["validate", *args])
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"seedcheck: error: {message}; see `seedcheck rules`\n"


_NAMES_NO_RULE = "names no rule; give rule codes, code prefixes or names, comma-separated"
_EMPTY_PATH = "a path is empty; pass seed files, INDEX.md or the corpus folder"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", ""], _EMPTY_PATH),
        (["validate", "seeds", ""], _EMPTY_PATH),
        (["index", ""], "the corpus path is empty; pass the corpus folder"),
        (
            ["import", "", "--corpus", "seeds"],
            "a file name is empty; pass the raw articles to import",
        ),
        (["import", "x.txt", "--corpus", ""], "--corpus is empty; pass the corpus folder"),
        (["fix", ""], _EMPTY_PATH),
        (["validate", "--config", ""], "--config is empty; give a configuration file"),
        (["index", "--config", ""], "--config is empty; give a configuration file"),
        (["validate", "--select", ""], f"--select '' {_NAMES_NO_RULE}"),
        (["validate", "--select", "SC106", "--select", ","], f"--select ',' {_NAMES_NO_RULE}"),
        (["validate", "--ignore", " , "], f"--ignore ' , ' {_NAMES_NO_RULE}"),
    ],
    ids=repr,
)
def test_an_empty_argument_is_an_error_not_a_default(
    broken: Path, run_cli: RunCli, args: list[str], message: str
) -> None:
    # An unset variable in a script: "" must not mean the working directory, the
    # configuration found by searching, or every rule.
    before = sorted((p.name, p.read_bytes()) for p in broken.rglob("*") if p.is_file())
    for _ in range(2):  # with the run memo's key made, and again
        assert run_cli(args) == Result(2, "", f"seedcheck: error: {message}\n")
    assert sorted((p.name, p.read_bytes()) for p in broken.rglob("*") if p.is_file()) == before


def test_exit_zero(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--exit-zero"])
    assert (result.code, result.err) == (0, "")
    assert result.out == _text(ALL_LINES, ALL_SUMMARY)


def test_warnings_alone_pass_unless_strict(broken: Path, run_cli: RunCli) -> None:
    expected = _text([GAP], "Found 1 warning in 1 file.")
    assert run_cli(["validate", "--select", "numbering-gap"]) == Result(0, expected, "")
    assert run_cli(["validate", "--select", "numbering-gap", "--strict"]) == Result(1, expected, "")
    assert run_cli(["validate", "--strict", "--exit-zero", "--select", "SC603"]).code == 0


def test_strict_without_findings_passes(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--strict", "--select", "SC101"])
    assert result == Result(0, "All checks passed (4 files checked).\n", "")


@pytest.mark.parametrize("flag", ["--quiet", "-q"])
def test_quiet_prints_findings_only(broken: Path, run_cli: RunCli, flag: str) -> None:
    assert run_cli(["validate", flag]) == Result(1, _text(ALL_LINES, None), "")
    assert run_cli(["validate", flag, "--select", "SC101"]) == Result(0, "", "")


COLOURED = (
    f"\033[1mseeds/{SEED_2}:5:31:\033[0m \033[31m\033[1mSC105\033[0m "
    "\033[36m[missing-final-newline]\033[0m no newline at end of file\n"
    f"\033[1mseeds/{SEED_4}:1:1:\033[0m \033[33m\033[1mSC603\033[0m "
    "\033[36m[numbering-gap]\033[0m 003 missing between 002 and 004\n"
    "Found 1 error and 1 warning in 2 files.\n"
)
UNCOLOURED = _text([NEWLINE, GAP], "Found 1 error and 1 warning in 2 files.")


def test_color_always(broken: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "--select", "SC105,SC603", "--color", "always"]).out == COLOURED


@pytest.mark.parametrize("choice", ["auto", "never"])
def test_no_color_when_captured(broken: Path, run_cli: RunCli, choice: str) -> None:
    result = run_cli(["validate", "--select", "SC105,SC603", "--color", choice])
    assert result.out == UNCOLOURED


@pytest.mark.parametrize(
    ("no_color", "choice", "expected"),
    [
        (None, "auto", COLOURED),
        ("1", "auto", UNCOLOURED),
        ("", "auto", COLOURED),  # no-color.org: an empty NO_COLOR is ignored
        (None, "never", UNCOLOURED),
        ("1", "always", COLOURED),  # an explicit choice wins over the environment
    ],
)
def test_color_on_a_terminal(
    broken: Path,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    *,
    no_color: str | None,
    choice: str,
    expected: str,
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    result = run_cli(["validate", "--select", "SC105,SC603", "--color", choice])
    assert result.out == expected


@pytest.mark.parametrize(
    ("environment", "choice", "expected"),
    [
        ({"FORCE_COLOR": "1"}, "auto", COLOURED),  # force-color.org: even into a pipe
        ({"FORCE_COLOR": "0"}, "auto", COLOURED),  # any non-empty value forces it
        ({"FORCE_COLOR": ""}, "auto", UNCOLOURED),  # an empty one is ignored
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "auto", UNCOLOURED),  # NO_COLOR wins
        ({"FORCE_COLOR": "1"}, "never", UNCOLOURED),  # an explicit choice wins
    ],
)
def test_force_color(
    broken: Path,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    *,
    environment: dict[str, str],
    choice: str,
    expected: str,
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    result = run_cli(["validate", "--select", "SC105,SC603", "--color", choice])
    assert result.out == expected


def test_force_color_never_colours_an_output_file(
    broken: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = run_cli(["validate", "--select", "SC105,SC603", "-o", "report.txt"])
    assert (result.code, result.out) == (1, "")
    assert (broken / "report.txt").read_text(encoding="utf-8") == UNCOLOURED


def test_one_seed_reports_its_own_findings_and_its_index_row(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", f"seeds/{SEED_1}"])
    assert (result.code, result.err) == (1, "")
    assert result.out == _text([UNKNOWN, TRAILING, MISMATCH], "Found 3 errors in 2 files.")


def test_seed_reports_the_gap_after_it(broken: Path, run_cli: RunCli) -> None:
    # The gap 002 -> 004 is reported on 004 but concerns 002 too, so it is shown here.
    result = run_cli(["validate", f"seeds/{SEED_2}"])
    assert result == Result(
        1, _text([BYLINE, NEWLINE, GAP], "Found 2 errors and 1 warning in 2 files."), ""
    )


def test_seed_with_only_a_warning(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", f"seeds/{SEED_4}"])
    assert result == Result(0, _text([GAP], "Found 1 warning in 1 file."), "")


def test_clean_seed(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", f"seeds/{SEED_4}", "--ignore", "numbering-gap"])
    assert result == Result(0, "All checks passed (1 file checked).\n", "")


def test_two_seeds(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", f"seeds/{SEED_2}", f"./seeds/{SEED_1}", f"seeds/{SEED_2}"])
    assert result == Result(
        1,
        _text(
            [UNKNOWN, TRAILING, BYLINE, NEWLINE, GAP, MISMATCH],
            "Found 5 errors and 1 warning in 4 files.",
        ),
        "",
    )


def test_seed_and_its_corpus_report_the_corpus_once(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", f"seeds/{SEED_1}", "seeds"])
    assert result == Result(1, _text(ALL_LINES, ALL_SUMMARY), "")


def test_seed_from_inside_the_corpus_folder(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", SEED_1], cwd=broken / "seeds")
    assert result.out == _text(
        [line.removeprefix("seeds/") for line in (UNKNOWN, TRAILING, MISMATCH)],
        "Found 3 errors in 2 files.",
    )


def test_index_given_as_path(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "seeds/INDEX.md"])
    assert result == Result(1, _text([MISMATCH], "Found 1 error in 1 file."), "")


@pytest.mark.parametrize("path", ["seeds/003_dddddddddddddddd.txt", "nope", "nope/"])
def test_nonexistent_path(broken: Path, run_cli: RunCli, path: str) -> None:
    result = run_cli(["validate", path])
    assert result == Result(2, "", f"seedcheck: error: {path}: no such file or directory\n")


def test_missing_configured_corpus(isolated: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate"])
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"seedcheck: error: the configured corpus folder {(isolated / 'seeds').as_posix()} does "
        "not exist; pass a corpus folder or set `corpus` in "
        f"{(isolated / 'seedcheck.toml').as_posix()}\n"
    )


def test_bad_format_is_a_usage_error(broken: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--format", "xml"])
    assert (result.code, result.out) == (2, "")
    assert result.err.endswith(
        "seedcheck validate: error: argument --format: invalid choice: 'xml' "
        "(choose from 'github', 'json', 'junit', 'sarif', 'text')\n"
    )


def test_bundled_corpus_passes(run_cli: RunCli) -> None:
    result = run_cli(["validate"], cwd=REPO)
    assert result == Result(0, "All checks passed (9 files checked).\n", "")


def test_bundled_corpus_passes_strict_in_json(run_cli: RunCli) -> None:
    result = run_cli(["validate", "--strict", "--format", "json", "seeds"], cwd=REPO)
    assert result == Result(0, "[]\n", "")


@pytest.mark.parametrize(
    ("selector", "hint"),
    [("S", ""), ("s", ""), ("SC1x", ""), ("SC1011", " (did you mean 'SC101'?)")],
)
def test_a_partial_family_prefix_is_a_typo(selector: str, hint: str, run_cli: RunCli) -> None:
    result = run_cli(["validate", "--select", selector, "seeds"], cwd=REPO)
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"seedcheck: error: unknown rule {selector!r} in --select{hint}; see `seedcheck rules`\n"
    )


@needs_symlinks
@pytest.mark.parametrize("path", ["linked", "linked/"])
def test_corpus_given_as_a_link_to_a_folder(broken: Path, run_cli: RunCli, path: str) -> None:
    # Windows makes a link to a file unless told that the target is a folder.
    (broken / "linked").symlink_to("seeds", target_is_directory=True)
    result = run_cli(["validate", "--format", "json", path])
    assert (result.code, result.err) == (1, "")
    paths = {finding["path"] for finding in json.loads(result.out)}
    assert paths == {f"seeds/{SEED_1}", f"seeds/{SEED_2}", f"seeds/{SEED_4}", "seeds/INDEX.md"}


@pytest.mark.parametrize("path", ["seedcheck.toml.bak", "notes/README.md"])
def test_a_file_outside_any_corpus_is_refused(broken: Path, run_cli: RunCli, path: str) -> None:
    (broken / "notes").mkdir()
    (broken / path).write_text("Notes\n", encoding="utf-8")
    result = run_cli(["validate", path])
    assert result == Result(
        2,
        "",
        f"seedcheck: error: {path}: not a seed file, INDEX.md or corpus folder; "
        "pass seed files, INDEX.md or the corpus folder\n",
    )


def test_a_lower_case_index_is_an_unexpected_file_not_a_seed(broken: Path, run_cli: RunCli) -> None:
    if case_insensitive(broken):
        pytest.skip("the file system ignores case: index.md would overwrite INDEX.md")
    (broken / "seeds" / "index.md").write_text("# Notes\n", encoding="utf-8")
    result = run_cli(["validate", "--quiet", "--select", "SC1,SC3", "seeds/index.md"])
    assert result == Result(
        0,
        "seeds/index.md:1:1: SC110 [unexpected-file] unexpected file in the corpus folder; "
        "only seeds, INDEX.md, README.md and dotfiles belong here\n",
        "",
    )


@pytest.mark.skipif(
    sys.platform == "win32", reason="Windows file names cannot hold a newline or ESC"
)
def test_file_names_are_escaped_in_text_output(isolated: Path, run_cli: RunCli) -> None:
    corpus = isolated / "c"
    corpus.mkdir()
    (corpus / "bad\nname\x1b[31m.txt").write_text("Title\n\nBy Ann Example\n", encoding="utf-8")
    result = run_cli(["validate", "--quiet", "--select", "filename-pattern", "c"])
    assert result.out == (
        "c/bad\\nname\\x1b[31m.txt:1:1: SC108 [filename-pattern] file name "
        "'bad\\nname\\x1b[31m.txt' does not match the seed pattern (NUMBER_ID.txt, "
        "e.g. 000_811e41cc11191191.txt); rename it\n"
    )


def test_validate_takes_version_too(run_cli: RunCli) -> None:
    from seedcheck import __version__

    result = run_cli(["validate", "--version"])
    assert result == Result(0, f"seedcheck {__version__}\n", "")
