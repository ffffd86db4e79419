"""Attribution extraction: who says what, how, and through which channel.

:func:`extract_attributions` finds the attributions of each article's ``text``
(one row each, with character offsets) and :func:`attribution_metrics`
aggregates them per article (columns prefixed ``attr_``, to join
:func:`mediakit.analyze`); :func:`find_attributions` does it for one string.
The method is rules and lexicons only (no trained model, no network):

1. **Sentences, paragraphs and quotations.** Sentences and paragraphs come from
   :func:`mediakit.text.split_sentences`. Quotations are paired by type: curly
   double quotes, straight double quotes (opening or closing by position),
   doubled apostrophes (``''...''``, as in the New York Times), guillemets and
   low-9 quotes; single curly quotes only at the top level and only when closed
   in the paragraph. A quotation left open at the end of a paragraph runs to its
   end and continues in the next paragraph when that one opens with a quotation
   mark (news style for a quotation over several paragraphs); one closed by a
   mark of the wrong type, with none of its own type after it, ends there.
   Unbalanced marks never raise.
2. **Cues.** Forms of the verbs and phrases of ``mediakit/lexicons/cues.yaml``
   (said, told, according to, insisted, claimed, admitted, denied, announced,
   ...) outside quotations, skipping forms used as nouns, names or infinitives;
   each lemma has a class (``cue_class``) and a frame requirement (a complement
   or an object; "quote" verbs such as "continued" only around a quotation).
3. **Frames.** Around each cue the sentence is read as one of:
   ``"...," X said`` and ``"...," said X`` (the content is the quotation before,
   with the quotation's earlier sentences and paragraphs); ``X said (that) ...``
   (content after the cue, past an indirect object ``told reporters``, channel
   and time phrases ``in a statement on Tuesday`` and ``that``); ``..., X said,
   ...`` (content on both sides); ``According to X, ...`` and ``..., according
   to X``; ``X described Y as Z``; passives (``was told by X``, ``As reported by
   X, ...``); evidentials without a source (``X seemed to ...``, ``X is expected
   to ...``); participles and coordinated verbs that reuse the subject of their
   clause (``..., adding that ...``, ``... but noted that ...``); and a name and
   a colon opening a sentence (``Clinton: ...``). The source is the noun phrase
   in subject position, with its appositions ("Sterling Pratt, wine director at
   Schaefer's,"). A content split around the cue (``"...," she said. "..."``)
   gives several ``content_spans``; the quotations that follow in the same
   paragraph, and quote-only paragraphs right after it, continue the speaker.
   An attribution whose cue lies inside the content of another is nested and
   dropped (only the outermost is kept, as in PolNeAR).
4. **Sources.** Each source is typed from ``mediakit/lexicons/sources.yaml``
   (see :data:`SOURCE_TYPES`) and resolved: a surname or "Mr. X" to the fullest
   name the article gives, "he"/"she" to the most recent compatible person (a
   mention earlier in the sentence, else the latest attribution source or
   subject, preferring a known gender), "who"/"which" to the noun phrase it
   follows. Role ("Deputy Foreign Minister") and affiliation ("Russia", from
   "Russian", "Syria's", "for the Kremlin", "(D-Mass.)") come from the source
   span or from the first full mention of the person.

Accuracy on PolNeAR is measured by ``python -m mediakit.evaluate attribution``
(see ``docs/attribution.md``).
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .._progress import progress_bar
from .._resources import read_resource_text
from ..text import split_sentences

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "SOURCE_TYPES",
    "KINDS",
    "cue_lexicon",
    "source_lexicon",
    "find_attributions",
    "extract_attributions",
    "attribution_metrics",
]

ATTRIBUTION_COLUMNS: tuple[str, ...] = (
    "article_id",
    "source_start", "source_end", "source_text",
    "speaker", "speaker_role", "speaker_affiliation", "source_type",
    "cue_start", "cue_end", "cue_text", "cue_lemma", "cue_class",
    "content_start", "content_end", "content_text", "content_spans",
    "kind", "channel",
)
"""Columns of :func:`extract_attributions`, in order."""

SOURCE_TYPES: tuple[str, ...] = (
    "person", "official", "anonymous", "organization", "media", "agency", "document",
    "social_media", "group", "pronoun", "other",
)
"""Values of ``source_type`` (NA when the attribution has no source)."""

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "according_to")
"""Values of ``kind``."""

_INT_COLUMNS = ("source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end")


# =========================================================================== lexicons


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, dict[str, Any]]:
    """Return the cue lexicon of ``mediakit/lexicons/cues.yaml`` (loaded once, cached).

    Returns
    -------
    dict
        lemma -> ``{"class": str, "speech": bool, "frame": str, "forms": tuple of str}``;
        a multi-word form keeps ``_`` between its words ("pointed_out").

    Raises
    ------
    ValueError
        If an entry is malformed or a form belongs to two lemmas.

    Examples
    --------
    >>> lex = cue_lexicon()
    >>> lex["say"]["class"], lex["say"]["speech"], "said" in lex["say"]["forms"]
    ('neutral', True, True)
    >>> lex["according_to"]["forms"]
    ('according_to',)
    """
    import yaml

    data = yaml.safe_load(read_resource_text("mediakit.lexicons", "cues.yaml"))
    classes = set(data.get("classes", {}))
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, str] = {}
    for lemma, entry in data["cues"].items():
        cls, frame = entry.get("class"), entry.get("frame", "any")
        if cls not in classes:
            raise ValueError(f"cues.yaml: {lemma}: unknown class {cls!r}")
        if frame not in ("any", "clause", "object", "quote", "evidential", "colon"):
            raise ValueError(f"cues.yaml: {lemma}: unknown frame {frame!r}")
        forms = tuple(str(entry["forms"]).split())
        for f in forms:
            if f.lower() in seen:
                raise ValueError(f"cues.yaml: form {f!r} of {lemma} already belongs to {seen[f.lower()]}")
            seen[f.lower()] = lemma
        out[str(lemma)] = {"class": cls, "speech": bool(entry.get("speech", False)),
                           "frame": frame, "forms": forms}
    return out


@lru_cache(maxsize=1)
def source_lexicon() -> dict[str, Any]:
    """Return the source lexicon of ``mediakit/lexicons/sources.yaml`` (loaded once, cached).

    Examples
    --------
    >>> lex = source_lexicon()
    >>> lex["demonyms"]["russian"], "Reuters" in lex["agencies"]
    ('Russia', True)
    """
    import yaml

    data = yaml.safe_load(read_resource_text("mediakit.lexicons", "sources.yaml"))
    return dict(data)


def _in(names: frozenset[str], text: str) -> bool:
    """``text`` (white space normalised) is one of ``names``."""
    return " ".join(text.split()) in names


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words`` factored as a character trie (fast to scan)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


def _words_re(words: Iterable[str], *, flags: int = re.IGNORECASE, suffix: str = r"\b") -> re.Pattern[str]:
    """Whole-word alternation of ``words`` (a space matches any white space), factored as a trie."""
    ws = {w.lower() if flags & re.IGNORECASE else w for w in words if w}
    return re.compile(rf"(?<![\w.])(?:{_trie_pattern(ws)}){suffix}", flags)


class _Lex:
    """Compiled lexicon lookups, built once per process."""

    def __init__(self) -> None:
        cues = cue_lexicon()
        src = source_lexicon()
        self.form_lemma: dict[str, str] = {}
        for lemma, e in cues.items():
            for f in e["forms"]:
                self.form_lemma[f.lower()] = lemma
        self.cues = cues
        # fast scan: first word -> lemma of the one-word form, and multi-word continuations
        self.first_word: dict[str, str | None] = {}
        self.multi: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for f, lemma in self.form_lemma.items():
            parts = f.split("_")
            if not f[:1].isalpha():
                continue
            if len(parts) == 1:
                self.first_word[f] = lemma
            else:
                self.first_word.setdefault(parts[0], None)
                rx = re.compile(r"".join(r"\s+" + re.escape(p) for p in parts[1:]) + r"(?![\w\-])",
                                re.IGNORECASE)
                self.multi.setdefault(parts[0], []).append((rx, lemma))
        # every form (multi-word ones with a space) as one trie, lower case and capitalised
        spaced = {f.replace("_", " "): lemma for f, lemma in self.form_lemma.items() if f[:1].isalpha()}
        self.spaced_lemma = spaced
        variants = set(spaced) | {f[:1].upper() + f[1:] for f in spaced}
        trie = _trie_pattern(variants)
        self.cue_form_re = re.compile(r"(?<![\w\-’'])(?:" + trie + r")(?![\w\-’])")
        # the same scan, faster (see _iter_cues): a form at a given position, and a form after a character
        # that may precede one -- an ASCII character other than a letter, digit, '_', '-' or "'", or any
        # non-ASCII character (checked afterwards) -- which ``re`` finds by a table look-up
        self.cue_at_re = re.compile("(?:" + trie + r")(?![\w\-’])")
        ascii_before = "".join(f"\\x{i:02x}" for i in range(128) if not re.match(r"[\w\-']", chr(i)))
        self.cue_after_re = re.compile(f"[{ascii_before}\\x80-\\U0010ffff](?:{trie})(?![\\w\\-’])")

        self.agency_of: dict[str, str] = {}
        agency_names: set[str] = set()
        for canon, variants in src["agencies"].items():
            for v in [canon, *variants]:
                self.agency_of[v.lower()] = canon
                agency_names.add(v)
        self.agency_re = _words_re(agency_names, flags=0)
        self.media_names = [n for n in src["media"]["names"]]
        self.media_name_re = _words_re(self.media_names, flags=0)
        self.media_words = set(w.lower() for w in src["media"]["words"])
        self.media_word_re = _words_re(self.media_words)
        self.anonymous_res = [re.compile(p, re.IGNORECASE) for p in src["anonymous"]]
        self.anonymous_re = re.compile("|".join(f"(?:{p})" for p in src["anonymous"]), re.IGNORECASE)
        context = [p for p in src["anonymous"] if "condition" in p or "authori" in p or "be (?:named" in p]
        self.anonymous_context_re = re.compile("|".join(f"(?:{p})" for p in context), re.IGNORECASE)
        self.role_words = set(w.lower() for w in src["roles"]["words"])
        self.honorifics = set(w.lower() for w in src["roles"]["honorifics"])
        self.role_re = _words_re(self.role_words)
        self.org_names = list(src["organizations"]["names"])
        self.org_name_re = _words_re(self.org_names, flags=0)
        self.org_name_set = frozenset(" ".join(n.split()) for n in self.org_names)
        self.media_name_set = frozenset(" ".join(n.split()) for n in self.media_names)
        self.org_words = set(w.lower() for w in src["organizations"]["words"])
        self.doc_words = set(w.lower() for w in src["documents"]["words"])
        self.social_words = set(w.lower() for w in src["social_media"]["words"])
        self.social_re = _words_re(self.social_words)
        self.platforms = {k.lower(): v for k, v in src["social_media"]["platforms"].items()}
        self.group_words = set(w.lower() for w in src["groups"]["words"])
        self.demonyms = {k.lower(): v for k, v in src["demonyms"].items()}
        self.countries = {v.lower(): v for v in self.demonyms.values()}
        pr = src["pronouns"]
        self.pronoun_kind: dict[str, str] = {}
        for kind, words in pr.items():
            for w in words:
                self.pronoun_kind.setdefault(w.lower(), kind)
        self.places = frozenset(src["places"]["names"])
        self.place_suffixes = frozenset(src["places"]["suffixes"])
        g = src["gender"]
        self.male = set(w.lower() for w in g["male_titles"]) | set(w.lower() for w in g["male_names"])
        self.female = set(w.lower() for w in g["female_titles"]) | set(w.lower() for w in g["female_names"])


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


# =========================================================================== word lists

_AUX = (
    "has have had is was were are am be been being will would could can should shall may might must "
    "did does do 's ’s 'd ’d 've ’ve n't n’t not never also reportedly repeatedly previously later "
    "earlier once often frequently again still even further already just then now first initially "
    "finally recently publicly privately quickly simply always allegedly apparently clearly directly "
    "explicitly flatly openly subsequently separately ultimately officially formally specifically "
    "long last soon since yet too all both each only in fact effectively essentially angrily"
).split()
_LY_EXCLUDE = ("family|ally|rally|supply|assembly|daily|belly|bully|folly|holly|jelly|reply|apply|fly|july|italy|"
               "kelly|sally|billy")
_AUX_SET = frozenset(_AUX) - {"in", "fact"}
_LY_EXCLUDE_SET = frozenset(_LY_EXCLUDE.split("|"))
_TOKEN_RE = re.compile(r"[\w’'-]+")
_CONTRACTION_RE = re.compile(r"(?<=\w)(?:n[’']t|[’'](?:s|ve|d|re|ll))\Z", re.IGNORECASE)


def _last_of(text: str, chars: str, lo: int, hi: int) -> int:
    """Position of the last of ``chars`` in ``text[lo:hi]``, or -1."""
    k = -1
    for c in chars:
        j = text.rfind(c, lo, hi)
        if j > k:
            k = j
    return k


def _aux_start(text: str, ss: int, cs: int) -> int:
    """Start of the auxiliaries and adverbs right before a cue ("has also", "didn't", "repeatedly")."""
    # fast path: the word right before the cue is a plain word (the subject)
    left = text[max(ss, cs - 40):cs].rsplit(None, 1)
    w = left[-1].lower() if left else ""
    if not w or (w not in _AUX_SET and not w.endswith("ly") and "’" not in w and "'" not in w):
        return cs
    lo = max(ss, cs - 100)
    toks = list(_TOKEN_RE.finditer(text, lo, cs))
    pos = cs
    for m in reversed(toks):
        if text[m.end():pos].strip(" \t\u00a0"):
            break  # something other than white space or a comma in between
        w = m.group()
        lw = w.lower()
        if lw in _AUX_SET or (lw.endswith("ly") and w.islower() and lw not in _LY_EXCLUDE_SET and len(lw) > 3):
            pos = m.start()
            continue
        c = _CONTRACTION_RE.search(w)
        if c is not None:
            pos = m.start() + c.start()
            if lw.endswith(("n’t", "n't")):
                pos = m.start()  # "didn't": all of it is auxiliary
        break
    return pos
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
    r"(?:\s+(?:with|to|on|at|in|for|before|from|by|about|posted|published|aired|broadcast)\s+"
    r"(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?(?:[A-Z][\w.&’'-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w.&’'-]*)*"
    r"|[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?))?"
)
_TIME_ONLY_RE = re.compile(rf"(?:{_TIME}|this\s+past\s+(?:week|month|year|weekend))(?:\s*,?\s*(?:{_TIME}))*")
_ADVERBIAL_RE = re.compile(
    rf"\s*(?:,\s*)?(?:{_TIME}|{_CHANNEL}|to\s+(?:reporters|journalists|the\s+press|supporters|the\s+crowd|"
    r"an?\s+(?:crowd|audience|group)(?:\s+of\s+\w+)?|lawmakers|voters|(?:[A-Z][\w.&’'-]*\s*){1,4})"
    r"|of\s+(?:him|her|them|it|himself|herself|themselves|(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
    r"|the\s+[a-z]+(?:\s+[a-z]+)?)"
    r"|(?:on|in)\s+(?:(?:[A-Z][\w.&-]*\s*){1,4}[’']s\s+)?[“\"][^”\"\n]{1,60}[”\"]"
    r"|(?:on|at|in)\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s*){1,4})"
    r"(?=[\s,.;:!?\"“”]|$)"
)
_COMPLEMENT_RE = re.compile(
    r"\s*(?:,\s*)?(?:that|whether|if|how|why|what|when|where|who|whom|which)\b|\s*:|\s*,?\s*[\"“«„‘]|\s*''"
)
_QUOTE_START_RE = re.compile(r"\s*[:,]?\s*(?=[\"“«„‘]|'')")
_TELL_LEMMAS = frozenset({"tell", "assure", "remind", "inform", "ask", "urge", "warn", "promise", "email",
                          "reply", "answer", "confirm", "admit", "acknowledge", "concede", "write"})
_OBJECT_RE = re.compile(
    r"\s*(?:me|him|her|us|them|you|it|reporters|journalists|supporters|voters|listeners|viewers|readers|"
    r"lawmakers|students|donors|delegates|members|the\s+(?:crowd|audience|press|media|court|jury|panel|"
    r"committee|senate|house|board|group|newspaper|network|station|paper|magazine|outlet)"
    r"|(?:the\s+|The\s+)?(?:[A-Z][\w.&’'-]*\s*(?:of\s+|for\s+|and\s+|&\s+)?){1,6}"
    r"|(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:crowd|audience|gathering|group|rally|"
    r"reporter|journalist|interviewer|host|radio\s+host|audience\s+member|friend|friends|supporters|"
    r"donors|voters|colleagues|lawmakers|members|panel|committee|congregation|meeting|town\s+hall))"
    r"(?=[\s,.;:!?\"“”]|$)"
)
_ING_SIBLING_RE = re.compile(r",[”\"']?\s*(?:while\s+|and\s+|but\s+)?(?:also\s+)?(?=\w+ing\b)")
_BY_AFTER_RE = re.compile(r"\s+by\s")
_TAIL_CLAUSE = frozenset(
    "who which while as when before after because although though according whose where until "
    "despite during amid".split()
)
_IRREGULAR_PARTICIPLES = frozenset("told said written shown found thought read put".split())
_CLAUSE_WORDS = frozenset(
    "that which when while because as since after before if although though where but so until unless "
    "whereas whether once than".split()
)
_LEADING_JUNK_RE = re.compile(
    r"^(?:(?:and|but|so|yet|or|still|now|then|later|meanwhile|however|instead|also|indeed|moreover|"
    r"furthermore|even|only|in\s+addition|in\s+fact|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|at\s+the\s+time|for\s+(?:his|her|their|its)\s+part|for\s+example|"
    r"in\s+(?:a|an|the|his|her)\s+[\w\s-]{0,40}?(?:interview|statement|speech|letter|post|tweet))\b[\s,]*)+",
    re.IGNORECASE,
)
_TITLE_ABBR = frozenset(
    "mr mrs ms dr sen rep gov gen col lt sgt maj capt adm prof rev fr st supt cmdr pres atty".split()
)
_NAME_STOP = frozenset(
    """The A An This That These Those His Her Their Its Our My Your But And Or So Yet Still Now Then
    In On At For From With Without By As If When While After Before Since Although Though Because
    During Despite Under Over Among Until What Who Whom Whose Why How Where Which Some Many Most
    Several Other Others Such Both All Each Every Either Neither None Few One Two Three Not Also
    However Meanwhile Instead Yes No Even Only Just Last Next Later Earlier According Asked It He She
    They We I You There Here Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Republican Republicans
    Democrat Democrats Democratic GOP American Americans Congress Senate House Sen Rep Gov Mr Mrs Ms
    Dr President Secretary Minister Governor Senator Representative Former Vice Chief Deputy General
    Speaker Justice Judge Attorney Press Prime Foreign State Interior Defense Defence Finance White
    Said Says Say Told Tells Asked Asks Added Adds Wrote Writes Calls Called Slams Blasts Urges Warns Claims
    Should Would Could Will Can Might Must Did Does Do Is Was Were Are Has Have Had Be Been Being Not
    Interim Acting Then Chief Senior Top Retired Late New Goes Go Gets Wins Won Hits Takes Makes Says
    Into Out Up Down Off Why What""".split()
)
_NAME_TOKEN = (r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:[-’'][A-Z][a-z]+(?:[A-Z][a-z]+)*)*"
               r"|[A-Z]{2,}(?![a-z])|O[’'][A-Z][a-z]+)(?![\w])")
_PARTICLE = r"(?:al|el|bin|ibn|de|del|della|da|di|van|von|der|le|la|du|dos|das)[- ]"
_NAME_RE = re.compile(
    rf"(?<![\w’'])(?=[A-Z]|{_PARTICLE}[A-Z])(?:{_PARTICLE})?{_NAME_TOKEN}"
    rf"(?:\s+[A-Z]\.(?:\s*[A-Z]\.)*)?"
    rf"(?:\s+(?:{_PARTICLE})?{_NAME_TOKEN})*"
    rf"(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?"
)
_NONSPACE_TOKEN_RE = re.compile(r"\S+")
#: ``\b`` + ``_NAME_TOKEN``, led by its capital, with the word boundary checked behind it: a pattern
#: that starts with a character class lets ``re`` skip ahead to the next capital. From Python 3.11
#: on, the rest is an atomic group (no backtracking into a token once it is followed by a non-word
#: character: a shorter way to match it would end before '-', ’ or ', where no second name can
#: follow), so that a capitalised word not followed by another is given up at once.
_NAME_TOKEN_LED = ("[A-Z](?<!\\w[A-Z])" + ("(?>" if sys.version_info >= (3, 11) else "(?:")
                   + r"[a-z]+(?:[A-Z][a-z]+)*(?:[-’'][A-Z][a-z]+(?:[A-Z][a-z]+)*)*(?![\w])"
                   r"|[A-Z]+(?![a-z])(?![\w])|(?<=O)[’'][A-Z][a-z]+(?![\w]))")
_MULTI_NAME_RE = re.compile(
    rf"{_NAME_TOKEN_LED}"
    rf"(?:\s+[A-Z]\.(?:\s*[A-Z]\.)*)?"
    rf"(?:\s+(?:{_PARTICLE})?{_NAME_TOKEN})+"
    rf"(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?"
)
_TITLED_NAME_RE = re.compile(rf"(M(?:rs?|s|iss)|Dr|Sen|Rep|Gov)\.?\s+({_NAME_TOKEN})")
#: he|his|him|himself|she|her|hers|herself|He|His|She|Her as whole words (the boundary before
#: checked behind the first letter, so that ``re`` skips ahead to the next h, s, H or S)
_GENDER_PRONOUN_RE = re.compile(r"(h(?<!\wh)(?:e|is|im|imself|er|ers|erself)|s(?<!\ws)he"
                                r"|H(?<!\wH)(?:e|is|er)|S(?<!\wS)he)\b")
_POSSESSOR_RE = re.compile(r"(?:the\s+|The\s+)?(?:((?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*)[’']s?"
                           r"|(his|her|their|its|His|Her|Their|Its))\s+")
_COMMON_POSSESSOR_RE = re.compile(r"(?:the|a|an|The|A|An)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*[’']s?\s+")
_OF_ORG_RE = re.compile(r"\s*(?:of|for|at|with|from|in)\s+(?:the\s+)?"
                        r"((?:[A-Z][\w.&’'-]*\s*(?:of\s+|for\s+|and\s+|on\s+)?){1,7})")
_PARTY_RE = re.compile(r"\(\s*([RDI])\s*[-–,]\s*([^)]{1,25})\)")
_WORD_RE = re.compile(r"[\w’'.&-]+")
_OPENERS = "\"“«„‘"


# small patterns used by the functions below (compiled once)
_WORD_CHAR_RE = re.compile(r"\w")
_WORD_OR_OPENER_RE = re.compile(r"[\w\"“«„‘]")  # a word character or one of _OPENERS
_PASSIVE_AUX_RE = re.compile(r"(?:\b(?:is|was|are|were|been|be|being|get|got|gets)|[’']s)\s+"
                             r"(?:\w+ly\s+|not\s+|also\s+)*\Z")
_PROGRESSIVE_AUX_RE = re.compile(r"\b(?:is|was|are|were|been|be|am)\s+(?:\w+ly\s+|not\s+|also\s+)*\Z")
_AS_OR_QUOTE_RE = re.compile(r"\bas\b|[\"“«]|''")
_COMMA_QUOTE_RE = re.compile(r",\s*(?=[\"“«]|'')")
_HEAD_CUT_RE = re.compile(r",|\s(?:who|which|that|whose)\s")
_BY_RE = re.compile(r"\s+by\s+")
_TO_RE = re.compile(r"\s*to\b")
_AS_OR_QUOTE2_RE = re.compile(r"\bas\b|[\"“«]")
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_DELEGATE_RE = re.compile(r"\s+(delegates?|pledge|votes?)\b")
_POSSESSIVE_S_RE = re.compile(r"[’']s\Z")
_TITLE_TOKEN_RE = re.compile(r"[\w.’'-]+")
_HEAD_TOKEN_RE = re.compile(r"[\w’'-]+")
_INITIAL_RE = re.compile(r"[A-Z]\.")
_APPOSITION_CUT_RE = re.compile(r",\s*(?:speaking|who|which)\b")
_PLATFORM_RE = re.compile(r"\b(?:on|via)\s+(?:his|her|their|its|the)?\s*"
                          r"(Twitter|Facebook|Instagram|X|YouTube|Telegram|"
                          r"TikTok|Truth\s+Social)\b")
_LEAD_DET_RE = re.compile(r"^(?:the|a|an|one|two|three|several|some|many|other)\s+", re.IGNORECASE)
_LEAD_ART_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


# =========================================================================== quotations


@dataclass(slots=True)
class _Quote:
    start: int
    end: int
    closed: bool
    prev: int = -1  # index of the quotation it continues (previous paragraph), or -1
    next: int = -1


#: A quotation mark: one of ``"“”„«»‘’``, or a doubled apostrophe or backtick (written as one
#: character class, so that ``re`` scans ahead for it, then checked).
_QMARK_RE = re.compile("[\"“”„«»‘’'`](?:(?<=[\"“”„«»‘’])|(?<=')'|(?<=`)`)")


def _straight_opens(text: str, p: int, n: int) -> bool:
    """A straight double quote at ``p`` opens a quotation (by the characters around it)."""
    before = text[p - 1] if p > 0 else " "
    after = text[p + 1] if p + 1 < n else " "
    if before.isdigit():
        return False  # an inch mark
    if before.isspace() or before in "([{—–-/:;,":
        return not after.isspace()
    return False


_SQ_CLOSE_RE = re.compile("(?<=\\S)’(?![^\\W_])")
_PROPER_CLOSE = {"“": ("”",), "„": ("“", "”"), "«": ("»",), '"': ('"',), "''": ("''",), "``": ("''",)}


def _find_quotes(text: str, paras: list[tuple[int, int]]) -> list[_Quote]:
    """Quotations of ``text``, paired by type, paragraph by paragraph (see the module docstring).

    A quotation is closed by the mark of its own type. If none comes before the end of
    the paragraph but a closing mark of another type does (a typesetting slip such as
    an opening curly quote closed by a straight one), the quotation ends there.
    """
    quotes: list[_Quote] = []
    n = len(text)
    carry, carry_type = -1, ""  # a quotation left open at the end of the previous paragraph
    for ps, pe in paras:
        open_at, open_type, cont = -1, "", -1
        if carry >= 0:
            m0 = _QMARK_RE.search(text, ps, pe)
            first = m0.group() if m0 else ""
            if m0 is not None and m0.start() - ps <= 2 and (
                first in ("“", "«", "„", "``")
                or (first in ('"', "''") and _straight_opens(text, m0.start(), n))
                or first == "''" and m0.start() == ps
            ):
                cont = carry  # a new paragraph of the same quotation, opened again
            elif m0 is not None and first in _PROPER_CLOSE.get(carry_type, ()) and (
                    first not in ('"', "''") or not _straight_opens(text, m0.start(), n)):
                open_at, open_type, cont = ps, carry_type, carry  # runs on without a new opening mark
        carry, carry_type = -1, ""
        pos = ps
        alt = -1  # end of the first closing mark of another type seen while a quotation is open
        while True:
            m = _QMARK_RE.search(text, pos, pe)
            if m is None:
                if open_at >= 0 and alt >= 0:
                    quotes.append(_Quote(open_at, alt, True, cont))
                    if cont >= 0:
                        quotes[cont].next = len(quotes) - 1
                    pos, open_at, cont, alt = alt, -1, -1, -1
                    continue
                break
            q, p = m.group(), m.start()
            pos = m.end()
            if open_at >= 0:
                if q in _PROPER_CLOSE[open_type]:
                    quotes.append(_Quote(open_at, m.end(), True, cont))
                    if cont >= 0:
                        quotes[cont].next = len(quotes) - 1
                    open_at, cont, alt = -1, -1, -1
                elif alt < 0 and q in ("”", '"', "''", "»") and p > 0 and not text[p - 1].isspace() and (
                        m.end() >= n or not text[m.end()].isalnum()):
                    alt = m.end()
                elif alt >= 0 and (q in ("“", "«") or q == '"' and _straight_opens(text, p, n)):
                    # '“A," he said. "B.”': the slip closed the first quotation; this opens another
                    quotes.append(_Quote(open_at, alt, True, cont))
                    if cont >= 0:
                        quotes[cont].next = len(quotes) - 1
                    open_at, open_type, cont, alt = p, q, -1, -1
                continue
            if q in ("“", "«", "„", "``"):
                open_at, open_type = p, q
            elif q == '"':
                if _straight_opens(text, p, n):
                    open_at, open_type = p, q
            elif q == "''":
                before = text[p - 1] if p > 0 else " "
                if before.isspace() or before in "([{—–-:;," or p == ps:
                    open_at, open_type = p, q
            elif q == "‘":
                # single quotes: top level only, and only when closed in the paragraph
                if p + 1 < pe and not text[p + 1].isdigit() and not text[p + 1].isspace():
                    c = _SQ_CLOSE_RE.search(text, p + 1, pe)
                    if c is not None:
                        quotes.append(_Quote(p, c.end(), True, -1))
                        pos = c.end()
            # a closing mark with nothing open is stray: ignored
            if open_at == p and cont >= 0 and p - ps > 2:
                cont = -1
        if open_at >= 0:
            quotes.append(_Quote(open_at, pe, False, cont))
            if cont >= 0:
                quotes[cont].next = len(quotes) - 1
            carry, carry_type = len(quotes) - 1, open_type
    return quotes


# =========================================================================== documents


@dataclass(slots=True)
class _Attr:
    cue: tuple[int, int]
    lemma: str
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    kind: str = ""
    channel: str | None = None
    frame: str = ""
    participle: bool = False
    speaker: str | None = None
    role: str | None = None
    affiliation: str | None = None
    source_type: str | None = None
    person: bool = False
    gender: str = ""


@dataclass
class _Doc:
    text: str
    sents: list[tuple[int, int, int]] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    paras: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[_Quote] = field(default_factory=list)
    q_starts: list[int] = field(default_factory=list)
    cues: list[tuple[re.Match[str], str]] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)

    def cues_in(self, s: int, e: int) -> list[tuple[re.Match[str], str]]:
        """Cue forms starting in ``[s, e)`` (precomputed, in text order)."""
        i = bisect.bisect_left(self.cue_starts, s)
        j = bisect.bisect_left(self.cue_starts, e, i)
        return self.cues[i:j]

    def has_cue(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.cue_starts, s)
        return i < len(self.cue_starts) and self.cue_starts[i] < e

    def sentence_of(self, pos: int) -> int:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return i if i > 0 else 0

    def quote_at(self, pos: int) -> int:
        """Index of the quotation that strictly contains ``pos`` (after its opening mark), or -1."""
        i = bisect.bisect_right(self.q_starts, pos - 1) - 1
        if i >= 0:
            q = self.quotes[i]
            if q.start < pos < q.end - (1 if q.closed else 0):
                return i
        return -1

    def quote_ending_at(self, pos: int, lo: int) -> int:
        """Index of a quotation that ends in ``[lo, pos]`` (nearest to ``pos``), or -1."""
        i = bisect.bisect_right(self.q_starts, pos) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.end <= pos and q.end >= lo:
                return i
            if q.end < lo:
                break
            i -= 1
        return -1

    def quote_starting_at(self, pos: int, hi: int) -> int:
        i = bisect.bisect_left(self.q_starts, pos)
        if i < len(self.quotes) and self.quotes[i].start <= hi:
            return i
        return -1

    def chain(self, qi: int) -> list[tuple[int, int]]:
        """Spans of quotation ``qi`` with the paragraphs it continues and is continued by."""
        first = qi
        seen = {qi}
        while self.quotes[first].prev >= 0 and self.quotes[first].prev not in seen:
            first = self.quotes[first].prev
            seen.add(first)
        out = []
        i = first
        guard = 0
        while i >= 0 and guard < 50:
            out.append((self.quotes[i].start, self.quotes[i].end))
            i = self.quotes[i].next
            guard += 1
        return out

    def chain_from(self, qi: int) -> list[tuple[int, int]]:
        """Spans of quotation ``qi`` and the paragraphs that continue it."""
        out = []
        i, guard = qi, 0
        while i >= 0 and guard < 50:
            out.append((self.quotes[i].start, self.quotes[i].end))
            i = self.quotes[i].next
            guard += 1
        return out

    def chain_to(self, qi: int) -> list[tuple[int, int]]:
        """Spans of quotation ``qi`` and the paragraphs of it before."""
        out = []
        i, guard = qi, 0
        while i >= 0 and guard < 50:
            out.append((self.quotes[i].start, self.quotes[i].end))
            i = self.quotes[i].prev
            guard += 1
        return out[::-1]


def _prepare(text: str) -> _Doc:
    doc = _Doc(text)
    spans = split_sentences(text)
    doc.sents = [(s.start, s.end, s.paragraph) for s in spans]
    doc.sent_starts = [s.start for s in spans]
    paras: list[tuple[int, int]] = []
    for s, e, p in doc.sents:
        if p < len(paras):
            paras[p] = (paras[p][0], e)
        else:
            while len(paras) < p:
                paras.append((s, s))
            paras.append((s, e))
    doc.paras = paras
    doc.quotes = _find_quotes(text, paras)
    doc.q_starts = [q.start for q in doc.quotes]
    doc.cues = _iter_cues(text)
    doc.cue_starts = [m.start() for m, _ in doc.cues]
    return doc


# =========================================================================== frames


def _strip_span(text: str, s: int, e: int, chars: str = " \t\n\r\u00a0,;:—–-") -> tuple[int, int]:
    """``(s, e)`` without the ``chars`` at either end (``(e, e)`` when nothing else is left)."""
    if 0 <= s < e <= len(text):
        seg = text[s:e]
        rest = seg.lstrip(chars)
        if not rest:
            return e, e
        return s + len(seg) - len(rest), s + len(seg.rstrip(chars))
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


_NOT_A_SOURCE = frozenset(
    "as far while if with having was were is are be been being when because since although though "
    "whether than then so and but or also what how why where which that these those this".split()
)
_SOURCE_STRIP = " \t\n\r\u00a0,;:—–-'\"“”‘’«»"


def _trim_content_end(text: str, s: int, e: int) -> tuple[int, int]:
    """Content without surrounding blanks and a final unquoted period or comma."""
    s, e = _strip_span(text, s, e, " \t\n\r\u00a0,;:—–")
    while e > s and text[e - 1] in ".,;:" and not (e - 2 >= s and text[e - 2] == "."):
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def _skip_adverbials(text: str, pos: int, end: int) -> tuple[int, list[tuple[int, int]]]:
    """Skip time, channel and audience phrases from ``pos``; return the new position and what was skipped."""
    skipped: list[tuple[int, int]] = []
    for _ in range(6):
        m = _ADVERBIAL_RE.match(text, pos, end)
        if m is None or m.end() == pos:
            break
        skipped.append((m.start(), m.end()))
        pos = m.end()
    return pos, skipped


def _np_left(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that ends at ``hi`` (a subject), not reaching before ``lo``."""
    seg = text[lo:hi]
    if not seg.strip():
        return None
    # walk back over words until a clause word
    words = list(_WORD_RE.finditer(text, lo, hi))
    if not words:
        return None
    start = words[-1].start()
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        lw = w.group().lower()
        if (lw in _CLAUSE_WORDS) and k < len(words) - 1:
            break
        if lw in ("and", "or", "&") and k > 0 and k < len(words) - 1:
            prev, nxt = words[k - 1].group(), words[k + 1].group()
            if not (prev[:1].isupper() and nxt[:1].isupper()):
                break
        start = w.start()
    s, e = _strip_span(text, start, hi)
    m = _LEADING_JUNK_RE.match(text, s, e)
    if m is not None and m.end() > s:
        s = m.end()
    s, e = _strip_span(text, s, e)
    if s >= e:
        return None
    return s, e


