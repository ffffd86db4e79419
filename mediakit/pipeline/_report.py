"""``report.html``: one self-contained page that tells the framing story of a corpus.

The page is plain HTML with its CSS inline and every figure embedded as a ``data:`` URI (PNG), so
it opens offline, from an e-mail or a USB stick, with no script and no external asset. It links
(relatively) to the CSV tables written beside it. Every text taken from the corpus is escaped
(:func:`html.escape`). The same analysis gives the same bytes (no dates or timings in the page).

Sections: the corpus (articles per outlet, dates, load errors, and the articles left out of the
English-only metrics, or flagged, and why, from ``left_out_articles`` in ``mediakit.loaders._bodies``),
the main framing differences (the largest significant outlet differences of the comparison table in
plain words, with effect sizes and adjusted p-values; word-choice contrasts and distinctive terms;
who is quoted), every figure with a line on how to read it, notes on what was left out, and the files.
"""

from __future__ import annotations

import base64
import html
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._version import __version__
from ..loaders._bodies import left_out_articles
from ..plot import outlet_colors
from ._labels import PERCENT_PREFIXES, metric_label

if TYPE_CHECKING:
    from ._analysis import CorpusAnalysis
    from ._figures import ReportFigure

__all__ = ["framing_differences", "build_report", "write_report", "LEFT_OUT_LISTED"]

#: Articles listed by name in the report's section on articles left out (the rest are counted).
LEFT_OUT_LISTED = 25
#: What the English-only metrics are, in the report's words.
_ENGLISH_ONLY = "VADER sentiment, lexicon word choice, readability formulas, attribution and actors"

def _num(x: Any, metric: str = "") -> str:
    """A number for prose: percentages for shares, 2-3 significant digits otherwise, a real minus sign."""
    if x is None or not np.isfinite(float(x)):
        return "n/a"
    x = float(x)
    if metric.startswith(PERCENT_PREFIXES):
        s = f"{100 * x:.1f}%"
    elif abs(x) >= 100:
        s = f"{x:,.0f}"
    else:
        s = f"{x:.3g}"
    return s.replace("-", "−")


def _p(p: Any) -> str:
    """'< 0.001' or '= 0.012'."""
    p = float(p)
    return "< 0.001" if p < 0.001 else f"= {p:.3f}"


#: Minimum support of a stated difference: articles per outlet (or shared events per pair).
MIN_SUPPORT = 5


