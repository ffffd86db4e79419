"""The actors package: one validation style, the command line, the rule word lists."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from mediakit._validation import MissingColumnError
from mediakit.actors import (
    actor_label_summary,
    actor_labels,
    actor_sentences,
    actor_sentiment_summary,
    discover_actors,
    evaluate_target_sentiment,
    target_sentiment,
)
from mediakit.actors._lexicon import actor_words

from ..conftest import PROJECT


def test_missing_columns_raise_missing_column_error() -> None:
    for func in (actor_labels, actor_sentences, discover_actors):
        with pytest.raises(MissingColumnError, match=func.__name__):
            func(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(MissingColumnError, match="actor_label_summary"):
        actor_label_summary(pd.DataFrame({"actor": ["x"]}))
    with pytest.raises(MissingColumnError, match="actor_sentiment_summary"):
        actor_sentiment_summary(pd.DataFrame({"actor": ["x"]}))


def test_not_a_frame_raises_type_error() -> None:
    for func in (actor_labels, actor_sentences, discover_actors, actor_label_summary, actor_sentiment_summary):
        with pytest.raises(TypeError):
            func([1, 2])


def test_bad_options_list_the_allowed_values() -> None:
    arts = pd.DataFrame({"article_id": ["a"], "text": ["Smith spoke."]})
    with pytest.raises(ValueError, match="'target', 'sentence'"):
        target_sentiment("Smith spoke.", 0, 5, method="bag-of-words")
    with pytest.raises(ValueError, match="'target', 'sentence'"):
        actor_sentences(arts, ["Ann Smith"], method="bag-of-words")
    with pytest.raises(ValueError, match="'title', 'text', 'captions'"):
        actor_labels(arts, ["Ann Smith"], parts=("body",))
    with pytest.raises(ValueError, match="'target', 'sentence'"):
        evaluate_target_sentiment("unused.jsonl", method="bag-of-words")


def test_rule_word_lists() -> None:
    words = actor_words()
    assert set(words) == {"adjectival_titles", "before_epithet", "appositive_verbs", "appositive_bad_start"}
    assert all(isinstance(v, frozenset) and v for v in words.values())
    # YAML would read these as booleans in a list: they are words here
    assert {"on", "or", "nor"} <= words["before_epithet"]
    assert "isn't" in words["appositive_verbs"] and "who's" in words["appositive_bad_start"]


def test_python_dash_m(tmp_path: Path) -> None:
    path = tmp_path / "toy.jsonl"
    rows = [{"sentence": "Smith praised the deal.", "from": 0, "to": 5, "polarity": 1}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mediakit.actors", "evaluate", "--file", str(path)],
                          capture_output=True, text=True, cwd=PROJECT, check=False)
    assert done.returncode == 0, done.stderr
    assert "macro_f1" in done.stdout and "RuntimeWarning" not in done.stderr
