"""Configuration end to end: where it is found, what each setting does, how errors read.

The corpus has two front-matter seeds and a correct INDEX.md. ``001`` has an extra field
``section`` (unknown unless declared) and trailing blanks on line 6; ``002`` is clean.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import Result, RunCli

# Ordinary prose, long enough for body-too-short, free of anything a content rule flags.
PROSE = (
    "The ferry service to the northern islands resumed on Monday after a week of storms kept"
    " every boat in harbour. Crews spent the weekend checking hulls and moorings, and the first"
    " crossing left on time with a full deck of delivery vans. Islanders said the shops had"
    " run low on fresh milk and bread, but nobody had gone without heating or medicine.\n"
)
# The second seed needs prose of its own, or near-duplicate-document pairs the two.
OTHER_PROSE = (
    "Volunteers planted four hundred oak and rowan saplings along the old railway path on"
    " Saturday, the first stage of a plan to turn the disused line into a green corridor. The"
    " trust behind the scheme hopes to open a walking and cycling route between the two"
    " villages by next summer, once the drainage under the former station has been repaired.\n"
)
SEED_1 = "001_aaaaaaaaaaaaaaaa.txt"
SEED_2 = "002_bbbbbbbbbbbbbbbb.txt"
FILES = {
    SEED_1: (
        "---\ntitle: First Seed\nbyline: Ann Example\nsection: Local\n---\nOne two three.  \n"
        + PROSE
    ),
    SEED_2: (
        "---\ntitle: Second Seed\nbyline: Bea Writer\npublished: 2024-01-02\n---\n"
        "Body words here.\n" + OTHER_PROSE
    ),
}


def _index() -> str:
    rows = [
        (SEED_1, "First Seed", "Ann Example", ""),
        (SEED_2, "Second Seed", "Bea Writer", "2024-01-02"),
    ]
    lines = [
        "<!-- seedcheck:index:begin -->",
        "",
        "| No. | File | Title | Byline | Published | Words | SHA-256 |",
        "| ---: | --- | --- | --- | --- | ---: | --- |",
    ]
    for name, title, byline, published in rows:
        digest = hashlib.sha256(FILES[name].encode()).hexdigest()[:16]
        words = str(len(FILES[name].split("---\n")[2].split()))
        cells = [name[:3], f"[{name}](<{name}>)", title, byline, published, words, digest]
        lines.append("| " + " | ".join(cells) + " |")
    return "# Index\n\n" + "\n".join(lines) + "\n\n<!-- seedcheck:index:end -->\n"


def write_corpus(folder: Path, extra: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True)
    for name, text in {**FILES, "INDEX.md": _index(), **(extra or {})}.items():
        (folder / name).write_bytes(text.encode())
    return folder


def unknown(prefix: str = "seeds/") -> str:
    return (
        f"{prefix}{SEED_1}:4:1: SC206 [unknown-field] unknown field 'section'; "
        "declare it under `fields` in the configuration, or remove it"
    )


def trailing(prefix: str = "seeds/") -> str:
    return f"{prefix}{SEED_1}:6:15: SC106 [trailing-whitespace] trailing whitespace"


def missing(name: str, field: str) -> str:
    return f"seeds/{name}:1:1: SC207 [missing-field] missing required field {field!r}"


def _text(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(isolated: Path) -> Path:
    """A project root with the corpus in ``seeds/`` and an empty seedcheck.toml."""
    write_corpus(isolated / "seeds")
    return isolated


def test_defaults(project: Path, run_cli: RunCli) -> None:
    result = run_cli(["validate"])
    assert result == Result(1, _text(unknown(), trailing(), "Found 2 errors in 1 file."), "")


def test_corpus_from_seedcheck_toml(isolated: Path, run_cli: RunCli) -> None:
    write_corpus(isolated / "articles")
    _write(isolated / "seedcheck.toml", 'corpus = "articles"\n')
    result = run_cli(["validate"])
    assert result.out == _text(
        unknown("articles/"), trailing("articles/"), "Found 2 errors in 1 file."
    )


def test_tool_seedcheck_in_pyproject(isolated: Path, run_cli: RunCli) -> None:
    (isolated / "seedcheck.toml").unlink()
    write_corpus(isolated / "articles")
    _write(
        isolated / "pyproject.toml",
        '[project]\nname = "demo"\n\n[tool.seedcheck]\ncorpus = "articles"\nignore = ["SC106"]\n',
    )
    result = run_cli(["validate"])
    assert result == Result(1, _text(unknown("articles/"), "Found 1 error in 1 file."), "")


def test_seedcheck_toml_wins_over_pyproject_in_the_same_folder(
    project: Path, run_cli: RunCli
) -> None:
    _write(project / "seedcheck.toml", 'select = ["SC106"]\n')
    _write(project / "pyproject.toml", '[tool.seedcheck]\nselect = ["SC206"]\n')
    assert run_cli(["validate", "-q"]).out == _text(trailing())


def test_found_from_a_subdirectory(isolated: Path, run_cli: RunCli) -> None:
    write_corpus(isolated / "articles")
    _write(isolated / "seedcheck.toml", 'corpus = "articles"\nselect = ["SC106"]\n')
    deep = isolated / "docs" / "deep"
    deep.mkdir(parents=True)
    result = run_cli(["validate"], cwd=deep)
    # The corpus is relative to the configuration file; outside the current directory,
    # paths are shown in full.
    absolute = f"{(isolated / 'articles').as_posix()}/"
    assert result == Result(1, _text(trailing(absolute), "Found 1 error in 1 file."), "")


def test_pyproject_without_a_table_is_skipped(isolated: Path, run_cli: RunCli) -> None:
    write_corpus(isolated / "articles")
    _write(isolated / "seedcheck.toml", 'corpus = "articles"\nselect = ["SC106"]\n')
    _write(isolated / "sub" / "pyproject.toml", '[project]\nname = "demo"\n')
    result = run_cli(["validate", "-q"], cwd=isolated / "sub")
    assert result.out == _text(trailing(f"{(isolated / 'articles').as_posix()}/"))


def test_nearest_configuration_wins(isolated: Path, run_cli: RunCli) -> None:
    write_corpus(isolated / "articles")
    _write(isolated / "seedcheck.toml", 'corpus = "articles"\nselect = ["SC106"]\n')
    _write(isolated / "sub" / "seedcheck.toml", 'corpus = "../articles"\nselect = ["SC206"]\n')
    result = run_cli(["validate", "-q"], cwd=isolated / "sub")
    assert result.out == _text(unknown(f"{(isolated / 'articles').as_posix()}/"))


def test_each_path_takes_its_nearest_configuration(isolated: Path, run_cli: RunCli) -> None:
    # Two corpus projects in one repository, checked from its root, as a hook runs.
    write_corpus(isolated / "news" / "seeds")
    _write(isolated / "news" / "seedcheck.toml", 'select = ["SC106"]\n')
    write_corpus(isolated / "blogs" / "posts")
    _write(
        isolated / "blogs" / "pyproject.toml",
        '[tool.seedcheck]\ncorpus = "posts"\nselect = ["SC206"]\n',
    )
    result = run_cli(["validate", "news/seeds", f"blogs/posts/{SEED_1}"])
    assert result == Result(
        1,
        _text(
            unknown("blogs/posts/"),
            trailing("news/seeds/"),
            "Found 2 errors in 2 files.",
        ),
        "",
    )


def test_a_configuration_file_named_checks_the_corpus_it_configures(
    isolated: Path, run_cli: RunCli
) -> None:
    write_corpus(isolated / "news" / "articles")
    _write(isolated / "news" / "seedcheck.toml", 'corpus = "articles"\nselect = ["SC106"]\n')
    result = run_cli(["validate", "-q", "news/seedcheck.toml"])
    assert result == Result(1, _text(trailing("news/articles/")), "")


def test_config_option_overrides_every_path(isolated: Path, run_cli: RunCli) -> None:
    write_corpus(isolated / "news" / "seeds")
    _write(isolated / "news" / "seedcheck.toml", 'select = ["SC106"]\n')
    _write(isolated / "strict.toml", 'select = ["SC206"]\n')
    result = run_cli(["validate", "-q", "--config", "strict.toml", "news/seeds"])
    assert result == Result(1, _text(unknown("news/seeds/")), "")


def test_a_path_without_a_configuration_takes_the_working_directorys(
    isolated: Path, run_cli: RunCli
) -> None:
    write_corpus(isolated / "data" / "seeds")
    _write(isolated / "tools" / "seedcheck.toml", 'select = ["SC206"]\n')
    (isolated / "seedcheck.toml").unlink()
    result = run_cli(["validate", "-q", "../data/seeds"], cwd=isolated / "tools")
    assert result == Result(1, _text(unknown(f"{(isolated / 'data/seeds').as_posix()}/")), "")


def test_the_search_for_a_path_stops_at_its_repository_root(
    isolated: Path, run_cli: RunCli
) -> None:
    # The configuration above the repository (isolated/seedcheck.toml) is not the
    # corpus project's; the working directory's applies instead.
    _write(isolated / "seedcheck.toml", 'select = ["SC106"]\n')
    (isolated / "repo" / ".git").mkdir(parents=True)
    write_corpus(isolated / "repo" / "seeds")
    _write(isolated / "elsewhere" / "seedcheck.toml", 'select = ["SC206"]\n')
    result = run_cli(["validate", "-q", "../repo/seeds"], cwd=isolated / "elsewhere")
    assert result == Result(1, _text(unknown(f"{(isolated / 'repo/seeds').as_posix()}/")), "")


def test_per_file_ignores_are_relative_to_the_file_that_sets_them(
    isolated: Path, run_cli: RunCli
) -> None:
    write_corpus(isolated / "news" / "seeds")
    _write(isolated / "news" / "seedcheck.toml", '[per-file-ignores]\n"seeds/001_*" = ["SC106"]\n')
    result = run_cli(["validate", "-q", "news/seeds"])
    assert result == Result(1, _text(unknown("news/seeds/")), "")


def test_required_builtin_field(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", 'required = ["source", "published"]\n')
    result = run_cli(["validate"])
    assert result == Result(
        1,
        _text(
            missing(SEED_1, "published"),  # same place: in message order
            missing(SEED_1, "source"),
            unknown(),
            trailing(),
            missing(SEED_2, "source"),
            "Found 5 errors in 2 files.",
        ),
        "",
    )


def test_declared_field_is_accepted(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", '[fields]\nsection = "string"\n')
    result = run_cli(["validate"])
    assert result == Result(1, _text(trailing(), "Found 1 error in 1 file."), "")


def test_declared_field_of_the_wrong_type(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", '[fields]\nsection = "integer"\n')
    result = run_cli(["validate", "--select", "SC2"])
    assert result.out == _text(
        f"seeds/{SEED_1}:4:10: SC208 [invalid-field] section should be a whole number; "
        "YAML reads 'Local' as text",
        "Found 1 error in 1 file.",
    )


def test_required_declared_field(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", 'required = ["section"]\n\n[fields]\nsection = "string"\n')
    result = run_cli(["validate", "--select", "SC2"])
    assert result == Result(1, _text(missing(SEED_2, "section"), "Found 1 error in 1 file."), "")


@pytest.mark.parametrize(
    ("config", "lines"),
    [
        ('select = ["SC1"]', [trailing()]),
        ('select = ["unknown-field"]', [unknown()]),
        ('ignore = ["SC206"]', [trailing()]),
        ('select = ["SC1", "SC2"]\nignore = ["trailing-whitespace"]', [unknown()]),
    ],
)
def test_select_and_ignore(project: Path, run_cli: RunCli, config: str, lines: list[str]) -> None:
    _write(project / "seedcheck.toml", config + "\n")
    assert run_cli(["validate", "-q"]) == Result(1, _text(*lines), "")


def test_command_line_select_replaces_the_configured_one(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", 'select = ["SC1"]\n')
    assert run_cli(["validate", "-q", "--select", "SC206"]).out == _text(unknown())


def test_extend_select_adds_to_the_configured_select(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", 'select = ["SC1"]\nextend-select = ["unknown-field"]\n')
    assert run_cli(["validate", "-q"]).out == _text(unknown(), trailing())
    _write(project / "seedcheck.toml", 'select = ["SC1"]\n')
    assert run_cli(["validate", "-q", "--extend-select", "SC206"]).out == _text(
        unknown(), trailing()
    )


def test_command_line_select_replaces_the_configured_extend_select(
    project: Path, run_cli: RunCli
) -> None:
    _write(project / "seedcheck.toml", 'select = ["SC1"]\nextend-select = ["SC206"]\n')
    assert run_cli(["validate", "-q", "--select", "SC106"]).out == _text(trailing())
    result = run_cli(["validate", "-q", "--select", "SC106", "--extend-select", "SC206"])
    assert result.out == _text(unknown(), trailing())


def test_extend_select_then_ignore(project: Path, run_cli: RunCli) -> None:
    # Nothing selected but what extend-select adds, and ignore still wins over it.
    _write(project / "seedcheck.toml", 'select = ["SC5"]\n')
    result = run_cli(["validate", "-q", "--extend-select", "SC1,SC2", "--ignore", "SC106"])
    assert result.out == _text(unknown())


def test_configured_corpus_that_is_a_file(isolated: Path, run_cli: RunCli) -> None:
    _write(isolated / "seeds", "not a folder\n")
    result = run_cli(["validate"])
    assert result == Result(
        2,
        "",
        f"seedcheck: error: the configured corpus folder {(isolated / 'seeds').as_posix()} "
        f"is a file, not a folder; pass a corpus folder or set `corpus` in "
        f"{(isolated / 'seedcheck.toml').as_posix()}\n",
    )


def test_command_line_ignore_adds_to_the_configured_one(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", 'ignore = ["SC206"]\n')
    assert run_cli(["validate", "-q", "--ignore", "SC106"]) == Result(0, "", "")


def test_per_file_ignores(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", '[per-file-ignores]\n"seeds/001_*.txt" = ["SC106"]\n')
    assert run_cli(["validate", "-q"]).out == _text(unknown())
    # The glob is relative to the configuration's folder, wherever seedcheck runs.
    assert run_cli(["validate", "-q"], cwd=project / "seeds").out == _text(unknown(""))


def test_per_file_ignores_are_not_relative_to_the_current_directory(
    project: Path, run_cli: RunCli
) -> None:
    _write(project / "seedcheck.toml", '[per-file-ignores]\n"001_*.txt" = ["SC106"]\n')
    result = run_cli(["validate", "-q"], cwd=project / "seeds")
    assert result.out == _text(unknown(""), trailing(""))


def test_severity_override_changes_the_exit_code(project: Path, run_cli: RunCli) -> None:
    _write(
        project / "seedcheck.toml",
        '[severity]\ntrailing-whitespace = "warning"\nsc206 = "warning"\n',
    )
    expected = _text(unknown(), trailing(), "Found 2 warnings in 1 file.")
    assert run_cli(["validate"]) == Result(0, expected, "")
    assert run_cli(["validate", "--strict"]) == Result(1, expected, "")


def test_severity_override_to_error(isolated: Path, run_cli: RunCli) -> None:
    write_corpus(isolated / "seeds", {"notes.csv": "a,b\n"})
    line = (
        "seeds/notes.csv:1:1: SC110 [unexpected-file] unexpected file in the corpus folder; "
        "only seeds, INDEX.md, README.md and dotfiles belong here"
    )
    assert run_cli(["validate", "--select", "SC110"]) == Result(
        0, _text(line, "Found 1 warning in 1 file."), ""
    )
    _write(isolated / "seedcheck.toml", '[severity]\nunexpected-file = "error"\n')
    assert run_cli(["validate", "--select", "SC110"]) == Result(
        1, _text(line, "Found 1 error in 1 file."), ""
    )


CONFIG_ERRORS = [
    ('corpuss = "x"', "unknown key 'corpuss' (did you mean 'corpus'?)"),
    ("max_file_size = 10", "unknown key 'max_file_size' (did you mean 'max-file-size'?)"),
    ("[per_file_ignores]", "unknown key 'per_file_ignores' (did you mean 'per-file-ignores'?)"),
    ("corpus = 5", "corpus: Input should be a valid string"),
    (
        'corpuss = "x"\nlayout = "weird"',
        "layout: Input should be 'auto', 'front-matter' or 'plain'; "
        "unknown key 'corpuss' (did you mean 'corpus'?)",
    ),
    (
        'pattern = "("',
        "pattern: not a valid regular expression: missing ), unterminated subpattern at position 0",
    ),
    (
        'pattern = "^x$"',
        "pattern: pattern needs named groups (?P<number>…) and (?P<id>…); missing ['id', 'number']",
    ),
    ('select = ["nope"]', "unknown rule 'nope' in select; see `seedcheck rules`"),
    (
        'ignore = ["numbering_gap"]',
        "unknown rule 'numbering_gap' in ignore (did you mean 'numbering-gap'?); "
        "see `seedcheck rules`",
    ),
    (
        'extend-select = ["SC1099"]',
        "unknown rule 'SC1099' in extend-select (did you mean 'SC109'?); see `seedcheck rules`",
    ),
    ('ignore = ["SC9"]', "unknown rule 'SC9' in ignore; see `seedcheck rules`"),
    (
        '[per-file-ignores]\n"*.txt" = ["nope"]',
        "unknown rule 'nope' in per-file-ignores '*.txt'; see `seedcheck rules`",
    ),
    ('[severity]\nnope = "warning"', "unknown rule 'nope' in severity; see `seedcheck rules`"),
    ('[severity]\nSC1 = "warning"', "severity takes one rule (name or full code), not 'SC1'"),
    ('[severity]\nSC106 = "info"', "severity.SC106: Input should be 'error' or 'warning'"),
    ('[fields]\nsource = "string"', "fields: fields redeclares built-in field(s) ['source']"),
    (
        '[fields]\nsection = "text"',
        "fields.section: Input should be 'string', 'integer', 'number', 'boolean', 'date', "
        "'url' or 'string-list'",
    ),
    (
        'required = ["doi"]',
        "required names undeclared field(s) ['doi']; declare them under 'fields'",
    ),
    ("max-file-size = 0", "max-file-size: Input should be greater than 0"),
    ("near-duplicate-threshold = nan", "near-duplicate-threshold: Input should be a finite number"),
]


@pytest.mark.parametrize("command", ["validate", "index", "schema"])
@pytest.mark.parametrize(("config", "message"), CONFIG_ERRORS, ids=[c for c, _ in CONFIG_ERRORS])
def test_invalid_configuration(
    project: Path, run_cli: RunCli, command: str, config: str, message: str
) -> None:
    path = _write(project / "seedcheck.toml", config + "\n")
    result = run_cli([command, "--check"] if command != "validate" else [command])
    assert result == Result(
        2, "", f"seedcheck: error: {path.as_posix()}: invalid configuration: {message}\n"
    )


def test_unknown_key_in_pyproject(isolated: Path, run_cli: RunCli) -> None:
    (isolated / "seedcheck.toml").unlink()
    path = _write(isolated / "pyproject.toml", '[tool.seedcheck]\ncorpuss = "x"\n')
    result = run_cli(["validate"])
    assert result == Result(
        2,
        "",
        f"seedcheck: error: {path.as_posix()}: invalid configuration: "
        "unknown key 'corpuss' in [tool.seedcheck] (did you mean 'corpus'?)\n",
    )


@pytest.mark.parametrize("name", ["seedcheck.toml", "pyproject.toml"])
def test_invalid_toml(isolated: Path, run_cli: RunCli, name: str) -> None:
    # The parser's own words follow the prefix; they may vary between Python versions.
    (isolated / "seedcheck.toml").unlink()
    path = _write(isolated / name, 'corpus = "seeds\n')
    result = run_cli(["validate"])
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(
        f"seedcheck: error: {path.as_posix()}: cannot read configuration: "
    )
    assert result.err.count("\n") == 1
    assert "line 1" in result.err


def test_invalid_toml_in_a_parent_folder(isolated: Path, run_cli: RunCli) -> None:
    path = _write(isolated / "seedcheck.toml", "[broken\n")
    (isolated / "sub").mkdir()
    result = run_cli(["validate"], cwd=isolated / "sub")
    assert result.code == 2
    assert result.err.startswith(
        f"seedcheck: error: {path.as_posix()}: cannot read configuration: "
    )


def test_config_option_with_any_file_name(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", 'select = ["SC206"]\n')  # not used: --config wins
    _write(project / "ci" / "strict.toml", 'corpus = "../seeds"\nselect = ["SC106"]\n')
    result = run_cli(["validate", "--config", "ci/strict.toml"])
    assert result == Result(1, _text(trailing(), "Found 1 error in 1 file."), "")


def test_config_option_with_a_pyproject(project: Path, run_cli: RunCli) -> None:
    _write(project / "ci" / "pyproject.toml", '[tool.seedcheck]\ncorpus = "../seeds"\n')
    result = run_cli(["validate", "-q", "--config", "ci/pyproject.toml"])
    assert result == Result(1, _text(unknown(), trailing()), "")


def test_config_option_roots_per_file_ignores_at_its_folder(project: Path, run_cli: RunCli) -> None:
    _write(
        project / "ci" / "seedcheck.toml",
        'corpus = "../seeds"\n\n'
        '[per-file-ignores]\n"seeds/*" = ["SC106"]\n"../seeds/*" = ["SC206"]\n',
    )
    # Relative to ci/, the seeds are in ../seeds: only the second glob matches.
    result = run_cli(["validate", "-q", "--config", "ci/seedcheck.toml"])
    assert result.out == _text(trailing())


def test_config_option_errors(project: Path, run_cli: RunCli) -> None:
    assert run_cli(["validate", "--config", "missing.toml"]) == Result(
        2, "", "seedcheck: error: missing.toml: configuration file not found\n"
    )
    _write(project / "ci" / "pyproject.toml", '[project]\nname = "demo"\n')
    assert run_cli(["validate", "--config", "ci/pyproject.toml"]) == Result(
        2, "", "seedcheck: error: ci/pyproject.toml: no [tool.seedcheck] table in this file\n"
    )


def test_filename_pattern_names_a_custom_pattern(project: Path, run_cli: RunCli) -> None:
    _write(project / "seedcheck.toml", "pattern = '^(?P<number>\\d+)-(?P<id>[a-z]+)\\.txt$'\n")
    (project / "seeds" / "draft.txt").write_text("Draft\n\nBy Ann Example\n", encoding="utf-8")
    result = run_cli(["validate", "--select", "filename-pattern", "--quiet"])
    assert result.err == ""
    assert result.out.splitlines()[-1] == (
        "seeds/draft.txt:1:1: SC108 [filename-pattern] file name 'draft.txt' does not match "
        "the configured pattern '^(?P<number>\\d+)-(?P<id>[a-z]+)\\.txt$'; rename it"
    )
