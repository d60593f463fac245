"""``seedcheck report``: the Markdown summary, the HTML page's content, and bad input."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from seedcheck.cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "broken"
CHARTS = (
    "findings-per-rule",
    "seeds-per-month",
    "word-counts",
    "seeds-per-source",
    "seeds-per-byline",
)


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = tmp_path / "broken"
    shutil.copytree(EXAMPLE, project)
    monkeypatch.chdir(project)
    monkeypatch.setenv("SEEDCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return project


def test_markdown_summary(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "corpus", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    body, footer = out.rsplit("<sub>", 1)
    assert body == (
        "## seedcheck report: corpus\n"
        "\n"
        "**❌ 11 error(s), 1 warning(s) in 4 file(s)** · 4 seeds · 989 words · 2 sources · "
        "4 bylines\n"
        "\n"
        "- `corpus`: INDEX.md has 5 findings\n"
        "\n"
        "| rule | severity | findings |\n"
        "| --- | --- | ---: |\n"
        "| SC404 `duplicate-line` | error | 2 |\n"
        "| SC506 `index-mismatch` | error | 2 |\n"
        "| SC507 `index-digest` | error | 2 |\n"
        "| SC106 `trailing-whitespace` | error | 1 |\n"
        "| SC206 `unknown-field` | error | 1 |\n"
        "| SC304 `byline-invalid` | error | 1 |\n"
        "| SC406 `boilerplate` | error | 1 |\n"
        "| SC504 `index-missing-entry` | error | 1 |\n"
        "| SC603 `numbering-gap` | warning | 1 |\n"
        "\n"
    )
    assert re.fullmatch(
        r"seedcheck \S+ · seedcheck\.toml · \d{4}-\d\d-\d\d \d\d:\d\d UTC</sub>\n", footer
    )


def test_a_warm_report_says_what_a_cold_one_says(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Files written a while ago: the cache keeps them, and the corpus rules' findings.
    for path in [broken, *broken.rglob("*")]:
        os.utime(path, (1_700_000_000, 1_700_000_000))
    outputs = []
    for _ in range(3):
        assert main(["report", "corpus", "--format", "markdown"]) == 0
        outputs.append(capsys.readouterr().out.rsplit("<sub>", 1)[0])
    assert "- `corpus`: INDEX.md has 5 findings\n" in outputs[0]
    assert outputs[1] == outputs[2] == outputs[0]
    (broken / "corpus" / "INDEX.md").unlink()
    assert main(["report", "corpus", "--format", "markdown"]) == 0
    assert "- `corpus`: no INDEX.md; run `seedcheck index`\n" in capsys.readouterr().out


def test_findings_a_seed_suppresses_are_left_out_as_validate_leaves_them(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = broken / "corpus" / "000_24f2796343eaebf7.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("---\n", "---\nseedcheck: {ignore: [byline-invalid]}\n", 1))
    assert main(["validate", "corpus", "--statistics"]) == 1
    validated = capsys.readouterr().out
    assert "SC304" not in validated and "Found 10 errors and 1 warning" in validated
    assert main(["report", "corpus", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "**❌ 10 error(s), 1 warning(s) in 4 file(s)**" in out
    assert "SC304" not in out


def test_html_page_is_self_contained(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = broken.parent / "report.html"
    assert main(["report", "corpus", "--output", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out.as_posix()} (")
    page = out.read_text(encoding="utf-8")
    for chart in CHARTS:
        figure = re.search(
            rf'<figure class="chart" id="chart-{chart}"><svg.*?</svg></figure>', page, re.S
        )
        assert figure is not None, chart
        assert "<path" in figure.group(0)
    # Nothing for a browser to fetch: no external script, style, image or font.
    assert not re.search(r"<(script|img|link|iframe)[^>]*\s(src|href)=", page)
    assert "@import" not in page
    assert not re.search(r"url\((?!#)", page)  # only the SVGs' own clip paths
    assert page.count('<tr data-rule="') == 12
    assert '<tr data-rule="SC106" data-severity="error">' in page
    assert "corpus/002_e4719b67880eed0d.txt:19" in page
    assert "/src/seedcheck/rules/trailing_whitespace.py" in page


def test_html_report_refuses_to_write_into_the_corpus(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "corpus", "-o", "corpus/report.html"]) == 2
    assert capsys.readouterr().err == (
        "seedcheck: error: corpus/report.html: refusing to write the report into a corpus "
        "folder it reports on; write it somewhere else\n"
    )
    assert not (broken / "corpus" / "report.html").exists()


def test_html_without_matplotlib_says_what_to_install(
    broken: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.delitem(sys.modules, "seedcheck.corpus_report.charts", raising=False)
    assert main(["report", "corpus"]) == 2
    assert capsys.readouterr().err == (
        "seedcheck: error: the HTML report needs the report extra (matplotlib is not "
        "installed); install it with pip install 'seedcheck[report]', or use --format markdown\n"
    )


def test_bad_arguments(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--top", "0"]) == 2
    assert "expected a whole number, 1 or more, not '0'" in capsys.readouterr().err
    assert main(["report", "nowhere", "--format", "markdown"]) == 2
    assert capsys.readouterr().err == "seedcheck: error: nowhere: no such file or directory\n"


def test_a_report_of_unchanged_corpora_is_made_from_the_memo(
    broken: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Files checked out a while ago: a memo is kept only when every stat identifies its file.
    for path in broken.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))

    def summary() -> str:
        assert main(["report", "corpus", "--format", "markdown"]) == 0
        return capsys.readouterr().out.rsplit("<sub>", 1)[0]

    first = summary()
    import seedcheck.run.targets

    def unchecked(*args: object, **kwargs: object) -> object:
        raise AssertionError("the corpus was checked again")

    real = seedcheck.run.targets.check_target
    monkeypatch.setattr(seedcheck.run.targets, "check_target", unchecked)
    assert summary() == first
    # A seed changed: the report is made anew, and says so.
    monkeypatch.setattr(seedcheck.run.targets, "check_target", real)
    seed = sorted((broken / "corpus").glob("0*"))[0]
    seed.write_text(seed.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    assert summary() != first
