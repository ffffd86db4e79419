"""Attention lines of a matched corpus coincide: the chart says so instead of hiding outlets."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

from mediakit.plot import attention_plot


def _att(b_second: int) -> pd.DataFrame:
    return pd.DataFrame({"period_start": pd.to_datetime(["2025-01-06"] * 2 + ["2025-01-13"] * 2, utc=True),
                         "group": ["A", "B", "A", "B"], "n_articles": [3, 3, 1, b_second]})


def test_identical_lines_get_a_note_and_different_ones_do_not():
    fig, (ax1, ax2) = plt.subplots(1, 2)
    attention_plot(_att(1), ax=ax1)
    attention_plot(_att(2), ax=ax2)
    assert "matched corpus" in ax1.get_title(loc="left")
    assert ax2.get_title(loc="left") == ""
    assert len(ax1.get_lines()) == 2  # both outlets are still drawn (and in the legend)
    plt.close(fig)
