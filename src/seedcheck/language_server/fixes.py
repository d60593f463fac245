"""The safe fixes of ``seedcheck fix`` offered as an editor's code actions.

Each fix is the document's whole new text (the server sends only the lines that
change): the seeds' text fixes of :func:`~seedcheck.edits.fixes.fix_text`, trailing
blanks stripped from one line, or INDEX.md's generated block rewritten as ``seedcheck
fix`` would. A file that ``fix`` leaves alone gets the reason instead of a fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seedcheck.diagnostic import Diagnostic
from seedcheck.edits.fixes import fix_text, plan_fixes, why_not_fixable
from seedcheck.index.document import INDEX_NAME
from seedcheck.language_server.checking import Checked, encoded
from seedcheck.rules.trailing_whitespace import BLANKS
from seedcheck.seed.model import build_model

TRAILING_WHITESPACE = "SC106"
# Findings that fix_text removes from a seed (with SC106, whose own fix is one line).
TEXT_FIXES = frozenset({"SC102", "SC104", "SC105", TRAILING_WHITESPACE})
# Findings in INDEX.md that rewriting its generated block removes.
INDEX_FIXES = frozenset({"SC503", "SC504", "SC505", "SC506", "SC507", "SC508"})


@dataclass(frozen=True)
class Fix:
    """A code action: its title and the document's new text, or why there is none."""

    title: str
    text: str | None
    reason: str | None = None


def whole_file_fix(path: Path, text: str, checked: Checked | None) -> Fix | None:
    """Every safe fix of the document at once (``seedcheck fix`` on this file)."""
    if path.name == INDEX_NAME:
        return index_fix(path, text, checked)
    refused = why_not_fixable(encoded(text))
    if refused is not None:
        return Fix("seedcheck: apply the safe fixes", None, f"left alone: {refused}")
    fixed = fix_text(text)
    if not fixed.applied:
        return None
    return Fix(f"seedcheck: fix {', '.join(fixed.applied)}", fixed.text)


def line_fix(text: str, line: int) -> Fix | None:
    """Trailing blanks stripped from seedcheck's 1-based ``line`` alone."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    raw = lines[line - 1]
    crlf = raw.endswith("\r")
    content = raw.removesuffix("\r")
    stripped = content.rstrip(BLANKS)
    if stripped == content:
        return None
    lines[line - 1] = stripped + ("\r" if crlf else "")
    return Fix(f"seedcheck: remove trailing whitespace on line {line}", "\n".join(lines))


def index_fix(path: Path, text: str, checked: Checked | None) -> Fix | None:
    """INDEX.md's generated block rewritten from the corpus as last checked."""
    title = "seedcheck: regenerate the INDEX.md block"
    if checked is None or checked.corpus.index is None:
        return None
    corpus = checked.corpus
    if corpus.index is None or corpus.index.data != encoded(text):
        return Fix(title, None, "the index changed since it was checked; try again")
    settings = checked.config.settings
    plan = plan_fixes(
        corpus,
        frozenset({corpus.index_path}),
        layout=settings.layout,
        model=build_model(settings.required, settings.fields),
    )
    for fix in plan.fixes:
        if fix.path == corpus.index_path:
            return Fix(title, fix.new.decode("utf-8"))
    for left, reason in plan.left_alone:
        if left == corpus.index_path:
            return Fix(title, None, f"left alone: {reason}")
    return None


def fixes_for(path: Path, text: str, diagnostic: Diagnostic, checked: Checked | None) -> Fix | None:
    """The quick fix for one finding, if ``seedcheck fix`` has one."""
    if path.name == INDEX_NAME:
        return index_fix(path, text, checked) if diagnostic.code in INDEX_FIXES else None
    if diagnostic.code == TRAILING_WHITESPACE:
        return line_fix(text, diagnostic.line)
    if diagnostic.code in TEXT_FIXES:
        return whole_file_fix(path, text, checked)
    return None
