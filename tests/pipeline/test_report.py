"""report.html: plain-words findings, self-contained page, and a real browser loading it (headless Chromium)."""

from __future__ import annotations

import base64
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from mediakit.pipeline import analyze_articles, make_figures, write_outputs
from mediakit.pipeline import build_report, framing_differences
from mediakit.text import LeftOutWarning

from ..conftest import PROJECT

CHROMIUM = Path(os.environ.get("MEDIAKIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# =========================================================================== plain words


def _pairs(**cols):
    base = {"group_a": ["A", "A", "B"], "group_b": ["B", "C", "C"], "metric": ["tone", "words", "tone"],
            "mean_a": [1.0, 300.0, -0.5], "mean_b": [-0.5, 450.0, 0.2], "cliffs_delta": [0.5, -0.8, -0.1],
            "magnitude": ["large", "large", "negligible"], "p_adjusted": [0.01, 0.2, 0.9]}
    base.update(cols)
    return pd.DataFrame(base)


def test_differences_keep_the_significant_ones_strongest_first():
    sentences, significant = framing_differences(_pairs(p_adjusted=[0.01, 0.0004, 0.9]))
    assert significant and len(sentences) == 2
    assert sentences[0].startswith("C scores higher than A on article length (words): 450 vs 300 (Cliff’s δ = 0.80")
    assert "adjusted p < 0.001" in sentences[0]
    assert sentences[1].startswith("A scores higher than B on tone") and "adjusted p = 0.010" in sentences[1]


def test_without_significant_differences_the_largest_effects_are_flagged_as_such():
    sentences, significant = framing_differences(_pairs(p_adjusted=[0.3, 0.2, 0.9]), top=1)
    assert not significant and len(sentences) == 1 and sentences[0].startswith("C scores higher than A")
    assert framing_differences(_pairs().iloc[:0]) == ([], False)


def test_differences_need_minimum_support():
    thin = _pairs(p_adjusted=[0.01, 0.0004, 0.9], n_a=[1, 40, 40], n_b=[1, 40, 3])
    sentences, _ = framing_differences(thin)
    assert len(sentences) == 1 and sentences[0].startswith("C scores higher than A")  # 1 vs 1 is never stated
    assert framing_differences(thin, min_n=50) == ([], False)


def test_a_tiny_corpus_says_it_cannot_support_a_claim(tmp_path):
    arts = pd.DataFrame({"article_id": list("abcd"), "outlet": ["A", "A", "B", "B"], "title": ["T"] * 4,
                         "text": ["The regime fell, officials said. It was terrible.", "Talks resumed, he said.",
                                  "The government fell, a spokesman said. Wonderful news.", "Rebels advanced."]})
    res = analyze_articles(arts, progress=False)
    page = build_report(res, make_figures(res, tmp_path / "figures", progress=False), {}, tmp_path)
    assert "cannot support a claim" in page and "Cliff’s δ = 1.00" not in page
    assert "cannot support a claim about framing differences" in page
    assert res.framing is None or res.framing["rank"].isna().all()


REGIME = ("The regime said on Monday that talks would go on, officials said. Critics of the regime were arrested "
          "in the capital.")


def _first_section(page: str) -> str:
    start = page.index('id="differences"')
    return page[start:page.index("<h3>Article metrics</h3>", start)]


def test_the_first_section_leads_with_the_ranked_framing_differences(tmp_path):
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(16)], "outlet": ["Alpha"] * 8 + ["Beta"] * 8,
                         "title": ["Talks"] * 16,
                         "text": [REGIME] * 8 + [REGIME.replace("regime", "government")] * 8})
    res = analyze_articles(arts, progress=False)
    top = res.framing.iloc[0]
    assert (top["kind"], top["variant"], top["rank"]) == ("label_share", "regime", 1) and top["significant"]
    written = write_outputs(res, tmp_path, report=False)
    written["framing_differences"] = tmp_path / "framing_differences.csv"
    res.framing.to_csv(written["framing_differences"], index=False)
    section = _first_section(build_report(res, [], written, tmp_path))
    assert "Significant after correction" in section and "framing_differences.csv" in section
    assert "Alpha writes “regime” in 100% of its 16 matches" in section and "(8 articles)" in section
    assert "permutation p &lt; 0.001, adjusted p &lt; 0.001" in section
    assert "Too few observations for any claim about the roles of quoted sources" in section


