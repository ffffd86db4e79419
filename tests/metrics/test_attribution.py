"""Attribution extraction: seed-article pins, a table of patterns, tables and hostile input."""

from __future__ import annotations

import re
import types
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediakit
from mediakit._validation import MissingColumnError
from mediakit.metrics.attribution import (
    ATTRIBUTION_COLUMNS,
    KINDS,
    SOURCE_TYPES,
    attribution_metrics,
    cue_lexicon,
    extract_attributions,
    find_attributions,
    source_lexicon,
)
from mediakit.metrics.attribution import _channel, _document, _lexicon, _phrases, _resolution
from mediakit.text import _quotes as text_quotes

from ..conftest import DATA, SEED


# --------------------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return mediakit.load_articles(SEED)


@pytest.fixture(scope="module")
def seed_attr(seed) -> pd.DataFrame:
    return extract_attributions(seed)


def _by_cue(df: pd.DataFrame, cue: str) -> pd.Series:
    rows = df[df["cue_text"] == cue]
    assert len(rows) == 1, f"expected one attribution with cue {cue!r}, got {len(rows)}: {df['cue_text'].tolist()}"
    return rows.iloc[0]


def test_seed_according_to_ryabkov_in_interview_with_nbc(seed, seed_attr):
    a = _by_cue(seed_attr, "according to")
    text = seed.loc[0, "text"]
    assert a["source_text"] == "Russian Deputy Foreign Minister Sergei Ryabkov"
    assert text[a["source_start"]:a["source_end"]] == a["source_text"]
    assert a["speaker"] == "Sergei Ryabkov"
    assert a["speaker_role"] == "Deputy Foreign Minister"
    assert a["speaker_affiliation"] == "Russia"
    assert a["source_type"] == "person"
    assert a["kind"] == "according_to"
    assert a["channel"] == "NBC News"
    assert a["content_text"].startswith("Russia has successfully transported Bashar al-Assad")
    assert "NBC" not in a["content_text"]


@pytest.mark.parametrize("cue, lemma, cls", [
    ("described", "describe", "description"),
    ("noted", "note", "neutral"),
    ("said", "say", "neutral"),
    ("mentioned", "mention", "neutral"),
])
def test_seed_ryabkov_is_the_speaker(seed, seed_attr, cue, lemma, cls):
    a = _by_cue(seed_attr, cue)
    assert a["source_text"] == "Ryabkov"
    assert a["speaker"] == "Sergei Ryabkov"  # the surname resolved to the full name
    assert (a["speaker_role"], a["speaker_affiliation"]) == ("Deputy Foreign Minister", "Russia")
    assert (a["cue_lemma"], a["cue_class"]) == (lemma, cls)
    text = seed.loc[0, "text"]
    assert text[a["cue_start"]:a["cue_end"]] == cue


def test_seed_also_mentioned_and_said_contents(seed_attr):
    mentioned = _by_cue(seed_attr, "mentioned")
    assert mentioned["content_text"].startswith("Russia is open to considering another prisoner swap")
    assert mentioned["kind"] == "indirect"
    said = _by_cue(seed_attr, "said")
    assert said["content_text"].startswith("“A new deal would be a healthy step forward")
    assert said["kind"] == "direct"
    described = _by_cue(seed_attr, "described")
    assert described["content_text"] == "Assad’s evacuation as “secured,”"
    assert described["kind"] == "mixed"


def test_seed_pronoun_resolves_to_ryabkov(seed_attr):
    he = seed_attr[seed_attr["source_text"] == "He"]
    assert len(he) == 1 and he.iloc[0]["speaker"] == "Sergei Ryabkov"


def test_seed_kremlin_is_an_organisation(seed_attr):
    rows = seed_attr[seed_attr["source_text"] == "the Kremlin"]
    assert len(rows) == 1
    a = rows.iloc[0]
    assert (a["cue_text"], a["cue_class"]) == ("announced", "announcement")
    assert a["source_type"] == "organization"
    assert a["speaker"] == "Kremlin"
    assert a["content_text"] == "President Vladimir Putin made the decision to grant asylum to Assad"


