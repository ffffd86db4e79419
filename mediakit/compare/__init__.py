"""Comparing outlets: group statistics, pairwise tests, distinctive terms, keywords in context.

Everything here returns tidy pandas tables and never modifies its input.

* :func:`compare` — per group and metric: n, mean, median, sd and a percentile
  bootstrap CI of the mean; per pair of groups and metric: difference of means
  with a bootstrap CI, Cliff's delta with its magnitude label, a Mann–Whitney U
  (or permutation) test and p-values corrected across the whole table (Holm or
  Benjamini–Hochberg). With ``event=`` it also compares groups *within events*
  (paired differences over the events both covered) so that a different topic
  mix is not mistaken for different framing.
* :func:`distinctive_terms` — words and bigrams that set a group apart: the
  log-odds ratio with an informative Dirichlet prior and its z-score (Monroe,
  Colaresi & Quinn 2008).
* :func:`kwic` — keyword-in-context rows, to read the sentences behind a number.
* :func:`attention` — how many articles (or articles matching a term) each group
  published per period.
* :func:`source_shares` and :func:`partisan_balance` — who gets to speak: each group's share of
  source roles (anonymous, politician, expert, ...) and the partisan balance of the politicians it
  quotes, with cluster-bootstrap CIs (articles resampled).
* :func:`find_framing_differences` — the framing differences of every kind ranked: competing labels
  within a lexicon family, labels attached to the same actor, loaded language in the outlet's own
  voice, source roles, the party of quoted politicians, sentiment toward the same actor. Each row
  has its support (articles and mentions per side; rows below ``min_n`` are not tested), an effect
  size (Cramér's V or Cliff's delta, the difference of shares with a cluster-bootstrap CI), a
  permutation test that shuffles the outlet among *articles* (within events when known), the
  adjusted p-value and a plain-words sentence.
* Building blocks, usable alone: :func:`bootstrap_ci`, :func:`cliffs_delta`,
  :func:`cliffs_magnitude`, :func:`mann_whitney`, :func:`wilcoxon_signed_rank`,
  :func:`permutation_test`, :func:`sign_flip_test`, :func:`adjust_pvalues`,
  :func:`stop_words`, :func:`term_pattern`.

Only numpy and pandas are used (no scipy). The method, formulas and references
are in ``docs/compare.md``.

The code lives in private modules, one concern each: ``_stats`` (the statistics, pure
NumPy), ``_groups`` (grouping helpers), ``_tables`` (column lists), ``_compare``
(:func:`compare`, :class:`Comparison`, within events), ``_texts`` (text columns, search
patterns), ``_ngrams`` (n-gram counting), ``_terms`` (:func:`distinctive_terms`: options and
scoring), ``_kwic``, ``_attention``, ``_sources`` (source roles and partisan balance), ``_framing``
(:func:`find_framing_differences`) with ``_framing_stats`` (permutation tests over articles) and
``_framing_text`` (its sentences). This package reads pandas DataFrames only; the Dask
layer (``mediakit.dask``) builds on the public building blocks of ``_ngrams`` and ``_terms``.
"""

from __future__ import annotations

from ._attention import attention
from ._compare import Comparison, compare
from ._framing import FRAMING_COLUMNS, FRAMING_INPUT_COLUMNS, FRAMING_KINDS, find_framing_differences
from ._kwic import kwic
from ._ngrams import term_cells
from ._stats import (
    CLIFF_THRESHOLDS,
    TestResult,
    adjust_pvalues,
    bootstrap_ci,
    cliffs_delta,
    cliffs_magnitude,
    mann_whitney,
    permutation_test,
    sign_flip_test,
    wilcoxon_signed_rank,
)
from ._tables import (
    ATTENTION_COLUMNS,
    EVENT_COLUMNS,
    GROUP_COLUMNS,
    KWIC_COLUMNS,
    PAIR_COLUMNS,
    PAIRED_COLUMNS,
    TERM_COLUMNS,
)
from ._sources import PARTISAN_COLUMNS, SHARE_COLUMNS, cluster_bootstrap, partisan_balance, source_shares
from ._terms import distinctive_terms, stop_set, stop_words, terms_by_mode
from ._texts import part_texts, term_pattern

__all__ = [
    "ATTENTION_COLUMNS",
    "CLIFF_THRESHOLDS",
    "Comparison",
    "EVENT_COLUMNS",
    "FRAMING_COLUMNS",
    "FRAMING_INPUT_COLUMNS",
    "FRAMING_KINDS",
    "GROUP_COLUMNS",
    "KWIC_COLUMNS",
    "PAIRED_COLUMNS",
    "PAIR_COLUMNS",
    "PARTISAN_COLUMNS",
    "SHARE_COLUMNS",
    "TERM_COLUMNS",
    "TestResult",
    "adjust_pvalues",
    "attention",
    "bootstrap_ci",
    "cliffs_delta",
    "cliffs_magnitude",
    "cluster_bootstrap",
    "compare",
    "distinctive_terms",
    "find_framing_differences",
    "kwic",
    "mann_whitney",
    "partisan_balance",
    "permutation_test",
    "sign_flip_test",
    "source_shares",
    "stop_words",
    "term_pattern",
    "terms_by_mode",
    "wilcoxon_signed_rank",
]

_part_texts = part_texts  # alias for importers outside this module; removed at merge
_term_cells = term_cells  # alias for importers outside this module; removed at merge
_stop_set = stop_set  # alias for importers outside this module; removed at merge
