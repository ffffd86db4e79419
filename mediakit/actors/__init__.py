"""Actors: who is named, with which labels, and how each outlet's sentences treat them.

Framing is often in the words attached to a person: "ousted regime leader Assad",
"Syrian President Bashar al-Assad", "strongman", "Mr. Assad". This package finds the
people an article names, merges the variants of each name and reads the label next to
every mention; it also measures sentiment *toward* each person from the sentences that
mention them, with a small trained target-aware model (default) or a rule-based
target-aware variant of VADER.

* :func:`discover_actors` — the people named in a corpus: frequent capitalised
  multi-word names, their variants merged (Bashar al-Assad, al-Assad, Assad, Mr. Assad).
* :func:`actor_labels` — one row per mention and label: the title or epithet before
  the name ('pre-title'), a possessive ('possessive'), an appositive after it
  ('appositive') or a courtesy title ('honorific'); headline, body and captions; and
  descriptions without the name linked to the actor ('nominal': "the ousted leader",
  "the FBI director", "a dotard" in "Kim called Trump a dotard").
* :func:`actor_label_summary` — per outlet and actor, the distribution of labels.
* :func:`actor_sentences`, :func:`actor_sentiment`, :func:`actor_sentiment_summary` —
  sentiment toward each actor per sentence, per article and per outlet.
* :func:`target_sentiment` — the target-aware score of one sentence toward a span of it.
* :func:`evaluate_target_sentiment` — macro-F1 of a method on a NewsMTSC file;
  ``python -m mediakit.actors evaluate --split dev-rw`` prints it.
* :class:`ArticleTexts`, :func:`with_texts` — the text columns held elsewhere (a streamed run's parts), read
  when asked: ``actor_labels(..., texts=)`` and ``actor_sentiment(..., texts=)`` then need only the ids.
* :func:`train_model`, :func:`load_model` — the target-sentiment model: a multinomial
  logistic regression in NumPy trained on NewsMTSC train only (``python -m mediakit.actors
  train``), shipped as ``mediakit/resources/actor_sentiment_model.npz`` and ``.json``.

Labels are rules and lexicons (``mediakit/lexicons/actor_titles.yaml`` and
``actor_words.yaml``); target sentiment is the trained model over rule features. Inputs are never modified; tables are tidy pandas
DataFrames. The method, the NewsMTSC measurements and the known failure modes are in
``docs/actors.md``.

Layout, one concern per private module: ``_lexicon`` (lexicon, rule words, stopwords),
``_scan`` (token patterns, quotation finder), ``_names`` (tokens and names), ``_parts``
(article parts, shared input helpers), ``_actorset`` (actors and variants), ``_mentions``
(mention finding), ``_discovery`` (actor discovery), ``_label_rules`` and ``_labels``
(labels; ``_label_passes``: their per-article passes, ``_label_jobs``: those on several
processes), ``_nominal`` (descriptions linked to actors), ``_target`` (rule-based target
sentiment), ``_target_model`` (the trained model and the methods), ``_target_features`` (its
features, by name), ``_target_fast`` (its scoring path), ``_train`` (training), ``_sentiment``
(sentiment per actor), ``_evaluation`` (NewsMTSC), ``_cli`` (command line).
"""

from ._cli import add_evaluate_arguments as add_evaluate_arguments  # public, not in __all__
from ._cli import main
from ._cli import run_evaluation as run_evaluation  # public, not in __all__
from ._discovery import discover_actors
from ._evaluation import TargetSentimentEvaluation, evaluate_target_sentiment
from ._labels import LABEL_COLUMNS, LABEL_KINDS, LABEL_SUMMARY_COLUMNS, actor_label_summary, actor_labels
from ._lexicon import actor_lexicon, nominal_lexicon
from ._sentiment import (
    SENTENCE_COLUMNS,
    SENTIMENT_COLUMNS,
    SENTIMENT_SUMMARY_COLUMNS,
    actor_sentences,
    actor_sentiment,
    actor_sentiment_summary,
)
from ._target import SENTENCE_NEGATIVE_THRESHOLD as SENTENCE_NEGATIVE_THRESHOLD  # public, not in __all__
from ._target import SENTENCE_POSITIVE_THRESHOLD as SENTENCE_POSITIVE_THRESHOLD  # public, not in __all__
from ._target import TARGET_NEGATIVE_THRESHOLD, TARGET_POSITIVE_THRESHOLD
from ._target_model import METHODS, load_model, target_sentiment
from ._texts import TEXT_COLUMNS, ArticleTexts, with_texts
from ._train import train_model

__all__ = [
    "ArticleTexts",
    "LABEL_COLUMNS",
    "METHODS",
    "LABEL_KINDS",
    "LABEL_SUMMARY_COLUMNS",
    "SENTENCE_COLUMNS",
    "SENTIMENT_COLUMNS",
    "SENTIMENT_SUMMARY_COLUMNS",
    "TARGET_NEGATIVE_THRESHOLD",
    "TARGET_POSITIVE_THRESHOLD",
    "TEXT_COLUMNS",
    "TargetSentimentEvaluation",
    "actor_label_summary",
    "actor_labels",
    "actor_lexicon",
    "actor_sentences",
    "actor_sentiment",
    "actor_sentiment_summary",
    "discover_actors",
    "evaluate_target_sentiment",
    "load_model",
    "main",
    "nominal_lexicon",
    "target_sentiment",
    "train_model",
    "with_texts",
]