def _appositive_like(seg: str) -> bool:
    """A comma segment that describes a name: 'a nurse', '59', 'of Ashton', 'Md.', 'who ...'."""
    seg = seg.strip()
    if not seg or any(c in seg for c in "\"“”«»"):
        return False
    first = seg.split()[0]
    if first.lower() in ("but", "and", "or", "so", "yet", "then", "while", "if", "because", "when", "as"):
        return False
    return (first[:1].islower() or first in ("The", "A", "An") or first[:1].isdigit()
            or first.rstrip(".").lower() in _lex().role_words
            or (len(seg) <= 6 and seg.endswith(".") and seg[:1].isupper()))  # a state: 'Md.', 'Calif.'


def _appositive_subject(text: str, lo: int, comma: int) -> tuple[int, int] | None:
    """For "Name, apposition, ..., said": the span from the name to the end of the appositions.

    ``comma`` is the position of the comma right before the cue. Comma-separated
    descriptions ('a teacher', '59', 'of Ashton', 'Md.', 'who ...') are skipped back
    to the noun phrase they describe; "One of his advisers, Tad Devine, told ..." (a
    description, then the name) is accepted too.
    """
    commas = [comma]
    k = comma
    for _ in range(6):
        prev = text.rfind(",", lo, k)
        if prev < 0:
            break
        commas.append(prev)
        k = prev
    # commas[0] is the one before the cue; segment i lies between commas[i+1] and commas[i]
    i = 0
    while i + 1 < len(commas):
        seg = text[commas[i + 1] + 1:commas[i]]
        if len(seg) > 160 or not _appositive_like(seg):
            break
        i += 1
    if i == 0:
        # no description right before the cue: maybe 'a description, Name, said'
        prev = commas[1] if len(commas) > 1 else -1
        if prev < 0:
            return None
        app = text[prev + 1:comma].strip()
        app_words = app.split()
        if not app_words or len(app_words) > 5 or not all(
                w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in app_words):
            return None
        pp = commas[2] if len(commas) > 2 else -1
        head = _np_left(text, pp + 1 if pp >= 0 else lo, prev)
        if head is None:
            return None
        words = text[head[0]:head[1]].split()
        w0 = words[0].lower()
        if len(words) > 10 or not (w0 in ("one", "two", "a", "an", "the", "his", "her", "their", "its", "another")
                                   or words[0][:1].islower() or words[0].endswith(("’s", "'s"))
                                   or len(words) >= 2 and words[-1].lower() in _lex().role_words):
            return None
        return head[0], _strip_span(text, prev, comma)[1]
    # commas[i] ends the head noun phrase
    start_lo = commas[i + 1] + 1 if i + 1 < len(commas) else lo
    head = _np_left(text, start_lo, commas[i])
    if head is None:
        return None
    words = text[head[0]:head[1]].split()
    if len(words) > 10 or not any(w[:1].isupper() for w in words):
        return None
    return head[0], _strip_span(text, commas[i], comma)[1]


