"""Front matter crafted to exhaust the validator: bounded time, short output, no crash.

An alias bomb is refused before any value is built, wherever the expansion would land:
in ``title`` or ``byline`` (whose messages quote the value), in a list field, in a field
declared in the configuration, or as a mapping key. Values that stay under the node
limit but are huge (a 900 KB scalar aliased into every field) reach the schema checks,
whose messages quote at most a short excerpt. Nesting far deeper than any parser's
recursion limit is a diagnostic, never a RecursionError.

The time bound is a hang guard for noisy CI machines, not a benchmark: each run here
takes a fraction of a second.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from seedcheck.corpus.reading import ReadResult, read_limited
from seedcheck.seed import front_matter
from seedcheck.seed.yaml_problems import YamlProblem
from tests.conftest import RunCli

SEED = "000_0123456789abcdef.txt"
HANG_GUARD_SECONDS = 5.0
MAX_LINE = 300
BIG = "x" * 900_000
# The one-line body is beside the point here; body-too-short would only add a line.
CONFIG = (
    'corpus = "c"\n'
    "max-file-size = 4000000\n"
    "body-min-words = 0\n"
    "[fields]\n"
    'section = "string"\n'
    'keywords = "string-list"\n'
    'pages = "integer"\n'
)
BOMB_MESSAGE = (
    "front matter expands to more than 10000 values through anchors and aliases; "
    "write the values out"
)


def _laughs(levels: int = 9, width: int = 9) -> str:
    """Anchors ``l0``…``l{levels-1}``, each a list of ``width`` aliases to the one before:
    ``width ** levels`` leaves (387 million for the defaults) once expanded."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def _validate(run_cli: RunCli, root: Path, header: str) -> tuple[str, list[dict[str, object]]]:
    """Text and JSON output of validating a one-seed corpus whose front matter is ``header``."""
    (root / "seedcheck.toml").write_text(CONFIG, encoding="utf-8")
    (root / "c").mkdir()
    (root / "c" / SEED).write_text(f"---\n{header}---\nBody text.\n", encoding="utf-8")
    outputs = []
    for output in ("text", "json"):
        started = time.monotonic()
        result = run_cli(["validate", "--quiet", "--format", output, "c"], cwd=root)
        elapsed = time.monotonic() - started
        assert elapsed < HANG_GUARD_SECONDS, f"{output} run took {elapsed:.1f} s"
        assert result.err == ""
        assert result.code == 1
        assert all(len(line) < MAX_LINE for line in result.out.splitlines()), result.out[:2000]
        outputs.append(result.out)
    return outputs[0], json.loads(outputs[1])


def _seed_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(f"c/{SEED}:")]


BOMBS = {
    "title": "title: *l8\nbyline: Jane Doe\n",
    "byline": "title: T\nbyline: *l8\n",
    "list-field": "title: T\nbyline: Jane Doe\ntags: [a, *l8, b]\n",
    "declared-field": "title: T\nbyline: Jane Doe\nkeywords: *l8\nsection: *l8\n",
    "mapping-key": "title: T\nbyline: Jane Doe\n? *l8\n: value\n",
    "merge-key": "title: T\nbyline: Jane Doe\nextra:\n  <<: {a: *l8}\n",
}


@pytest.mark.parametrize("where", sorted(BOMBS))
def test_alias_bomb_refused_wherever_it_lands(where: str, isolated: Path, run_cli: RunCli) -> None:
    text, _ = _validate(run_cli, isolated, _laughs() + BOMBS[where])

    assert _seed_lines(text) == [f"c/{SEED}:2:1: SC203 [yaml-syntax] {BOMB_MESSAGE}"]


def test_recursive_alias_refused(isolated: Path, run_cli: RunCli) -> None:
    # A node that contains itself: expanding it never ends; the depth limit stops it.
    text, _ = _validate(run_cli, isolated, "title: &t [a, *t]\nbyline: Jane Doe\n")

    assert _seed_lines(text) == [
        f"c/{SEED}:2:1: SC203 [yaml-syntax] front matter is nested more than 32 levels deep"
    ]


def test_huge_value_aliased_into_every_field_is_quoted_short(
    isolated: Path, run_cli: RunCli
) -> None:
    """Under the node limit, but 900 KB per value: every message quotes an excerpt."""
    header = (
        f"big: &b {BIG}\n"
        "title: [*b, *b, *b, *b, *b, *b, *b, *b]\n"
        "byline: *b\n"
        "url: *b\n"
        "published: *b\n"
        "language: *b\n"
        "pages: *b\n"
        "keywords: *b\n"
        "source: [*b]\n"
        "license: {a: *b}\n"
        f"? {BIG[:5000]}\n: y\n"
    )
    text, findings = _validate(run_cli, isolated, header)

    names = sorted({str(f["name"]) for f in findings if str(f["path"]).endswith(SEED)})
    assert names == ["byline-invalid", "invalid-field", "title-invalid", "unknown-field"]
    assert len(_seed_lines(text)) == 11
    assert all(len(str(f["message"])) < 200 for f in findings)
    assert "x" * 81 not in text


