"""Speaker-resolution scoring on the shipped gold set (``mediakit/resources/speaker_gold.csv``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["SEED_ARTICLE", "load_speaker_gold", "score_speakers", "speaker_gold_articles"]

# --------------------------------------------------------------------------- speaker resolution

_SPEAKER_GOLD_COLUMNS = ["article_id", "source_start", "source_end", "speaker"]


def load_speaker_gold() -> pd.DataFrame:
    """Load the speaker-resolution gold set shipped in ``mediakit/resources/speaker_gold.csv``.

    Returns
    -------
    DataFrame
        ``article_id``, ``source_start``, ``source_end`` (Int64 offsets into the
        article's ``text``), ``speaker`` (the resolved name), ``corpus``
        ('seed' or 'polnear-dev'), ``note``.

    Examples
    --------
    >>> gold = load_speaker_gold()
    >>> list(gold.columns[:4])
    ['article_id', 'source_start', 'source_end', 'speaker']
    """
    from .._resources import read_resource_csv

    rows = read_resource_csv("mediakit.resources", "speaker_gold.csv")
    df = pd.DataFrame(rows, columns=_SPEAKER_GOLD_COLUMNS + ["corpus", "note"])
    for col in ("source_start", "source_end"):
        df[col] = pd.array([int(v) for v in df[col]], dtype="Int64")
    for col in ("article_id", "speaker", "corpus", "note"):
        df[col] = df[col].fillna("").astype("string")
    return df


def _norm_name(name: Any) -> str:
    if not isinstance(name, str):
        return ""
    return " ".join(re.sub(r"[^\w\s-]", " ", name).lower().split())


def score_speakers(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Any]:
    """Speaker-resolution accuracy: does the prediction for each gold source name the right speaker?

    For each gold row, the predicted attribution of the same article whose source
    span overlaps the gold source span is looked up; it is correct when its
    ``speaker`` equals the gold name (case, punctuation and spacing ignored). A
    gold source with no overlapping prediction counts as wrong.

    Parameters
    ----------
    predicted : DataFrame
        Output of :func:`mediakit.metrics.attribution.extract_attributions`.
    gold : DataFrame
        ``article_id``, ``source_start``, ``source_end``, ``speaker``.

    Returns
    -------
    dict
        ``gold``, ``found`` (a prediction overlaps the source), ``correct``,
        ``accuracy`` (correct / gold), ``accuracy_found`` (correct / found), and
        ``errors``: a list of ``(article_id, start, end, gold speaker, predicted speaker)``.

    Examples
    --------
    >>> gold = pd.DataFrame({"article_id": ["a"], "source_start": [5], "source_end": [7],
    ...                      "speaker": ["Sergei Ryabkov"]})
    >>> pred = pd.DataFrame({"article_id": ["a"], "source_start": [5], "source_end": [7],
    ...                      "speaker": ["Sergei Ryabkov"]})
    >>> score_speakers(pred, gold)["accuracy"]
    1.0
    """
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for aid, s, e, spk in zip(predicted["article_id"].tolist(), predicted["source_start"].tolist(),
                              predicted["source_end"].tolist(), predicted["speaker"].tolist(), strict=True):
        if s is None or s is pd.NA or e is None or e is pd.NA:
            continue
        by_article.setdefault(str(aid), []).append((int(s), int(e), spk if isinstance(spk, str) else ""))
    found = correct = 0
    errors: list[tuple[str, int, int, str, str]] = []
    for aid, s, e, name in zip(gold["article_id"].tolist(), gold["source_start"].tolist(),
                               gold["source_end"].tolist(), gold["speaker"].tolist(), strict=True):
        s, e = int(s), int(e)
        hits = [p for p in by_article.get(str(aid), []) if p[0] < e and s < p[1]]
        if not hits:
            errors.append((str(aid), s, e, str(name), ""))
            continue
        found += 1
        hit = min(hits, key=lambda p: abs(p[0] - s) + abs(p[1] - e))
        if _norm_name(hit[2]) == _norm_name(name):
            correct += 1
        else:
            errors.append((str(aid), s, e, str(name), hit[2]))
    n = len(gold)
    return {"gold": n, "found": found, "correct": correct,
            "accuracy": correct / n if n else float("nan"),
            "accuracy_found": correct / found if found else float("nan"), "errors": errors}


#: The seed article of the speaker gold set, as the project keeps it (relative to the project root).
SEED_ARTICLE = Path("data") / "000_fd60bde068b4eb11.txt"


def speaker_gold_articles(gold: pd.DataFrame, root: Any = None, seed: Any = SEED_ARTICLE) -> pd.DataFrame:
    """The articles of the speaker gold set: the seed article and PolNeAR dev articles."""
    frames = []
    ids = set(gold["article_id"].astype(str))
    polnear_ids = ids - {"000_fd60bde068b4eb11"}
    if "000_fd60bde068b4eb11" in ids:
        from ..loaders import load_articles

        if seed is not None and Path(seed).is_file():
            frames.append(load_articles(seed)[["article_id", "text"]])
    if polnear_ids:
        from ..datasets import load_polnear

        dev = load_polnear(root, split="dev")
        frames.append(dev.loc[dev["article_id"].isin(polnear_ids), ["article_id", "text"]])
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["article_id", "text"])