_NP_RIGHT_STOP_RE = re.compile(
    r"\s*(?:[.;!?:\"“”(]|—|–|\s-\s|,\s*(?:is|was|are|were|has|have|had|will|would|can|could|does|did|who|"
    r"which|adding|noting|saying|according|while|as|when|"
    r"and|but|in\s+a|in\s+an|on\s+|at\s+|during|after|before|because|although|though|referring|"
    r"explaining|arguing|pointing|calling|asking|telling|citing|speaking|[a-z]+ing\b)|\s+(?:in\s+an?\s+|"
    rf"on\s+{_DAY}|{_DAY}|on\s+Twitter|in\s+a\s+statement|at\s+a\s+|during\s+|as\s+|while\s+|when\s+|"
    r"before\s+|after\s+|to\s+reporters|to\s+the\s+|to\s+(?:[A-Z])|of\s+the\s+(?:decision|move|plan)|that\s+))"
)


_NP_OPENERS = frozenset(
    "the a an one two three several some many his her their its our he she they we i officials sources".split()
)


def _np_right(text: str, pos: int, end: int, loose: bool = False) -> tuple[int, int] | None:
    """A source noun phrase after an inverted cue ('"...," said X, a spokesman.')."""
    s = pos
    while s < end and text[s] in " \t\n\u00a0":
        s += 1
    if s >= end:
        return None
    e = s
    e = end
    for m in _NP_RIGHT_STOP_RE.finditer(text, s, end):
        if text[m.start():m.end()].strip() == "." and _ABBR_BEFORE_RE.search(
                text, max(s, m.start() - 6), m.start() + 1):
            continue
        e = m.start()
        break
    s, e = _strip_span(text, s, e)
    if s >= e:
        return None
    first = text[s:e].split()[0]
    if not loose and first[:1].islower() and first.lower() not in _NP_OPENERS:
        return None
    if len(text[s:e].split()) > 40:
        return None
    return s, e


# =========================================================================== extraction


def _content_right(doc: _Doc, pos: int, send: int, para_end: int) -> list[tuple[int, int]]:
    """Content that starts at ``pos`` and runs to the end of the sentence (or of a quotation)."""
    text = doc.text
    s, _ = _strip_span(text, pos, send, " \t\n\r\u00a0,:—–")
    if s >= send:
        return []
    qi = doc.quote_starting_at(s, s + 2)
    if qi >= 0 and doc.quotes[qi].end >= send - 1:
        spans = doc.chain_from(qi)
        last_end = spans[-1][1]
        # the sentence in which the quotation ends may go on after it
        si = doc.sentence_of(last_end - 1)
        se = doc.sents[si][1]
        if se > last_end and text[last_end:se].strip(" .,\"”") and se - last_end < 200:
            tail = text[last_end:se]
            if not doc.has_cue(last_end, se):
                spans[-1] = (spans[-1][0], _trim_content_end(text, last_end, se)[1])
        return spans
    e = send
    # a following attribution inside the sentence ends this content
    for m in _ING_SIBLING_RE.finditer(text, s, send):
        w = _WORD_RE.match(text, m.end(), send)
        if w and w.group().lower() in _lex().form_lemma:
            e = m.start() + (2 if text[m.start() + 1] in "”\"'" else 0)
            break
    if text.find("ccording", s, e) >= 0:
        acc = _ACCORDING_IN_RE.search(text, s, e)
        if acc:
            e = acc.start()
    e = _cut_at_coordinated_cue(doc, s, e)
    s, e = _trim_content_end(text, s, e)
    if s >= e:
        return []
    # a quotation opened in the content and running past the sentence end
    qj = doc.quote_at(e - 1)
    if qj >= 0 and doc.quotes[qj].end > e and doc.quotes[qj].start >= s:
        spans = doc.chain_from(qj)
        return [(s, spans[0][1])] + spans[1:]
    return [(s, e)]


_ACCORDING_IN_RE = re.compile(r",?\s*according\s+to\b", re.IGNORECASE)
_CONJ_BEFORE_RE = re.compile(
    r"(?:,\s*|\s+)(?:and|but|while|whereas|although|though|yet)\s+"
    r"(?P<subj>(?:[\w.’'-]+\s+){0,6}?)"
    r"(?:(?:has|have|had|also|later|then|would|will|did|does|do|is|was|were|are|not|never)\s+)*\Z"
    r"|;\s+(?P<subj2>(?:[\w.’'-]+\s+){0,6}?)(?:(?:has|have|had|also|later|then)\s+)*\Z"
)


def _cut_at_coordinated_cue(doc: _Doc, s: int, e: int) -> int:
    """End of a content before a coordinated attribution ('... but noted that ...', '; others said ...')."""
    text = doc.text
    lex = _lex()
    for m, lemma in doc.cues_in(s, e):
        if m.start() - s < 8 or lemma == "according_to" or doc.quote_at(m.start()) >= 0:
            continue
        entry = lex.cues[lemma]
        if entry["frame"] not in ("any", "clause"):
            continue
        c = _CONJ_BEFORE_RE.search(text, max(s, m.start() - 90), m.start())
        if c is None:
            continue
        subj = (c.group("subj") or c.group("subj2") or "").strip()
        if subj:
            w = subj.split()[0]
            if not (w[:1].isupper() or w.lower() in ("he", "she", "they", "we", "i", "the", "a", "an", "some",
                                                       "others", "many", "most", "several", "his", "her",
                                                       "their", "about", "six", "five", "four", "three", "two")):
                continue
        if entry["frame"] == "clause":
            after, _ = _skip_adverbials(text, m.end(), e)
            if not _COMPLEMENT_RE.match(text, after, e):
                continue
        if not _cue_ok(doc, m):
            continue
        return c.start()
    return e


def _content_left(doc: _Doc, ss: int, bound: int) -> list[tuple[int, int]]:
    """Content that ends at ``bound`` (before a cue frame), from the sentence or quotation start."""
    text = doc.text
    s, e = _trim_content_end(text, ss, bound)
    if s >= e:
        return []
    qi = doc.quote_ending_at(e, e - 2)
    if qi < 0:
        qi = doc.quote_at(e - 1)
    if qi >= 0 and (doc.quotes[qi].start < s or doc.quotes[qi].prev >= 0 and doc.quotes[qi].start <= s):
        # the quotation (and the paragraphs it continues) that closes before the cue
        spans = doc.chain_to(qi)
        spans[-1] = (min(spans[-1][0], s), e)
        return spans
    # a quotation that started in an earlier sentence of the paragraph
    qk = doc.quote_at(s)
    if qk >= 0 and doc.quotes[qk].start < s:
        spans = doc.chain_to(qk)
        spans[-1] = (spans[-1][0], e)
        return spans
    return [(s, e)]