def test_seed_syrias_interim_leader_is_an_official(seed_attr):
    rows = seed_attr[seed_attr["source_text"] == "Syria’s interim leader"]
    assert len(rows) == 1
    a = rows.iloc[0]
    assert a["source_type"] == "official"
    assert (a["speaker_role"], a["speaker_affiliation"]) == ("interim leader", "Syria")
    assert a["content_text"].startswith("he has assumed the role of caretaker prime minister")


def test_seed_photo_credits_are_not_attributions(seed, seed_attr):
    assert all("AFP" not in str(seed_attr[c].tolist()) for c in ("source_text", "speaker", "content_text", "channel"))
    # captions are not in `text`; and the raw page (captions included) gives no AFP attribution either
    raw = SEED.read_text(encoding="utf-8")
    assert not [a for a in find_attributions(raw) if "AFP" in (a["source_text"] or "") + a["content_text"]]
    for caption in seed.loc[0, "captions"]:
        assert find_attributions(caption) == []


def test_seed_offsets_are_consistent(seed, seed_attr):
    text = seed.loc[0, "text"]
    for a in seed_attr.itertuples():
        assert text[a.cue_start:a.cue_end] == a.cue_text
        assert a.content_spans[0][0] == a.content_start and a.content_spans[-1][1] == a.content_end
        assert a.content_text == " ".join(text[s:e] for s, e in a.content_spans)
        if a.source_start is not pd.NA:
            assert text[a.source_start:a.source_end] == a.source_text


# --------------------------------------------------------------------------- a table of patterns


def _one(text: str, cue: str | None = None) -> dict:
    found = find_attributions(text)
    if cue is not None:
        found = [a for a in found if a["cue_text"] == cue]
    assert len(found) == 1, f"{text!r}: {[(a['source_text'], a['cue_text']) for a in found]}"
    return found[0]


@pytest.mark.parametrize("text, source, cue, content, kind", [
    ('"We will win," Smith said.', "Smith", "said", '"We will win,"', "direct"),
    ("“We will win,” said Jane Smith, a spokeswoman for the campaign.",
     "Jane Smith, a spokeswoman for the campaign", "said", "“We will win,”", "direct"),
    ("Smith said that the plan had failed.", "Smith", "said", "the plan had failed", "indirect"),
    ("Smith said the plan had failed.", "Smith", "said", "the plan had failed", "indirect"),
    ("According to Reuters, the plan failed.", "Reuters", "According to", "the plan failed", "according_to"),
    ("The plan failed, according to officials.", "officials", "according to", "The plan failed", "according_to"),
    ("Smith told reporters that the plan had failed.", "Smith", "told", "the plan had failed", "indirect"),
    ("Smith described the plan as “a failure.”", "Smith", "described", "the plan as “a failure.”", "mixed"),
    ("The economy, Smith said, is in good shape.", "Smith", "said", "The economy is in good shape", "indirect"),
    ("“It is over,” the senator said, “and we lost.”", "the senator", "said", "“It is over,” “and we lost.”",
     "direct"),
    ("''It is over,'' Mr. Smith said.", "Mr. Smith", "said", "''It is over,''", "direct"),
])
def test_patterns(text, source, cue, content, kind):
    a = _one(text, cue)
    assert (a["source_text"], a["content_text"], a["kind"]) == (source, content, kind)


def test_split_quote_gives_two_content_spans():
    text = "“We will win,” she said. “No doubt about it.”"
    a = _one(text)
    assert a["content_spans"] == [(0, 14), (25, 45)]
    assert a["content_text"] == "“We will win,” “No doubt about it.”"


def test_quote_over_several_paragraphs():
    text = "Jane Smith spoke first.\n\n“The first paragraph goes on.\n\n“The second paragraph ends it,” she said."
    a = _one(text, "said")
    assert [text[s:e] for s, e in a["content_spans"]] == [
        "“The first paragraph goes on.", "“The second paragraph ends it,”"]
    assert a["speaker"] == "Jane Smith" and a["kind"] == "direct"


