"""Phrases around a cue, shared by the frames: the grammar of the rules.

Regular expressions for time, channel and audience phrases ("on Tuesday", "in an interview with NBC
News", "to reporters"), complements ("that ...", a quotation), indirect objects ("told reporters"),
and the helpers that read a span: :func:`strip_span`, :func:`trim_content_end`,
:func:`skip_adverbials`, and the noun phrase left of a cue (:func:`np_left`, a subject) or right of
it (:func:`np_right`, an inverted source). The words these patterns are made of are grammar, not
vocabulary; the vocabularies are in ``attribution_words.yaml`` (see :mod:`._lexicon`).
"""

from __future__ import annotations

import re

from ...text import DOTTED_TOKEN_RE, HYPHEN_TOKEN_RE
from ._lexicon import word_lists

__all__ = ["SOURCE_STRIP", "OPENERS", "TOKEN_RE", "WORD_RE", "WORD_CHAR_RE", "TIME_ONLY_RE", "ADVERBIAL_RE",
           "COMPLEMENT_RE", "QUOTE_START_RE", "OBJECT_RE", "LEADING_JUNK_RE", "DATELINE_RE", "AGENCY_DATELINE_RE",
           "leading_junk", "strip_span", "last_of",
           "trim_content_end", "skip_adverbials", "first_word", "np_left", "np_right", "FRONTED_OPENERS",
           "fronted_adverbial", "after_fronted"]

#: Characters stripped from both ends of a source span.
SOURCE_STRIP = " \t\n\r\u00a0,;:—–-'\"“”‘’«»"
#: Opening quotation marks (a string: ``"" in OPENERS`` is true, which some rules rely on).
OPENERS = "\"“«„‘"