def test_huge_title_is_a_diagnostic(isolated: Path, run_cli: RunCli) -> None:
    text, _ = _validate(run_cli, isolated, f"title: {BIG}\nbyline: Jane Doe\n")

    assert _seed_lines(text) == [
        f"c/{SEED}:2:8: SC302 [title-invalid] title is 900000 characters long; the limit is 200"
    ]


def test_non_string_keys(isolated: Path, run_cli: RunCli) -> None:
    header = "1: x\n? [a, b]\n: y\nnull: z\n~: w\ntitle: T\nbyline: Jane Doe\n"
    text, _ = _validate(run_cli, isolated, header)

    assert _seed_lines(text) == [
        f"c/{SEED}:2:1: SC208 [invalid-field] field name '1' is read as a number, not a "
        "string; quote it or rename the field",
        f"c/{SEED}:3:3: SC208 [invalid-field] a field name is a list or mapping, not a "
        "string; write `name: value`",
        f"c/{SEED}:5:1: SC208 [invalid-field] field name 'null' is read as null (no value), "
        "not a string; quote it or rename the field",
        f"c/{SEED}:6:1: SC208 [invalid-field] field name '~' is read as null (no value), "
        "not a string; quote it or rename the field",
    ]


# Run in a child process: libyaml's composer recurses in C, so nesting it ever composed
# would kill the interpreter (a segfault), not raise an exception pytest could report.
_DEEP_NESTING_RUN = """
import sys
import yaml
from seedcheck.seed import front_matter
from seedcheck.cli import main
if sys.argv[1] == "pure-python":
    front_matter._Loader = yaml.SafeLoader
sys.exit(main(["validate", "--quiet", "c"]))
"""


@pytest.mark.parametrize("opening", ["[", "{a: "])
@pytest.mark.parametrize("loader", ["libyaml", "pure-python"])
def test_a_hundred_thousand_levels_of_flow_nesting(
    opening: str, loader: str, isolated: Path
) -> None:
    """The event stream is walked (iteratively, in both loaders) and given up at depth 33,
    before either composer, which recurses once per level, ever sees the nesting."""
    if loader == "libyaml" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    closing = "]" if opening == "[" else "}"
    levels = 100_000
    (isolated / "seedcheck.toml").write_text(CONFIG, encoding="utf-8")
    (isolated / "c").mkdir()
    header = f"title: {opening * levels}{closing * levels}\nbyline: Jane Doe\n"
    (isolated / "c" / SEED).write_text(f"---\n{header}---\nBody text.\n", encoding="utf-8")

    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", _DEEP_NESTING_RUN, loader],
        cwd=isolated,
        capture_output=True,
        text=True,
        check=False,
    )

    assert time.monotonic() - started < HANG_GUARD_SECONDS
    assert (result.returncode, result.stderr) == (1, "")
    assert _seed_lines(result.stdout) == [
        f"c/{SEED}:2:1: SC203 [yaml-syntax] front matter is nested more than 32 levels deep"
    ]