def test_quote_only_paragraph_continues_the_previous_speaker():
    text = "Jane Smith said: “We will win.”\n\n“We will win again.”\n\nThe vote is on Tuesday."
    a = _one(text)
    assert [text[s:e] for s, e in a["content_spans"]] == ["“We will win.”", "“We will win again.”"]


@pytest.mark.parametrize("text, source_type, speaker", [
    ("A senior official, speaking on condition of anonymity, said the talks had stalled.", "anonymous",
     "A senior official"),
    ("A source familiar with the matter said the deal was close.", "anonymous", None),
    ("Officials said the talks failed.", "anonymous", "Officials"),
    ("State television reported that the president had resigned.", "media", "State television"),
    ("NBC News reported that the president had resigned.", "media", "NBC News"),
    ("The Associated Press reported that the vote was delayed.", "agency", "AP"),
    ("A UN report found that 120,000 people had fled.", "document", None),
    ("The Kremlin announced that the talks would resume.", "organization", "Kremlin"),
    ("The interior minister said the border would stay open.", "official", None),
    ("Critics said the bill was cruel.", "group", "Critics"),
    ("Gov. Jane Roe said the roads were closed.", "person", "Jane Roe"),
])
def test_source_types(text, source_type, speaker):
    a = _one(text)
    assert a["source_type"] == source_type
    if speaker is not None:
        assert a["speaker"] == speaker


@pytest.mark.parametrize("text, cls", [
    ("Smith claimed the vote was rigged.", "evaluative"),
    ("Jones admitted that mistakes were made.", "admission"),
    ("Brown denied that he had lied.", "denial"),
    ("Lee insisted that nothing had changed.", "assertive"),
    ("The ministry announced new rules.", "announcement"),
    ("Smith warned that the dam could break.", "warning"),
    ("Smith asked whether the dam could break.", "question"),
])
def test_cue_classes(text, cls):
    assert _one(text)["cue_class"] == cls


@pytest.mark.parametrize("text, channel", [
    ("Smith said in an interview with NBC News that the plan failed.", "NBC News"),
    ("Mayor Jane Smith wrote on X: “The roads are closed.”", "X"),
    ("The ministry said in a statement that the border was closed.", "statement"),
    ("“It is a disgrace,” Sen. Jane Roe (D-Mass.) told CNN.", "CNN"),
    ("The minister told AFP that the border was closed.", "AFP"),
])
def test_channels(text, channel):
    assert _one(text)["channel"] == channel


def test_roles_and_affiliations():
    a = _one("“It is a disgrace,” Sen. Jane Roe (D-Mass.) told CNN.")
    assert (a["speaker"], a["speaker_role"], a["speaker_affiliation"]) == ("Jane Roe", "Senator", "Democratic Party")
    b = _one("John Smith, the mayor of Kestrava, said the roads were closed.")
    assert (b["speaker"], b["speaker_role"], b["speaker_affiliation"]) == ("John Smith", "mayor", "Kestrava")


def test_pronoun_and_surname_resolution():
    text = ("John Smith, the mayor of Kestrava, said the roads were closed. He added that schools would "
            "stay shut.\n\nAnna Berg, a nurse, said the hospital was full. “We need help,” she said. "
            "Smith said later that help was coming.")
    got = [(a["source_text"], a["speaker"], a["speaker_role"]) for a in find_attributions(text)]
    assert got == [
        ("John Smith, the mayor of Kestrava", "John Smith", "mayor"),
        ("He", "John Smith", "mayor"),
        ("Anna Berg, a nurse", "Anna Berg", "nurse"),
        ("she", "Anna Berg", "nurse"),
        ("Smith", "John Smith", "mayor"),
    ]


