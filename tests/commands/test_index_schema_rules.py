"""``index``, ``schema``, ``rules``, ``rule`` and the bare command line, end to end."""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

from seedcheck import __version__
from seedcheck.rules.registry import RULES
from tests.conftest import Result, RunCli, case_insensitive, ignore_case_of

SEED_1 = "001_aaaaaaaaaaaaaaaa.txt"
SEED_2 = "002_bbbbbbbbbbbbbbbb.txt"
FILES = {
    SEED_1: "---\ntitle: First Seed\nbyline: Ann Example\npublished: 2024-01-02\n---\nOne two.\n",
    SEED_2: "Second Seed\n\nBy Bea Writer\n\nThree four five.\n",
}

HEAD = (
    "# Index\n"
    "\n"
    "Every seed in this folder, in number order. The table between the markers is generated\n"
    "by `seedcheck index`; text outside the markers is yours and is kept as it is.\n"
    "\n"
)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _row_1(title: str = "First Seed", text: str = FILES[SEED_1]) -> str:
    return (
        f"| 001 | [{SEED_1}](<{SEED_1}>) | {title} | Ann Example | 2024-01-02 | 2 "
        f"| {_digest(text)} |\n"
    )


# The byline line of the plain layout is not body text: "Three four five." = 3.
ROW_2 = (
    f"| 002 | [{SEED_2}](<{SEED_2}>) | Second Seed | Bea Writer |  | 3 "
    f"| {_digest(FILES[SEED_2])} |\n"
)


def _block(row_1: str) -> str:
    return (
        "<!-- seedcheck:index:begin -->\n"
        "\n"
        "| No. | File | Title | Byline | Published | Words | SHA-256 |\n"
        "| ---: | --- | --- | --- | --- | ---: | --- |\n"
        f"{row_1}{ROW_2}"
        "\n"
        "<!-- seedcheck:index:end -->\n"
    )


@pytest.fixture
def corpus(isolated: Path) -> Path:
    """Two good seeds in ``isolated/seeds``, no INDEX.md yet; returns the corpus folder."""
    seeds = isolated / "seeds"
    seeds.mkdir()
    for name, text in FILES.items():
        (seeds / name).write_bytes(text.encode())
    return seeds


# ----------------------------------------------------------------------------- index


def test_index_creates_then_reports_up_to_date(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["index"]) == Result(0, "Created seeds/INDEX.md (2 seeds).\n", "")
    assert (corpus / "INDEX.md").read_bytes() == (HEAD + _block(_row_1())).encode()
    assert run_cli(["index"]) == Result(0, "seeds/INDEX.md is up to date (2 seeds).\n", "")
    assert run_cli(["validate", "--strict"]) == Result(
        0, "All checks passed (3 files checked).\n", ""
    )


CLASH = (
    "seedcheck: error: seeds/index.md is not INDEX.md, but this file system ignores case, "
    "so writing INDEX.md would replace it; rename index.md (or make it the index by "
    "renaming it INDEX.md), then run again\n"
)


