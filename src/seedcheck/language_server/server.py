"""The language server: pygls wiring around :mod:`.checking` and :mod:`.fixes`.

Checks run one at a time in a worker thread, so that the server keeps answering
(hover, code actions, shutdown) while a corpus is read. Changes that arrive during a
check are gathered and checked together next: a burst of keystrokes costs one check
after the one under way, not one each.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from seedcheck import __version__
from seedcheck.diagnostic import Diagnostic, Severity
from seedcheck.language_server.checking import Checker, OpenDocument, Outcome, file_path
from seedcheck.language_server.fixes import Fix, fixes_for, whole_file_fix
from seedcheck.language_server.positions import LineMap, whole_line_edit
from seedcheck.rules.pages import rule_doc_url
from seedcheck.rules.registry import find_rule

SOURCE = "seedcheck"
FIX_ALL = types.CodeActionKind.SourceFixAll.value + ".seedcheck"
# Files whose change on disk may change a corpus's findings or its configuration.
WATCHED = "**/{*.txt,*.md,seedcheck.toml,pyproject.toml}"


@dataclass(frozen=True)
class Published:
    """The findings last sent for a document, with the text version they are about."""

    version: int | None
    text: str
    findings: tuple[tuple[Diagnostic, types.Range], ...]


def path_of(uri: str) -> Path | None:
    """The file a ``file:`` URI names; None for any other scheme (an unsaved buffer)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if sys.platform == "win32" and path.startswith("/") and path[2:3] == ":":
        path = path[1:]
    return Path(path)


