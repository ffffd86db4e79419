"""Attribution precision on non-wire English web pages (issue 15 item 4).

The gold set ``tests/data/web_attribution_gold.csv`` marks every true attribution of the
real pages that trafilatura's and htmldate's source distributions ship (features, blogs,
opinion, science and tech writing; see the header of the file). The pages themselves are
not in the repository: ``benchmarks/bench_web.py`` unpacks them under
``~/.cache/mediakit-web``; :func:`web_pages` loads them from there with
:func:`mediakit.load_articles` and checks that each body is the one the gold offsets
point into (SHA-1 of ``text``).

Scores (:func:`score_web_prose`) are on cue spans: a predicted attribution is right when
its cue overlaps a gold cue of the same page (precision), a gold attribution is found
when a predicted cue overlaps it (recall; also without the gold rows noted "nested",
since the extractor keeps only the outermost of nested attributions).

The gold set has PolNeAR's scope (beliefs, intentions, perceptions and evidence count, as in
the corpus the extractor is scored on), so the scores are given twice: over all cues, and
over speech cues only (gold and predicted rows whose cue passes
:func:`mediakit.evaluate.is_speech_cue`, the filter of the PolNeAR scorer). False positives
are also counted per class of their cue lemma (:func:`false_positive_classes`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["WEB_GOLD_PATH", "WEB_CACHE", "load_web_gold", "web_pages", "score_web_prose",
           "format_web_scores", "evaluate_web_prose", "false_positive_classes"]

#: The gold set, in the source checkout (it is test data, not shipped with the package).
WEB_GOLD_PATH = Path(__file__).resolve().parents[2] / "tests" / "data" / "web_attribution_gold.csv"
#: Where ``benchmarks/bench_web.py`` unpacks the trafilatura and htmldate sdists.
WEB_CACHE = Path.home() / ".cache" / "mediakit-web"

_INT_COLUMNS = ("cue_start", "cue_end", "source_start", "source_end")
_TEXT_COLUMNS = ("page", "body_sha1", "cue_text", "source_text", "kind", "note")
_CONTEXT = 60


def load_web_gold(path: str | Path | None = None) -> pd.DataFrame:
    """Load the web-prose attribution gold set.

    Parameters
    ----------
    path : str or Path, optional
        The CSV file (default :data:`WEB_GOLD_PATH`); lines starting with ``#`` are comments.

    Returns
    -------
    DataFrame
        One row per gold attribution (and one row with empty offsets, note "no attributions",
        per page without any): ``page``, ``body_sha1``, ``cue_start``, ``cue_end`` (Int64),
        ``cue_text``, ``source_start``, ``source_end`` (Int64, NA without a source),
        ``source_text``, ``kind``, ``note``.

    Raises
    ------
    FileNotFoundError
        When the file does not exist (an installed package has no ``tests/`` folder).
    """
    file = Path(path) if path is not None else WEB_GOLD_PATH
    if not file.is_file():
        raise FileNotFoundError(f"web-prose gold set not found: {file} (it lives in tests/data of the checkout)")
    lines = [ln for ln in file.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    df = pd.DataFrame(rows, columns=list(_TEXT_COLUMNS[:2]) + ["cue_start", "cue_end", "cue_text",
                                                                "source_start", "source_end", "source_text",
                                                                "kind", "note"])
    for col in _INT_COLUMNS:
        df[col] = pd.array([int(v) if v not in ("", None) else None for v in df[col]], dtype="Int64")
    for col in _TEXT_COLUMNS:
        df[col] = df[col].fillna("").astype("string")
    return df


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def web_pages(gold: pd.DataFrame, cache: str | Path | None = None) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Load the gold set's pages from the web cache.

    Parameters
    ----------
    gold : DataFrame
        From :func:`load_web_gold`.
    cache : str or Path, optional
        The folder ``benchmarks/bench_web.py`` fills (default :data:`WEB_CACHE`).

    Returns
    -------
    (DataFrame, list)
        The pages as articles (``article_id`` = the gold ``page``; columns of
        :func:`mediakit.load_articles`), and ``(page, reason)`` for every page skipped:
        cache or file missing, page unreadable, or a body whose SHA-1 differs from the gold
        one (the loader changed, so the offsets would be wrong).
    """
    from ..loaders import load_articles

    root = Path(cache) if cache is not None else WEB_CACHE
    expected = gold.drop_duplicates("page").set_index("page")["body_sha1"]
    if not root.is_dir():
        reason = f"web cache {root} missing (run benchmarks/bench_web.py to fetch the pages)"
        return pd.DataFrame(columns=["article_id", "text"]), [(str(p), reason) for p in expected.index]
    frames, skipped = [], []
    for page, sha in expected.items():
        file = root / str(page)
        if not file.is_file():
            skipped.append((str(page), f"file missing: {file}"))
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            df = load_articles(file, progress=False)
        if len(df) != 1:
            skipped.append((str(page), "no article loaded"))
            continue
        text = str(df["text"].iloc[0]) if pd.notna(df["text"].iloc[0]) else ""
        if _sha1(text) != sha:
            skipped.append((str(page), "body changed (SHA-1 differs from the gold set: loader changed?)"))
            continue
        df["article_id"] = str(page)
        frames.append(df)
    articles = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["article_id", "text"])
    return articles, skipped


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> list[int]:
    return [i for i, (gs, ge) in enumerate(spans) if s < ge and gs < e]


