"""The one text normalisation every content comparison uses.

Scrapers copy an article twice with different typography: ASCII quotes and ``--`` in
one copy, typographic quotes and em dashes in the other, different line breaks. Two
texts compare equal here when a reader would call them the same words.

``normalize`` gives comparable text (NFKC, quotes to ASCII, dashes to `` - ``,
``…`` to ``...``, soft hyphens and zero-width characters deleted, whitespace collapsed,
case folded); ``words`` gives what shingles are
made of: the normalised text with punctuation dropped, split into words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

# Applied after NFKC, which already maps the ellipsis to "..." and most odd spaces to " ".
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark, apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        # A scraper writes an en or em dash as "--"; both then read as one spaced dash.
        "\u2013": "--",  # en dash
        "\u2014": "--",  # em dash
        "\u2015": "--",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u2026": "...",  # ellipsis, in case NFKC was skipped by a caller's slicing
        # Invisible characters a page carries and NFKC keeps: a copy scraped with them
        # must read as the same words ("infra<soft hyphen>structure" is "infrastructure").
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # zero-width no-break space, a byte order mark inside the text
    }
)
_DASHES = re.compile(r"\s*-{2,}\s*|\s+-\s+")
# Letters, digits and marks make words; everything else separates, hyphens too, so that
# "1990-2000" and "1990 – 2000" give the same words.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


# Content rules each normalise the same body lines (duplicate-line, boilerplate,
# author-bio, teasers, duplicated-text): a small cache makes the later ones lookups.
# Whole bodies are normalised once each, and would only fill it.
_CACHED_LENGTH = 1000


def normalize(text: str) -> str:
    """``text`` as compared: typography unified, whitespace collapsed, case folded."""
    return _normal_line(text) if len(text) <= _CACHED_LENGTH else _normal(text)


@functools.lru_cache(maxsize=4096)
def _normal_line(text: str) -> str:
    return _normal(text)


def _normal(text: str) -> str:
    # Content rules normalise every line of every seed: skip the steps that cannot
    # change the text (ASCII is NFKC already and has nothing to translate).
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    if "-" in text:
        # "word--word", "word -- word" and "word — word" are one dash between two words.
        text = _DASHES.sub(" - ", text)
    # str.split() splits at exactly the characters \s matches: whitespace collapsed.
    return " ".join(text.split()).casefold()


# In normalised ASCII text (case folded) a word character is a lower-case letter or a
# digit: everything else but the apostrophe separates words.
_ASCII_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "'")}
)


def words(text: str) -> list[str]:
    """The words of ``text`` after :func:`normalize`, punctuation dropped."""
    normal = normalize(text)
    if not normal.isascii():
        return _found_words(normal)
    # Most lines: what the word pattern finds, at a third of its cost, by blanking the
    # separators and splitting. Only a token with an apostrophe needs the pattern.
    tokens = normal.translate(_ASCII_SEPARATORS).split()
    if "'" not in normal:
        return tokens
    return [word for token in tokens for word in _found_words(token)]


# Folds ASCII case and blanks the separators in one pass, keeping line breaks: the
# words of many lines at once (see line_words).
_ASCII_FOLD_SEPARATORS = str.maketrans(
    {chr(c): chr(c).lower() if chr(c).isalnum() or chr(c) in "'\n" else " " for c in range(128)}
)


def line_words(texts: Sequence[str]) -> list[list[str]]:
    """``[words(text) for text in texts]`` for texts without line breaks, faster.

    Most lines are ASCII: there :func:`normalize` only folds case (NFKC, the table and
    the dashes' spacing change no word), so those lines are joined, folded and blanked
    in one pass and split again, where one call a line cost several.
    """
    plain = [text for text in texts if text.isascii()]
    if len(plain) == len(texts):
        return _ascii_line_words(texts)
    found = iter(_ascii_line_words(plain))
    return [next(found) if text.isascii() else words(text) for text in texts]


def _ascii_line_words(texts: Sequence[str]) -> list[list[str]]:
    if not texts:
        return []
    joined = "\n".join(texts)
    lines = joined.translate(_ASCII_FOLD_SEPARATORS).split("\n")
    if "'" not in joined:
        return [line.split() for line in lines]
    return [
        [word for token in line.split() for word in _found_words(token)]
        if "'" in line
        else line.split()
        for line in lines
    ]


def _found_words(normal: str) -> list[str]:
    found: list[str] = _WORD.findall(normal)
    return [word.replace("'", "") for word in found] if "'" in normal else found


def ascii_word_spans(text: str) -> list[tuple[int, int]] | None:
    """0-based ``(start, end)`` of each of :func:`words` in an ASCII ``text``, else None.

    In ASCII text normalisation changes no word boundary (it only spaces dashes and
    folds case), so the words are found in the text itself, at their exact columns.
    """
    if not text.isascii():
        return None
    return [match.span() for match in _WORD.finditer(text)]
