"""Recall rules of 6 Dec 2026 (stop 40): verbs of saying that the rules read as nouns, passives or infinitives
("has since said", "He's said", "was first reported by", "said by telephone", "went on to endorse"), a curly
opening mark typed as the closing one, the topic after an apposed source ("..., X, Y's director, said of Z.") and
hearers after "told"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution._cues import raising_before_to
from mediakit.metrics.attribution._lexicon import word_lists
from mediakit.text import find_quotations

from ._attribution_triples import rule_triples as _triples
from ._attribution_triples import triples


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Mrs. Clinton has since said she would support a wage increase.", "said", "Mrs. Clinton"),
    ("He's said he gets his ideas about monetary policy from books.", "said", "He"),
    ("He’s also said he gets his ideas from books.", "said", "He"),
    ("The Tennessean first reported Gore's decision earlier Sunday.", "reported", "The Tennessean"),
    ("''It's nonsense,'' Mr. Trump said by telephone on Sunday.", "said", "Mr. Trump"),
    ("“It's unusual,“ said Larry Noble, an attorney with the Campaign Legal Center.", "said",
     "Larry Noble, an attorney with the Campaign Legal Center"),
    ("“They’re very open to trying new things,” Jenna Golden, Twitter’s director of political advertising, "
     "said of Trump’s campaign.", "said", "Jenna Golden, Twitter’s director of political advertising"),
    ("“Maintaining order is extremely important,” House Speaker Paul Ryan, the convention chair, told the "
     "delegates before the vote.", "told", "House Speaker Paul Ryan, the convention chair"),
])
def test_verbs_of_saying_found(text, cue, source):
    out = triples(text)
    assert [(c, s) for c, s, _ in out] == [(cue, source)], out


def test_the_quotation_before_a_verb_of_saying_is_its_content():
    out = triples("“It's unusual,“ said Larry Noble, a lawyer. “It is rare.“")
    assert out and out[0][2].startswith("“It's unusual,“"), out
    out = triples("''It's nonsense,'' Mr. Trump said by telephone on Sunday.")
    assert out == [("said", "Mr. Trump", "''It's nonsense,''")]


@pytest.mark.parametrize("text", [
    "Her first report was widely read.",  # a determiner before "first": a noun
    "Trump's first tweet came at noon.",
    "The estimates cited by both parties differ.",  # 'by' after a participle: a reduced passive
    "He's said to be ill.",  # "'s" + participle + "to": a passive
])
def test_nouns_and_reduced_passives_stay_out(text):
    assert _triples(text) == []


def test_an_infinitive_after_went_on_takes_the_subject_of_went():
    out = _triples("Senator Kelly Ayotte praised the plan. He went on to endorse Ayotte, calling her a star.")
    assert ("endorse", "He", "Ayotte") in out, out
    out = _triples("Readers of TheBlaze were quick to condemn the outcome.")
    assert [(c, s) for c, s, _ in out] == [("condemn", "Readers of TheBlaze")], out


def test_an_infinitive_of_purpose_or_need_is_not_a_cue():
    assert _triples("The party needs to endorse a candidate soon.") == []
    assert _triples("It's easy to criticize the length of American campaigns.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He went on to", True), ("She continued to", True), ("They were quick to", True),
    ("It is likely to", False), ("She was the first to", False), ("He tried to", False), ("to", False),
])
def test_raising_before_to(text, expected):
    assert raising_before_to(text, text.rindex("to"), word_lists()) is expected


def test_a_second_opening_mark_closes_a_typed_quotation_at_the_slip():
    text = "“It's unusual,“ said Larry Noble. “It is rare.“"
    quotes = [text[q.start:q.end] for q in find_quotations(text, style="typed")]
    assert quotes == ["“It's unusual,“", "“It is rare.“"]
    text = "“We won,“ he said, “and we will win again.”"
    assert [text[q.start:q.end] for q in find_quotations(text, style="typed")] == [
        "“We won,“", "“and we will win again.”"]
    text = "He said “no“. Then he left."
    assert [text[q.start:q.end] for q in find_quotations(text, style="typed")] == ["“no“"]
    # the news style (metrics) is unchanged: an opening mark never closes there
    assert [(q.start, q.closed) for q in find_quotations(text, style="news")] == [(8, False)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="“”\"' ,.aZ\n", max_size=40))
def test_typed_quotations_stay_ordered_and_inside_the_text(text):
    quotes = find_quotations(text, style="typed")
    ends = [(q.start, q.end) for q in quotes]
    assert all(0 <= s < e <= len(text) for s, e in ends)
    assert all(e0 <= s1 for (_, e0), (s1, _) in zip(ends, ends[1:], strict=False))


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("The panel is right to note, however, that the plan is costly.", "note", "The panel"),
    ("Carson concluded by admonishing journalists who cannot put their ideology aside.", "concluded", "Carson"),
    ("Obama spoke at the White House on Tuesday about rights for workers.", "spoke", "Obama"),
    ("He is talking to voters about health care and jobs.", "talking", "He"),
])
def test_cues_after_an_adjective_a_gerund_or_a_place(text, cue, source):
    out = _triples(text)
    assert [(c, s) for c, s, _ in out] == [(cue, source)], out


@pytest.mark.parametrize("text", [
    "He spoke at the rally in Ohio.",  # no topic: presence, not speech
    "Obama spoke at the White House on condition of anonymity about it.",
])
def test_speaking_without_a_topic_is_no_cue(text):
    assert _triples(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Six in 10 say he is at least somewhat decisive, after half said so in the earlier poll.",
     [("say", "Six in 10", "he is at least somewhat decisive"), ("said", "half", "so in the earlier poll")]),
    ("Trump said the plan would fail, because Clinton has refused to fund it.",
     [("said", "Trump", "the plan would fail"), ("refused", "Clinton", "to fund it")]),
])
def test_a_subordinate_clause_with_its_own_cue_ends_the_content_before_it(text, expected):
    assert _triples(text) == expected
