"""The open documents of an editor checked as ``seedcheck validate`` checks their files.

Each document is checked in the corpus it belongs to, with the configuration that
``validate`` gives the file: the nearest ``seedcheck.toml`` or ``pyproject.toml`` with a
``[tool.seedcheck]`` table at or above it (up to the repository root), read again
whenever one of those files changes. The text of a document with unsaved changes is
given to the engine in place of the file (``overlay``: per-file rules on that text,
never cached); the rest of the corpus is read through the cache, as the last run left
it. This module knows nothing of LSP: it takes paths and texts and gives seedcheck's diagnostics.
"""

from __future__ import annotations

import os
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path

from seedcheck.cache.location import cache_root
from seedcheck.config.files import CONFIG_FILES
from seedcheck.config.settings import LoadedConfig, load_configs
from seedcheck.config.suppressions import apply_suppressions
from seedcheck.corpus.value import Corpus
from seedcheck.diagnostic import Diagnostic
from seedcheck.errors import SeedcheckError
from seedcheck.run.engine import report_from
from seedcheck.run.folder import default_jobs
from seedcheck.run.targets import Target, check_target, resolve_targets


@dataclass(frozen=True)
class OpenDocument:
    """A document as the editor holds it: ``modified`` when its text may differ from
    the file (changed since it was opened or saved)."""

    path: Path
    text: str
    modified: bool


@dataclass(frozen=True)
class Outcome:
    """A document's findings, or why it has none (outside any corpus, a bad setting)."""

    findings: tuple[Diagnostic, ...]
    note: str | None = None
    broken: bool = False  # the note is an error to show (a bad setting), not a remark


@dataclass
class Checked:
    """The corpus last checked in a folder and the configuration it was checked with,
    which the code actions start from."""

    corpus: Corpus
    config: LoadedConfig


def file_path(path: Path) -> Path:
    """A file's path as seedcheck names it in findings: its folder resolved, not the
    file itself (a seed that is a symbolic link is one, not what it points to)."""
    absolute = Path(os.path.abspath(path))
    return Path(os.path.realpath(absolute.parent)) / absolute.name


def encoded(text: str) -> bytes:
    # A lone surrogate (JSON can carry one) is written as the bytes it would be, which
    # invalid-utf8 then reports, rather than failing the check.
    return text.encode("utf-8", errors="surrogatepass")


@dataclass
class Checker:
    """Checks open documents; keeps each folder's configuration until its files change."""

    _configs: dict[Path, tuple[tuple[tuple[str, int, int], ...], LoadedConfig]] = field(
        default_factory=dict
    )
    checked: dict[Path, Checked] = field(default_factory=dict)

    def config_for(self, folder: Path) -> LoadedConfig:
        """The configuration ``validate`` gives a file in ``folder``: the nearest
        configuration file at or above it, up to the repository root (read again when a
        configuration file on the way up appeared, changed or went away)."""
        stamp = _config_stamp(folder)
        known = self._configs.get(folder)
        if known is not None and known[0] == stamp:
            return known[1]
        ((config, _),) = load_configs([str(folder / "file")], folder)
        self._configs[folder] = (stamp, config)
        return config

    def forget_configs(self) -> None:
        self._configs.clear()

    def check(
        self, documents: Sequence[OpenDocument], changed: Set[Path] | None = None
    ) -> dict[Path, Outcome]:
        """The findings of the documents in each corpus that holds one of ``changed``
        (None: all), each corpus checked once for all its open documents."""
        outcomes: dict[Path, Outcome] = {}
        groups: dict[tuple[Path, Path | None, Path], list[OpenDocument]] = {}
        configs: dict[tuple[Path, Path | None, Path], LoadedConfig] = {}
        for document in documents:
            path = file_path(document.path)
            try:
                config = self.config_for(path.parent)
            except SeedcheckError as exc:
                outcomes[document.path] = Outcome((), f"seedcheck: {exc}", broken=True)
                continue
            try:
                targets = resolve_targets([str(path)], config)
            except SeedcheckError as exc:  # not in a corpus: nothing to check
                outcomes[document.path] = Outcome((), str(exc))
                continue
            key = (config.root, config.source, targets[0].root)
            groups.setdefault(key, []).append(document)
            configs[key] = config
        for key, members in groups.items():
            if changed is not None and not any(m.path in changed for m in members):
                continue
            outcomes.update(self._check_corpus(key[2], configs[key], members))
        return outcomes

    def _check_corpus(
        self, root: Path, config: LoadedConfig, documents: list[OpenDocument]
    ) -> dict[Path, Outcome]:
        paths = {document.path: file_path(document.path) for document in documents}
        # The file as saved is read through the cache; unsaved text is given in its
        # place, and text over max-file-size is answered as validate answers such a
        # file (see run.overlay).
        overlay = {
            paths[document.path].name: encoded(document.text)
            for document in documents
            if document.modified
        }
        selection = config.selection()
        target = Target(root, frozenset(paths.values()))
        try:
            corpus, findings, _ = check_target(
                target,
                config,
                selection.enabled_rules(),
                cache_dir=cache_root(config.root),
                jobs=default_jobs(),
                overlay=overlay,
            )
        except SeedcheckError as exc:
            note = f"seedcheck: {exc}"
            return {document.path: Outcome((), note, broken=True) for document in documents}
        self.checked[root] = Checked(corpus, config)
        # As validate reports it: without what the seeds' own headers suppress.
        found = apply_suppressions(corpus, findings, selection)
        report = report_from([(corpus, found, target.only)], selection)
        by_file: dict[str, list[Diagnostic]] = {}
        for diagnostic in report.diagnostics:
            by_file.setdefault(diagnostic.path, []).append(diagnostic)
        return {
            document.path: Outcome(tuple(by_file.get(str(paths[document.path]), ())))
            for document in documents
        }


def is_config_file(path: Path) -> bool:
    return path.name in CONFIG_FILES


def _config_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """The configuration files from ``folder`` upward, each with its change time and
    size: what ``load_config`` reads, so a different stamp means read it again."""
    stamp: list[tuple[str, int, int]] = []
    for place in (folder, *folder.parents):
        for name in CONFIG_FILES:
            try:
                info = (place / name).stat()
            except OSError:
                continue
            stamp.append((str(place / name), info.st_mtime_ns, info.st_size))
    return tuple(stamp)