@pytest.mark.parametrize(
    ("loader", "levels"),
    # libyaml refuses 1,000 levels itself, before the first event; stay under that.
    [("libyaml", 900), ("pure-python", 500_000)],
)
def test_depth_walk_stops_at_the_limit(
    loader: str, levels: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk reads no further than the first event past the limit, whatever follows."""
    if loader == "pure-python":
        monkeypatch.setattr(front_matter, "_Loader", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    events: list[object] = []
    real_parse = yaml.parse

    def counting_parse(*args: object, **kwargs: object) -> Iterator[yaml.Event]:
        for event in real_parse(*args, **kwargs):  # type: ignore[arg-type]
            events.append(event)
            yield event

    monkeypatch.setattr(yaml, "parse", counting_parse)
    source = "title: " + "[" * levels + "]" * levels

    parsed = front_matter.parse_front_matter(["---", source, "---"], 0)

    assert parsed.yaml_problem == YamlProblem(
        2, 1, "front matter is nested more than 32 levels deep"
    )
    # stream, document, mapping, the title key, then 32 sequences to reach depth 33
    assert len(events) == 4 + front_matter.MAX_DEPTH


@pytest.mark.parametrize("levels", [31, 32])
def test_nesting_up_to_the_limit_is_read(levels: int, isolated: Path, run_cli: RunCli) -> None:
    """The header mapping is level 1: 31 lists inside it are read, 32 are refused."""
    nested = "[" * levels + "]" * levels
    text, _ = _validate(run_cli, isolated, f"title: T\nbyline: Jane Doe\nx: {nested}\n")

    too_deep = f"c/{SEED}:2:1: SC203 [yaml-syntax] front matter is nested more than 32 levels deep"
    assert (too_deep in _seed_lines(text)) == (levels == 32)
    assert any(" SC206 [unknown-field] " in line for line in _seed_lines(text)) == (levels == 31)


def test_block_nesting_deeper_than_the_limit(isolated: Path, run_cli: RunCli) -> None:
    items = "".join(" " * depth + "-\n" for depth in range(1, 60))
    text, _ = _validate(run_cli, isolated, f"title: T\nbyline: Jane Doe\nx:\n{items}")

    assert _seed_lines(text) == [
        f"c/{SEED}:2:1: SC203 [yaml-syntax] front matter is nested more than 32 levels deep"
    ]


# ---------------------------------------------------------------- device files


def test_character_device_named_like_a_seed_is_never_opened(
    isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A device under a seed name (here the twin of /dev/null) is reported, not read."""
    seeds = isolated / "seeds"
    seeds.mkdir()
    device = seeds / SEED
    null = Path(os.devnull).stat()
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, null.st_rdev)
    except (OSError, AttributeError) as exc:  # not root, no CAP_MKNOD, or not POSIX
        pytest.skip(f"cannot create a device file here: {exc}")
    (seeds / "001_fedcba9876543210.txt").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    opened: list[Path] = []

    def spy(path: Path, limit: int) -> ReadResult:
        opened.append(path)
        return read_limited(path, limit)

    monkeypatch.setattr("seedcheck.corpus.listing.read_limited", spy)

    result = run_cli(["validate", "--quiet", "--select", "not-a-regular-file", "seeds"])

    assert result.out == (
        f"seeds/{SEED}:1:1: SC109 [not-a-regular-file] "
        "a character device, not a regular file; seeds must be regular files\n"
    )
    assert result.code == 1
    assert device not in opened
    assert seeds / "001_fedcba9876543210.txt" in opened  # the spy does see reads


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("x: !!bool maybe", "!!bool 'maybe' is not a valid bool"),
        ("published: !!timestamp nope", "!!timestamp 'nope' is not a valid timestamp"),
        ('x: !!int ""', "!!int '' is not a valid int"),
        ('x: !!float ""', "!!float '' is not a valid float"),
        ("source: !!int +", "!!int '+' is not a valid int"),
    ],
)
def test_standard_tag_on_a_value_it_cannot_take_is_no_internal_error(
    field: str, expected: str, isolated: Path, run_cli: RunCli
) -> None:
    text, _ = _validate(run_cli, isolated, f"title: T\nbyline: Jane Doe\n{field}\n")

    column = field.index("!") + 1
    assert _seed_lines(text) == [
        f"c/{SEED}:4:{column}: SC203 [yaml-syntax] invalid YAML: {expected}; "
        "correct the value or remove the tag"
    ]


