"""The people a credit names, for comparing two credits or a credit with a bio's subject.

A byline credits people in many spellings: ``Marta Ilić, Tom Reyes``, ``Marta Ilić &
Tom Reyes``, ``By MARTA ILIĆ and TOM REYES``, ``Dr. Marta Ilić | Staff Writer``. Two
credits name the same people when their sets of names are equal, each name compared
with the shared normalisation and without an honorific (``Dr``, ``Prof``, ``Mr``…).

What is not a name is left out: a role (``Staff Writer``, ``Senior Correspondent``), a
publication or agency beside the names (``Carlow Gazette``, ``Reuters``, ``for The
Courier``), a place (``in Kyiv``), other credits (``additional reporting by…``), a bio
(``, a professor of…``, ``is a senior fellow…``) and a contact (URL, handle).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from seedcheck.text.normal import words

# Where the names end: a bio, a place or outlet ("in Kyiv", "for The Courier"), a
# contact or a parenthesis (``(@janedoe)``) begins.
_NAMES_END = re.compile(
    r"\(|\s(?:is|was|who|serves as|works as|writes for|for|in|at|from|via)\s"
    r"|https?://|www\.|@\w",
    re.IGNORECASE,
)
# Between two names: a comma, semicolon, ampersand, bar or the word "and".
_SEPARATOR = re.compile(r"[,;&|]|\band\b", re.IGNORECASE)
# A part that begins with an article is a bio (", a professor of…"), not a name.
_BIO_PART = re.compile(r"^(?:a|an|the)\s", re.IGNORECASE)
_HONORIFIC_WORDS = "dr prof professor mr mrs ms mx sir dame"
_HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
# Words of a role or an outlet, never of a person's name in a credit.
_NOT_NAME_WORD_LIST = """
    staff writer writers correspondent correspondents reporter reporters editor editors
    contributor contributing columnist critic journalist producer photographer
    photographs photos photography desk bureau newsroom team agency agencies press wire
    wires news newspaper gazette times post herald courier tribune chronicle journal
    guardian telegraph observer magazine review daily weekly media network radio tv
    television online digital special additional reporting reported research editing
    edited graphics illustration illustrations video
"""
_NOT_NAME_WORDS = frozenset(_NOT_NAME_WORD_LIST.split())


@dataclass(frozen=True)
class CreditedName:
    """One name of a credit: ``key`` is what is compared, ``shown`` what a message quotes."""

    key: str
    shown: str

    @property
    def surname(self) -> str:
        """The last word of the normalised name."""
        return self.key.rsplit(" ", 1)[-1]


# A corpus has few bylines (a desk's staff, its agencies), each asked for by several
# rules of every seed that carries it.
@functools.lru_cache(maxsize=1024)
def credited_names(credit: str) -> tuple[CreditedName, ...]:
    """The names ``credit`` credits, in order, without honorifics, roles or outlets."""
    end = _NAMES_END.search(credit)
    head = credit[: end.start()] if end else credit
    names: list[CreditedName] = []
    for part in _SEPARATOR.split(head):
        name = _name_of(part.strip(" \t.:-\u2013\u2014"))
        if name is not None and name.key not in {n.key for n in names}:
            names.append(name)
    # A lone word beside full names is an agency or an outlet ("Jane Doe, Reuters").
    if any(" " in name.key for name in names):
        names = [name for name in names if " " in name.key]
    return tuple(names)


def shown_names(names: tuple[CreditedName, ...] | list[CreditedName]) -> str:
    """``names`` for a message: ``A``, ``A and B``, ``A, B and C``."""
    shown = [name.shown for name in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _name_of(part: str) -> CreditedName | None:
    if not part or _BIO_PART.match(part):
        return None
    keys = words(part)
    if any(word in _NOT_NAME_WORDS for word in keys):
        return None
    raw = part.split()
    # Drop a leading honorific ("Dr.", "Prof"), keeping the name as written otherwise.
    while keys and keys[0] in _HONORIFICS and len(keys) > 1:
        keys = keys[1:]
        raw = raw[1:]
    if not keys:
        return None
    return CreditedName(" ".join(keys), " ".join(raw))
