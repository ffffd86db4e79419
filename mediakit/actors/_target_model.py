"""The trained target-sentiment model: features around the target, a multinomial logistic regression.

The model reads the same tokens, VADER valences and closeness weights as the rule-based score
(:func:`target_context`) and adds what the rules miss: the words around the target (left and
right windows, the words right next to it), the target's role in its clause (subject of a verb
of condemning, patient of a negative event, passive victim), comparison cues ("unlike X",
"than X"), pronoun targets and quotation context. Weights are trained on NewsMTSC train only
(``python -m mediakit.actors train``, :mod:`mediakit.actors._train`) and shipped as
``mediakit/resources/actor_sentiment_model.npz`` with its feature vocabulary in
``actor_sentiment_model.json``.
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
    TargetContext,
    context_score,
    sentence_score,
    target_context,
    target_score,
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


def _valence_features(ctx: TargetContext) -> dict[str, float]:
    """Weighted and unweighted sums of positive and negative valence, left and right of the target."""
    v, w, lo, hi = ctx.valences, ctx.weights, ctx.lo, ctx.hi
    pos, neg = np.maximum(v, 0.0), np.minimum(v, 0.0)
    wp, wn = pos * w, neg * w
    near = slice(max(0, lo - 3), hi + 4)
    return {
        "d:score": context_score(ctx),
        "d:wpos_left": _squash(float(wp[:lo].sum())), "d:wneg_left": _squash(float(wn[:lo].sum())),
        "d:wpos_right": _squash(float(wp[hi + 1:].sum())), "d:wneg_right": _squash(float(wn[hi + 1:].sum())),
        "d:sent_pos": _squash(float(pos.sum())), "d:sent_neg": _squash(float(neg.sum())),
        "d:near_pos": _squash(float(pos[near].sum())), "d:near_neg": _squash(float(neg[near].sum())),
    }


def _role_features(words: list[str], v: np.ndarray, lo: int, hi: int) -> dict[str, float]:
    """The target's role: pronoun, subject of a verb of condemning, patient of a negative event, comparison."""
    n = len(words)
    out: dict[str, float] = {}
    if hi == lo and words[lo] in _PRONOUNS:
        out["d:pronoun"] = 1.0
    right = words[hi + 1:hi + 5]
    for k, w in enumerate(right):
        if w in _CONDEMN:
            out["d:condemn_subj"] = 1.0
            after = v[hi + 2 + k:min(n, hi + 10 + k)]
            out["d:condemn_neg"] = _squash(float(np.minimum(after, 0.0).sum()))
            break
    if right[:1] and right[0] in _BE and hi + 2 < n and v[hi + 2:hi + 5].min(initial=0.0) < 0:
        out["d:passive_neg"] = 1.0
    if lo > 0 and v[max(0, lo - 2):lo].min(initial=0.0) < 0:
        out["d:object_neg"] = 1.0
    if is_victim(words, lo, hi):
        out["d:harm_patient"] = 1.0
    elif any(w in _HARM for w in right[:3]):
        out["d:harm_agent"] = 1.0
    if lo > 0 and v[max(0, lo - 2):lo].max(initial=0.0) > 0:
        out["d:object_pos"] = 1.0
    if any(w in _COMPARE for w in words[max(0, lo - 3):lo]):
        out["d:compared"] = 1.0
    if lo == 0:
        out["d:first"] = 1.0
    out["d:position"] = lo / max(1, n - 1)
    out["d:length"] = min(n, 80) / 40.0
    return out


def _quote_features(sentence: str, ctx: TargetContext) -> dict[str, float]:
    """Is the target inside a quotation, or next to one (speaking it)?"""
    quotes = quote_spans_in_sentence(sentence)
    if not quotes:
        return {}
    a = ctx.toks[ctx.lo][0]
    if any(qa <= a < qb for qa, qb in quotes):
        return {"d:in_quote": 1.0}
    return {"d:quote_outside": 1.0}


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


def model_features(sentence: str, start: int, end: int) -> dict[str, float]:
    """The features of ``sentence`` toward ``sentence[start:end]`` (names to values).

    Examples
    --------
    >>> f = model_features("Unlike Smith, Jones never lied.", 7, 12)
    >>> f["d:compared"], f["l1:unlike"], f["r1:jones"]
    (1.0, 1.0, 1.0)
    """
    ctx = target_context(sentence, start, end)
    out: dict[str, float] = {"bias": 1.0}
    if ctx is None:
        return out
    words = [_norm(w) for w in ctx.words]
    lo, hi = ctx.lo, ctx.hi
    adjusted = adjust_valences(words, ctx.valences, lo, hi)
    if not np.array_equal(adjusted, ctx.valences):
        out["d:adjusted"] = 1.0
        ctx = ctx._replace(valences=adjusted)
    out.update(_valence_features(ctx))
    out.update(_role_features(words, ctx.valences, lo, hi))
    out.update(_quote_features(sentence, ctx))
    if is_victim(words, lo, hi):  # the event's words are no evidence about its victim
        words = ["" if w in _HARM else w for w in words]
    left = [w for w in words[max(0, lo - _LEFT):lo] if w]
    right = [w for w in words[hi + 1:hi + 1 + _RIGHT] if w]
    for k, w in enumerate(reversed(left[-2:])):
        out[f"l{k + 1}:{w}"] = 1.0
    for k, w in enumerate(right[:3]):
        out[f"r{k + 1}:{w}"] = 1.0
    if len(right) >= 2:
        out[f"r12:{right[0]}_{right[1]}"] = 1.0
    if len(left) >= 2:
        out[f"l21:{left[-2]}_{left[-1]}"] = 1.0
    for w in left:
        out[f"L:{w}"] = 1.0
    for w in right:
        out[f"R:{w}"] = 1.0
    for w in words[:max(0, lo - _LEFT)] + words[hi + 1 + _RIGHT:]:
        if w:
            out[f"S:{w}"] = 1.0
    _lexical_features(out, words, ctx)
    return out


def _lexical_features(out: dict[str, float], words: list[str], ctx: TargetContext) -> None:
    """Add each sentiment word (by sign, weighted by closeness) and the valence of the target's clause."""
    v, w, cl = ctx.valences, ctx.weights, ctx.clauses
    for i in np.flatnonzero(v):
        if not words[i]:
            continue
        name = f"V{'+' if v[i] > 0 else '-'}:{words[i]}"
        out[name] = out.get(name, 0.0) + float(w[i])
    if (cl[ctx.lo:ctx.hi + 1] == 0).all():
        out["d:clause_pos"] = _squash(float(np.maximum(v, 0.0)[cl == 0].sum()))
        out["d:clause_neg"] = _squash(float(np.minimum(v, 0.0)[cl == 0].sum()))


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
        self.thresholds = (float(thresholds[0]), float(thresholds[1]))
        self.meta = dict(meta or {})

    def probabilities(self, features: dict[str, float]) -> np.ndarray:
        """p(negative), p(neutral), p(positive) of one feature dict."""
        index = self.index
        pairs = [(k, value) for k, value in zip(map(index.get, features), features.values(), strict=True) if k is not None]
        if pairs:
            keys, vals = zip(*pairs, strict=True)
            z = np.asarray(vals, dtype=float) @ self.weights[list(keys)]
        else:
            z = np.zeros(3)
        z -= z.max()
        e = np.exp(z)
        return e / e.sum()

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
    return load_model().probabilities(model_features(sentence, start, end))


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
