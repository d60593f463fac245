"""The HTML report in a real browser: headless Chromium, over the DevTools protocol."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import console_script
from tests.corpus_report.headless_chromium import Browser, find_chromium

pytest.importorskip("matplotlib", reason="seedcheck[report] is not installed")

EXAMPLE = Path(__file__).parents[2] / "examples" / "broken"
CHARTS = 5
VISIBLE = "Array.from(document.querySelectorAll('#findings tbody tr')).filter(r => !r.hidden)"


@pytest.fixture(scope="module")
def browser() -> object:
    executable = find_chromium()
    if executable is None:
        pytest.skip(
            "Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)"
        )
    opened = Browser(executable)
    yield opened
    opened.close()


def test_report_in_chromium(tmp_path: Path, browser: Browser) -> None:
    project = tmp_path / "broken"
    shutil.copytree(EXAMPLE, project)
    page = tmp_path / "report.html"
    subprocess.run(
        [str(console_script("seedcheck")), "report", "corpus", "-o", str(page)],
        cwd=project,
        env={**os.environ, "SEEDCHECK_CACHE_DIR": str(tmp_path / "cache")},
        check=True,
        capture_output=True,
    )
    browser.open(page.as_uri())
    assert browser.errors() == []
    # Every chart is there, drawn, and takes room on the page.
    charts = browser.evaluate(
        "Array.from(document.querySelectorAll('figure.chart svg')).map(s => "
        "[s.getBoundingClientRect().width, s.getBoundingClientRect().height, "
        "s.querySelectorAll('path').length])"
    )
    assert len(charts) == CHARTS
    for width, height, paths in charts:
        assert width > 300 and height > 100 and paths > 5

    assert browser.evaluate(f"{VISIBLE}.length") == 12
    browser.evaluate(
        "(() => { const s = document.getElementById('rule-filter'); s.value = 'SC404';"
        " s.dispatchEvent(new Event('change')); })()"
    )
    assert browser.evaluate(f"{VISIBLE}.map(r => r.dataset.rule)") == ["SC404", "SC404"]
    assert browser.evaluate("document.getElementById('shown-count').textContent") == (
        "2 of 12 findings shown"
    )
    browser.evaluate(
        "(() => { const s = document.getElementById('rule-filter'); s.value = '';"
        " s.dispatchEvent(new Event('change'));"
        " const v = document.getElementById('severity-filter'); v.value = 'warning';"
        " v.dispatchEvent(new Event('change')); })()"
    )
    assert browser.evaluate(f"{VISIBLE}.map(r => r.dataset.rule)") == ["SC603"]
    # The address can carry a filter; sorting by rule puts SC106 first.
    browser.open("about:blank")
    browser.open(page.as_uri() + "#severity=error")
    assert browser.evaluate(f"{VISIBLE}.length") == 11
    browser.evaluate("document.querySelectorAll('#findings th')[2].click()")
    assert browser.evaluate(f"{VISIBLE}[0].dataset.rule") == "SC106"
    assert browser.errors() == []

    browser.open(page.as_uri())
    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert shot.stat().st_size > 20_000
    keep = os.environ.get("SEEDCHECK_REPORT_SCREENSHOT")
    if keep:  # how the README's screenshot is made
        shutil.copyfile(shot, keep)
