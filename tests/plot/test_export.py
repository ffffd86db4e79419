"""mediakit.export: reproducible files in several formats with the table beside them, and write_table.
"""

from __future__ import annotations

import struct
import zlib

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from mediakit.export import FORMATS, save_figure, write_table

from .charts import draw, png_info



def test_same_figure_saved_twice_is_identical_and_has_no_dates(tmp_path):
    fig, ax, table = draw("metric_by_outlet", 4)
    first = {p.suffix: p.read_bytes() for p in save_figure(fig, tmp_path / "x", data=table)}
    second = {p.suffix: p.read_bytes() for p in save_figure(fig, tmp_path / "x.svg", data=table)}
    assert first == second
    assert b"CreationDate" not in first[".pdf"] and b"Matplotlib" not in first[".pdf"]
    assert b"<dc:date>" not in first[".svg"] and b"matplotlib.org" not in first[".svg"]
    assert b"Software" not in first[".png"]


def test_save_figure_untight_png_has_the_figure_size(tmp_path):
    fig, ax = plt.subplots(figsize=(4.0, 2.5))
    ax.plot([0, 1], [0, 1])
    (png,) = save_figure(fig, tmp_path / "line", formats=["png"], dpi=200, tight=False)
    assert png_info(png) == (800, 500, pytest.approx(200, abs=0.1))
    assert fig.dpi == pytest.approx(matplotlib.rcParams["figure.dpi"])  # the figure itself is not changed


def test_save_figure_paths_and_csv(tmp_path):
    fig, ax = plt.subplots()
    table = pd.DataFrame({"outlet": ["A", "B"], "n": [1, 2]}, index=pd.Index(["x", "y"], name="key"))
    paths = save_figure(fig, tmp_path / "deep" / "er" / "fig.v2", formats=("svg",), data=table)
    assert [p.name for p in paths] == ["fig.v2.svg", "fig.v2.csv"]
    assert paths[1].read_text(encoding="utf-8") == "key,outlet,n\nx,A,1\ny,B,2\n"
    series = pd.Series([0.5, 0.25], name="share")
    (_, csv) = save_figure(fig, tmp_path / "s.pdf", formats=["pdf"], data=series)
    assert csv.read_text(encoding="utf-8") == "share\n0.5\n0.25\n"


@pytest.mark.parametrize("kwargs, match", [
    ({"formats": ["jpg"]}, "unknown format"),
    ({"formats": []}, "unknown format"),
    ({"dpi": 0}, "dpi"),
    ({"data": [1, 2]}, "DataFrame"),
])
def test_save_figure_rejects_bad_arguments(kwargs, match, tmp_path):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match=match):
        save_figure(fig, tmp_path / "x", **kwargs)
    with pytest.raises(ValueError, match="Figure or Axes"):
        save_figure("not a figure", tmp_path / "x")
    assert list(tmp_path.iterdir()) == []


def test_export_metadata_covers_every_format():
    assert set(FORMATS) == {"png", "svg", "pdf"}
    assert all(v is None for meta in FORMATS.values() for v in meta.values())


def test_png_crc_is_valid(tmp_path):
    """Sanity check of the PNG reader used above: chunks are well formed."""
    fig, ax, _ = draw("metric_by_outlet", 2)
    (png,) = save_figure(fig, tmp_path / "m", formats=["png"], dpi=50)
    raw = png.read_bytes()
    k = raw.find(b"pHYs")
    length = struct.unpack(">I", raw[k - 4:k])[0]
    assert struct.unpack(">I", raw[k + 4 + length:k + 8 + length])[0] == zlib.crc32(raw[k:k + 4 + length])


def test_write_table_flattens_lists_in_csv_and_writes_parquet(tmp_path):
    df = pd.DataFrame({"id": [1, 2], "terms": [["a", "b"], []], "x": [0.5, None]})
    csv = write_table(df, tmp_path / "deep" / "t.csv")
    assert csv == tmp_path / "deep" / "t.csv"
    assert csv.read_text(encoding="utf-8") == "id,terms,x\n1,a | b,0.5\n2,,\n"
    flat = df.drop(columns="terms")
    pd.testing.assert_frame_equal(pd.read_parquet(write_table(flat, tmp_path / "t.parquet")), flat)


def test_export_never_imports_the_charts():
    """figure_for comes from mediakit._figures: export loads neither mediakit.plot nor pyplot."""
    import subprocess
    import sys

    code = ("import sys, mediakit.export as e; "
            "print('mediakit.plot' in sys.modules, 'matplotlib.pyplot' in sys.modules, e.figure_for(4))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False (6.4, 2.7)"
    from mediakit.export import figure_for
    from mediakit.plot import figure_for as plot_figure_for

    assert figure_for is plot_figure_for