def framing_differences(pairs: pd.DataFrame, *, alpha: float = 0.05, top: int = 8,
                        paired: bool = False, min_n: int = MIN_SUPPORT) -> tuple[list[str], bool]:
    """The largest outlet differences of a comparison table, in plain words.

    Parameters
    ----------
    pairs : pandas.DataFrame
        ``Comparison.pairs`` (or ``.paired`` with ``paired=True``).
    alpha : float, default 0.05
        Significance level for the adjusted p-value.
    top : int, default 8
        At most this many sentences.
    paired : bool, default False
        The table compares outlets within events (``Comparison.paired``): the effect size is the
        share of events where each outlet is higher.
    min_n : int, default :data:`MIN_SUPPORT`
        Pairs with fewer articles in either outlet (``n_a``, ``n_b``), or fewer shared events,
        are never stated: with 1 article against 1, "Cliff's δ = 1.00, large" is no finding.

    Returns
    -------
    (list of str, bool)
        Sentences (plain text, not escaped), strongest first, and whether they are significant
        (False: nothing passed ``alpha``; the sentences then describe the largest effects found).

    Examples
    --------
    >>> import pandas as pd
    >>> pairs = pd.DataFrame({"group_a": ["A"], "group_b": ["B"], "metric": ["tone"], "mean_a": [1.2],
    ...                       "mean_b": [-0.4], "cliffs_delta": [0.62], "magnitude": ["large"],
    ...                       "p_adjusted": [0.0004], "n_a": [40], "n_b": [35]})
    >>> framing_differences(pairs)
    (['A scores higher than B on tone (positive minus negative words, % of words): 1.2 vs −0.4 \
(Cliff’s δ = 0.62, large; adjusted p < 0.001).'], True)
    """
    if pairs is None or pairs.empty:
        return [], False
    df = pairs.dropna(subset=["p_adjusted"]).copy()
    df = df[supported(df, min_n, paired=paired)]
    if df.empty:
        return [], False
    if paired:
        df["_effect"] = (df["share_a_higher"] - df["share_b_higher"]).abs()
    else:
        df["_effect"] = df["cliffs_delta"].abs()
    df = df.sort_values(["_effect", "p_adjusted", "metric", "group_a", "group_b"],
                        ascending=[False, True, True, True, True], kind="mergesort")
    sig = df[df["p_adjusted"] < alpha]
    chosen, significant = (sig, True) if len(sig) else (df, False)
    out = []
    for r in chosen.head(top).itertuples(index=False):
        a, b = str(r.group_a), str(r.group_b)
        metric = str(r.metric)
        hi, lo, m_hi, m_lo = (a, b, r.mean_a, r.mean_b) if r.mean_a >= r.mean_b else (b, a, r.mean_b, r.mean_a)
        if paired:
            sh = r.share_a_higher if hi == a else r.share_b_higher
            effect = f"higher in {100 * float(sh):.0f}% of {int(r.n_events)} shared events"
        else:
            delta = abs(float(r.cliffs_delta))
            effect = f"Cliff’s δ = {delta:.2f}" + (f", {r.magnitude}" if isinstance(r.magnitude, str) else "")
        out.append(f"{hi} scores higher than {lo} on {metric_label(metric)}: {_num(m_hi, metric)} vs "
                   f"{_num(m_lo, metric)} ({effect}; adjusted p {_p(r.p_adjusted)}).")
    return out, significant


def supported(pairs: pd.DataFrame, min_n: int, *, paired: bool = False) -> pd.Series:
    """Which rows of a pairs table rest on at least ``min_n`` articles per outlet (or shared events)."""
    cols = ["n_events"] if paired else ["n_a", "n_b"]
    ok = pd.Series(True, index=pairs.index)
    for c in cols:
        if c in pairs.columns:
            ok &= pd.to_numeric(pairs[c], errors="coerce").fillna(0) >= min_n
    return ok


def _reason_counts(reasons: pd.Series, *, leaving_out: bool = False) -> str:
    """'empty body: 2, language de: 1' (each reason of a row counted once; with ``leaving_out``
    only the reasons that leave an article out, not a short body or a language scored anyway)."""
    counts: dict[str, int] = {}
    for text in reasons:
        for reason in str(text).split("; "):
            if leaving_out and (reason == "short body" or reason.endswith("(scored anyway)")):
                continue
            reason = reason.split(" (")[0]
            counts[reason] = counts.get(reason, 0) + 1
    return ", ".join(f"{k}: {v:,}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


# =========================================================================== HTML pieces

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#222;
 max-width:980px;margin:0 auto;padding:24px 20px 60px;line-height:1.45;background:#fff}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:34px 0 10px;border-bottom:1px solid #ddd;
 padding-bottom:4px}h3{font-size:1.05em;margin:22px 0 6px}