def test_unresolved_pronoun():
    a = _one("“We will win,” she said.")
    assert (a["source_type"], a["speaker"]) == ("pronoun", None)


def test_nested_attribution_keeps_the_outermost():
    found = find_attributions("Smith said that Jones had told him the plan failed.")
    assert [(a["source_text"], a["cue_text"]) for a in found] == [("Smith", "said")]


def test_non_cues_are_ignored():
    for text in ["The United States said nothing.", "He said so-called experts were wrong.",
                 "All told, 40 people died.", "Reuters (AFP Photo)", "Last Updated: Dec 11, 2024 10:25 AM",
                 "Key details:", "It was his first report on the war."]:
        assert all(a["cue_text"] not in ("States", "told", "report") for a in find_attributions(text)), text
    assert find_attributions("Last Updated: Dec 11, 2024 10:25 AM") == []
    assert find_attributions("It is too soon to say how bad it is.") == []


def test_sample_corpus_patterns():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = mediakit.load_articles(DATA)
    arts = arts[arts["text"].str.len() > 0]
    out = extract_attributions(arts)
    assert set(out["article_id"]) <= set(arts["article_id"])
    # every pattern of data/README.md appears somewhere
    assert (out["source_type"] == "agency").any()
    assert (out["source_type"] == "anonymous").sum() >= 5
    assert (out["source_type"] == "document").any()
    assert (out["channel"] == "X").any()
    assert (out["kind"] == "according_to").any()
    assert (out["content_spans"].map(len) > 1).any()
    told_afp = out[(out["cue_lemma"] == "tell") & (out["channel"] == "AFP")]
    assert len(told_afp) >= 1


# --------------------------------------------------------------------------- tables


def test_columns_dtypes_and_order(seed, seed_attr):
    # the article's outlet and publication time follow article_id (long tables group without a join)
    assert tuple(seed_attr.columns) == ("article_id", "outlet", "published", *ATTRIBUTION_COLUMNS[1:])
    assert (seed_attr["outlet"] == seed.loc[0, "outlet"]).all()
    assert str(seed_attr["published"].dtype) == str(seed["published"].dtype)
    bare = mediakit.extract_attributions(seed.drop(columns=["outlet", "published"]))
    assert tuple(bare.columns) == ATTRIBUTION_COLUMNS
    pd.testing.assert_frame_equal(bare, seed_attr.drop(columns=["outlet", "published"]))
    for c in ("source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end"):
        assert str(seed_attr[c].dtype) == "Int64", c
    for c in ("article_id", "source_text", "speaker", "speaker_role", "speaker_affiliation", "source_type",
              "cue_text", "cue_lemma", "cue_class", "content_text", "kind", "channel"):
        assert str(seed_attr[c].dtype) == "string", c
    assert seed_attr["content_spans"].dtype == object
    assert set(seed_attr["kind"]) <= set(KINDS)
    assert set(seed_attr["source_type"].dropna()) <= set(SOURCE_TYPES)
    classes = {e["class"] for e in cue_lexicon().values()}
    assert set(seed_attr["cue_class"]) <= classes
    assert (seed_attr["article_id"] == seed.loc[0, "article_id"]).all()


