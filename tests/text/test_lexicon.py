"""Tests for mediakit.lexicon: loading, validation and matching of word-choice lexicons."""

from __future__ import annotations

import re
import time

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.lexicon import (
    DEFAULT_LEXICON,
    Lexicon,
    available_lexicons,
    load_lexicon,
    prepare,
)

from ..conftest import PROJECT

LEXICON_DIR = PROJECT / "mediakit" / "lexicons"


@pytest.fixture(scope="module")
def framing() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="module")
def markers() -> Lexicon:
    return load_lexicon("markers")


def found(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    """(variant, matched text) for every match, checking offsets on the way."""
    out = []
    for m in lex.find(text):
        assert text[m.start:m.end] == m.match
        out.append((m.variant, m.match))
    return out


# --------------------------------------------------------------------------- matching table

MATCH_CASES = [
    # inflections and possessives, straight and curly apostrophes
    pytest.param("The regime fell.", [("regime", "regime")], id="base"),
    pytest.param("Two regimes met.", [("regime", "regimes")], id="plural"),
    pytest.param("The regime's army", [("regime", "regime's")], id="possessive-straight"),
    pytest.param("The regime\u2019s army", [("regime", "regime\u2019s")], id="possessive-curly"),
    pytest.param("The regimes\u2019 armies", [("regime", "regimes")], id="plural-possessive-curly"),
    pytest.param("The regimes' armies", [("regime", "regimes")], id="plural-possessive-straight"),
    pytest.param("THE REGIME", [("regime", "REGIME")], id="upper-case"),
    pytest.param("Regime change", [("regime_change", "Regime change")], id="longer-phrase-wins"),
    pytest.param("Three insurgencies", [("insurgents", "insurgencies")], id="y-to-ies"),
    # word boundaries
    pytest.param("A regimental band", [], id="regimental-no-match"),
    pytest.param("preregime talks", [], id="no-match-inside-word"),
    pytest.param("regime2 and regime_x", [], id="no-match-next-to-digit-or-underscore"),
    pytest.param("pro-regime forces", [("regime_forces", "pro-regime forces")], id="hyphen-compound"),
    pytest.param("pro-regime militias", [("regime_forces", "pro-regime militias")], id="compound-plural"),
    pytest.param("rebel-held towns", [("rebel_held", "rebel-held")], id="compound-not-rebel"),
    pytest.param("regime-backed gangs", [], id="compound-right-side"),
    # phrases across white space, hyphen/space variants, and the shorter term inside
    pytest.param("opposition fighters", [("opposition_fighters", "opposition fighters")], id="phrase"),
    pytest.param("opposition  \n fighters", [("opposition_fighters", "opposition  \n fighters")],
                 id="phrase-any-white-space"),
    pytest.param("fighters", [("fighters", "fighters")], id="sub-term-alone"),
    pytest.param("anti-regime forces", [("anti_regime_forces", "anti-regime forces")], id="hyphen"),
    pytest.param("anti regime forces", [("anti_regime_forces", "anti regime forces")], id="hyphen-as-space"),
    pytest.param("antiregime forces", [("anti_regime_forces", "antiregime forces")], id="hyphen-dropped"),
    pytest.param("Anti\u2011Regime Forces", [("anti_regime_forces", "Anti\u2011Regime Forces")],
                 id="non-breaking-hyphen-and-case"),
    pytest.param("pro-life", [("pro_life", "pro-life")], id="pro-life"),
    pytest.param("pro life", [("pro_life", "pro life")], id="pro-life-space"),
    pytest.param("prolife", [("pro_life", "prolife")], id="pro-life-joined"),
    pytest.param("gun-control laws", [("gun_control", "gun-control")], id="space-term-as-hyphen"),
    # verbs: listed forms, and the -s rule
    pytest.param("toppled", [("toppled", "toppled")], id="toppled"),
    pytest.param("topple", [("toppled", "topple")], id="topple"),
    pytest.param("toppling", [("toppled", "toppling")], id="toppling"),
    pytest.param("topples", [("toppled", "topples")], id="topples"),
    # ignore phrases
    pytest.param("Amnesty International said", [], id="ignore-amnesty-international"),
    pytest.param("an amnesty for", [("amnesty", "amnesty")], id="amnesty"),
    pytest.param("the tax regime", [], id="ignore-tax-regime"),
    # case-sensitive term
    pytest.param("repeal the ACA now", [("affordable_care_act", "ACA")], id="case-sensitive"),
    pytest.param("repeal the aca now", [], id="case-sensitive-lower"),
    pytest.param("THE ACA'S COSTS", [("affordable_care_act", "ACA'S")], id="case-sensitive-possessive"),
    # several matches, left to right
    pytest.param(
        "The rebels\u2019 leader said the dictator was ousted.",
        [("rebels", "rebels"), ("leader", "leader"), ("dictator", "dictator"), ("ousted", "ousted")],
        id="several",
    ),
]


@pytest.mark.parametrize("text, expected", MATCH_CASES)
def test_matching_table(framing, text, expected):
    assert found(framing, text) == expected


MARKER_CASES = [
    pytest.param("It may rain.", [("modal", "may")], id="may-modal"),
    pytest.param("On May 5 it rained.", [], id="May-month"),
    pytest.param("the so-called truce", [("distancing", "so-called")], id="so-called"),
    pytest.param("the so called truce", [("distancing", "so called")], id="so-called-space"),
    pytest.param("a very, very big deal", [("degree_adverb", "very"), ("degree_adverb", "very")], id="twice"),
    pytest.param("The group claimed responsibility.", [], id="ignore-claimed-responsibility"),
    pytest.param("He claimed victory.", [("distancing", "claimed")], id="claimed"),
    pytest.param("It could not be independently verified.",
                 [("distancing", "could not be independently verified")], id="longest-hedge"),
]


@pytest.mark.parametrize("text, expected", MARKER_CASES)
def test_marker_table(markers, text, expected):
    assert found(markers, text) == expected


def test_overlapping_terms_count_once(framing):
    text = "Opposition fighters and anti-regime forces, not the regime, took the town."
    matches = framing.find(text)
    variants = [m.variant for m in matches]
    assert variants.count("opposition_fighters") == 1
    assert "fighters" not in variants
    assert variants.count("anti_regime_forces") == 1
    # "regime" only once: the standalone word, not the one inside "anti-regime forces"
    regime = [m for m in matches if m.variant == "regime"]
    assert len(regime) == 1 and text[regime[0].start - 4:regime[0].start] == "the "


def test_overlap_across_patterns_is_leftmost_longest():
    """Terms with different first words compete: leftmost wins, then the longest."""
    lex = load_lexicon({"f": {"ab": ["alpha beta"], "bg": ["beta gamma delta"], "b": ["beta"],
                              "g": ["gamma"], "d": ["delta"]}})
    text = "alpha beta gamma delta"
    assert [m.match for m in lex.find(text)] == ["alpha beta", "gamma", "delta"]
    assert [m.match for m in lex.find("beta gamma delta")] == ["beta gamma delta"]
    assert [m.match for m in lex.find("beta gamma")] == ["beta", "gamma"]


def test_listed_plural_beats_generated_plural():
    lex = load_lexicon({"f": {"one": ["rebel"], "many": ["rebels"]}})
    assert [(m.variant, m.match) for m in lex.find("a rebel and rebels")] == [
        ("one", "rebel"), ("many", "rebels")]


def test_matcher_is_built_once(framing):
    assert framing.matcher() is framing.matcher()
    assert load_lexicon() is load_lexicon()
    d = {"f": {"v": ["alpha"]}}
    assert load_lexicon(d).matcher() is load_lexicon(d).matcher()


def test_prepared_text_is_shared_between_matchers(framing, markers):
    text = "The so-called regime allegedly collapsed."
    p = prepare(text)
    assert framing.matcher().find(p) == framing.matcher().find(text)
    assert markers.matcher().find(p) == markers.matcher().find(text)


def test_lexicon_pickles_for_process_pools(framing):
    import pickle

    framing.matcher()
    copy = pickle.loads(pickle.dumps(framing))
    assert copy == framing and copy.describe().equals(framing.describe())
    assert copy.find("the regime") == framing.find("the regime")


def test_empty_and_none(framing):
    assert framing.find("") == []
    assert framing.find(None) == []
    assert framing.matcher().find("") == []


# --------------------------------------------------------------------------- reference matcher


def _plural(w: str) -> str | None:
    if not w[-1].isalpha():
        return None
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if len(w) > 1 and w[-1] == "y" and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def _reference_patterns(lex: Lexicon) -> list[tuple[re.Pattern[str], bool, int]]:
    """One regex per term, written from the documented rules, independently of the trie."""
    entries = [(t.term, t.case_sensitive) for t in lex.terms] + [(p, False) for p in lex.ignore]
    listed = {re.sub("[ -]", "", t if cs else t.lower()) for t, cs in entries}
    out = []
    for i, (term, cs) in enumerate(entries):
        parts = re.split(r"([ -])", term)
        words, seps = parts[0::2], parts[1::2]
        last = words[-1]
        pl = _plural(last)
        forms = [last]
        if pl and re.sub("[ -]", "", "".join(words[:-1]) + pl).lower() not in listed:
            forms.insert(0, pl)

        def lit(w: str) -> str:
            return "".join("['\u2019]" if c == "'" else re.escape(c) for c in w)

        rx = ""
        for k, w in enumerate(words[:-1]):
            rx += lit(w) + (r"(?:\s+|[-\u2010\u2011])?" if seps[k] == "-" else r"(?:\s+|[-\u2010\u2011])")
        rx += "(?:" + "|".join(lit(f) for f in forms) + ")"
        rx = (r"(?<!\w)(?<!\w[-\u2010\u2011'\u2019])" + rx
              + r"(?:['\u2019][sS])?(?!\w)(?![-\u2010\u2011'\u2019]\w)")
        out.append((re.compile(rx), cs, i))
    return out


def reference_find(lex: Lexicon, text: str) -> list[tuple[int, int, int]]:
    """Leftmost-longest by brute force: at each position try every term."""
    low = prepare(text).lower
    pats = _reference_patterns(lex)
    out = []
    pos = 0
    while pos < len(text):
        best = None
        for p in range(pos, len(text)):
            for rx, cs, i in pats:
                m = rx.match(text if cs else low, p)
                if m and (best is None or m.end() > best[1]):
                    best = (p, m.end(), i)
            if best:
                break
        if best is None:
            break
        if best[2] < len(lex.terms):
            out.append(best)
        pos = best[1]
    return out


SMALL = load_lexicon({
    "families": {
        "f": {"variants": {
            "ab": ["alpha beta", "alpha-beta gamma"],
            "b": ["beta", "gamma delta"],
            "bg": ["beta gamma"],
            "x": ["ally", "x-ray", "boss"],
            "case": [{"term": "May", "case_sensitive": True}],
            "apos": ["gaza's health"],
        }},
        "g": {"rebels": ["rebel"], "rebels_listed": ["rebels"], "opp": ["opposition fighters"],
              "fighters": ["fighter"]},
    },
    "ignore": ["beta blocker"],
})

_PIECES = ["alpha", "beta", "gamma", "delta", "ally", "allies", "x", "ray", "xray", "boss", "bosses",
           "may", "May", "gaza", "health", "rebel", "rebels", "opposition", "fighters", "blocker",
           " ", "  ", "\n", "-", "\u2011", "'s", "\u2019s", "'", "\u2019", ".", ",", "_", "1",
           "\u00e9", "\u0130", "A", "s", "S", "'S", "es", "MAY"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_matches_equal_brute_force_reference(text):
    assert SMALL.matcher().find(text) == reference_find(SMALL, text)


def test_default_lexicon_equals_reference_on_seed(framing, seed_path):
    text = seed_path.read_text(encoding="utf-8")[:1500]
    assert framing.matcher().find(text) == reference_find(framing, text)


# --------------------------------------------------------------------------- arbitrary text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_offsets_are_sane(text):
    for lex in (load_lexicon(), load_lexicon("markers")):
        matches = lex.find(text)
        prev_end = 0
        for m in matches:
            assert 0 <= m.start < m.end <= len(text)
            assert m.start >= prev_end  # sorted, non-overlapping
            assert text[m.start:m.end] == m.match
            prev_end = m.end


_WORDS = st.sampled_from(["regime", "Regime", "regimes", "anti-regime", "forces", "opposition",
                          "fighters", "ousted", "so-called", "may", "May", "\u2019s", "'s", "-", " ",
                          "\n", "  ", ".", "tax", "death", "pro", "life", "\u00a0", "\u2029"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=40).map("".join))
def test_lexicon_like_text_never_raises(text):
    for lex in (load_lexicon(), load_lexicon("markers")):
        prev_end = 0
        for start, end, i in lex.matcher().find(text):
            assert prev_end <= start < end <= len(text)
            assert 0 <= i < len(lex.terms)
            prev_end = end


# --------------------------------------------------------------------------- shipped lexicons


def test_available_lexicons():
    assert available_lexicons() == ["framing", "markers"]
    assert DEFAULT_LEXICON in available_lexicons()


def test_unknown_name_lists_known_ones():
    with pytest.raises(ValueError, match=r"unknown lexicon 'framin'.*\['framing', 'markers'\]"):
        load_lexicon("framin")


def test_shipped_framing_lexicon_shape(framing):
    assert len(framing.families) >= 30
    for family in ("state_government", "removal_from_power", "armed_opposition", "migrant_labels",
                   "abortion_opponents", "abortion_supporters", "estate_tax", "climate_labels",
                   "gun_policy", "tax_cuts", "interrogation", "west_bank_status", "health_care_law",
                   "military_action", "casualty_verbs", "civilian_labels", "leader_labels"):
        assert family in framing.families, family
        assert len(framing.families[family]) >= 2, family
        assert framing.family_info(family).get("description"), family
    sg = framing.families["state_government"]
    for variant in ("regime", "government", "administration", "authorities"):
        assert variant in sg
    ao = framing.families["armed_opposition"]
    for variant in ("rebels", "insurgents", "militants", "opposition_fighters", "anti_regime_forces",
                    "anti_government_fighters", "jihadists", "terrorists", "freedom_fighters"):
        assert variant in ao


def test_shipped_markers_lexicon_shape(markers):
    assert list(markers.families) == ["hedge", "intensifier", "subjective"]
    hedges = {t.term for t in markers.terms if t.family == "hedge"}
    for w in ("allegedly", "reportedly", "claimed", "purportedly", "apparently", "supposedly",
              "so-called", "may", "might", "could"):
        assert w in hedges, w
    intens = {t.term for t in markers.terms if t.family == "intensifier"}
    for w in ("very", "extremely", "massive", "huge", "absolutely"):
        assert w in intens, w


@pytest.mark.parametrize("name", ["framing", "markers"])
def test_shipped_files_state_sources_and_licence(name):
    text = (LEXICON_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    header = "\n".join(ln for ln in text.splitlines()[:40] if ln.startswith("#"))
    assert "LICENCE" in header and "MIT" in header
    assert "mediakit" in header
    if name == "markers":
        assert "GPL" in header and "NOT used" in header  # MPQA is not copied


@pytest.mark.parametrize("name", ["framing", "markers"])
def test_shipped_names_are_column_safe(name):
    lex = load_lexicon(name)
    for family, variant in lex.variant_keys:
        for part in (family, variant):
            assert re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", part)
            assert f"wc_{family}__{variant}_n".isidentifier()


def test_family_sources_refer_to_header(framing):
    text = (LEXICON_DIR / "framing.yaml").read_text(encoding="utf-8")
    header = "\n".join(ln for ln in text.splitlines() if ln.startswith("#"))
    for family in framing.families:
        source = framing.family_info(family).get("source", "")
        for tag in re.findall(r"\b([A-Z]+(?:-\d{4})?)\b", source):
            assert tag in header, (family, tag)


# --------------------------------------------------------------------------- loading


def test_to_frame_is_tidy_and_round_trips(framing):
    frame = framing.to_frame()
    assert list(frame.columns) == ["family", "variant", "term", "case_sensitive"]
    assert len(frame) == len(framing.terms)
    assert not frame.duplicated(["family", "variant", "term"]).any()
    assert load_lexicon(framing.to_frame(ignore=True)) == framing


def test_dict_source():
    lex = load_lexicon({"estate_tax": {"estate_tax": ["estate tax"], "death_tax": ["Death  Tax"]}})
    assert lex.families["estate_tax"]["death_tax"] == ("death tax",)
    assert [m.variant for m in lex.find("the death-tax and the estate tax")] == ["death_tax", "estate_tax"]


def test_dataframe_source():
    df = pd.DataFrame({
        "family": ["labels", "labels", "_ignore"],
        "variant": ["regime", "government", ""],
        "term": ["regime", "government", "tax regime"],
        "case_sensitive": [False, "no", None],
    })
    lex = load_lexicon(df)
    assert lex.ignore == ("tax regime",)
    assert [m.variant for m in lex.find("the regime, the government, the tax regime")] == [
        "regime", "government"]


def test_yaml_path_source(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump({"leaders": {"dictator": ["dictator", "despot"],
                                                "president": ["president"]}}), encoding="utf-8")
    lex = load_lexicon(path)
    assert lex.name == "mine"
    assert lex.families["leaders"]["dictator"] == ("dictator", "despot")
    assert load_lexicon(str(path)) == lex


def test_csv_and_tsv_path_source(tmp_path):
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text("# my lexicon\nfamily,variant,term,case_sensitive\n"
                        "health,aca,ACA,true\nhealth,obamacare,Obamacare,\n", encoding="utf-8")
    lex = load_lexicon(csv_path)
    assert [(t.term, t.case_sensitive) for t in lex.terms] == [("ACA", True), ("obamacare", False)]
    tsv_path = tmp_path / "mine.tsv"
    tsv_path.write_text("family\tvariant\tterm\nhealth\tobamacare\tobamacare\n", encoding="utf-8")
    assert load_lexicon(tsv_path).families["health"]["obamacare"] == ("obamacare",)


def test_extend_merges_over_default(framing):
    lex = load_lexicon({
        "state_government": {"junta": ["military council"], "regime": ["the authorities"]},
        "my_family": {"one": ["frobnicate"]},
    }, extend=True)
    assert lex.families["state_government"]["junta"] == ("junta", "military junta", "military council")
    # "authorities" stays where the default has it; the user's new phrase joins "regime"
    assert "the authorities" in lex.families["state_government"]["regime"]
    assert "my_family" in lex.families
    assert list(lex.families)[: len(framing.families)] == list(framing.families)
    assert len(lex.terms) == len(framing.terms) + 3
    # a term the default files elsewhere moves to where the user puts it
    moved = load_lexicon({"state_government": {"regime": ["dictatorship"]}}, extend=True)
    assert "dictatorship" in moved.families["state_government"]["regime"]
    assert "dictatorship" not in moved.families["state_government"]


def test_extend_a_named_lexicon_and_user_term_overrides_ignore():
    lex = load_lexicon({"hedge": {"mine": ["it is said"]}}, extend="markers")
    assert "mine" in lex.families["hedge"]
    assert "modal" in lex.families["hedge"]
    lex2 = load_lexicon({"ngo": {"amnesty_international": ["amnesty international"]}}, extend=True)
    assert "amnesty international" not in lex2.ignore
    assert [m.variant for m in lex2.find("Amnesty International said")] == ["amnesty_international"]


def test_select_and_describe(framing):
    sub = framing.select(["estate_tax", "climate_labels"])
    assert list(sub.families) == ["estate_tax", "climate_labels"]
    assert sub.find("the death tax")[0].variant == "death_tax"
    assert sub.find("the regime") == []
    desc = framing.describe()
    assert list(desc.columns) == ["description", "source", "variants", "n_terms"]
    assert desc.loc["estate_tax", "n_terms"] == 3
    with pytest.raises(KeyError, match="no families"):
        framing.select(["nope"])


# --------------------------------------------------------------------------- errors

BAD_LEXICONS = [
    pytest.param({}, r"no families", id="empty"),
    pytest.param({"Armed opposition": {"rebels": ["rebel"]}},
                 r"family name 'Armed opposition' is not a snake_case identifier.*'armed_opposition'",
                 id="bad-family-name"),
    pytest.param({"armed": {"Rebels!": ["rebel"]}}, r"variant name 'Rebels!'", id="bad-variant-name"),
    pytest.param({"armed": {"double__under": ["rebel"]}}, r"variant name 'double__under'",
                 id="double-underscore"),
    pytest.param({"armed": ["rebel"]}, r"family 'armed' must map variant names to lists of terms",
                 id="family-not-mapping"),
    pytest.param({"armed": {"rebels": 42}}, r"family 'armed', variant 'rebels': expected a list of terms",
                 id="variant-not-list"),
    pytest.param({"armed": {"rebels": []}}, r"variant 'rebels': the variant has no terms", id="empty-variant"),
    pytest.param({"armed": {}}, r"family 'armed' has no variants", id="no-variants"),
    pytest.param({"armed": {"rebels": ["rebel", 3]}}, r"variant 'rebels': term 2 is 3 \(int\)",
                 id="term-not-string"),
    pytest.param({"armed": {"rebels": ["  "]}}, r"variant 'rebels': empty term", id="blank-term"),
    pytest.param({"armed": {"rebels": ["-rebel"]}}, r"term '-rebel' is not a word or phrase",
                 id="leading-hyphen"),
    pytest.param({"armed": {"rebels": ["..."]}}, r"term '...' is not a word or phrase", id="no-letters"),
    pytest.param({"armed": {"rebels": ["rebel"], "militants": ["Rebel"]}},
                 r"term 'rebel' is listed under both armed/rebels .* and armed/militants",
                 id="duplicate-term"),
    pytest.param({"armed": {"rebels": [{"term": "rebel", "case": True}]}},
                 r"term 1 is .*a term is a string or \{term: \.\.\., case_sensitive", id="bad-term-mapping"),
    pytest.param({"armed": {"rebels": [{"term": "rebel", "case_sensitive": "yes"}]}},
                 r"case_sensitive of term 1 must be true or false", id="bad-case-flag"),
    pytest.param({"families": {"a": {"v": ["x"]}}, "ignore": ["x"]},
                 r"'x' is both a term \(a/v\) and an ignore phrase", id="term-and-ignore"),
    pytest.param({"families": {"a": {"v": ["x"]}}, "extra": 1}, r"unknown top-level keys \['extra'\]",
                 id="unknown-top-key"),
]


@pytest.mark.parametrize("source, message", BAD_LEXICONS)
def test_malformed_lexicons_raise_clear_errors(source, message):
    with pytest.raises(ValueError, match=message):
        load_lexicon(source)


def test_malformed_table_errors(tmp_path):
    with pytest.raises(ValueError, match=r"needs columns family, variant, term.*missing \['term'\]"):
        load_lexicon(pd.DataFrame({"family": ["a"], "variant": ["b"]}))
    with pytest.raises(ValueError, match=r"row 2: family name nan|row 2: family name None"):
        load_lexicon(pd.DataFrame({"family": ["a", None], "variant": ["b", "c"], "term": ["x", "y"]}))
    with pytest.raises(ValueError, match=r"row 1, family 'a', variant 'b': term nan is a float"):
        load_lexicon(pd.DataFrame({"family": ["a"], "variant": ["b"], "term": [float("nan")]}))
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("family,variant,term,case_sensitive\na,b,x,maybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.csv, row 1: case_sensitive must be true or false"):
        load_lexicon(bad_csv)


def test_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="lexicon file not found"):
        load_lexicon(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid YAML"):
        load_lexicon(broken)
    listed = tmp_path / "list.yaml"
    listed.write_text("- regime\n- government\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"list.yaml: a lexicon must be a mapping, got list"):
        load_lexicon(listed)
    other = tmp_path / "lexicon.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match=r"unsupported lexicon file type '.json'"):
        load_lexicon(other)
    with pytest.raises(TypeError, match="cannot make a lexicon from int"):
        load_lexicon(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- speed


def test_matching_is_fast(framing, markers, seed_path):
    """A generous floor (the benchmark measures the real number): 200 seed-sized texts < 1 s."""
    text = seed_path.read_text(encoding="utf-8")
    framing.matcher(), markers.matcher()
    t0 = time.perf_counter()
    for k in range(200):
        p = prepare(text + f" {k}")
        framing.matcher().find(p)
        markers.matcher().find(p)
    assert time.perf_counter() - t0 < 1.0


# --------------------------------------------------------------------------- multi-word terms, late matchers


def test_multi_word_term_needs_its_words_in_a_row():
    lex = load_lexicon({"f": {"v": ["opposition fighters", "death tax"]}})
    apart = "Opposition leaders met fighters. The tax on death."
    assert lex.find(apart) == []
    together = "opposition\n fighters' and the death-tax and DEATH  TAX\u2019s"
    assert [m.match for m in lex.find(together)] == ["opposition\n fighters", "death-tax", "DEATH  TAX\u2019s"]


def test_matcher_compiled_after_prepare_still_finds_its_terms():
    text = "A zebra-crossing quagga stripes the road."
    prepared = prepare(text)  # before the lexicon below is compiled
    lex = load_lexicon({"f": {"v": ["zebra crossing"], "w": ["quagga stripes"]}})
    assert [m[:2] for m in lex.matcher().find(prepared)] == [(2, 16), (17, 31)]
    assert lex.matcher().find(prepared) == lex.matcher().find(prepare(text)) == lex.matcher().find(text)



def test_overlap_resolution_searches_inside_a_skipped_match():
    # "beta beta gamma" (6-21) loses to "alpha beta" (0-10); the same pattern's next match
    # starts inside it ("beta gamma", 11-21), where its finditer never looked
    lex = load_lexicon({"f": {"ab": ["alpha beta"], "bbg": ["beta beta gamma"], "bg": ["beta gamma"]}})
    text = "alpha beta beta gamma"
    assert [(m.start, m.end, m.variant) for m in lex.find(text)] == [(0, 10, "ab"), (11, 21, "bg")]
    assert lex.matcher().find(text) == reference_find(lex, text)