TOKEN_RE = HYPHEN_TOKEN_RE  # a word with its apostrophes and hyphens ("O’Brien", "al-Assad")
WORD_RE = DOTTED_TOKEN_RE  # the same with periods and ampersands ("Sen.", "AT&T")
WORD_CHAR_RE = re.compile(r"\w")

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_TIME = (
    rf"(?:(?:on\s+|late\s+|early\s+|by\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:on|in|since|by)\s+{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{1,2}}"
    r"|today|tonight|yesterday|recently|earlier|later|afterwards?|again|then|now|too|also|once|previously"
    r"|(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:week|month|year|day|morning|evening)"
    r"|(?:last|this|next|that|the\s+same|the\s+previous|the\s+following)\s+(?:week|weekend|month|year|night|"
    r"morning|afternoon|evening|day|spring|summer|fall|autumn|winter|time|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)"
    r"|in\s+(?:\d{4}|the\s+past|recent\s+(?:days|weeks|months|years))"
    r"|at\s+the\s+time|at\s+one\s+point|in\s+part|in\s+(?:a|an)\s+\w+\s+(?:tone|voice)"
    r"|(?:a\s+(?:day|week|month|year)|\w+\s+(?:days|weeks|months|years|hours))\s+(?:ago|later|earlier|before)"
    r"|[a-z]+ly)"
)
_CHANNEL = (
    r"(?:in|during|on|at|via|through|from|over)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+|one\s+)?"
    r"(?:(?:\w+[-\s]){0,3}?)"
    r"(?:interview|statement|speech|address|remarks|letter|e-?mail|tweet|post|message|video|op-?ed|"
    r"column|essay|article|book|memo|filing|press\s+release|release|news\s+release|news\s+conference|"
    r"press\s+conference|conference\s+call|briefing|rally|event|debate|hearing|testimony|appearance|"
    r"town\s+hall|forum|call|phone\s+call|podcast|broadcast|show|program|programme|blog|blog\s+post|"
    r"campaign\s+stop|fundraiser|meeting|summit|session|floor\s+speech|radio\s+interview|"
    r"television\s+interview|TV\s+interview|phone\s+interview|telephone\s+interview|announcement|"
    r"Twitter|Facebook|Instagram|X|YouTube|Telegram|TikTok|Truth\s+Social|social\s+media|"
    r"(?:a\s+)?(?:Twitter|Facebook|Instagram)\s+post)"
    r"(?:[-\s](?:message|post|statement|interview|address|conference|call|release|appearance|clip|link))?"
    r"(?:\s+(?:with|to|on|at|in|for|before|from|by|about|posted|published|aired|broadcast)\s+"
    r"(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?(?:[A-Z][\w.&’'-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w.&’'-]*)*"
    r"|[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?))?"
)
TIME_ONLY_RE = re.compile(rf"(?:{_TIME}|this\s+past\s+(?:week|month|year|weekend))(?:\s*,?\s*(?:{_TIME}))*")
ADVERBIAL_RE = re.compile(
    rf"\s*(?:,\s*)?(?:{_TIME}|{_CHANNEL}|to\s+(?:reporters|journalists|the\s+press|supporters|the\s+crowd|"
    r"an?\s+(?:crowd|audience|group)(?:\s+of\s+\w+)?|lawmakers|voters|(?:[A-Z][\w.&’'-]*\s*){1,4})"
    r"|of\s+(?:him|her|them|it|himself|herself|themselves|(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
    r"|the\s+[a-z]+(?:\s+[a-z]+)?)"
    r"|(?:on|in)\s+(?:(?:[A-Z][\w.&-]*\s*){1,4}[’']s\s+)?[“\"][^”\"\n]{1,60}[”\"]"
    r"|(?:on|at|in)\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s*){1,4})"
    r"(?=[\s,.;:!?\"“”]|$)"
)
COMPLEMENT_RE = re.compile(
    r"\s*(?:,\s*)?(?:that|whether|if|how|why|what|when|where|who|whom|which)\b|\s*:|\s*,?\s*[\"“«„‘]|\s*''"
)
QUOTE_START_RE = re.compile(r"\s*[:,]?\s*(?=[\"“«„‘]|'')")
OBJECT_RE = re.compile(
    r"\s*(?:me|him|her|us|them|you|it|reporters|journalists|supporters|voters|listeners|viewers|readers|"
    r"lawmakers|students|donors|delegates|members|the\s+(?:crowd|audience|press|media|court|jury|panel|"
    r"committee|senate|house|board|group|newspaper|network|station|paper|magazine|outlet)"
    r"|(?:the\s+|The\s+)?(?:[A-Z][\w.&’'-]*\s*(?:of\s+|for\s+|and\s+|&\s+)?){1,6}"
    r"|(?:(?:radio|talk\s+show|TV|television|Fox|CNN|MSNBC)\s+)?(?:host|anchor|moderator|interviewer|reporter|"
    r"correspondent|columnist)\s+(?:[A-Z][\w.&’'-]*\s*){1,4}"
    r"|(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:crowd|audience|gathering|group|rally|"
    r"reporter|reporters|journalist|journalists|interviewer|host|radio\s+host|audience\s+member|friend|friends|"
    r"supporters?|donors?|voters?|delegates?|attendees?|residents?|parents?|protesters?|visitors?|"
    r"colleagues?|lawmakers?|member|members|advisers?|advisors?|aides?|staff|staffers?|allies|followers|fans|"
    r"listeners|viewers|readers|leaders|senators|panel|committee|congregation|meeting|town\s+hall|conference|"
    r"news\s+conference|briefing|hall|convention|forum|summit|breakfast|luncheon|dinner|caucus|assembly|"
    r"legislature|hearing|session|room|classroom|church|students|workers|graduates|employees|program|programme|show|"
    r"podcast|newspaper|network|station|magazine|channel|website|outlet))"
    r"(?=[\s,.;:!?\"“”]|$)"
)
LEADING_JUNK_RE = re.compile(
    r"(?:(?:and|but|so|yet|or|with|still|now|then|later|meanwhile|however|instead|also|indeed|moreover|"
    r"furthermore|even|only|in\s+addition|in\s+fact|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|at\s+the\s+time|for\s+(?:his|her|their|its)\s+part|for\s+example|"
    r"in\s+(?:a|an|the|his|her)\s+[\w\s-]{0,40}?(?:interview|statement|speech|letter|post|tweet))\b[\s,]*)+",
    re.IGNORECASE,
)
# the first two letters of the words that LEADING_JUNK_RE opens with: no other two ASCII characters start a match
# (a source opening "he", "she", "officials" or a name is ruled out before the regex runs)
_JUNK_OPENINGS = frozenset("an bu so ye or wi st no th la me ho in al mo fu ev on at fo".split())
#: A dateline opening a story ("WASHINGTON — ", "NEW YORK (AP) -- ", "BEIRUT, Lebanon ― "): a place in capitals,
#: maybe a region and an agency in parentheses, then a dash; the first sentence's subject starts after it.
DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:(?:—|–|―|--)\s*|-\s+)"
)
#: A dateline whose agency or outlet stands in parentheses ("Washington (CNN) ", "BURLINGTON, Vt. (Reuters) - ",
#: "(CNN) - "): up to six capitalised words of place (maybe none), the name in parentheses (group 1: an outlet or
#: an agency, checked by the caller; its opening one may have been stripped from a span), maybe a dash. The place
#: may be in mixed case here: the name vouches for it.
AGENCY_DATELINE_RE = re.compile(
    r"(?:[A-Z][\w.'’]*(?:,?[ -][A-Z][\w.'’]*){0,5},?\s*\(|\(?)([A-Z][\w&.'’ ]{1,29})\)"
    r"[ \t]*(?:(?:—|–|―|--|-)\s*)?"
)
_NP_RIGHT_STOP_RE = re.compile(
    r"\s*(?:[.;!?:\"“”(]|—|–|\s-\s|,\s*(?:is|was|are|were|has|have|had|will|would|can|could|does|did|who|"
    r"which|adding|noting|saying|according|while|as|when|"
    r"and|but|in\s+a|in\s+an|on\s+|at\s+|during|after|before|because|although|though|referring|"
    r"explaining|arguing|pointing|calling|asking|telling|citing|speaking|[a-z]+ing\b)|\s+(?:in\s+an?\s+|"
    rf"on\s+{_DAY}|{_DAY}|on\s+Twitter|in\s+a\s+statement|at\s+a\s+|during\s+|as\s+|while\s+|when\s+|"
    r"before\s+|after\s+|to\s+reporters|to\s+the\s+|to\s+(?:[A-Z])|of\s+the\s+(?:decision|move|plan)|that\s+))"
)
_ABBR_BEFORE_RE = re.compile(
    r"(?:\b(?:Gen|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|Maj|Capt|Adm|Jr|Sr|St|Rev|Prof|Inc|Co|Corp|Ft|Mt|"
    r"Calif|Fla|Mass|Ind|Ill|Va|Pa|Ga|Ariz|Colo|Conn|Mich|Minn|Wis|Tenn|Ky|La|Md|Mo|Nev|Okla|Ore|Tex|Wash|"
    r"Wyo|Ala|Ark|Del|Kan|Neb|Vt|No|U\.S|U\.N|D\.C)|\b[A-Z])\.\Z"
)


