"""Stage 5a: how an attribution is made: its kind (direct, indirect, ...) and its channel.

:func:`kind` measures how much of the content is quoted; :func:`channel` finds the medium named
around the cue: an outlet ("NBC News"), a platform ("Twitter") or a kind of statement.
"""

from __future__ import annotations

import bisect
import re

from ._document import Attr, Doc
from ._lexicon import Lexicons, lexicons

__all__ = ["kind", "channel"]

#: interview, tell, told, statement, release, conference, briefing, speech, rally, hearing, debate, letter,
#: e-mail, tweet, post, video, op-ed, column, essay, book, memo, filing, podcast, town hall, forum, event, and
#: 'on X', 'to X', 'via X' after a word boundary (checked behind). The words are grouped by their first letter
#: (only whether one is found is read): at each letter of the text ``re`` tries one group, not every word
_CHANNEL_HINT_RE = re.compile(
    r"t(?:ell|old|weet|own hall|o(?<!\wto)\s+[A-Z])|s(?:tatement|peech)|interview|r(?:elease|ally)"
    r"|c(?:onference|olumn)|b(?:riefing|ook)|hearing|debate|letter|e(?:-?mail|ssay|vent)|p(?:ost|odcast)"
    r"|v(?:ideo|ia(?<!\wvia)\s+[A-Z])|o(?:p-?ed|n(?<!\won)\s+[A-Z])|memo|f(?:iling|orum)"
)
#: (pattern, group) in order of preference; the first three name an outlet or a person, the others a form. The
#: first three are ``\binterview...``, ``\b(?:told|telling|tells|tell)...`` and ``\b(?:on|to)...`` with the word
#: boundary checked behind the first letter (same matches): a pattern led by a letter lets ``re`` skip ahead to it
_CHANNEL_RES = [
    (re.compile(r"i(?<!\wi)nterview(?:s)?\s+(?:with|on|to)\s+(?:the\s+)?"
                r"((?:[A-Z][\w.&’'-]*\s*(?:of\s+|&\s+)?){1,5})"), 1),
    (re.compile(r"t(?<!\wt)(?:old|elling|ells|ell)\s+(?:the\s+)?((?:[A-Z][\w.&’'-]*\s*){1,5})"), 1),
    (re.compile(r"(?:o(?<!\wo)n|t(?<!\wt)o)\s+((?:[A-Z][\w.&’'-]*\s*){1,4})(?=[\s,.;]|$)"), 1),
    (re.compile(r"\bin\s+an?\s+(?:[\w-]+\s+){0,2}?(statement|interview|tweet|letter|e-?mail|speech|"
                r"op-?ed|press\s+release|news\s+release|news\s+conference|press\s+conference|"
                r"conference\s+call|video|blog\s+post|post|memo|filing|essay|column|book|briefing)\b", re.I), 1),
    (re.compile(r"\b(?:at|during)\s+an?\s+(?:[\w-]+\s+){0,2}?(rally|news\s+conference|press\s+conference|"
                r"briefing|hearing|debate|town\s+hall|speech|campaign\s+event|event|forum|fundraiser)\b",
                re.I), 1),
]
_PLATFORM_RE = re.compile(r"(?:o(?<!\wo)n|v(?<!\wv)ia)\s+(?:his|her|their|its|the)?\s*"  # \b(?:on|via), led by a letter
                          r"(Twitter|Facebook|Instagram|X|YouTube|Telegram|"
                          r"TikTok|Truth\s+Social)\b")


def kind(doc: Doc, a: Attr) -> str:
    """direct (all quoted), mixed, indirect (nothing quoted) or according_to."""
    if a.lemma == "according_to":
        return "according_to"
    if a.frame == "transcript":
        return "direct"  # a transcript or interview turn: the speaker's own words
    quoted = total = 0
    quotes, starts = doc.quotes, doc.q_starts
    for s, e in a.content:
        total += e - s
        i = bisect.bisect_left(starts, e) - 1
        while i >= 0 and quotes[i].end > s:
            quoted += min(e, quotes[i].end) - max(s, quotes[i].start)
            i -= 1
    if total == 0 or quoted <= 0:
        return "indirect"
    if quoted >= total - 3 * len(a.content):
        return "direct"
    return "mixed"


def channel(doc: Doc, a: Attr) -> str | None:
    """The medium named around the cue: an outlet, a platform or a kind of statement."""
    text = doc.text
    lex = lexicons()
    lo, hi = _window(doc, a)
    if not _CHANNEL_HINT_RE.search(text, lo, hi):
        return "Twitter" if a.lemma == "tweet" else None
    region = _without_content(text[lo:hi], a.content, lo, hi)
    named = _named_channel(region, lex)
    if named is not None:
        return named
    pm = _PLATFORM_RE.search(region)
    if pm:
        return lex.platforms.get(pm.group(1).lower(), pm.group(1))
    if a.lemma == "tweet":
        return "Twitter"
    return None


def _window(doc: Doc, a: Attr) -> tuple[int, int]:
    """Where to look: from the source (or cue) to the content after the cue, in the sentence."""
    si = doc.sentence_of(a.cue[0])
    ss, se, _ = doc.sents[si]
    lo = min(a.cue[0], a.source[0] if a.source else a.cue[0])
    hi = se
    for s, _e in a.content:
        if s > a.cue[1]:
            hi = min(hi, s)
            break
    if hi <= a.cue[1]:
        hi = min(se, a.cue[1] + 120)
    lo = max(ss, lo)
    return lo, hi


def _without_content(region: str, content: list[tuple[int, int]], lo: int, hi: int) -> str:
    """``region`` (``text[lo:hi]``) with the parts that are content blanked: they are not channels."""
    for s, e in content:
        if s < hi and e > lo:
            a_, b_ = max(s, lo) - lo, min(e, hi) - lo
            region = region[:a_] + " " * (b_ - a_) + region[b_:]
    return region


def _named_channel(region: str, lex: Lexicons) -> str | None:
    """The first channel of :data:`_CHANNEL_RES` found in ``region``, or None."""
    for k, (rx, g) in enumerate(_CHANNEL_RES):
        for m in rx.finditer(region):
            val = " ".join(m.group(g).split()).strip(" ,.")
            if not val:
                continue
            if k in (0, 1, 2):
                outlet = _outlet(val, k, lex)
                if outlet is not None:
                    return outlet
                continue
            return val.lower()
    return None


def _outlet(val: str, k: int, lex: Lexicons) -> str | None:
    """A platform, agency or outlet named by match ``val`` of pattern ``k`` (0, 1, 2), or None."""
    low = val.lower()
    if low in lex.platforms:
        return lex.platforms[low]
    mm = lex.media_name_re.fullmatch(val) or lex.media_name_re.match(val)
    ag = lex.agency_re.match(val)
    if ag and (k != 2):
        return lex.agency_of[ag.group().lower()]
    if mm:
        return mm.group()
    if k == 0:
        return val
    return None
