"""duplicated-text and duplicate-line on repeats of quotations, end to end through main."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunCli
from tests.rules.test_content_rules import NAME, PROSE, _config, _seed

STATEMENT = (
    "The crossing will run every twenty minutes until the end of the summer season, and "
    "no sailing will be cancelled for lack of crew"
)


def _sc4(run_cli: RunCli) -> str:
    result = run_cli(["validate", "--select", "SC4", "--quiet", "seeds"])
    assert result.err == ""
    return result.out


def test_one_statement_quoted_from_two_sources_is_not_a_repeat(
    isolated: Path, run_cli: RunCli
) -> None:
    _seed(
        isolated,
        f"{PROSE}\n\nIn a statement on Monday, the ministry said: \u201c{STATEMENT}.\u201d\n\n"
        "The harbour was quiet by the evening, with only the fishing boats left out.\n\n"
        f'A spokesperson for the operator, asked by the Courier, said: "{STATEMENT}," and '
        "declined to say more.\n",
    )
    _config(isolated, "")
    assert _sc4(run_cli) == ""


def test_a_pasted_paragraph_holding_a_quotation_is_still_a_repeat(
    isolated: Path, run_cli: RunCli
) -> None:
    quoted = f"The ministry said: \u201c{STATEMENT}.\u201d"
    _seed(isolated, f"{PROSE}\n\n{quoted}\n\nThe harbour was quiet.\n\n{quoted}\n")
    _config(isolated, "")
    # One rule only: the whole line again, further down, is duplicated-text's.
    assert _sc4(run_cli) == (
        f"seeds/{NAME}:11:1: SC403 [duplicated-text] the text of line 11 repeats line 7"
        " (27 words, 27% of the body); delete one copy\n"
    )


def test_a_quotation_pasted_again_with_its_attribution_is_a_repeat(
    isolated: Path, run_cli: RunCli
) -> None:
    # The copy runs over the quotation's end into the same attribution: a paste.
    line = f'"{STATEMENT}," the ministry said in a statement on Monday evening.'
    _seed(isolated, f"{PROSE}\n\n{line}\n\nThe harbour was quiet.\n\nYes. {line}\n")
    _config(isolated, "")
    assert _sc4(run_cli) == (
        f"seeds/{NAME}:11:7: SC403 [duplicated-text] the text of line 11 repeats line 7"
        " (33 words, 29% of the body); delete one copy\n"
    )


def test_a_doubled_caption_is_one_finding(isolated: Path, run_cli: RunCli) -> None:
    caption = "Volunteers fill sandbags on the quay in Wendbury on Monday."
    _seed(isolated, f"{PROSE}\n\n{caption}\n{caption}\n\nThe quay reopened on Tuesday.\n")
    _config(isolated, "")
    assert _sc4(run_cli) == (
        f"seeds/{NAME}:8:1: SC404 [duplicate-line] line printed twice: repeats the line above"
        " (line 7); delete the copy\n"
    )
