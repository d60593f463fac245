"""Every defect the content rules exist for, in one corpus scraped the way scrapers do it.

``tests/corpora/scraped/000_…`` is an opinion piece as a careless scraper stores it: the
author's name lost and the bio kept in the byline, a teaser repeating the opening, the
whole body twice (once in one long ASCII paragraph, once re-paragraphed with typographic
quotes and dashes), the author's bio and Twitter handle after the article, the site's
"More from" block with each caption printed twice, and no final newline. ``001_…`` is a
good article (title, one-line summary, paragraphs, ``By Name`` as the last line).
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunCli

CORPORA = Path(__file__).parents[1] / "corpora"
SCRAPED = "scraped/000_5be0c1a2d3e4f567.txt"
GOOD = "scraped/001_8a7b6c5d4e3f2a10.txt"


def test_every_defect_is_reported_at_its_line(run_cli: RunCli) -> None:
    result = run_cli(["validate", "scraped"], cwd=CORPORA)
    assert (result.code, result.err) == (1, "")
    assert result.out == (
        f"{SCRAPED}:3:4: SC304 [byline-invalid] byline has no name before the comma"
        " (the name was lost and the bio kept)\n"
        f"{SCRAPED}:5:1: SC405 [teaser-duplicate] teaser cut off with an ellipsis repeats"
        " the start of line 7; delete the teaser\n"
        f"{SCRAPED}:9:1: SC403 [duplicated-text] the text of lines 9-15 repeats line 7"
        " (172 words, 41% of the body); delete one copy\n"
        f"{SCRAPED}:17:1: SC407 [author-bio] paragraph about the author, not the story:"
        " 'Marta Ilić is a professor of international politic'…; delete it\n"
        f"{SCRAPED}:18:1: SC408 [social-handle] social-media handle 'Twitter: @martailic';"
        " delete it\n"
        f"{SCRAPED}:20:1: SC406 [boilerplate] site boilerplate 'More from The Wendbury"
        " Review'; delete the block\n"
        f"{SCRAPED}:23:1: SC404 [duplicate-line] line printed twice: repeats the line above"
        " (line 22); delete the copy\n"
        f"{SCRAPED}:26:1: SC404 [duplicate-line] line printed twice: repeats the line above"
        " (line 25); delete the copy\n"
        f"{SCRAPED}:26:50: SC105 [missing-final-newline] no newline at end of file\n"
        "Found 8 errors and 1 warning in 1 file.\n"
    )


def test_the_good_article_raises_nothing(run_cli: RunCli) -> None:
    result = run_cli(["validate", "--strict", GOOD], cwd=CORPORA)
    assert (result.code, result.out, result.err) == (0, "All checks passed (1 file checked).\n", "")


def test_the_repeat_spans_both_copies(run_cli: RunCli) -> None:
    # The ASCII copy is line 7; the typographic copy runs from line 9 to line 15, where
    # it ends with the last word of the article, "insurance" (before the full stop).
    result = run_cli(
        ["validate", "--format", "json", "--select", "duplicated-text", "scraped"], cwd=CORPORA
    )
    assert '"line": 9' in result.out and '"end_line": 15' in result.out
    last = (CORPORA / SCRAPED).read_text(encoding="utf-8").split("\n")[14]
    assert last.endswith("insurance.")
    assert f'"end_column": {len(last)}' in result.out