def _context(text: str | None, start: int, end: int) -> str:
    if not text:
        return ""
    a, b = max(0, start - _CONTEXT // 2), min(len(text), end + _CONTEXT // 2)
    return " ".join(text[a:b].split())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def score_web_prose(predicted: pd.DataFrame, gold: pd.DataFrame, *, pages: Iterable[str] | None = None,
                    texts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Score predicted attributions against the web-prose gold set on cue overlap.

    Parameters
    ----------
    predicted : DataFrame
        Output of :func:`mediakit.metrics.attribution.extract_attributions` with
        ``article_id`` = gold ``page`` (``cue_start``, ``cue_end``, ``cue_text``,
        ``source_start``, ``source_end``, ``source_text``; ``cue_lemma`` and ``cue_class``
        when present name the class of each false positive).
    gold : DataFrame
        From :func:`load_web_gold`.
    pages : iterable of str, optional
        The pages scored (default: every gold page); predictions and gold rows of other pages
        are ignored, so pages that could not be loaded do not count as misses.
    texts : mapping, optional
        ``{page: text}``, to print the context of each false positive.

    Returns
    -------
    dict
        ``pages``, ``gold``, ``gold_outer`` (without rows noted "nested"), ``predicted``,
        ``tp_predicted`` (predictions whose cue overlaps a gold cue), ``precision``,
        ``found`` / ``recall``, ``found_outer`` / ``recall_outer``, ``f1`` (precision and
        outer recall), ``speaker_accuracy`` (share of found gold whose source span overlaps the
        overlapping prediction's, or both empty), ``by_page`` (``{page: (gold, predicted,
        tp_predicted)}``), ``false_positives`` (dicts: ``page``, ``cue_text``, ``cue_lemma``,
        ``cue_class``, ``source_text``, ``context``), ``missed`` (dicts: ``page``,
        ``cue_text``, ``source_text``, ``note``); ``false_positives_by_class``
        (``{cue_class: {"count": n, "lemmas": {cue_lemma: n}}}``, largest class first); and
        ``speech``: the same figures (without ``by_page``) when gold and predicted rows are
        both restricted to speech cues (:func:`mediakit.evaluate.is_speech_cue`), as the
        PolNeAR scorer does, so the wider PolNeAR scope of the gold set (beliefs, intentions,
        perceptions) does not weigh on the speech figures.

    Examples
    --------
    >>> gold = pd.DataFrame({"page": ["p", "p"], "cue_start": [10, 40], "cue_end": [14, 44],
    ...                      "cue_text": ["said", "told"], "source_start": [0, pd.NA],
    ...                      "source_end": [3, pd.NA], "source_text": ["Ann", ""], "note": ["", ""]})
    >>> pred = pd.DataFrame({"article_id": ["p", "p"], "cue_start": [10, 70], "cue_end": [14, 74],
    ...                      "cue_text": ["said", "know"], "source_start": [0, 60],
    ...                      "source_end": [3, 63], "source_text": ["Ann", "you"]})
    >>> s = score_web_prose(pred, gold)
    >>> s["precision"], s["recall"], s["speaker_accuracy"]
    (0.5, 0.5, 1.0)
    >>> s["speech"]["precision"], s["false_positives_by_class"]
    (1.0, {'?': {'count': 1, 'lemmas': {'know': 1}}})
    """
    from ._attribution import is_speech_cue

    scope = set(map(str, pages)) if pages is not None else set(map(str, gold["page"]))
    g = gold[gold["page"].astype(str).isin(scope) & gold["cue_start"].notna()]
    p = predicted[predicted["article_id"].astype(str).isin(scope)] if len(predicted) else predicted
    res = _score_scope(p, g, scope, texts)
    res["false_positives_by_class"] = false_positive_classes(res["false_positives"])
    g_speech = g[g["cue_text"].map(is_speech_cue).astype(bool)] if len(g) else g
    p_speech = p[p["cue_text"].map(is_speech_cue).astype(bool)] if len(p) else p
    speech = _score_scope(p_speech, g_speech, scope, texts)
    speech.pop("by_page")
    speech["false_positives_by_class"] = false_positive_classes(speech["false_positives"])
    res["speech"] = speech
    return res


def _fp_record(page: str, row: Any, span: tuple[int, int], texts: Mapping[str, str] | None) -> dict[str, str]:
    def cell(name: str, default: str) -> str:
        value = getattr(row, name, None)
        return default if value is None or pd.isna(value) or not str(value) else str(value)

    return {"page": page, "cue_text": str(row.cue_text),
            "cue_lemma": cell("cue_lemma", str(row.cue_text).lower()), "cue_class": cell("cue_class", "?"),
            "source_text": cell("source_text", ""), "context": _context((texts or {}).get(page), *span)}


def _score_scope(p: pd.DataFrame, g: pd.DataFrame, scope: set[str],
                 texts: Mapping[str, str] | None) -> dict[str, Any]:
    """The figures of :func:`score_web_prose` for one pair of (already filtered) tables."""
    res: dict[str, Any] = {"pages": len(scope), "gold": len(g), "predicted": len(p), "by_page": {},
                           "false_positives": [], "missed": []}
    tp_pred = found = found_outer = outer = speaker_ok = 0
    for page in sorted(scope):
        gp = g[g["page"].astype(str) == page]
        pp = p[p["article_id"].astype(str) == page] if len(p) else p
        gspans = [(int(s), int(e)) for s, e in zip(gp["cue_start"], gp["cue_end"], strict=True)]
        pspans = [(int(s), int(e)) for s, e in zip(pp["cue_start"], pp["cue_end"], strict=True)] if len(pp) else []
        hits = 0
        for span, row in zip(pspans, pp.itertuples(index=False), strict=True):
            if _overlaps(*span, gspans):
                hits += 1
            else:
                res["false_positives"].append(_fp_record(page, row, span, texts))
        tp_pred += hits
        for (s, e), row in zip(gspans, gp.itertuples(index=False), strict=True):
            nested = "nested" in str(row.note)
            outer += not nested
            match = _overlaps(s, e, pspans)
            if not match:
                res["missed"].append({"page": page, "cue_text": str(row.cue_text),
                                      "source_text": str(row.source_text), "note": str(row.note)})
                continue
            found += 1
            found_outer += not nested
            speaker_ok += _same_source(row, pp.iloc[match[0]])
        res["by_page"][page] = (len(gspans), len(pspans), hits)
    res.update(gold_outer=outer, tp_predicted=tp_pred, found=found, found_outer=found_outer,
               precision=_ratio(tp_pred, len(p)), recall=_ratio(found, len(g)),
               recall_outer=_ratio(found_outer, outer), speaker_accuracy=_ratio(speaker_ok, found))
    res["f1"] = _f1(res["precision"], res["recall_outer"]) if len(p) and outer else float("nan")
    return res


def false_positive_classes(false_positives: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Group false positives by the class of their cue lemma.

    Parameters
    ----------
    false_positives : iterable of mapping
        The ``false_positives`` of :func:`score_web_prose` (``cue_class``, ``cue_lemma``).

    Returns
    -------
    dict
        ``{cue_class: {"count": n, "lemmas": {cue_lemma: n}}}``, the largest class first and,
        inside a class, the most frequent lemma first (ties in name order).

    Examples
    --------
    >>> false_positive_classes([{"cue_class": "neutral", "cue_lemma": "say"},
    ...                         {"cue_class": "belief", "cue_lemma": "think"},
    ...                         {"cue_class": "neutral", "cue_lemma": "tell"}])
    {'neutral': {'count': 2, 'lemmas': {'say': 1, 'tell': 1}}, 'belief': {'count': 1, 'lemmas': {'think': 1}}}
    """
    groups: dict[str, Counter[str]] = {}
    for fp in false_positives:
        groups.setdefault(str(fp.get("cue_class") or "?"), Counter())[str(fp.get("cue_lemma") or "?")] += 1
    order = sorted(groups, key=lambda c: (-sum(groups[c].values()), c))
    return {c: {"count": sum(groups[c].values()),
                "lemmas": dict(sorted(groups[c].items(), key=lambda kv: (-kv[1], kv[0])))} for c in order}


