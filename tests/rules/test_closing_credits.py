"""A credit right below the article is the article's: no content rule reports it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunCli
from tests.rules.test_content_rules import NAME, PROSE, _config, _seed


def _sc4(run_cli: RunCli) -> str:
    result = run_cli(["validate", "--select", "SC4", "--quiet", "seeds"])
    assert result.err == ""
    return result.out


@pytest.mark.parametrize(
    "credits",
    ["\u00a9 Jane Doe", "(Image credit: Wendbury Ferries)", "Main image credit: Getty"],
)
def test_a_closing_credit_is_not_reported(isolated: Path, run_cli: RunCli, credits: str) -> None:
    _seed(isolated, f"{PROSE}\n\n{credits}\n")
    _config(isolated, "body-min-words = 0\n")
    assert _sc4(run_cli) == ""


def test_a_site_s_copyright_notice_at_the_end_is(isolated: Path, run_cli: RunCli) -> None:
    _seed(isolated, f"{PROSE}\n\n\u00a9 2025 Wendbury Media Ltd\n")
    _config(isolated, "body-min-words = 0\n")
    assert _sc4(run_cli) == (
        f"seeds/{NAME}:7:1: SC406 [boilerplate] site boilerplate '\u00a9 2025 Wendbury Media"
        " Ltd'; delete the block\n"
    )


def test_a_credit_under_a_caption_is(isolated: Path, run_cli: RunCli) -> None:
    _seed(isolated, f"{PROSE}\n\nCrowds on the quay.\n\u00a9 Jane Doe\n")
    _config(isolated, "body-min-words = 0\n")
    assert _sc4(run_cli) == (
        f"seeds/{NAME}:7:1: SC415 [extractor-residue] extractor residue (caption, photo credit)"
        " 'Crowds on the quay.'; delete lines 7-8\n"
    )
