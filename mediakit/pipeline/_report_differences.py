"""The report's first section, "Main framing differences", in plain words with its support.

It leads with :func:`mediakit.compare.find_framing_differences` (``CorpusAnalysis.framing``): the
strongest differences of every kind (label shares, actor labels, loaded language, source roles, the
partisan balance of quoted politicians), each with its counts, articles and tests, and says plainly
which kinds the corpus cannot support. The metric differences of the comparison table follow
(:func:`framing_differences`, as before), then the word-choice table and who is quoted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..compare import Comparison
from ._analysis import MIN_SUPPORT
from ._labels import metric_label
from ._report_html import esc as _e
from ._report_html import fmt_num as _num
from ._report_html import fmt_p as _p
from ._report_html import href as _href
from ._report_html import html_table as _table
from ._report_sources import sources_part

if TYPE_CHECKING:
    from ._analysis import CorpusAnalysis

__all__ = ["MIN_SUPPORT", "differences_section", "findings_part", "framing_differences", "supported"]

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
(Cliff’s δ = 0.62, large; n = 40 vs 35 articles; adjusted p < 0.001).'], True)
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
            n_hi, n_lo = (getattr(r, "n_a", None), getattr(r, "n_b", None))
            if hi != a:
                n_hi, n_lo = n_lo, n_hi
            if n_hi is not None and n_lo is not None and pd.notna(n_hi) and pd.notna(n_lo):
                effect += f"; n = {int(n_hi):,} vs {int(n_lo):,} articles"
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


def differences_section(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> str:
    """The report's "Main framing differences": the ranked findings of every kind, the article metrics,
    word choice and who is quoted."""
    parts = ["<h2 id=\"differences\">Main framing differences</h2>"]
    comp = res.comparison
    if comp is None or comp.pairs.empty:
        parts.append("<p>Only one outlet (or none): there is no outlet difference to report. The figures below "
                     "still describe the corpus.</p>")
        return "\n".join(parts)
    parts.append(findings_part(res, written, base))
    parts.append("<h3>Article metrics</h3>")
    parts.append(_metrics_part(res, comp, written, base))
    parts.append(_word_choice_part(res, written, base))
    parts.append(sources_part(res, written, base))
    return "\n".join(parts)


def _metrics_part(res: CorpusAnalysis, comp: Comparison, written: Mapping[str, Path], base: Path) -> str:
    """The metric differences of the comparison table (overall, then within events)."""
    parts: list[str] = []
    n_tests = int(comp.pairs["p_value"].notna().sum())
    correction = comp.info.get("correction")
    correction = {"holm": "Holm", "fdr_bh": "Benjamini–Hochberg", "bonferroni": "Bonferroni"}.get(
        str(correction), "no") if correction else "no"
    sentences, significant = framing_differences(comp.pairs)
    link = f' (all of them: <a href="{_href(written["comparison"], base)}">comparison.csv</a>)' \
        if "comparison" in written else ""
    if not sentences:
        parts.append(f"<p>The corpus cannot support a claim about differences of article metrics: no pair of "
                     f"outlets has at least {MIN_SUPPORT} articles with a value on each side{link}. The figures below still "
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
        items = _term_items(terms, outlets, 8, lambda r: f"z={r.z:.1f}")
        if items:
            link = f' (<a href="{_href(written["distinctive_terms"], base)}">distinctive_terms.csv</a>)' \
                if "distinctive_terms" in written else ""
            parts.append("<p>Words and phrases each outlet uses more than the others (log-odds ratio with an "
                         f"informative Dirichlet prior, z &gt; 1.96){link}:</p><ul>" + "".join(items) + "</ul>")
    parts.append(_style_part(res, written, base))
    return "\n".join(parts)


def _term_items(terms: pd.DataFrame, outlets: Sequence[str], top: int, note: Callable[[Any], str]) -> list[str]:
    """One ``<li>`` per outlet (at most 8): its ``top`` terms with z > 1.96, each with ``note(row)`` beside it."""
    items = []
    for o in outlets[:8]:
        t = terms[(terms["group"] == o) & (terms["z"] > 1.96)].sort_values("z", ascending=False).head(top)
        if len(t):
            items.append(f"<li><strong>{_e(o)}</strong>: " + ", ".join(
                f"{_e(r.term)} <span class=\"note\">({_e(note(r))})</span>" for r in t.itertuples(index=False))
                + "</li>")
    return items


def _style_part(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> str:
    """The house-style terms left out of the distinctive terms: real differences, just not framing."""
    style = res.style_terms
    if style is None or style.empty:
        return ""
    items = _term_items(style, res.outlets, 6, lambda r: str(r.style))
    if not items:
        return ""
    link = f' (<a href="{_href(written["house_style_terms"], base)}">house_style_terms.csv</a>)' \
        if "house_style_terms" in written else ""
    return ("<p>House style, left out of the terms above: each outlet’s own name, courtesy titles and initials "
            f"(spelling variants such as “Sen.”/“Senator” are counted as one word){link}. Real differences "
            "between outlets, but not framing:</p><ul>" + "".join(items) + "</ul>")



#: The kinds of framing difference, in the report's words (a findings list shows the strongest of each).
KIND_WORDS = {
    "label_share": "competing labels within a word family",
    "actor_label": "labels attached to the same actor",
    "loaded_language": "loaded language in the outlet's own voice",
    "source_role": "the roles of quoted sources",
    "partisan": "the party of quoted politicians",
    "actor_sentiment": "sentiment toward the same actor",
}
#: Significant findings listed at most in the report (the CSV has every row).
TOP_FINDINGS = 8


def _li(rows: pd.DataFrame) -> str:
    return "<ul class=\"diff\">" + "".join(f"<li>{_e(s)}</li>" for s in rows["sentence"]) + "</ul>"


def findings_part(res: CorpusAnalysis, written: Mapping[str, Path], base: Path) -> str:
    """The ranked framing differences of every kind (``res.framing``) in plain words, with their support."""
    fd = getattr(res, "framing", None)
    if fd is None:
        return ("<p>Framing differences of word choice, labels and sources were not computed for this corpus "
                "(see the notes).</p>")
    link = (f' (every comparison, tested or not: <a href="{_href(written["framing_differences"], base)}">'
            "framing_differences.csv</a>)") if "framing_differences" in written else ""
    tested = fd[fd["supported"].astype(bool) & fd["p_value"].notna()]
    n_thin = int((~fd["supported"].astype(bool)).sum())
    if tested.empty:
        return (f"<p><strong>The corpus cannot support a claim about framing differences</strong>: no word family, "
                f"actor, source role, party or loaded-language rate has at least {MIN_SUPPORT} articles and "
                f"{MIN_SUPPORT} mentions on each side of a comparison ({n_thin:,} comparisons have fewer){link}. "
                "Read the figures below as description, not as findings.</p>")
    within = bool(tested["within_events"].any())
    parts = [f"<p>Differences of every kind, tested against chance with permutation tests that shuffle the outlet "
             f"among <em>articles</em>{' within the same events' if within else ''} (so that twenty mentions in one "
             f"article are not twenty observations), {len(tested):,} tests, p-values adjusted with the "
             "Benjamini–Hochberg correction; effect sizes: Cramér’s V for counts, Cliff’s δ for scores. Only "
             f"comparisons with at least {MIN_SUPPORT} articles and {MIN_SUPPORT} mentions per side are tested "
             f"({n_thin:,} {'comparison has' if n_thin == 1 else 'comparisons have'} fewer: not claims){link}.</p>"]
    sig = tested[tested["significant"].astype(bool)].head(TOP_FINDINGS)
    if len(sig):
        parts.append("<p><strong>Significant after correction</strong>, strongest first:</p>" + _li(sig))
    else:
        parts.append("<p><strong>No framing difference is significant after correction</strong>: the corpus does "
                     "not support a claim that the outlets differ in these respects.</p>")
    parts.append(_per_kind(fd, tested, sig))
    return "\n".join(parts)


def _per_kind(fd: pd.DataFrame, tested: pd.DataFrame, shown: pd.DataFrame) -> str:
    """The strongest tested difference of each kind not listed yet, and the kinds without support."""
    best = tested[~tested.index.isin(shown.index)].drop_duplicates("kind")
    best = best[~best["kind"].isin(shown["kind"])]
    out = []
    if len(best):
        other = " other" if len(shown) else ""
        out.append(f"<p>The strongest difference of each{other} kind (one with an adjusted p ≥ 0.05 is "
                   "description, not a finding):</p>" + _li(best))
    missing = [KIND_WORDS[k] for k in KIND_WORDS if k in set(fd["kind"]) and k not in set(tested["kind"])]
    if missing:
        out.append(f"<p>Too few observations for any claim about {_e(', '.join(missing))} (fewer than "
                   f"{MIN_SUPPORT} articles or mentions per outlet).</p>")
    if "actor_sentiment" not in set(fd["kind"]):
        out.append("<p class=\"note\">Sentiment toward the same actor is not compared: no actor is mentioned "
                   "by two outlets often enough (<code>mediakit analyze</code> scores the 10 actors with most "
                   "labelled mentions, <code>actor_sentiment.csv</code>).</p>")
    return "\n".join(out)
