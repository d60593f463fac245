"""social-handle: a social-media handle or "follow" line in the body.

Why: author boxes and share bars leave ``Twitter: @name``, a bare ``@name`` line or
"Follow Jane Doe on X" after the article. They are page furniture, and they carry
personal handles into the corpus.

What is matched in each body line:

- a line that is only handles, with or without their network: ``Twitter: @jdoe``,
  ``Instagram @jdoe``, ``@jdoe``, ``@jdoe on Threads``, ``X (formerly Twitter):
  @jdoe``, ``Twitter: @jdoe | Instagram: @jdoe``;
- a network, a colon and a handle anywhere in a line, as author boxes write it after
  the bio's sentence ("Jane Doe covers transport. Twitter: @jdoe");
- "Find her on Bluesky at @jdoe.bsky.social" (a line ending with the handle);
- "Follow <Name or @handle> on Twitter/X/Instagram/…" and "Follow @jdoe…" at the start
  of a line ("Follow the Courier on Facebook" is the site's: see boilerplate).

Handles may hold ``.``, ``-`` and ``_`` (Bluesky's ``@jane-doe.bsky.social``) and a
Mastodon host (``@jdoe@example.social``). A handle inside a sentence is reporting, not
matched: "In a post on X @CityOfWendbury said…", "The mayor answered on Twitter
@mayor within minutes", "she wrote on X, where @jdoe said…", an e-mail address.

Example::

    Twitter: @martailic

Fix: delete the line (or the clause), together with the bio it usually follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed.body_lines import body_lines
from seedcheck.seed.file import SeedFile
from seedcheck.text.excerpt import excerpt

_NETWORK = (
    r"(?i:(?:twitter|x|instagram|threads|mastodon|bluesky|bsky|facebook|tiktok|linkedin"
    r"|youtube)(?:\s*\(formerly\s+twitter\))?)"
)
# "@jdoe", "@jane-doe.bsky.social", Mastodon's "@jdoe@host.social"; a handle does not
# end with the full stop of a sentence.
_HANDLE = (
    r"@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?"
    r"(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?(?![\w@])"
)
_ITEM = rf"(?:{_NETWORK}\s*[:\-\u2013\u2014]?\s*{_HANDLE}|{_HANDLE}(?:\s+on\s+{_NETWORK})?)"
_PEOPLE = r"(?i:(?:find|follow)\s+(?:me|her|him|them|us)\s+)"
# A person's name: capitalised words, not "The Courier" (a site's page is boilerplate).
_NAME = r"(?!(?i:the|our|us)\b)[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}"
_SOCIAL = re.compile(
    # The whole line is handles: "Twitter: @jdoe", "@jdoe", "@jdoe on Threads",
    # "Twitter: @jdoe | Instagram: @jdoe".
    rf"^{_ITEM}(?:\s*(?:[|,;/\u2022\u00b7]|and)\s*{_ITEM})*[.!]?$"
    # A network and a colon, as an author box writes it, even after the bio's sentence.
    rf"|\b{_NETWORK}\s*:\s*{_HANDLE}"
    rf"|^{_PEOPLE}?on\s+{_NETWORK}\s+at\s+{_HANDLE}[.!]?$"
    rf"|^(?i:follow)\s+(?:{_HANDLE}|{_NAME})\s+(?i:on)\s+{_NETWORK}\b"
    rf"|^(?i:follow)\s+{_HANDLE}"
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