def _same_source(gold_row: Any, pred_row: pd.Series) -> bool:
    """The gold and predicted source spans overlap, or both are empty."""
    gs, ge = gold_row.source_start, gold_row.source_end
    ps, pe = pred_row.get("source_start"), pred_row.get("source_end")
    g_empty, p_empty = pd.isna(gs) or pd.isna(ge), pd.isna(ps) or pd.isna(pe)
    if g_empty or p_empty:
        return bool(g_empty and p_empty)
    return int(ps) < int(ge) and int(gs) < int(pe)


def _pct(v: float) -> str:
    return "n/a" if v != v else f"{100 * v:.1f}%"


def _figures(label: str, sc: Mapping[str, Any]) -> list[str]:
    return [f"{label}: {sc['gold']} gold attributions ({sc['gold_outer']} outer), {sc['predicted']} predicted",
            f"  precision {_pct(sc['precision'])} ({sc['tp_predicted']}/{sc['predicted']})  "
            f"recall {_pct(sc['recall'])} ({sc['found']}/{sc['gold']})  "
            f"recall outer {_pct(sc['recall_outer'])} ({sc['found_outer']}/{sc['gold_outer']})  "
            f"F1 {_pct(sc['f1'])}  speaker accuracy {_pct(sc['speaker_accuracy'])}"]


