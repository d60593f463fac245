"""mojibake: text decoded with the wrong encoding, such as ``â€™`` for ``’``.

Why: a page read as Windows-1252 or Latin-1 when it was UTF-8 (or the reverse) turns
every accented letter, curly quote and dash into two or three wrong characters:
``donâ€™t``, ``cafÃ©``, ``â€œquotedâ€\x9d``. Readers and models see garbage; searches
for the real words fail.

What is matched: a body line, the title or the byline holding a non-ASCII character
that ftfy's encoding repair would change. A line is reported at the first changed
character, a field at its value, and the message shows the repaired text so that you
can check it. ftfy is careful: correct text in any script is left alone.

Example: ``The cafÃ© reopened.`` (message: repaired ``'The café reopened.'``).

Fix: re-decode the source with the right encoding, or run ``ftfy`` over the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.rules.support.header_fields import header_texts
from seedcheck.seed.body_lines import body_lines
from seedcheck.seed.file import SeedFile
from seedcheck.text.excerpt import excerpt

# How much of the line around the first repair the message shows.
CONTEXT = 30


def check(seed: SeedFile) -> Iterator[Finding]:
    candidates = [line for line in body_lines(seed) if not line.text.isascii()]
    fields = [f for f in header_texts(seed) if isinstance(f.value, str) and not f.value.isascii()]
    if not candidates and not fields:
        return
    import ftfy  # deferred: loading ftfy costs more than checking an ASCII corpus

    for field in fields:
        assert isinstance(field.value, str)
        repaired = ftfy.fix_encoding(field.value)
        if repaired != field.value:
            yield Finding(
                seed.path,
                field.line,
                field.column,
                f"mojibake in the {field.key} (text decoded with the wrong encoding); repaired"
                f" it reads {excerpt(repaired.strip(), 2 * CONTEXT)}",
                field.end_line,
                field.end_column,
            )

    for line in candidates:
        fixed = ftfy.fix_encoding(line.text)
        if fixed == line.text:
            continue
        start = next(
            (i for i, (a, b) in enumerate(zip(line.text, fixed, strict=False)) if a != b),
            min(len(line.text), len(fixed)),
        )
        begin = max(0, start - CONTEXT)
        shown = ("…" if begin else "") + fixed[begin:].strip()
        yield Finding(
            seed.path,
            line.number,
            start + 1,
            f"mojibake (text decoded with the wrong encoding); repaired it reads"
            f" {excerpt(shown, 2 * CONTEXT)}",
        )


RULE = file_rule("SC409", "mojibake", "Text decoded with the wrong encoding.", check)
