"""The actor-label heatmap: courtesy titles and possessors are not labels; thin outlets are greyed, not findings."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from mediakit.plot import actor_label_heatmap


def _labels() -> pd.DataFrame:
    rows = [("A", "president", "pre-title")] * 6 + [("A", "Mr.", "honorific")] * 20
    rows += [("B", "strongman", "pre-title")] * 2 + [("B", "Valdoria's", "possessive")] * 3
    return pd.DataFrame(rows, columns=["outlet", "label", "label_kind"]).assign(actor="Roszak")


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_honorifics_and_possessors_are_left_out_by_default():
    fig, ax = plt.subplots()
    actor_label_heatmap(_labels(), ax=ax)
    ticks = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    assert "Mr." not in ticks and "Valdoria's" not in ticks and {"president", "strongman"} <= set(ticks)
    plt.close(fig)
    fig, ax = plt.subplots()
    actor_label_heatmap(_labels(), exclude_kinds=(), ax=ax)
    assert "Mr." in [t.get_text() for t in ax.get_xticklabels()]
    plt.close(fig)


def test_an_outlet_below_the_minimum_is_grey_with_its_count():
    fig, ax = plt.subplots()
    actor_label_heatmap(_labels(), ax=ax)
    texts = _texts(ax)
    assert "(2)" in texts  # B has 2 labelled mentions: count only, no share
    assert any(t.startswith("100%") for t in texts)  # A has 6: coloured share
    assert any("(few)" in t for t in texts)
    image = ax.get_images()[0].get_array()
    assert np.ma.is_masked(image) and image.mask.sum() >= 1
    plt.close(fig)


def test_only_courtesy_titles_is_a_clear_error():
    only = _labels()[lambda d: d["label_kind"] == "honorific"]
    with pytest.raises(ValueError, match="no labelled mentions"):
        actor_label_heatmap(only)
