"""Precision on any prose (issue 15 item 4): the prose filters and the speaker lines of the extractor."""

from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution import find_attributions
from mediakit.metrics.attribution._complement import COMPLEMENT_REASONS, complement_reason
from mediakit.metrics.attribution._document import Attr, prepare
from mediakit.metrics.attribution._prose import REASONS, prose_ok, prose_reason
from mediakit.metrics.attribution._speaker_lines import _word_starts, speaker_lines


def _cues(text: str) -> list[tuple[str | None, str]]:
    return [(a["source_text"], a["cue_text"]) for a in find_attributions(text)]


def _attr(text: str, cue: str, source: str | None, content: str) -> Attr:
    cs = text.index(cue)
    src = None if source is None else (text.index(source), text.index(source) + len(source))
    s = text.index(content, cs)
    return Attr((cs, cs + len(cue)), cue.lower(), src, [(s, s + len(content))])


# --------------------------------------------------------------------------- filters, one by one

_LEMMAS = {"calls": "call", "found": "find", "adds": "add", "added": "add", "discussed": "discuss", "said": "say",
           "seeking": "seek",
           "adding": "add", "writing": "write"}


@pytest.mark.parametrize("text, cue, source, content, reason", [
    ("What do you think?", "think", "What do you", "?", "second_person"),
    ("You can write code that is very fast.", "write", "You", "code that is very fast", "second_person"),
    ("Let us know in the comments.", "know", "Let us", "in the comments", "imperative"),
    ("Tell us what he said.", "said", "Tell us what he", "", "imperative"),
    ("Who doesn't know Erin Andrews?", "know", "Who", "Erin Andrews", "question"),
    ("Many families rely on video calls to stay in touch.", "calls", None, "to stay in touch", "noun_cue"),
    ("It requires as much thought as care.", "thought", "much", "as care", "noun_cue"),
    ("The game became popular thanks to Fortnite.", "thanks", "The game became popular", "to Fortnite", "noun_cue"),
    ("It would break annotate/blame for everyone.", "blame", "break annotate/", "for everyone", "noun_cue"),
    ("It's worth noting there is little love lost.", "noting", "It's worth", "there is little love lost",
     "noun_cue"),
    ("An extension called Kartographer draws maps.", "called", "An extension", "Kartographer", "naming"),
    ("They found a trojan for Android developers called Monokle, using tricks.", "called", None, "Monokle",
     "naming"),
    ("That's where I found it.", "found", "I", "it", "pronoun_object"),  # lemma "find", set below
    ("Additional reporting by Steve Gorman; Editing by Marguerita Choy", "reporting", "Additional",
     "by Steve Gorman", "credit"),
    ("Neil MacFarquhar reported from Moscow.", "reported", "Neil MacFarquhar", "from Moscow", "credit"),
    ("Wikipedia is an encyclopedia written by volunteers.", "written", "Wikipedia is an encyclopedia",
     "by volunteers", "passive_agent"),
    ("He fled like the thief his people said he was.", "said", "He fled like the thief his people", "he was",
     "relative_gap"),
    ("We heard what the senator said about the bill.", "said", "the senator", "about the bill", "wh_object"),
    ("The scarcity only adds to the intrigue.", "adds", "The scarcity only", "to the intrigue", "caused_motion"),
    ("The tool would add b'' prefixes to all strings.", "add", "The tool would", "b'' prefixes to all strings",
     "caused_motion"),
    ("Today, we call it entrepreneurial capitalism.", "call", "we", "it entrepreneurial capitalism", "own_naming"),
    ("It deals with the legalization of what we call \u201cdreamers\u201d today.", "call",
     "the legalization of what we", "\u201cdreamers\u201d today", "own_naming"),
    ("It has the structure we want for building a package.", "want", "the structure we", "for building a package",
     "object_relative"),
    ("The POSIX function it calls into is using bytes.", "calls", "The POSIX function it", "into is using bytes",
     "object_relative"),
    ("Now, let me ask you something about the blog.", "ask", "let me", "you something about the blog",
     "imperative"),
    ("Check back soon: we'll be adding new interviews weekly.", "adding", "we", "new interviews weekly",
     "progressive_activity"),
    ("I'm writing this in Lima.", "writing", "I", "this in Lima", "progressive_activity"),
    ("It became the most discussed post on the blog.", "discussed", "It became the most", "post on the blog",
     "noun_cue"),
    ("Police closed in on Europe's most wanted man.", "wanted", "Police closed in on Europe's most", "man",
     "noun_cue"),
    ("Health care was the second most cited issue.", "cited", "Health care was the second most", "issue",
     "noun_cue"),
    ("These SMS messages add some level of urgency.", "add", "These SMS messages", "some level of urgency",
     "plain_object"),
])
def test_each_filter_rejects_its_shape(text, cue, source, content, reason):
    content = content or text[text.index(cue) + len(cue):]
    a = _attr(text, cue, source, content)
    a.lemma = _LEMMAS.get(a.lemma, a.lemma)
    assert prose_reason(prepare(text), a) == reason
    assert not prose_ok(prepare(text), a)
    assert reason in REASONS