def _classes_line(classes: Mapping[str, Mapping[str, Any]]) -> str:
    parts = [f"{c} {v['count']} (" + ", ".join(f"{lem} {n}" for lem, n in list(v["lemmas"].items())[:4]) + ")"
             for c, v in classes.items()]
    return "  false positives by cue class: " + ("; ".join(parts) if parts else "none")


def format_web_scores(scores: Mapping[str, Any], *, details: bool = True) -> str:
    """The scores of :func:`score_web_prose` as text.

    Figures for all cues and for speech cues only, the false positives per cue class, then
    (with ``details``) every false positive, grouped by cue class, and every miss.
    """
    lines = [f"web prose: {scores['pages']} pages", *_figures("all cues", scores)]
    classes = scores.get("false_positives_by_class") or false_positive_classes(scores["false_positives"])
    lines.append(_classes_line(classes))
    speech = scores.get("speech")
    if speech:
        lines += _figures("speech cues", speech)
        lines.append(_classes_line(speech.get("false_positives_by_class")
                                   or false_positive_classes(speech["false_positives"])))
    if details:
        lines.append(f"false positives ({len(scores['false_positives'])}):")
        for cls in classes:
            lines.append(f" [{cls}]")
            lines += [f"  {fp['page'].rsplit('/', 1)[-1]}: {fp['cue_text']!r} [{fp['source_text']}] ... "
                      f"{fp['context']} ..." for fp in scores["false_positives"]
                      if str(fp.get("cue_class") or "?") == cls]
        lines.append(f"missed ({len(scores['missed'])}):")
        lines += [f"  {m['page'].rsplit('/', 1)[-1]}: {m['cue_text']!r} [{m['source_text']}] {m['note']}"
                  for m in scores["missed"]]
    return "\n".join(lines)


def evaluate_web_prose(cache: str | Path | None = None, gold_path: str | Path | None = None
                       ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Load the gold set and its pages, run the extractor, score it.

    Returns
    -------
    (dict, list)
        The scores of :func:`score_web_prose` over the pages that loaded, and the
        ``(page, reason)`` list of pages skipped (see :func:`web_pages`).
    """
    from ..metrics.attribution import extract_attributions

    gold = load_web_gold(gold_path)
    articles, skipped = web_pages(gold, cache)
    loaded = list(articles["article_id"].astype(str)) if len(articles) else []
    predicted = extract_attributions(articles) if loaded else pd.DataFrame(columns=["article_id"])
    texts = dict(zip(loaded, articles["text"].astype(str), strict=True)) if loaded else {}
    return score_web_prose(predicted, gold, pages=loaded, texts=texts), skipped
