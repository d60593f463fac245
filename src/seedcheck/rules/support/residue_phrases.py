"""The phrase families and line shapes of extractor residue, compiled once.

Each family is one compiled alternation, matched once per line; the named group that
matched is the family. :mod:`seedcheck.rules.support.residue_lines` decides with them
which lines are residue.
"""

from __future__ import annotations

import re

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

NETWORKS = (
    r"twitter|facebook|instagram|linkedin|pinterest|whatsapp|reddit|tiktok|youtube|threads"
    r"|bluesky|mastodon|telegram|flipboard|tumblr|snapchat|x"
)
# Lines that are nothing but one of these (normalised, markup and end punctuation off).
WHOLE = re.compile(
    r"(?P<interface>skip to (?:the )?(?:main |primary )?(?:content|navigation|main|search"
    r"|footer|article)\b.*|skip navigation|jump to (?:content|navigation)"
    r"|(?:main |site |open |close |toggle )?(?:menu|navigation|search)"
    r"|search this site"
    r"|home(?:page)?|sign ?in|log ?in|log ?out|my account|close|back|next|previous|prev"
    r"|more|less|show (?:more|less|all)|see (?:more|all)|view (?:more|all)|load more"
    r"|read (?:less|full (?:story|article))|expand|collapse|scroll to top|back to top"
    r"|print(?: this (?:article|page|story))?|e-?mail(?: this (?:article|page|story))?"
    r"|text size|font size|a-? ?a\+?|listen(?: to (?:this )?(?:article|story))?"
    r"|(?:\d+ )?min(?:ute)?s? read|\d+ min(?:ute)?s?|reading time.{0,20}|loading(?: \.\.\.)?"
    r"|(?:international|us|uk|global) edition"
    r"|forgot (?:your )?password\??|remember me|lost your password\??"
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
    r"|(?P<social>share(?: this(?: article| story| page)?)?|share on .{1,20}"
    r"|tweet(?: this)?|pin(?: it)?"
    rf"|copy link|link copied|copied|like this|like loading(?: \.\.\.)?|(?:{NETWORKS})"
    rf"|(?:{NETWORKS})(?:[ ,|/]+(?:{NETWORKS}|e-?mail|print))+|follow (?:us|me)"
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
    r"|(?:.{1,40} )?newsletter)"
    r"|(?P<nav>privacy(?: policy)?|terms(?: of (?:use|service))?|terms (?:&|and) conditions"
    r"|cookie (?:policy|settings)|contact(?: us)?|about(?: us)?|careers|advertise(?: with us)?"
    r"|sitemap|site map|accessibility|help|faq|rss|archives?|tags?|topics?|categories"
    r"|filed under.{0,80}|posted in .{1,60}|work with us|corrections)",
)
# Words that start a link line: "Related: …", "Read more: …", "See more: …", "[Related: …]".
LEAD = re.compile(
    r"\[?(?:related(?: post| article| story| content| coverage| video)?s?"
    r"|read more|see more|more|also|see also|read also|also read|watch|listen|more on .{1,40}"
    r"|don't miss|must read|read next|up next|recommended|trending|popular)\s?:"
    r"|also on [\w.-]+\.\w+|\[ ?(?:related|read more|see also)\b"
)
# A headline's trailing tag as news pages link them: "… [VIDEO]", "… [ INSIGHT]|".
TAG = re.compile(r"\[ ?(?:video|pictures|photos|latest|analysis|poll|live|more)\]\W*$")
# A line crediting people in the body: "By Jane Doe", "Posted by admin", "(Reporting by …".
BYLINE_LEAD = re.compile(
    r"\(?(?:additional )?(?:reporting|writing|editing|research|compiled|written|posted|words"
    r"|text|photos?|story|produced) by\b|by ?,"
)
BY_NAME = re.compile(
    r"(?:by|von|par|por) (?!(?:the|a|an|then|now|contrast|comparison|far|way|law|mid-?|early"
    r"|late|next|last|this|that|these|those|using|doing|making|taking|2\d|1\d|\d)\b)"
    r"(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|christmas|noon"
    r"|midnight|tonight|tomorrow)\b)\S"
)
# A reporter's role as a line of its own: "Jane Doe, AP Auto Writer", "Opinion Columnist".
ROLE = re.compile(
    r"(?:.{0,60}, )?(?:the )?(?:[a-z.]+ ){0,3}(?:writer|reporter|correspondent|columnist"
    r"|editor|contributor|journalist|photographer|staff|wire services|wire reports)s?"
)
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b\.?"
)
# A date or a time: what a dateline is made of.
WHEN = re.compile(
    rf"\b(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?: ?[ap]\.?m\.?)?|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|{MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? {MONTH},? \d{{4}}|{MONTH} \d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d+ (?:sec|second|min|minute|hour|hr|day|week|month|year)s? ago|\d+[hmd] ago)\b"
)
# What makes a time a timestamp: "Updated 4:14 p.m.", "9:24 pm ET", "2 days ago".
STAMP = re.compile(
    r"\b(?:updated?|published|posted|modified|ago|est|edt|cst|cdt|pst|pdt|pt|et|gmt|utc|bst"
    r"|cet|cest|ist|jst|aest)\b"
)
TIME_ONLY = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?")
# Everything a dateline may hold besides the date: removed before counting what is left.
DATE_WORDS = re.compile(
    rf"\b(?:{MONTH}|{WEEKDAY}|\d+(?:st|nd|rd|th)?|[ap]\.?m\.?|est|edt|cst|cdt|pst|pdt|pt|et"
    r"|gmt|utc|bst|cet|cest|ist|jst|aest|updated?|published|posted|last|first|modified|on|at"
    r"|ago|today|yesterday|hours?|mins?|minutes?|days?|de|of|the)\b|[^\w\s]"
)
# Photo credits and captions: agencies, "Photo:", "Image credit", "Name/Agency".
CREDIT_MARK = re.compile(
    r"getty(?: images)?|shutterstock|istock(?:photo)?|alamy|\bap photo\b|\bap images\b"
    r"|reuters/|/reuters\b|\bafp/|/afp\b|\bepa/|/epa\b|\bpa (?:media|wire|images)\b"
    r"|via getty|credit ?\.\.\."
    r"|\b(?:image|photo|picture) (?:credit|courtesy)|courtesy (?:of )?[\w.' -]{1,40}$"
    r"|^\((?:photo|image|picture)\b|^(?:cover|main|top|header|featured|lead) (?:image|photo)"
    r"|^(?:image|photo|media) caption\b|^caption:|file photo|\bhandout\b|\(ap\)$|(?:/|, )ap$"
)
# "Photo: Jane Doe, AP", "Image: Reuters", on the text as written: a name, not a sentence
# ("Photo: the footbridge seen from the east bank." is a caption the article may keep).
CREDIT_LEAD = re.compile(
    r"(?i:photo(?:graph)?s?|images?|pictures?|credits?|(?:image|photo) credit)"
    r" ?: ?[A-Z\u00c0-\u00de][^.!?]*"
)
# "Jason Cipriani/ZDNet", "Sakib Ali/Hindustan Times/Getty Images", on the text as written.
SLASH_CREDIT = re.compile(
    r"[A-Z][\w.'\u2019&-]*(?: [A-Z][\w.'\u2019&-]*){0,3} ?/ ?[A-Z][\w.'\u2019&-]*"
    r"(?:[ /][A-Z][\w.'\u2019&-]*){0,5}"
)
# Phrases searched in a line of modest length: a sign-up box, a cookie banner, a share
# prompt, a reader's contact line, a copyright notice.
PHRASE = re.compile(
    r"(?P<subscribe>(?:sign up|subscribe|register|join|get|keep an eye on|stay on top"
    r"|enter your e-?mail)\b.{0,80}\b(?:newsletters?|inbox|e-?mail alerts|subscription)\b"
    r"|thanks for (?:signing up|subscribing)"
    r"|delivered (?:to|through|in) your (?:inbox|letterbox|door)|^subscribe to\b"
    r"|\bsubscribe (?:now|today|here)\b)"
    r"|(?P<cookie>^(?:we|this (?:web)?site|our (?:web)?site|this page) uses? cookies"
    r"|^by (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:web)?site"
    r"|(?:accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent))$)"
    rf"|(?P<social>follow (?:him|her|me|us|them|@\w+|[\w.' ]{{1,40}}?) on (?:{NETWORKS})\b"
    r"|share (?:this|it|the story|this story|this article) (?:with|on)\b"
    r"|like this (?:story|article)\?"
    r"|click to share|may be reached at|can be reached at|reach (?:him|her|them) at)"
    r"|(?P<byline>contributed (?:reporting|research|to (?:this|the) (?:report|story|article)))"
    r"|(?P<ad>^click here\b|\bclick(?:ing)? here$)"
    r"|(?P<copyright>^(?:\u00a9|\u24d2|\(c\) ?\d{4}|copyright\b.{0,60}\d{4})|\u00a9 ?\d{4}"
    r"|all rights reserved)"
    r"|(?P<embed>\[/?(?:button|caption|embed|gallery|video|audio|tweet|vc_\w+)\b)"
)
# Every PHRASE pattern holds one of these: a cheap test that spares the search on nearly
# every line of article text.
PHRASE_HINTS = (
    "sign up",
    "subscri",
    "register",
    "join",
    "get ",
    "keep an eye",
    "stay on top",
    "e-mail",
    "email",
    "thanks for",
    "deliver",
    "cookie",
    "by continuing",
    "by using",
    "follow",
    "share",
    "like this",
    "reach",
    "contributed",
    "\u00a9",
    "\u24d2",
    "(c)",
    "copyright",
    "rights reserved",
    "[",
    "click",
)
# A copyright sign before a name and nothing else ("\u00a9 Jane Doe", "\u00a9 Reuters"):
# a credit for a photo or the text, not a site's notice, which names a year, a company
# or its rights ("\u00a9 2024 Acme Media Ltd. All rights reserved").
BARE_COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)|copyright \u00a9?) ?(?!.*\b(?:rights|reserved|inc|llc|ltd|limited"
    r"|corp|plc|gmbh|media|network|newspapers?|group|company)\b)[^\d|]{1,40}"
)
PHRASE_MAX_WORDS = 45
SHORT = 12
# Markdown a page dump (html2text) writes: bullets, headings, emphasis, quote marks.
MARKUP = re.compile(r"^(?:[*+\-#>|_]+ *|\d{1,2}\. )+|[_*|]+$")
BARE_STRIP = " .:!|<>\u00ab\u00bb\u2190\u2192-"
MARKUP_START = frozenset("*+-#>|_0123456789")
BULLET = re.compile(r"\s*(?:[*+\-\u2022]|\d{1,2}\.)\s")
HEADING = re.compile(r"\s*#{1,6}\s")
SKIP = re.compile(r"(?i)skip to (?:the )?(?:main |primary )?(?:content|navigation|main)")