@pytest.mark.parametrize("text, cue, source, content", [
    ("Sen. Jane Roe said the plan would fail.", "said", "Sen. Jane Roe", "the plan would fail"),
    ("Some said the plan would fail.", "said", "Some", "the plan would fail"),
    ("Most said they were very worried.", "said", "Most", "they were very worried"),
    ("A poll shows that voters are split.", "shows", "A poll", "voters are split"),
    ("The agency reports that prices rose.", "reports", "The agency", "prices rose"),
    ("Jeff Flake said he would.", "said", "Jeff Flake", "he would"),
    ("Let me say that it was not crowded.", "say", "Let me", "it was not crowded"),
    ("Donald Trump and Hillary Clinton vied, each touting their own plan.", "touting", None, "their own plan"),
    ("He's said that before.", "said", "He", "that before"),
    ("Trump called Clinton a liar on Tuesday.", "called", "Trump", "Clinton a liar"),
    ("The report has been called \"strategic ambiguity\" by critics.", "called", None, "\"strategic ambiguity\""),
    # "add" as a verb of saying: a clause, a quotation, or "to" a hearer
    ("He added that the tax would rise to 40 percent.", "added", "He", "the tax would rise to 40 percent"),
    ("Trump added to People that it made him feel good.", "added", "Trump", "it made him feel good"),
    ("She added, \"We will add jobs to the economy.\"", "added", "She", "\"We will add jobs to the economy.\""),
    # the writer's naming is not "they call it", nor "we call that a scandal" with a clause
    ("Economists call it spending.", "call", "Economists", "it spending"),
    # a relative clause whose gap is the subject of the content: the content is a clause
    ("It is a list of countries he said had sent people.", "said", "a list of countries he", "had sent people"),
    ("The man he is seeking to succeed spoke.", "seeking", "The man he is", "to succeed spoke"),
    ("Let me just say that it was not crowded.", "say", "Let me just", "it was not crowded"),
    ("She was adding that the plan would fail.", "adding", "She", "the plan would fail"),
    ("He is writing: \"The plan will fail.\"", "writing", "He", "\"The plan will fail.\""),
    # "add" with a clause without "that", or a quotation later in the sentence, still reports
    ("He said so, adding the U.S. must be equally global.", "adding", None, "the U.S. must be equally global"),
    ("Then she added a caveat: \"I will vote for him.\"", "added", "she", "a caveat: \"I will vote for him.\""),
    ("It is the most widely read column.", "read", "It", "column"),
])
def test_news_shapes_are_kept(text, cue, source, content):
    a = _attr(text, cue, source, content)
    a.lemma = _LEMMAS.get(a.lemma, a.lemma)
    assert prose_reason(prepare(text), a) is None


