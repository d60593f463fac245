"""html-residue: HTML tags or character references left in the body.

Why: a scraper that takes the page's markup instead of its text leaves ``<p>``,
``<br/>``, ``<a href=…>`` and entities such as ``&amp;``, ``&nbsp;`` or ``&#8217;``
behind. Readers see the markup; models learn it.

What is matched: an opening, closing or self-closing tag of an HTML element
(``<p>``, ``</div>``, ``<img src="…">``, ``<br/>``), an HTML comment opener ``<!--``,
a named character reference that HTML defines (``&amp;``, ``&rsquo;``), and numeric
ones (``&#8217;``, ``&#x2019;``). "AT&T" or "x < y > z" are not matched. Each line is
reported once, at its first residue.

Example: ``<p>The council voted on Tuesday.</p>`` or ``Smith &amp; Sons``.

Fix: convert the page to text properly (``html.unescape`` for entities), or delete the
markup by hand.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.entities import html5

from seedcheck.body_lines import body_lines
from seedcheck.excerpt import excerpt
from seedcheck.rules.base import Finding, file_rule
from seedcheck.seed_file import SeedFile

_ELEMENTS = (
    "a abbr article aside audio b blockquote body br button caption cite code dd del div dl"
    " dt em embed figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html"
    " i iframe img input ins label li link main meta nav noscript ol p picture pre q s"
    " script section small source span strong style sub sup table tbody td th thead time"
    " title tr u ul video"
)
_TAG = re.compile(
    # Attributes are bounded so that a long line of "<p " without ">" stays linear.
    r"<!--|</?(?:" + "|".join(_ELEMENTS.split()) + r")(?:\s[^<>]{0,500})?/?>",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def check(seed: SeedFile) -> Iterator[Finding]:
    for line in body_lines(seed):
        found = list(_TAG.finditer(line.text))[:1]
        found += [m for m in _REFERENCE.finditer(line.text) if _is_reference(m.group())][:1]
        if not found:
            continue
        match = min(found, key=lambda m: m.start())
        what = match.group()
        if what.startswith("&"):
            description = f"HTML character reference {excerpt(what)} (for {html.unescape(what)!r})"
        elif what == "<!--":
            description = "HTML comment '<!--'"
        else:
            description = f"HTML tag {excerpt(what, 40)}"
        yield Finding(
            seed.path,
            line.number,
            match.start() + 1,
            f"{description} in the text; convert the markup to plain text",
            line.number,
            match.end() + 1,
        )


def _is_reference(text: str) -> bool:
    return text.startswith("&#") or text[1:] in html5


RULE = file_rule("SC410", "html-residue", "HTML tags or entities in the body.", check)
