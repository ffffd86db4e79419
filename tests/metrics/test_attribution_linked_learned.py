"""Recall rules of 4 Dec 2026 evening (helper HR): attributions in clauses linked to another's content,
infinitives after adjectives of readiness, and the cue forms learned from PolNeAR train."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.evaluate import is_speech_cue
from mediakit.metrics.attribution import cue_lexicon, find_attributions
from mediakit.metrics.attribution._extract import find
from mediakit.metrics.attribution._lexicon import learned_cues, lexicons, set_learned_cues
from mediakit.metrics.attribution._nested import LINK_RE
from mediakit.metrics.attribution.build_cues import lemma_of, match_gold

from ._attribution_triples import rule_triples as _triples

# --------------------------------------------------------------------------- linked clauses


def test_a_while_clause_with_its_own_long_subject_is_a_second_attribution():
    out = _triples("Presumptive Democratic nominee Hillary Clinton backed the deal, while presumptive Republican "
                   "nominee Donald Trump has threatened to tear it up.")
    assert out == [("backed", "Presumptive Democratic nominee Hillary Clinton", "the deal"),
                   ("threatened", "presumptive Republican nominee Donald Trump", "to tear it up")]


def test_a_which_clause_with_a_verb_of_saying_is_split_off():
    out = _triples("The report cited an internal investigation as identifying Beijing as the likely perpetrator "
                   "of the attacks, which the probe said were covered up to protect the chairman.")
    assert [(c, s) for c, s, _ in out] == [("cited", "The report"), ("said", "the probe")]
    assert out[0][2].endswith("perpetrator of the attacks")


def test_a_verb_sharing_the_subject_after_a_noun_phrase_object_is_split_off():
    out = _triples("Clinton has increasingly decried the issue of systemic racism and highlighted her plans "
                   "to combat the problem.")
    assert [(c, x) for c, _, x in out] == [("decried", "the issue of systemic racism"),
                                           ("highlighted", "her plans to combat the problem")]


@pytest.mark.parametrize("text", [
    "She said that Mr. Smith told him the plan would fail.",  # a complement clause: nested
    "Rubio said that over the last five days he has begun to unmask Trump, whom he called a con artist.",
    "Yin Myint May, a doctor, said she was elated but still feared the military.",  # the clause's own subject
    'He said: "We backed the deal, while they threatened to tear it up."',  # inside a quotation
])
def test_nested_attributions_that_are_no_linked_clause_stay_dropped(text):
    assert len(_triples(text)) == 1, _triples(text)


@pytest.mark.parametrize("link, ok", [
    ("the deal, while ", True), ("the deal; ", True), ("the cuts, and also ", True), ("the attacks, which ", True),
    ("the plan and ", True), ("the plan told ", False), ("the plan that ", False),
])
def test_the_clause_link_ends_right_before_the_inner_clause(link, ok):
    assert (LINK_RE.search(link) is not None) is ok


# --------------------------------------------------------------------------- infinitives after adjectives


def test_an_infinitive_of_saying_after_an_adjective_of_readiness_takes_the_subject():
    out = _triples("Sexton was quick to point out that not all Trump supporters espoused such views.")
    assert out == [("point out", "Sexton", "not all Trump supporters espoused such views")]


# --------------------------------------------------------------------------- learned cues


def test_the_learned_cues_are_never_speech_cues_and_keep_the_yaml_forms():
    lex = cue_lexicon()
    learned = learned_cues()
    assert learned, "mediakit/resources/learned_cues.json is empty"
    for lemma, entry in learned.items():
        assert lemma in lex
        assert not lex[lemma]["speech"]
        for form in entry["forms"]:
            assert not is_speech_cue(form)
            assert lexicons().form_lemma[form] == lemma and form in lexicons().learned_forms
    assert "said" in lex["say"]["forms"]


def test_a_learned_cue_makes_an_attribution_with_a_class_of_the_codebook():
    rows = find_attributions("The board of elections rejected both objections and ordered that his name "
                             "be certified.")
    ordered = [r for r in rows if r["cue_text"] == "ordered"]
    assert ordered and ordered[0]["cue_lemma"] == "order" and ordered[0]["cue_class"] == "proposal"


def test_a_verb_of_saying_in_the_content_wins_over_a_learned_cue():
    set_learned_cues({"release": {"class": "announcement", "frame": "object", "forms": ["released"]}})
    try:
        out = _triples("The company released a statement saying it would appeal the ruling.")
        assert [c for c, _, _ in out] == ["saying"]
        out = _triples("The campaign released its tax plan on Monday.")
        assert [c for c, _, _ in out] == ["released"]
    finally:
        set_learned_cues(None)


def test_a_learned_participle_after_be_has_no_source():
    set_learned_cues({"see": {"class": "belief", "frame": "object", "forms": ["seen"]}})
    try:
        out = _triples("Rubio was seen as the candidate with the best chance to win.")
        assert out and out[0][0] == "seen" and out[0][1] is None
    finally:
        set_learned_cues(None)


def test_set_learned_cues_round_trip():
    before = cue_lexicon()
    set_learned_cues({})
    try:
        assert not lexicons().learned_forms
        assert "ordered" not in lexicons().form_lemma  # a learned form, not in cues.yaml
    finally:
        set_learned_cues(None)
    assert cue_lexicon() == before and "ordered" in lexicons().learned_forms


def test_lemma_of_and_match_gold():
    vocab = {"release", "plan", "sign", "focus", "side"}
    assert [lemma_of(f, vocab) for f in ["released", "planning", "signed", "focused", "sided", "lists"]] == \
        ["release", "plan", "sign", "focus", "side", "list"]
    assert match_gold([[(0, 8)], [(30, 40)], [(50, 52)]], [[(31, 39)], [(0, 10)]]) == [1, 0, -1]


def test_the_shipped_list_holds_counts_and_no_text():
    doc = json.loads(resources.files("mediakit.resources").joinpath("learned_cues.json").read_text("utf-8"))
    assert set(doc) == {"about", "settings", "cues"}
    for entry in doc["cues"].values():
        assert set(entry) == {"class", "frame", "forms", "train"}
        for form, counts in entry["train"].items():
            assert form in entry["forms"] and " " not in form
            assert counts["matched"] >= doc["settings"]["min_precision"] * counts["predicted"]


# --------------------------------------------------------------------------- odd text

_WORDS = ["said", "while", "which", "and", "but", "released", "ordered", "he", "The", "deal", ",", ";", "—",
          '"', "“", "”", "backed", "Trump", "threatened", "to", "who", "whom", ".", "\n\n", "was", "seen"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join))
def test_odd_text_never_raises_and_contents_never_nest(text):
    found = find(text)
    if found is None:
        return
    attrs = found[1]
    for a in attrs:
        assert all(s < e for s, e in a.content)
        for b in attrs:
            if b is not a:
                assert not any(s <= a.cue[0] < e for s, e in b.content)


# --------------------------------------------------------------------------- real data


@pytest.mark.slow
@pytest.mark.corpus
def test_the_learned_list_rebuilds_to_the_shipped_one(corpora):
    from mediakit.datasets import load_polnear, load_polnear_attributions
    from mediakit.metrics.attribution.build_cues import candidates, select

    articles = load_polnear(corpora / "polnear", split="train")
    gold = load_polnear_attributions(corpora / "polnear", split="train")
    set_learned_cues({})
    try:
        cands = candidates(articles["text"].tolist(), [str(c) for c in gold["cue_text"].dropna()])
        built = select(articles, gold, cands)
    finally:
        set_learned_cues(None)
    shipped = json.loads(resources.files("mediakit.resources").joinpath("learned_cues.json").read_text("utf-8"))
    # the forms and classes; the train counts move with any rule change (rebuild then, like the filter)
    assert {k: (e["class"], e["forms"]) for k, e in built.items()} == \
        {k: (e["class"], e["forms"]) for k, e in shipped["cues"].items()}


def test_a_learned_cue_with_a_first_person_subject_is_the_writer_s_act():
    assert _triples("We ordered a review of the program.") == []
    assert [c for c, _, _ in _triples("The agency ordered a review of the program.")] == ["ordered"]


def test_learned_cue_forms_are_read_only_in_reporting_prose():
    """"ordered" is a learned news cue: not in a long text that reports no speech (a how-to, terms of use)."""
    sentence = "The agency ordered a review of the program. "
    how_to = ("Open the settings page and choose a folder for the files. The tool copies each file there and "
              "keeps a log of what it did. You can change the folder later in the same page. ") * 4
    reporting = ('The minister said the plan would pass. "We have the votes," she told reporters on Monday. '
                 "Critics said the plan was rushed. ") * 4
    assert "ordered" not in [c for c, _, _ in _triples(how_to + sentence)]
    assert "ordered" in [c for c, _, _ in _triples(reporting + sentence)]
