"""A subject relative after a clause: the source is its antecedent, not the clause.

'Trump berated governors who said ...' is the governors' attribution, not Trump's: the source was the whole clause
up to the cue ('Trump berated governors who'), whose first name then gave the role and party. The source is now the
noun phrase the pronoun follows, with the pronoun (PolNeAR marks the pronoun; the speaker is its antecedent). Only
the plain case is cut; an unclear antecedent keeps the phrase as it was.
"""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.metrics.attribution import extract_attributions
from mediakit.metrics.attribution._subjects import relative_antecedent


def _row(text: str, cue: str) -> pd.Series:
    rows = extract_attributions(pd.DataFrame({"article_id": ["a"], "text": [text]}), progress=False)
    hit = rows[rows["cue_text"] == cue]
    assert len(hit) == 1, rows[["source_text", "cue_text"]]
    return hit.iloc[0]


@pytest.mark.parametrize("text, source, role", [
    ("Trump berated governors who said the plan would fail.", "governors who", "politician"),
    ("Police arrested a man who said he had a bomb.", "a man who", "citizen"),
    ("The senator met with farmers who said that prices were too low.", "farmers who", "citizen"),
    ("They turned to the Chicago Police Department which reported that the man had fled.",
     "the Chicago Police Department which", "police_military"),
])
def test_the_source_is_the_antecedent(text: str, source: str, role: str) -> None:
    row = _row(text, "said" if "said" in text else "reported")
    assert row["source_text"] == source
    assert row["source_role"] == role
    assert pd.isna(row["party"])  # not the party of the clause's subject (Trump)


@pytest.mark.parametrize("phrase", [
    "Voters who",                                       # no clause before the pronoun
    "An unnamed official who",                          # "unnamed" is no verb here
    "He released a letter from his doctor who",         # two nouns the pronoun could take
    "He was forced to defend not paying an architect who",  # a verb phrase after the last verb
    "In a clip that",                                   # "that": left alone
    "the Daily Beast editor who",
])
def test_unclear_antecedents_are_left_alone(phrase: str) -> None:
    assert relative_antecedent(phrase, 0, len(phrase)) is None


def test_a_share_after_the_is_a_poll_share() -> None:
    row = _row("Clinton won among the 30 percent of voters who said the economy was their top issue.", "said")
    assert row["source_text"] == "the 30 percent of voters who"
    assert row["source_role"] == "citizen"
