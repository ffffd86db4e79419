"""Deprecated: the report lives in :mod:`mediakit.pipeline` (``build_report``, ``write_report``,
``framing_differences``, ``metric_label``); this module is kept for one release."""

from __future__ import annotations

import warnings

from .pipeline import METRIC_LABELS, build_report, framing_differences, metric_label, write_report

__all__ = ["METRIC_LABELS", "metric_label", "framing_differences", "build_report", "write_report"]

warnings.warn("mediakit.report is deprecated: import from mediakit.pipeline", DeprecationWarning, stacklevel=2)