def _counts_row(page: str, name: str) -> list[str]:
    row = re.search(rf"<tr><td>(?:<span[^>]*></span>)?{name}</td>(.*?)</tr>", page)
    assert row, name
    return re.findall(r'<td class="n">([^<]*)</td>', row.group(1))


def test_corpus_counts_add_up(tmp_path):
    body = "The council approved the budget on Monday after a long debate, officials said. " * 6
    german = "Der Stadtrat hat am Montag nach einer langen Debatte den Haushalt beschlossen, sagten Beamte. " * 6
    arts = pd.DataFrame({"article_id": list("abcdef"), "outlet": ["A"] * 4 + ["B"] * 2,
                         "title": ["Budget", "Vote", "Haushalt", "", "Budget", "Vote"],
                         "text": [body, "", german, "", body, body], "language": ["en", None, "de", None, "en", "en"]})
    with pytest.warns(LeftOutWarning):
        res = analyze_articles(arts, progress=False)
    page = build_report(res, [], {}, tmp_path)
    loaded, with_text, title_only, empty, not_english, measured = map(int, _counts_row(page, "A")[:6])
    assert (loaded, with_text, title_only, empty, not_english, measured) == (4, 2, 1, 1, 1, 1)
    assert loaded == with_text + title_only + empty and measured == with_text - not_english
    assert _counts_row(page, "<strong>all outlets</strong>")[:6] == ["6", "4", "1", "1", "1", "3"]


def test_shares_are_written_as_percentages():
    pairs = _pairs(metric=["attr_share_anonymous"] * 3, mean_a=[0.25, 0.1, 0.1], mean_b=[0.05, 0.1, 0.1])
    assert "25.0% vs 5.0%" in framing_differences(pairs)[0][0]


# =========================================================================== the page itself


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("src", "href") and v is not None:
                self.refs.append((tag, k, v))


@pytest.fixture(scope="module")
def data_report(tmp_path_factory) -> Path:
    """The outputs of `mediakit analyze data/` (one run shared with tests/test_cli.py)."""
    from .test_cli import analyze_data_once

    return analyze_data_once(tmp_path_factory.getbasetemp())[0]


def check_self_contained(out: Path) -> int:
    """Every image embedded, every link relative to an existing file; returns the number of images."""
    page = (out / "report.html").read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "iframe" not in parser.tags
    images = 0
    for tag, _attr, ref in parser.refs:
        if tag == "img":
            assert ref.startswith("data:image/png;base64,"), ref[:60]
            assert base64.b64decode(ref.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
            images += 1
        elif ref.startswith("#"):
            assert f'id="{ref[1:]}"' in page, ref
        else:
            assert not re.match(r"^[a-z]+:", ref) and not ref.startswith("/"), ref  # relative only
            from urllib.parse import unquote

            assert (out / unquote(ref)).exists(), ref
    assert "url(" not in page and "@import" not in page  # no external CSS assets
    return images


def test_report_is_self_contained_and_links_every_table(data_report):
    out = data_report
    n_images = check_self_contained(out)
    assert n_images == len(list((out / "figures").glob("*.png")))
    page = (out / "report.html").read_text(encoding="utf-8")
    for table in ("attributions.csv", "comparison.csv", "word_choice.csv", "metrics.csv", "load_errors.csv",
                  "articles.parquet", "sentences.parquet", "source_roles.csv", "partisan_balance.csv"):
        assert f'href="{table}"' in page, table
    assert page.count("How to read it:") == n_images
    # the findings of data/ that its README promises
    assert "The Northern Ledger" in page and "Anonymous sourcing is most common in <strong>The Northern Ledger" in page
    assert "“regime”" in page and "“rebels”" in page
    assert "1 warning (no_text)" in page
    # who speaks: source roles with CIs and the partisan balance, never a catch-all "person"
    assert "by the role of the source" in page and "anonymous (95% CI)" in page
    assert "Quoted politicians with a known party" in page
    assert ">person<" not in page


def test_report_escapes_corpus_text(tmp_path):
    arts = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                         "outlet": ["<b>Evil</b> & Co", "<b>Evil</b> & Co", "Plain", "Plain"],
                         "title": ["T"] * 4,
                         "text": ["The regime fell, officials said.", "Rebels <script>x</script> said so.",
                                  "The government fell, a spokesman said.", "Talks resumed, he said."]})
    res = analyze_articles(arts, source="<corpus>", progress=False)
    figures = make_figures(res, tmp_path / "figures", progress=False)
    page = build_report(res, figures, {}, tmp_path)
    assert "<b>Evil</b>" not in page and "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in page
    assert "<script>" not in page and "&lt;corpus&gt;" in page