.sub{color:#555;margin:0 0 18px}.note{color:#555;font-size:.92em}
table{border-collapse:collapse;margin:8px 0 14px;font-size:.9em}
th,td{border-bottom:1px solid #e5e5e5;padding:3px 10px 3px 0;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{border-bottom:1px solid #999}
figure{margin:10px 0 26px}figure img{max-width:100%;width:760px;height:auto;border:1px solid #eee}
figcaption{font-size:.9em;color:#444;margin-top:4px}
a{color:#1f5aa6}code{font-size:.92em;background:#f4f4f4;padding:0 3px}
ul.diff li{margin-bottom:4px}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:5px;
 vertical-align:baseline;border-radius:2px}
nav ul{columns:2;font-size:.92em}
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mediakit {version}">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
{body}
</body>
</html>
"""

_FILES = {
    "articles.parquet": "one row per article: the loaded corpus (all columns of the articles schema)",
    "articles.csv": "the same as CSV (list cells such as captions joined with ' | ')",
    "metrics.parquet": "one row per article: every metric of mediakit.analyze (read_, sent_, tone, wc_, attr_)",
    "metrics.csv": "the same as CSV",
    "sentences.parquet": "one row per sentence: offsets, paragraph, VADER scores, share in quotes",
    "attributions.csv": "one row per attribution: source, speaker, source type, cue and class, content, kind",
    "word_choice.csv": "one row per lexicon match: family, variant, term, offsets",
    "comparison.csv": "outlet pairs × headline metrics: difference, CI, Cliff's δ, p and adjusted p",
    "comparison_groups.csv": "outlet × headline metric: n, mean, median, sd, 95% bootstrap CI",
    "comparison_events.csv": "outlet pairs × metrics compared within the events both covered",
    "distinctive_terms.csv": "terms that set each outlet apart from the rest (log-odds, z-score)",
    "actor_labels.csv": "one row per actor mention with the label attached to it",
    "source_roles.csv": "outlet × source role: count, share of attributions and 95% bootstrap CI (articles resampled)",
    "partisan_balance.csv": "outlet: quoted politicians by party, party shares and their gap with 95% bootstrap CIs",
    "load_errors.csv": "files or records that could not be loaded, and why",
}


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _href(path: Path, base: Path) -> str:
    rel = os.path.relpath(path, base).replace(os.sep, "/")
    return html.escape("/".join(_quote(p) for p in rel.split("/")), quote=True)


def _quote(part: str) -> str:
    from urllib.parse import quote

    return quote(part)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool] | None = None) -> str:
    """An HTML table; cells are already-escaped HTML."""
    numeric = numeric or [False] * len(header)
    th = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td class="n">{c}</td>' if numeric[i] else f"<td>{c}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _swatch(color: str | None) -> str:
    return f'<span class="swatch" style="background:{_e(color)}"></span>' if color else ""


def _date(ts: Any) -> str:
    return "—" if ts is None or pd.isna(ts) else pd.Timestamp(ts).strftime("%Y-%m-%d")


# =========================================================================== sections


def _corpus_section(res: CorpusAnalysis, written: Mapping[str, Path], base: Path, colors: Mapping[str, str]) -> str:
    arts = res.articles
    left = left_out_articles(arts, metrics=res.metrics, languages=getattr(res, "languages", "en"),
                             load_errors=res.load_errors)
    outlet = arts["outlet"].astype(object).where(arts["outlet"].notna(), None) if "outlet" in arts.columns \
        else pd.Series([None] * len(arts), index=arts.index, dtype=object)
    published = pd.to_datetime(arts["published"], utc=True, errors="coerce") if "published" in arts.columns \
        else pd.Series(pd.NaT, index=arts.index)
    words = res.metrics["words"] if "words" in res.metrics.columns else pd.Series(np.nan, index=arts.index)
    n_attr = res.attributions.groupby("article_id").size() if len(res.attributions) else pd.Series(dtype=int)
    per_article_attr = arts["article_id"].map(n_attr).fillna(0)
    rows = []
    keys = [*res.outlets, None] if outlet.isna().any() else list(res.outlets)
    for o in keys:
        mask = outlet.isna() if o is None else (outlet == o)
        mask = mask.to_numpy(dtype=bool)
        p = published[mask]
        rows.append([(_swatch(colors.get(o)) if o is not None else "") + (_e(o) if o is not None
                                                                          else "<em>(no outlet)</em>"),
                     f"{int(mask.sum()):,}", _date(p.min()), _date(p.max()),
                     _num(float(np.nanmedian(words[mask])) if mask.any() and words[mask].notna().any()
                          else np.nan),
                     _num(float(per_article_attr[mask].mean()) if mask.any() else np.nan)])
    dup = int(arts["duplicate_kind"].notna().sum()) if "duplicate_kind" in arts.columns else 0
    undated = int(published.isna().sum())
    parts = [
        "<h2 id=\"corpus\">The corpus</h2>",
        f"<p><strong>{len(arts):,}</strong> articles from <strong>{len(res.outlets)}</strong> outlet(s)"
        + (f", published {_date(published.min())} to {_date(published.max())}" if published.notna().any()
           else ", without publication dates")
        + (f" ({undated:,} without a date)" if 0 < undated < len(arts) else "")
        + f"; {len(res.sentences):,} sentences, {len(res.attributions):,} attributions, "
          f"{len(res.word_choice):,} lexicon matches.</p>",
        _table(["outlet", "articles", "first", "last", "median words", "attributions per article"], rows,
               [False, True, False, False, True, True]),
    ]
    if dup:
        parts.append(f"<p class=\"note\">{dup:,} article(s) are flagged as exact or near duplicates (wire copies) "
                     "of an earlier article; they are kept and counted (column <code>duplicate_kind</code>).</p>")
    errs = res.load_errors
    if len(errs):
        by = errs.groupby(["status", "kind"]).size().reset_index(name="n") if {"status", "kind"} <= set(errs.columns) \
            else pd.DataFrame({"status": ["error"], "kind": [""], "n": [len(errs)]})
        what = ", ".join(f"{int(r.n)} {_e(r.status)}{'s' if r.n != 1 and r.status != 'skipped' else ''} "
                         f"({_e(r.kind)})" for r in by.itertuples(index=False))
        link = f' — see <a href="{_href(written["load_errors"], base)}">load_errors.csv</a>' \
            if "load_errors" in written else ""
        parts.append(f"<p><strong>Load problems:</strong> {what}{link}.</p>")
    elif len(left):
        parts.append("<p>Every file loaded, but not every article can be measured (below).</p>")
    else:
        parts.append("<p>Every file loaded without a problem.</p>")
    parts.append(_left_out_section(left, len(arts), written, base))
    return "\n".join(parts)


def _left_out_section(left: pd.DataFrame, n_articles: int, written: Mapping[str, Path], base: Path) -> str:
    """Which articles the English-only metrics leave out or flag, and why (counts, then a list)."""
    if left.empty:
        return ""
    out = left[left["left_out"]]
    kept = left[~left["left_out"]]
    parts = ["<h3 id=\"left-out\">Articles left out of the English metrics, or flagged</h3>"]
    said = []
    if len(out):
        said.append(f"<strong>{len(out):,}</strong> of {n_articles:,} articles are left out of the English-only "
                    f"metrics ({_ENGLISH_ONLY}): {_e(_reason_counts(out['reason'], leaving_out=True))}. They stay in every "
                    "table, with empty (NaN) cells for what could not be measured.")
    if len(kept):
        why = []
        if kept["reason"].str.contains("short body", regex=False).any():
            why.append("a short body is probably cut off or not fully extracted, so its figures may describe "
                       "only part of the article")
        if kept["reason"].str.contains("scored anyway", regex=False).any():
            why.append("an article in another language was scored as asked, but English word lists and "
                       "VADER misread it")
        said.append(f"{len(kept):,} article(s) are measured but flagged ({_e(_reason_counts(kept['reason']))}): "
                    + "; ".join(why) + ".")
    parts.append("<p>" + " ".join(said) + "</p>")
    shown = left.head(LEFT_OUT_LISTED)
    rows = [[_e(r.title) if isinstance(r.title, str) else f"<code>{_e(r.article_id)}</code>",
             _e(r.outlet) if isinstance(r.outlet, str) else "—", _e(r.reason), f"{int(r.words):,}",
             "left out" if r.left_out else "kept"] for r in shown.itertuples(index=False)]
    parts.append(_table(["article", "outlet", "reason", "words", "English metrics"], rows,
                        [False, False, False, True, False]))
    links = [f'<a href="{_href(written[k], base)}">{name}</a>' for k, name in
             (("articles_csv", "articles.csv"), ("load_errors", "load_errors.csv")) if k in written]
    where = f" (all of them: {' and '.join(links)}, columns <code>language</code> and <code>text</code>)" \
        if links else ""
    if len(left) > len(shown):
        parts.append(f"<p class=\"note\">The first {len(shown):,} of {len(left):,} are listed{where}.</p>")
    return "\n".join(parts)


def _differences_section(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> str:
    comp = res.comparison
    parts = ["<h2 id=\"differences\">Main framing differences</h2>"]
    if comp is None or comp.pairs.empty:
        parts.append("<p>Only one outlet (or none): there is no outlet difference to report. The figures below "
                     "still describe the corpus.</p>")
        return "\n".join(parts)
    n_tests = int(comp.pairs["p_value"].notna().sum())
    correction = comp.info.get("correction")
    correction = {"holm": "Holm", "fdr_bh": "Benjamini–Hochberg", "bonferroni": "Bonferroni"}.get(
        str(correction), "no") if correction else "no"
    sentences, significant = framing_differences(comp.pairs)
    link = f' (all of them: <a href="{_href(written["comparison"], base)}">comparison.csv</a>)' \
        if "comparison" in written else ""
    if not sentences:
        parts.append(f"<p>The corpus cannot support a claim about outlet differences: no pair of outlets has at "
                     f"least {MIN_SUPPORT} articles with a value on each side{link}. The figures below still "
                     "describe the corpus; read them as description, not as findings.</p>")
    elif significant:
        parts.append(f"<p>The largest differences between outlets that are significant after {_e(correction)} "
                     f"correction for {n_tests} tests (articles as independent samples, Mann–Whitney test; "
                     f"Cliff’s δ: 0.15 small, 0.33 medium, 0.47 large){link}:</p>")
    else:
        parts.append(f"<p>No outlet difference is significant after {_e(correction)} correction for {n_tests} "
                     f"tests (adjusted p ≥ 0.05){link}. The largest effects, to read with care:</p>")
    if sentences:
        parts.append("<ul class=\"diff\">" + "".join(f"<li>{_e(s)}</li>" for s in sentences) + "</ul>")
    if comp.paired is not None and not comp.paired.empty:
        ev_sentences, ev_sig = framing_differences(comp.paired, paired=True, top=5)
        n_ev = int(comp.paired["n_events"].max()) if len(comp.paired) else 0
        head = (f"Within the same events (<code>{_e(res.event)}</code>, up to {n_ev} shared events per pair; "
                "paired Wilcoxon test), ")
        if not ev_sentences:
            head += f"no pair of outlets shares {MIN_SUPPORT} or more events: too few for a claim."
        else:
            head += "the strongest significant differences:" if ev_sig else \
                "no difference is significant after correction; the largest:"
        parts.append(f"<p>{head}</p>" + ("<ul class=\"diff\">" + "".join(f"<li>{_e(s)}</li>" for s in ev_sentences)
                                        + "</ul>" if ev_sentences else ""))
    parts.append(_word_choice_part(res, written, base))
    parts.append(_sources_part(res, written, base))
    return "\n".join(parts)


def _word_choice_part(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> str:
    parts = ["<h3>Word choice</h3>"]
    wc = res.word_choice
    outlets = res.outlets
    if wc.empty or not outlets:
        parts.append("<p>No lexicon term matched.</p>")
    else:
        rows = wc[wc["part"].isin(["title", "text"]) & wc["outlet"].notna()]
        fams = rows.groupby("family").agg(n=("variant", "size"), outlets=("outlet", "nunique"),
                                          variants=("variant", "nunique"))
        fams = fams[(fams["variants"] >= 2) & (fams["outlets"] >= min(2, len(outlets)))]
        fams = fams.sort_values("n", ascending=False, kind="mergesort").head(6)
        if fams.empty:
            parts.append("<p>No lexicon family has two variants used in this corpus.</p>")
        else:
            shown = outlets[:8]
            table_rows = []
            for fam in fams.index:
                sub = rows[rows["family"] == fam]
                cells = [f"{_e(str(fam).replace('_', ' '))}"]
                favourites = set()
                for o in shown:
                    so = sub[sub["outlet"] == o]["variant"].value_counts()
                    if so.empty:
                        cells.append("—")
                        continue
                    top = sorted(so.index, key=lambda v: (-int(so[v]), str(v)))[0]
                    favourites.add(top)
                    word = _e(str(top).replace("_", " "))
                    cells.append(f"“{word}” {100 * so[top] / so.sum():.0f}% <span class=\"note\">"
                                 f"(n={int(so.sum())})</span>")
                cells[0] += " ⚑" if len(favourites) > 1 else ""
                table_rows.append(cells)
            parts.append("<p>The variant each outlet uses most for the same thing (share of its matches in the "
                         "family, headlines and text); ⚑ marks families where outlets’ favourite words differ.</p>")
            parts.append(_table(["family", *(_e(o) for o in shown)], table_rows))
    terms = res.terms
    if terms is not None and not terms.empty:
        items = []
        for o in outlets[:8]:
            t = terms[(terms["group"] == o) & (terms["z"] > 1.96)].sort_values("z", ascending=False).head(8)
            if len(t):
                items.append(f"<li><strong>{_e(o)}</strong>: " + ", ".join(
                    f"{_e(r.term)} <span class=\"note\">(z={r.z:.1f})</span>" for r in t.itertuples(index=False))
                    + "</li>")
        if items:
            link = f' (<a href="{_href(written["distinctive_terms"], base)}">distinctive_terms.csv</a>)' \
                if "distinctive_terms" in written else ""
            parts.append("<p>Words and phrases each outlet uses more than the others (log-odds ratio with an "
                         f"informative Dirichlet prior, z &gt; 1.96){link}:</p><ul>" + "".join(items) + "</ul>")
    return "\n".join(parts)


def _pct_ci(share: float, lo: float, hi: float) -> str:
    """"12% (9–15%)": a share with its CI, or the share alone without one."""
    if not np.isfinite(share):
        return "—"
    if np.isfinite(lo) and np.isfinite(hi):
        return f"{100 * share:.0f}% ({100 * lo:.0f}–{100 * hi:.0f}%)"
    return f"{100 * share:.0f}%"


def _points_ci(gap: float, lo: float, hi: float) -> str:
    """"+12 pts (−3 to +25)": a difference of shares in percentage points with its CI."""
    if not np.isfinite(gap):
        return "—"
    out = f"{100 * gap:+.0f} pts"
    if np.isfinite(lo) and np.isfinite(hi):
        out += f" ({100 * lo:+.0f} to {100 * hi:+.0f})"
    return out.replace("-", "−")


def _roles_part(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> list[str]:
    """The source-role table (top roles, anonymous share with CI) and the partisan balance."""
    roles = res.source_roles
    assert roles is not None
    order = [r for r in roles.groupby("source_role", sort=False)["count"].sum().sort_values(ascending=False).index
             if r not in ("anonymous", "(none)")][:6]
    rows = []
    anon: dict[str, float] = {}
    for o in res.outlets:
        t = roles[roles["group"] == o].set_index("source_role")
        if t.empty:
            continue
        cells = [_e(o), f"{int(t['total'].iloc[0]):,}"]
        cells += [f"{100 * t.at[r, 'share']:.0f}%" if r in t.index else "—" for r in order]
        if "anonymous" in t.index:
            a = t.loc["anonymous"]
            anon[o] = float(a["share"])
            cells.append(_pct_ci(float(a["share"]), float(a["ci_low"]), float(a["ci_high"])))
        else:
            cells.append("0%")
        rows.append(cells)
    link = f' (<a href="{_href(written["source_roles"], base)}">source_roles.csv</a>)' \
        if "source_roles" in written else ""
    parts = [f"<p>Share of each outlet’s attributions by the role of the source (codebook: docs/sources.md), "
             f"and anonymous sources with a 95% bootstrap CI over articles{link}.</p>",
             _table(["outlet", "attributions", *(_e(r.replace("_", " ")) for r in order), "anonymous (95% CI)"],
                    rows, [False] + [True] * (len(order) + 2))]
    parts += _anonymous_sentence(anon)
    if res.partisan is not None:
        parts += _partisan_part(res.partisan, written, base)
    return parts


def _anonymous_sentence(anon: Mapping[str, float]) -> list[str]:
    valid = {o: v for o, v in anon.items() if np.isfinite(v)}
    if len(valid) < 2:
        return []
    hi = max(valid, key=lambda o: (valid[o], o))
    lo = min(valid, key=lambda o: (valid[o], o))
    if valid[hi] <= valid[lo]:
        return []
    return [f"<p>Anonymous sourcing is most common in <strong>{_e(hi)}</strong> ({100 * valid[hi]:.0f}% of its "
            f"attributions) and least in <strong>{_e(lo)}</strong> ({100 * valid[lo]:.0f}%).</p>"]


def _partisan_part(table: pd.DataFrame, written: Mapping[str, Path], base: Path) -> list[str]:
    a, b = str(table["party_a"].iloc[0]), str(table["party_b"].iloc[0])
    rows = [[_e(r.group), f"{r.n:,}", _pct_ci(r.share_a, r.share_a_ci_low, r.share_a_ci_high),
             _pct_ci(r.share_b, r.share_b_ci_low, r.share_b_ci_high),
             _points_ci(r.gap, r.gap_ci_low, r.gap_ci_high)
             + (" <span class=\"note\">(few articles)</span>" if r.small_group else "")]
            for r in table.itertuples(index=False)]
    link = f' (<a href="{_href(written["partisan_balance"], base)}">partisan_balance.csv</a>)' \
        if "partisan_balance" in written else ""
    clear = [r.group for r in table.itertuples(index=False)
             if not r.small_group and np.isfinite(r.gap_ci_low) and (r.gap_ci_low > 0 or r.gap_ci_high < 0)]
    text = (f"<p>Quoted politicians with a known party (from the text or the US Congress gazetteer): "
            f"the {_e(a)} and {_e(b)} shares and their gap, with 95% bootstrap CIs over articles{link}. ")
    text += (("Outlets whose gap excludes zero: " + ", ".join(f"<strong>{_e(g)}</strong>" for g in clear) + ".")
             if clear else "No outlet with enough articles has a gap clearly different from zero.") + "</p>"
    return [text, _table(["outlet", "politicians quoted", _e(a), _e(b), f"gap ({_e(a)} − {_e(b)})"], rows,
                         [False, True, True, True, True])]


def _sources_part(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> str:
    parts = ["<h3>Who is quoted</h3>"]
    attr = res.attributions
    if attr.empty or not res.outlets:
        parts.append("<p>No attribution was found.</p>")
        return "\n".join(parts)
    if res.source_roles is not None:
        return "\n".join(parts + _roles_part(res, written, base))
    a = attr[attr["outlet"].notna()]
    types = a["source_type"].astype(object).where(a["source_type"].notna(), "(none)").map(str)
    top_types = [t for t in types.value_counts().index if t not in ("(none)", "anonymous")][:5]
    rows = []
    anon: dict[str, float] = {}
    for o in res.outlets:
        m = (a["outlet"] == o).to_numpy(dtype=bool)
        n = int(m.sum())
        t = types[m]
        cells = [_e(o), f"{n:,}"]
        for ty in top_types:
            cells.append(f"{100 * (t == ty).mean():.0f}%" if n else "—")
        direct = (a.loc[m, "kind"] == "direct").mean() if n else np.nan
        anon[o] = float((t == "anonymous").mean()) if n else np.nan
        cells.append(f"{100 * anon[o]:.0f}%" if n else "—")
        cells.append(f"{100 * direct:.0f}%" if n else "—")
        rows.append(cells)
    link = f' (<a href="{_href(written["attributions"], base)}">attributions.csv</a>)' if "attributions" in written \
        else ""
    parts.append(f"<p>Share of each outlet’s attributions by source type, anonymous sources, and direct "
                 f"quotes{link}.</p>")
    parts.append(_table(["outlet", "attributions", *(_e(t) for t in top_types), "anonymous", "direct quotes"],
                        rows, [False] + [True] * (len(top_types) + 3)))
    parts += _anonymous_sentence(anon)
    return "\n".join(parts)


def _figures_section(figures: Sequence[ReportFigure], base: Path) -> str:
    parts = ["<h2 id=\"figures\">Figures</h2>",
             "<p class=\"note\">Each outlet has the same colour in every chart. Each figure links to its PNG, SVG "
             "and the CSV table behind it.</p>"]
    skipped = []
    for f in figures:
        png = f.file(".png")
        if f.skipped is not None or png is None:
            skipped.append(f"<li><strong>{_e(f.title)}</strong>: {_e(f.skipped or 'not drawn')}</li>")
            continue
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        links = " · ".join(f'<a href="{_href(p, base)}">{_e(p.suffix.lstrip(".").upper())}</a>'
                           for p in (f.file(".png"), f.file(".svg"), f.file(".csv")) if p is not None)
        parts.append(f"<figure id=\"fig-{_e(f.name)}\"><h3>{_e(f.title)}</h3>"
                     f"<img src=\"data:image/png;base64,{data}\" alt=\"{_e(f.title)}\">"
                     f"<figcaption><strong>How to read it:</strong> {_e(f.how_to_read)} "
                     f"<span class=\"note\">({links})</span></figcaption></figure>")
    if skipped:
        parts.append("<h3>Charts left out</h3><ul>" + "".join(skipped) + "</ul>")
    return "\n".join(parts)


def _files_section(written: Mapping[str, Path], base: Path) -> str:
    rows = []
    for name, path in written.items():
        if name.startswith("figure:") or path.suffix == ".html":
            continue
        rows.append([f'<a href="{_href(path, base)}">{_e(path.name)}</a>', _e(_FILES.get(path.name, ""))])
    n_fig = sum(1 for k in written if k.startswith("figure:"))
    rows.append(['<a href="figures/">figures/</a>',
                 f"{n_fig} files: each chart as PNG and SVG, with the CSV behind it"])
    return "<h2 id=\"files\">Files</h2>" + _table(["file", "what it holds"], rows)


def build_report(res: CorpusAnalysis, figures: Sequence[ReportFigure], written: Mapping[str, Path],
                 base: str | os.PathLike[str]) -> str:
    """The report page as an HTML string.

    Parameters
    ----------
    res : CorpusAnalysis
        From :func:`mediakit.pipeline.analyze_articles`.
    figures : sequence of ReportFigure
        From :func:`mediakit.pipeline.make_figures` (PNG files are read and embedded).
    written : mapping
        Output name -> path of the tables written, linked relative to ``base``.
    base : path
        The folder the page will be in.

    Returns
    -------
    str
    """

    base = Path(base)
    colors = dict(outlet_colors(res.outlets)) if res.outlets else {}
    name = Path(res.source).name if res.source else ""
    if not name or any(ch in res.source for ch in "*?["):  # a glob: show it whole
        name = res.source
    title = f"mediakit report — {name}" if name else "mediakit report"
    nav = ("<nav><ul><li><a href=\"#corpus\">The corpus</a></li><li><a href=\"#differences\">Main framing "
           "differences</a></li><li><a href=\"#figures\">Figures</a></li><li><a href=\"#files\">Files</a></li>"
           "</ul></nav>")
    notes = ""
    if res.notes:
        notes = "<h2 id=\"notes\">Notes</h2><ul>" + "".join(f"<li>{_e(n)}</li>" for n in res.notes) + "</ul>"
    body = "\n".join([
        f"<h1>{_e(title)}</h1>",
        f"<p class=\"sub\">How the outlets of this corpus frame their stories: word choice, sentiment, "
        f"readability and sources, measured by mediakit {_e(__version__)}.</p>",
        nav,
        _corpus_section(res, written, base, colors),
        _differences_section(res, written, base),
        _figures_section(figures, base),
        notes,
        _files_section(written, base),
    ])
    return _PAGE.format(version=_e(__version__), title=_e(title), css=_CSS.strip(), body=body)


def write_report(res: CorpusAnalysis, figures: Sequence[ReportFigure], written: Mapping[str, Path],
                 path: str | os.PathLike[str]) -> Path:
    """Write :func:`build_report` to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_report(res, figures, written, path.parent), encoding="utf-8", newline="\n")
    return path