def strip_span(text: str, s: int, e: int, chars: str = " \t\n\r\u00a0,;:—–-") -> tuple[int, int]:
    """``(s, e)`` without the ``chars`` at either end (``(e, e)`` when nothing else is left)."""
    if 0 <= s < e <= len(text) and text[s] not in chars and text[e - 1] not in chars:
        return s, e  # the common case: nothing to strip
    # a character or two to strip, most often: stepped over in place (no copy of a long span)
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def last_of(text: str, chars: str, lo: int, hi: int) -> int:
    """Position of the last of ``chars`` in ``text[lo:hi]``, or -1."""
    k = -1
    for c in chars:
        j = text.rfind(c, lo, hi)
        if j > k:
            k = j
    return k


def trim_content_end(text: str, s: int, e: int) -> tuple[int, int]:
    """Content without surrounding blanks and a final unquoted period or comma."""
    s, e = strip_span(text, s, e, " \t\n\r\u00a0,;:—–")
    while e > s and text[e - 1] in ".,;:" and not (e - 2 >= s and text[e - 2] == "."):
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def skip_adverbials(text: str, pos: int, end: int) -> int:
    """Skip up to six time, channel and audience phrases from ``pos``; return the new position."""
    for _ in range(6):
        m = ADVERBIAL_RE.match(text, pos, end)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return pos


def first_word(s: str) -> str:
    """The first word of ``s``, in lower case ("" if none)."""
    w = WORD_RE.match(s)
    return w.group().lower() if w else ""