def test_index_never_overwrites_index_md_where_case_is_ignored(
    corpus: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = corpus / "index.md"
    notes.write_text("# My reading notes\n", encoding="utf-8")
    ignore_case_of(monkeypatch, "INDEX.md")

    assert run_cli(["index"]) == Result(2, "", CLASH)
    assert notes.read_text(encoding="utf-8") == "# My reading notes\n"
    assert sorted(p.name for p in corpus.iterdir()) == [SEED_1, SEED_2, "index.md"]
    # --check writes nothing, so it only says that INDEX.md is missing.
    assert run_cli(["index", "--check"]).out.endswith(
        "seeds/INDEX.md is missing; run `seedcheck index` to create it.\n"
    )


def test_index_md_is_kept_beside_index_where_case_matters(corpus: Path, run_cli: RunCli) -> None:
    if case_insensitive(corpus):
        pytest.skip("the file system ignores case: index.md and INDEX.md are one file")
    (corpus / "index.md").write_text("# My reading notes\n", encoding="utf-8")

    assert run_cli(["index"]) == Result(0, "Created seeds/INDEX.md (2 seeds).\n", "")
    assert (corpus / "index.md").read_text(encoding="utf-8") == "# My reading notes\n"


def test_index_with_corpus_argument(corpus: Path, run_cli: RunCli) -> None:
    assert run_cli(["index", "seeds"]) == Result(0, "Created seeds/INDEX.md (2 seeds).\n", "")
    result = run_cli(["index", "."], cwd=corpus)
    assert result == Result(0, "INDEX.md is up to date (2 seeds).\n", "")


def test_index_check_fresh(corpus: Path, run_cli: RunCli) -> None:
    (corpus / "INDEX.md").write_text(HEAD + _block(_row_1()), encoding="utf-8")
    result = run_cli(["index", "--check"])
    assert result == Result(0, "seeds/INDEX.md is up to date (2 seeds).\n", "")


def test_index_check_stale_prints_a_diff_and_writes_nothing(corpus: Path, run_cli: RunCli) -> None:
    index = corpus / "INDEX.md"
    old = HEAD + _block(_row_1())
    index.write_text(old, encoding="utf-8")
    edited = FILES[SEED_1].replace("First Seed", "First Seed, Revised")
    (corpus / SEED_1).write_text(edited, encoding="utf-8")
    result = run_cli(["index", "--check"])
    assert result == Result(
        1,
        "--- seeds/INDEX.md (current)\n"
        "+++ seeds/INDEX.md (expected)\n"
        "@@ -7,7 +7,7 @@\n"
        " \n"
        " | No. | File | Title | Byline | Published | Words | SHA-256 |\n"
        " | ---: | --- | --- | --- | --- | ---: | --- |\n"
        f"-{_row_1()}"
        f"+{_row_1('First Seed, Revised', edited)}"
        f" {ROW_2}"
        " \n"
        " <!-- seedcheck:index:end -->\n"
        "seeds/INDEX.md is out of date; run `seedcheck index` to regenerate it.\n",
        "",
    )
    assert index.read_text(encoding="utf-8") == old


def test_index_check_diff_shows_control_characters_escaped(corpus: Path, run_cli: RunCli) -> None:
    # A terminal escape and a form feed next to the block: printed raw, the first would
    # retitle the terminal and the second would split the line in two.
    index = corpus / "INDEX.md"
    stale = HEAD + _block(_row_1()).replace(ROW_2, "")  # the last row missing
    index.write_text(stale + "\x1b]0;PWNED\x07 and \x0c here\n", encoding="utf-8")
    result = run_cli(["index", "--check"])
    assert result.code == 1
    assert "\x1b" not in result.out and "\x0c" not in result.out
    assert result.out.splitlines()[-2] == " \\x1b]0;PWNED\\x07 and \\x0c here"


def test_index_check_missing_file(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["index", "--check"])
    expected = HEAD + _block(_row_1())
    assert result.code == 1
    assert result.err == ""
    assert result.out == (
        "--- /dev/null\n"
        "+++ seeds/INDEX.md (expected)\n"
        "@@ -0,0 +1,13 @@\n"
        + "".join(f"+{line}" for line in expected.splitlines(keepends=True))
        + "seeds/INDEX.md is missing; run `seedcheck index` to create it.\n"
    )
    assert not (corpus / "INDEX.md").exists()


def test_index_keeps_text_outside_the_markers(corpus: Path, run_cli: RunCli) -> None:
    before = "# Our seeds\n\nCurated by hand; ask Ann before adding one.\n\n"
    after = "\n## Notes\n\n- 002 was scraped.   \n- Keep this list short.\n"
    stale_block = "<!-- seedcheck:index:begin -->\n| stale |\n<!-- seedcheck:index:end -->\n"
    index = corpus / "INDEX.md"
    index.write_bytes((before + stale_block + after).encode())
    assert run_cli(["index"]) == Result(0, "Updated seeds/INDEX.md (2 seeds).\n", "")
    assert index.read_bytes() == (before + _block(_row_1()) + after).encode()
    assert run_cli(["index", "--check"]).code == 0


def test_index_without_markers_appends_the_block(corpus: Path, run_cli: RunCli) -> None:
    index = corpus / "INDEX.md"
    index.write_text("# Seeds\n\nHand-written introduction.\n", encoding="utf-8")
    assert run_cli(["index"]) == Result(0, "Updated seeds/INDEX.md (2 seeds).\n", "")
    expected = "# Seeds\n\nHand-written introduction.\n\n" + _block(_row_1())
    assert index.read_text(encoding="utf-8") == expected


def test_index_refuses_broken_markers(corpus: Path, run_cli: RunCli) -> None:
    index = corpus / "INDEX.md"
    text = "<!-- seedcheck:index:end -->\n\n<!-- seedcheck:index:begin -->\n"
    index.write_text(text, encoding="utf-8")
    result = run_cli(["index"])
    assert result == Result(
        2,
        "",
        "seedcheck: error: seeds/INDEX.md: the index markers are broken (begin on line(s) 3, "
        "end on line(s) 1); leave exactly one <!-- seedcheck:index:begin --> before one "
        "<!-- seedcheck:index:end -->, then run seedcheck index again\n",
    )
    assert index.read_text(encoding="utf-8") == text


def test_index_of_files_indexes_their_corpus_once(corpus: Path, run_cli: RunCli) -> None:
    # What the seedcheck-index hook passes: the staged files of the corpus.
    result = run_cli(["index", f"seeds/{SEED_1}", f"seeds/{SEED_2}"])
    assert result == Result(0, "Created seeds/INDEX.md (2 seeds).\n", "")
    assert run_cli(["index", "--check", "seeds/INDEX.md", f"seeds/{SEED_1}"]) == Result(
        0, "seeds/INDEX.md is up to date (2 seeds).\n", ""
    )


def test_index_of_a_missing_folder_is_an_error(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["index", "nope"])
    assert result == Result(2, "", "seedcheck: error: nope: no such file or directory\n")


# ---------------------------------------------------------------------------- schema


def test_schema_writes_then_checks(corpus: Path, run_cli: RunCli) -> None:
    out = corpus.parent / "out"
    assert run_cli(["schema", "--dir", "out"]) == Result(
        0, "Wrote out/seed.schema.json.\nWrote out/config.schema.json.\n", ""
    )
    assert sorted(p.name for p in out.iterdir()) == ["config.schema.json", "seed.schema.json"]
    assert run_cli(["schema", "--dir", "out", "--check"]) == Result(
        0, "Schemas are up to date.\n", ""
    )
    assert run_cli(["schema", "--dir", "out"]) == Result(0, "Schemas are up to date.\n", "")


def test_schema_check_after_an_edit(corpus: Path, run_cli: RunCli) -> None:
    run_cli(["schema", "--dir", "out"])
    seed_schema = corpus.parent / "out" / "seed.schema.json"
    current = seed_schema.read_text(encoding="utf-8")
    lines = current.splitlines(keepends=True)
    seed_schema.write_text(current + "\n", encoding="utf-8")
    start = len(lines) - 2  # the hunk shows the last three lines as context
    result = run_cli(["schema", "--dir", "out", "--check"])
    assert lines[-3:] == [
        '  "title": "seedcheck seed front matter",\n',
        '  "type": "object"\n',
        "}\n",
    ]
    assert result == Result(
        1,
        "--- out/seed.schema.json (current)\n"
        "+++ out/seed.schema.json (expected)\n"
        f"@@ -{start},4 +{start},3 @@\n"
        '   "title": "seedcheck seed front matter",\n'
        '   "type": "object"\n'
        " }\n"
        "-\n"
        "out/seed.schema.json is out of date; run `seedcheck schema` to regenerate it.\n",
        "",
    )
    assert seed_schema.read_text(encoding="utf-8") == current + "\n"
    assert run_cli(["schema", "--dir", "out"]) == Result(0, "Wrote out/seed.schema.json.\n", "")
    assert run_cli(["schema", "--dir", "out", "--check"]).code == 0


def test_schema_check_writes_nothing(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["schema", "--dir", "out", "--check"])
    assert result.code == 1
    assert result.out.startswith("--- /dev/null\n+++ out/seed.schema.json (expected)\n")
    assert result.out.endswith(
        "out/config.schema.json is out of date; run `seedcheck schema` to regenerate it.\n"
    )
    assert not (corpus.parent / "out").exists()


def test_schema_default_folder_is_in_the_project_root(corpus: Path, run_cli: RunCli) -> None:
    result = run_cli(["schema"], cwd=corpus)
    assert result == Result(
        0,
        f"Wrote {(corpus.parent / 'schemas' / 'seed.schema.json').as_posix()}.\n"
        f"Wrote {(corpus.parent / 'schemas' / 'config.schema.json').as_posix()}.\n",
        "",
    )


def _validator(path: Path) -> Any:
    jsonschema = pytest.importorskip(
        "jsonschema", reason="jsonschema (installed with check-jsonschema) is not available"
    )
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


GOOD_FRONT_MATTER: dict[str, object] = {
    "title": "Harbor Council Approves Floodwall",
    "byline": "Marta Ilić",
    "source": "Example Gazette",
    "url": "https://example.org/floodwall",
    "published": "2024-03-05",
    "language": "en-GB",
    "tags": ["flooding", "council"],
    "license": "CC BY 4.0",
}


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"byline": None}, "byline is required"),
        ({"title": None}, "title is required"),
        ({"sorce": "Example Gazette"}, "unknown fields are refused"),
        ({"byline": "By , a professor of history"}, "a byline starting with 'By'"),
        ({"byline": ", a professor of history"}, "a byline that lost its name"),
        ({"title": " Padded title"}, "surrounding whitespace"),
        ({"title": ""}, "an empty title"),
        ({"tags": "flooding"}, "tags must be a list"),
        ({"url": "ftp://example.org/x"}, "url must be http or https"),
        ({"published": "2024-02-30"}, "an impossible date"),
        ({"language": "english please"}, "not a BCP 47 tag"),
        ({"source": None, "license": 5}, "license must be text"),
    ],
)
def test_seed_schema_is_valid_json_schema(
    corpus: Path, run_cli: RunCli, change: dict[str, object], why: str
) -> None:
    run_cli(["schema", "--dir", "out"])
    validator = _validator(corpus.parent / "out" / "seed.schema.json")
    assert list(validator.iter_errors(GOOD_FRONT_MATTER)) == []
    bad = {k: v for k, v in {**GOOD_FRONT_MATTER, **change}.items() if v is not None}
    assert list(validator.iter_errors(bad)) != [], why