def test_charts_drawn_on_two_processes_are_the_same_files(sample_articles, tmp_path, monkeypatch):
    """make_figures(n_jobs=2): a worker draws the last charts while this process draws the first ones; the
    same charts, names, order and bytes as on one process (tests/pipeline/test_figures_worker.py: what it is sent)."""
    import mediakit._workers as workers
    from mediakit.pipeline import _figures

    res = analyze_articles(sample_articles, progress=False, event="event")
    one = make_figures(res, tmp_path / "one", progress=False)
    started = []
    monkeypatch.setattr(_figures, "Workers", lambda n: started.append(n) or workers.Workers(n))
    two = make_figures(res, tmp_path / "two", progress=False, n_jobs=2)
    assert started == [1]
    assert [(f.name, f.title, f.skipped, [p.name for p in f.files]) for f in two] == \
        [(f.name, f.title, f.skipped, [p.name for p in f.files]) for f in one]
    drawn = [p for f in one for p in f.files]
    assert len(drawn) >= 40 and sum(1 for f in one if f.skipped is None) >= 15
    for p in drawn:
        assert (tmp_path / "two" / p.name).read_bytes() == p.read_bytes(), p.name
    for bad in (0, -2, 1.5, "2"):
        with pytest.raises(ValueError, match="make_figures"):
            make_figures(res, tmp_path / "four", progress=False, n_jobs=bad)


def test_writing_is_separate_from_the_analysis(tmp_path):
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                         "text": ["The regime fell, officials said.", "The government fell, rebels said."]})
    res = analyze_articles(arts, progress=False)
    written = write_outputs(res, tmp_path, report=False)
    assert "report" not in written and not (tmp_path / "report.html").exists()
    assert (tmp_path / "attributions.csv").exists() and (tmp_path / "figures" / "articles_per_outlet.png").exists()


# =========================================================================== headless Chromium


def _browser_or_skip():
    """Playwright driving Debian's chromium; skip locally when absent, fail under CI."""
    problem = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = "the playwright package is not installed (pip install -e '.[test]')"
        sync_playwright = None
    if problem is None and not CHROMIUM.exists():
        problem = f"no chromium at {CHROMIUM} (apt-get install chromium)"
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"headless browser test cannot run under CI: {problem}")
        pytest.skip(problem)
    return sync_playwright


def open_in_chromium(report: Path, screenshot: Path, *, docs: bool = False) -> dict:
    """Load ``report`` in headless Chromium; returns images, console errors, failed and external requests.

    A full-page screenshot goes to ``screenshot``; with ``docs`` and ``MEDIAKIT_UPDATE_DOCS=1`` the first
    screen also to ``docs/img/report.png`` (the README's picture).
    """
    sync_playwright = _browser_or_skip()
    errors: list[str] = []
    requests: list[str] = []
    failed: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.goto(report.resolve().as_uri(), wait_until="load")
            images = page.evaluate("Array.from(document.images).map(i => "
                                   "({complete: i.complete, width: i.naturalWidth, alt: i.alt}))")
            page.screenshot(path=str(screenshot), full_page=True)
            if docs and os.environ.get("MEDIAKIT_UPDATE_DOCS") == "1":
                (PROJECT / "docs" / "img").mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(PROJECT / "docs" / "img" / "report.png"))  # the first screen
        finally:
            browser.close()
    external = [u for u in requests if not u.startswith(("file:", "data:"))]
    return {"images": images, "errors": errors, "failed": failed, "external": external}