def leading_junk(text: str, s: int, e: int) -> re.Match[str] | None:
    """:data:`LEADING_JUNK_RE` matched at ``s`` (up to ``e``); most phrases open with other letters, which one
    look at the first two characters rules out before the regex runs."""
    opening = text[s:s + 2]
    if opening.isascii() and opening.lower() not in _JUNK_OPENINGS:
        return None
    return LEADING_JUNK_RE.match(text, s, e)


def np_left(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that ends at ``hi`` (a subject), not reaching before ``lo``.

    A fronted adverbial ending in a comma is not part of it ("Last week, Democratic candidate Richard
    Cordray", "In a 2013 hearing on Capitol Hill, then-TSA administrator John Pistole", "After the vote,
    Pelosi"), nor is anything before a subject pronoun ("In the past he", "At first she": he, she).
    """
    # walk back over words until a clause word (none, as in a blank span: no noun phrase)
    words = list(WORD_RE.finditer(text, lo, hi))
    if not words:
        return None
    clause_words = word_lists().clause_words
    start = words[-1].start()
    after_subordinator = False
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        lw = w.group().lower()
        if (lw in clause_words) and k < len(words) - 1:
            after_subordinator = lw in _SUBORDINATORS
            break
        if lw in ("and", "or", "&") and k > 0 and k < len(words) - 1:
            prev, nxt = words[k - 1].group(), words[k + 1].group()
            if not (prev[:1].isupper() and nxt[:1].isupper()):
                break
        start = w.start()
    s, e = strip_span(text, start, hi)
    m = leading_junk(text, s, e)
    if m is not None and m.end() > s:
        s, e = strip_span(text, m.end(), e)  # (else already stripped)
    if s >= e:
        return None
    if "," in text[s:e]:
        s, e = after_fronted(text, s, e, after_subordinator)
    last = words[-1]
    if last.end() == e and last.start() > s and last.group().lower() in _SUBJECT_PRONOUNS:
        before = words[-2]
        if text.find(",", before.end(), last.start()) >= 0 or _pronoun_alone(text, s, before.group().lower()):
            s = last.start()
    return s, e


def _pronoun_alone(text: str, s: int, before: str) -> bool:
    """A subject pronoun after ``before`` (the word before it, lower case) in a subject that starts at ``s`` is the
    whole subject (as after a comma): after a wh-word, an auxiliary or an adverb ("why he", "does he", "Therefore
    I"), or at the end of an adverbial that opens the subject ("In the past he"). Not after a noun, where it may
    open a relative clause ("the policy points he supports"): the subject stays as it was read."""
    if before in _PRONOUN_JOINERS:  # 'Trump and I'
        return False
    if before in _BEFORE_A_SUBJECT or before.endswith("ly") and len(before) > 4:
        return True
    first = WORD_RE.match(text, s)
    opener = first.group().lower() if first is not None else ""
    return opener in _FRONTED_PREPOSITIONS or opener in _SUBORDINATORS


#: Clause words that open an adverbial clause or phrase before a subject ("After the vote, ...", "When asked, ...").
_SUBORDINATORS = frozenset({"after", "before", "since", "when", "while", "because", "as", "if", "although", "though",
                            "until", "unless", "once", "whereas", "whether"})
#: Prepositions that open a fronted adverbial before a subject ("In a 2013 hearing on Capitol Hill, ...").
_FRONTED_PREPOSITIONS = frozenset({"in", "on", "at", "during", "following", "amid", "over", "throughout", "within",
                                   "by", "from", "under", "across", "inside", "outside", "despite", "without"})
#: Second words after which a preposition opens a quantity, not an adverbial ("at least seven mayors, ...").
_QUANTITY_AFTER = frozenset({"least", "most", "all"})
#: The longest fronted adverbial cut off a subject, in words.
_FRONTED_WORDS = 12
#: Pronouns that are a whole subject: nothing before them belongs to it ("In the past he said").
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: Closed-class words after which a subject pronoun starts the subject: wh-words, auxiliaries, adverbs.
_BEFORE_A_SUBJECT = frozenset("""who whom whose why how when where whether what whatever
    do does did is was are were has have had will would can could should shall may might must
    therefore thus then now so yet either neither perhaps maybe also still instead indeed only even first again
    later earlier today yesterday tonight not never always sometimes often once here there""".split())
#: Words that join a pronoun to a subject before it ("Trump and I said").
_PRONOUN_JOINERS = frozenset({"and", "or", "nor", "&", "but", "than", "as"})


#: One-word adverbials that open a sentence before its subject ("Separately, Smith said").
_FRONTED_ADVERBS = frozenset("""separately meanwhile yesterday today tonight recently earlier later previously
    afterwards afterward then now additionally similarly likewise elsewhere initially originally ultimately eventually
    finally subsequently privately publicly overall historically traditionally though however instead also too still
    indeed moreover furthermore nonetheless nevertheless notably""".split())


def _time_phrase(piece: str, words: list[str]) -> bool:
    """``piece`` (of ``words``) is only a time phrase ("Last week", "Earlier this year", "Tuesday") or an adverb
    from :data:`_FRONTED_ADVERBS`; a capitalised name in -ly ("Kelly", "Italy") is neither."""
    if len(words) == 1:
        return words[0].lower() in _FRONTED_ADVERBS or (
            words[0][:1].isupper() and TIME_ONLY_RE.fullmatch(piece) is not None)
    lowered = piece[:1].lower() + piece[1:]
    return (TIME_ONLY_RE.fullmatch(piece) is not None or TIME_ONLY_RE.fullmatch(lowered) is not None
            or _MONTH_AGO_RE.fullmatch(lowered) is not None)


#: A month named from now ("Last January", "early March", "later in June").
_MONTH_AGO_RE = re.compile(rf"(?:last|this|next|early|late|earlier|later|in\s+early|in\s+late)(?:\s+in)?\s+{_MONTH}")


_CLAUSE_COMMA_RE = re.compile(r",\s")


def after_fronted(text: str, s: int, e: int, after_subordinator: bool = False) -> tuple[int, int]:
    """``(s, e)`` without the fronted adverbials that open it, each ending in a comma (at most three): "Last week,
    Democratic candidate Richard Cordray" -> "Democratic candidate Richard Cordray". With ``after_subordinator``
    the first piece is one whatever its words (the subject's walk stopped at "after", "when", ...)."""
    for _ in range(3):
        m = _CLAUSE_COMMA_RE.search(text, s, e)  # not the comma of a number ("34,000 troops")
        if m is None:
            break
        comma = m.start()
        piece = text[s:comma]
        words = piece.split()
        if not words or len(words) > _FRONTED_WORDS or any(ch in piece for ch in "\"“”()"):
            break
        first = words[0].lower()
        fronted = (after_subordinator or _time_phrase(piece, words)
                   or first in _FRONTED_PREPOSITIONS and (len(words) < 2 or words[1].lower() not in _QUANTITY_AFTER))
        rest = strip_span(text, comma + 1, e)
        if not fronted or rest[0] >= rest[1] or WORD_CHAR_RE.search(text, rest[0], rest[1]) is None:
            break
        s, e = rest
        after_subordinator = False
    return s, e


def np_right(text: str, pos: int, end: int, loose: bool = False) -> tuple[int, int] | None:
    """A source noun phrase after an inverted cue ('"...," said X, a spokesman.')."""
    s = pos
    while s < end and text[s] in " \t\n\u00a0":
        s += 1
    if s >= end:
        return None
    e = end
    for m in _NP_RIGHT_STOP_RE.finditer(text, s, end):
        if text[m.start():m.end()].strip() == "." and _ABBR_BEFORE_RE.search(
                text, max(s, m.start() - 6), m.start() + 1):
            continue
        e = m.start()
        break
    s, e = strip_span(text, s, e)
    if s >= e:
        return None
    first = text[s:e].split()[0]
    if not loose and first[:1].islower() and first.lower() not in word_lists().np_openers:
        return None
    if len(text[s:e].split()) > 40:
        return None
    return s, e


#: Words that open an adverbial before the main clause of a content ('that despite the excitement, he ...').
FRONTED_OPENERS = frozenset({"despite", "although", "though", "while", "if", "when", "after", "before", "because",
                             "since", "unless", "once", "given", "amid", "without", "whether", "until"})


def fronted_adverbial(text: str, s: int, comma: int) -> bool:
    """The content from ``s`` to ``comma`` is one adverbial clause or phrase opening it (after "that")."""
    head = text[s:comma]
    words = head.split()
    if words and words[0].lower() == "that":
        words = words[1:]
    return bool(words) and words[0].lower() in FRONTED_OPENERS and "," not in head and len(words) <= 20
