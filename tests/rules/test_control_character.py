"""A file that is not UTF-8 at all is reported for what it is, not character by character.

UTF-16 holds a NUL beside every ASCII character; read as UTF-8, each line of it looked
like text with a control character to delete, one control-character finding a line on
top of invalid-utf8's one finding that says the file is UTF-16. Binary junk likewise.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunCli

SEED = "000_0123456789abcdef.txt"
TEXT = "---\ntitle: Harbour News\nbyline: Jane Doe\n---\n" + "Body text here.\n" * 200


def _codes(run_cli: RunCli, root: Path, data: bytes, *options: str) -> list[str]:
    (root / "c").mkdir()
    (root / "c" / SEED).write_bytes(data)
    result = run_cli(["validate", "--quiet", "--ignore", "index-missing", *options, "c"], cwd=root)
    assert result.err == ""
    return [line.split()[1] for line in result.out.splitlines()]


def test_utf16_file_has_no_control_character_findings(isolated: Path, run_cli: RunCli) -> None:
    codes = _codes(run_cli, isolated, TEXT.encode("utf-16"))

    assert codes.count("SC101") == 1
    assert "SC103" not in codes
    assert len(codes) < 6


def test_binary_junk_has_no_control_character_findings(isolated: Path, run_cli: RunCli) -> None:
    junk = bytes(range(256)) * 4 + b"\n" + b"\xff\x00\x01\n" * 300

    codes = _codes(run_cli, isolated, junk)

    assert "SC101" in codes
    assert "SC103" not in codes


def test_control_characters_in_utf8_are_still_reported(isolated: Path, run_cli: RunCli) -> None:
    data = TEXT.replace("here.", "h\x0cre.", 2).encode()

    codes = _codes(run_cli, isolated, data, "--select", "control-character")

    assert codes == ["SC103", "SC103"]
