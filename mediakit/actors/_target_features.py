"""The features of the trained target-sentiment model, by name (the model's definition; used for training).

The model reads the same tokens, VADER valences and closeness weights as the rule-based score
(:func:`~mediakit.actors._target.target_context`) and adds what the rules miss: the words
around the target (left and right windows, the words right next to it), the target's role in
its clause (subject of a verb of condemning, patient of a negative event, passive victim),
comparison cues ("unlike X", "than X"), pronoun targets and quotation context.
:func:`model_features` gives them as a dict of names to values; the scoring path
(:mod:`mediakit.actors._target_fast`) computes the same sums straight from the weights.
"""

from __future__ import annotations

import math
import re
import sys
from functools import lru_cache

import numpy as np

from ._scan import quote_spans_in_sentence
from ._target import SentenceTokens, TargetContext, context_score, sentence_tokens, tokens_context

__all__ = ["BE", "CARE", "COMPARE", "CONDEMN", "DENOUNCE_PREFIXES", "HARM", "LEFT_WINDOW", "PRONOUNS",
           "RIGHT_WINDOW", "adjust_valences", "feature_word", "is_victim", "may_adjust", "model_features", "squash",
           "verb_after"]

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its",
                       "i", "me", "my", "we", "us", "our", "you", "your", "himself", "herself", "themselves"})
#: Verbs whose subject takes a stand against something: with a negative object the subject is praised.
CONDEMN = frozenset({
    "condemn", "condemned", "condemns", "condemning", "denounce", "denounced", "denounces", "denouncing",
    "criticize", "criticized", "criticizes", "criticised", "slam", "slammed", "slams", "blast", "blasted",
    "blasts", "decry", "decried", "decries", "reject", "rejected", "rejects", "oppose", "opposed", "opposes",
    "rebuke", "rebuked", "rebukes", "fight", "fought", "fights", "protest", "protested", "warn", "warned",
    "warns", "vowed", "vows", "called",
})
#: Harm done to someone: the patient of these is a victim, not a villain ("X was killed", "killed X").
HARM = frozenset({
    "killed", "kill", "kills", "killing", "murdered", "murder", "murdering", "shot", "shooting", "attacked",
    "assaulted", "injured", "wounded", "raped", "kidnapped", "abducted", "stabbed", "slain", "harassed",
    "abused", "tortured", "bullied", "victim", "victims", "died", "death", "mourned", "grieving", "survivor",
    "survivors",
})
#: Verbs of care: the plight of their object ("visited the victims") is not charged to the subject.
CARE = frozenset({
    "visited", "visits", "visit", "visiting", "helped", "helps", "help", "helping", "comforted", "consoled",
    "rescued", "rescues", "mourned", "mourns", "honored", "honors", "honoured", "thanked", "thanks", "aided",
    "met", "meets", "hugged", "prayed", "donated", "supported", "supports", "protected", "protects", "saved",
})
#: Verbs of condemning in the strict sense: a negative object makes the subject look principled.
DENOUNCE_PREFIXES = ("condemn", "denounc", "decr", "repudiat", "rebuk", "disavow")
BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "gets", "get"})
COMPARE = frozenset({"unlike", "than", "compared", "versus", "vs", "vs."})
_WORD_RE = re.compile(r"[^\w'-]+")
_DIGIT_RE = re.compile(r"\d")
LEFT_WINDOW = 8  # words in the left window
RIGHT_WINDOW = 8  # words in the right window


_FEATURE_WORDS: dict[str, str] = {}  # word -> feature_word(word), up to _MAX_CACHED words
_MAX_CACHED = 100_000