HOSTILE_HEADERS = {
    "binary-number-title": "title: 0b" + "1" * 100_000 + "\nbyline: Jane Doe\n",
    "float-title": "title: 1." + "5" * 100_000 + "\nbyline: Jane Doe\n",
    "integer-byline": "title: T\nbyline: " + "7" * 4000 + "\n",
    "set-title": "title: !!set {" + ", ".join(f"k{i}" for i in range(3000)) + "}\n",
    "binary-title": "title: !!binary " + "QUFB" * 20_000 + "\nbyline: Jane Doe\n",
    "timestamp-title": "title: 2024-01-01 10:00:00" + "0" * 50_000 + "\nbyline: J\n",
    "long-key": "title: T\nbyline: Jane Doe\n" + "k" * 50_000 + ": v\n",
    "long-tag": "title: !" + "t" * 50_000 + " x\nbyline: Jane Doe\n",
    "long-bad-tagged-value": "title: T\nx: !!int " + "9" * 50_000 + "z\n",
    "long-list-item": "title: T\nbyline: Jane Doe\ntags: [" + "w" * 50_000 + ", 1]\n",
    "long-date": "title: T\nbyline: Jane Doe\npublished: " + "2" * 50_000 + "\n",
    "long-url": "title: T\nbyline: Jane Doe\nurl: " + "h" * 50_000 + "\n",
    "long-undefined-alias": "title: *" + "a" * 50_000 + "\nbyline: Jane Doe\n",
    "long-tag-handle": "title: !" + "h" * 30_000 + "!x y\nbyline: Jane Doe\n",
    "long-directive": "%" + "D" * 50_000 + " x\n---\ntitle: T\n",
    "long-quoted-hint": "title: [" + "u" * 50_000 + "] x\nbyline: Jane Doe\n",
    "long-comment-cut": "title: a #" + "c" * 50_000 + "\nbyline: Jane Doe\n",
    "long-mapping-value": "title: a: " + "m" * 50_000 + "\nbyline: Jane Doe\n",
    "long-unknown-field": "title: T\nbyline: Jane Doe\n" + "u" * 50_000 + ":\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_HEADERS))
@pytest.mark.parametrize("loader", ["libyaml", "pure-python"])
def test_every_output_line_is_short(
    name: str, loader: str, isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the header holds, a message quotes a short excerpt: no line of the text
    or JSON output reaches 300 characters (``_validate`` checks both)."""
    if loader == "pure-python":
        monkeypatch.setattr(front_matter, "_Loader", yaml.SafeLoader)
    text, findings = _validate(run_cli, isolated, HOSTILE_HEADERS[name])

    assert _seed_lines(text)
    assert all(len(str(f["message"])) < MAX_LINE for f in findings)


def test_a_long_number_as_title_is_quoted_as_an_excerpt(isolated: Path, run_cli: RunCli) -> None:
    text, _ = _validate(run_cli, isolated, HOSTILE_HEADERS["binary-number-title"])

    assert _seed_lines(text) == [
        f"c/{SEED}:2:8: SC302 [title-invalid] title is read as a number, not text "
        f"('0b{'1' * 38}'…); put it in quotes"
    ]


def test_a_huge_header_without_aliases_is_not_called_an_alias_bomb(
    isolated: Path, run_cli: RunCli
) -> None:
    items = ", ".join(["1"] * 200_000)
    text, _ = _validate(run_cli, isolated, f"title: T\nbyline: Jane Doe\ntags: [{items}]\n")

    assert _seed_lines(text) == [
        f"c/{SEED}:2:1: SC203 [yaml-syntax] front matter has more than 10000 values; "
        "a seed header should be short"
    ]


def test_a_set_as_title_is_named_without_its_members(isolated: Path, run_cli: RunCli) -> None:
    """A set's members print in hash order, which changes from run to run."""
    text, _ = _validate(run_cli, isolated, HOSTILE_HEADERS["set-title"])

    assert _seed_lines(text) == [
        f"c/{SEED}:1:1: SC303 [missing-byline] missing required field 'byline'; "
        "add `byline: Name` to the front matter",
        f"c/{SEED}:2:8: SC302 [title-invalid] title is a YAML set, not text; "
        "write it as a single line",
    ]


@pytest.mark.parametrize("name", ["long-undefined-alias", "long-duplicate-anchor"])
def test_pure_python_loader_messages_are_short(
    name: str, isolated: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyYAML's own loader (used where libyaml is missing) quotes an alias or anchor name
    whole in its message: a 50,000-character name made a 50,000-character line."""
    monkeypatch.setattr(front_matter, "_Loader", yaml.SafeLoader)
    anchor = "a" * 50_000
    headers = {
        "long-undefined-alias": f"title: *{anchor}\nbyline: Jane Doe\n",
        "long-duplicate-anchor": f"title: &{anchor} T\nbyline: &{anchor} J\n",
    }
    text, _ = _validate(run_cli, isolated, headers[name])

    assert f"'{'a' * 40}'…" in text


_SMALL_BUT_DENSE = [
    "a:\n",
    "? \n",
    "- \n" * 30,
    "{" + ",".join("?" for _ in range(200)) + "}\n",
    "[" + ",".join("[]" for _ in range(15)) + "]\n",
    "x: " + "[" * 30 + "]" * 30 + "\n",
    "x: " + "{a: " * 30 + "b" + "}" * 30 + "\n",
    "".join("  " * level + f"k{level}:\n" for level in range(30)) + "  " * 30 + "v\n",
    'title: "A -- B: C? [d] {e}"\nurl: https://example.org/a-b-c\n',
    "x: " + "[" * 30 + "a" + "]" * 30 + "\n",
    # One level more: a scalar below the limit's depth, which _too_big refuses.
    "x: " + "[" * 31 + "a" + "]" * 31 + "\n",
]


@pytest.mark.parametrize("source", _SMALL_BUT_DENSE)
def test_a_header_told_small_from_its_text_is_small(source: str) -> None:
    # _surely_small spares the node walk: it must never say so of a tree _too_big refuses,
    # however densely the text packs empty values, items and nesting.
    root = yaml.compose(source, Loader=yaml.SafeLoader)
    assert root is not None
    if front_matter._surely_small(source):
        assert front_matter._too_big(root) is None
