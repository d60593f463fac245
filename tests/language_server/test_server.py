"""``seedcheck server`` driven as an editor drives it: the installed console script in a
subprocess, pygls' LSP client on its pipes."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="seedcheck[server] is not installed")

from lsprotocol import types

from tests.conftest import console_script
from tests.language_server.lsp_session import Session

EXAMPLE = Path(__file__).parents[2] / "examples" / "broken"
RULE_PAGES = "https://github.com/seedcheck/seedcheck/blob/main/src/seedcheck/rules/"


def drive(tmp_path: Path, body: Callable[[Session, Path], Awaitable[None]]) -> None:
    """Copy examples/broken, start a server on it, run ``body``, shut the server down
    and check that it exits 0."""
    project = tmp_path / "broken"
    shutil.copytree(EXAMPLE, project)

    async def main() -> None:
        session = Session()
        await session.start([project], project, {"SEEDCHECK_CACHE_DIR": str(tmp_path / "c")})
        try:
            await body(session, project)
        finally:
            code = await session.stop()
        assert code == 0

    asyncio.run(main())


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def test_open_change_code_action_apply(tmp_path: Path) -> None:
    async def body(session: Session, project: Path) -> None:
        seed = project / "corpus" / "002_e4719b67880eed0d.txt"
        uri = session.open(seed)
        found = await session.diagnostics(uri, 1)
        assert codes(found) == ["SC106", "SC404", "SC404", "SC406"]
        trailing = next(d for d in found if d.code == "SC106")
        # validate says 19:169 to 19:171; LSP counts from 0.
        assert trailing.range == types.Range(types.Position(18, 168), types.Position(18, 170))
        assert trailing.severity == types.DiagnosticSeverity.Error
        assert trailing.source == "seedcheck"
        assert trailing.code_description is not None
        assert trailing.code_description.href == RULE_PAGES + "trailing_whitespace.py"
        assert trailing.message == "trailing whitespace"
        gap_uri = session.open(project / "corpus" / "004_e904e31b7536b21d.txt")
        (gap,) = [d for d in await session.diagnostics(gap_uri, 1) if d.code == "SC603"]
        assert gap.severity == types.DiagnosticSeverity.Warning

        actions = await session.code_actions(uri, trailing.range, [trailing])
        fix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix)
        assert fix.title == "seedcheck: remove trailing whitespace on line 19"
        assert fix.edit is not None and fix.edit.changes is not None
        (edit,) = fix.edit.changes[uri]
        assert edit.range == types.Range(types.Position(18, 0), types.Position(19, 0))
        version = session.edit(uri, edit)
        assert codes(await session.diagnostics(uri, version)) == ["SC404", "SC404", "SC406"]

        # A finding that comes with the unsaved text, and goes with it.
        text = seed.read_text(encoding="utf-8")
        version = session.replace(uri, text.replace("\n\n", "\n\n\t \n", 1))
        assert "SC106" in codes(await session.diagnostics(uri, version))
        version = session.replace(uri, text.replace("  \n", "\n"))
        assert "SC106" not in codes(await session.diagnostics(uri, version))

        hover = await session.hover(uri, types.Position(20, 3))
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert hover.contents.value.startswith("**SC406 boilerplate** (error): site boilerplate")
        assert "Fix:" in hover.contents.value
        assert RULE_PAGES + "boilerplate.py" in hover.contents.value
        assert await session.hover(uri, types.Position(0, 0)) is None

    drive(tmp_path, body)


def test_a_suppression_in_the_unsaved_header_silences_as_in_validate(tmp_path: Path) -> None:
    async def body(session: Session, project: Path) -> None:
        seed = project / "corpus" / "000_24f2796343eaebf7.txt"
        uri = session.open(seed)
        assert codes(await session.diagnostics(uri, 1)) == ["SC206", "SC304"]
        text = seed.read_text(encoding="utf-8")
        header = "---\nseedcheck: {ignore: [byline-invalid, trailing-whitespace]}\n"
        version = session.replace(uri, text.replace("---\n", header, 1))
        found = await session.diagnostics(uri, version)
        # The one that silences nothing is said, as validate says it.
        assert codes(found) == ["SC206", "SC701"]

    drive(tmp_path, body)


def test_positions_count_utf16_code_units(tmp_path: Path) -> None:
    async def body(session: Session, project: Path) -> None:
        seed = project / "corpus" / "001_7504a8ae9be89afb.md"
        uri = session.open(seed)
        assert await session.diagnostics(uri, 1) == []
        text = seed.read_text(encoding="utf-8")
        # An emoji is one character to seedcheck, two UTF-16 code units to LSP.
        changed = text.replace("last winter,", "last winter 🧊 \n", 1)
        version = session.replace(uri, changed)
        (found,) = [d for d in await session.diagnostics(uri, version) if d.code == "SC106"]
        line = changed.split("\n").index(next(x for x in changed.split("\n") if "🧊" in x))
        column = len("The team drilled six cores through the frozen lake surface last winter 🧊")
        assert found.range.start == types.Position(line, column + 1)
        assert found.range.end == types.Position(line, column + 2)

    drive(tmp_path, body)


def test_index_block_fixed_as_seedcheck_fix_fixes_it(tmp_path: Path) -> None:
    # What `seedcheck fix` writes to INDEX.md, on a copy of the same project.
    copy = tmp_path / "copy"
    shutil.copytree(EXAMPLE, copy)
    subprocess.run(
        [str(console_script("seedcheck")), "fix", "corpus/INDEX.md"],
        cwd=copy,
        env={**os.environ, "SEEDCHECK_CACHE_DIR": str(tmp_path / "c2")},
        capture_output=True,
        check=False,
    )
    fixed = (copy / "corpus" / "INDEX.md").read_text(encoding="utf-8")

    async def body(session: Session, project: Path) -> None:
        index = project / "corpus" / "INDEX.md"
        text = index.read_text(encoding="utf-8")
        uri = session.open(index)
        found = await session.diagnostics(uri, 1)
        assert codes(found) == ["SC504", "SC506", "SC506", "SC507", "SC507"]
        everything = types.Range(types.Position(0, 0), types.Position(99, 0))
        actions = await session.code_actions(uri, everything, found)
        fix_all = next(a for a in actions if a.kind == "source.fixAll.seedcheck")
        assert fix_all.title == "seedcheck: regenerate the INDEX.md block"
        if fixed == text:  # fix left it alone (a byline that may be the only copy): so here
            assert fix_all.edit is None and fix_all.disabled is not None
            assert fix_all.disabled.reason.startswith("left alone: ")
        else:
            await _apply_and_compare(session, uri, text, fix_all, fixed)

        # An index that fix leaves alone: the action says why, and changes nothing.
        broken = text.replace("<!-- seedcheck:index:end -->", "")
        version = session.replace(uri, broken)
        found = await session.diagnostics(uri, version)
        actions = await session.code_actions(uri, everything, found)
        fix_all = next(a for a in actions if a.kind == "source.fixAll.seedcheck")
        assert fix_all.edit is None and fix_all.disabled is not None
        assert "markers" in fix_all.disabled.reason

    drive(tmp_path, body)


async def _apply_and_compare(
    session: Session, uri: str, text: str, fix_all: types.CodeAction, fixed: str
) -> None:
    """Apply the action as an editor does; the text must be what fix writes."""
    assert fix_all.disabled is None, fix_all.disabled
    assert fix_all.edit is not None and fix_all.edit.changes is not None
    (edit,) = fix_all.edit.changes[uri]
    version = session.edit(uri, edit)
    after = await session.diagnostics(uri, version)
    assert not {"SC504", "SC507"} & set(codes(after))
    # The server sends one edit, of whole lines.
    lines = text.split("\n")
    start, end = edit.range.start.line, edit.range.end.line
    assert "\n".join(lines[:start]) + "\n" + edit.new_text + "\n".join(lines[end:]) == fixed


async def _settled(
    session: Session, uri: str, done: Callable[[list[types.Diagnostic]], bool]
) -> list[types.Diagnostic]:
    """The diagnostics of the first publish after now that ``done`` accepts."""
    seen = len(session.published.get(uri, []))

    async def wait() -> list[types.Diagnostic]:
        while True:
            for params in session.published.get(uri, [])[seen:]:
                if done(list(params.diagnostics)):
                    return list(params.diagnostics)
            session.changed.clear()
            await session.changed.wait()

    return await asyncio.wait_for(wait(), 120)


def test_bad_files_get_an_answer_and_the_server_stays_up(tmp_path: Path) -> None:
    async def body(session: Session, project: Path) -> None:
        corpus = project / "corpus"
        broken = corpus / "005_0123456789abcdef.txt"
        broken.write_text("---\ntitle: [unclosed\nbyline: X\n", encoding="utf-8")
        uri = session.open(broken)
        assert "SC201" in codes(await session.diagnostics(uri, 1))

        huge = corpus / "006_fedcba9876543210.txt"
        text = "---\ntitle: Huge\nbyline: A. Writer\n---\n" + "word " * 400_000 + "\n"
        huge.write_text(text, encoding="utf-8")
        uri = session.open(huge)
        assert "SC107" in codes(await session.diagnostics(uri, 1))
        version = session.replace(uri, text + "more  \n")
        assert "SC107" in codes(await session.diagnostics(uri, version))

        binary = corpus / "007_00112233aabbccdd.txt"
        binary.write_bytes(bytes(range(256)) * 4)
        uri = session.open(binary)
        assert "SC101" in codes(await session.diagnostics(uri, 1))

        outside = project / "notes.txt"
        outside.write_text("not a seed  \n", encoding="utf-8")
        uri = session.open(outside)
        assert await session.diagnostics(uri, 1) == []
        assert any("notes.txt" in m.message for m in session.messages)

        # Still answering: a fresh change to a seed gets its findings.
        seed = corpus / "001_7504a8ae9be89afb.md"
        uri = session.open(seed)
        assert await session.diagnostics(uri, 1) == []

    drive(tmp_path, body)


Finding = tuple[str, int, int, str]  # code, line, column, message


def _validated(project: Path, cache: Path, *paths: str) -> dict[str, list[Finding]]:
    """What ``seedcheck validate`` reports on ``paths`` in ``project``: each file's
    findings as (code, line, column, message)."""
    ran = subprocess.run(
        [str(console_script("seedcheck")), "validate", "--format", "json", *paths],
        cwd=project,
        env={**os.environ, "SEEDCHECK_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode in (0, 1), ran.stderr
    found: dict[str, list[Finding]] = {path: [] for path in paths}
    for d in json.loads(ran.stdout):
        if d["path"] in found:  # a corpus finding may name another file too
            found[d["path"]].append((d["code"], d["line"], d["column"], d["message"]))
    return {path: sorted(items) for path, items in found.items()}


def _as_validate(diagnostics: list[types.Diagnostic]) -> list[Finding]:
    start = [(d, d.range.start) for d in diagnostics]  # ASCII lines: UTF-16 = characters
    return sorted((str(d.code), at.line + 1, at.character + 1, d.message) for d, at in start)


def test_unsaved_text_over_max_file_size_gets_the_answer_validate_gives(tmp_path: Path) -> None:
    # The same project, with the oversized text saved, is what validate is asked about.
    limit = "max-file-size = 4096\n"
    name = "002_e4719b67880eed0d.txt"
    saved = (EXAMPLE / "corpus" / name).read_text(encoding="utf-8")
    oversized = saved + "A line of filler words that keeps going.  \n" * 120
    assert len(oversized.encode()) > 4096 > len(saved.encode())
    on_disk = tmp_path / "on-disk"
    shutil.copytree(EXAMPLE, on_disk)
    (on_disk / "seedcheck.toml").write_text(limit, encoding="utf-8")
    (on_disk / "corpus" / name).write_text(oversized, encoding="utf-8")
    seed_path, index_path = f"corpus/{name}", "corpus/INDEX.md"
    expected = _validated(on_disk, tmp_path / "c3", seed_path, index_path)
    assert [f[0] for f in expected[seed_path]] == ["SC107"]
    too_large = f"file is {len(oversized.encode())} bytes, over max-file-size (4096 bytes)"
    assert expected[seed_path][0][3].startswith(too_large)
    # Without that seed's checks, INDEX.md keeps its row as it is and says nothing of it.
    assert not any(name in f[3] for f in expected[index_path])

    async def body(session: Session, project: Path) -> None:
        (project / "seedcheck.toml").write_text(limit, encoding="utf-8")
        seed = project / "corpus" / name
        index_uri = session.open(project / "corpus" / "INDEX.md")
        uri = session.open(seed)
        before = await session.diagnostics(uri, 1)
        assert "SC106" in codes(before)
        version = session.replace(uri, oversized)
        assert _as_validate(await session.diagnostics(uri, version)) == expected[seed_path]
        # Published from the same check, before the seed's (INDEX.md was opened first).
        index = list(session.published[index_uri][-1].diagnostics)
        assert _as_validate(index) == expected[index_path]
        assert not [m for m in session.messages if "larger than" in getattr(m, "message", "")]
        # Back under the limit: the text is checked again, as the file as saved is.
        version = session.replace(uri, saved)
        assert _as_validate(await session.diagnostics(uri, version)) == _as_validate(before)

    drive(tmp_path, body)


def test_settings_are_read_again_when_they_change(tmp_path: Path) -> None:
    async def body(session: Session, project: Path) -> None:
        uri = session.open(project / "corpus" / "002_e4719b67880eed0d.txt")
        assert "SC106" in codes(await session.diagnostics(uri, 1))
        config = project / "seedcheck.toml"
        config.write_text(
            config.read_text(encoding="utf-8") + '\nignore = ["trailing-whitespace"]\n',
            encoding="utf-8",
        )
        session.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
        found = await _settled(session, uri, lambda ds: True)
        assert "SC106" not in codes(found)

    drive(tmp_path, body)


def test_a_broken_configuration_is_shown_once_and_the_server_stays_up(tmp_path: Path) -> None:
    async def body(session: Session, project: Path) -> None:
        uri = session.open(project / "corpus" / "002_e4719b67880eed0d.txt")
        assert "SC106" in codes(await session.diagnostics(uri, 1))
        config = project / "seedcheck.toml"
        good = config.read_text(encoding="utf-8")
        config.write_text("corpus = 5\n", encoding="utf-8")
        changed = types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
        session.client.workspace_did_change_watched_files(changed)
        assert await _settled(session, uri, lambda ds: True) == []
        shown = [m for m in session.messages if isinstance(m, types.ShowMessageParams)]
        assert [m.type for m in shown] == [types.MessageType.Error]
        assert "invalid configuration: corpus" in shown[0].message
        config.write_text(good, encoding="utf-8")
        session.client.workspace_did_change_watched_files(changed)
        assert "SC106" in codes(await _settled(session, uri, bool))

    drive(tmp_path, body)