def test_seed_schema_follows_the_configuration(
    corpus: Path, run_cli: RunCli, isolated: Path
) -> None:
    (isolated / "seedcheck.toml").write_text(
        'required = ["section", "source"]\n[fields]\nsection = "string"\n', encoding="utf-8"
    )
    run_cli(["schema", "--dir", "out"])
    validator = _validator(isolated / "out" / "seed.schema.json")
    good = {**GOOD_FRONT_MATTER, "section": "Local"}
    assert list(validator.iter_errors(good)) == []
    for missing in ("section", "source"):
        bad = {k: v for k, v in good.items() if k != missing}
        assert list(validator.iter_errors(bad)) != [], missing


def test_config_schema_accepts_the_readme_example(corpus: Path, run_cli: RunCli) -> None:
    run_cli(["schema", "--dir", "out"])
    validator = _validator(corpus.parent / "out" / "config.schema.json")
    settings = {
        "corpus": "seeds",
        "required": ["source"],
        "select": ["ALL"],
        "ignore": ["numbering-gap"],
        "max-file-size": 1048576,
        "fields": {"section": "string"},
        "per-file-ignores": {"seeds/legacy_*.txt": ["trailing-whitespace"]},
        "severity": {"unexpected-file": "error"},
    }
    assert list(validator.iter_errors(settings)) == []
    assert list(validator.iter_errors({"corpuss": "x"})) != []
    assert list(validator.iter_errors({"severity": {"SC106": "info"}})) != []