def feature_word(word: str) -> str:
    """A word as a feature: lower case, outer punctuation off, digits as '0' (interned, cached).

    Examples
    --------
    >>> feature_word("\u201cTrump\u2019s"), feature_word("2016,")
    ("trump's", '0000')
    """
    w = _FEATURE_WORDS.get(word)
    if w is None:
        w = _WORD_RE.sub("", word.lower().replace("\u2019", "'")).strip("'-")
        w = sys.intern(_DIGIT_RE.sub("0", w))  # interned: the model's feature keys are too (fast look-ups)
        if len(_FEATURE_WORDS) < _MAX_CACHED:
            _FEATURE_WORDS[word] = w
    return w


def squash(x: float) -> float:
    """``x`` squashed into (-1, 1): ``x / sqrt(x^2 + 4)``."""
    return x / math.sqrt(x * x + 4.0)


class _Names:
    """Collects features by name (for training and :func:`model_features`).

    ``set`` a feature ``group:key``, ``add`` to it, or mark each of ``keys`` as present (1.0).
    """

    def __init__(self) -> None:
        self.out: dict[str, float] = {"bias": 1.0}

    def set(self, group: str, key: str, value: float) -> None:
        self.out[f"{group}:{key}"] = value

    def add(self, group: str, key: str, value: float) -> None:
        name = f"{group}:{key}"
        self.out[name] = self.out.get(name, 0.0) + value

    def present(self, group: str, keys: list[str]) -> None:
        for key in keys:
            self.out[f"{group}:{key}"] = 1.0


_Sink = _Names


def _valence_features(sink: _Sink, ctx: TargetContext, vv: list[float]) -> list[tuple[str, int, float]]:
    """Sums of positive and negative valence: weighted left and right of the target, near it, in the sentence.

    ``vv`` is ``ctx.valences`` as a list. Returns, for :func:`_lexical_features`, each sentiment
    word's group ("V+" or "V-"), index and weight, then ("clause_pos", 0, sum) and ("clause_neg", 0, sum)
    of the target's clause (if the target is in one clause).
    """
    lo, hi = ctx.lo, ctx.hi
    sink.set("d", "score", context_score(ctx))
    near_lo, near_hi = max(0, lo - 3), hi + 4
    # positive and negative: weighted left, weighted right, sentence, near the target, target's clause
    sums = [[0.0] * 5, [0.0] * 5]
    lexical: list[tuple[str, int, float]] = []
    for i, x, wi, c in zip(range(len(vv)), vv, ctx.weights.tolist(), ctx.clauses.tolist(), strict=True):
        if not x:
            continue
        part = sums[x < 0]
        if i < lo:
            part[0] += x * wi
        elif i > hi:
            part[1] += x * wi
        part[2] += x
        if near_lo <= i < near_hi:
            part[3] += x
        if c == 0:
            part[4] += x
        lexical.append(("V-" if x < 0 else "V+", i, wi))
    (pl, pr, ps, pn, pc), (nl, nr, ns, nn, nc) = sums
    for key, total in (("wpos_left", pl), ("wneg_left", nl), ("wpos_right", pr), ("wneg_right", nr),
                       ("sent_pos", ps), ("sent_neg", ns), ("near_pos", pn), ("near_neg", nn)):
        sink.set("d", key, squash(total))
    if not ctx.clauses[lo:hi + 1].any():
        lexical.append(("clause_pos", 0, squash(pc)))
        lexical.append(("clause_neg", 0, squash(nc)))
    return lexical


def _lexical_features(sink: _Sink, lexical: list[tuple[str, int, float]], words: list[str]) -> None:
    """Each sentiment word by sign, weighted by closeness (empty ``words[i]``: skipped), and the clause sums."""
    for group, i, value in lexical:
        if group.startswith("clause_"):
            sink.set("d", group, value)
        elif words[i]:
            sink.add(group, words[i], value)