def _following_quotes(doc: _Doc, after: int, pi: int) -> list[tuple[int, int]]:
    """Quoted sentences right after ``after`` in paragraph ``pi`` that hold no cue of their own."""
    text = doc.text
    lex = _lex()
    out: list[tuple[int, int]] = []
    si = doc.sentence_of(after)
    if si < len(doc.sents) and doc.sents[si][1] <= after:
        si += 1
    while si < len(doc.sents) and doc.sents[si][2] == pi:
        ss, se, _ = doc.sents[si]
        if ss < after:
            si += 1
            continue
        qi = doc.quote_starting_at(ss, ss + 1)
        if qi < 0:
            break
        spans = doc.chain_from(qi)
        q_end = spans[0][1]
        # a cue outside the quotation in its sentence: another attribution
        rest_end = doc.sents[doc.sentence_of(max(q_end - 1, ss))][1]
        if q_end < rest_end and doc.has_cue(q_end, rest_end):
            break
        out.extend(spans)
        after = spans[-1][1]
        si = doc.sentence_of(after - 1) + 1
        if len(spans) > 1:
            break
    return out


def _analyze_cue(doc: _Doc, m: re.Match[str], lemma: str, found: list[_Attr]) -> _Attr | None:
    text = doc.text
    lex = _lex()
    cs, ce = m.start(), m.end()
    si = doc.sentence_of(cs)
    ss, se, pi = doc.sents[si]
    form = m.group().lower()
    entry = lex.cues[lemma]
    frame_req = entry["frame"]

    # ------------------------------------------------------------ according to
    if lemma == "according_to":
        src = _np_right(text, ce, se, loose=True)
        if src is None:
            return None
        lead_s, lead_e = _strip_span(text, ss, cs)
        after_src = src[1]
        content: list[tuple[int, int]] = []
        if lead_e > lead_s and _WORD_CHAR_RE.search(text[lead_s:lead_e]):
            content = _content_left(doc, ss, lead_e)
            rest_span = _strip_span(text, after_src, se)
            if rest_span[1] > rest_span[0] and text[after_src:rest_span[0]].strip().startswith(",") and \
                    _WORD_CHAR_RE.search(text[rest_span[0]:rest_span[1]]):
                # "The economy, according to X, is ..." : both sides
                adv_end, _ = _skip_adverbials(text, after_src, se)
                if adv_end >= se or not _WORD_CHAR_RE.search(text[adv_end:se]):
                    pass
                else:
                    content = content + _content_right(doc, adv_end, se, doc.paras[pi][1])
        else:
            comma = text.find(",", ce, se)
            if comma < 0:
                return None
            src = _strip_span(text, ce, comma)
            if src[0] >= src[1]:
                return None
            content = _content_right(doc, comma + 1, se, doc.paras[pi][1])
        if not content:
            return None
        return _Attr((cs, ce), lemma, src, content, frame="according")

    # ------------------------------------------------------------ verbs
    subj_end = _aux_start(text, ss, cs)
    is_ing = form.endswith("ing")
    pw_s = text.rfind(" ", ss, subj_end - 1) + 1 if subj_end > ss else -1
    prev_word = text[max(pw_s, ss):subj_end].strip() if subj_end > ss else ""
    aux = text[subj_end:cs].lower()
    passive = bool(aux) and not is_ing and (form.endswith("ed") or form in _IRREGULAR_PARTICIPLES) \
        and _PASSIVE_AUX_RE.search(aux) is not None
    progressive = is_ing and bool(_PROGRESSIVE_AUX_RE.search(aux))

    # boundary before the subject
    bound = ss
    bound_kind = "start"
    k = _last_of(text, ",;:—–", ss, subj_end)
    kp = text.rfind("(", ss, subj_end)
    if kp > k and text.find(")", kp, subj_end) < 0:
        k = kp  # an open parenthesis; '(D-Wis.)' closed before the cue is part of the subject
    if k >= ss:
        bound, bound_kind = k + 1, text[k]
    qi = doc.quote_ending_at(subj_end, bound)
    if qi >= 0 and doc.quotes[qi].end >= bound and doc.quotes[qi].end > ss:
        bound, bound_kind = doc.quotes[qi].end, "quote"
    subj_s, subj_e = _strip_span(text, bound, subj_end)
    if subj_s < subj_e and _TIME_ONLY_RE.fullmatch(text, subj_s, subj_e):
        subj_e = subj_s  # 'X, the GOP chairman, this past week announced ...'
    subj_words = text[subj_s:subj_e].split()
    left_exists = bound > ss and _WORD_CHAR_RE.search(text, ss, bound) is not None
    if bound_kind == "quote":
        left_exists = True
    if bound_kind == "," and bound - 1 > ss:
        # '“...,” he said': the comma sits inside the quotation
        qi = doc.quote_ending_at(bound - 1, bound - 3)
        if qi >= 0:
            bound_kind = "quote"
    tail_pos, skipped = _skip_adverbials(text, ce, se)
    after_cue = tail_pos  # where the adverbials right after the cue end (reused below)
    tail = text[tail_pos:se]
    tail_empty = _WORD_OR_OPENER_RE.search(tail) is None
    tail_clean = tail.strip()

    if is_ing and not progressive and prev_word:
        pw = prev_word.lower()
        if pw.endswith(",") or pw in ("while", "after", "before", "by", "when", "and", "also", "without", "in",
                                      "since", "for"):
            return _participle(doc, m, lemma, ss, se, pi, found)
        if not subj_words:
            return _participle(doc, m, lemma, ss, se, pi, found)

    if not aux and (form.endswith("ed") or form in _IRREGULAR_PARTICIPLES) and _BY_AFTER_RE.match(text, ce) \
            and prev_word.lower() != "as":
        return None  # 'estimates cited by both parties': a reduced passive relative, not a cue
    if frame_req == "evidential" or (lemma == "expect" and passive):
        return _evidential(doc, m, lemma, ss, se, pi, subj_end)
    if passive:
        return _passive(doc, m, lemma, ss, se, pi)
    if prev_word and prev_word.lower() in ("when", "if", "as", "once", "until", "unless") \
            and form in ("asked", "pressed", "questioned", "told", "challenged", "reported", "noted",
                         "described", "stated", "announced"):
        return _passive(doc, m, lemma, ss, se, pi, as_clause=prev_word.lower() == "as")
    if prev_word.lower() == "to" or aux.startswith("to ") or " to " in f" {aux}":
        return None  # an infinitive: 'seems to have found', 'wants to say'
    if lemma in _TELL_LEMMAS:
        mo = _OBJECT_RE.match(text, ce, se)
        if mo is not None and mo.end() > ce:
            tail_pos, skipped = _skip_adverbials(text, mo.end(), se)
            tail = text[tail_pos:se]
            tail_empty = _WORD_OR_OPENER_RE.search(tail) is None
            tail_clean = tail.strip()

    # ---------- post frames: content on the left ('"...," he said', '..., he said, ...')
    first_subj = subj_words[0].lower().strip("“\"(") if subj_words else ""
    short_subj = 0 < len(subj_words) <= 12 and first_subj not in _CLAUSE_WORDS and first_subj not in (
        "to", "and", "but", "or") and not any(
            w.lower() in ("the", "a", "an") and subj_words[k].lower() not in _PREPOSITIONS_AND_OR_TO
            for k, w in enumerate(subj_words[1:]))
    opens_after = tail_clean[:1] in _OPENERS or tail_clean[:2] == "''" or (
        tail_clean[:1] in ",:" and tail_clean[1:].lstrip()[:1] in _OPENERS)
    if left_exists and short_subj and (
        bound_kind == "quote"
        or (bound_kind in ",—–" and (tail_empty or tail_clean.startswith(",") or opens_after))
    ):
        if opens_after and not _split_quote(doc, ss, bound):
            pass  # 'Asked about it, Priebus said, "Probably."': the content is the quotation after
        else:
            if frame_req == "quote" and bound_kind != "quote":
                return None
            content = _content_left(doc, ss, bound - (0 if bound_kind == "quote" else 1))
            if not content:
                return None
            content = content + _second_piece(doc, tail_pos, se, pi)
            return _Attr((cs, ce), lemma, (subj_s, subj_e), content, frame="post")

    # ---------- inverted ('"...," said X') or 'Name, apposition, said that ...'
    appositive = None
    if left_exists and not subj_words and bound_kind in ("quote", ",", "—", "–"):
        src = None if _COMPLEMENT_RE.match(text, after_cue, se) else _np_right(text, after_cue, se)
        inverted = False
        if src is not None and (bound_kind == "quote" or _np_like(text, src)):
            after_pos, _ = _skip_adverbials(text, src[1], se)
            rest = text[after_pos:se]
            rest_s = rest.strip()
            ends = not _WORD_CHAR_RE.search(rest) or rest_s.startswith(",") and (
                rest_s.lstrip(", ")[:1] in _OPENERS or _first_word(rest_s.lstrip(", ")) in _TAIL_CLAUSE
                or _first_word(rest_s.lstrip(", ")).endswith("ing"))
            inverted = bound_kind == "quote" or (ends and lemma not in _TELL_LEMMAS and (
                frame_req in ("any",) or lemma in ("add", "write", "note", "explain", "continue")))
        if not inverted and bound_kind == "," and bound - 1 > ss:
            appositive = _appositive_subject(text, ss, bound - 1)
            if appositive is not None:
                # '"...," Terrie Rizzo, the party chair, said.': a post frame after all
                k = appositive[0]
                while k > ss and text[k - 1] in " \t\u00a0,":
                    k -= 1
                qi = doc.quote_ending_at(k, k - 1) if k > ss else -1
                if qi >= 0 and tail_empty:
                    content = _content_left(doc, ss, k)
                    if content:
                        content = content + _second_piece(doc, tail_pos, se, pi)
                        return _Attr((cs, ce), lemma, appositive, content, frame="post")
        if inverted and src is not None:
            content = _content_left(doc, ss, bound - (0 if bound_kind == "quote" else 1))
            if content:
                content = content + _second_piece(doc, src[1], se, pi)
                return _Attr((cs, ce), lemma, src, content, frame="inverted")

    # ---------- pre frames: content on the right ('X said (that) ...')
    source: tuple[int, int] | None = None
    shared = False
    if subj_words and subj_words[-1].lower() in ("and", "but", "yet", "or"):
        # 'Clinton has disputed both critiques, but says ...': the subject of the first verb
        source = _shared_subject(doc, ss, cs, found)
        shared = True
    elif subj_words:
        source = _np_left(text, subj_s, subj_e)
    elif appositive is not None:
        source = appositive
    if source is None and not shared:
        return None
    if source is not None and text[source[0]:source[1]].lower() in ("it", "this", "that", "there"):
        return None
    pos = ce
    obj_taken = False
    if lemma in _TELL_LEMMAS:
        mo = _OBJECT_RE.match(text, pos, se)
        if mo is not None and mo.end() > pos:
            nxt = text[mo.end():se]
            if lemma == "tell" or _COMPLEMENT_RE.match(nxt) or _ADVERBIAL_RE.match(nxt):
                pos, obj_taken = mo.end(), True
    pos = after_cue if pos == ce else _skip_adverbials(text, pos, se)[0]
    rest = text[pos:se]
    comp = _COMPLEMENT_RE.match(rest)
    if frame_req == "quote":
        if not _QUOTE_START_RE.match(rest):
            return None
    elif frame_req == "clause":
        ok = comp is not None
        if not ok and lemma in ("describe", "call", "refer_to", "label"):
            ok = _AS_OR_QUOTE_RE.search(rest[:200]) is not None
        if not ok:
            return None
    elif frame_req == "object":
        if not _WORD_CHAR_RE.search(rest):
            return None
    if lemma == "tell" and not obj_taken and comp is None:
        return None
    rl = rest.lstrip().lower()
    if comp is not None and (rl.startswith("that ") or rl.startswith(":") or rl.startswith(", that ")):
        pos = pos + comp.end()
    content = _content_right(doc, pos, se, doc.paras[pi][1])
    if not content:
        # "He said:" at the end of a paragraph: the next paragraph's quotation
        if text[ce:se].rstrip().endswith(":") and pi + 1 < len(doc.paras):
            ns = doc.paras[pi + 1][0]
            qi = doc.quote_starting_at(ns, ns + 1)
            if qi >= 0:
                content = doc.chain_from(qi)
        if not content:
            return None
    elif content[-1][1] >= se - 2:
        content = content + _following_quotes(doc, content[-1][1], pi)
    return _Attr((cs, ce), lemma, source, content, frame="pre")


def _first_word(s: str) -> str:
    w = _WORD_RE.match(s)
    return w.group().lower() if w else ""


def _second_piece(doc: _Doc, pos: int, se: int, pi: int) -> list[tuple[int, int]]:
    """Content after a post-frame cue: ', "..."' or ', the rest of the sentence', or the quotes that follow."""
    text = doc.text
    lex = _lex()
    t = text[pos:se]
    ts = t.strip()
    out: list[tuple[int, int]] = []
    if ts.startswith((",", ":")) or ts[:1] in _OPENERS:
        body = ts.lstrip(",: ")
        w = _first_word(body)
        if body[:1] in _OPENERS or not (w in lex.form_lemma or w.endswith("ing") or w in _TAIL_CLAUSE):
            out = _content_right(doc, pos, se, doc.paras[pi][1])
    if not out:
        # '... he said of Trump, "whether ..."': a quotation opened later in the sentence
        m = _COMMA_QUOTE_RE.search(t)
        if m is not None:
            qi = doc.quote_starting_at(pos + m.end(), pos + m.end() + 1)
            if qi >= 0:
                out = _content_right(doc, pos + m.end(), se, doc.paras[pi][1])
    if not out or out[-1][1] >= se - 2:
        out = out + _following_quotes(doc, out[-1][1] if out else se, pi)
    return out


def _split_quote(doc: _Doc, ss: int, bound: int) -> bool:
    """True if the text before ``bound`` is a quotation that opens the sentence ('"A," he said, "B."')."""
    text = doc.text
    qi = doc.quote_ending_at(bound, bound - 3)
    if qi < 0:
        return False
    q = doc.quotes[qi]
    if q.start <= ss + 1:
        return True
    return not _WORD_CHAR_RE.search(text[ss:q.start])


def _np_like(text: str, span: tuple[int, int]) -> bool:
    """A right-hand source looks like a noun phrase, not a clause ('said the spokesman' vs 'said he will')."""
    words = text[span[0]:span[1]].split()
    if not words:
        return False
    if words[0].lower() in ("he", "she", "they", "we", "i", "it", "there", "this", "that"):
        return False
    head = _HEAD_CUT_RE.split(text[span[0]:span[1]])[0].split()
    if len(head) > 8:
        return False
    if any(w.lower() in _FINITE for w in head):
        return False
    # 'said Clinton lied': a past tense right after a name
    return not any(k > 0 and head[k - 1][:1].isupper() and w.islower() and w.endswith("ed") and len(w) > 3
                   for k, w in enumerate(head))


_ABBR_BEFORE_RE = re.compile(
    r"(?:\b(?:Gen|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|Maj|Capt|Adm|Jr|Sr|St|Rev|Prof|Inc|Co|Corp|Ft|Mt|"
    r"Calif|Fla|Mass|Ind|Ill|Va|Pa|Ga|Ariz|Colo|Conn|Mich|Minn|Wis|Tenn|Ky|La|Md|Mo|Nev|Okla|Ore|Tex|Wash|"
    r"Wyo|Ala|Ark|Del|Kan|Neb|Vt|No|U\.S|U\.N|D\.C)|\b[A-Z])\.\Z"
)
_FINITE = frozenset(
    "is are was were has have had will would could can should may might must does did do isn't wasn't "
    "won't can't didn't doesn't don't hasn't haven't isn’t wasn’t won’t can’t didn’t doesn’t don’t "
    "hasn’t haven’t".split()
)


