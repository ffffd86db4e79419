"""`mediakit analyze` on a folder of real-looking pages in several languages, one of them empty.

The report must list the non-English and empty articles, and the English-only metrics must leave
them out (NaN), while every article keeps its row.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from mediakit.cli import main

EN = ("The city council voted on Tuesday to expand the harbour, after months of debate over the "
      "cost of the project. Officials said the work would begin next spring and create hundreds of "
      "jobs. Critics warned that the plan ignored the concerns of residents who live near the docks, "
      "and several groups said they would challenge the decision in court. The mayor defended the "
      "vote, calling it a necessary step for the region's economy.")
DE = ("Der Stadtrat hat am Dienstag beschlossen, den Hafen auszubauen, nachdem monatelang über die "
      "Kosten des Projekts gestritten worden war. Die Arbeiten sollen im nächsten Frühjahr beginnen "
      "und Hunderte Arbeitsplätze schaffen. Kritiker warnten, der Plan übergehe die Sorgen der "
      "Anwohner, die in der Nähe der Docks leben. Mehrere Gruppen kündigten eine Klage an.")


def _page(title: str, body: str, site: str, lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split(". ") if p)
    return (f'<!doctype html><html lang="{lang}"><head><title>{title} | {site}</title>'
            f'<meta property="og:site_name" content="{site}">'
            '<meta property="article:published_time" content="2024-03-05T10:00:00+00:00">'
            f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def test_report_lists_non_english_and_empty_pages(tmp_path: Path) -> None:
    src = tmp_path / "pages"
    src.mkdir()
    for i in range(3):
        (src / f"en{i}.html").write_text(_page(f"Harbour plan approved {i}", EN, "Daily Planet"),
                                         encoding="utf-8")
    (src / "de.html").write_text(_page("Hafenausbau beschlossen", DE, "Hafenblatt", "de"), encoding="utf-8")
    (src / "empty.txt").write_text("Harbour plan approved, briefly\n\n", encoding="utf-8")
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["analyze", str(src), "--out", str(out), "--quiet"]) == 0
    articles = pd.read_csv(out / "articles.csv")
    metrics = pd.read_csv(out / "metrics.csv").set_index("article_id")
    assert len(articles) == len(metrics) == 5  # nobody lost
    lang = articles.set_index("article_id")["language"]
    assert lang["de"] == "de" and (lang[[f"en{i}" for i in range(3)]] == "en").all()
    # English-only metrics: NaN for the German page and the empty one, numbers for the English pages
    for col in ("sent_mean_compound", "read_flesch_reading_ease"):
        assert metrics.loc[["de", "empty"], col].isna().all(), col
        assert metrics.loc[[f"en{i}" for i in range(3)], col].notna().all(), col
    report = (out / "report.html").read_text(encoding="utf-8")
    assert "without a problem" not in report
    assert "Hafenausbau beschlossen" in report and "language de" in report
    assert "empty body" in report
    errors = pd.read_csv(out / "load_errors.csv")
    assert "empty_body" in set(errors["kind"])