class SeedcheckServer:
    """The server's state: what is open, what changed, what was last published."""

    def __init__(self) -> None:
        self.lsp = LanguageServer(
            SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.checker = Checker()
        self.modified: set[str] = set()  # changed since opened or saved
        self.published: dict[str, Published] = {}
        self.pending: set[str] = set()
        self.everything = False  # a setting or a file on disk changed: check all open
        self.said: set[str] = set()  # messages shown once
        self._wake: asyncio.Event | None = None
        self._worker: asyncio.Task[None] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seedcheck")
        self._register()

    # Scheduling -------------------------------------------------------------------

    def schedule(self, uri: str | None) -> None:
        """Check ``uri`` (None: every open document) as soon as the worker is free."""
        if uri is None:
            self.everything = True
        else:
            self.pending.add(uri)
        if self._wake is None:
            self._wake = asyncio.Event()
            self._worker = asyncio.get_running_loop().create_task(self._work())
        self._wake.set()

    async def _work(self) -> None:
        assert self._wake is not None
        loop = asyncio.get_running_loop()
        while True:
            await self._wake.wait()
            self._wake.clear()
            wanted, everything = self.pending, self.everything
            self.pending, self.everything = set(), False
            documents = self._snapshot()
            changed = (
                None if everything else {documents[u][0].path for u in wanted & set(documents)}
            )
            started = time.perf_counter()
            try:
                outcomes = await loop.run_in_executor(
                    self._executor,
                    self.checker.check,
                    [doc for doc, _ in documents.values()],
                    changed,
                )
            except Exception as exc:  # the server stays up whatever one check does
                self._say(
                    f"seedcheck: internal error while checking: {type(exc).__name__}: {exc}",
                    types.MessageType.Error,
                )
                continue
            took = (time.perf_counter() - started) * 1000
            self.lsp.window_log_message(
                types.LogMessageParams(
                    type=types.MessageType.Log,
                    message=f"checked {len(outcomes)} open file(s) in {took:.0f} ms",
                )
            )
            if not any(outcome.broken for outcome in outcomes.values()):
                self.said.clear()
            for uri, (document, version) in documents.items():
                outcome = outcomes.get(document.path)
                if outcome is not None and uri in self._open_uris():
                    self._publish(uri, document.text, version, outcome)

    def _open_uris(self) -> set[str]:
        return set(self.lsp.workspace.text_documents)

    def _snapshot(self) -> dict[str, tuple[OpenDocument, int | None]]:
        documents = {}
        for uri, document in self.lsp.workspace.text_documents.items():
            path = path_of(uri)
            if path is not None:
                opened = OpenDocument(path, document.source, uri in self.modified)
                documents[uri] = (opened, document.version)
        return documents

    # Publishing -------------------------------------------------------------------

    def _publish(self, uri: str, text: str, version: int | None, outcome: Outcome) -> None:
        if outcome.note is not None:
            kind = types.MessageType.Error if outcome.broken else types.MessageType.Log
            self._say(outcome.note, kind)
        lines = LineMap(text)
        findings = tuple((d, _range(d, lines)) for d in outcome.findings)
        self.published[uri] = Published(version, text, findings)
        self.lsp.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=version,
                diagnostics=[_lsp_diagnostic(d, where) for d, where in findings],
            )
        )

    def _say(self, message: str, kind: types.MessageType) -> None:
        """Log a message; show an error once (a broken setting is not news at every
        key; once it is fixed, a new break is news again)."""
        self.lsp.window_log_message(types.LogMessageParams(type=kind, message=message))
        if kind == types.MessageType.Error and message not in self.said:
            self.said.add(message)
            self.lsp.window_show_message(types.ShowMessageParams(type=kind, message=message))

    # Requests ----------------------------------------------------------------------

    def current(self, uri: str) -> Published | None:
        """What was published for ``uri``, if it is about the document's current text."""
        published = self.published.get(uri)
        if published is None or uri not in self._open_uris():
            return None
        if published.text != self.lsp.workspace.get_text_document(uri).source:
            return None
        return published

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        published = self.current(params.text_document.uri)
        if published is None:
            return None
        at = (params.position.line, params.position.character)
        parts = []
        for diagnostic, where in published.findings:
            start = (where.start.line, where.start.character)
            end = (where.end.line, where.end.character)
            if start <= at <= end:
                parts.append(rule_page(diagnostic))
        if not parts:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
            )
        )

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        path = path_of(uri)
        published = self.current(uri)
        if path is None or published is None:
            return None
        checked = self.checker.checked.get(file_path(path).parent)
        text = published.text
        wanted = params.context.only
        actions: list[types.CodeAction] = []
        seen: set[str] = set()
        if _wants(wanted, types.CodeActionKind.QuickFix.value):
            for diagnostic, where in published.findings:
                if not _overlaps(where, params.range):
                    continue
                fix = fixes_for(path, text, diagnostic, checked)
                if fix is None or fix.title in seen:
                    continue
                seen.add(fix.title)
                action = self._action(uri, text, fix, types.CodeActionKind.QuickFix)
                action.diagnostics = [_lsp_diagnostic(diagnostic, where)]
                actions.append(action)
        if _wants(wanted, FIX_ALL):
            fix = whole_file_fix(path, text, checked)
            if fix is not None:
                actions.append(self._action(uri, text, fix, FIX_ALL))
        return actions

    def _action(self, uri: str, text: str, fix: Fix, kind: str) -> types.CodeAction:
        action = types.CodeAction(title=fix.title, kind=kind)
        if fix.text is None:
            action.disabled = types.CodeActionDisabled(reason=fix.reason or "no safe fix")
            return action
        edit = whole_line_edit(text, fix.text)
        if edit is not None:
            lines = LineMap(text)
            start, end, replacement = edit
            where = types.Range(_position(lines, start), _position(lines, end))
            action.edit = types.WorkspaceEdit(
                changes={uri: [types.TextEdit(range=where, new_text=replacement)]}
            )
        return action

    # Wiring ------------------------------------------------------------------------

    def _register(self) -> None:
        lsp = self.lsp

        @lsp.feature(types.INITIALIZED)
        def initialized(params: types.InitializedParams) -> None:
            capabilities = lsp.client_capabilities.workspace
            watching = capabilities.did_change_watched_files if capabilities else None
            if watching is not None and watching.dynamic_registration:
                options = types.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[types.FileSystemWatcher(glob_pattern=WATCHED)]
                )
                lsp.client_register_capability(
                    types.RegistrationParams(
                        registrations=[
                            types.Registration(
                                id="seedcheck-files",
                                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                register_options=options,
                            )
                        ]
                    )
                )

        @lsp.feature(types.TEXT_DOCUMENT_DID_OPEN)
        def did_open(params: types.DidOpenTextDocumentParams) -> None:
            self.modified.discard(params.text_document.uri)
            self.schedule(params.text_document.uri)

        @lsp.feature(types.TEXT_DOCUMENT_DID_CHANGE)
        def did_change(params: types.DidChangeTextDocumentParams) -> None:
            self.modified.add(params.text_document.uri)
            self.schedule(params.text_document.uri)

        @lsp.feature(types.TEXT_DOCUMENT_DID_SAVE)
        def did_save(params: types.DidSaveTextDocumentParams) -> None:
            self.modified.discard(params.text_document.uri)
            # A saved seed changes what the other open files of its corpus are checked
            # against; a saved configuration file, everything.
            self.schedule(None)

        @lsp.feature(types.TEXT_DOCUMENT_DID_CLOSE)
        def did_close(params: types.DidCloseTextDocumentParams) -> None:
            uri = params.text_document.uri
            self.modified.discard(uri)
            self.published.pop(uri, None)
            lsp.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

        @lsp.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
        def files_changed(params: types.DidChangeWatchedFilesParams) -> None:
            self.schedule(None)

        @lsp.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
        def settings_changed(params: types.DidChangeConfigurationParams) -> None:
            self.checker.forget_configs()
            self.schedule(None)

        @lsp.feature(types.TEXT_DOCUMENT_HOVER)
        def hover(params: types.HoverParams) -> types.Hover | None:
            return self.hover(params)

        @lsp.feature(
            types.TEXT_DOCUMENT_CODE_ACTION,
            types.CodeActionOptions(
                code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL],
                resolve_provider=False,
            ),
        )
        def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
            return self.code_actions(params)


