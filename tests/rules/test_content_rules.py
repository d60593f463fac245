"""The content rules' options, edges and costs, end to end through ``main``.

Each rule's typical defect and clean counterpart are in ``tests/cases/<rule>/``; this
file checks what those corpora cannot: configuration, where a rule must stay silent,
and that ftfy is not loaded for an ASCII corpus.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seedcheck.seed.body_lines import body_paragraphs
from seedcheck.seed.file import parse_seed
from seedcheck.seed.model import SeedMetadata
from tests.conftest import RunCli

NAME = "000_0123456789abcdef.txt"
PROSE = (
    "The ferry service to the northern islands resumed on Monday after a week of storms kept"
    " every boat in harbour. Crews spent the weekend checking hulls and moorings, and the first"
    " crossing left on time with a full deck of delivery vans."
)


def _seed(
    folder: Path, body: str, header: str = "title: Ferry Returns\nbyline: Ann Example\n"
) -> Path:
    (folder / "seeds").mkdir(exist_ok=True)
    path = folder / "seeds" / NAME
    path.write_text(f"---\n{header}---\n{body}", encoding="utf-8")
    return path


def _config(folder: Path, text: str) -> None:
    (folder / "seedcheck.toml").write_text(text, encoding="utf-8")


def _validate(run_cli: RunCli, rule: str) -> list[str]:
    result = run_cli(["validate", "--select", rule, "--quiet", "seeds"])
    assert result.err == ""
    return result.out.splitlines()


def test_body_min_words_is_configurable(isolated: Path, run_cli: RunCli) -> None:
    _seed(isolated, PROSE + "\n")
    _config(isolated, "body-min-words = 50\n")
    assert _validate(run_cli, "body-too-short") == [
        f"seeds/{NAME}:5:1: SC402 [body-too-short] the body has 42 words, fewer than 50"
        " (body-min-words); is the article cut short?"
    ]
    _config(isolated, "body-min-words = 42\n")
    assert _validate(run_cli, "body-too-short") == []


def test_duplicate_min_words_is_configurable(isolated: Path, run_cli: RunCli) -> None:
    sentence = "Island shops ran low on milk and bread while the boats stayed in harbour."
    _seed(isolated, f"{PROSE}\n\n{sentence}\n\nThe harbour was quiet.\n\n{sentence}\n")
    _config(isolated, "")
    assert _validate(run_cli, "duplicated-text") == []
    _config(isolated, "duplicate-min-words = 12\nduplicate-shingle-words = 5\n")
    assert _validate(run_cli, "duplicated-text") == [
        f"seeds/{NAME}:11:1: SC403 [duplicated-text] the text of line 11 repeats line 7"
        " (14 words, 19% of the body); delete one copy"
    ]


def test_duplicate_line_thresholds_are_configurable(isolated: Path, run_cli: RunCli) -> None:
    _seed(isolated, f"{PROSE}\n\nPhoto: the pier.\nPhoto: the pier.\n")
    _config(isolated, "")
    assert _validate(run_cli, "duplicate-line") == []
    _config(isolated, "doubled-line-min-chars = 10\n")
    assert _validate(run_cli, "duplicate-line") == [
        f"seeds/{NAME}:8:1: SC404 [duplicate-line] line printed twice: repeats the line above"
        " (line 7); delete the copy"
    ]


def test_a_body_printed_twice_is_reported_once(isolated: Path, run_cli: RunCli) -> None:
    # Identical lines inside a repeated passage are duplicated-text's, not duplicate-line's.
    second = "The harbour master said the ferry would run again on Monday."
    _seed(isolated, f"{PROSE}\n\n{second}\n\n{PROSE}\n\n{second}\n")
    _config(isolated, "")
    result = run_cli(["validate", "--select", "SC4", "--quiet", "seeds"])
    assert result.out == (
        f"seeds/{NAME}:9:1: SC403 [duplicated-text] the text of lines 9-11 repeats lines 5-7"
        " (53 words, 50% of the body); delete one copy\n"
    )


def test_a_doubled_caption_is_duplicate_line_s_whatever_its_length(
    isolated: Path, run_cli: RunCli
) -> None:
    # One rule for one defect: a line printed twice, short or as long as a paragraph.
    _seed(isolated, f"{PROSE}\n\n{PROSE}\n")
    _config(isolated, "")
    result = run_cli(["validate", "--select", "SC4", "--quiet", "seeds"])
    assert result.out == (
        f"seeds/{NAME}:7:1: SC404 [duplicate-line] line printed twice: repeats the line above"
        " (line 5); delete the copy\n"
    )


def test_user_boilerplate_patterns(isolated: Path, run_cli: RunCli) -> None:
    _seed(isolated, f"{PROSE}\n\nPartner offer: ferry tickets at half price.\n")
    _config(isolated, "")
    assert _validate(run_cli, "boilerplate") == []
    _config(isolated, 'boilerplate-patterns = ["^Partner offer:"]\n')
    assert _validate(run_cli, "boilerplate") == [
        f"seeds/{NAME}:7:1: SC406 [boilerplate] site boilerplate 'Partner offer: ferry tickets"
        " at half price.'; delete the block"
    ]


@pytest.mark.parametrize(
    ("line", "column", "shown"),
    [
        ("More stories from The Wendbury Courier", 1, "More stories from The Wendbury Courier"),
        ("You may also like", 1, "You may also like"),
        ("Most Read", 1, "Most Read"),
        ("Trending now", 1, "Trending now"),
        ("Get the best of the Courier delivered to your inbox every morning.", 1, None),
        ("Share:", 1, "Share:"),
        ("Follow the Courier on Facebook", 1, "Follow the Courier on Facebook"),
        ("Continue reading", 1, "Continue reading"),
        ("Advertisement - scroll to continue", 1, "Advertisement - scroll to continue"),
        ("Story continues below advertisement", 1, "Story continues below advertisement"),
        ("(c) 2024 Wendbury Media Ltd", 1, "(c) 2024 Wendbury Media Ltd"),
        (
            "This site uses cookies to improve your experience. By continuing you agree to our"
            " use of cookies.",
            1,
            None,
        ),
        (
            "Privacy Policy | Terms of Use | Contact Us",
            1,
            "Privacy Policy | Terms of Use | Contact Us",
        ),
        ("Tags: harbour, ferries, council", 1, "Tags: harbour, ferries, council"),
        ("  **Most Read**", 3, "**Most Read**"),
        # A phrase inside a short line: the finding points at the phrase itself.
        ("To hear the recordings, click here.", 25, "click here"),
        ("The Wendbury Courier \u00a9 2024", 22, "\u00a9 2024"),
        ("Tickets from the harbour office. All Rights Reserved.", 34, "All Rights Reserved"),
    ],
)
def test_furniture_lines_are_boilerplate(
    isolated: Path, run_cli: RunCli, line: str, column: int, shown: str | None
) -> None:
    _seed(isolated, f"{PROSE}\n\n{line}\n")
    _config(isolated, "")
    found = _validate(run_cli, "boilerplate")
    assert len(found) == 1, found
    assert found[0].startswith(f"seeds/{NAME}:7:{column}: SC406 [boilerplate] site boilerplate")
    if shown is not None:
        assert f"boilerplate '{shown}';" in found[0]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Twitter: @tomasreid", "Twitter: @tomasreid"),
        ("@tomasreid", "@tomasreid"),
        (
            "Find her on Bluesky at @janedoe.bsky.social",
            "Find her on Bluesky at @janedoe.bsky.social",
        ),
        ("@janedoe on Threads", "@janedoe on Threads"),
        ("X (formerly Twitter): @janedoe", "X (formerly Twitter): @janedoe"),
        ("Follow @janedoe for more.", "Follow @janedoe"),
        ("Bluesky: @jane-doe.bsky.social", "Bluesky: @jane-doe.bsky.social"),
        ("Mastodon: @janedoe@wendbury.social", "Mastodon: @janedoe@wendbury.social"),
        ("Twitter: @janedoe | Instagram: @jane.doe", "Twitter: @janedoe | Instagram: @jane.doe"),
        ("Follow Jane Doe on X", "Follow Jane Doe on X"),
        ("Jane Doe covers transport for the Courier. Twitter: @janedoe", "Twitter: @janedoe"),
    ],
)
def test_social_handles(isolated: Path, run_cli: RunCli, line: str, shown: str) -> None:
    _seed(isolated, f"{PROSE}\n\n{line}\n")
    _config(isolated, "")
    column = line.index(shown) + 1
    assert _validate(run_cli, "social-handle") == [
        f"seeds/{NAME}:7:{column}: SC408 [social-handle] social-media handle '{shown}'; delete it"
    ]


def test_a_site_follow_line_is_boilerplate_only(isolated: Path, run_cli: RunCli) -> None:
    _seed(isolated, f"{PROSE}\n\nFollow The Wendbury Courier on Facebook\n")
    _config(isolated, "")
    found = _validate(run_cli, "SC406,SC408")
    assert [line.split(" [")[0].rsplit(" ", 1)[1] for line in found] == ["SC406"]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("<p>The ferry ran late.</p>", "HTML tag '<p>'"),
        ("The ferry ran late.</p>", "HTML tag '</p>'"),
        ("The ferry ran late.<br/>Then it sank.", "HTML tag '<br/>'"),
        ("The ferry ran late.<br />Then it sank.", "HTML tag '<br />'"),
        (
            'See <a href="https://example.org/x">the map</a>.',
            "HTML tag '<a href=\"https://example.org/x\">'",
        ),
        ("<img src=map.png alt='A map'>", "HTML tag '<img src=map.png alt='A map'>'"),
        ("<video controls autoplay>", "HTML tag '<video controls autoplay>'"),
        ('<div class="caption" hidden>A map</div>', "HTML tag '<div class=\"caption\" hidden>'"),
        ("Smith &amp; Sons", "HTML character reference '&amp;' (for '&')"),
        ("Smith &amp Sons", "HTML character reference '&amp' (for '&')"),
        ("Ferry&nbsp;times", "HTML character reference '&nbsp;' (for '\\xa0')"),
        ("Ferry&nbsp times", "HTML character reference '&nbsp' (for '\\xa0')"),
    ],
)
def test_html_residue(isolated: Path, run_cli: RunCli, line: str, shown: str) -> None:
    _seed(isolated, f"{PROSE}\n\n{line}\n")
    _config(isolated, "")
    found = _validate(run_cli, "html-residue")
    assert len(found) == 1, found
    assert f"SC410 [html-residue] {shown} in the text" in found[0], found


@pytest.mark.parametrize(
    "line",
    ["if x<a and y>b", "3<s and t>4", "<a and b>", "AT&T and R&D", "&ampersand", "a <p and q>"],
)
def test_not_html(isolated: Path, run_cli: RunCli, line: str) -> None:
    _seed(isolated, f"{PROSE}\n\n{line}\n")
    _config(isolated, "")
    assert _validate(run_cli, "html-residue") == []


def test_mojibake_copyright_sign_is_not_boilerplate(isolated: Path, run_cli: RunCli) -> None:
    # "caf\u00e9" decoded as Latin-1 is "caf\u00c3\u00a9": the U+00A9 is half a letter.
    _seed(isolated, f"{PROSE}\n\nThe caf\u00c3\u00a9 2024 menu.\n")
    _config(isolated, "")
    assert _validate(run_cli, "boilerplate") == []


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            'boilerplate-patterns = ["(unclosed"]',
            "boilerplate-patterns: '(unclosed' is not a valid regular expression: missing ),"
            " unterminated subpattern at position 0",
        ),
        (
            "duplicate-shingle-words = 1",
            "duplicate-shingle-words: Input should be greater than or equal to 2",
        ),
        (
            'boilerplate-patterns = ["x?"]',
            "boilerplate-patterns: 'x?' matches an empty line, so it would match every line",
        ),
        ("body-min-words = true", "body-min-words: Input should be a valid integer"),
        ("near-duplicate-bands = true", "near-duplicate-bands: Input should be a valid integer"),
        (
            "near-duplicate-threshold = true",
            "near-duplicate-threshold: Input should be a valid number",
        ),
    ],
)
def test_bad_content_options_are_config_errors(
    isolated: Path, run_cli: RunCli, config: str, message: str
) -> None:
    _config(isolated, config + "\n")
    (isolated / "seeds").mkdir()
    result = run_cli(["validate"])
    assert result.code == 2
    assert result.err == (
        f"seedcheck: error: {(isolated / 'seedcheck.toml').as_posix()}: invalid configuration: "
        f"{message}\n"
    )


@pytest.mark.parametrize(
    "line",
    [
        "She posted the photo on X, where @harbourwatch shared it with thousands.",
        "Write to the ferry office at tickets@example.org for refunds.",
        "The related costs were paid by the county, and more from the budget is promised.",
        "Engineers said the pier is a listed structure that was built in 1887.",
        "The ferry company is a subsidiary of a Norwegian group, its director said.",
        "\u201cWe have updated our privacy policy,\u201d the ferry company said on Friday.",
        "S\u00c3O PAULO (Reuters) - The shipyard won the contract, Dvo\u0159\u00e1k said.",
        "The deck was rated for loads <500 kg, and AT&T; crews checked it at 6 < 7 pm.",
        # Furniture phrases quoted or discussed in prose are news, not furniture.
        "The phrase \u201call rights reserved\u201d has had no legal force for a century,"
        " the lawyer said.",
        "Accessibility experts say links labelled \u201cclick here\u201d tell readers nothing"
        " about where they go.",
        "\u201cFor years the industry has treated \u2018we use cookies\u2019 banners as a box"
        " to tick,\u201d she said.",
        "The \u00a9 notice survives mostly as a courtesy, lawyers say.",
        "The copyright 2024 review of the archive found nothing new, its authors said.",
        "Copyright lawyers agree with her on that point, if not on much else.",
        # A handle named in a sentence is reporting, not an author box.
        "In a post on X @CityOfWendbury said the road would reopen on Friday.",
        "The mayor answered on Twitter @wendburymayor within minutes.",
        "Residents replied to @wendburymayor on Twitter within the hour.",
        # Comparisons are not tags.
        "The first ratio was x<a and the other ratio y>b in every sample the team took.",
        "On the board the pupils wrote 3<s and t>4, then checked it with the teacher.",
        "Readers are told to click here, click there and accept all cookies before they can"
        " read a single paragraph of the report, the study found.",
    ],
)
def test_ordinary_sentences_stay_silent(isolated: Path, run_cli: RunCli, line: str) -> None:
    _seed(isolated, f"{PROSE}\n\n{line}\n")
    _config(isolated, "")
    result = run_cli(["validate", "--select", "SC4", "--strict", "seeds"])
    assert result.out.startswith("All checks passed"), result.out


def test_a_bio_in_the_middle_of_the_body_is_article_text(isolated: Path, run_cli: RunCli) -> None:
    middle = "Ann Example is a professor of maritime history at the college."
    filler = [f"Paragraph {i} of the story about the ferry and the islands." for i in range(8)]
    _seed(isolated, "\n\n".join([*filler[:3], middle, *filler[3:]]) + "\n")
    _config(isolated, "")
    assert _validate(run_cli, "author-bio") == []


def test_the_plain_byline_is_not_body_text() -> None:
    # A byline with a dateline below it: the byline goes, the dateline stays.
    text = "Ferry Returns\n\nSummary.\n\nBy Ann Example\nWENDBURY, 3 May\n\nThe story.\n"
    seed = parse_seed(
        Path(NAME), text.encode(), number=None, seed_id=None, layout="auto", model=SeedMetadata
    )
    assert [[line.number for line in p.lines] for p in body_paragraphs(seed)] == [[3], [6], [8]]


def test_ftfy_is_not_loaded_for_an_ascii_corpus(isolated: Path) -> None:
    _seed(isolated, PROSE + "\n")
    probe = (
        "import sys; from seedcheck.cli import main; main(['validate', '--quiet', 'seeds']);"
        " print('ftfy' in sys.modules)"
    )
    ascii_run = subprocess.run(
        [sys.executable, "-c", probe], cwd=isolated, capture_output=True, text=True, check=False
    )
    assert ascii_run.stdout.splitlines()[-1] == "False"
    _seed(isolated, PROSE + " The caf\u00e9 reopened.\n")
    accented = subprocess.run(
        [sys.executable, "-c", probe], cwd=isolated, capture_output=True, text=True, check=False
    )
    assert accented.stdout.splitlines()[-1] == "True"


def test_a_repeat_on_a_line_with_soft_hyphens_points_at_its_first_word(
    isolated: Path, run_cli: RunCli
) -> None:
    # "Intro\u00adduction" is one word: the repeat starts at "The", column 16.
    hidden = PROSE.replace("ferry", "fer\u00adry").replace("storms", "storms\u200b")
    _seed(isolated, f"{PROSE}\n\nIntro\u00adduction: {hidden}\n")
    _config(isolated, "")
    assert _validate(run_cli, "duplicated-text") == [
        f"seeds/{NAME}:7:16: SC403 [duplicated-text] the text of line 7 repeats line 5"
        " (42 words, 49% of the body); delete one copy"
    ]


@pytest.mark.parametrize(
    ("header", "body"),
    [
        ("Marta Ili\u0107, Tom Reyes", "By Marta Ili\u0107 and Tom Reyes"),
        ("Marta Ili\u0107 & Tom Reyes", "By Marta Ili\u0107 and Tom Reyes"),
        ("Marta Ili\u0107", "By MARTA ILI\u0106 | Staff Writer"),
        ("Marta Ili\u0107", "By Dr. Marta Ili\u0107"),
        ("Marta Ili\u0107; Tom Reyes", "By Tom Reyes, Senior Correspondent, and Marta Ili\u0107"),
        ("Ruth Okafor", "By Ruth Okafor, Carlow Gazette"),
        ("Jane Doe", "By Jane Doe; additional reporting by John Roe"),
        ("Jane Doe", "By Jane Doe in Kyiv"),
        ("Jane Doe", "By Jane Doe for The Courier"),
        ("Jane Doe", "By Jane Doe, a professor at Example University"),
        ("Jane Doe", "By Jane Doe, the Associated Press"),
        ("Jane Doe, John Roe", "By JOHN ROE AND JANE DOE"),
    ],
)
def test_equivalent_bylines_agree(isolated: Path, run_cli: RunCli, header: str, body: str) -> None:
    _seed(isolated, f"{body}\n\n{PROSE}\n", header=f"title: Ferry Returns\nbyline: {header}\n")
    _config(isolated, "")
    assert _validate(run_cli, "byline-conflict") == []


@pytest.mark.parametrize(
    ("header", "body", "difference"),
    [
        (
            "Marta Ili\u0107, Tom Reyes",
            "By Marta Ili\u0107, John Smith",
            "the body names John Smith instead of Tom Reyes",
        ),
        ("Marta Ili\u0107", "By Marta Ili\u0107, Tom Reyes", "the header leaves out Tom Reyes"),
        ("Marta Ili\u0107 and Tom Reyes", "By Tom Reyes", "the body leaves out Marta Ili\u0107"),
    ],
)
def test_a_dropped_or_different_co_author_is_a_conflict(
    isolated: Path, run_cli: RunCli, header: str, body: str, difference: str
) -> None:
    _seed(isolated, f"{body}\n\n{PROSE}\n", header=f"title: Ferry Returns\nbyline: {header}\n")
    _config(isolated, "")
    assert _validate(run_cli, "byline-conflict") == [
        f"seeds/{NAME}:5:4: SC412 [byline-conflict] the body credits {body[3:]!r} but the"
        f" header's byline (line 3) is {header!r}: {difference}; correct one of them"
    ]


BIO_TAIL = "\n\nTwitter: @owenprice\n\nMore from The Courier\n\n" + (
    "Flooded cellars in Eastgate after the storm\nFlooded cellars in Eastgate after the storm\n\n"
    "Council delays vote on bus lanes again\nCouncil delays vote on bus lanes again\n"
)


def test_a_bio_before_handles_links_and_captions_is_found(isolated: Path, run_cli: RunCli) -> None:
    # The scenario: the bio is the fifth paragraph from the end.
    bio = "Ann Example is a senior fellow at the Fair Bills Alliance."
    _seed(isolated, f"{PROSE}\n\n{PROSE.replace('ferry', 'bus')}\n\n{bio}{BIO_TAIL}")
    _config(isolated, "")
    assert _validate(run_cli, "author-bio") == [
        f"seeds/{NAME}:9:1: SC407 [author-bio] paragraph about the author, not the story:"
        " 'Ann Example is a senior fellow at the Fair Bills A'…; delete it"
    ]


@pytest.mark.parametrize(
    "bio",
    [
        "Ann Example is Professor of International Politics at Wendbury University.",
        "Ann Example, a professor of politics at Wendbury University, is the author of Harbours.",
        "Ann Example (@annexample) is a senior fellow at the Harbour Institute.",
        "\u2014 Ann Example is a senior fellow at the Harbour Institute.",
        "The author is a professor of international politics at Wendbury University.",
        "About the author: Dr Example is a historian of the northern islands.",
        "Ann Example is a historian and the author of \u201cA History of Every Ferry That"
        " Ever Sailed to the Islands\u201d.",
    ],
)
def test_bio_forms(isolated: Path, run_cli: RunCli, bio: str) -> None:
    _seed(isolated, f"{PROSE}\n\n{bio}\n")
    _config(isolated, "")
    assert [line.split(" paragraph ")[0] for line in _validate(run_cli, "author-bio")] == [
        f"seeds/{NAME}:7:1: SC407 [author-bio]"
    ]


@pytest.mark.parametrize(
    "closing",
    [
        # Experts quoted at the end of a story by Ann Example: article text, not her bio.
        "Alistair Grant is a professor of transport economics at the University of Inverness.",
        "Dr Laila Haddad is the director of the Urban Climate Lab at Wendbury University.",
        # Her own name, but reporting speech.
        "Ann Example, a professor of history, said the ferry had never been late before.",
        "Ann Example is the director of the trust. \u201cWe will keep the boats running"
        " whatever the weather does next,\u201d she wrote.",
    ],
)
def test_a_quoted_expert_is_not_the_author(isolated: Path, run_cli: RunCli, closing: str) -> None:
    _seed(isolated, f"{PROSE}\n\n{closing}\n")
    _config(isolated, "")
    assert _validate(run_cli, "author-bio") == []


def test_without_a_usable_byline_any_bio_counts(isolated: Path, run_cli: RunCli) -> None:
    closing = "Alistair Grant is a professor of transport economics at the University of Inverness."
    header = "title: Ferry Returns\nbyline: ', a professor of transport economics'\n"
    _seed(isolated, f"{PROSE}\n\n{closing}\n", header=header)
    _config(isolated, "")
    assert [line.split(" paragraph ")[0] for line in _validate(run_cli, "author-bio")] == [
        f"seeds/{NAME}:7:1: SC407 [author-bio]"
    ]


TEASER_STORY = (
    "The harbour board voted on Tuesday to close the old fish market by the end of next year,"
    " ending two centuries of trading on the quay."
)


@pytest.mark.parametrize(
    ("teaser", "story"),
    [
        (TEASER_STORY[:77] + "\u2026", "WENDBURY \u2014 " + TEASER_STORY),
        (TEASER_STORY[:77] + "...", "LONDON (Reuters) - " + TEASER_STORY),
        (TEASER_STORY[:77] + "\u2026", "Wendbury, March 3 \u2014 " + TEASER_STORY),
        (TEASER_STORY[:77] + "...", "PORT ELLIN, Scotland -- " + TEASER_STORY),
        (TEASER_STORY[:77] + "\u2026", "WENDBURY, " + TEASER_STORY),
        (TEASER_STORY[:87] + " \u2026 Read more", TEASER_STORY),
        (TEASER_STORY[:87] + "... Continue reading \u00bb", TEASER_STORY),
        (TEASER_STORY[:77] + "\n[\u2026]", TEASER_STORY),
        (TEASER_STORY[:77] + " [...]", TEASER_STORY),
    ],
)
def test_teaser_forms(isolated: Path, run_cli: RunCli, teaser: str, story: str) -> None:
    _seed(isolated, f"{teaser}\n\n{story}\n\n{PROSE}\n")
    _config(isolated, "")
    repeated = 7 + teaser.count("\n")
    assert _validate(run_cli, "teaser-duplicate") == [
        f"seeds/{NAME}:5:1: SC405 [teaser-duplicate] teaser cut off with an ellipsis repeats"
        f" the start of line {repeated}; delete the teaser"
    ]


def test_a_teaser_of_other_words_after_a_dateline_is_not_a_teaser(
    isolated: Path, run_cli: RunCli
) -> None:
    teaser = "The council voted on Tuesday to keep the old fish market open for another\u2026"
    _seed(isolated, f"{teaser}\n\nWENDBURY \u2014 {TEASER_STORY}\n\n{PROSE}\n")
    _config(isolated, "")
    assert _validate(run_cli, "teaser-duplicate") == []


@pytest.mark.parametrize("name", ["Ana dos Santos", "Ana da Santos", "Jan van der Berg"])
def test_author_bio_reads_names_with_the_bylines_particles(
    isolated: Path, run_cli: RunCli, name: str
) -> None:
    # The byline parser and author-bio share one list of name particles.
    _seed(
        isolated,
        PROSE + f"\n\n{name} is a professor of marine biology at Wendbury University.\n",
        header=f"title: Ferry Returns\nbyline: {name}\n",
    )
    (finding,) = _validate(run_cli, "author-bio")
    assert finding.startswith(f"seeds/{NAME}:")
    assert "SC407 [author-bio]" in finding