# ----------------------------------------------------------------------- rules, rule


def test_rules_lists_every_rule_on_one_line(run_cli: RunCli) -> None:
    result = run_cli(["rules"])
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert len(lines) == len(RULES) == 51
    assert lines[0] == "SC101  invalid-utf8               error    File is not valid UTF-8."
    assert lines[-1] == (
        "SC701  unused-suppression         warning  "
        "A seed's seedcheck.ignore names a rule that finds nothing there."
    )
    for line, rule in zip(lines, RULES, strict=True):
        code, name, severity, summary = line.split(maxsplit=3)
        assert (code, name, severity, summary) == (
            rule.code,
            rule.name,
            rule.severity.value,
            rule.summary,
        )


@pytest.mark.parametrize("name", ["byline-invalid", "SC304", "sc304"])
def test_rule_explains_one_rule(run_cli: RunCli, name: str) -> None:
    result = run_cli(["rule", name])
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(
        "SC304 byline-invalid (error by default)\n"
        "\n"
        "A byline holds something other than the credited name(s).\n"
        "\n"
        "Why: "
    )
    assert "Example::" in result.out
    assert "\nFix: " in result.out
    assert result.out.endswith("\n") and not result.out.endswith("\n\n")


def test_every_rule_has_docs(run_cli: RunCli) -> None:
    for rule in RULES:
        result = run_cli(["rule", rule.code])
        assert result.out.startswith(
            f"{rule.code} {rule.name} ({rule.severity.value} by default)\n\n"
        ), rule.name
        assert f"\n\n{rule.name}:" not in result.out, "the name is not repeated"
        assert "\nWhy: " in result.out and "\nFix: " in result.out, rule.name


