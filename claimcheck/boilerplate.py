"""Detect page furniture among the sentences of a scraped news article.

:func:`classify_boilerplate` gives every sentence span either ``None`` (news
content) or a short reason code:

``title``
    the article's headline repeated in the body, or a first headline-like line.
``photo_credit``
    ``Photo Credit: ...``, ``(AP Photo/...)``, ``Getty Images``, ``Name / Agency``.
``caption``
    image captions: ``Representative Image``, ``Buy Photo``, ``This undated photo ...``,
    ``Image 3 of 8 ...`` and the caption line right after a photo credit.
``navigation``
    ``Skip to content``, ``Advertisement``, ``Read more``, ``Related:``, ``WATCH: ...``.
``share``
    share/follow/subscribe/newsletter/cookie/copyright/app lines, hashtag lines.
``byline``
    ``By Jane Smith``, ``Staff writer``, ``X contributed to this report``, contact lines.
``timestamp``
    ``Published: ...``/``Updated ...`` lines and lines that are only a date or time.
``section_heading``
    a short title-case or all-caps line with no verb and no final punctuation,
    standing on its own line between paragraphs.

Everything is decided by general patterns; anything doubtful stays ``None``
because a false flag hides real news from the comparison.
"""

from __future__ import annotations

import re

from claimcheck.models import Span

from . import lexicon

__all__ = ["classify_boilerplate", "is_short_line", "outlet_owner", "repeated_line_keys", "REASONS"]

#: All reason codes this module can return.
REASONS: tuple[str, ...] = (
    "title",
    "embed",
    "photo_credit",
    "caption",
    "navigation",
    "share",
    "byline",
    "timestamp",
    "section_heading",
)

_I = re.IGNORECASE

# Cheap prefilter. A sentence is examined by the rules only when it is short (at most
# _SHORT_WORDS words), has no final punctuation, starts with punctuation other than a
# quote, has a colon near its start, starts with one of _START_PREFIXES (lowercased), or
# contains one of the _ANYWHERE_KEYS; a long ordinary sentence is skipped at once.
_SHORT_WORDS = 14
_START_PREFIXES: tuple[str, ...] = lexicon.entries("boilerplate_start_prefixes.txt")
#: Lowercased starts that matter only for short sentences (bylines, timestamps).
_SHORT_PREFIXES: tuple[str, ...] = lexicon.entries("boilerplate_short_prefixes.txt")
#: Lowercased ends of staff-title lines ("Associated Press Writer").
_ROLE_SUFFIXES: tuple[str, ...] = (
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "photographer",
    "photographers",
    "producer",
    "producers",
)
_ANYWHERE_KEYS: tuple[str, ...] = lexicon.entries("boilerplate_anywhere_keys.txt")

# ---------------------------------------------------------------- photo credits
_CREDIT_LABEL_RE = re.compile(
    r"^\(?\s*(?:(?:staff|file)\s+)?(?:photos?|images?|pictures?)\s*(?:credits?|courtesy)\b|"
    r"^\(?\s*(?:staff\s+)?photos?\s+(?:by|courtesy of)\b|^\(?\s*photos?\s*:|^credits?\s*:|"
    r"^courtesy(?:\s+of)?\b",
    _I,
)
_CREDIT_ANYWHERE_RE = re.compile(
    r"\((?:[^()]{0,40}\s)?(?:photos?|images?)\s*[:/][^()]{0,80}\)|\bAP Photo\b|"
    r"\bGetty Images\b|^(?:REUTERS|AFP|EPA)\s*/\s*[A-Z]|\bShutterstock\b|"
    r"\((?:REUTERS|Reuters|AFP|EPA|AP)\s*/\s*[A-Z][^()]*\)$",
)
_CREDIT_END_RE = re.compile(
    r"(?:\((?:AP|AFP|Reuters|REUTERS|EPA)\s+Photos?\b[^()]*\)|\|\s*(?:AP|AFP|Reuters|Getty Images|EPA))$"
)
_NAME = r"[A-Z][\w.'’-]*"
_CREDIT_SLASH_RE = re.compile(
    rf"^\|?\s*{_NAME}(?:\s+{_NAME}){{0,3}}\s*[/|]\s*(?:The\s+)?{_NAME}(?:[\s-]+{_NAME}){{0,4}}$"
)
_CREDIT_PIPE_RE = re.compile(rf"^\|\s*{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*[/,]\s*.{{0,40}})?$")

