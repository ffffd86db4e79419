"""Make the README's figures from the BASIL corpus with mediakit's own charts.

Usage (from the project root; needs ../shared/corpora, or MEDIAKIT_CORPORA)::

    .venv/bin/python docs/make_figures.py [--corpus PATH_TO_BASIL_ARTICLES]

Writes ``docs/img/basil_*.png`` and, beside each, the CSV table the chart was drawn from. The files
are reproducible: running the script again gives the same bytes. The report screenshot
``docs/img/report.png`` is made by the headless-browser test instead
(``MEDIAKIT_UPDATE_DOCS=1 .venv/bin/python -m pytest tests/test_report.py -k basil``, needs the corpora).

BASIL: Fan et al., "In Plain Sight: Media Bias Through the Lens of Factual Reporting", EMNLP 2019
(300 articles on 100 events from Fox News, the New York Times and HuffPost; 210 of them in the
shared corpora). Only the charts and the aggregate tables behind them are committed, no text.
"""

from __future__ import annotations

import argparse
import os
import warnings
from pathlib import Path

from matplotlib.figure import Figure

import mediakit as mk
from mediakit.plot import figure_for, share_table, theme

HERE = Path(__file__).resolve().parent
CORPORA = Path(os.environ.get("MEDIAKIT_CORPORA", HERE.parent.parent / "shared" / "corpora"))


def main(argv: list[str] | None = None) -> int:
    """Draw the figures; returns the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPORA / "basil" / "articles")
    ap.add_argument("--out", type=Path, default=HERE / "img")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"make_figures: no corpus at {args.corpus} (set MEDIAKIT_CORPORA or pass --corpus)")
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        articles = mk.load_articles(args.corpus, progress=False)
    ids = articles[["article_id", "outlet"]]
    pal = mk.plot.outlet_colors(articles["outlet"])  # one colour per outlet in every chart
    n = articles["outlet"].nunique()
    written = []

    # 1. word choice: how each outlet names people who live in the US without papers
    wc = mk.word_choice(articles)
    rows = wc[(wc["family"] == "migrant_labels") & wc["part"].isin(["title", "text"])]
    with theme():
        fig = Figure(figsize=figure_for(n))
        mk.plot.word_choice_shares(rows, family="migrant_labels", articles=ids, ax=fig.subplots(), palette=pal)
    written += mk.save_figure(fig, args.out / "basil_word_choice_migrant_labels", formats=("png",), dpi=110,
                              data=share_table(rows, category="variant", articles=ids))

    # 2. who is quoted: source roles of the attributions (docs/sources.md)
    attr = mk.extract_attributions(articles)
    with theme():
        fig = Figure(figsize=figure_for(n))
        mk.plot.source_mix(attr, category="source_role", articles=ids, ax=fig.subplots(), palette=pal)
    written += mk.save_figure(fig, args.out / "basil_source_mix", formats=("png",), dpi=110,
                              data=share_table(attr, category="source_role", articles=ids))

    # 3. tone by outlet, mean and 95% bootstrap CI
    metrics = mk.analyze(articles, families=("sentiment",), progress=False)
    groups = mk.compare(metrics, by="outlet", columns=["tone"]).groups
    with theme():
        fig = Figure(figsize=figure_for(n))
        mk.plot.metric_by_outlet(groups, metric="tone", ax=fig.subplots(), palette=pal)
    written += mk.save_figure(fig, args.out / "basil_tone", formats=("png",), dpi=110, data=groups)

    for p in written:
        print(p.relative_to(HERE.parent) if p.is_relative_to(HERE.parent) else p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
