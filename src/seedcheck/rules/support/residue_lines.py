"""Which body lines are what an article extractor leaves behind, and of which family.

A line is judged by its text and its shape: whole-line interface words ("VIDEO",
"Text size"), phrase families at the start of a short line ("Related: …", "By …"), a
few phrases searched in a line of modest length ("… delivered to your inbox"), and the
shape of the line (its length, its last character, its neighbours). A sentence of
prose in the middle of an article is never residue: most families look only at short
lines, and those that search longer ones search for what prose does not say.

Each family is one compiled alternation, matched once per line; the named group that
matched is the family.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from seedcheck.text.normal import normalize

# Families, as the messages name them.
TITLE = "title repeated"
BYLINE = "byline"
DATELINE = "dateline or timestamp"
CREDIT = "photo credit"
CAPTION = "caption"
INTERFACE = "interface line"
SOCIAL = "share or follow"
RELATED = "related links"
SUBSCRIBE = "subscribe or sign-up"
AD = "ad marker"
COPYRIGHT = "copyright"
COOKIE = "cookie notice"
COMMENTS = "comment widget"
EMBED = "embed placeholder"
MENU = "page menu"

_NETWORKS = (
    r"twitter|facebook|instagram|linkedin|pinterest|whatsapp|reddit|tiktok|youtube|threads"
    r"|bluesky|mastodon|telegram|flipboard|tumblr|snapchat|x"
)
# Lines that are nothing but one of these (normalised, markup and end punctuation off).
_WHOLE = re.compile(
    r"(?P<interface>skip to (?:the )?(?:main |primary )?(?:content|navigation|main|search"
    r"|footer|site index|article)\b.*|skip navigation|jump to (?:content|navigation)"
    r"|(?:main |site |open |close |toggle )?(?:menu|navigation|search)"
    r"|search (?:this site|in pages)"
    r"|home(?:page)?|sign ?in|log ?in|log ?out|my account|close|back|next|previous|prev"
    r"|more|less|show (?:more|less|all)|see (?:more|all)|view (?:more|all)|load more"
    r"|read (?:less|full (?:story|article))|expand|collapse|scroll to top|back to top"
    r"|print(?: this (?:article|page|story))?|e-?mail(?: this (?:article|page|story))?"
    r"|text size|font size|a-? ?a\+?|listen(?: to (?:this )?(?:article|story))?"
    r"|(?:\d+ )?min(?:ute)?s? read|\d+ min(?:ute)?s?|reading time.{0,20}|loading(?: \.\.\.)?"
    r"|english edition|(?:international|us|uk|global) edition|closed captioning"
    r"|password recovery|forgot (?:your )?password\??|remember me|lost your password\??"
    r"|(?:previous|next|newer|older) (?:story|article|post|page|entry)|\d{6,})"
    r"|(?P<embed>video|videos|watch(?: now| video)?|play(?: video)?|audio|podcast|photos?|gallery"
    r"|slideshow|graphic|interactive|infographic|image \d+ (?:of|/) \d+"
    r"|(?:photo|picture) \d+ of \d+"
    r"|\d+ (?:of|/) \d+|toggle caption|hide caption|enlarge(?: this image)?|click to enlarge"
    r"|this (?:slideshow|video|content|gallery|embed) requires javascript\.?"
    r"|(?:please )?enable javascript to view.{0,40}|your browser does not support.{0,60}"
    r"|view this post on instagram|a post shared by .{1,60}"
    r"|\(?(?:photos?|images?|video)(?: ?\+ ?(?:photos?|video))?\)?)"
    r"|(?P<ad>advert|advertisement|ads?|anzeige|publicidad|publicidade|publicit\u00e9|pubblicit\u00e0"
    r"|iklan|\u0440\u0435\u043a\u043b\u0430\u043c\u0430|\uad11\uace0|\u5e7f\u544a|\u5e83\u544a"
    r"|sponsored(?: content| by .{1,40})?|promoted(?: content)?"
    r"|paid (?:content|post)|partner content|ad feedback|report (?:this )?ad|manage your ad.{0,30}"
    r"|(?:the )?(?:story|article) continues (?:below|after)(?: (?:the )?advertisement)?"
    r"|continue reading(?: the main story| below)?)"
    r"|(?P<social>sharing is caring|share(?: this(?: article| story| page)?)?|share on .{1,20}"
    r"|tweet(?: this)?|pin(?: it)?"
    rf"|copy link|link copied|copied|like this|like loading(?: \.\.\.)?|(?:{_NETWORKS})"
    rf"|(?:{_NETWORKS})(?:[ ,|/]+(?:{_NETWORKS}|e-?mail|print))+|follow (?:us|me)"
    r"|(?:\d[\d,.]*k? )?(?:shares?|likes?|views?|reactions?))"
    r"|(?P<comments>comments?(?: \(\d+\))?|\d+ comments?|no comments(?: yet)?"
    r"|leave a (?:comment|reply)|add a comment|post a comment|show comments|hide comments"
    r"|view (?:all )?comments|\[? ?read all comments ?\]?|(?:top rated|most liked) comments"
    r"|join the (?:conversation|discussion)|comments are closed|reply|report(?: comment)?"
    r"|be the first to comment.{0,30}|(?:comment|name|e-?mail|website) ?\(required\)"
    r"|tell us what you think(?: \.\.\.)?)"
    r"|(?P<related>related(?: (?:articles|stories|posts|content|links|coverage|topics|news"
    r"|videos|reading))?|more (?:on this|stories|news|videos)(?: .{1,40})?|latest(?: news)?"
    r"|top stories|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|popular"
    r"|recommended(?: for you| stories| reading)?|you (?:may|might) also (?:like|enjoy)(?: \.\.\.)?"
    r"|don't miss|must read|read next|up next|see also|further reading|also read|read also"
    r"|popular (?:on|in) .{1,40}|more (?:great |from )?.{1,40} stories|editor's picks?"
    r"|what to read next|more in .{1,30}|in other news|useful links)"
    r"|(?P<subscribe>newsletters?|subscribe(?: now| today| here)?|sign up(?: now| today| here)?"
    r"|join now|get the app|download (?:the|our) app|thanks for (?:signing up|subscribing)"
    r"|sorry|there was an error processing your subscription"
    r"|(?:.{1,40} )?newsletter)"
    r"|(?P<nav>privacy(?: policy)?|terms(?: of (?:use|service))?|terms (?:&|and) conditions"
    r"|cookie (?:policy|settings)|contact(?: us)?|about(?: us)?|careers|advertise(?: with us)?"
    r"|sitemap|site map|accessibility|help|faq|rss|archives?|tags?|topics?|categories"
    r"|filed under.{0,80}|posted in .{1,60}|work with us|corrections)",
)
# Words that start a link line: "Related: …", "Read more: …", "See more: …", "[Related: …]".
_LEAD = re.compile(
    r"\[?(?:related(?: post| article| story| content| coverage| video)?s?"
    r"|read more|see more|more|also|see also|read also|also read|watch|listen|more on .{1,40}"
    r"|don't miss|must read|read next|up next|recommended|trending|popular)\s?:"
    r"|also on [\w.-]+\.\w+|\[ ?(?:related|read more|see also)\b"
)
# A headline's trailing tag as news pages link them: "… [VIDEO]", "… [ INSIGHT]|".
_TAG = re.compile(
    r"\[ ?(?:insight|video|reaction|pictures|photos|latest|analysis|poll|live|more)\]\W*$"
)
# A line crediting people in the body: "By Jane Doe", "Posted by admin", "(Reporting by …".
_BYLINE = re.compile(
    r"\(?(?:additional )?(?:reporting|writing|editing|research|compiled|written|posted|words"
    r"|text|photos?|story|produced) by\b|by ?,"
)
_BY_NAME = re.compile(
    r"(?:by|von|par|por) (?!(?:the|a|an|then|now|contrast|comparison|far|way|law|mid-?|early"
    r"|late|next|last|this|that|these|those|using|doing|making|taking|2\d|1\d|\d)\b)"
    r"(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|christmas|noon"
    r"|midnight|tonight|tomorrow)\b)\S"
)
# A reporter's role as a line of its own: "Jane Doe, AP Auto Writer", "Opinion Columnist".
_ROLE = re.compile(
    r"(?:.{0,60}, )?(?:the )?(?:[a-z.]+ ){0,3}(?:writer|reporter|correspondent|columnist"
    r"|editor|contributor|journalist|photographer|staff|wire services|wire reports)s?"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b\.?"
)
# A date or a time: what a dateline is made of.
_WHEN = re.compile(
    rf"\b(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?: ?[ap]\.?m\.?)?|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d+ (?:sec|second|min|minute|hour|hr|day|week|month|year)s? ago|\d+[hmd] ago)\b"
)
# What makes a time a timestamp: "Updated 4:14 p.m.", "9:24 pm ET", "2 days ago".
_STAMP = re.compile(
    r"\b(?:updated?|published|posted|modified|ago|est|edt|cst|cdt|pst|pdt|pt|et|gmt|utc|bst"
    r"|cet|cest|ist|jst|aest)\b"
)
_TIME_ONLY = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?")
# Everything a dateline may hold besides the date: removed before counting what is left.
_DATE_WORDS = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|\d+(?:st|nd|rd|th)?|[ap]\.?m\.?|est|edt|cst|cdt|pst|pdt|pt|et"
    r"|gmt|utc|bst|cet|cest|ist|jst|aest|updated?|published|posted|last|first|modified|on|at"
    r"|ago|today|yesterday|hours?|mins?|minutes?|days?|de|of|the)\b|[^\w\s]"
)
# Photo credits and captions: agencies, "Photo:", "Image credit", "Name/Agency".
_CREDIT = re.compile(
    r"getty(?: images)?|shutterstock|istock(?:photo)?|alamy|\bap photo\b|\bap images\b"
    r"|reuters/|/reuters\b|\bafp/|/afp\b|\bepa/|/epa\b|\bpa (?:media|wire|images)\b"
    r"|via getty|credit ?\.\.\."
    r"|\b(?:image|photo|picture) (?:credit|courtesy)|courtesy (?:of )?[\w.' -]{1,40}$"
    r"|^\((?:photo|image|picture)\b|^(?:cover|main|top|header|featured|lead) (?:image|photo)"
    r"|^(?:image|photo|media) caption\b|^caption:|file photo|\bhandout\b|\(ap\)$|(?:/|, )ap$"
)
# "Photo: Jane Doe, AP", "Image: Reuters", on the text as written: a name, not a sentence
# ("Photo: the footbridge seen from the east bank." is a caption the article may keep).
_CREDIT_LEAD = re.compile(
    r"(?i:photo(?:graph)?s?|images?|pictures?|credits?|(?:image|photo) credit)"
    r" ?: ?[A-Z\u00c0-\u00de][^.!?]*"
)
# "Jason Cipriani/ZDNet", "Sakib Ali/Hindustan Times/Getty Images", on the text as written.
_SLASH_CREDIT = re.compile(
    r"[A-Z][\w.'\u2019&-]*(?: [A-Z][\w.'\u2019&-]*){0,3} ?/ ?[A-Z][\w.'\u2019&-]*"
    r"(?:[ /][A-Z][\w.'\u2019&-]*){0,5}"
)
# Phrases searched in a line of modest length: a sign-up box, a cookie banner, a share
# prompt, a reader's contact line, a copyright notice.
_PHRASE = re.compile(
    r"(?P<subscribe>(?:sign up|subscribe|register|join|get|keep an eye on|stay on top"
    r"|enter your e-?mail)\b.{0,80}\b(?:newsletters?|inbox|e-?mail alerts|subscription)\b"
    r"|thanks for (?:signing up|subscribing)|error processing your subscription"
    r"|delivered (?:to|through|in) your (?:inbox|letterbox|door)|^subscribe to\b"
    r"|\bsubscribe (?:now|today|here)\b)"
    r"|(?P<cookie>^(?:we|this (?:web)?site|our (?:web)?site|this page) uses? cookies"
    r"|^by (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:web)?site"
    r"|(?:accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent))$)"
    rf"|(?P<social>follow (?:him|her|me|us|them|@\w+|[\w.' ]{{1,40}}?) on (?:{_NETWORKS})\b"
    r"|share (?:this|it|the story|this story|this article) (?:with|on)\b"
    r"|like this (?:story|article)\?"
    r"|click to share|may be reached at|can be reached at|reach (?:him|her|them) at)"
    r"|(?P<byline>contributed (?:reporting|research|to (?:this|the) (?:report|story|article)))"
    r"|(?P<ad>opt-in box|^click here\b|\bclick(?:ing)? here$)"
    r"|(?P<copyright>^(?:\u00a9|\u24d2|\(c\) ?\d{4}|copyright\b.{0,60}\d{4})|\u00a9 ?\d{4}"
    r"|all rights reserved)"
    r"|(?P<embed>\[/?(?:button|caption|embed|gallery|video|audio|automerge|tweet|vc_\w+)\b)"
)
_PHRASE_MAX_WORDS = 45
_SHORT = 12
# Markdown a page dump (html2text) writes: bullets, headings, emphasis, quote marks.
_MARKUP = re.compile(r"^(?:[*+\-#>|_]+ *|\d{1,2}\. )+|[_*|]+$")
_BARE_STRIP = " .:!|<>\u00ab\u00bb\u2190\u2192-"
_BULLET = re.compile(r"\s*(?:[*+\-\u2022]|\d{1,2}\.)\s")
_HEADING = re.compile(r"\s*#{1,6}\s")
_SKIP = re.compile(r"(?i)skip to (?:the )?(?:main |primary )?(?:content|navigation|main)")
# Menu bullets that make a body a page dump: an article's own list is shorter.
_DUMP_BULLETS = 20
_FRAGMENT_WORDS = 20
_PROSE_END = frozenset('.!?"\u201d\u2019)')


def families(lines: Sequence[str], title: str | None, byline: str | None) -> list[str | None]:
    """The family of each line of ``lines`` (a body's non-blank lines), or None."""
    found: list[str | None] = [None] * len(lines)
    title_key = _key(html.unescape(title)) if title else ""
    byline_key = _key(byline) if byline else ""
    for index, text in enumerate(lines):
        found[index] = _family(text, title_key, byline_key)
    if lines and found[0] is None and _is_title_variant(lines[0], title_key):
        found[0] = TITLE
    dump = _is_page_dump(lines)
    if dump:
        for index, text in enumerate(lines):
            if found[index] is None and _is_menu_line(text):
                found[index] = MENU
    # A page dump wraps its prose: a wrapped line is not a headline.
    _spread(lines, found, 5 if dump else _FRAGMENT_WORDS)
    _spread_from_ends(lines, found)
    # A caption sits above its credit: "Crowds at the gate on Monday." / "Jane Doe/Reuters".
    for index in range(1, len(lines)):
        if found[index] == CREDIT and found[index - 1] is None:
            previous = lines[index - 1]
            if len(previous.split()) <= 60:
                found[index - 1] = CAPTION
    return found


def _spread_from_ends(lines: Sequence[str], found: list[str | None]) -> None:
    """What is above a repeated title, byline or dateline at the top is the page's head
    (a kicker, a section); what is below a "Comments" heading is the readers' comments
    ("Related" headings only spread to their links, which are fragments: see _spread)."""
    head = next((i for i in range(min(4, len(lines))) if found[i] in (TITLE, BYLINE, DATELINE)), 0)
    for index in range(head):
        if found[index] is None and len(lines[index].split()) <= _PHRASE_MAX_WORDS:
            found[index] = found[head]
    start = len(lines) // 4
    for index in range(start, len(lines)):
        if found[index] == COMMENTS and _is_foot_heading(lines[index]):
            for rest in range(index + 1, len(lines)):
                found[rest] = found[rest] or found[index]
            break


def _is_foot_heading(text: str) -> bool:
    """A heading over readers' comments: "Comments", "Top Rated Comments"."""
    bare = _MARKUP.sub("", normalize(text.strip())).strip(_BARE_STRIP)
    match = _WHOLE.fullmatch(bare) if len(bare) <= 60 else None
    return match is not None and match.lastgroup == "comments"


def _is_title_variant(text: str, title_key: str) -> bool:
    """The first line is the title without the site's name ("Title | Site") or with
    a headline's other wording of most of its words."""
    key = _key(text)
    if not title_key or len(key.split()) < 4 or text.rstrip()[-1:] in ".!":
        return False
    if title_key.startswith(key + " ") or title_key.endswith(" " + key):
        return True
    line_words, title_words = set(key.split()), set(title_key.split())
    shared = len(line_words & title_words)
    return shared >= 0.7 * len(line_words) and shared >= 0.6 * len(title_words)


def _spread(lines: Sequence[str], found: list[str | None], most_words: int) -> None:
    """Residue's neighbours that are not prose are residue too: the headlines under
    "Related", the name between a repeated title and a dateline."""
    for index in range(1, len(lines)):
        if (
            found[index] is None
            and found[index - 1] is not None
            and _is_fragment(lines[index], most_words)
        ):
            found[index] = found[index - 1]
    for index in range(len(lines) - 2, -1, -1):
        if (
            found[index] is None
            and found[index + 1] is not None
            and _is_fragment(lines[index], most_words)
        ):
            found[index] = found[index + 1]


def _is_fragment(text: str, most_words: int) -> bool:
    """A headline, a label or a link: short, and not ended like a sentence."""
    stripped = text.strip()
    n_words = len(stripped.split())
    return n_words <= 5 or (n_words <= most_words and stripped[-1] not in _PROSE_END)


def _is_page_dump(lines: Sequence[str]) -> bool:
    """A whole page converted to text: "Skip to content", or a dozen menu bullets."""
    if any(_SKIP.match(text.lstrip(" *#[")) for text in lines[:40]):
        return True
    bullets = headings = 0
    for text in lines:
        if _BULLET.match(text) and len(text.split()) <= 8:
            bullets += 1
        elif _HEADING.match(text):
            headings += 1
    # An article's own list is shorter, and a plain-text extractor writes no headings.
    return (bullets >= _DUMP_BULLETS and bullets * 5 >= len(lines)) or (
        bullets + headings >= 15 and headings >= 3
    )


def _is_menu_line(text: str) -> bool:
    """In a page dump: a bullet, a heading, a short line without a sentence's end."""
    n_words = len(text.split())
    if (_BULLET.match(text) or _HEADING.match(text)) and n_words <= 20:
        return True
    stripped = text.strip(" _*")
    return n_words <= 3 and bool(stripped) and stripped[-1] not in ".!?:;,"


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", normalize(text)).split())


def _quoted(plain: str, at: int) -> bool:
    """Whether ``at`` is inside a quotation ("the phrase 'all rights reserved'")."""
    return plain.count('"', 0, at) % 2 == 1 or plain.count("'", 0, at) % 2 == 1


def _is_dateline(plain: str) -> bool:
    # Not the attribution of an embedded post ("- Jane Doe (@jdoe) May 2, 2024"), nor a
    # date in brackets, nor a run of dates ("29 November 2018 | 20 January 2019").
    if plain[0] in "-(" or "(@" in plain:
        return False
    dates = _WHEN.findall(plain)
    if not dates or _DATE_WORDS.sub(" ", plain).split()[3:]:
        return False
    if _STAMP.search(plain):
        return True
    days = [date for date in dates if not _TIME_ONLY.fullmatch(date)]
    # "4:14 p.m." alone heads a live blog's entry; two dates and no time are a period.
    return len(days) == 1 or (len(days) > 1 and len(days) < len(dates))


def _family(raw: str, title_key: str, byline_key: str) -> str | None:
    text = raw.strip()
    n_words = len(text.split())
    if n_words > _PHRASE_MAX_WORDS:
        return None
    plain = _MARKUP.sub("", normalize(text)).strip()
    bare = plain.strip(_BARE_STRIP)
    if not bare:
        return None
    if n_words <= _SHORT:
        match = _WHOLE.fullmatch(bare)
        if match is not None:
            group = match.lastgroup
            return {
                "interface": INTERFACE,
                "embed": EMBED,
                "ad": AD,
                "social": SOCIAL,
                "comments": COMMENTS,
                "related": RELATED,
                "subscribe": SUBSCRIBE,
                "nav": INTERFACE,
            }.get(group or "", INTERFACE)
        key = _key(bare)
        if byline_key and key == byline_key:
            return BYLINE
        if _BYLINE.match(plain) or (
            _BY_NAME.match(plain) and plain[-1] not in ".!?" and n_words <= 10
        ):
            return BYLINE
        if text[-1] not in ".!?" and 2 <= n_words <= 8 and _ROLE.fullmatch(bare):
            return BYLINE
        if _is_dateline(plain):
            return DATELINE
        if (
            _CREDIT.search(plain)
            or _CREDIT_LEAD.fullmatch(text)
            or (text[-1] not in _PROSE_END and _SLASH_CREDIT.fullmatch(text.strip("()[] ")))
        ):
            return CREDIT
    if title_key and n_words >= 2 and _key(bare) == title_key:
        return TITLE
    if _LEAD.match(plain) or _TAG.search(plain):
        return RELATED
    if _BYLINE.match(plain):
        return BYLINE
    match = _PHRASE.search(plain)
    if match is not None and not _quoted(plain, match.start()):
        return {
            "subscribe": SUBSCRIBE,
            "cookie": COOKIE,
            "social": SOCIAL,
            "copyright": COPYRIGHT,
            "embed": EMBED,
            "byline": BYLINE,
            "ad": AD,
        }.get(match.lastgroup or "", INTERFACE)
    return None
