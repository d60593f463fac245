"""extractor-residue: lines an article extractor left around the article.

Why: an extractor that takes a little too much of the page keeps what sits around the
article: the title again as the first line, a ``By`` line and a dateline, photo
captions and their credits, interface words ("VIDEO", "Text size", "Image 1 of 23"),
share and follow prompts, "Related:" links, newsletter sign-ups, ad markers, comment
widgets and embed placeholders, and in a whole-page dump the site's menus. None of it
is the article.

What is matched, line by line, by what the line says and how it is shaped, never a
sentence of prose in the middle of an article:

- the title repeated as a line of the body (the first line also without the site's
  name, "Title | Site"), and the header's byline as a line of its own;
- a byline: ``By Jane Doe``, ``By admin``, ``Posted by …``, ``(Reporting by …; Editing
  by …)``, "… contributed reporting", a nameless ``By , a professor…``, a role line
  (``Jane Doe, AP Auto Writer``, ``Opinion Columnist``); "By the end of May, …" and
  "By 2030 …" are prose;
- a dateline or timestamp: a short line that is a date or a time and little else
  (``Updated 1:39 am EST, Wednesday, November 20, 2019``, ``5 hours ago``); not the
  attribution of an embedded post (``— Jane Doe (@jdoe) May 2, 2024``), not a bare
  time heading a live blog's entry, not a period ("5 April 2025 to 30 June 2025");
- a photo credit (``Photo: Jane Doe, AP``, ``Jane Doe/Getty Images``, ``(Image: …)``,
  "Image caption …") and the caption just above it;
- a short line that is only an interface word or a link heading: "VIDEO", "Advert",
  "Comments", "Share", "Text size", "Image 1 of 23", "You may also like...", "Popular
  on …", "Skip to content", "Sign in", "Next story", a social network's name;
- a line starting like a link ("Related: …", "Read more: …", "Also on site.com …") or a
  headline tagged "[VIDEO]";
- in a line of at most 45 words, outside quotation marks: a sign-up box ("Keep an eye
  on your inbox…", "Sign up for our newsletter"), a cookie banner, a share or follow
  prompt ("Follow her on Twitter…", "Like this story? Share it…"), a contact line ("…
  may be reached at …"), a copyright notice, a shortcode (``[button …]``);
- around those lines, their neighbours that are not prose (short, or not ended like a
  sentence): the headlines under "You may also like", the kicker above a repeated
  title; everything after a "Comments" heading;
- in a whole-page dump (a body that holds "Skip to content", or menus of a dozen short
  bullets and headings): every bullet or heading line and every line of one to three
  words without a sentence's end.

Consecutive residue lines (blank lines between them do not count) are one finding with
their range, naming the families found. A line that ``boilerplate`` reports is left to
it.

Example::

    Workers lower a stone block into place on the eastern wall.
    Jane Doe/Carlow Gazette/Getty Images

Fix: delete the lines; if the byline or date belongs in the header, move it there.
"""

from __future__ import annotations

from collections.abc import Iterator

from seedcheck.rules.base import Finding, file_rule
from seedcheck.rules.boilerplate import furniture_span
from seedcheck.rules.support.residue_lines import families
from seedcheck.seed.body_lines import body_lines
from seedcheck.seed.file import SeedFile
from seedcheck.text.excerpt import excerpt


def check(seed: SeedFile) -> Iterator[Finding]:
    lines = body_lines(seed)
    if not lines:
        return
    found = families([line.text for line in lines], _field(seed, "title"), _field(seed, "byline"))
    for index, line in enumerate(lines):
        if found[index] is not None and furniture_span(line, ()) is not None:
            found[index] = None  # boilerplate reports it
    index = 0
    while index < len(lines):
        if found[index] is None:
            index += 1
            continue
        end = index
        while end + 1 < len(lines) and found[end + 1] is not None:
            end += 1
        first, last = lines[index], lines[end]
        named = list(dict.fromkeys(family for family in found[index : end + 1] if family))
        text = first.text.strip()
        where = "delete the line" if end == index else f"delete lines {first.number}-{last.number}"
        yield Finding(
            seed.path,
            first.number,
            first.indent + 1,
            f"extractor residue ({', '.join(named)}) {excerpt(text, 60)}; {where}",
            last.number,
            len(last.text.rstrip()) + 1,
        )
        index = end + 1


def _field(seed: SeedFile, key: str) -> str | None:
    field = seed.field(key)
    return field.value if field is not None and isinstance(field.value, str) else None


RULE = file_rule(
    "SC415",
    "extractor-residue",
    "Lines an article extractor left around the article (credits, menus, bylines…).",
    check,
)
