"""Evaluate mediakit's extractors against human gold annotations.

Command line::

    python -m mediakit.evaluate attribution --split dev [--outlet] [--json]
    python -m mediakit.evaluate speakers [--json]
    python -m mediakit.evaluate web-prose [--cache DIR] [--brief] [--json]
    python -m mediakit.evaluate sources [--json] [--errors N]
    python -m mediakit.evaluate actor-sentiment --split dev-rw   (or --file F.jsonl)
    python -m mediakit.evaluate actor-mentions [--gold-actors] [--json] [--errors N]

``attribution`` runs :func:`mediakit.metrics.attribution.extract_attributions` on
PolNeAR articles (``--split train``, ``dev`` or both) and scores it against the
gold attributions of the first annotator (:func:`mediakit.datasets.load_polnear_attributions`)
with the matching rule of the corpora README:

* for each gold attribution, in document order, the unmatched prediction whose
  content covers the largest share of the gold content's characters (Content
  plus Content2) is taken if that share reaches the threshold (0.3, and a strict
  0.8): a true positive; otherwise the gold attribution is a false negative.
  Predictions left unmatched are false positives;
* among matches, **speaker accuracy** is the share whose source spans overlap
  (or are both empty) and **cue accuracy** the share whose cue spans overlap;
* scores are given for all cues and for **speech cues** only: gold and
  predicted attributions whose cue contains a form of a verb of saying or
  reporting (the ``speech: yes`` lemmas of ``mediakit/lexicons/cues.yaml``) or
  "according to" (see :func:`is_speech_cue`); and, with ``--outlet``, per outlet.

``speakers`` scores speaker *resolution* ("he" -> "Sergei Ryabkov") on the small
gold set ``mediakit/resources/speaker_gold.csv`` (article ids, source offsets and
resolved names only; the articles are the seed article and PolNeAR dev articles).

``sources`` scores the source roles, parties and offices of the extracted attributions
(:func:`score_source_roles`) on ``mediakit/resources/source_role_gold.csv``: every source span of
28 PolNeAR dev articles labelled with the codebook of ``docs/sources.md`` (ids, offsets and labels
only). A gold span is matched to the predicted attribution whose source overlaps it most.

``web-prose`` scores attribution precision and recall on ``tests/data/web_attribution_gold.csv``: 31
non-wire English web pages (features, blogs, opinion, tech writing) from the trafilatura and htmldate
source distributions, read from ``~/.cache/mediakit-web`` (``benchmarks/bench_web.py`` fetches them), every
attribution in PolNeAR's scope marked (:func:`score_web_prose`).

``actor-mentions`` scores :func:`mediakit.actor_labels` on ``mediakit/resources/actor_mention_gold.csv``
(every person mention of 20 PolNeAR dev and BASIL articles, codebook ``docs/actor_mentions.md``):
name-mention recall, pre-name label accuracy, and precision and recall of nominal links
(:func:`score_actor_mentions`); ``--gold-actors`` gives ``actor_labels`` each article's gold actors.

``actor-sentiment`` prints the per-method table of ``python -m mediakit.actors evaluate``
(macro-F1 of the trained model, the rule-based score and whole-sentence VADER on NewsMTSC).

The scoring functions are importable (:func:`match_attributions`,
:func:`score_attributions`, :func:`score_speakers`) so that tests can call them.

Modules: ``_attribution`` (PolNeAR matching and scores), ``_speakers`` (speaker gold set),
``_sources`` (source-role gold set), ``_prose`` (web-prose gold set), ``_actor_mentions`` (actor-mention
gold set), ``_cli`` (the command line).
"""

from __future__ import annotations

from ._actor_mentions import (actor_mention_gold_articles, evaluate_actor_mentions, format_actor_mention_scores,
                              gold_actor_lists, load_actor_mention_gold, score_actor_mentions)
from ._attribution import (THRESHOLDS, evaluate_polnear, format_scores, is_speech_cue, match_attributions,
                           score_attributions)
from ._cli import main
from ._prose import (evaluate_web_prose, false_positive_classes, format_web_scores, load_web_gold, score_web_prose,
                     web_pages)
from ._sources import (ANONYMOUS_KINDS, SOURCE_ROLES, evaluate_source_roles, format_source_scores,
                       load_source_role_gold, score_source_roles, source_role_gold_articles)
from ._speakers import SEED_ARTICLE, load_speaker_gold, score_speakers, speaker_gold_articles

__all__ = [
    "THRESHOLDS",
    "is_speech_cue",
    "match_attributions",
    "score_attributions",
    "evaluate_polnear",
    "load_speaker_gold",
    "score_speakers",
    "speaker_gold_articles",
    "SEED_ARTICLE",
    "SOURCE_ROLES",
    "ANONYMOUS_KINDS",
    "load_source_role_gold",
    "source_role_gold_articles",
    "score_source_roles",
    "evaluate_source_roles",
    "format_source_scores",
    "format_scores",
    "load_web_gold",
    "web_pages",
    "score_web_prose",
    "format_web_scores",
    "evaluate_web_prose",
    "false_positive_classes",
    "load_actor_mention_gold",
    "actor_mention_gold_articles",
    "gold_actor_lists",
    "score_actor_mentions",
    "format_actor_mention_scores",
    "evaluate_actor_mentions",
    "main",
]