def test_empty_and_odd_input_tables():
    empty = extract_attributions(pd.DataFrame({"article_id": [], "text": []}))
    assert tuple(empty.columns) == ATTRIBUTION_COLUMNS and len(empty) == 0
    assert str(empty["cue_start"].dtype) == "Int64"
    odd = pd.DataFrame({"article_id": ["a", "b", "c"], "text": [None, "", "Smith said the plan failed."]})
    before = odd.copy()
    out = extract_attributions(odd)
    pd.testing.assert_frame_equal(odd, before)  # input not modified
    assert out["article_id"].tolist() == ["c"]
    with pytest.raises(ValueError):
        extract_attributions(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(TypeError):
        extract_attributions(["not a frame"])  # type: ignore[arg-type]



def test_input_checks_name_the_function():
    with pytest.raises(MissingColumnError, match="extract_attributions.*article_id"):
        extract_attributions(pd.DataFrame({"text": ["Smith said the plan failed."]}))
    with pytest.raises(ValueError, match="unique"):
        extract_attributions(pd.DataFrame({"article_id": ["a", "a"], "text": ["x", "y"]}))
    with pytest.raises(MissingColumnError, match="attribution_metrics.*text"):
        attribution_metrics(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(TypeError, match="attribution_metrics"):
        attribution_metrics("not a frame")  # type: ignore[arg-type]

def test_attribution_metrics(seed):
    arts = pd.concat([seed[["article_id", "text"]],
                      pd.DataFrame({"article_id": ["empty"], "text": [""]})], ignore_index=True)
    arts.index = [10, 20]
    m = attribution_metrics(arts)
    assert list(m.index) == [10, 20]
    assert m.columns[0] == "article_id" and all(c.startswith("attr_") for c in m.columns[1:])
    assert m.loc[10, "attr_n"] == len(extract_attributions(seed))
    # Sergei Ryabkov, the Kremlin, Syria's interim leader, Moscow ("supporting Damascus", a learned cue form)
    assert m.loc[10, "attr_speakers"] == 4
    assert m.loc[10, "attr_type_person"] == 7 and m.loc[10, "attr_type_organization"] == 2  # the Kremlin, Moscow
    assert m.loc[10, "attr_type_official"] == 1
    assert 0 < m.loc[10, "attr_share_direct"] < 1
    assert m.loc[20, "attr_n"] == 0 and pd.isna(m.loc[20, "attr_share_direct"])
    assert str(m["attr_n"].dtype) == "Int64" and m["attr_share_anonymous"].dtype == float
    for t in SOURCE_TYPES:
        assert f"attr_type_{t}" in m.columns


def test_lexicons_load_and_are_consistent():
    cues = cue_lexicon()
    assert cues["say"]["speech"] and not cues["believe"]["speech"]
    src = source_lexicon()
    assert src["agencies"]["AFP"] and src["demonyms"]["syrian"] == "Syria"


# --------------------------------------------------------------------------- hostile input

_QUOTES = ['"', "“", "”", "‘", "’", "''", "«", "»", "„", "'"]
_WORDS = ["said", "Smith", "according to", "told", "he", "she", "the", "Mr.", "X", ",", ".", ":", "\n\n", "\n",
          "claimed", "according", "to", "officials", "Reuters", "(AFP Photo)", "who", "that", "wrote on X"]


def _check(text: str) -> None:
    for a in find_attributions(text):
        assert 0 <= a["cue_start"] < a["cue_end"] <= len(text)
        assert text[a["cue_start"]:a["cue_end"]] == a["cue_text"]
        assert a["content_spans"] and all(0 <= s < e <= len(text) for s, e in a["content_spans"])
        if a["source_start"] is not None:
            assert 0 <= a["source_start"] < a["source_end"] <= len(text)
        assert a["kind"] in KINDS


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_QUOTES + _WORDS), max_size=60).map(" ".join))
def test_unbalanced_and_nested_quotes_never_raise(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_QUOTES + _WORDS), max_size=40).map("".join))
def test_glued_tokens_never_raise(text):
    _check(text)


# --------------------------------------------------------------------------- fast paths = plain definitions
# The extractor scans with patterns rewritten for speed (benchmarks/bench_attribution.py); each must
# find exactly what its plain definition finds.

_NAMEISH = ["John", "Smith", "O’Brien", "O'Neil", "McDonald", "McDonald’s", "FBI", "OK", "O", "A.", "J.", "de ",
            "van ", "al-", "Jr.", "III", "Mary-Jane", "Smith-jones", "DeSantis", "ABc", "he", "His", "Her", "She",
            "himself", "shed", "Him", "on", "to", "via", "Twitter", "interview", "e-mail", "town hall"]