def test_the_reader_and_the_page_are_not_sources():
    text = ("What do you think? Let us know in the comments.\n\n"
            "Many families now rely on video calls to stay in touch.\n\n"
            "You can write code in Rust that is very fast.\n\n"
            "Neil MacFarquhar reported from Moscow.\n\n"
            "Additional reporting by Steve Gorman; Editing by Marguerita Choy\n\n"
            "Photo: John Smith / Getty Images\n\n"
            "Our Standards: The Thomson Reuters Trust Principles.")
    assert find_attributions(text) == []


def test_a_question_to_the_reader_does_not_hide_the_attribution_inside():
    # the filter runs before the candidate can hide the cues of its content
    assert ("the senator", "said") in _cues("Do you know that the senator said the bill was dead?")


def test_wire_news_is_untouched():
    text = ("\u201cWe will win,\u201d Sen. Jane Roe said on Tuesday. Prices rose, according to the Associated "
            "Press. Some analysts believe the plan will fail.")
    assert [c for _, c in _cues(text)] == ["said", "according to", "believe"]


# --------------------------------------------------------------------------- speaker lines

def _lines(text: str) -> list[tuple[str | None, str]]:
    doc = prepare(text)
    out = []
    for a in speaker_lines(doc):
        src = None if a.source is None else text[a.source[0]:a.source[1]]
        out.append((src, text[a.content[0][0]:a.content[-1][1]]))
    return out


@pytest.mark.parametrize("text, expected", [
    ('Gerald F. Seib, The Wall Street Journal: "The president has a problem."',
     [("Gerald F. Seib, The Wall Street Journal", '"The president has a problem."')]),
    ('Rep. Trey Gowdy (R-S.C.): "I have not heard that."', [("Rep. Trey Gowdy (R-S.C.)", '"I have not heard that."')]),
    ("MS. CLINTON: I think we need a new approach.\n\nTRUMP: That is wrong.",
     [("MS. CLINTON", "I think we need a new approach"), ("TRUMP", "That is wrong")]),
    ("Q: Why did you run?\n\nA: Because the country needed it.",
     [(None, "Why did you run?"), (None, "Because the country needed it")]),
    ("The polls missed - Mark Blumenthal and Jon Cohen: \u201cThe turnout was the story.\u201d",
     [("Mark Blumenthal and Jon Cohen", "\u201cThe turnout was the story.\u201d")]),
    ("Fiorina: Time for a new strategy.\n\nCarly Fiorina spoke in Iowa.",
     [("Fiorina", "Time for a new strategy")]),
    ("Pew Research: Most voters are undecided.", [("Pew Research", "Most voters are undecided")]),
])
def test_speaker_line_shapes(text, expected):
    assert _lines(text) == expected


@pytest.mark.parametrize("text", [
    "Photo: John Smith / Getty Images\n\nThe storm hit the coast.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Review: A Plague Tale is great fun for a weekend.",
    "Header Image: People have lived in these forests for millennia.",
    "Moderator: Hass Chapman\n\nAgenda",
    "UPDATE: The bridge is closed.",
    "WASHINGTON: The Senate voted on Tuesday.",
    "MOSCOW: The Kremlin said nothing on Tuesday.",
    "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink.",
    "The meeting starts at 10:30 in the hall.",
    "Key details: The plan was approved.",
])
def test_page_labels_are_not_speakers(text):
    assert _lines(text) == []


def test_section_headings_of_common_nouns_are_not_speakers():
    # the head's words are written in lower case elsewhere in the text: a section title, not a name
    terms = ("Ownership: You acknowledge that the company owns the site.\n\n"
             "Third Party Content: Sites may hold third party content.\n\n"
             "Ownership: The company does not claim ownership of your content.")
    assert _lines(terms) == []
    # a surname mentioned elsewhere, a repeated interview head and plural officials stay speakers
    interview = ("Cohen: We saw it coming.\n\nCohen: The turnout was low.\n\nJon Cohen runs the poll.")
    assert [s for s, _ in _lines(interview)] == ["Cohen", "Cohen"]
    officials = "Officials: The bridge stays closed.\n\nOfficials: The road opens Monday.\n\nThe officials met."
    assert [s for s, _ in _lines(officials)] == ["Officials", "Officials"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Smith", "smith", "Smiths", "a", "a.a", "-", "_", "\u2019", "'", " ", ".", "\u00e9",
                                 "2", "\u00bd"]), max_size=14).map("".join),
       st.sampled_from(["Smith", "smith", "a.a", "a"]))