@pytest.fixture
def browser_available():
    """Skip (fail under CI) before any analysis runs when the browser is missing."""
    _browser_or_skip()


def test_report_opens_in_headless_chromium(browser_available, data_report, tmp_path):
    out = data_report
    seen = open_in_chromium(out / "report.html", tmp_path / "report.png")
    assert len(seen["images"]) == len(list((out / "figures").glob("*.png"))) >= 18
    broken = [i["alt"] for i in seen["images"] if not (i["complete"] and i["width"] > 0)]
    assert broken == []
    assert seen["errors"] == [] and seen["failed"] == [] and seen["external"] == []
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
@pytest.mark.corpus
def test_basil_gives_every_output_and_a_report_chromium_loads(corpora, tmp_path):
    from .test_cli import TABLE_COLUMNS, png_size, run_cli

    out = tmp_path / "basil"
    code, _, err = run_cli("analyze", str(corpora / "basil" / "articles"), "--out", str(out), "--quiet")
    assert code == 0, err
    for name, cols in TABLE_COLUMNS.items():
        if name == "load_errors.csv":
            assert not (out / name).exists()  # BASIL loads cleanly
            continue
        table = pd.read_csv(out / name)
        assert len(table) > 0 and cols <= set(table.columns), name
    assert len(pd.read_parquet(out / "articles.parquet")) == 210
    stems = {p.stem for p in (out / "figures").glob("*.png")}
    for prefix in ("metric_tone", "word_choice_", "distinctive_terms_", "source_mix_source_role",
                   "actor_labels_", "attention", "event_matched_"):
        assert any(s.startswith(prefix) for s in stems), prefix
    for stem in stems:
        assert png_size(out / "figures" / f"{stem}.png")[0] > 200
        assert (out / "figures" / f"{stem}.svg").stat().st_size > 0
        assert len(pd.read_csv(out / "figures" / f"{stem}.csv")) > 0
    assert check_self_contained(out) == len(stems)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Within the same events (<code>triplet-uuid</code>" in page
    # issue 16: framing first, house style apart
    from mediakit.compare._style import style_terms

    terms = pd.read_csv(out / "distinctive_terms.csv")
    top = terms.sort_values("z", ascending=False).groupby("group").head(15)
    rules = style_terms(["Fox News", "HuffPost", "New York Times"])
    assert not [t for t in top["term"] if rules.reason(t) is not None or t in ("news", "times", "post")]
    assert {"fox news", "mr"} <= set(pd.read_csv(out / "house_style_terms.csv")["term"])
    labels = pd.read_csv(out / "actor_labels.csv")["label"].dropna().str.strip(". ").str.lower()
    assert not labels.isin(["mr", "mrs", "ms", "dr", "miss"]).any()
    framing = pd.read_csv(out / "framing_differences.csv")
    assert {"label_share", "actor_label", "source_role", "loaded_language", "actor_sentiment"} <= set(framing["kind"])
    assert framing["significant"].fillna(False).astype(bool).any()
    first = page[page.index('id="differences"'):page.index("House style")]
    assert "permutation p" in first and "articles)" in first
    seen = open_in_chromium(out / "report.html", tmp_path / "basil_report.png", docs=True)
    assert all(i["complete"] and i["width"] > 0 for i in seen["images"]) and len(seen["images"]) == len(stems)
    assert seen["errors"] == [] and seen["failed"] == [] and seen["external"] == []


def test_terms_chart_without_significant_terms_has_no_default_coloured_legend_swatch():
    """Harbor Tribune in data/ has no term with |z| >= 1.96: its legend used to show matplotlib's blue."""
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    from mediakit.plot import distinctive_terms_plot

    terms = pd.DataFrame({"group": "A", "other": "rest", "term": ["x", "y"], "count_group": [5, 4],
                          "count_other": [2, 3], "z": [1.2, 0.8]})
    ax = Figure().subplots()
    distinctive_terms_plot(terms, group="A", kind="bars", ax=ax, palette={"A": "#117733"})
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ["|z| < 1.96 (not significant)"]
    assert to_hex(handles[0].patches[0].get_edgecolor()) == "#117733"


def test_without_shared_events_framing_is_compared_over_all_articles_and_says_so():
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(16)], "outlet": ["Alpha"] * 8 + ["Beta"] * 8,
                         "title": ["Talks"] * 16, "event_id": [f"e{i}" for i in range(16)],  # no event shared
                         "text": [REGIME] * 8 + [REGIME.replace("regime", "government")] * 8})
    res = analyze_articles(arts, progress=False)
    assert not res.framing["within_events"].any() and res.framing.iloc[0]["significant"]
    assert any("not within events" in n for n in res.notes)