def _wants(only: Sequence[types.CodeActionKind | str] | None, kind: str) -> bool:
    """Whether a client that asked for ``only`` these kinds wants ``kind`` (a prefix of
    it, as ``source`` is of ``source.fixAll.seedcheck``)."""
    asked = [str(getattr(k, "value", k)) for k in only or ()]
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in asked)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _position(lines: LineMap, offset: int) -> types.Position:
    line, character = lines.position(offset)
    return types.Position(line=line, character=character)


def _range(diagnostic: Diagnostic, lines: LineMap) -> types.Range:
    start = lines.offset(diagnostic.line, diagnostic.column)
    if diagnostic.end_line is None:
        end = lines.line_end(diagnostic.line)
    else:
        end = lines.offset(diagnostic.end_line, diagnostic.end_column or len(lines.text) + 1)
    return types.Range(_position(lines, start), _position(lines, max(start, end)))


def _lsp_diagnostic(diagnostic: Diagnostic, where: types.Range) -> types.Diagnostic:
    rule = find_rule(diagnostic.code)
    return types.Diagnostic(
        range=where,
        message=diagnostic.message,
        severity=(
            types.DiagnosticSeverity.Error
            if diagnostic.severity is Severity.ERROR
            else types.DiagnosticSeverity.Warning
        ),
        code=diagnostic.code,
        code_description=(
            types.CodeDescription(href=rule_doc_url(rule)) if rule is not None else None
        ),
        source=SOURCE,
        data={"name": diagnostic.name},
    )


def rule_page(diagnostic: Diagnostic) -> str:
    """A finding and its rule's documentation (``seedcheck rule``), as Markdown."""
    head = f"**{diagnostic.code} {diagnostic.name}** ({diagnostic.severity.value}): "
    head += diagnostic.message
    rule = find_rule(diagnostic.code)
    if rule is None:
        return head
    doc = rule.doc.removeprefix(f"{rule.name}: ")
    return (
        f"{head}\n\n{doc[:1].upper()}{doc[1:]}\n\n[{rule.code} {rule.name}]({rule_doc_url(rule)})"
    )


def serve() -> None:
    """Run the server on standard input and output until the client says exit."""
    SeedcheckServer().lsp.start_io(*_protocol_streams())


def _protocol_streams() -> tuple[BinaryIO, BinaryIO]:
    """Standard input and output, taken over for the protocol alone.

    The protocol gets its own copies of the two descriptors; the process's own become
    the null device (input) and standard error (output). Anything else printed would
    corrupt the protocol. And the worker processes that read a large corpus are forked
    while a thread is blocked reading the protocol: a child that closed a ``sys.stdin``
    whose lock that thread holds (multiprocessing does, on start) would hang for ever.
    """
    sys.stdout.flush()
    protocol_in = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    with Path(os.devnull).open("rb") as null:
        os.dup2(null.fileno(), sys.stdin.fileno())
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdin = Path(os.devnull).open(encoding="utf-8")  # noqa: SIM115  # kept to the end
    sys.stdout = sys.stderr
    return protocol_in, protocol_out
