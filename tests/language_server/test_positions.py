from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="seedcheck[server] is not installed")

from seedcheck.cli import main
from seedcheck.language_server.positions import LineMap, utf16_length, whole_line_edit


def test_utf16_counts_astral_characters_twice() -> None:
    assert utf16_length("a🧊é") == 4


def test_seedcheck_positions_become_lsp_positions() -> None:
    lines = LineMap("ab\n🧊x  \nlast")
    assert lines.position(lines.offset(2, 3)) == (1, 3)  # after the emoji and x
    assert lines.position(lines.line_end(2)) == (1, 5)
    assert lines.position(lines.offset(9, 9)) == (2, 4)  # past the end: the end


def test_a_byte_order_mark_is_not_counted_by_seedcheck_but_is_by_lsp() -> None:
    lines = LineMap("\ufeffab")
    assert lines.position(lines.offset(1, 2)) == (0, 2)


def test_a_lone_cr_ends_an_lsp_line_but_not_a_seedcheck_one() -> None:
    lines = LineMap("a\rb  \nc")
    # seedcheck's line 1 is "a\rb  "; its column 4 is the first blank.
    assert lines.position(lines.offset(1, 4)) == (1, 1)
    assert lines.position(lines.offset(2, 1)) == (2, 0)


def test_crlf_is_one_break_and_offsets_inside_it_are_the_line_end() -> None:
    lines = LineMap("ab\r\ncd")
    assert lines.position(3) == (0, 2)
    assert lines.position(4) == (1, 0)
    assert lines.offset_at(1, 1) == 5
    assert lines.offset_at(0, 10) == 2


def test_edits_cover_whole_lines() -> None:
    assert whole_line_edit("a\r\nb  \r\nc", "a\nb\nc") == (0, 8, "a\nb\n")
    assert whole_line_edit("x\ny  \nz\n", "x\ny\nz\n") == (2, 6, "y\n")
    assert whole_line_edit("same", "same") is None
    old, new = "a\n" * 1000 + "tail ", "a\n" * 1000 + "tail\n"
    assert whole_line_edit(old, new) == (2000, 2005, "tail\n")


def test_server_without_its_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pygls", None)
    monkeypatch.delitem(
        __import__("sys").modules, "seedcheck.language_server.server", raising=False
    )
    assert main(["server"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "seedcheck: error: seedcheck server needs the server extra (pygls is not installed); "
        "install it with pip install 'seedcheck[server]'\n"
    )