# ---------------------------------------------------------------- captions
_CAPTION_RE = re.compile(
    r"^(?:representative|file|stock|archive|archival|illustrative|illustration|generic|"
    r"handout|submitted|provided|contributed)\s+(?:image|photo|picture|pic|photograph)s?\b|"
    r"^buy\s+photo\b|^(?:file|screenshot|screengrab|handout|illustration)\s*(?:photo|image)?$|"
    r"^(?:image|picture|photo|slide)s?\s*\d+\s+of\s+\d+\b|"
    r"^(?:in\s+)?this\s+(?:[\w.,-]+\s+){0,6}(?:photo|photograph|image|picture|"
    r"video\s+(?:still|grab|frame|image))(?![-\w])|"
    r"^(?:images?|pictures?)\s*:|^pictured\b|^\(?file\s*(?:photo)?\)?$",
    _I,
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ENDS_WITH_DATE_RE = re.compile(rf"\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\)?$")

# ---------------------------------------------------------------- navigation
_NAV_STRONG_RE = re.compile(
    r"^(?:[►»>▶•|+\s]*)(?:" + lexicon.alternatives("boilerplate_navigation_strong.txt") + ")",
    _I,
)
_NAV_COLON_RE = re.compile(
    r"^(?:[►»>▶•+\s]*)(?:" + lexicon.alternatives("boilerplate_navigation_labels.txt") + r")\s*[:►»|]",
    _I,
)
#: Whole lines (lowercased, without final ``.:!``) that are navigation widgets.
_NAV_ALONE: frozenset[str] = lexicon.words("boilerplate_navigation_lines.txt")
_CLICK_HERE_RE = re.compile(r"\bclick (?:here|the link)\b", _I)

# ---------------------------------------------------------------- share / legal
#: Whole lines (lowercased, without final ``.:!``) that are share buttons.
_SHARE_ALONE: frozenset[str] = lexicon.words("boilerplate_share_lines.txt")
_ALONE: frozenset[str] = _NAV_ALONE | _SHARE_ALONE
_SHARE_START_RE = re.compile(
    r"(?:subscribe\b|sign up|sign in|log in|login\b|register now|get (?:the|our) (?:\w+ )?(?:app|newsletter)|"
    r"download (?:the |our )?(?:\w+ )*?apps?\b|for live updates|join the conversation|like us on|"
    r"follow us\b)|"
    r"follow\s+(?:@|.{0,40}\bon\s+(?:twitter|facebook|instagram|tiktok|youtube|x)\b)|"
    r"follow\b.{0,30}:$|"
    r"(?:©|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|\(c\)|(?:19|20)\d\d)|all rights reserved)",
    _I,
)
_SHARE_ANY_RE = re.compile(
    r"(?:sign up|subscribe|get|receive)\b.{0,40}\bnewsletters?\b|"
    r"\bnewsletters?\b.{0,30}\b(?:sign up|subscribe|inbox)\b|"
    r"\bcookies?\b.{0,80}\b(?:accept|policy|consent|settings|browser|enable|agree)|"
    r"\b(?:we|this (?:site|website)) uses? cookies\b|"
    r"\bby (?:continuing|using) (?:to use )?(?:this|our) (?:site|website)|"
    r"©\s*(?:copyright\s*)?(?:19|20)\d\d|all rights reserved|"
    r"may not be (?:re)?published, broadcast|privacy policy|terms of (?:use|service)",
    _I,
)
_SHARE_ANY_KEYS: tuple[str, ...] = (
    "newsletter",
    "cookie",
    "by continuing",
    "by using",
    "©",
    "rights reserved",
    "may not be",
    "privacy policy",
    "terms of",
)
_HASHTAG_RE = re.compile(r"(?:^|\s)#\w+")

# ---------------------------------------------------------------- bylines
_BY_NAME = r"(?:[A-Z][\w.'’-]*|de|del|della|da|van|von|der|la|le|bin|al|el)"
_BYLINE_NOT_NAMES = lexicon.alternatives("byline_not_names.txt")
_BYLINE_RE = re.compile(
    rf"^By:?\s+(?!(?:{_BYLINE_NOT_NAMES})\b)"
    rf"[A-Z][\w.'’-]*(?:\s+{_BY_NAME}){{0,4}}"
    rf"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+{_BY_NAME}){{0,4}}){{0,3}}"
    rf"(?:\s*[,|/–—-]\s*(?:[A-Z][\w.'’&-]*|of|the|and|for|at|in)"
    rf"(?:\s+(?:[A-Z][\w.'’&-]*|of|the|and|for|at|in))*)?\s*$"
)
_BYLINE_WITH_RE = re.compile(
    r"With\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}"
    r"(?:\s*(?:,|and)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})*$"
)
_BYLINE_ROLE_RE = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){0,4}(?:(?:staff|senior|contributing|special|investigative)\s+)?"
    r"(?:writer|reporter|correspondent|photographer|producer)s?\.?$",
    _I,
)
_BYLINE_CONTRIB_RE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s+contributed\.?$")
# "Megan Guza is a Tribune-Review staff writer." and "NBC 7's Omari Fleming reports."
_BYLINE_IS_RE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s+is\s+an?\s+(?:[A-Z][\w.'’&-]*\s+){0,4}"
    r"(?:(?:staff|senior|contributing|special|freelance|investigative)\s+)?"
    r"(?:writer|reporter|correspondent|photographer|producer|editor)\b[^.!?]*[.!?]?$"
)
_BYLINE_CREDIT_RE = re.compile(
    r"(?:[A-Z0-9][\w.&-]*\s+){0,3}[A-Z0-9][\w.&-]*['’]s\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,2}"
    r"\s+(?:reports|reported|has more|has the story)\.?$"
)
_BYLINE_START_RE = re.compile(
    r"\(?(?:additional )?(?:reporting|writing|editing)(?: and (?:reporting|writing|editing))? by\b|"
    r"(?:with contributions from|written by|posted by|reported by|compiled by)\b|"
    r"(?:e-?mail|contact|reach)(?: the)?(?: reporter| writer| \w+)?\s*(?:at|:)?\s*\S+@|"
    r"(?:e-?mail|twitter)\s*:\s*\S*@",
    _I,
)
_CONTRIBUTED_RE = re.compile(r"\bcontributed (?:to )?(?:this |the )?(?:report|story|article)\b", _I)

# ---------------------------------------------------------------- timestamps
_TIME = r"\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?|AM|PM)?(?:\s+[A-Z]{2,4})?"
_DAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_DATE = rf"(?:{_DAY}?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?|{_MONTH}\s+(?:19|20)\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
_TIMESTAMP_RE = re.compile(
    rf"^\(?(?:(?:originally |first )?published|(?:first )?posted|updated|last updated|original post|created|"
    rf"modified|update)\b\s*(?:on|at|@)?\s*:?\s*(?:{_DAY}|{_DATE}|{_TIME}|\d+\s+\w+\s+ago)|"
    rf"^\(?{_DAY}?{_DATE}(?:,?\s+(?:at\s+)?{_TIME})?\)?$|^\(?{_TIME}\)?$",
    _I,
)

_DATETIME_ANY_RE = re.compile(rf"{_DAY}|{_DATE}|{_TIME}|\b\d+\s+\w+\s+ago\b", _I)
_TIMESTAMP_LABELS: frozenset[str] = lexicon.words("boilerplate_timestamp_labels.txt")


def _is_bare_timestamp(sentence: str) -> bool:
    """Return True if, without its dates, times and labels, hardly anything is left.

    :param sentence: a sentence that starts like a timestamp.
    :return: whether it holds no news besides the timestamp.
    """
    rest = _DATETIME_ANY_RE.sub(" ", sentence)
    words = [w for w in _WORD_RE.findall(rest) if w.lower() not in _TIMESTAMP_LABELS]
    return len(words) <= 2


# ---------------------------------------------------------------- headings
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_MINOR_WORDS: frozenset[str] = lexicon.words("heading_minor_words.txt")
_VERB_WORDS: frozenset[str] = lexicon.words("heading_verb_words.txt")
_TERMINAL = ".!?:;,…\"'”’)"
_ALONE_STRIP = " .:!…"
_QUOTES = "\"'“”‘’«»"
_NON_WORD_CHARS = " \t\n\"'“”‘’«»()[]{}-–—:;,.!?*•►»|"
_HSPACE = " \t\r\f\v\u00a0"
_NORM_RE = re.compile(r"[\W_]+")
_DIGITS_RE = re.compile(r"\d+")
_SPACES_RE = re.compile(r"\s+")
_HEADING_BAD_RE = re.compile(r"[,:;@/|\d\[\]]|--")
_LIST_MARK_RE = re.compile(r"^(?:[-+*•·▪►◦‣–—]|\d{1,3}[.)])\s")


def _norm(text: str) -> str:
    """Lowercase ``text`` and reduce it to words separated by single spaces.

    :param text: any text.
    :return: the normalised text.
    """
    return _NORM_RE.sub(" ", text.lower()).strip()


def _is_title(sentence: str, norm_title: str) -> bool:
    """Return True if ``sentence`` repeats the headline (allowing a cut or a suffix).

    :param sentence: the sentence text.
    :param norm_title: the normalised title.
    :return: whether the sentence is the title.
    """
    norm = _norm(sentence)
    if norm == norm_title:
        return True
    if len(norm) < 20 or len(norm_title) < 20:
        return False
    # A headline with a suffix ("... | City News") or cut short; a full sentence that merely
    # opens with the headline's words ("Floods hit the valley. " -> "Floods hit the valley,
    # killing 31.") is the lede, not furniture.
    if sentence.rstrip().endswith((".", "!", "?")) and norm.startswith(norm_title):
        return False
    return norm.startswith(norm_title) or norm_title.startswith(norm)


def _own_line(text: str, start: int, end: int) -> bool:
    """Return True if the span ``[start, end)`` fills its line.

    :param text: the article text.
    :param start: span start.
    :param end: span end.
    :return: whether only horizontal whitespace surrounds the span on its line.
    """
    i = start - 1
    while i >= 0 and text[i] in _HSPACE:
        i -= 1
    if i >= 0 and text[i] != "\n":
        return False
    n = len(text)
    j = end
    while j < n and text[j] in _HSPACE:
        j += 1
    return j >= n or text[j] == "\n"


def _line_of(text: str, start: int, end: int) -> str:
    """Return the full line holding the span, stripped.

    :param text: the article text.
    :param start: span start.
    :param end: span end.
    :return: the text of that line.
    """
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    if b < 0:
        b = len(text)
    return text[a:b].strip()


def _is_heading(sentence: str) -> bool:
    """Return True for a short title-case/all-caps phrase without a verb.

    :param sentence: the candidate line (already known to have no final punctuation).
    :return: whether it looks like a section heading.
    """
    words = _WORD_RE.findall(sentence)
    if not words or len(sentence.split()) > 8 or _LIST_MARK_RE.match(sentence):
        return False
    if sentence[0] in "\"'“‘([" or _HEADING_BAD_RE.search(sentence):
        return False  # quotes, "Name, 29, of Town" entries, "Field: value" rows, numbers
    letters = sum(len(w) for w in words)
    if letters * 2 < len(sentence.replace(" ", "")):
        return False  # mostly digits or symbols
    all_caps = sentence.upper() == sentence
    for w in words:
        low = w.lower()
        if low in _VERB_WORDS:
            return False
        if not all_caps and not w[0].isupper() and low not in _MINOR_WORDS:
            return False
    return True


def _classify_one(
    sentence: str, low: str, text: str, span: Span, prev_reason: str | None
) -> str | None:
    """Classify one sentence by its own content (title/heading rules excluded).

    :param sentence: ``text[span.start:span.end]``.
    :param low: ``sentence`` lowercased (used to gate the unanchored searches).
    :param text: the article text.
    :param span: the sentence span.
    :param prev_reason: reason given to the previous sentence.
    :return: a reason code or None.
    """
    n_words = sentence.count(" ") + 1
    has_slash = "/" in sentence or "|" in sentence
    if n_words <= 25 and (
        _CREDIT_LABEL_RE.match(sentence)
        or (
            (
                has_slash
                or "photo" in low
                or "image" in low
                or "getty" in low
                or "shutterstock" in low
            )
            and _CREDIT_ANYWHERE_RE.search(sentence)
        )
        or (
            n_words <= 8
            and has_slash
            and (_CREDIT_SLASH_RE.match(sentence) or _CREDIT_PIPE_RE.match(sentence))
        )
    ):
        return "photo_credit"
    if (has_slash or ")" in sentence[-2:]) and _CREDIT_END_RE.search(
        sentence, max(0, len(sentence) - 90)
    ):
        return "photo_credit" if n_words <= 8 else "caption"
    if _CAPTION_RE.match(sentence):
        return "caption"
    if _NAV_STRONG_RE.match(sentence):
        return "navigation"
    if n_words <= 20 and (
        _NAV_COLON_RE.match(sentence) or ("click" in low and _CLICK_HERE_RE.search(sentence))
    ):
        return "navigation"
    if n_words <= 5:
        bare = low.rstrip(_ALONE_STRIP)
        if bare in _NAV_ALONE:
            return "navigation"
        if bare in _SHARE_ALONE:
            return "share"
    if n_words <= 40 and (
        _SHARE_START_RE.match(sentence)
        or (any(k in low for k in _SHARE_ANY_KEYS) and _SHARE_ANY_RE.search(sentence))
    ):
        return "share"
    if "#" in sentence:
        tags = len(_HASHTAG_RE.findall(sentence))
        if tags >= 2 and tags * 2 >= n_words:
            return "share"
    if n_words <= 14 and (
        (low.startswith("by") and _BYLINE_RE.match(sentence))
        or (low.startswith("with ") and _BYLINE_WITH_RE.match(sentence))
        or (low.rstrip(".").endswith(_ROLE_SUFFIXES) and _BYLINE_ROLE_RE.match(sentence))
        or ("contributed" in low and _BYLINE_CONTRIB_RE.match(sentence))
        or (" is a" in low and _BYLINE_IS_RE.match(sentence))
        or (("’s " in low or "'s " in low) and _BYLINE_CREDIT_RE.match(sentence))
        or _BYLINE_START_RE.match(sentence)
    ):
        return "byline"
    if n_words <= 25 and "contribut" in low and _CONTRIBUTED_RE.search(sentence):
        return "byline"
    if n_words <= 14 and _TIMESTAMP_RE.match(sentence) and _is_bare_timestamp(sentence):
        if prev_reason in ("photo_credit", "caption"):
            return "caption"
        return "timestamp"
    if prev_reason == "photo_credit" and n_words <= 40:
        line = _line_of(text, span.start, span.end)
        if _ENDS_WITH_DATE_RE.search(line):
            return "caption"
    return None


def classify_boilerplate(
    text: str, spans: list[Span], title: str | None = None
) -> list[str | None]:
    """Classify each sentence span as news content (None) or page furniture.

    :param text: the article text.
    :param spans: sentence spans of ``text`` (as from :func:`segment_text`).
    :param title: the article's headline, if known.
    :return: one entry per span: None or a reason code from :data:`REASONS`.
    """
    norm_title = _norm(title) if title else ""
    title_head = title.lower().lstrip(_NON_WORD_CHARS)[:6] if title else ""
    low_text = text.lower()
    if len(low_text) != len(text):  # lowercasing changed lengths: offsets unusable
        low_text = text
    keys = tuple(k for k in _ANYWHERE_KEYS if k in low_text)
    out: list[str | None] = []
    prev: str | None = None
    seen_content = False
    last = len(spans) - 1
    for idx, span in enumerate(spans):
        s = text[span.start : span.end]
        low = low_text[span.start : span.end].lower()
        reason: str | None = None
        final = s[-1] in _TERMINAL
        if (
            title_head
            and low.lstrip(_NON_WORD_CHARS).startswith(title_head)
            and _is_title(s, norm_title)
        ):
            reason = "title"
        elif (
            not final
            or (not low[0].isalnum() and low[0] not in _QUOTES)
            or low.startswith(_START_PREFIXES)
            or ":" in low[:24]
            or (keys and any(k in low for k in keys))
            or prev == "photo_credit"
            or (
                s.count(" ") < _SHORT_WORDS
                and (
                    low.rstrip(_ALONE_STRIP) in _ALONE
                    or low[0].isdigit()
                    or low.startswith(_SHORT_PREFIXES)
                    or low.rstrip(".").endswith(_ROLE_SUFFIXES)
                )
            )
        ):
            reason = _classify_one(s, low, text, span, prev)
        if (
            reason is None
            and not final
            and idx < last
            and s.count(" ") < 20
            and _own_line(text, span.start, span.end)
        ):
            if not seen_content:
                reason = "title"
            elif _is_heading(s):
                reason = "section_heading"
        if reason is None:
            reason = _embed_or_teaser(s)
        if reason is None:
            seen_content = True
        out.append(reason)
        prev = reason
    if "[…]" in text or "[...]" in text:
        _flag_truncated_teasers(text, spans, out)
    return out


def _flag_truncated_teasers(text: str, spans: list[Span], out: list[str | None]) -> None:
    """A paragraph cut off with "[…]" is a teaser for another page: all of it is navigation."""
    for idx, span in enumerate(spans):
        if out[idx] is not None:
            continue
        line_end = text.find("\n", span.end)
        line_end = len(text) if line_end == -1 else line_end
        line_start = text.rfind("\n", 0, span.start) + 1
        if text[line_start:line_end].rstrip().endswith(("[…]", "[...]")):
            out[idx] = "navigation"


# An embedded social-media post: "pic.twitter.com/…", or "— Name (@handle) May 5, 2017".
_EMBED_RE = re.compile(
    r"pic\.twitter\.com/|\(@\w{2,}\)\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*$|"
    r"^\S*@\w+\s+pic\.|instagram\.com/p/"
)
# A photo-gallery caption: "Photo: Jane Roe Image 3 of 14 Police investigate ..."
_GALLERY_RE = re.compile(r"\bImage\s+\d+\s+of\s+(?:/\s*)?\d+\b")
# A teaser for another page: a short line led by an all-caps label and a colon
# ("MUGSHOTS: June 2016 Roundup", "VIDEO: Watch the press conference").
_TEASER_RE = re.compile(r"^(?:>>\s*)?[A-Z]{3,}(?:\s+[A-Z]{2,})?:\s+\S")


def _embed_or_teaser(sentence: str) -> str | None:
    if ("@" in sentence or "twitter" in sentence or "instagram" in sentence) and _EMBED_RE.search(
        sentence
    ):
        return "embed"
    if "Image " in sentence and _GALLERY_RE.search(sentence):
        return "caption"
    if (
        ":" in sentence[:30]
        and len(sentence.split()) <= 10
        and not sentence.rstrip().endswith((".", "!", "?", '"', "”"))
        and _TEASER_RE.match(sentence)
    ):
        return "navigation"
    return None


def repeated_line_keys(text: str, spans: list[Span]) -> list[str]:
    """Return a normalised key per sentence for finding lines repeated across articles.

    The key is lowercased, every run of digits becomes ``0`` and every run of
    whitespace a single space.

    :param text: the article text.
    :param spans: sentence spans of ``text``.
    :return: one key per span.
    """
    keys: list[str] = []
    for span in spans:
        s = text[span.start : span.end].lower()
        s = _DIGITS_RE.sub("0", s)
        keys.append(_SPACES_RE.sub(" ", s).strip())
    return keys


def is_short_line(sentence: str) -> bool:
    """Return True if ``sentence`` has at most 12 words.

    :param sentence: a sentence text.
    :return: whether it is short enough to be a candidate footer/furniture line.
    """
    return len(sentence.split()) <= 12


#: Second-level labels under a country code that belong to the suffix, not the owner
#: ("bbc.co.uk" is owned by "bbc.co.uk", not "co.uk").
_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go".split())


def outlet_owner(outlet: str) -> str:
    """The site an outlet belongs to, so that one owner's page furniture is seen together.

    Stations of one group publish under one domain ("chicago.cbslocal.com" and
    "pittsburgh.cbslocal.com" both end their stories with the same copyright lines); an
    outlet that is not a host name is its own owner.

    :param outlet: an outlet name or host name.
    :return: the registrable domain of a host name (lowercased), else the outlet itself.
    """
    host = outlet.strip().lower()
    if " " in host or "." not in host:
        return outlet
    host = host.split("/")[0].split(":")[0].removeprefix("www.")
    labels = [p for p in host.split(".") if p]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