def _role_features(sink: _Sink, words: list[str], vv: list[float], lo: int, hi: int, victim: bool) -> None:
    """The target's role: pronoun, subject of a verb of condemning, patient of a negative event, comparison."""
    n = len(words)
    if hi == lo and words[lo] in PRONOUNS:
        sink.set("d", "pronoun", 1.0)
    right = words[hi + 1:hi + 5]
    for k, w in enumerate(right):
        if w in CONDEMN:
            sink.set("d", "condemn_subj", 1.0)
            after = vv[hi + 2 + k:min(n, hi + 10 + k)]
            sink.set("d", "condemn_neg", squash(sum(x for x in after if x < 0)))
            break
    if right[:1] and right[0] in BE and hi + 2 < n and any(x < 0 for x in vv[hi + 2:hi + 5]):
        sink.set("d", "passive_neg", 1.0)
    left2 = vv[max(0, lo - 2):lo] if lo > 0 else []
    if any(x < 0 for x in left2):
        sink.set("d", "object_neg", 1.0)
    if victim:
        sink.set("d", "harm_patient", 1.0)
    elif any(w in HARM for w in right[:3]):
        sink.set("d", "harm_agent", 1.0)
    if any(x > 0 for x in left2):
        sink.set("d", "object_pos", 1.0)
    if any(w in COMPARE for w in words[max(0, lo - 3):lo]):
        sink.set("d", "compared", 1.0)
    if lo == 0:
        sink.set("d", "first", 1.0)
    sink.set("d", "position", lo / max(1, n - 1))
    sink.set("d", "length", min(n, 80) / 40.0)


def _quote_features(sink: _Sink, quotes: list[tuple[int, int]], ctx: TargetContext) -> None:
    """Is the target inside a quotation, or next to one (speaking it)?"""
    if not quotes:
        return
    a = ctx.toks[ctx.lo][0]
    if any(qa <= a < qb for qa, qb in quotes):
        sink.set("d", "in_quote", 1.0)
    else:
        sink.set("d", "quote_outside", 1.0)


def verb_after(words: list[str], hi: int, verbs: frozenset[str] | None = None,
                prefixes: tuple[str, ...] = ()) -> int:
    """Index of the first of the 3 words after the target that is one of ``verbs`` (or starts so), else -1."""
    for i in range(hi + 1, min(len(words), hi + 4)):
        w = words[i]
        if (verbs is not None and w in verbs) or (prefixes and w.startswith(prefixes)):
            return i
        if w in BE:
            return -1  # passive or copula: the target is not the agent
    return -1


def is_victim(words: list[str], lo: int, hi: int) -> bool:
    """Is the target ``words[lo:hi+1]`` the patient of harm ("killed X", "X was shot", "X's murder")?"""
    right = words[hi + 1:hi + 4]
    if right and right[0] in BE and not HARM.isdisjoint(right[1:3]):
        return True
    return not HARM.isdisjoint(words[max(0, lo - 3):lo])


