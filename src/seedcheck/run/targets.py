"""From command-line paths to the corpora to load and the files to report on."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from seedcheck.cache.location import cache_root
from seedcheck.config.files import CONFIG_FILES
from seedcheck.config.settings import LoadedConfig, options_from
from seedcheck.corpus.listing import FolderScan, name_pattern
from seedcheck.corpus.value import Corpus
from seedcheck.errors import SeedcheckError
from seedcheck.index.document import INDEX_NAME
from seedcheck.rules.base import Rule
from seedcheck.run.folder import FolderCheck, FolderRun, Revise, check_folder, default_jobs
from seedcheck.run.overlay import split_overlay, with_too_large
from seedcheck.text.bounded_pattern import BoundedPattern


@dataclass(frozen=True)
class Target:
    """A corpus folder to load, and the files in it to report on (None: all)."""

    root: Path
    only: frozenset[Path] | None


def _absolute(path: str) -> Path:
    # Resolve the folder but not the last component: a seed that is a symbolic link
    # must be seen as one, never followed.
    absolute = Path(os.path.abspath(path))
    return Path(os.path.realpath(absolute.parent)) / absolute.name


def resolve_targets(paths: Sequence[str], config: LoadedConfig) -> list[Target]:
    """Group ``paths`` by corpus folder; no paths means the configured corpus."""
    whole: list[Path] = []
    files: dict[Path, set[Path]] = {}
    pattern = name_pattern(config.settings.pattern)
    if not paths:
        whole.append(_existing_corpus(config))
    for raw in paths:
        if not raw:
            # An unset variable in a script (`seedcheck validate "$FILES"`), not a folder
            # to check: "" would otherwise name the working directory.
            raise SeedcheckError("a path is empty; pass seed files, INDEX.md or the corpus folder")
        path = _absolute(raw)
        if not os.path.lexists(path):
            raise SeedcheckError(f"{raw}: no such file or directory")
        if path.name in CONFIG_FILES and not path.is_dir():
            # A changed configuration changes what the corpus must be; but another
            # project's pyproject.toml (a pre-commit hook passes every one) is not ours.
            if config.source is not None and path == config.source:
                whole.append(_existing_corpus(config))
        elif path.is_dir() and not (path.is_symlink() and pattern.fullmatch(path.name)):
            # A folder, or a link to one that the user named as the corpus; a link named
            # like a seed is a seed entry (not-a-regular-file), never followed.
            whole.append(Path(os.path.realpath(path)))
        elif _belongs_to_corpus(path, pattern, config):
            files.setdefault(path.parent, set()).add(path)
        else:
            raise SeedcheckError(
                f"{raw}: not a seed file, INDEX.md or corpus folder; pass seed files, "
                "INDEX.md or the corpus folder"
            )
    targets = [Target(root, None) for root in dict.fromkeys(whole)]
    targets += [
        Target(root, frozenset(names)) for root, names in files.items() if root not in whole
    ]
    return targets


def _belongs_to_corpus(path: Path, pattern: BoundedPattern, config: LoadedConfig) -> bool:
    """Whether a named file is one the corpus checks report on."""
    if pattern.fullmatch(path.name) or path.name == INDEX_NAME:
        return True
    # Any other file in a folder that is recognisably a corpus: a misnamed seed
    # (filename-pattern), a stray file (unexpected-file) or a dotfile, which is ignored.
    folder = path.parent
    return (folder / INDEX_NAME).exists() or folder == Path(os.path.realpath(config.corpus_path))


def _existing_corpus(config: LoadedConfig) -> Path:
    path = config.corpus_path
    if not path.is_dir():
        # Paths in messages use / on every system, as display_path shows them.
        where = (
            config.source.as_posix()
            if config.source is not None
            else "seedcheck.toml or [tool.seedcheck] in pyproject.toml"
        )
        what = (
            "is a file, not a folder"
            if path.is_file()
            else "is not a folder"
            if os.path.lexists(path)
            else "does not exist"
        )
        raise SeedcheckError(
            f"the configured corpus folder {path.as_posix()} {what}; pass a corpus folder "
            f"or set `corpus` in {where}"
        )
    return Path(os.path.realpath(path))


def check_target(
    target: Target,
    config: LoadedConfig,
    rules: Sequence[Rule],
    *,
    cache_dir: Path | None,
    jobs: int,
    scans: dict[Path, FolderScan] | None = None,
    corpus_rules: bool = True,
    overlay: Mapping[str, bytes] | None = None,
    revise: Revise | None = None,
) -> FolderCheck:
    """Check one target's corpus folder with the cache and worker processes (listed
    from its scan in ``scans``, which it takes out, when the run memo scanned it).

    See :class:`~seedcheck.run.folder.FolderRun` for ``corpus_rules`` and ``revise``;
    ``overlay`` gives the bytes of some files by name, checked in place of the files and
    never cached (an editor's unsaved text).
    """
    settings = config.settings
    pattern = name_pattern(settings.pattern)
    try:
        given, oversized = split_overlay(
            target.root, pattern, settings.max_file_size, overlay or {}
        )
        run = FolderRun(
            target.root,
            pattern=pattern,
            layout=settings.layout,
            model_fields=(tuple(settings.required), tuple(sorted(settings.fields.items()))),
            max_file_size=settings.max_file_size,
            options=options_from(settings),
            rules=tuple(rules),
            settings_key=settings.model_dump_json(),
            cache_dir=cache_dir,
            jobs=jobs,
            wanted=None if target.only is None else {str(p) for p in target.only},
            # Text over its limit: the corpus rules run once that file is made too large.
            corpus_rules=corpus_rules and not oversized,
            revise=revise if not overlay else _given(given) if given else None,
        )
        checked = check_folder(run, scans)
    except OSError as exc:
        raise SeedcheckError(
            f"{target.root.as_posix()}: cannot read the corpus folder: {exc.strerror}"
        ) from None
    if not oversized:
        return checked
    rules_run = run.rules if corpus_rules else None
    return with_too_large(checked, oversized, pattern, rules_run, run.options)


def read_target(target: Target, config: LoadedConfig) -> Corpus:
    """One target's corpus as ``validate`` sees it, through the same cache, without the
    corpus rules: what ``index``, ``fix`` and ``import`` start from.

    The per-file rules are those a plain ``seedcheck validate`` runs, so that the cache
    records they leave are the ones the next ``validate`` looks up.
    """
    return check_target(
        target,
        config,
        config.selection().enabled_rules(),
        cache_dir=cache_root(config.root),
        jobs=default_jobs(),
        corpus_rules=False,
    ).corpus


def _given(overlay: Mapping[str, bytes]) -> Revise:
    def given(corpus: Corpus) -> Mapping[str, bytes]:
        return overlay

    return given
