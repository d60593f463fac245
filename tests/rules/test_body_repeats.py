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
    line = f'"{STATEMENT}," the ministry said. It gave no date for the change.'
    _seed(isolated, f"{PROSE}\n\n{line}\n\nThe harbour was quiet.\n\nYes. {line}\n")
    _config(isolated, "")
    assert _sc4(run_cli) == (
        f"seeds/{NAME}:11:7: SC403 [duplicated-text] the text of line 11 repeats line 7"
        " (34 words, 30% of the body); delete one copy\n"
    )


def test_a_doubled_caption_is_one_finding(isolated: Path, run_cli: RunCli) -> None:
    caption = "Volunteers fill sandbags on the quay in Wendbury on Monday."
    _seed(isolated, f"{PROSE}\n\n{caption}\n{caption}\n\nThe quay reopened on Tuesday.\n")
    _config(isolated, "")
    assert _sc4(run_cli) == (
        f"seeds/{NAME}:8:1: SC404 [duplicate-line] line printed twice: repeats the line above"
        " (line 7); delete the copy\n"
    )


LEDE = (
    "A video showing the moment a lifeboat crew pulled two children from the flooded "
    "quarry near Wendbury was released by the coastguard on Monday."
)


def test_one_sentence_said_again_in_another_paragraph_is_not_a_repeat(
    isolated: Path, run_cli: RunCli
) -> None:
    # A lede restated, a little reworded at its end, in a video's description.
    restated = LEDE.replace("on Monday.", "late on Monday.")
    _seed(
        isolated,
        f"{LEDE}\n\n{PROSE}\n\n{restated} The footage has been edited to protect the children.\n",
    )
    _config(isolated, "")
    assert _sc4(run_cli) == ""


def test_two_sentences_pasted_into_another_paragraph_are_a_repeat(
    isolated: Path, run_cli: RunCli
) -> None:
    second = "The children were taken to hospital and are said to be recovering well."
    _seed(
        isolated,
        f"{LEDE} {second}\n\n{PROSE}\n\nIn short: {LEDE} {second} The footage was edited.\n",
    )
    _config(isolated, "")
    assert _sc4(run_cli) == (
        f"seeds/{NAME}:9:11: SC403 [duplicated-text] the text of line 9 repeats lines 5-7"
        " (38 words, 31% of the body); delete one copy\n"
    )