def test_whole_word_search_is_the_pattern(text, word):
    # the speaker-line checks find a head's words with str.find, as the pattern they replace did
    plain = re.compile(rf"(?<![\w\u2019'-]){re.escape(word)}(?![\w\u2019'-])")
    assert list(_word_starts(text, word)) == [m.start() for m in plain.finditer(text)]


def test_a_transcript_turn_keeps_the_attributions_inside_it_nested():
    text = "KATE BOLDUAN: Why not debate?\n\nJOEL BENENSON: This is a man who said he would never run."
    rows = find_attributions(text)
    assert [(r["source_text"], r["cue_text"]) for r in rows] == [("KATE BOLDUAN", ":"), ("JOEL BENENSON", ":")]


# --------------------------------------------------------------------------- odd text never raises

_ODD = st.lists(st.sampled_from(list("ab AB:\"'\u201c\u201d?!.,-/\n()QYOU")
                                + ["you ", "said ", "Q: ", "MS. X: ", "calls ", "Let us ", "reporting by "]),
                max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ODD)
def test_odd_text_never_raises(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = find_attributions(text)
    doc = prepare(text)
    for a in speaker_lines(doc):
        assert 0 <= a.cue[0] < a.cue[1] <= len(text)
        assert all(0 <= s < e <= len(text) for s, e in a.content)
    for r in rows:
        assert 0 <= r["cue_start"] < r["cue_end"] <= len(text)


# --------------------------------------------------------------------------- real data

@pytest.mark.slow
@pytest.mark.corpus
def test_polnear_train_filters_reject_few_news_attributions(corpora):
    import mediakit as mk
    from mediakit.metrics.attribution import _extract

    arts = mk.datasets.load_polnear(corpora / "polnear", split="train").head(150)
    rejected: list[str] = []
    kept = 0

    def spy(doc, a):
        nonlocal kept
        r = prose_reason(doc, a)
        if r is None:
            kept += 1
        else:
            rejected.append(r)
        return True

    original = _extract.prose_ok
    _extract.prose_ok = spy
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            mk.extract_attributions(arts)
    finally:
        _extract.prose_ok = original
    assert kept > 1000
    # news: the filters seldom fire (2.5% of these 150 articles at stop 43, 59 of 2,337: the wh-object rule rejects
    # candidates the new relative rules read, "what her team calls ..."; 0.6% on all train at stop 40)
    assert len(rejected) / (kept + len(rejected)) < 0.03


def test_transcript_turns_are_marked_as_transcript():
    doc = prepare("Q: Why?\n\nA: Because.\n\nGerald Seib, The Journal: \u201cNo.\u201d")
    assert [a.frame for a in speaker_lines(doc)] == ["transcript", "transcript", "colon"]


def test_verbs_in_another_sense_are_not_cues_end_to_end():
    text = ("The scarcity only adds to the intrigue. Today, we call it entrepreneurial capitalism. "
            "It has the structure we want for building a package. "
            "Jane Roe added that the tax would rise. Economists call it spending.")
    assert _cues(text) == [("Jane Roe", "added"), ("Economists", "call")]


# --------------------------------------------------------------------------- complements and subjects (_complement)

@pytest.mark.parametrize("text, cue, lemma, source, content, reason", [
    ("He knew how to let up.", "knew", "know", "He", "how to let up", "ability_complement"),
    ("The tool is aware of how to build an image.", "aware", "aware", "The tool", "of how to build an image",
     "ability_complement"),
    ("Having described the history, I turn to Python.", "described", "describe", None, "the history",
     "perfect_participle"),
    ("Should we know who they are?", "know", "know", "Should we", "who they are", "writer_question"),
    ("Species that call it home live there.", "call", "call", "Species that", "it home", "idiom"),
    ("There is enormous demand for dollars.", "demand", "demand", "There is enormous", "for dollars",
     "existential_noun"),
    ("While found in other parts of Germany, it is rare.", "found", "find", None, "in other parts of Germany",
     "reduced_passive"),
    ("It is a more reasonable solution that better acknowledges the realities.", "acknowledges", "acknowledge",
     "a more reasonable solution that better", "the realities", "source_not_np"),
])
def test_each_complement_rule_rejects_its_shape(text, cue, lemma, source, content, reason):
    a = _attr(text, cue, source, content)
    a.lemma = lemma
    assert prose_reason(prepare(text), a) == reason
    assert reason in COMPLEMENT_REASONS and reason in REASONS


@pytest.mark.parametrize("text, cue, lemma, source, content", [
    ("He knew that the plan would fail.", "knew", "know", "He", "the plan would fail"),
    ("She knows what happened that night.", "knows", "know", "She", "what happened that night"),
    ("Officials were aware of the risks.", "aware", "aware", "Officials", "of the risks"),
    ("Her daughter likes to sing.", "likes", "like", "Her daughter", "to sing"),  # PolNeAR marks liking
    ("Regulators didn't know what to make of him.", "know", "know", "Regulators", "what to make of him"),
    ("Does he know what that entails?", "know", "know", "he", "what that entails"),  # not the writer's question
    ("Critics call it a tax.", "call", "call", "Critics", "it a tax"),
    ("There is a poll that found voters split.", "found", "find", "a poll that", "voters split"),
    ("The most senior officials said the plan would fail.", "said", "say", "The most senior officials",
     "the plan would fail"),
])
def test_complement_rules_keep_news_shapes(text, cue, lemma, source, content):
    a = _attr(text, cue, source, content)
    a.lemma = lemma
    assert complement_reason(prepare(text), a, [w.lower() for w in (source or "").split()]) is None


def test_multiword_participle_after_said_is_an_attribution():
    # "referring to" is a participle like "adding": the first word carries the inflection
    text = '"I am a unifier," Trump said, referring to Barack Obama.'
    assert ("Trump", "referring to") in _cues(text)
    assert ("Trump", "referring to") in _cues("Trump spoke for an hour, referring to the wall.")


def test_ticker_and_label_colons_are_not_speaker_lines():
    cues = [c for _, c in _cues("Hyatt Hotels Corporation (NYSE: H) announced the opening of a resort.")]
    assert cues == ["announced"]  # the colon inside the bracket is a stock ticker, not a speaker line
    text = "Myth: Men talk about sports.\n\nTruth: 45% of fans are female.\n\nTruth: Women watch the games."
    assert all(c != ":" for _, c in _cues(text))


def test_plural_nouns_before_a_modal_are_not_cues():
    assert _cues("Polarized radio signals might come from planets.") == []
    assert _cues("They probe the fleeting blasts of radiation.") == []


# --------------------------------------------------------------------------- 4 Dec 2026 pass (helper H1)


@pytest.mark.parametrize("text", [
    "It offers a package and environment manager called conda, and a new package format.",
    "Researchers have also spotted a remote access trojan for Android called Monokle, using novel techniques.",
    "It is more accommodating - and dare I say empathetic - to its users.",
])
def test_names_and_the_writers_hedge_are_not_attributions(text):
    assert _cues(text) == []


@pytest.mark.parametrize("text, cue", [
    ("Speaking at a rally, Trump called Clinton, his Democratic challenger, an ISIS co-founder.", "called"),
    ("At the time, Mr. Manafort called Mr. Yanukovych, a former director, a reformer.", "called"),
    ("I dare say the plan will fail, he said.", "said"),
])
def test_calling_someone_something_and_plain_reports_are_kept(text, cue):
    assert cue in [c for _, c in _cues(text)]