def _evidential(doc: _Doc, m: re.Match[str], lemma: str, ss: int, se: int, pi: int,
                subj_end: int) -> _Attr | None:
    """'Sanders seemed to be of two minds', 'X is expected to win', 'it appears that ...' (no source).

    The content is the subject and the complement, as PolNeAR annotates it.
    """
    text = doc.text
    pos, _ = _skip_adverbials(text, m.end(), se)
    rest = text[pos:se]
    if not _EVIDENTIAL_COMP_RE.match(rest):
        return None
    comp_start = pos + len(rest) - len(rest.lstrip())
    if rest.lstrip().lower().startswith("that "):
        comp_start += 5
    right = _content_right(doc, comp_start, se, doc.paras[pi][1])
    if not right:
        return None
    k = _last_of(text, ",;:(—–", ss, subj_end)
    lo = k + 1 if k >= ss else ss
    subj = _np_left(text, lo, subj_end) if subj_end > lo else None
    if subj is not None and text[subj[0]:subj[1]].lower() in ("it", "there", "this"):
        subj = None
    content = ([subj] if subj is not None else []) + right
    return _Attr((m.start(), m.end()), lemma, None, content, frame="evidential")


def _colon_attributions(doc: _Doc) -> list[_Attr]:
    """'Clinton: Time for a new strategy', 'Q: ...': a name, a colon, then what the person says."""
    text = doc.text
    out: list[_Attr] = []
    if ":" not in text:
        return out
    pos = text.find(":")
    last_si = -1
    while pos >= 0:
        c = pos
        pos = text.find(":", c + 1)
        si = doc.sentence_of(c)
        ss, se, pi = doc.sents[si]
        if si == last_si or c < ss or c - ss > 45 or c + 2 >= se:
            continue  # only the first colon of a sentence, near its start
        last_si = si
        m = _COLON_SOURCE_RE.fullmatch(text, ss, c)
        if m is None:
            continue
        head = text[ss:c].strip()
        if head.lower() in _COLON_STOP or head.split()[0].lower() in _COLON_STOP:
            continue
        if head.isupper() and len(head) > 2:
            continue  # a dateline or a label ("WASHINGTON:", "UPDATE:")
        if _analyze_span(head).type not in _COLON_SOURCE_TYPES:
            continue  # "Last Updated: ...", "Key details: ..."
        cs, ce = _strip_span(text, c + 1, se, " \t\u00a0")
        if cs >= ce or not (text[cs].isupper() or text[cs] in _OPENERS or text[cs:cs + 2] == "''"):
            continue
        qi = doc.quote_starting_at(cs, cs + 1)
        pe = doc.paras[pi][1]
        content = doc.chain_from(qi) if qi >= 0 and doc.quotes[qi].end >= se - 1 else [
            _trim_content_end(text, cs, pe)]
        out.append(_Attr((c, c + 1), "colon", (ss, ss + len(text[ss:c].rstrip())), content, frame="colon"))
    return out


_COLON_SOURCE_RE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]*){0,3}\s*"
)
_COLON_STOP = frozenset(
    "key details context big picture what’s next what's next update updated editor’s note editor's note "
    "note correction clarification related read more watch video photo photos source sources credit "
    "disclosure disclaimer full disclosure bottom line background why it matters the latest latest "
    "breaking tags topics share advertisement listen subscribe follow contact email phone fax last "
    "contributing contributors reporting transcript excerpt excerpts summary poll survey results "
    "january february march april may june july august september october november december".split()
) | frozenset({"key details", "big picture", "what’s next", "what's next", "editor’s note", "editor's note",
               "read more", "why it matters", "the latest", "bottom line", "full disclosure"})
_COLON_SOURCE_TYPES = frozenset({"person", "official", "organization", "media", "agency", "document", "group"})
_EVIDENTIAL_COMP_RE = re.compile(r"\s*(?:to\s+\w|that\s|like\s|as\s+(?:if|though)\s)", re.IGNORECASE)


def _passive(doc: _Doc, m: re.Match[str], lemma: str, ss: int, se: int, pi: int,
             as_clause: bool = False) -> _Attr | None:
    """'X was told by Y that ...', 'it was reported that ...': the source is the by-phrase, if any.

    With ``as_clause`` ('As reported by X, ...'), the content is the clause after the comma.
    """
    text = doc.text
    entry = _lex().cues[lemma]
    if entry["frame"] not in ("any", "clause", "object"):
        return None
    pos = m.end()
    src = None
    if as_clause:
        comma = text.find(",", pos, se)
        if comma < 0:
            return None
        by = _BY_RE.match(text[pos:comma])
        if by is not None:
            src = _strip_span(text, pos + by.end(), comma)
        content = _content_right(doc, comma + 1, se, doc.paras[pi][1])
        if not content:
            return None
        return _Attr((m.start(), m.end()), lemma, src, content, frame="passive")
    by = _BY_RE.match(text[pos:se])
    if by is not None:
        src = _np_right(text, pos + by.end(), se)
        if src is not None:
            pos = src[1]
    pos, _ = _skip_adverbials(text, pos, se)
    rest = text[pos:se]
    if _TO_RE.match(rest):
        return None  # "is said to be": no content clause
    comp = _COMPLEMENT_RE.match(rest)
    if comp is None:
        return None
    if rest.lstrip().lower().startswith(("that ", ":")):
        pos += comp.end()
    content = _content_right(doc, pos, se, doc.paras[pi][1])
    if not content:
        return None
    return _Attr((m.start(), m.end()), lemma, src, content, frame="passive")


def _participle(doc: _Doc, m: re.Match[str], lemma: str, ss: int, se: int, pi: int,
                found: list[_Attr]) -> _Attr | None:
    """", adding that ...": the source is the subject of the clause the participle hangs on."""
    text = doc.text
    entry = _lex().cues[lemma]
    ce = m.end()
    pos = ce
    if lemma in _TELL_LEMMAS:
        mo = _OBJECT_RE.match(text, pos, se)
        if mo is not None and mo.end() > pos:
            pos = mo.end()
    pos, _ = _skip_adverbials(text, pos, se)
    rest = text[pos:se]
    comp = _COMPLEMENT_RE.match(rest)
    if entry["frame"] in ("clause", "quote") and comp is None:
        if not (lemma in ("describe", "call", "refer_to", "label") and _AS_OR_QUOTE2_RE.search(rest[:200])):
            return None
    if not _WORD_CHAR_RE.search(rest):
        return None
    if comp is not None and rest.lstrip().lower().startswith(("that", ":")):
        pos += comp.end()
    content = _content_right(doc, pos, se, doc.paras[pi][1])
    if not content:
        return None
    source = _shared_subject(doc, ss, m.start(), found)
    return _Attr((m.start(), m.end()), lemma, source, content, frame="participle", participle=True)


_SUBORDINATE_START = frozenset(
    "in on at after before when while since as although though despite during with without for from "
    "by under over among amid following like unlike if because once until here there earlier later "
    "still yet instead meanwhile but and so asked speaking".split()
)
_SUBJECT_END_RE = re.compile(
    r"(?:has|have|had|is|was|were|are|will|would|could|can|should|may|might|must|did|does|do|also|"
    r"then|later|quickly|repeatedly|never|not|began|took|went|made|gave|got|kept|spent|came|sat|stood|"
    r"[a-z]+ed|[a-z]+ly)\Z"
)


def _clause_subject(doc: _Doc, ss: int, limit: int) -> tuple[int, int] | None:
    """The subject noun phrase of the main clause of the sentence starting at ``ss`` (before ``limit``)."""
    text = doc.text
    start = ss
    w0 = _WORD_RE.match(text, ss, limit)
    if w0 is not None and w0.group().lower() in _SUBORDINATE_START:
        comma = text.find(",", ss, limit)
        if comma < 0:
            return None
        start = comma + 1
    words = list(_WORD_RE.finditer(text, start, limit))
    end = -1
    for k, w in enumerate(words[:12]):
        lw = w.group().lower()
        if k > 0 and (_SUBJECT_END_RE.match(lw) or lw in _lex().form_lemma) and not w.group()[:1].isupper():
            end = words[k - 1].end()
            break
    if end < 0:
        return None
    s, e = _strip_span(text, start, end)
    if s >= e:
        return None
    first = text[s:e].split()[0]
    if first[:1].islower() and first.lower() not in ("he", "she", "they", "we", "i", "the", "a", "an", "his",
                                                        "her", "their", "both", "many", "some", "most"):
        return None
    return s, e


def _shared_subject(doc: _Doc, ss: int, pos: int, found: list[_Attr]) -> tuple[int, int] | None:
    """Source for a verb without its own subject (', saying ...', '... and said ...')."""
    in_sentence = [a for a in found if ss <= a.cue[0] < pos]
    for a in reversed(in_sentence):
        c = a.cue[0]
        if any(b is not a and any(s0 <= c < e0 for s0, e0 in b.content) for b in in_sentence):
            continue  # nested in another attribution of the sentence
        return a.source
    return _clause_subject(doc, ss, pos)


_DETERMINERS = frozenset(
    "the a an his her their its our my your this no every whose previous earlier recent first central "
    "latest any such".split()
)