@pytest.mark.parametrize("name", ["nope", "SC999", "SC3"])
def test_rule_unknown(run_cli: RunCli, name: str) -> None:
    result = run_cli(["rule", name])
    assert result == Result(
        2, "", f"seedcheck: error: no rule named {name!r}; see `seedcheck rules`\n"
    )


# ------------------------------------------------------------------ the command line


def test_version(run_cli: RunCli) -> None:
    assert __version__ == version("seedcheck")
    assert run_cli(["--version"]) == Result(0, f"seedcheck {__version__}\n", "")


def test_no_command_is_a_usage_error(run_cli: RunCli) -> None:
    assert run_cli([]) == Result(
        2,
        "",
        "usage: seedcheck [-h] [--version] [--debug] COMMAND ...\n"
        "seedcheck: error: the following arguments are required: COMMAND\n",
    )


def test_unknown_command_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli(["check"])
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("usage: seedcheck [-h] [--version] [--debug] COMMAND ...\n")
    assert "seedcheck: error: argument COMMAND: invalid choice: 'check'" in result.err


def test_help(run_cli: RunCli) -> None:
    result = run_cli(["--help"])
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("usage: seedcheck [-h] [--version] [--debug] COMMAND ...\n")
    for command in ("validate", "index", "schema", "rules", "rule"):
        assert f"\n    {command} " in result.out


@pytest.mark.parametrize("command", ["validate", "index", "schema", "rules", "rule"])
def test_command_help(run_cli: RunCli, command: str) -> None:
    result = run_cli([command, "--help"])
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(f"usage: seedcheck {command} [-h]")


def test_index_refuses_an_index_that_is_a_directory(corpus: Path, run_cli: RunCli) -> None:
    (corpus / "INDEX.md").mkdir()
    result = run_cli(["index"])
    assert result == Result(
        2,
        "",
        "seedcheck: error: seeds/INDEX.md is a directory, not a regular file; "
        "fix it by hand, then run again\n",
    )


def test_max_file_size_limits_seeds_not_the_index(
    corpus: Path, isolated: Path, run_cli: RunCli
) -> None:
    # Every seed fits in 400 bytes; the index of two seeds does not, and need not. Seeds
    # that small have short bodies, which is not what this test is about.
    (isolated / "seedcheck.toml").write_text(
        "max-file-size = 400\nbody-min-words = 0\n", encoding="utf-8"
    )
    assert run_cli(["index"]).code == 0
    assert (corpus / "INDEX.md").stat().st_size > 400
    result = run_cli(["validate"])
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("All checks passed")
