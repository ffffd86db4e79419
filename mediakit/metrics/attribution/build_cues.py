"""Build the learned cue list: ``python -m mediakit.metrics.attribution.build_cues [--dry-run]``.

PolNeAR annotates many cues that are not verbs of saying: beliefs, plans, support, acts made public
("released a statement", "signed an order", "is known as", "bemoaned"). The list of
``mediakit/lexicons/cues.yaml`` holds the common ones; this script learns the rest from PolNeAR **train**
only (read from ``../shared`` through :func:`mediakit.datasets.corpora_dir`), deterministically:

1. **Candidates.** The head word of each gold cue (its first word after auxiliaries, negations, adverbs in
   -ly, determiners and prepositions: ``_SKIP``), kept when it is not a form of the YAML, is made of letters,
   does not end in -ly nor in a plural-like -s ("lists", "plans": as often nouns outside news), heads at
   least ``MIN_GOLD`` gold cues and at least ``MIN_RATE`` of its occurrences
   in the train texts are gold cue heads (a word that is a cue only now and then is left out).
2. **End-to-end check.** The rule extractor (without the learned filter) runs on train with every
   candidate added (frame ``object``: a complement, an object or a quotation is needed); each candidate's
   attributions are matched to the gold as the scorer does (:func:`match_gold`, coverage 0.3), and one is
   right when its cue also overlaps the matched gold cue. A form stays when it makes at least ``MIN_PRED``
   attributions, at least ``MIN_PRECISION`` of them right.
   A form whose lemma is a verb of saying of the YAML ("questioning") is left out: the speech cues, and the
   speech subset of the evaluation, stay the YAML's.
3. **Output.** ``mediakit/resources/learned_cues.json``: lemma -> class, frame, forms, with the train
   counts of each form (gold heads, predictions, matches). No corpus text: words and counts only.

Lemmas come from a small suffix lemmatiser (:func:`lemma_of`); classes from :data:`CLASS_OF` (mediakit's
judgement, as in ``cues.yaml``), else ``neutral``. About 20 s.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from importlib import resources
from typing import Any

from ._filter_train import match_gold
from ._lexicon import cue_lexicon, set_learned_cues

Span = tuple[int, int]

__all__ = ["main", "candidates", "select", "lemma_of", "CLASS_OF", "MIN_GOLD", "MIN_RATE", "MIN_PRED",
           "MIN_PRECISION"]

MIN_GOLD = 3
"""A candidate heads at least this many gold cues on train."""
MIN_RATE = 0.1
"""... and at least this share of its occurrences in the train texts are gold cue heads (a cheap first cut; the
end-to-end check decides: 0.2 until stop 43 left out "see" and "looking", 0.65 and 0.62 precise)."""
MIN_PRED = 5
"""A kept form makes at least this many attributions on train ..."""
MIN_PRECISION = 0.5
"""... with at least this precision (PolNeAR matching, coverage 0.3). A form raises F1 when its precision is above
half the F1 (about 0.39 on train); 0.5 keeps a margin (0.6 until 6 Dec 2026, stop 43)."""

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_NOUN_SUFFIXES = ("tion", "sion", "ism", "ment", "ance", "ence")
_SKIP = frozenset("""
has have had is was are were be been being am will would shall should can could may might must do does did
not never no also still just even now then once again already always ever only first later soon so too very
to the a an his her their its our my your this that these those of for on in about with as at by from into
over against up out off it he she they we i you
don’t didn’t doesn’t won’t can’t isn’t wasn’t aren’t weren’t hasn’t haven’t hadn’t
don't didn't doesn't won't can't isn't wasn't aren't weren't hasn't haven't hadn't
""".split())
_IRREGULAR = {"known": "know", "seen": "see", "laid": "lay", "lays": "lay", "laying": "lay", "drew": "draw",
              "struck": "strike", "spoken": "speak", "understood": "understand", "forecast": "forecast",
              "cast": "cast", "stuck": "stick", "weighed": "weigh", "pleaded": "plead"}

CLASS_OF: dict[str, str] = {
    "release": "announcement", "issue": "announcement", "publish": "announcement", "unveil": "announcement",
    "name": "description", "list": "description", "title": "description", "know": "description",
    "liken": "description", "reference": "description", "quote": "description", "invoke": "description",
    "support": "agreement", "side": "agreement", "embrace": "agreement", "back": "agreement",
    "oppose": "criticism", "mock": "criticism", "slam": "criticism", "blast": "criticism", "knock": "criticism",
    "bemoan": "criticism", "challenge": "criticism", "dismiss": "denial", "refuse": "denial",
    "distance": "denial", "apologize": "admission", "plead": "admission", "plan": "commitment",
    "opt": "commitment", "sign": "commitment", "order": "proposal", "press": "proposal", "appoint": "proposal",
    "nominate": "proposal", "see": "belief", "believe": "belief", "consider": "belief", "remember": "belief",
    "view": "belief", "regard": "belief", "disagree": "belief", "forecast": "belief", "sound": "evidential",
    "question": "question", "thank": "praise", "cheer": "praise", "boo": "criticism", "spar": "criticism",
    "block": "criticism", "ignore": "denial", "avoid": "denial", "identify": "description",
    "present": "announcement", "share": "announcement", "outline": "announcement",
    "expose": "announcement", "weigh": "belief", "deem": "description", "celebrate": "praise", "notice": "belief",
    "project": "belief", "brush": "denial",
}
"""The class of a learned lemma (the classes of ``cues.yaml``); others are ``neutral``."""


def lemma_of(form: str, vocabulary: frozenset[str] | set[str] = frozenset()) -> str:
    """A lemma for an English verb form: irregular forms from a short table; -ed, -ing and -s stripped, the
    base chosen among "stem", "stem + e" and a stem without its doubled consonant by the first that is a
    word of ``vocabulary`` (the words in lower case of the train texts), else the stem.

    Examples
    --------
    >>> vocab = {"release", "plan", "sign", "list", "mock", "focus", "issue"}
    >>> [lemma_of(f, vocab) for f in ["released", "planning", "signed", "lists", "mocking", "known", "focused",
    ...                               "issued"]]
    ['release', 'plan', 'sign', 'list', 'mock', 'know', 'focus', 'issue']
    """
    f = form.lower()
    if f in _IRREGULAR:
        return _IRREGULAR[f]
    for suffix in ("ing", "ed"):
        if f.endswith(suffix) and len(f) > len(suffix) + 2:
            stem = f[: -len(suffix)]
            options = [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
            return next((o for o in options if o in vocabulary), stem)
    if f.endswith("s") and not f.endswith("ss") and len(f) > 3:
        return f[:-1]
    return f


def candidates(texts: list[str], gold_cues: list[str]) -> dict[str, int]:
    """Candidate forms -> number of gold cues they head (see the module docstring, step 1)."""
    forms: set[str] = set()
    for entry in cue_lexicon().values():
        for f in entry["forms"]:
            forms.update(f.lower().split("_"))
    heads: Counter[str] = Counter()
    for cue in gold_cues:
        words = [w.lower() for w in _WORD_RE.findall(cue)]
        words = [w for w in words if w not in _SKIP and not w.endswith("ly")]
        if words:
            heads[words[0]] += 1
    wanted = {w for w, n in heads.items() if n >= MIN_GOLD and w not in forms and w.isalpha()
              and not (w.endswith("s") and not w.endswith("ss"))  # 'lists': as often a plural noun
              and not w.endswith(_NOUN_SUFFIXES)}  # 'criticism', 'speculation': nouns (nominal_cues.yaml)
    tokens: Counter[str] = Counter()
    for text in texts:
        for m in _WORD_RE.finditer(text):
            w = m.group().lower()
            if w in wanted:
                tokens[w] += 1
    return {w: heads[w] for w in sorted(wanted) if heads[w] >= MIN_RATE * max(1, tokens[w])}


def _spans(value: Any) -> list[Span]:
    return sorted((int(a), int(b)) for a, b in value) if isinstance(value, (list, tuple)) else []


def select(articles: Any, gold: Any, cands: dict[str, int]) -> dict[str, dict[str, Any]]:
    """Run the extractor with every candidate and keep the forms precise enough (step 2); the entries.

    A prediction counts as right when it is matched to a gold attribution whose cue it overlaps (a content
    matched by chance to another cue's attribution does not count)."""
    from ._extract import find

    vocabulary = {w for text in articles["text"] for w in _WORD_RE.findall(text) if w.islower()}
    gold_by: dict[str, list[tuple[list[Span], list[Span]]]] = defaultdict(list)
    for aid, content, cue in zip(gold["article_id"].astype(str), gold["content_spans"], gold["cue_spans"],
                                 strict=True):
        gold_by[aid].append((_spans(content), _spans(cue)))
    set_learned_cues({f"~{w}": {"class": "neutral", "frame": "object", "forms": [w]} for w in cands})
    made: Counter[str] = Counter()
    right: Counter[str] = Counter()
    try:
        for aid, text in zip(articles["article_id"].astype(str), articles["text"], strict=True):
            res = find(text, learned_filter=False)
            if res is None:
                continue
            attrs = res[1]
            golds = gold_by.get(aid, [])
            pairs = match_gold([a.content for a in attrs], [g[0] for g in golds])
            for a, gi in zip(attrs, pairs, strict=True):
                if a.lemma.startswith("~"):
                    made[a.lemma[1:]] += 1
                    right[a.lemma[1:]] += int(gi >= 0 and any(s < a.cue[1] and a.cue[0] < e for s, e in golds[gi][1]))
    finally:
        set_learned_cues(None)
    speech = {lemma for lemma, e in cue_lexicon().items() if e["speech"]}
    out: dict[str, dict[str, Any]] = {}
    for w in sorted(cands):
        if made[w] >= MIN_PRED and right[w] >= MIN_PRECISION * made[w]:
            lemma = lemma_of(w, vocabulary)
            if lemma in speech:
                continue  # a new form of a verb of saying would change the speech subset of the evaluation
            entry = out.setdefault(lemma, {"class": CLASS_OF.get(lemma, "neutral"), "frame": "object",
                                           "forms": [], "train": {}})
            entry["forms"].append(w)
            entry["train"][w] = {"gold_heads": cands[w], "predicted": made[w], "matched": right[w]}
    return out


def main(argv: list[str] | None = None) -> int:
    """Build and write ``mediakit/resources/learned_cues.json`` (``--dry-run``: print it only)."""
    from ...datasets import load_polnear, load_polnear_attributions

    args = sys.argv[1:] if argv is None else argv
    articles = load_polnear(split="train")
    gold = load_polnear_attributions(split="train")
    set_learned_cues({})  # the candidates are the forms the YAML lacks, whatever the shipped list holds
    cands = candidates(articles["text"].tolist(), [str(c) for c in gold["cue_text"].dropna()])
    cues = select(articles, gold, cands)
    doc = {"about": "Cue forms learned from PolNeAR train (python -m mediakit.metrics.attribution.build_cues); "
                    "counts on train; MIT, compiled by mediakit.",
           "settings": {"min_gold": MIN_GOLD, "min_rate": MIN_RATE, "min_pred": MIN_PRED,
                        "min_precision": MIN_PRECISION, "candidates": len(cands)},
           "cues": cues}
    text = json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if "--dry-run" in args:
        print(text)
        return 0
    path = resources.files("mediakit.resources").joinpath("learned_cues.json")
    with open(str(path), "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"wrote {path}: {sum(len(e['forms']) for e in cues.values())} forms of {len(cues)} lemmas "
          f"from {len(cands)} candidates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