_NOUNISH = frozenset(
    "attacks comments reports answers claims questions pledges calls shows thanks notes plans hopes fears "
    "wants supports backs tweets posts remarks estimates promises demands warnings thoughts statements "
    "concerns views findings talks".split()
)
_ON_CONDITION_RE = re.compile(r"\s+on\s+(?:the\s+)?(?:condition|background)\b")
_NOUN_BASES = frozenset(
    "report claim call answer comment note question promise plan hope fear support attack show post tweet "
    "warning demand estimate vow pledge remark reply read quote find view thought concern request".split()
)
_NOUN_FOLLOWERS = frozenset(
    "of on against about from by for in over were are have had will would could across at with , . ; : "
    "and or but".split()
)
_PREPOSITIONS = frozenset(
    "of for with in on at by from about without amid despite under over into upon than like after before "
    "during following through since until among between against toward towards via per".split()
)
_PREPOSITIONS_AND_OR_TO = _PREPOSITIONS | {"and", "or", "to"}
_ASKED_ANON_RE = re.compile(
    r"\s+(?:not\s+to\s+be|that\s+(?:his|her|their)\s+name|to\s+remain\s+anonymous|for\s+anonymity)")
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]*([\w’'-]+|[,.;:])")


def _cue_ok(doc: _Doc, m: re.Match[str]) -> bool:
    """False for a cue form that is not used as a cue here (quoted, a noun, a name, an infinitive)."""
    text = doc.text
    s = m.start()
    if doc.quote_at(s) >= 0:
        return False
    word = m.group()
    according = word[:9].lower() == "according"
    if word[:1].isupper() and not according:
        # a capitalised form mid-sentence is a name ("United States", "Tell City")
        si = doc.sentence_of(s)
        ss = doc.sents[si][0] if doc.sents else 0
        head = text[ss:s].strip(" \t\n\"“‘'(—–-•")
        if head:
            se = doc.sents[si][1]
            words = _LETTERS_RE.findall(text[ss:se])
            if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
                return False
    if according:
        return True
    k = s
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    j = k
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "’'-_"):
        j -= 1
    if j < k:
        prev = text[j:k]
        lp0 = prev.lower()
        if lp0 in _PREPOSITIONS and not word.lower().endswith("ing"):
            return False  # '26 years of fear', 'in response': a noun
        if prev.isdigit():
            return False  # 'a 2023 report'
        lp = prev.lower()
        if lp in _DETERMINERS or lp.endswith(("’s", "'s", "s’", "s'")) and prev[:1].isupper() or lp == "to":
            return False
        if lp.endswith(("’s", "'s")) and lp not in (
                "he's", "she's", "he’s", "she’s", "it's", "it’s", "that's",
                                                  "that’s", "who's", "who’s", "there's", "there’s"):
            return False
    lw = word.lower()
    if lw == "asked" and _ASKED_ANON_RE.match(text, m.end()):
        return False  # 'who asked not to be named'
    if lw in _NOUNISH:
        nxt = _NEXT_WORD_RE.match(text, m.end())
        if nxt is None or nxt.group(1).lower() in _NOUN_FOLLOWERS or (
                nxt.group(1).endswith("ed") and nxt.group(1).islower()):
            return False  # 'the talks resumed', 'comments about ...'
    if lw in _NOUN_BASES:
        # 'a UN report', 'the first call': a determiner one or two words before
        toks = _HEAD_TOKEN_RE.findall(text, max(0, s - 40), s)[-2:]
        if len(toks) == 2 and toks[0].lower() in _DETERMINERS and not toks[1].lower().endswith("ly"):
            return False
    if lw in ("spoke", "speaks", "speaking", "talked", "talks", "talking"):
        nxt = _NEXT_WORD_RE.match(text, m.end())
        allowed = ("about", "of") if lw.endswith("ing") else ("about", "of", "on", "to", "with")
        if nxt is None or nxt.group(1).lower() not in allowed or _ON_CONDITION_RE.match(text, m.end()):
            return False
    if lw in ("pledged", "pledge", "called", "reported", "stated") and \
            _DELEGATE_RE.match(text, m.end(), m.end() + 20) is not None:
        return False
    return True


def _nest_filter(attrs: list[_Attr]) -> list[_Attr]:
    """Drop attributions whose cue lies inside another attribution's content (keep the outermost)."""
    spans = sorted([(cs, ce, k) for k, a in enumerate(attrs) for cs, ce in a.content])
    starts = [x[0] for x in spans]
    keep: list[_Attr] = []
    for k, a in enumerate(attrs):
        c = a.cue[0]
        i = bisect.bisect_right(starts, c) - 1
        nested = False
        # content spans are short and rarely overlap: look back a few
        j = i
        while j >= 0 and j > i - 8:
            s0, e0, owner = spans[j]
            if owner != k and s0 <= c < e0:
                nested = True
                break
            j -= 1
        if not nested:
            keep.append(a)
    return keep


def _continue_paragraphs(doc: _Doc, attrs: list[_Attr]) -> None:
    """Quote-only paragraphs right after an attribution's quotation continue its content."""
    if not attrs:
        return
    text = doc.text
    by_para: dict[int, list[_Attr]] = {}
    for a in attrs:
        by_para.setdefault(doc.sents[doc.sentence_of(a.cue[0])][2], []).append(a)
    covered = set()
    for a in attrs:
        for s, e in a.content:
            covered.add(s)
    lex = _lex()
    for pi in sorted(by_para):
        a = max(by_para[pi], key=lambda x: x.content[-1][1])
        pe = doc.paras[pi][1]
        if a.content[-1][1] < pe - 3 or not any(text[s] in _OPENERS or text[s:s + 2] == "''"
                                                for s, _ in a.content):
            continue
        nxt = pi + 1
        while nxt < len(doc.paras) and nxt not in by_para:
            ps, pe2 = doc.paras[nxt]
            qi = doc.quote_starting_at(ps, ps + 1)
            if qi < 0 or ps in covered:
                break
            q = doc.quotes[qi]
            if q.end < pe2 - 2:
                # the paragraph does not end with the quotation: maybe attributed inside
                if doc.has_cue(q.end, pe2):
                    break
            a.content.append((q.start, min(q.end, pe2)))
            covered.add(ps)
            nxt += 1


def _clear_caches() -> None:
    """Forget the per-phrase caches (source spans, name runs) that speed up repeated phrases.

    The lexicons stay loaded. Benchmarks call this to time what a fresh process pays.
    """
    _analyze_span.cache_clear()
    _name_pieces.cache_clear()
    _mention_info.cache_clear()
    _mentions_of.cache_clear()
    _NAME_CUT.clear()


def find_attributions(text: str) -> list[dict[str, Any]]:
    """Find the attributions of one text.

    Parameters
    ----------
    text : str
        An article body (``text`` of the articles table).

    Returns
    -------
    list of dict
        One dict per attribution, in order of the cue, with the keys of
        :data:`ATTRIBUTION_COLUMNS` except ``article_id``; offsets are ``int``
        (``None`` when there is no source), ``content_spans`` a list of
        ``(start, end)``.

    Examples
    --------
    >>> text = "\\u201cWe will win,\\u201d Sen. Jane Roe said on Tuesday. \\u201cNo doubt.\\u201d"
    >>> [(a["source_text"], a["cue_text"], a["content_text"], a["kind"]) for a in find_attributions(text)]
    [('Sen. Jane Roe', 'said', '\\u201cWe will win,\\u201d \\u201cNo doubt.\\u201d', 'direct')]
    >>> a = find_attributions("Prices rose, according to the Associated Press.")[0]
    >>> a["speaker"], a["source_type"], a["content_text"], a["kind"]
    ('AP', 'agency', 'Prices rose', 'according_to')
    """
    found = _find(text)
    if found is None:
        return []
    doc, attrs = found
    return [_row(doc, a) for a in attrs]


def _find(text: str) -> tuple[_Doc, list[_Attr]] | None:
    """The prepared document and its resolved attributions, or None for a blank text or a non-str."""
    if not isinstance(text, str) or not text.strip():
        return None
    doc = _prepare(text)
    attrs = _extract(doc)
    _resolve(doc, attrs)
    return doc, attrs


_CUE_NOT_AFTER_RE = re.compile(r"[\w\-’']")


def _iter_cues(text: str) -> list[tuple[re.Match[str], str]]:
    """Cue forms of the lexicon in ``text`` (longest form first), with their lemma, in text order.

    The matches of ``_lex().cue_form_re.finditer(text)``, found faster: that pattern starts with a
    look-behind, which ``re`` tries at every character; ``cue_after_re`` starts with the character
    before the form instead, which ``re`` skips ahead to. Each form is then matched again on its own
    (``cue_at_re``), so that the match objects are those of the forms alone.
    """
    lex = _lex()
    at = lex.cue_at_re
    spaced = lex.spaced_lemma
    first = at.match(text)
    out = _cue_lemmas([first]) if first is not None else []
    for m in lex.cue_after_re.finditer(text, first.end() if first is not None else 0):
        s = m.start()
        if text[s] >= "\x80" and _CUE_NOT_AFTER_RE.match(text, s):
            # a non-ASCII letter or digit (or ’) before the form: not a cue here, but a form might
            # start inside this match; rare, so scan this text the plain way
            return _cue_lemmas(lex.cue_form_re.finditer(text))
        cue = at.match(text, s + 1)
        lw = cue.group().lower()  # type: ignore[union-attr]
        lemma = spaced.get(lw)
        if lemma is None:  # as in _cue_lemmas
            lemma = spaced.get(" ".join(lw.split()))
            if lemma is None:
                continue
        out.append((cue, lemma))  # type: ignore[arg-type]
    return out


def _cue_lemmas(matches: Iterable[re.Match[str]]) -> list[tuple[re.Match[str], str]]:
    """The cue matches with their lemma (forms whose spacing is not in the lexicon left out)."""
    spaced = _lex().spaced_lemma
    out: list[tuple[re.Match[str], str]] = []
    for m in matches:
        lw = m.group().lower()
        lemma = spaced.get(lw)
        if lemma is None:
            lemma = spaced.get(" ".join(lw.split()))
            if lemma is None:
                continue
        out.append((m, lemma))
    return out


def _inside_recent(c: int, found: list[_Attr]) -> bool:
    """Position ``c`` lies in the content of one of the last three attributions found."""
    for a in found[-3:]:
        for s0, e0 in a.content:
            if s0 <= c < e0:
                return True
    return False


def _extract(doc: _Doc) -> list[_Attr]:
    found: list[_Attr] = []
    if not doc.sents:
        return found
    recent_end = -1
    for m, lemma in doc.cues:
        c = m.start()
        if c < recent_end and _inside_recent(c, found):
            continue  # inside the content of an attribution just found: nested, dropped anyway
        if not _cue_ok(doc, m):
            continue
        a = _analyze_cue(doc, m, lemma, found)
        if a is None or not a.content:
            continue
        if a.source is not None:
            src = _strip_span(doc.text, a.source[0], a.source[1], _SOURCE_STRIP)
            junk = _LEADING_JUNK_RE.match(doc.text, src[0], src[1])
            if junk is not None and junk.end() < src[1]:
                src = (junk.end(), src[1])  # 'And he said'
            if src[0] >= src[1]:
                a.source = None
            elif doc.text[src[0]:src[1]].lower() in _NOT_A_SOURCE:
                a.source = None  # not a noun phrase: 'as far as ... said', 'if ... says'
            else:
                a.source = src
        found.append(a)
        recent_end = -1  # the furthest content end of the last three attributions
        for b in found[-3:]:
            for _, e0 in b.content:
                if e0 > recent_end:
                    recent_end = e0
    colon = _colon_attributions(doc)
    if colon:
        taken = [(a.cue[0], a.content[-1][1]) for a in found]
        for ca in colon:
            if not any(s0 <= ca.cue[0] < e0 or ca.content[0][0] <= s0 < ca.content[-1][1] for s0, e0 in taken):
                found.append(ca)
        found.sort(key=lambda a: a.cue[0])
    found = _nest_filter(found)
    _continue_paragraphs(doc, found)
    for a in found:
        a.content = _merge(a.content)
    return found


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# =========================================================================== sources


def _clean_name(name: str) -> str:
    name = _POSSESSIVE_S_RE.sub("", name.strip(" ,.;:"))
    return " ".join(name.split())


_SURNAME_ONLY_RE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:[-’'][A-Z][a-z]+)*")
#: Substrings one of which every anonymous-source pattern of sources.yaml needs (a cheap prefilter).
_ANONYMOUS_HINTS = ("anonym", "familiar", "knowledge", "close to", "source", "official", "insider", "aide",
                    "advis", "diplomat", "people", "person", "individual", "staffer", "unnamed", "authori",
                    "named", "identified")
_ANONYMOUS_HINT_RE = re.compile("|".join(_ANONYMOUS_HINTS))


class _SpanInfo(NamedTuple):
    """What a source span says: its type, the person's name, role, affiliation and gender."""

    type: str
    name: str | None
    role: str | None
    affiliation: str | None
    gender: str


_SEGMENT_SPLIT_RE = re.compile(r",\s*|\s+(?=\((?:[RDI]|R|D)\s*[-–,])|\s*[—–]\s*")
_CORE_END_RE = re.compile(
    r"\s+(?:of|for|at|from|with|in|on|by|to|against|over|about|among|between|like|than|loyal|who|whom|"
    r"whose|which|that|speaking|released|published|"
    r"conducted|seen|obtained|posted|according)\b|\s*\("
)
_NAME_PARTICLES = frozenset("al el bin ibn de del della da di van von der le la du dos das".split())
_ABBR_EXPAND = {"sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General",
                "lt": "Lieutenant", "col": "Colonel", "sgt": "Sergeant", "maj": "Major", "capt": "Captain",
                "adm": "Admiral", "prof": "Professor", "atty": "Attorney", "supt": "Superintendent",
                "cmdr": "Commander", "pres": "President", "dr": "Dr.", "rev": "Reverend"}
_DETERMINER_WORDS = frozenset("the a an one two three several some many other another both all each".split())


def _core(seg: str) -> str:
    """A segment up to its first preposition or relative clause ('Ana Petrescu' of '... of Open Doors')."""
    m = _CORE_END_RE.search(seg)
    return seg[:m.start()] if m else seg


def _name_start(toks: list[str]) -> int:
    """Index of the first token of the personal name in a run of capitalised tokens.

    Everything up to the last title, role, demonym, organisation or stop word that is
    followed by another capitalised token is a title or a description: "Massachusetts
    Sen. Elizabeth Warren", "Wells Fargo CEO John Stumpf", "Chris Christie Calls Hillary
    Clinton" (a headline) all give the last two tokens.
    """
    cut = 0
    known = _NAME_CUT
    for i in range(len(toks) - 1):
        w = toks[i]
        c = known.get(w)
        if c is None:
            c = known[w] = _cuts_name(w)
        if c:
            cut = i + 1
    return cut


#: token -> :func:`_cuts_name` (a memo, emptied by :func:`_clear_caches` and when it grows large)
_NAME_CUT: dict[str, bool] = {}


def _cuts_name(w: str) -> bool:
    """A title, role, demonym, organisation, possessive or stop word: a personal name starts after it."""
    lex = _lex()
    lw = w.rstrip(".").lower()
    if len(_NAME_CUT) > 100_000:
        _NAME_CUT.clear()
    return bool(w in _NAME_STOP or lw in lex.role_words or lw in _TITLE_ABBR or lw in lex.demonyms
                or w.endswith(("’s", "'s")) or w in lex.org_name_set)


def _name_in(core: str) -> tuple[str, int] | None:
    """The personal name that ends ``core`` (its head), and where it starts in ``core``."""
    lex = _lex()
    toks = list(_TOKEN_RE.finditer(core))
    if not toks:
        return None
    # the run of capitalised tokens (and name particles, initials) that ends the core
    k = len(toks) - 1
    first_run = None
    while k >= 0:
        w = toks[k].group()
        if w[:1].isupper() or w.lower() in _NAME_PARTICLES and k < len(toks) - 1:
            first_run = k
            k -= 1
            continue
        break
    if first_run is None:
        return None
    run = [t.group() for t in toks[first_run:]]
    i = _name_start(run)
    name_toks = run[i:]
    if not name_toks or name_toks[-1].endswith(("’s", "'s")) or len(name_toks) > 5:
        return None
    name = core[toks[first_run + i].start():toks[-1].end()]
    if core[toks[-1].end():toks[-1].end() + 1] == ".":
        name += "."  # 'Jr.'
    name_toks = name.split()
    low = name.lower()
    last = name_toks[-1].lower().strip(".")
    if (_in(lex.org_name_set, name) or low in lex.agency_of or _in(lex.media_name_set, name)
            or last in lex.org_words or last in lex.media_words or last in lex.doc_words
            or low in lex.countries or low in lex.demonyms or last in lex.group_words
            or low in lex.pronoun_kind or name.isupper() and len(name_toks) == 1 and len(name) > 4
            or name in lex.places or name_toks[-1] in lex.place_suffixes):
        return None
    if len(name_toks) == 1 and (last in lex.role_words or name_toks[0].lower() in _lex().form_lemma):
        return None
    return _clean_name(name), toks[first_run + i].start()


def _title_role(pre: str) -> str | None:
    """Title words right before a name ('Russian Deputy Foreign Minister' -> 'Deputy Foreign Minister')."""
    lex = _lex()
    words = _TOKEN_RE.findall(pre)
    keep: list[str] = []
    for w in reversed(words):
        lw = w.rstrip(".").lower()
        if lw in lex.demonyms or lw in _DETERMINER_WORDS or lw == "and" or w.endswith(("’s", "'s")) \
                or w in lex.org_name_set:
            break
        keep.append(w)
    keep.reverse()
    out = [_ABBR_EXPAND.get(w.rstrip(".").lower(), w) for w in keep
           if w.rstrip(".").lower() not in lex.honorifics]
    role = " ".join(out)
    return role if role and lex.role_re.search(role) else None


def _phrase_role(seg: str) -> tuple[str | None, str | None]:
    """(role, affiliation) of a descriptive phrase ('the group’s field coordinator', 'director of X')."""
    lex = _lex()
    s = seg.strip()
    aff = None
    m = _POSSESSOR_RE.match(s)
    if m is not None:
        who = m.group(1)
        if who:
            aff = lex.demonyms.get(who.lower(), who)
        s = s[m.end():]
    else:
        m2 = _COMMON_POSSESSOR_RE.match(s)
        s = s[m2.end():] if m2 is not None else _LEAD_DET_RE.sub("", s)
    core = _core(s)
    rest = s[len(core):]
    words = [w for w in core.split() if not (w.lower() in lex.demonyms and w[:1].isupper())]
    role = " ".join(words).strip(" ,") or None
    if role is not None and not lex.role_re.search(role):
        # a short description also serves: 'a nurse', 'a retired teacher'
        if not (len(words) <= 3 and all(w.isalpha() and w.islower() for w in words) and m is None
                and s is not seg.strip()):
            role = None
    if aff is None:
        p = _OF_ORG_RE.match(rest)
        if p is not None:
            org = p.group(1).strip(" ,.")
            aff = lex.demonyms.get(org.lower(), org)
    return role, aff


_MALE_WORDS = ("mr", "congressman", "spokesman", "chairman", "councilman", "businessman", "sir", "king")
_FEMALE_WORDS = ("mrs", "ms", "miss", "congresswoman", "spokeswoman", "chairwoman", "councilwoman",
                 "businesswoman", "queen", "lady")
_GENDER_WORD_RE = re.compile(r"(?<![\w.’'-])(" + "|".join(_MALE_WORDS + _FEMALE_WORDS) + r")\.*(?![\w.’'-])",
                             re.IGNORECASE)


def _gender_of(span: str, name: str | None) -> str:
    lex = _lex()
    # the first token (a run of word characters, dots, apostrophes and hyphens) that is a gendered
    # title or role, trailing dots aside
    g = _GENDER_WORD_RE.search(span)
    if g is not None:
        return "m" if g.group(1).lower() in _MALE_WORDS else "f"
    if name:
        first = name.split()[0].lower()
        if first in lex.male and first not in lex.female:
            return "m"
        if first in lex.female and first not in lex.male:
            return "f"
    return ""


@lru_cache(maxsize=20000)
def _analyze_span(span: str) -> _SpanInfo:
    """Type, name, role, affiliation and gender of a source span, by its words alone."""
    lex = _lex()
    text = " ".join(span.split()).strip(" ,;:")
    low = text.lower()
    if not low:
        return _SpanInfo("other", None, None, None, "")
    if low in lex.pronoun_kind:
        return _SpanInfo("pronoun", None, None, None, "")
    if _SURNAME_ONLY_RE.fullmatch(text) and low not in lex.agency_of and low not in lex.countries \
            and low not in lex.demonyms and low not in lex.role_words and low not in lex.group_words \
            and text not in _NAME_STOP and text not in lex.org_name_set \
            and text not in lex.media_name_set and text not in lex.places:
        return _SpanInfo("person", text, None, None, "")  # the common case: a surname ("Ryabkov")
    if "," in text or "(" in text or "—" in text or "–" in text:
        segs = [x for x in _SEGMENT_SPLIT_RE.split(text) if x and x.strip()]
    else:
        segs = [text]  # nothing to split at
    head = segs[0]
    core = _core(head)
    party = _PARTY_RE.search(text) if "(" in text else None
    party_aff = {"R": "Republican Party", "D": "Democratic Party", "I": "Independent"}[party.group(1)] \
        if party else None
    if _ANONYMOUS_HINT_RE.search(low) and lex.anonymous_re.search(text):
        role, aff = _phrase_role(head)
        return _SpanInfo("anonymous", _entity_name(text, "anonymous"), role, aff or party_aff, "")
    # a person: the name heads the first segment, or the apposition after a description
    found = _name_in(core)
    role = aff = None
    if found is not None:
        name, at = found
        pre = core[:at]
        role = _title_role(pre)
        for w in _TOKEN_RE.findall(pre):
            c = lex.demonyms.get(w.lower().rstrip("."))
            if c and w[:1].isupper():
                aff = c
                break
            if w in lex.org_name_set:
                aff = lex.demonyms.get(w.lower(), w)
                break
        pm = _POSSESSOR_RE.match(core)
        if aff is None and pm is not None and pm.group(1):
            aff = lex.demonyms.get(pm.group(1).lower(), pm.group(1))
        if aff is None and core != head:
            p = _OF_ORG_RE.match(head[len(core):])
            if p is not None:
                aff = lex.demonyms.get(p.group(1).strip(" ,.").lower(), p.group(1).strip(" ,."))
        if len(segs) > 1 and (role is None or aff is None):
            r2, a2 = _phrase_role(segs[1])
            role = role or r2
            aff = aff or a2
        return _SpanInfo("person", name, role, aff or party_aff, _gender_of(text, name))
    if len(segs) > 1 and head.split()[0].lower() in _DETERMINER_WORDS | {"his", "her", "their", "its"} | {
            w for w in ("one",)} or len(segs) > 1 and _POSSESSOR_RE.match(head):
        found2 = _name_in(_core(segs[1]))
        if found2 is not None and found2[1] == 0:
            role, aff = _phrase_role(head)
            if role is None:
                role = _core(_LEAD_DET_RE.sub("", head)).strip() or None
            return _SpanInfo("person", found2[0], role, aff or party_aff, _gender_of(text, found2[0]))
    st = _type_without_name(text, head, core)
    role = aff = None
    if st in ("official", "group", "anonymous", "document", "other"):
        role, aff = _phrase_role(head)
        if st == "document":
            role = None
    if aff is None and st == "official":
        for w in _TOKEN_RE.findall(core):
            if w in lex.org_name_set:
                aff = lex.demonyms.get(w.lower(), w)
                break
    return _SpanInfo(st, _entity_name(text, st), role, aff or party_aff, "")


def _type_without_name(text: str, head: str, core: str) -> str:
    lex = _lex()
    hn = _HEAD_TOKEN_RE.findall(core)
    head_noun = hn[-1].lower() if hn else ""
    stripped = _LEAD_ART_RE.sub("", text)
    if stripped.lower() in lex.agency_of or text.lower() in lex.agency_of:
        return "agency"
    if head_noun in lex.social_words and lex.social_re.search(core):
        return "social_media"
    if head_noun in lex.doc_words:
        return "document"
    bare = _LEAD_ART_RE.sub("", core)
    bare_norm = " ".join(bare.split())  # what _in compares
    if bare_norm in lex.media_name_set:
        return "media"
    if head_noun in lex.org_words or bare_norm in lex.org_name_set:
        return "organization"
    if bare.strip().lower() in lex.countries:
        return "organization"
    if head_noun in lex.media_words:
        return "media"
    if head_noun in lex.role_words:
        return "official"
    if head_noun in lex.group_words or head_noun.endswith("ers") or head_noun.endswith("ists"):
        return "group"
    if lex.agency_re.search(core):
        return "agency"
    if lex.media_name_re.search(core):
        return "media"
    if lex.org_name_re.search(core):
        return "organization"
    return "other"


def _type_of(doc: _Doc, a: _Attr, span: str) -> str:
    lex = _lex()
    low = span.lower().strip()
    if not low:
        return "other"
    if low in lex.pronoun_kind:
        return "pronoun"
    text = doc.text
    sent = doc.sents[doc.sentence_of(a.cue[0])]
    region = text[a.source[1] if a.source else a.cue[1]:sent[1]]
    if ("anonym" in region or "authori" in region or "named" in region or "identified" in region) and \
            lex.anonymous_context_re.search(region):
        return "anonymous"  # '..., speaking on condition of anonymity'
    return _span_type(span)


def _span_type(span: str) -> str:
    return _analyze_span(span).type


@dataclass
class _Person:
    name: str
    role: str | None
    affiliation: str | None
    gender: str


@lru_cache(maxsize=50000)
def _name_pieces(group: str) -> tuple[tuple[int, str], ...]:
    """A capitalised run cut at stop and title words: a headline such as "Hillary Clinton Goes After
    Donald Trump" gives ("Hillary Clinton", "Donald Trump"); offsets are into ``group``."""
    if len(group.split()) <= 4:
        return ((0, group),)
    toks = list(_NONSPACE_TOKEN_RE.finditer(group))
    pieces: list[tuple[int, str]] = []
    cur: list[re.Match[str]] = []
    for t in toks + [None]:
        w = t.group() if t is not None else ""
        if t is None or w in _NAME_STOP or w.rstrip(".").lower() in _TITLE_ABBR:
            if len(cur) >= 2:
                pieces.append((cur[0].start(), group[cur[0].start():cur[-1].end()]))
            cur = []
        else:
            cur.append(t)
    return tuple(pieces)


@lru_cache(maxsize=50000)
def _mention_info(group: str) -> tuple[str, str, str, bool] | None:
    """For a capitalised word sequence: (person name, surname key, gender, known first name) or None."""
    lex = _lex()
    toks = group.split()
    toks = toks[_name_start(toks):]
    if toks and toks[0] in _NAME_STOP:
        toks = toks[1:]
    if len(toks) < 2 or len(toks) > 4 or toks[-1].rstrip(".").lower() in _TITLE_ABBR:
        return None
    if " ".join(toks) in lex.places or toks[-1] in lex.place_suffixes:
        return None
    first = toks[0].lower()
    known = first in lex.male or first in lex.female
    if not known and not _INITIAL_RE.match(toks[1]) and len(toks) > 3:
        return None
    nm = _clean_name(" ".join(toks))
    if lex.org_name_re.search(nm) or _in(lex.media_name_set, nm) or nm.lower() in lex.agency_of:
        return None
    if toks[-1].lower() in lex.org_words or toks[-1].lower() in lex.media_words:
        return None
    gender = "m" if first in lex.male and first not in lex.female else (
        "f" if first in lex.female and first not in lex.male else "")
    suffix = toks[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv")
    key = toks[-2] if suffix and len(toks) > 2 else toks[-1]
    return nm, key.lower(), gender, known


@lru_cache(maxsize=50000)
def _mentions_of(group: str) -> tuple[tuple[int, int, str, str, str, bool], ...]:
    """The person mentions of a capitalised run: (offset, length) of each piece of
    :func:`_name_pieces` that :func:`_mention_info` takes for a name, with that information."""
    out = []
    for offset, piece in _name_pieces(group):
        info = _mention_info(piece)
        if info is not None:
            out.append((offset, len(piece), *info))
    return tuple(out)


def _resolve(doc: _Doc, attrs: list[_Attr]) -> None:
    """Fill speaker, role, affiliation, type and channel of each attribution."""
    text = doc.text
    lex = _lex()
    people: dict[str, _Person] = {}  # full name -> facts
    by_last: dict[str, str] = {}  # surname -> full name
    mentions: list[tuple[int, str, int]] = []  # (position, full name, weight)

    def register(name: str, role: str | None, aff: str | None, gender: str) -> str:
        toks = name.split()
        last = toks[-1].lower() if toks else ""
        if last in ("jr.", "sr.", "ii", "iii", "iv") and len(toks) > 1:
            last = toks[-2].lower()
        full = name
        if len(toks) == 1 or (len(toks) >= 1 and toks[0].rstrip(".").lower() in _TITLE_ABBR):
            known = by_last.get(last)
            if known:
                full = known
        else:
            prev = by_last.get(last)
            if prev is None or len(prev.split()) < len(toks) and prev.split()[0] == toks[0]:
                by_last[last] = name
            elif prev is not None and prev.split()[0] == toks[0]:
                full = prev
        p = people.get(full)
        if p is None:
            people[full] = _Person(full, role, aff, gender)
        else:
            p.role = p.role or role
            p.affiliation = p.affiliation or aff
            p.gender = p.gender or gender
        return full

    # persons mentioned in the text with a first name (so that surnames resolve)
    sent_starts = doc.sent_starts

    def weight_at(start: int) -> int:
        """2 for a mention in subject position (sentence start, or after an opening phrase)."""
        si = bisect.bisect_right(sent_starts, start) - 1
        if si < 0:
            return 1
        prefix = text[sent_starts[si]:start]
        if len(prefix) < 3:
            return 2
        comma = prefix.find(",")
        if comma < 0:
            return 1
        after = prefix[comma + 1:].split()
        return 2 if len(after) <= 3 and not any(w[:1].isupper() for w in after) else 1

    q_starts = doc.q_starts
    quotes = doc.quotes

    def quoted(pos: int) -> bool:
        """A name inside a quotation is rarely the antecedent of a source pronoun."""
        i = bisect.bisect_right(q_starts, pos - 1) - 1
        return i >= 0 and quotes[i].start < pos < quotes[i].end

    # mentions matter only before the last source that needs resolving (a pronoun, a surname)
    limit = 0
    for a in attrs:
        if a.source is not None:
            st_ = text[a.source[0]:a.source[1]]
            if (" " not in st_.strip() or st_[:3] in ("Mr.", "Ms.", "Mrs", "Dr.")
                    or st_.lower() in lex.pronoun_kind):
                limit = a.source[1]
    # 1. full names ("Sergei Ryabkov", "George W. Bush"): who the surnames and pronouns refer to
    for m in _MULTI_NAME_RE.finditer(text, 0, limit):
        ms = m.start()
        i = bisect.bisect_right(q_starts, ms - 1) - 1
        if i >= 0 and quotes[i].start < ms < quotes[i].end:
            continue  # quoted(ms), inline
        for offset, size, nm, last, gender, known_first in _mentions_of(m.group()):
            start = ms + offset
            if not (known_first or start == 0 or text[start - 1] in " \n(“\""):
                continue
            if last not in by_last:
                by_last[last] = nm
                people.setdefault(nm, _Person(nm, None, None, gender))
            full = by_last.get(last, nm)
            mentions.append((start, full, -1))
            person = people.get(full)
            end = start + size
            if person is not None and not person.gender:
                # the first personal pronoun after the name, in the next 200 characters
                pm = _GENDER_PRONOUN_RE.search(text, end, min(len(text), end + 200))
                if pm is not None and not _MULTI_NAME_RE.search(text, end + 1, pm.start()):
                    person.gender = "m" if pm.group(1).lower() in ("he", "his", "him", "himself") else "f"
    # 2. titled surnames ("Mr. Trump", "Ms. LaBelle")
    for m in _TITLED_NAME_RE.finditer(text, 0, limit):
        if m.start() > 0 and text[m.start() - 1].isalpha() or quoted(m.start()):
            continue
        title, g = m.group(1).lower(), m.group(2)
        full = by_last.get(g.lower(), g)
        gg = "m" if title == "mr" else ("f" if title in ("mrs", "ms", "miss") else "")
        p = people.setdefault(full, _Person(full, None, None, gg))
        p.gender = p.gender or gg
        mentions.append((m.start(), full, -1))
    mentions.sort()
    mention_pos = [x[0] for x in mentions]

    prev_persons: list[tuple[int, str]] = []  # (cue position, full name) of resolved person sources
    for a in attrs:
        a.channel = _channel(doc, a)
        if a.source is None:
            a.source_type = None
            a.kind = _kind(doc, a)
            continue
        span = text[a.source[0]:a.source[1]]
        low = span.strip().lower()
        pk = lex.pronoun_kind.get(low)
        if pk is not None:
            target = None
            if pk in ("he", "she"):
                g = "m" if pk == "he" else "f"
                target = _antecedent(a.source[0], doc.sents[doc.sentence_of(a.source[0])][0], g, prev_persons,
                                     mentions, mention_pos, people, weight_at)
            elif pk == "relative":
                before = text[max(0, a.source[0] - 200):a.source[0]].rstrip(" ,")
                last_name = None
                for mm in _NAME_RE.finditer(before):
                    last_name = mm
                if last_name is not None and last_name.end() >= len(before) - 2:
                    cand = _clean_name(last_name.group())
                    span_info = _analyze_span(cand)
                    if low == "which" or span_info.type not in ("person", "other"):
                        a.speaker = span_info.name or cand
                        a.source_type = span_info.type if span_info.type != "person" else "organization"
                        a.role, a.affiliation = span_info.role, span_info.affiliation
                        a.kind = _kind(doc, a)
                        continue
                    toks = cand.split()
                    while toks and (toks[0] in _NAME_STOP or toks[0].rstrip(".").lower() in _TITLE_ABBR):
                        toks = toks[1:]
                    if toks:
                        cand = " ".join(toks)
                        target = by_last.get(toks[-1].lower(), cand)
                        people.setdefault(target, _Person(target, None, None, ""))
            if target is not None:
                p = people[target]
                a.speaker, a.role, a.affiliation = p.name, p.role, p.affiliation
                a.source_type = "person"
                a.person = True
                prev_persons.append((a.cue[0], p.name))
            else:
                a.speaker = None
                a.source_type = "pronoun"
            a.kind = _kind(doc, a)
            continue
        st = _type_of(doc, a, span)
        a.source_type = st
        if st == "person":
            name, role, aff, gender = _person_facts(span)
            full = register(name, role, aff, gender)
            p = people[full]
            a.speaker, a.role, a.affiliation = p.name, role or p.role, aff or p.affiliation
            a.person = True
            prev_persons.append((a.cue[0], p.name))
        else:
            a.speaker, a.role, a.affiliation = _entity_facts(span, st)
        a.kind = _kind(doc, a)


def _person_facts(span: str) -> tuple[str, str | None, str | None, str]:
    """(name, role, affiliation, gender) of a source span that names a person."""
    info = _analyze_span(span)
    return info.name or _clean_name(span), info.role, info.affiliation, info.gender


def _entity_facts(span: str, st: str) -> tuple[str, str | None, str | None]:
    """(speaker, role, affiliation) of a source span that does not name a person."""
    info = _analyze_span(span)
    return info.name or _entity_name(span, st), info.role, info.affiliation


def _antecedent(pos: int, sent_start: int, gender: str, prev_persons: list[tuple[int, str]],
                mentions: list[tuple[int, str, int]], mention_pos: list[int],
                people: dict[str, _Person], weight_at: Any) -> str | None:
    """The person a "he"/"she" at ``pos`` refers to (see the module docstring), or None.

    Candidates are earlier attribution sources and person mentions (quotations left
    out) of a compatible gender. A compatible mention earlier in the same sentence
    wins; otherwise the most recent source or subject-position mention (``weight_at``
    gives 2 for a subject position), preferring one whose gender is known to match
    over a closer one of unknown gender; otherwise the most recent compatible mention.
    """
    def gender_of(name: str) -> str:
        p = people.get(name)
        return p.gender if p is not None else ""

    top = bisect.bisect_left(mention_pos, pos)
    i = top - 1
    while i >= 0 and mentions[i][0] >= sent_start:
        n = mentions[i][1]
        if gender_of(n) in ("", gender):
            return n
        i -= 1

    def strong() -> Iterable[tuple[int, str]]:
        """Sources and subject mentions before ``pos``, most recent first, within 2,500 characters."""
        j = len(prev_persons) - 1
        while j >= 0 and prev_persons[j][0] >= pos:
            j -= 1
        k = top - 1
        while j >= 0 or k >= 0:
            if j >= 0 and (k < 0 or prev_persons[j][0] >= mentions[k][0]):
                p, n = prev_persons[j]
                j -= 1
            else:
                p, n, _w = mentions[k]
                k -= 1
                if weight_at(p) < 2:
                    continue
            if pos - p > 2500:
                return
            yield p, n

    best: tuple[int, str] | None = None
    for p, n in strong():
        g = gender_of(n)
        if g not in ("", gender):
            continue
        if best is None:
            best = (p, n)
            if g == gender:
                break
        elif g == gender and best[0] - p < 400:
            best = (p, n)
            break
        elif best[0] - p >= 400:
            break
    if best is not None:
        return best[1]
    i = top - 1
    while i >= 0 and pos - mentions[i][0] < 4000:
        if gender_of(mentions[i][1]) in ("", gender):
            return mentions[i][1]
        i -= 1
    return None


def _entity_name(span: str, st: str) -> str:
    lex = _lex()
    s = " ".join(span.split()).strip(" ,;:")
    if st == "agency":
        m = lex.agency_re.search(s)
        if m:
            return lex.agency_of[m.group().lower()]
    if st == "media":
        m = lex.media_name_re.search(s)
        if m:
            return m.group()
    if st == "organization":
        m = lex.org_name_re.search(s)
        if m and len(s.split()) <= 4:
            return m.group()
    s = _APPOSITION_CUT_RE.split(s)[0]
    s = _RELATIVE_CUT_RE.split(s)[0]
    if st in ("organization", "media", "agency"):
        s = _LEAD_ART_RE.sub("", s.split(",")[0]).strip() or s
    return s


def _kind(doc: _Doc, a: _Attr) -> str:
    """direct (all quoted), mixed, indirect (nothing quoted) or according_to."""
    if a.lemma == "according_to":
        return "according_to"
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


_RELATIVE_CUT_RE = re.compile(r",|\s+(?:who|which|that|whose|whom)\s+")
_CHANNEL_HINT_RE = re.compile(
    r"interview|tell|told|statement|release|conference|briefing|speech|rally|hearing|debate|letter|e-?mail|"
    r"tweet|post|video|op-?ed|column|essay|book|memo|filing|podcast|town hall|forum|event|"
    # 'on X', 'to X', 'via X' after a word boundary (checked behind, so that every alternative starts
    # with a letter and ``re`` can skip ahead to the next possible first letter)
    r"on(?<!\won)\s+[A-Z]|to(?<!\wto)\s+[A-Z]|via(?<!\wvia)\s+[A-Z]"
)
_CHANNEL_RES = [
    (re.compile(r"\binterview(?:s)?\s+(?:with|on|to)\s+(?:the\s+)?"
                r"((?:[A-Z][\w.&’'-]*\s*(?:of\s+|&\s+)?){1,5})"), 1),
    (re.compile(r"\b(?:told|telling|tells|tell)\s+(?:the\s+)?((?:[A-Z][\w.&’'-]*\s*){1,5})"), 1),
    (re.compile(r"\b(?:on|to)\s+((?:[A-Z][\w.&’'-]*\s*){1,4})(?=[\s,.;]|$)"), 1),
    (re.compile(r"\bin\s+an?\s+(?:[\w-]+\s+){0,2}?(statement|interview|tweet|letter|e-?mail|speech|"
                r"op-?ed|press\s+release|news\s+release|news\s+conference|press\s+conference|"
                r"conference\s+call|video|blog\s+post|post|memo|filing|essay|column|book|briefing)\b", re.I), 1),
    (re.compile(r"\b(?:at|during)\s+an?\s+(?:[\w-]+\s+){0,2}?(rally|news\s+conference|press\s+conference|"
                r"briefing|hearing|debate|town\s+hall|speech|campaign\s+event|event|forum|fundraiser)\b",
                re.I), 1),
]


def _channel(doc: _Doc, a: _Attr) -> str | None:
    """The medium named around the cue: an outlet, a platform or a kind of statement."""
    text = doc.text
    lex = _lex()
    si = doc.sentence_of(a.cue[0])
    ss, se, _ = doc.sents[si]
    lo = min(a.cue[0], a.source[0] if a.source else a.cue[0])
    hi = se
    for s, e in a.content:
        if s > a.cue[1]:
            hi = min(hi, s)
            break
    if hi <= a.cue[1]:
        hi = min(se, a.cue[1] + 120)
    lo = max(ss, lo)
    if not _CHANNEL_HINT_RE.search(text, lo, hi):
        return "Twitter" if a.lemma == "tweet" else None
    region = text[lo:hi]
    # parts of the region that are content are not channels
    for s, e in a.content:
        if s < hi and e > lo:
            a_, b_ = max(s, lo) - lo, min(e, hi) - lo
            region = region[:a_] + " " * (b_ - a_) + region[b_:]
    for k, (rx, g) in enumerate(_CHANNEL_RES):
        for m in rx.finditer(region):
            val = " ".join(m.group(g).split()).strip(" ,.")
            if not val:
                continue
            if k in (0, 1, 2):
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
                continue
            return val.lower()
    pm = _PLATFORM_RE.search(region)
    if pm:
        return lex.platforms.get(pm.group(1).lower(), pm.group(1))
    if a.lemma == "tweet":
        return "Twitter"
    return None


def _row(doc: _Doc, a: _Attr) -> dict[str, Any]:
    text = doc.text
    content = a.content
    src = a.source
    return {
        "source_start": src[0] if src else None,
        "source_end": src[1] if src else None,
        "source_text": text[src[0]:src[1]] if src else None,
        "speaker": a.speaker,
        "speaker_role": a.role,
        "speaker_affiliation": a.affiliation,
        "source_type": a.source_type,
        "cue_start": a.cue[0],
        "cue_end": a.cue[1],
        "cue_text": text[a.cue[0]:a.cue[1]],
        "cue_lemma": a.lemma.replace("_", " "),
        "cue_class": _lex().cues[a.lemma]["class"],
        "content_start": content[0][0],
        "content_end": content[-1][1],
        "content_text": " ".join(text[s:e] for s, e in content),
        "content_spans": [(s, e) for s, e in content],
        "kind": a.kind or "indirect",
        "channel": a.channel,
    }


# =========================================================================== tables


def _add_rows(rows: list[tuple[Any, ...]], aid: Any, doc: _Doc, attrs: list[_Attr]) -> None:
    """Append the attributions of one article to ``rows``: one tuple each, the values of :func:`_row`
    in the order of :data:`ATTRIBUTION_COLUMNS` (:func:`_frame` makes the table)."""
    text = doc.text
    cues = _lex().cues
    aid = None if aid is None else str(aid)
    for a in attrs:
        src, content, (cs, ce) = a.source, a.content, a.cue
        rows.append((
            aid,
            *((src[0], src[1], text[src[0]:src[1]]) if src else (None, None, None)),
            a.speaker, a.role, a.affiliation, a.source_type,
            cs, ce, text[cs:ce], a.lemma.replace("_", " "), cues[a.lemma]["class"],
            content[0][0], content[-1][1], " ".join([text[s:e] for s, e in content]), [(s, e) for s, e in content],
            a.kind or "indirect", a.channel,
        ))


def _int_array(values: Sequence[Any]) -> pd.api.extensions.ExtensionArray:
    """``pd.array(values, dtype="Int64")`` for ints and None, built from NumPy arrays (faster)."""
    n = len(values)
    if None not in values:
        return pd.arrays.IntegerArray(np.array(values, dtype=np.int64).reshape(n), np.zeros(n, dtype=bool))
    mask = np.fromiter((v is None for v in values), dtype=bool, count=n)
    data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=n)
    return pd.arrays.IntegerArray(data, mask)


def _string_array(values: Sequence[Any]) -> pd.api.extensions.ExtensionArray:
    """``pd.array(values, dtype="string")`` for str and None; straight through pyarrow when that is
    the storage of the ``string`` dtype (three times faster), else the pandas way."""
    dtype = pd.StringDtype()
    if dtype.storage == "pyarrow":
        try:
            import pyarrow as pa

            out = pd.arrays.ArrowStringArray(pa.array(list(values), type=pa.large_string()))
            if out.dtype == dtype:
                return out
        except (ImportError, TypeError, ValueError):  # pyarrow missing, or a value that is not a str
            pass
    return pd.array([None if v is None else str(v) for v in values], dtype="string")


def _frame(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    """The table of :func:`extract_attributions` from the row tuples of :func:`_add_rows`."""
    columns = list(zip(*rows)) if rows else [() for _ in ATTRIBUTION_COLUMNS]
    data: dict[str, Any] = {}
    for c, values in zip(ATTRIBUTION_COLUMNS, columns):
        if c in _INT_COLUMNS:
            data[c] = _int_array(values)
        elif c == "content_spans":
            data[c] = pd.Series(list(values), dtype="object")
        else:
            data[c] = _string_array(values)
    return pd.DataFrame(data, columns=list(ATTRIBUTION_COLUMNS))


def _texts(articles: pd.DataFrame) -> tuple[list[Any], list[str]]:
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"articles must be a pandas DataFrame, got {type(articles).__name__}")
    if "text" not in articles.columns:
        raise ValueError("articles needs a 'text' column (see mediakit.load_articles)")
    ids = articles["article_id"].tolist() if "article_id" in articles.columns else list(articles.index)
    texts = [t if isinstance(t, str) else "" for t in articles["text"].tolist()]
    return ids, texts


def extract_attributions(articles: pd.DataFrame, *, progress: bool = False) -> pd.DataFrame:
    """Extract the attributions of each article: who says what, with character offsets.

    Parameters
    ----------
    articles : DataFrame
        Articles table (see :func:`mediakit.load_articles`) with ``text`` and
        ``article_id``. Only ``text`` is read (headline and captions are not
        attributions: a photo credit such as "(AFP Photo)" lives in ``captions``).
        Not modified.
    progress : bool, default False
        Show a tqdm progress bar over articles.

    Returns
    -------
    DataFrame
        One row per attribution, articles in input order and attributions in
        text order, with the columns of :data:`ATTRIBUTION_COLUMNS`:

        * ``article_id`` (string);
        * ``source_start``, ``source_end`` (Int64, offsets into ``text``) and
          ``source_text`` (string, the span as written: "Russian Deputy Foreign
          Minister Sergei Ryabkov", "he", "sources"); NA when there is no source;
        * ``speaker`` (the resolved name or entity: "he" -> "Sergei Ryabkov", an
          agency's usual name "AP"; NA for an unresolved pronoun), ``speaker_role``
          ("Deputy Foreign Minister"), ``speaker_affiliation`` ("Russia"), NA when
          the text does not give them;
        * ``source_type``: one of :data:`SOURCE_TYPES` (NA without source);
        * ``cue_start``, ``cue_end``, ``cue_text``, ``cue_lemma`` ("say",
          "according to") and ``cue_class`` (the classes of ``cues.yaml``:
          neutral, assertive, evaluative, admission, denial, announcement, ...);
        * ``content_start``, ``content_end`` (first and last character),
          ``content_text`` (the pieces joined by a space) and ``content_spans``
          (list of ``(start, end)``, several when the content is split around the
          cue or runs over paragraphs);
        * ``kind``: "direct" (all quoted), "indirect", "mixed" or "according_to";
        * ``channel``: the outlet, platform or form named around the cue ("NBC
          News" for "in an interview with NBC News", "statement", "Twitter"),
          NA when none is named.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a1"], "text": [
    ...     "Officials said the talks failed. \\u201cIt is over,\\u201d said Anna Berg, a spokeswoman."]})
    >>> out = extract_attributions(arts)
    >>> out[["source_text", "source_type", "cue_lemma", "kind"]].values.tolist()
    [['Officials', 'anonymous', 'say', 'indirect'], ['Anna Berg, a spokeswoman', 'person', 'say', 'direct']]
    >>> out.loc[1, "speaker_role"]
    'spokeswoman'
    """
    from .._dask import dask_apply, is_dask_frame

    if is_dask_frame(articles):  # lazy, partition by partition (mediakit/_dask.py)
        return dask_apply("extract_attributions", articles)
    ids, texts = _texts(articles)
    rows: list[tuple[Any, ...]] = []
    for aid, text in progress_bar(list(zip(ids, texts)), desc="attributions", unit="article",
                                  enabled=progress):
        found = _find(text)
        if found is not None:
            _add_rows(rows, aid, *found)
    return _frame(rows)


_METRIC_TYPES = SOURCE_TYPES


def attribution_metrics(articles: pd.DataFrame, *, progress: bool = False) -> pd.DataFrame:
    """Per-article attribution counts and shares (one row per article, columns ``attr_*``).

    Parameters
    ----------
    articles : DataFrame
        Articles table with ``text`` (and ``article_id``). Not modified.
    progress : bool, default False
        Show a tqdm progress bar over articles.

    Returns
    -------
    DataFrame
        Same index as ``articles``; ``article_id``, then

        * ``attr_n`` (Int64): attributions;
        * ``attr_speakers`` (Int64): distinct speakers (resolved names or entities;
          unresolved pronouns and sourceless attributions not counted);
        * ``attr_share_direct``, ``attr_share_indirect``, ``attr_share_mixed``,
          ``attr_share_according_to`` (float): shares of the attributions by
          ``kind`` (NaN without attributions);
        * ``attr_share_anonymous`` (float): share whose source is anonymous;
        * ``attr_share_no_source`` (float): share without a source;
        * ``attr_type_<type>`` (Int64) for every value of :data:`SOURCE_TYPES`;
        * ``attr_class_<class>`` (Int64) for every cue class of ``cues.yaml``.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": [
    ...     "Officials said the talks failed. Reuters reported that talks resumed.", "No quotes."]})
    >>> m = attribution_metrics(arts)
    >>> m[["article_id", "attr_n", "attr_share_anonymous", "attr_type_agency"]].values.tolist()
    [['a', 2, 0.5, 1], ['b', 0, nan, 0]]
    """
    ids, texts = _texts(articles)
    classes = list(dict.fromkeys(e["class"] for e in cue_lexicon().values()))
    records: list[dict[str, Any]] = []
    for text in progress_bar(texts, desc="attribution metrics", unit="article", enabled=progress):
        attrs = find_attributions(text)
        n = len(attrs)
        rec: dict[str, Any] = {"attr_n": n}
        speakers = {a["speaker"] for a in attrs if a["speaker"]}
        rec["attr_speakers"] = len(speakers)
        for k in KINDS:
            rec[f"attr_share_{k}"] = sum(a["kind"] == k for a in attrs) / n if n else float("nan")
        anonymous = sum(a["source_type"] == "anonymous" for a in attrs)
        rec["attr_share_anonymous"] = anonymous / n if n else float("nan")
        rec["attr_share_no_source"] = sum(a["source_start"] is None for a in attrs) / n if n else float("nan")
        for t in _METRIC_TYPES:
            rec[f"attr_type_{t}"] = sum(a["source_type"] == t for a in attrs)
        for c in classes:
            rec[f"attr_class_{c}"] = sum(a["cue_class"] == c for a in attrs)
        records.append(rec)
    cols = (["attr_n", "attr_speakers"] + [f"attr_share_{k}" for k in KINDS]
            + ["attr_share_anonymous", "attr_share_no_source"]
            + [f"attr_type_{t}" for t in _METRIC_TYPES] + [f"attr_class_{c}" for c in classes])
    out = pd.DataFrame(records, columns=cols, index=articles.index)
    out.insert(0, "article_id", pd.array([None if v is None else str(v) for v in ids], dtype="string"))
    for c in cols:
        if c.startswith("attr_share_"):
            out[c] = out[c].astype(float)
        else:
            out[c] = pd.array(out[c].tolist(), dtype="Int64")
    return out