def adjust_valences(words: list[str], v: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """The valences as they bear on the target ``words[lo:hi+1]`` (a new array; ``words`` normalised).

    * victim: the target is the patient of harm ("killed X", "X was shot", "X's killer") —
      the negative words are the event's, not a judgement of the target: they count 0.2;
    * care: the target visits, helps, mourns ... ("X visited the victims") — the negative
      words after the verb are the object's plight: they count 0;
    * condemning: the target condemns, denounces, decries ... — what it condemns is bad, so
      the negative words after the verb count as positive, halved (and the verb itself 0);
    * comparison: "unlike X, ..." — the main clause's sentiment is said of the other side:
      its sign flips for X; "... than X" flips the words before "than".

    Examples
    --------
    >>> w = ["unlike", "trump", "obama", "never", "lied"]
    >>> adjust_valences(w, np.array([0.0, 0.0, 0.0, 0.0, 1.2]), 1, 1).tolist()[-1]
    -1.2
    """
    v = v.copy()
    before = words[max(0, lo - 3):lo]
    if is_victim(words, lo, hi):
        v = np.maximum(v, 0.0)
    k = verb_after(words, hi, CARE)
    if k >= 0:
        v[k + 1:] = np.maximum(v[k + 1:], 0.0)
    k = verb_after(words, hi, prefixes=DENOUNCE_PREFIXES)
    if k >= 0:
        v[k] = 0.0
        v[k + 1:] = np.abs(v[k + 1:]) * np.where(v[k + 1:] < 0, 0.5, 1.0)
    if "unlike" in before:
        v[hi + 1:] = -v[hi + 1:]
    elif lo > 0 and words[lo - 1] == "than":
        v[:lo] = -v[:lo]
    return v


@lru_cache(maxsize=16)
def _sentence(sentence: str) -> tuple[SentenceTokens, list[str], list[tuple[int, int]]] | None:
    """The per-sentence work shared by its targets: tokens, valences, normalised words, quotations."""
    st = sentence_tokens(sentence)
    if st is None:
        return None
    return st, [feature_word(w) for w in st.words], quote_spans_in_sentence(sentence)


def may_adjust(words: list[str], lo: int, hi: int, victim: bool) -> bool:
    """Does any rule of :func:`adjust_valences` apply to the target (``victim``: :func:`is_victim`)?"""
    return (victim or verb_after(words, hi, CARE) >= 0
            or verb_after(words, hi, prefixes=DENOUNCE_PREFIXES) >= 0
            or "unlike" in words[max(0, lo - 3):lo] or (lo > 0 and words[lo - 1] == "than"))


def _features(sink: _Sink, sentence: str, start: int, end: int) -> None:
    """Send the features of ``sentence`` toward ``sentence[start:end]`` to ``sink``."""
    parts = _sentence(sentence)
    if parts is None:
        return
    st, words, quotes = parts
    ctx = tokens_context(sentence, start, end, st, quotes)
    lo, hi = ctx.lo, ctx.hi
    victim = is_victim(words, lo, hi)
    if may_adjust(words, lo, hi, victim) and ctx.valences.any():  # else adjust_valences changes nothing
        adjusted = adjust_valences(words, ctx.valences, lo, hi)
        if not np.array_equal(adjusted, ctx.valences):
            sink.set("d", "adjusted", 1.0)
            ctx = ctx._replace(valences=adjusted)
    vv = ctx.valences.tolist()
    lexical = _valence_features(sink, ctx, vv)
    _role_features(sink, words, vv, lo, hi, victim)
    _quote_features(sink, quotes, ctx)
    if victim:  # the event's words are no evidence about its victim
        words = ["" if w in HARM else w for w in words]
    _word_features(sink, words, lo, hi)
    _lexical_features(sink, lexical, words)


def _word_features(sink: _Sink, words: list[str], lo: int, hi: int) -> None:
    """The words next to the target, in windows each side of it and in the rest of the sentence."""
    left = [w for w in words[max(0, lo - LEFT_WINDOW):lo] if w]
    right = [w for w in words[hi + 1:hi + 1 + RIGHT_WINDOW] if w]
    for k, w in enumerate(reversed(left[-2:])):
        sink.set(f"l{k + 1}", w, 1.0)
    for k, w in enumerate(right[:3]):
        sink.set(f"r{k + 1}", w, 1.0)
    if len(right) >= 2:
        sink.set("r12", f"{right[0]}_{right[1]}", 1.0)
    if len(left) >= 2:
        sink.set("l21", f"{left[-2]}_{left[-1]}", 1.0)
    sink.present("L", left)
    sink.present("R", right)
    sink.present("S", [w for w in words[:max(0, lo - LEFT_WINDOW)] + words[hi + 1 + RIGHT_WINDOW:] if w])


def model_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """The features of ``sentence`` toward ``sentence[start:end]`` (names to values).

    Examples
    --------
    >>> f = model_features("Unlike Smith, Jones never lied.", 7, 12)
    >>> f["d:compared"], f["l1:unlike"], f["r1:jones"]
    (1.0, 1.0, 1.0)
    """
    sink = _Names()
    _features(sink, sentence, start, end)
    return sink.out
