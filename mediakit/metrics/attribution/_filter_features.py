"""Features of one candidate attribution for the learned filter (:mod:`._filter`).

:func:`candidate_features` names the facts about a candidate that say whether it is someone presenting
content: the cue (lemma, class, frame, verb form), the words right before and after the cue (lower-cased
and as a shape class: determiner, pronoun, preposition, numeral, adjective-like suffix, capitalised,
punctuation, ...), the shape of the source (none, pronoun, "we"/"you", "I", name, common noun, its head
word), the sentence (a question, an opening verb, a negation near the cue), the content (length, a
quotation, a "that"-clause), the position of the cue in the quotations, and the document's register
(:mod:`._register`) alone and with the cue class, frame, source, content opening and lemma. The names are plain strings
("L:say", "B1s:det"); the model (:mod:`._filter`) keeps one weight per name, so scoring a candidate is a
dozen dictionary look-ups and a sum. Nothing here is a list of corpus strings: the word classes are
closed classes of English grammar.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from ._document import Attr, Doc
from ._lexicon import lexicons
from ._register import Register, document_register

__all__ = ["PARTS", "AROUND", "CLAUSE", "early_parts", "complete_parts", "around_names", "content_clause",
           "candidate_features", "clear_feature_caches", "feature_parts", "register_features", "word_shape",
           "verb_form", "source_shape"]

# runs of letters (digits) matched whole, not one character per repetition: the same tokens as a repetition of
# single characters, a fifth faster
_TOKEN_RE = re.compile(r"[A-Za-z](?:[A-Za-z’'\-]+|\.(?=[A-Za-z]))*|\d(?:\d+|[.,](?=\d))*|[^\sA-Za-z\d]")
_DETERMINERS = frozenset("the a an this that these those every each no some any much many such another".split())
_POSSESSIVES = frozenset("my your our their his its whose".split())
_PRONOUNS = frozenset("he she they it i me him her them us one who which someone everyone nobody".split())
_FIRST_SECOND = frozenset({"we", "you", "i", "us", "me", "our", "your", "my", "ya", "y'all", "y’all"})
_PREPOSITIONS = frozenset("""of for with in on at by from about without amid despite under over into upon than like
after before during following through since until among between against toward towards via per to as""".split())
_AUX = frozenset("""is are was were am be been being has have had do does did can could will would shall should may
might must 's ’s 've ’ve 'd ’d 'll ’ll""".split())
_NEGATIONS = frozenset("not never no n't n’t cannot nor neither without".split())
_CONJUNCTIONS = frozenset("and but or nor so yet then because when if while since though although".split())
_WH = frozenset("what who whom whose which where when why how whether".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten hundred thousand million billion".split())
_ADJ_SUFFIX_RE = re.compile(r"(?:ous|ful|ive|able|ible|al|ic|less|ary|ish|ent|ant|est|ier)\Z")
_QUOTE_MARKS = "\"“”«»„‘’'"
# signs of a finite verb in the first words of a content: auxiliaries and modals, subject pronouns, a negated
# auxiliary or a contraction, and (in words of five letters or more) a past form
_CLAUSE_WORDS = frozenset("""is are was were am be been being has have had do does did can could will would shall should
may might must he she they we i it there""".split())
_CLAUSE_ENDINGS = ("n't", "n’t", "'s", "’s", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "'re", "’re")
_STRIP = "\"“”«»„‘’'()[],.;:!?—–-"
_NEGATION_RE = re.compile(r"\b(?:not|never|no|cannot|nor|neither|without)\b|n[’']t\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z\d](?:[A-Za-z\d’'\-]+|\.(?=[A-Za-z]))*")  # runs whole, as _TOKEN_RE
_FIRST_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'\-]*")


class _Bins(NamedTuple):
    """Upper edges of length bins and the name of each bin (the edge, or ``>`` the last one)."""

    edges: tuple[int, ...]
    names: tuple[str, ...]


_CONTENT_BINS = _Bins((15, 40, 80, 160, 320), ("15", "40", "80", "160", "320", ">320"))
_SENTENCE_BINS = _Bins((40, 80, 160, 320), ("40", "80", "160", "320", ">320"))
_IRREGULAR_PAST = frozenset("""said told wrote written thought found shown showed knew known felt heard seen saw made
meant read taught sought understood held put spoke spoken gave given""".split())


def _first_class(classes: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, str]:
    """Each word of these classes and the name of the first class that holds it (a table, read once)."""
    first: dict[str, str] = {}
    for name, words in classes:
        for word in words:
            first.setdefault(word, name)
    return first


#: The closed class of each word of the closed classes (:func:`word_shape`; "one" is a numeral first).
_CLOSED_CLASS = _first_class((("det", _DETERMINERS), ("poss", _POSSESSIVES), ("p12", _FIRST_SECOND),
                              ("pron", _PRONOUNS), ("prep", _PREPOSITIONS), ("aux", _AUX), ("neg", _NEGATIONS),
                              ("conj", _CONJUNCTIONS), ("wh", _WH)))


@lru_cache(maxsize=1 << 16)
def word_shape(token: str) -> str:
    """The class of one token: a closed word class, a numeral, a suffix class, capitalised or lower.

    Examples
    --------
    >>> [word_shape(t) for t in ["the", "his", "of", "We", "2014", "political", "Smith", ",", "quickly", "run"]]
    ['det', 'poss', 'prep', 'p12', 'num', 'adj', 'cap', 'punct', 'ly', 'low']
    """
    if not token:
        return "none"
    low = token.lower()
    if not token[0].isalnum():
        return "quote" if token in _QUOTE_MARKS else "punct"
    if token[0].isdigit() or low in _NUMBER_WORDS:
        return "num"
    closed = _CLOSED_CLASS.get(low)
    if closed is not None:
        return closed
    if token[0].isupper():
        return "cap"
    if low.endswith("ly"):
        return "ly"
    if _ADJ_SUFFIX_RE.search(low):
        return "adj"
    return "low"


@lru_cache(maxsize=1 << 14)
def verb_form(word: str, lemma: str) -> str:
    """The form of a cue word: 'ing', 'ed' (past or participle), 's', 'base' or 'other'.

    Examples
    --------
    >>> [verb_form(w, lem) for w, lem in [("saying", "say"), ("said", "say"), ("says", "say"), ("say", "say")]]
    ['ing', 'ed', 's', 'base']
    """
    w = word.lower()
    if w.endswith("ing"):
        return "ing"
    if w.endswith("ed") or w in _IRREGULAR_PAST:
        return "ed"
    base = lemma.split("_")[0]
    if w == base:
        return "base"
    if w.endswith("s"):
        return "s"
    return "other"


@lru_cache(maxsize=1 << 14)
def source_shape(span: str) -> tuple[str, str]:
    """(shape, head word) of a source: none, p12 ("we", "you", "I"), pron, has_p12, long, name, det_noun, noun.

    Examples
    --------
    >>> source_shape("We"), source_shape("Sen. Jane Roe"), source_shape("the company's lawyers")
    (('p12', 'we'), ('name', '<cap>'), ('det_noun', 'lawyers'))
    """
    words = _WORD_RE.findall(span)
    if not words:
        return "none", "-"
    head = words[-1]
    low0 = words[0].lower()
    if len(words) == 1 and low0 in _FIRST_SECOND:
        return "p12", low0
    if len(words) == 1 and low0 in _PRONOUNS:
        return "pron", low0
    if not _FIRST_SECOND.isdisjoint(map(str.lower, words)):
        return "has_p12", "-"
    if len(words) > 8:
        return "long", "-"
    caps = sum(map(str.isupper, [w[0] for w in words]))  # the words that open with a capital
    if caps == len(words) or (head[0].isupper() and caps >= 2):
        return "name", "<cap>"
    if low0 in _DETERMINERS or low0 in _POSSESSIVES:
        return "det_noun", head.lower() if head[0].islower() else "<cap>"
    return "noun", head.lower() if head[0].islower() else "<cap>"


def _bin(n: int, bins: _Bins) -> str:
    """The name of the bin of ``n``: that of the first edge at least ``n``."""
    return bins.names[bisect_left(bins.edges, n)]


@lru_cache(maxsize=1 << 16)
def _clause_word(word: str) -> bool:
    """A lower-cased word of a content (punctuation around it stripped) is a sign of a finite verb."""
    w = word.strip(_STRIP)
    return w in _CLAUSE_WORDS or w.endswith(_CLAUSE_ENDINGS) or (len(w) > 4 and w.endswith("ed"))


def _content_facts(text: str, content: list[tuple[int, int]]) -> tuple[str, str, str]:
    """(opening, length bin, shape) of the content, read once.

    The opening is 'quote', 'that', 'to' or the opening word's shape; the length bin counts characters; the
    shape is 'clause' when the first words hold a verb sign (an auxiliary or modal, a subject pronoun, a past
    form, a negated verb: :func:`_clause_word`), 'quote' for a quotation, else 'phrase' (a noun phrase: "a tool
    with no handle").
    """
    c_open, c_len, c_clause = _content_head(text, content)
    return c_open, c_len, c_clause if c_clause is not None else content_clause(text, content)


def _content_head(text: str, content: list[tuple[int, int]]) -> tuple[str, str, str | None]:
    """The opening and length bin of :func:`_content_facts`, and its shape when the opening tells it ('quote',
    'none'; None: the first words must be read, :func:`content_clause`)."""
    if not content:
        return "none", "0", "none"
    s0, e0 = content[0]
    n = e0 - s0 if len(content) == 1 else sum(e - s for s, e in content)
    first = _TOKEN_RE.search(text, s0, e0)
    if first is None:
        return "none", _bin(n, _CONTENT_BINS), None
    tok = first.group()
    if tok in _QUOTE_MARKS:
        return "quote", _bin(n, _CONTENT_BINS), "quote"
    low = tok.lower()
    return low if low in ("that", "to") else word_shape(tok), _bin(n, _CONTENT_BINS), None


def content_clause(text: str, content: list[tuple[int, int]]) -> str:
    """The shape of a content that opens with no quotation mark: 'clause' or 'phrase' (:func:`_content_facts`)."""
    s0, e0 = content[0]
    clause = any(map(_clause_word, text[s0:min(e0, s0 + 80)].lower().split(None, 14)[:14]))
    return "clause" if clause else "phrase"


def _negation_before(text: str, lo: int, hi: int) -> bool:
    """:data:`_NEGATION_RE` finds a negation in ``text[lo:hi]``.

    Every match holds "no", "ne", "n'", "n’" or "thout" once lower-cased (the letters of these have no other
    case-insensitive matches in ``re``), so most windows are settled by substring tests.

    Examples
    --------
    >>> _negation_before("He did NOT say", 0, 10), _negation_before("He did say", 0, 7)
    (True, False)
    """
    low = text[lo:hi].lower()
    if "no" not in low and "ne" not in low and "n'" not in low and "n’" not in low and "thout" not in low:
        return False
    return _NEGATION_RE.search(text, lo, hi) is not None


def _source_place(a: Attr) -> str:
    """Where the source stands: none, before the cue (by the gap in characters) or after it."""
    if a.source is None:
        return "none"
    if a.source[0] >= a.cue[1]:
        return "after"
    gap = a.cue[0] - a.source[1]
    return "adjacent" if gap <= 2 else "near" if gap <= 12 else "far" if gap <= 60 else "very_far"


def register_features(register: Register, cue_class: str, frame: str, src_shape: str, c_open: str
                      ) -> tuple[str, ...]:
    """The document's register (:mod:`._register`) and its pairs with the cue class, the frame, the source
    shape and the content opening: the same shape means different things in a news article and a how-to.

    Examples
    --------
    >>> register_features(Register(2, 0, 0, 0), "neutral", "pre", "det_noun", "wh")[-4:]
    ('RC:2|0|neutral', 'RF:2|0|pre', 'RS:2|0|det_noun', 'RK:0|det_noun|wh')
    """
    own, g = _register_names(register)
    return (*own, f"RC:{g}|{cue_class}", f"RF:{g}|{frame}", f"RS:{g}|{src_shape}",
            f"RK:{register.code}|{src_shape}|{c_open}")


@lru_cache(maxsize=1 << 8)
def _register_names(register: Register) -> tuple[tuple[str, ...], str]:
    """The document-level feature names of a register and its group (a few registers recur in every corpus)."""
    return tuple(register.features()), register.group


# The features come in parts. Most parts are a function of a few facts of the candidate that recur from
# candidate to candidate (the cue's lemma, frame and form, the content's opening and length, ...: a few thousand
# keys in PolNeAR train): the filter keeps one weight sum per key (:meth:`._filter.FilterModel.parts_probability`).
# The words around the cue are new for nearly every candidate: that part is the names themselves.


def _cue_names(lemma: str, frame: str, kind: str, form: str) -> tuple[str, ...]:
    cue_class = _cue_class(lemma)
    return ("bias", f"L:{lemma}", f"C:{cue_class}", f"F:{frame}", f"K:{kind}", f"V:{form}", f"LV:{lemma}|{form}")


def _around_names(lemma: str, before: str, a1: str | None) -> tuple[str, ...]:
    """The words right before the cue (``before``: its last two words before the cue) and after it (``a1``)."""
    words = _TOKEN_RE.findall(before)
    b1 = words[-1] if words else "<s>"
    b1s = word_shape(b1) if words else "start"
    b2s = word_shape(words[-2]) if len(words) > 1 else "start"
    a1s = word_shape(a1) if a1 is not None else "end"
    a1_low = a1.lower() if a1 is not None else "</s>"
    return (f"B1:{b1.lower()}", f"B1s:{b1s}", f"B2s:{b2s}|{b1s}", f"A1:{a1_low}", f"A1s:{a1s}",
            f"LA1s:{lemma}|{a1s}", f"LB1s:{lemma}|{b1s}")


def _source_names(lemma: str, src_shape: str, src_head: str, source_type: str, place: str) -> tuple[str, ...]:
    return (f"S:{src_shape}", f"SH:{src_head}", f"LS:{lemma}|{src_shape}", f"ST:{source_type}", f"SP:{place}")


def _content_names(lemma: str, c_open: str, c_len: str) -> tuple[str, ...]:
    return (f"CO:{c_open}", f"CL:{c_len}", f"LCO:{lemma}|{c_open}")


def _sentence_names(first: str, length: str, place: int, n_spans: int) -> tuple[str, ...]:
    return (f"FW:{first}", f"SL:{length}", f"CP:{place}", f"NS:{n_spans}")


def _pair_names(lemma: str, src_head: str, c_len: str) -> tuple[str, ...]:
    return (f"LSH:{lemma}|{src_head}", f"LCL:{lemma}|{c_len}")


def _clause_names(lemma: str, c_clause: str) -> tuple[str, ...]:
    return (f"CC:{c_clause}", f"LCC:{lemma}|{c_clause}")


def _flag_names(question: bool, imperative: str | None, negated: bool, participle: bool, src_comma: bool,
                nested: bool, para_first: bool) -> tuple[str, ...]:
    flags = ["Q"] if question else []
    if imperative is not None:
        flags.append(f"IMP:{imperative}")
    for on, name in ((negated, "NEG"), (participle, "PART"), (src_comma, "SRC_COMMA"), (nested, "NESTED_CUE"),
                     (para_first, "PARA_FIRST")):
        if on:
            flags.append(name)
    return tuple(flags)


def _said_names(said: int, lemma: str) -> tuple[str]:
    # the cue lemma by the document's level of reporting verbs: in a text that reports no speech, "show",
    # "find", "call" or "agree" are more often the writer's presentation or an activity than a report
    return (f"RL:{said}|{lemma}",)


@lru_cache(maxsize=1 << 12)
def _cue_class(lemma: str) -> str:
    return str(lexicons().cues.get(lemma, {}).get("class", "?"))


@lru_cache(maxsize=1 << 14)
def _cue_form(cue: str, lemma: str) -> str:
    """The verb form (:func:`verb_form`) of the first token of the cue's text."""
    word = _TOKEN_RE.match(cue)
    return verb_form(word.group(), lemma) if word is not None else "other"


#: The parts of the features, in the order of :func:`candidate_features`: for part ``i`` of
#: :func:`feature_parts`, ``PARTS[i](*part)`` are its names, or the part is its names when ``PARTS[i]`` is None.
PARTS: tuple[Callable[..., tuple[str, ...]] | None, ...] = (
    _cue_names, None, _source_names, _content_names, _sentence_names, _pair_names, _clause_names, _flag_names,
    register_features, _said_names)
#: The index in :data:`PARTS` of the words around the cue, and of the content's clause shape alone and with
#: the lemma (:func:`early_parts` may leave these to :func:`complete_parts`).
AROUND, CLAUSE = 1, 6


def feature_parts(doc: Doc, a: Attr, register: Register | None = None) -> tuple[tuple[Any, ...], ...]:
    """The parts of the features of candidate ``a`` in ``doc``, one per :data:`PARTS`: the key of a group of
    names, or names (see :func:`candidate_features`)."""
    reg = register if register is not None else document_register(doc)
    return complete_parts(doc, a, early_parts(doc, a, reg))


def early_parts(doc: Doc, a: Attr, register: Register) -> tuple[Any, ...]:
    """:func:`feature_parts` but for the two facts that cost most and weigh least: part :data:`AROUND` (the
    words around the cue) is None, and the last item of part :data:`CLAUSE` (the content's clause shape) is
    None when the content's first words must be read for it. :func:`complete_parts` reads them; the filter does
    only when the other parts leave its decision open (:meth:`._filter.FilterModel.keeps`)."""
    text = doc.text
    cs, ce = a.cue
    si = doc.sentence_of(cs)
    ss, se, para = doc.sents[si] if doc.sents else (0, len(text), 0)
    lemma = a.lemma
    frame = a.frame
    form = _cue_form(text[cs:ce], lemma)
    source = a.source
    source_text = text[source[0]:source[1]] if source is not None else ""
    src_shape, src_head = source_shape(source_text) if source is not None else ("none", "-")
    content = a.content
    c_open, c_len, c_clause = _content_head(text, content)
    first_m = _FIRST_WORD_RE.search(text, ss, se)
    length = max(1, se - ss)
    nested = doc.has_cue(*content[0]) if len(content) == 1 else any(doc.has_cue(s, e) for s, e in content)
    flags = ("?" in text[max(ss, se - 3):se],
             form if first_m is not None and first_m.start() == cs else None,
             _negation_before(text, max(ss, cs - 24), cs),
             a.participle,
             "," in source_text,
             nested,
             si == 0 or doc.sents[si - 1][2] != para)
    return ((lemma, frame, a.kind, form),
            None,
            (lemma, src_shape, src_head, a.source_type or "-", _source_place(a)),
            (lemma, c_open, c_len),
            (word_shape(first_m.group()) if first_m is not None else "none", _bin(length, _SENTENCE_BINS),
             min((cs - ss) * 3 // length, 2), len(content)),
            (lemma, src_head, c_len),
            (lemma, c_clause),
            flags,
            (register, _cue_class(lemma), frame, src_shape, c_open),
            (register.said, lemma))


def complete_parts(doc: Doc, a: Attr, parts: tuple[Any, ...]) -> tuple[tuple[Any, ...], ...]:
    """The parts of :func:`early_parts` with the facts it left out read (:func:`feature_parts`)."""
    clause = parts[CLAUSE]
    if clause[1] is None:
        clause = (clause[0], content_clause(doc.text, a.content))
    return (parts[0], around_names(doc, a), *parts[2:CLAUSE], clause, *parts[CLAUSE + 1:])


def around_names(doc: Doc, a: Attr) -> tuple[str, ...]:
    """The names of part :data:`AROUND` of candidate ``a``: the words right before and after its cue."""
    text = doc.text
    cs, ce = a.cue
    ss, se, _ = doc.sents[doc.sentence_of(cs)] if doc.sents else (0, len(text), 0)
    before = " ".join(text[max(ss, cs - 40):cs].rsplit(None, 2)[-2:])  # the last two words
    nxt = _TOKEN_RE.search(text, ce, min(se, ce + 40))
    return _around_names(a.lemma, before, nxt.group() if nxt is not None else None)


def candidate_features(doc: Doc, a: Attr, register: Register | None = None) -> list[str]:
    """The feature names of candidate ``a`` in ``doc`` (see the module docstring): the names of the parts of
    :func:`feature_parts`, in order.

    ``register`` is the document's register (:func:`mediakit.metrics.attribution._register.document_register`
    of ``doc``); pass it when scoring several candidates of one document, so it is read once.

    Examples
    --------
    >>> from ._document import prepare
    >>> doc = prepare("What do you think?")
    >>> f = candidate_features(doc, Attr((12, 17), "think", (8, 11), [(17, 18)], frame="pre"))
    >>> "L:think" in f and "S:p12" in f and "Q" in f
    True
    """
    return [name for names, part in zip(PARTS, feature_parts(doc, a, register), strict=True)
            for name in (part if names is None else names(*part))]


def clear_feature_caches() -> None:
    """Forget the facts kept per word and per cue (benchmarks time what a fresh process pays).

    Examples
    --------
    >>> clear_feature_caches()
    """
    for f in (_cue_class, _cue_form, word_shape, verb_form, source_shape, _clause_word, _register_names):
        f.cache_clear()
