"""social-handle: a social-media handle or "follow" line in the body.

Why: author boxes and share bars leave ``Twitter: @name``, a bare ``@name`` line or
"Follow Jane Doe on X" after the article. They are page furniture, and they carry
personal handles into the corpus.

What is matched in each body line: a network name and a handle (``Twitter: @jdoe``,
``Instagram @jdoe``, ``X: @jdoe``, ``Mastodon: @jdoe@example.social``), a line that is
only a handle (``@jdoe``), and "Follow <Name or @handle> on Twitter/X/Instagram/…".
A handle inside a sentence ("she wrote on X, @jdoe said…") is not matched.

Example::

    Twitter: @martailic

Fix: delete the line (or the clause), together with the bio it usually follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedcheck.body_lines import body_lines
from seedcheck.excerpt import excerpt
from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile

_NETWORKS = r"twitter|x|instagram|threads|mastodon|bluesky|bsky|facebook|tiktok|linkedin|youtube"
_HANDLE = r"@[A-Za-z0-9_.]{1,30}(?:@[\w.-]+\.\w+)?"
_SOCIAL = re.compile(
    rf"(?i:\b(?:{_NETWORKS})\b)\s*[:\-\u2013\u2014]?\s*{_HANDLE}(?![\w@])"
    rf"|^{_HANDLE}$"
    rf"|^(?i:follow)\s+(?:{_HANDLE}|[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){{0,3}})"
    rf"\s+(?i:on)\s+(?i:{_NETWORKS})\b"
)


def check(seed: SeedFile) -> Iterator[Finding]:
    for line in body_lines(seed):
        text = line.text.strip()
        if "@" not in text and not text[:6].lower().startswith("follow"):
            continue  # no handle and no "Follow …": skip the regex search
        match = _SOCIAL.search(text)
        if match is None:
            continue
        column = line.indent + match.start() + 1
        yield Finding(
            seed.path,
            line.number,
            column,
            f"social-media handle {excerpt(match.group(), 60)}; delete it",
            line.number,
            line.indent + match.end() + 1,
        )


RULE = file_rule("SC408", "social-handle", "A social-media handle in the body.", check)
