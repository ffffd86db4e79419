"""The trained target-sentiment model: features around the target, a multinomial logistic regression.

The model reads the same tokens, VADER valences and closeness weights as the rule-based score
(:func:`target_context`) and adds what the rules miss: the words around the target (left and
right windows, the words right next to it), the target's role in its clause (subject of a verb
of condemning, patient of a negative event, passive victim), comparison cues ("unlike X",
"than X"), pronoun targets and quotation context. Weights are trained on NewsMTSC train only
(``python -m mediakit.actors train``, :mod:`mediakit.actors._train`) and shipped as
``mediakit/resources/actor_sentiment_model.npz`` with its feature vocabulary in
``actor_sentiment_model.json``.

Speed: the features are computed once, by :func:`_features`, into a sink — by name for training
(:func:`model_features`) or straight to rows of the weights for scoring (:func:`model_probabilities`,
features outside the vocabulary skipped, no names built). The per-sentence work (tokens, valences,
clause boundaries, normalised words, quotations) is cached for the last 16 sentences, so several
targets in one sentence share it. Same features and scores as the named-dict version (to ~1e-16).
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from io import BytesIO
from importlib import resources
from typing import Any

import numpy as np

from .._validation import check_option
from ._scan import quote_spans_in_sentence
from ._target import (
    SENTENCE_NEGATIVE_THRESHOLD,
    SENTENCE_POSITIVE_THRESHOLD,
    TARGET_NEGATIVE_THRESHOLD,
    TARGET_POSITIVE_THRESHOLD,
    SentenceTokens,
    TargetContext,
    context_score,
    sentence_score,
    sentence_tokens,
    target_score,
    tokens_context,
)

__all__ = ["METHODS", "MODEL_FILE", "VOCABULARY_FILE", "FeatureModel", "adjust_valences", "check_method",
           "is_victim", "load_model",
           "method_score", "method_thresholds", "model_features", "model_probabilities", "model_score",
           "polarity", "target_sentiment"]

#: The weights (``W``: features x classes negative/neutral/positive) inside ``mediakit/resources``.
MODEL_FILE = "actor_sentiment_model.npz"
#: The feature names (one per row of ``W``), thresholds and provenance inside ``mediakit/resources``.
VOCABULARY_FILE = "actor_sentiment_model.json"

_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its",
                       "i", "me", "my", "we", "us", "our", "you", "your", "himself", "herself", "themselves"})
#: Verbs whose subject takes a stand against something: with a negative object the subject is praised.
_CONDEMN = frozenset({
    "condemn", "condemned", "condemns", "condemning", "denounce", "denounced", "denounces", "denouncing",
    "criticize", "criticized", "criticizes", "criticised", "slam", "slammed", "slams", "blast", "blasted",
    "blasts", "decry", "decried", "decries", "reject", "rejected", "rejects", "oppose", "opposed", "opposes",
    "rebuke", "rebuked", "rebukes", "fight", "fought", "fights", "protest", "protested", "warn", "warned",
    "warns", "vowed", "vows", "called",
})
#: Harm done to someone: the patient of these is a victim, not a villain ("X was killed", "killed X").
_HARM = frozenset({
    "killed", "kill", "kills", "killing", "murdered", "murder", "murdering", "shot", "shooting", "attacked",
    "assaulted", "injured", "wounded", "raped", "kidnapped", "abducted", "stabbed", "slain", "harassed",
    "abused", "tortured", "bullied", "victim", "victims", "died", "death", "mourned", "grieving", "survivor",
    "survivors",
})
#: Verbs of care: the plight of their object ("visited the victims") is not charged to the subject.
_CARE = frozenset({
    "visited", "visits", "visit", "visiting", "helped", "helps", "help", "helping", "comforted", "consoled",
    "rescued", "rescues", "mourned", "mourns", "honored", "honors", "honoured", "thanked", "thanks", "aided",
    "met", "meets", "hugged", "prayed", "donated", "supported", "supports", "protected", "protects", "saved",
})
#: Verbs of condemning in the strict sense: a negative object makes the subject look principled.
_DENOUNCE_PREFIXES = ("condemn", "denounc", "decr", "repudiat", "rebuk", "disavow")
_BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "gets", "get"})
_COMPARE = frozenset({"unlike", "than", "compared", "versus", "vs", "vs."})
_WORD_RE = re.compile(r"[^\w'-]+")
_DIGIT_RE = re.compile(r"\d")
_LEFT = 8  # words in the left window
_RIGHT = 8  # words in the right window


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    """A word as a feature: lower case, outer punctuation off, digits as '0'."""
    w = _WORD_RE.sub("", word.lower().replace("\u2019", "'")).strip("'-")
    return _DIGIT_RE.sub("0", w)


def _squash(x: float) -> float:
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


_NONE: dict[str, int] = {}


class _Rows:
    """Collects features as rows of a model's weights, skipping features outside its vocabulary.

    Same methods as :class:`_Names`; ``groups`` is :attr:`FeatureModel.groups`, ``bias`` the bias row.
    """

    def __init__(self, groups: dict[str, dict[str, int]], bias: int | None) -> None:
        self.groups = groups
        self.out: dict[int, float] = {} if bias is None else {bias: 1.0}

    def set(self, group: str, key: str, value: float) -> None:
        k = self.groups.get(group, _NONE).get(key)
        if k is not None:
            self.out[k] = value

    def add(self, group: str, key: str, value: float) -> None:
        k = self.groups.get(group, _NONE).get(key)
        if k is not None:
            self.out[k] = self.out.get(k, 0.0) + value

    def present(self, group: str, keys: list[str]) -> None:
        g = self.groups.get(group)
        if g:
            self.out.update(dict.fromkeys([k for k in map(g.get, keys) if k is not None], 1.0))


_Sink = _Names | _Rows


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
        sink.set("d", key, _squash(total))
    if not ctx.clauses[lo:hi + 1].any():
        lexical.append(("clause_pos", 0, _squash(pc)))
        lexical.append(("clause_neg", 0, _squash(nc)))
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
    if hi == lo and words[lo] in _PRONOUNS:
        sink.set("d", "pronoun", 1.0)
    right = words[hi + 1:hi + 5]
    for k, w in enumerate(right):
        if w in _CONDEMN:
            sink.set("d", "condemn_subj", 1.0)
            after = vv[hi + 2 + k:min(n, hi + 10 + k)]
            sink.set("d", "condemn_neg", _squash(sum(x for x in after if x < 0)))
            break
    if right[:1] and right[0] in _BE and hi + 2 < n and any(x < 0 for x in vv[hi + 2:hi + 5]):
        sink.set("d", "passive_neg", 1.0)
    left2 = vv[max(0, lo - 2):lo] if lo > 0 else []
    if any(x < 0 for x in left2):
        sink.set("d", "object_neg", 1.0)
    if victim:
        sink.set("d", "harm_patient", 1.0)
    elif any(w in _HARM for w in right[:3]):
        sink.set("d", "harm_agent", 1.0)
    if any(x > 0 for x in left2):
        sink.set("d", "object_pos", 1.0)
    if any(w in _COMPARE for w in words[max(0, lo - 3):lo]):
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


def _verb_after(words: list[str], hi: int, verbs: frozenset[str] | None = None,
                prefixes: tuple[str, ...] = ()) -> int:
    """Index of the first of the 3 words after the target that is one of ``verbs`` (or starts so), else -1."""
    for i in range(hi + 1, min(len(words), hi + 4)):
        w = words[i]
        if (verbs is not None and w in verbs) or (prefixes and w.startswith(prefixes)):
            return i
        if w in _BE:
            return -1  # passive or copula: the target is not the agent
    return -1


def is_victim(words: list[str], lo: int, hi: int) -> bool:
    """Is the target ``words[lo:hi+1]`` the patient of harm ("killed X", "X was shot", "X's murder")?"""
    right = words[hi + 1:hi + 4]
    if right[:1] and right[0] in _BE and any(w in _HARM for w in right[1:3]):
        return True
    return any(w in _HARM for w in words[max(0, lo - 3):lo])


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
    k = _verb_after(words, hi, _CARE)
    if k >= 0:
        v[k + 1:] = np.maximum(v[k + 1:], 0.0)
    k = _verb_after(words, hi, prefixes=_DENOUNCE_PREFIXES)
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
    return st, [_norm(w) for w in st.words], quote_spans_in_sentence(sentence)


def _may_adjust(words: list[str], lo: int, hi: int, victim: bool) -> bool:
    """Does any rule of :func:`adjust_valences` apply to the target (``victim``: :func:`is_victim`)?"""
    return (victim or _verb_after(words, hi, _CARE) >= 0
            or _verb_after(words, hi, prefixes=_DENOUNCE_PREFIXES) >= 0
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
    if _may_adjust(words, lo, hi, victim) and ctx.valences.any():  # else adjust_valences changes nothing
        adjusted = adjust_valences(words, ctx.valences, lo, hi)
        if not np.array_equal(adjusted, ctx.valences):
            sink.set("d", "adjusted", 1.0)
            ctx = ctx._replace(valences=adjusted)
    vv = ctx.valences.tolist()
    lexical = _valence_features(sink, ctx, vv)
    _role_features(sink, words, vv, lo, hi, victim)
    _quote_features(sink, quotes, ctx)
    if victim:  # the event's words are no evidence about its victim
        words = ["" if w in _HARM else w for w in words]
    _word_features(sink, words, lo, hi)
    _lexical_features(sink, lexical, words)


def _word_features(sink: _Sink, words: list[str], lo: int, hi: int) -> None:
    """The words next to the target, in windows each side of it and in the rest of the sentence."""
    left = [w for w in words[max(0, lo - _LEFT):lo] if w]
    right = [w for w in words[hi + 1:hi + 1 + _RIGHT] if w]
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
    sink.present("S", [w for w in words[:max(0, lo - _LEFT)] + words[hi + 1 + _RIGHT:] if w])


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


class FeatureModel:
    """A multinomial logistic regression over named features (classes negative, neutral, positive).

    Parameters
    ----------
    weights : numpy.ndarray
        Features x 3 weights.
    vocabulary : list of str
        The feature name of each row of ``weights``.
    thresholds : tuple of float
        (negative, positive) thresholds on the score ``p(positive) - p(negative)``.
    meta : dict, optional
        Training settings and provenance.

    Examples
    --------
    >>> m = FeatureModel(np.zeros((1, 3)), ["bias"], (-0.1, 0.1))
    >>> m.probabilities({"bias": 1.0}).round(3).tolist()
    [0.333, 0.333, 0.333]
    """

    def __init__(self, weights: np.ndarray, vocabulary: list[str], thresholds: tuple[float, float],
                 meta: dict[str, Any] | None = None) -> None:
        self.weights = np.asarray(weights, dtype=float)
        self.vocabulary = list(vocabulary)
        self.index = {name: k for k, name in enumerate(self.vocabulary)}
        #: ``weights`` as a list of rows of Python floats (fast to read one row at a time; a copy:
        #: make a new FeatureModel rather than changing ``weights`` in place).
        self.table: list[list[float]] = self.weights.tolist()
        #: Feature group ("d", "L", "V+", ...) -> key within the group -> row of ``weights``.
        self.groups: dict[str, dict[str, int]] = {}
        for name, k in self.index.items():
            group, sep, key = name.partition(":")
            if sep:
                self.groups.setdefault(group, {})[key] = k
        self.thresholds = (float(thresholds[0]), float(thresholds[1]))
        self.meta = dict(meta or {})

    def probabilities(self, features: dict[str, float]) -> np.ndarray:
        """p(negative), p(neutral), p(positive) of one feature dict."""
        index = self.index
        rows: dict[int, float] = {}
        for name, value in features.items():
            k = index.get(name)
            if k is not None:
                rows[k] = value
        return self.row_probabilities(rows)

    def row_probabilities(self, rows: dict[int, float]) -> np.ndarray:
        """p(negative), p(neutral), p(positive) of features given as rows of ``weights`` to values."""
        z0 = z1 = z2 = 0.0
        table = self.table
        for k, value in rows.items():  # a few dozen rows: plain floats beat NumPy's call overhead here
            r = table[k]
            z0 += value * r[0]
            z1 += value * r[1]
            z2 += value * r[2]
        z = [z0, z1, z2]
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        return np.array([x / total for x in e])

    def polarity(self, score: float) -> int:
        """-1, 0 or 1: the class of the score ``p(positive) - p(negative)``."""
        neg, pos = self.thresholds
        return 1 if score >= pos else -1 if score <= neg else 0


@lru_cache(maxsize=1)
def load_model() -> FeatureModel:
    """The shipped model (read once from ``mediakit/resources`` with importlib.resources, offline).

    Examples
    --------
    >>> m = load_model()
    >>> m.weights.shape == (len(m.vocabulary), 3)
    True
    """
    pkg = resources.files("mediakit.resources")
    meta = json.loads(pkg.joinpath(VOCABULARY_FILE).read_text(encoding="utf-8"))
    with np.load(BytesIO(pkg.joinpath(MODEL_FILE).read_bytes())) as data:
        weights = data["W"]
    if weights.shape != (len(meta["vocabulary"]), 3):
        raise ValueError(f"{MODEL_FILE}: weights {weights.shape} do not match the vocabulary")
    neg, pos = meta["thresholds"]
    return FeatureModel(weights, meta["vocabulary"], (float(neg), float(pos)),
                        {k: v for k, v in meta.items() if k != "vocabulary"})


def model_probabilities(sentence: str, start: int, end: int) -> np.ndarray:
    """p(negative), p(neutral), p(positive) toward ``sentence[start:end]`` under the shipped model."""
    model = load_model()
    sink = _Rows(model.groups, model.index.get("bias"))
    _features(sink, sentence, start, end)
    return model.row_probabilities(sink.out)


def model_score(sentence: str, start: int, end: int) -> float:
    """``p(positive) - p(negative)`` toward ``sentence[start:end]`` (in [-1, 1]), shipped model.

    Examples
    --------
    >>> model_score("", 0, 0) == model_score("", 0, 0)
    True
    """
    p = model_probabilities(sentence, start, end)
    return float(p[2] - p[0])


# --------------------------------------------------------------------------- the methods

#: Values of the ``method`` option: the trained model (default), the rule-based target-aware
#: score, or whole-sentence VADER (the baseline).
METHODS = ("model", "target", "sentence")


def method_score(sentence: str, start: int, end: int, method: str) -> float:
    """The score in [-1, 1] of ``sentence`` toward ``sentence[start:end]`` under ``method``."""
    if method == "model":
        return model_score(sentence, start, end)
    if method == "target":
        return target_score(sentence, start, end)
    return sentence_score(sentence)


def method_thresholds(method: str) -> tuple[float, float]:
    """(negative, positive) thresholds on the score of ``method``."""
    if method == "model":
        return load_model().thresholds
    if method == "target":
        return TARGET_NEGATIVE_THRESHOLD, TARGET_POSITIVE_THRESHOLD
    return SENTENCE_NEGATIVE_THRESHOLD, SENTENCE_POSITIVE_THRESHOLD


def polarity(score: float, method: str) -> int:
    """-1, 0 or 1: the class of ``score`` under the thresholds of ``method``."""
    neg, pos = method_thresholds(method)
    return 1 if score >= pos else -1 if score <= neg else 0


def check_method(method: str, *, func: str) -> str:
    """Return ``method`` if it is one of :data:`METHODS`, else raise ValueError."""
    return check_option(method, METHODS, name="method", func=func)


def target_sentiment(sentence: str, start: int, end: int, *, method: str = "model") -> dict[str, float]:
    """Sentiment of one sentence toward the target ``sentence[start:end]``.

    ``method='model'`` (default): a multinomial logistic regression trained on NewsMTSC
    train (``python -m mediakit.actors train``) over features of the words around the
    target: the rule-based score and its positive/negative parts left and right of the
    target, the words next to it and in windows of 8 words each side, the target's role
    (pronoun, subject of a verb of condemning, passive or object of a negative event,
    after "unlike"/"than") and whether it sits inside a quotation. The score is
    ``p(positive) - p(negative)``; the thresholds were tuned on a held-out slice of train
    (docs/actors.md).

    ``method='target'`` (rule-based): VADER's word valences (negation, booster and
    capitalisation rules) with a news lexicon (``actor_titles.yaml``, ``target_sentiment``),
    weighted by closeness to the target: ``exp(-d / 15)`` for a word ``d`` words away,
    times 0.8 for each clause boundary between them (comma, semicolon, dash, bracket, "but",
    "while", "which", "who", ... up to 3). When the target speaks a quotation ('"...," X
    said'), the quotation's negative words do not count and its positive words count 0.4;
    when the target is inside a quotation, the words outside it count 0.4. The target's own
    words and capitalised words inside names ("Supreme Court") score 0; negative valences
    are multiplied by 1.5. The weighted sum ``s`` is normalised like VADER's compound,
    ``s / sqrt(s^2 + 15)``. Positive at >= 0.10, negative at <= -0.10 (tuned on NewsMTSC
    train). ``method='sentence'`` is the baseline: VADER's compound of the whole sentence,
    ignoring the target, with VADER's own thresholds +/-0.05.

    Parameters
    ----------
    sentence : str
        One sentence.
    start, end : int
        Character offsets of the target in ``sentence`` (clipped to it).
    method : {'model', 'target', 'sentence'}, default 'model'

    Returns
    -------
    dict
        ``score`` (in [-1, 1]) and ``polarity`` (-1, 0 or 1).

    Examples
    --------
    The speaker of a quotation is not what the quotation condemns:

    >>> s = '"The deal is a disaster," Smith said.'
    >>> target_sentiment(s, 26, 31, method="target"), target_sentiment(s, 26, 31, method="sentence")
    ({'score': 0.0, 'polarity': 0}, {'score': -0.6249, 'polarity': -1})
    """
    func = "target_sentiment"
    if not isinstance(sentence, str):
        raise TypeError(f"{func}(): sentence must be a str, got {type(sentence).__name__}")
    check_method(method, func=func)
    start = max(0, min(int(start), len(sentence)))
    end = max(start, min(int(end), len(sentence)))
    score = method_score(sentence, start, end, method)
    return {"score": round(score, 4), "polarity": polarity(score, method)}