def _many_outlets() -> tuple[list[str], pd.DataFrame]:
    """Three more outlets than are compared, the last three with one article each."""
    from mediakit.pipeline._analysis import MAX_COMPARED_OUTLETS

    outlets = [f"Outlet {i:02d}" for i in range(MAX_COMPARED_OUTLETS + 3)]
    sizes = {o: (3 if i < MAX_COMPARED_OUTLETS else 1) for i, o in enumerate(outlets)}
    rows = [(o, k) for o in outlets for k in range(sizes[o])]
    arts = pd.DataFrame({"article_id": [f"{o}-{k}" for o, k in rows], "outlet": [o for o, _ in rows],
                         "title": ["Talks"] * len(rows), "text": [REGIME] * len(rows)})
    return outlets, arts


def test_many_outlets_are_compared_pair_by_pair_only_for_the_largest_and_the_note_says_so():
    """180 outlets would be 16,000 pairs: comparisons and framing differences cover the 12 largest."""
    from mediakit.pipeline._analysis import MAX_COMPARED_OUTLETS

    outlets, arts = _many_outlets()
    res = analyze_articles(arts, progress=False)
    compared = set(res.comparison.groups["group"])
    assert compared == set(outlets[:MAX_COMPARED_OUTLETS])
    assert any(f"{len(outlets)} outlets" in n and "12 with most articles" in n for n in res.notes)
    assert set(res.metrics["outlet"]) == set(outlets)  # every outlet keeps its metrics


def test_many_outlets_charts_show_the_compared_outlets_and_the_articles_chart_all(tmp_path):
    """Past 12 outlets a chart is unreadable (and slow to draw): the charts show the compared outlets."""
    from mediakit.pipeline import make_figures
    from mediakit.pipeline._analysis import MAX_COMPARED_OUTLETS

    outlets, arts = _many_outlets()
    res = analyze_articles(arts, progress=False)
    figures = {f.name: f for f in make_figures(res, tmp_path, progress=False)}
    per_outlet = pd.read_csv(figures["articles_per_outlet"].file(".csv"))
    assert set(per_outlet["outlet"]) == set(outlets)
    readability = pd.read_csv(figures["readability_by_outlet"].file(".csv"))
    assert set(readability["outlet"]) == set(outlets[:MAX_COMPARED_OUTLETS])
    sentiment = pd.read_csv(figures["sentiment_distribution"].file(".csv"))
    assert set(sentiment["outlet"]) == set(outlets[:MAX_COMPARED_OUTLETS])
    assert set(res.sentences["outlet"]) == set(outlets)  # the tables keep every outlet
    from mediakit.pipeline._figures import compared_view

    view = compared_view(res)  # what the charts read: the articles without their text (copied otherwise)
    assert set(view.articles["outlet"]) == set(outlets[:MAX_COMPARED_OUTLETS])
    assert "text" not in view.articles.columns and "title" in view.articles.columns
    assert "text" in res.articles.columns
    assert view.outlets == outlets[:MAX_COMPARED_OUTLETS]
    for name in ("metrics", "sentences", "attributions", "word_choice", "actor_labels"):  # cut when read
        table, kept = getattr(res, name), getattr(view, name)
        pd.testing.assert_frame_equal(kept, table[table["outlet"].isin(outlets[:MAX_COMPARED_OUTLETS])])
        assert view._last[0] == name and view._last[1] is kept  # the last cut only is held
