"""``report.html``: one self-contained page that tells the framing story of a corpus.

The page is plain HTML with its CSS inline and every figure embedded as a ``data:`` URI (PNG), so
it opens offline, from an e-mail or a USB stick, with no script and no external asset. It links
(relatively) to the CSV tables written beside it. Every text taken from the corpus is escaped
(:func:`html.escape`). The same analysis gives the same bytes (no dates or timings in the page).

Sections: the corpus (per outlet: articles loaded, with text, title only, empty, not English and
measured, which add up; dates; load errors; the articles left out of the English-only metrics, or
flagged, and why, from ``left_out_articles`` in ``mediakit.loaders._bodies``), the main framing
differences (``_report_differences``: the ranked framing differences of every kind in plain words
with their support and tests, then the metric differences of the comparison table, word choice and
who is quoted), every figure with a line on how to read it, notes on what was left out, and the
files. HTML helpers are in ``_report_html``.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._version import __version__
from ..actors import with_texts
from ..loaders._bodies import left_out_articles
from ..plot import outlet_colors
from ._report_differences import differences_section, framing_differences
from ._report_html import date_text as _date
from ._report_html import esc as _e
from ._report_html import fmt_num as _num
from ._report_html import href as _href
from ._report_html import html_table as _table
from ._report_html import swatch as _swatch

if TYPE_CHECKING:
    from ._analysis import CorpusAnalysis
    from ._figures import ReportFigure

__all__ = ["framing_differences", "build_report", "write_report", "article_counts", "LEFT_OUT_LISTED"]

#: Articles listed by name in the report's section on articles left out (the rest are counted).
LEFT_OUT_LISTED = 25
#: What the English-only metrics are, in the report's words.
_ENGLISH_ONLY = "VADER sentiment, lexicon word choice, readability formulas, attribution and actors"
_ALL = object()  # the "all outlets" row of the corpus table


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
    "house_style_terms.csv": "the outlets' house-style terms (own names, honorifics, initials), left out of the "
                             "distinctive terms: style, not framing",
    "actor_labels.csv": "one row per actor mention with the label attached to it",
    "actor_sentiment.csv": "article × actor (the 10 most labelled actors): sentiment toward the actor from the "
                           "sentences that mention it (mediakit.actor_sentiment)",
    "source_roles.csv": "outlet × source role: count, share of attributions and 95% bootstrap CI (articles resampled)",
    "partisan_balance.csv": "outlet: quoted politicians by party, party shares and their gap with 95% bootstrap CIs",
    "framing_differences.csv": "every framing comparison (label shares, actor labels, loaded language, source "
                               "roles, party): shares, n, effect size, permutation p and adjusted p, rank",
    "load_errors.csv": "files or records that could not be loaded, and why",
}


# =========================================================================== sections


def article_counts(articles: pd.DataFrame, left: pd.DataFrame) -> pd.DataFrame:
    """Per article: ``title_only``, ``empty`` (no body; with or without a title), ``not_english`` (a body in a
    language the metrics leave out), ``with_text`` and ``measured`` (with text and not left out), as bools.

    ``left`` is :func:`mediakit.loaders.left_out_articles` of the articles. Every article is in exactly
    one of title only, empty and with text; measured = with text − not English.
    """
    reasons = dict(zip(left["article_id"].tolist(), left["reason"].astype(str).tolist(), strict=True)) \
        if len(left) else {}
    why = articles["article_id"].map(lambda a: reasons.get(a, "")).astype(str) if "article_id" in articles.columns \
        else pd.Series("", index=articles.index)
    no_body = why.str.contains("empty body", regex=False)
    titled = articles["title"].map(lambda t: isinstance(t, str) and bool(t.strip())) if "title" in articles.columns \
        else pd.Series(False, index=articles.index)
    other_lang = why.map(lambda r: any(x.startswith("language ") and not x.endswith("(scored anyway)")
                                       for x in r.split("; ")))
    out = pd.DataFrame({"title_only": no_body & titled, "empty": no_body & ~titled, "not_english": other_lang & ~no_body})
    out["with_text"] = ~no_body
    out["measured"] = out["with_text"] & ~out["not_english"]
    return out.astype(bool)


_COUNT_HEADER = ["outlet", "loaded", "with text", "title only", "empty", "not English", "measured", "first",
                 "last", "median words", "attributions per article"]


def _corpus_section(res: CorpusAnalysis, written: Mapping[str, Path], base: Path, colors: Mapping[str, str]) -> str:
    arts = with_texts(res.articles, getattr(res, "texts", None))  # a streamed run's texts, read back for this table
    left = left_out_articles(arts, metrics=res.metrics, languages=getattr(res, "languages", "en"),
                             load_errors=res.load_errors)
    counts = article_counts(arts, left)
    outlet = arts["outlet"].astype(object).where(arts["outlet"].notna(), None) if "outlet" in arts.columns \
        else pd.Series([None] * len(arts), index=arts.index, dtype=object)
    published = pd.to_datetime(arts["published"], utc=True, errors="coerce") if "published" in arts.columns \
        else pd.Series(pd.NaT, index=arts.index)
    words = res.metrics["words"] if "words" in res.metrics.columns else pd.Series(np.nan, index=arts.index)
    n_attr = res.attributions.groupby("article_id").size() if len(res.attributions) else pd.Series(dtype=int)
    per_article_attr = arts["article_id"].map(n_attr).fillna(0)
    rows = []
    keys: list[Any] = [*res.outlets, None] if outlet.isna().any() else list(res.outlets)
    if len(keys) > 1:
        keys.append(_ALL)
    for o in keys:
        mask = np.ones(len(arts), dtype=bool) if o is _ALL else \
            (outlet.isna() if o is None else (outlet == o)).to_numpy(dtype=bool)
        p = published[mask]
        name = "<strong>all outlets</strong>" if o is _ALL else "<em>(no outlet)</em>" if o is None \
            else _swatch(colors.get(o)) + _e(o)
        c = counts[mask].sum()
        rows.append([name, f"{int(mask.sum()):,}",
                     *(f"{int(c[k]):,}" for k in ("with_text", "title_only", "empty", "not_english", "measured")),
                     _date(p.min()), _date(p.max()),
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
        _table(_COUNT_HEADER, rows, [False] + [True] * 6 + [False, False, True, True]),
        "<p class=\"note\">Loaded = with text + title only + empty (no body: a headline-only row of an export, "
        "or a page without article text); measured = with text − not English: the English-only metrics and the "
        "comparisons below read the measured articles, and each comparison states its own n (an article "
        "without a value for a metric, or without a mention of a word family, is not counted there).</p>",
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
        differences_section(res, written, base),
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
