"""html-residue: HTML tags or character references left in the body, title or byline.

Why: a scraper that takes the page's markup instead of its text leaves ``<p>``,
``<br/>``, ``<a href=…>`` and entities such as ``&amp;``, ``&nbsp;`` or ``&#8217;``
behind. Readers see the markup; models learn it.

What is matched: an opening, closing or self-closing tag of an HTML element written
as HTML writes it (``<p>``, ``</div>``, ``<br/>``, ``<img src="…" alt='…'>``,
``<video controls>``): every attribute has a value (``name=value``) or is one of the
boolean attributes pages use (``hidden``, ``controls``, ``async``…). An HTML comment
opener ``<!--``; a named character reference that HTML defines (``&amp;``,
``&rsquo;``), and ``&amp`` or ``&nbsp`` without their semicolon; numeric ones
(``&#8217;``, ``&#x2019;``). "AT&T", "R&D", "x < y > z", "x<a and the other ratio
y>b" and "3<s and t>4" are not matched. Each line is reported once, at its first
residue; the title and the byline are checked too (``&#8216;The Medium&#8217;``), each
reported at its value, for tags and references (a page's ``<title>`` is raw text, in
which ``<!--`` opens no comment).

Not told apart: an article about HTML that writes ``<p>`` literally is reported too;
ignore the rule for that file (``per-file-ignores``, or ``--ignore html-residue``).

Example: ``<p>The council voted on Tuesday.</p>`` or ``Smith &amp; Sons``.

Fix: convert the page to text properly (``html.unescape`` for entities), or delete the
markup by hand.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.entities import html5

from seedcheck.rules.base import Finding, file_rule
from seedcheck.rules.support.header_fields import header_texts
from seedcheck.seed.body_lines import body_lines
from seedcheck.seed.file import SeedFile
from seedcheck.text.excerpt import excerpt

_ELEMENTS = (
    "a abbr article aside audio b blockquote body br button caption cite code dd del div dl"
    " dt em embed figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html"
    " i iframe img input ins label li link main meta nav noscript ol p picture pre q s"
    " script section small source span strong style sub sup table tbody td th thead time"
    " title tr u ul video"
)
# Attributes without a value that pages really use; any other attribute must have
# "=value", so that "x<a and the other ratio y>b" is a comparison, not a tag.
_BOOLEAN_ATTRIBUTES = (
    "allowfullscreen async autofocus autoplay checked controls default defer disabled"
    " hidden ismap itemscope loop multiple muted nomodule novalidate open playsinline"
    " readonly required reversed selected"
)
_VALUE = r"""(?:"[^"<>]{0,300}"|'[^'<>]{0,300}'|[^\s"'=<>`]{1,300})"""
_ATTRIBUTE = (
    rf"\s+(?:[A-Za-z_:][\w:.-]{{0,40}}\s*=\s*{_VALUE}"
    rf"|(?:{'|'.join(_BOOLEAN_ATTRIBUTES.split())})(?![\w:.=-]))"
)
_TAG = re.compile(
    # Attributes are bounded so that a long line of "<p " without ">" stays linear.
    r"<!--|<(?:/(?:" + "|".join(_ELEMENTS.split()) + r")\s*"
    r"|(?:" + "|".join(_ELEMENTS.split()) + rf")(?:{_ATTRIBUTE}){{0,20}}\s*/?)>",
    re.IGNORECASE,
)
# "&amp;", "&#8217;", and the two references pages most often write without their
# semicolon ("Smith &amp Sons"); other names need it, so that "&ampersand" is a word.
_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:amp|nbsp)(?![A-Za-z0-9;])"
)


def check(seed: SeedFile) -> Iterator[Finding]:
    for line in body_lines(seed):
        match = _first_markup(line.text)
        if match is not None:
            yield Finding(
                seed.path,
                line.number,
                match.start() + 1,
                f"{_described(match.group())} in the text; convert the markup to plain text",
                line.number,
                match.end() + 1,
            )
    for field in header_texts(seed):
        assert isinstance(field.value, str)  # header_texts yields text only
        # Not "<!--": a page's <title> is raw text, where it opens no comment.
        match = _first_markup(field.value.replace("<!--", "<!-\u2060-"))
        if match is not None:
            yield Finding(
                seed.path,
                field.line,
                field.column,
                f"{_described(match.group())} in the {field.key}; convert the markup to plain text",
                field.end_line,
                field.end_column,
            )


def _first_markup(text: str) -> re.Match[str] | None:
    found = list(_TAG.finditer(text))[:1]
    found += [m for m in _REFERENCE.finditer(text) if _is_reference(m.group())][:1]
    return min(found, key=lambda m: m.start()) if found else None


def _described(what: str) -> str:
    if what.startswith("&"):
        return f"HTML character reference {excerpt(what)} (for {html.unescape(what)!r})"
    if what == "<!--":
        return "HTML comment '<!--'"
    return f"HTML tag {excerpt(what, 40)}"


def _is_reference(text: str) -> bool:
    return text.startswith("&#") or text[1:] in html5


RULE = file_rule(
    "SC410", "html-residue", "HTML tags or entities in the body, title or byline.", check
)
