"""A real LSP client (pygls') driving the installed ``seedcheck server`` over pipes."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, cast

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.conftest import console_script

Handler = Callable[[Any], None]
TIMEOUT = 120.0  # a generous bound for a slow CI machine, not a timing assertion


class Session:
    """One server process, the diagnostics it published, and helpers to edit files."""

    def __init__(self) -> None:
        self.client = LanguageClient("seedcheck-tests", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.messages: list[types.LogMessageParams | types.ShowMessageParams] = []
        self.changed = asyncio.Event()
        self.versions: dict[str, int] = {}

        # pygls' client leaves these untyped; they take and give what the server's do.
        feature = cast(Callable[[str], Callable[[Handler], Handler]], self.client.feature)

        @feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)
            self.changed.set()

        @feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            self.messages.append(params)

        @feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams) -> None:
            self.messages.append(params)

    async def start(self, folders: Sequence[Path], cwd: Path, env: dict[str, str]) -> None:
        await self.client.start_io(
            str(console_script("seedcheck")), "server", cwd=str(cwd), env={**os.environ, **env}
        )
        await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(),
                    workspace_folders=[
                        types.WorkspaceFolder(uri=f.as_uri(), name=f.name) for f in folders
                    ],
                )
            ),
            TIMEOUT,
        )
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> int | None:
        """Shut the server down as an editor does; its exit code."""
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        server = self.client._server  # the process pygls started
        code = await asyncio.wait_for(server.wait(), TIMEOUT) if server is not None else None
        await cast(Callable[[], Awaitable[None]], self.client.stop)()
        return code

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        if text is None:
            text = path.read_bytes().decode("utf-8", errors="replace")
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=text
                )
            )
        )
        return uri

    def replace(self, uri: str, text: str) -> int:
        """Send the document's whole new text; its new version."""
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    def edit(self, uri: str, edit: types.TextEdit) -> int:
        """Apply one edit as an editor applies a code action's; the new version."""
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[
                    types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
                ],
            )
        )
        return self.versions[uri]

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics published for ``uri`` at ``version`` (default: the latest sent)."""
        wanted = self.versions.get(uri) if version is None else version

        async def wait() -> list[types.Diagnostic]:
            while True:
                for params in reversed(self.published.get(uri, [])):
                    if params.version == wanted:
                        return list(params.diagnostics)
                self.changed.clear()
                await self.changed.wait()

        return await asyncio.wait_for(wait(), TIMEOUT)

    async def code_actions(
        self, uri: str, where: types.Range, diagnostics: list[types.Diagnostic]
    ) -> list[types.CodeAction]:
        result = await asyncio.wait_for(
            self.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=where,
                    context=types.CodeActionContext(diagnostics=diagnostics),
                )
            ),
            TIMEOUT,
        )
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    async def hover(self, uri: str, at: types.Position) -> types.Hover | None:
        return await asyncio.wait_for(
            self.client.text_document_hover_async(
                types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
            ),
            TIMEOUT,
        )
