"""Shared fixtures: paths relative to this file, never to the directory pytest starts in."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("MEDIAKIT_NO_PROGRESS", "1")

PROJECT = Path(__file__).resolve().parents[1]
DATA = PROJECT / "data"
SEED = DATA / "000_fd60bde068b4eb11.txt"
CORPORA = Path(os.environ.get("MEDIAKIT_CORPORA", PROJECT.parent / "shared" / "corpora"))


@pytest.fixture(scope="session")
def corpora() -> Path:
    """The shared research corpora; tests that need them skip with a reason when absent."""
    if not CORPORA.is_dir():
        pytest.skip(f"needs the shared corpora at {CORPORA} (../shared/corpora beside the project)")
    return CORPORA


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def _sample_corpus():
    import warnings

    import mediakit

    with warnings.catch_warnings():  # data/ holds a titles-only export on purpose: load warnings
        warnings.simplefilter("ignore")
        return mediakit.load_articles(DATA)


@pytest.fixture(scope="module")
def sample_articles(_sample_corpus):
    """The sample corpus in data/, loaded once per session, quietly; a fresh copy per module."""
    return _sample_corpus.copy()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def stream_articles(out: Path, articles, size: int) -> None:
    """Stream ``articles`` to ``out`` (its articles table only), in parts of ``size`` articles, quietly."""
    import warnings

    import mediakit

    arts = articles.reset_index(drop=True)
    chunks = [arts.iloc[k:k + size].reset_index(drop=True) for k in range(0, len(arts), size)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mediakit.analyze_stream(chunks, out, progress=False, tables=["articles"])


def freed_small_blocks() -> list[bytearray]:
    """About 200 MB of small blocks (below glibc's mmap threshold: in the heap) written and freed, as a step's
    temporaries are; returns the last one, which pins the top of the heap as live tables do in a run (keep it
    alive while measuring)."""
    blocks = [bytearray(50_000) for _ in range(4_000)]
    for b in blocks:
        b[::4096] = b"x" * len(b[::4096])
    return blocks[-1:]
