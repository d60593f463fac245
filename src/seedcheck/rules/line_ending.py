"""line-ending: a seed file uses CRLF or lone CR line endings.

Why: seeds use LF (``\\n``) line endings. CRLF files make every line end in an invisible
``\\r`` that leaks into titles, digests and diffs; a lone ``\\r`` hides a line break
from some tools and shows it in others.

Example: a file saved on Windows (CRLF throughout), or one CRLF line among LF lines.

Fix: ``seedcheck fix`` turns CRLF into LF (a lone CR inside a line is left for you to
judge: it may be a line break or a stray byte), as does ``dos2unix FILE``; set
``* text=auto eol=lf`` in ``.gitattributes`` to keep it so. CRLF is reported once per
file, at its first CRLF line; each lone CR is reported where it stands.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.file import SeedFile


def check(seed: SeedFile) -> Iterator[Finding]:
    # Only a line followed by LF can end in CRLF; a CR ending the file is a lone CR.
    ended = len(seed.lines) if seed.text.endswith("\n") else len(seed.lines) - 1
    crlf = [n for n, line in enumerate(seed.lines[:ended], 1) if line.endswith("\r")]
    crlf_lines = set(crlf)
    if crlf:
        lf = ended - len(crlf)
        kind = "mixed line endings" if lf > 0 else "CRLF line endings"
        first = crlf[0]
        column = len(seed.lines[first - 1])
        yield Finding(
            seed.path,
            first,
            column,
            f"{kind}: {len(crlf)} line(s) end with CRLF, first here; use LF",
        )
    for number, line in enumerate(seed.lines, 1):
        inner = line[:-1] if number in crlf_lines else line
        position = inner.find("\r")
        while position != -1:
            yield Finding(
                seed.path,
                number,
                position + 1,
                "lone carriage return (CR); use LF to break lines",
            )
            position = inner.find("\r", position + 1)


RULE = file_rule("SC104", "line-ending", "File uses CRLF, mixed or lone-CR line endings.", check)