_CUEISH = ["said", "Said", "says", "told", "tell", "according to", "according\u00a0to", "pointed out", "claimed",
           "Told", "Pointed out", "Pointed Out", "According to", "SAID", "sAid",
           "é", "ésaid", "saidx", "said’", "x", "1", "_", "Ω"]
_GLUE = ["", " ", "  ", "\n", ",", ".", "-", "’", "'", "''", "``", '"', "“", "”", "‘", "«", "—", "\u00a0"]


def _pieces(words):
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(_GLUE)), max_size=12).map(
        lambda ps: "".join(w + g for w, g in ps))


@settings(max_examples=300, deadline=None)
@given(_pieces(_CUEISH + _WORDS))
def test_fast_cue_scan_finds_what_the_lexicon_pattern_finds(text):
    lex = _lexicon.lexicons()
    plain = [(m.span(), m.group(), lemma) for m, lemma in _document.cue_lemmas(lex.cue_form_re.finditer(text))]
    assert [(m.span(), m.group(), lemma) for m, lemma in _document.iter_cues(text)] == plain


_PLAIN = {
    "_MULTI_NAME_RE": re.compile(
        rf"\b{_resolution._NAME_TOKEN}(?:\s+[A-Z]\.(?:\s*[A-Z]\.)*)?"
        rf"(?:\s+(?:{_resolution._PARTICLE})?{_resolution._NAME_TOKEN})+(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?"),
    "_QMARK_RE": re.compile("''|``|[\"“”„«»‘’]"),
    "_GENDER_PRONOUN_RE": re.compile(r"\b(he|his|him|himself|she|her|hers|herself|He|His|She|Her)\b"),
    "_CHANNEL_HINT_RE": re.compile(
        r"interview|tell|told|statement|release|conference|briefing|speech|rally|hearing|debate|letter|e-?mail|"
        r"tweet|post|video|op-?ed|column|essay|book|memo|filing|podcast|\b(?:on|to|via)\s+[A-Z]|town hall|forum|event"),
}

#: the stage module that holds each pattern
_WHERE = {"_MULTI_NAME_RE": _resolution, "_GENDER_PRONOUN_RE": _resolution, "_CHANNEL_HINT_RE": _channel,
          # attribution reads quotations with the shared finder's "typed" style (mediakit.text)
          "_QMARK_RE": types.SimpleNamespace(_QMARK_RE=text_quotes._RULES["typed"].marks)}


@settings(max_examples=300, deadline=None)
@given(_pieces(_NAMEISH), st.data())
def test_fast_patterns_match_their_plain_definitions(text, data):
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    for name, plain in _PLAIN.items():
        fast = getattr(_WHERE[name], name)
        assert [(m.span(), m.groups()) for m in fast.finditer(text, pos, end)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text, pos, end)], name


@given(st.text(alphabet=" \t\n,;:—–-ab\"“'\u00a0", max_size=14), st.data())
def test_strip_span_strips_like_a_loop(text, data):
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(0, len(text)))
    for chars in (" \t\n\r\u00a0,;:—–-", _phrases.SOURCE_STRIP):
        s2, e2 = s, e
        while s2 < e2 and text[s2] in chars:
            s2 += 1
        while e2 > s2 and text[e2 - 1] in chars:
            e2 -= 1
        assert _phrases.strip_span(text, s, e, chars) == (s2, e2)


def test_table_rows_equal_find_attributions(seed):
    texts = [seed.loc[0, "text"], (DATA / "README.md").read_text(encoding="utf-8")[:4000],
             "“We will win,” Sen. Jane Roe said. Prices rose, according to the Associated Press."]
    table = extract_attributions(pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts}))
    rows = [dict(r, article_id=f"a{i}") for i, t in enumerate(texts) for r in find_attributions(t)]
    assert len(table) == len(rows) > 10
    for got, want in zip(table.to_dict("records"), rows, strict=True):
        for c in ATTRIBUTION_COLUMNS:
            g, w = got[c], want[c]
            assert (g is pd.NA and w is None) or g == w, (c, g, w)
