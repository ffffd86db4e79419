"""The user's own attribution cues (``extract_attributions(..., cues=)``, ``read_cue_entries``, ``using_cues``)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit as mk
from mediakit.metrics.attribution import attribution_metrics, cue_lexicon, read_cue_entries, using_cues

TEXTS = [
    "The mayor lambasted the plan as reckless. “It is a disaster,” fumed Senator Ted Cruz.",
    "Officials opined that the budget was too small. The governor slammed the decision on Tuesday.",
    "Critics claimed the vote was rigged, and the council said it would appeal.",
]
ARTS = pd.DataFrame({"article_id": ["a", "b", "c"], "text": TEXTS})
NEW = {
    "lambaste": {"class": "criticism", "frame": "object", "forms": "lambaste lambasted lambastes lambasting"},
    "fume": {"class": "criticism", "speech": "yes", "frame": "quote", "forms": "fumed fumes"},
    "opine": {"class": "neutral", "speech": True, "forms": ["opined"]},
}


def _cues(table: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(table["cue_text"], table["cue_lemma"], table["cue_class"], strict=True))


def test_new_lemmas_are_found_with_their_class_and_only_in_that_call() -> None:
    plain = mk.extract_attributions(ARTS)
    assert not {"lambasted", "fumed", "opined"} & set(plain["cue_text"])
    mine = mk.extract_attributions(ARTS, cues=NEW)
    found = _cues(mine)
    assert ("lambasted", "lambaste", "criticism") in found
    assert ("fumed", "fume", "criticism") in found
    assert ("opined", "opine", "neutral") in found
    row = mine[mine["cue_text"] == "fumed"].iloc[0]
    assert (row["speaker"], row["party"], row["kind"]) == ("Ted Cruz", "Republican", "direct")
    # the shipped lexicon is back, and nothing read with the user's cues is reused
    assert "fume" not in cue_lexicon()
    pd.testing.assert_frame_equal(mk.extract_attributions(ARTS), plain)


def test_a_form_of_another_lemma_moves_and_a_lemma_of_the_lexicon_can_be_reclassed() -> None:
    cues = {"slam": {"class": "evaluative", "frame": "object", "forms": "slammed"},
            "claim": {"class": "neutral"} | {"forms": "claimed"}}
    found = _cues(mk.extract_attributions(ARTS, cues=cues))
    assert ("slammed", "slam", "evaluative") in found
    assert ("claimed", "claim", "neutral") in found
    assert "slammed" in cue_lexicon()["blast"]["forms"] and cue_lexicon()["claim"]["class"] == "evaluative"


def test_yaml_csv_tsv_and_dataframe_give_the_same_entries(tmp_path) -> None:
    yaml_file = tmp_path / "my_cues.yaml"
    yaml_file.write_text("classes:\n  scorn: the speaker scorns\ncues:\n"
                         "  lambaste: {class: scorn, frame: object, forms: \"lambasted lambastes\"}\n",
                         encoding="utf-8")
    csv_file = tmp_path / "my_cues.csv"
    csv_file.write_text("# my cues\nlemma,forms,class,frame\nlambaste,lambasted,criticism,object\n"
                        "lambaste,lambastes,,\n", encoding="utf-8")
    tsv_file = tmp_path / "my_cues.tsv"
    tsv_file.write_text("lemma\tforms\tclass\tframe\nlambaste\tlambasted lambastes\tcriticism\tobject\n",
                        encoding="utf-8")
    frame = pd.DataFrame({"lemma": ["lambaste"], "forms": ["lambasted lambastes"], "class": ["criticism"],
                          "frame": ["object"]})
    expected = {"lambaste": {"class": "criticism", "frame": "object", "forms": ("lambasted", "lambastes")}}
    for source in (csv_file, str(tsv_file), frame):
        assert read_cue_entries(source) == expected
    from_yaml = read_cue_entries(yaml_file)
    assert from_yaml.classes == {"scorn": "the speaker scorns"} and from_yaml["lambaste"]["class"] == "scorn"
    out = mk.extract_attributions(ARTS, cues=yaml_file)
    assert ("lambasted", "lambaste", "scorn") in _cues(out)


def test_attribution_metrics_count_the_new_classes() -> None:
    cues = {"cues": {"lambaste": {"class": "scorn", "frame": "object", "forms": "lambasted"}},
            "classes": {"scorn": "the speaker scorns"}}
    metrics = attribution_metrics(ARTS, cues=cues)
    assert metrics["attr_class_scorn"].tolist() == [1, 0, 0]
    assert "attr_class_scorn" not in attribution_metrics(ARTS).columns
    given_table = attribution_metrics(ARTS, attributions=mk.extract_attributions(ARTS, cues=cues), cues=cues)
    pd.testing.assert_frame_equal(given_table, metrics)


def test_using_cues_around_other_calls_and_nested() -> None:
    with using_cues(NEW):
        assert "opine" in cue_lexicon()
        with using_cues({"scoff": {"class": "evaluative", "frame": "clause", "forms": "scoffed"}}):
            assert "scoff" in cue_lexicon() and "opine" not in cue_lexicon()
        assert "opine" in cue_lexicon() and "scoff" not in cue_lexicon()
    assert "opine" not in cue_lexicon()
    with using_cues(None):
        assert "opine" not in cue_lexicon()


def test_an_error_inside_the_block_restores_the_shipped_lexicon() -> None:
    with pytest.raises(RuntimeError), using_cues(NEW):
        raise RuntimeError("boom")
    assert "opine" not in cue_lexicon()


@pytest.mark.parametrize(("cues", "message"), [
    ({"x": {"class": "nope", "forms": "xed"}}, "unknown class 'nope'"),
    ({"x": {"class": "neutral", "frame": "sideways", "forms": "xed"}}, "unknown frame 'sideways'"),
    ({"x": {"class": "neutral"}}, "forms must be"),
    ({"x": {"class": "neutral", "forms": "xed", "colour": "red"}}, "unknown keys \\['colour'\\]"),
    ({"x": {"class": "neutral", "forms": "xed", "speech": "perhaps"}}, "speech must be yes or no"),
    ({"x": "xed"}, "a cue entry is"),
    ({"cues": ["x"]}, "'cues' must map lemmas"),
    (pd.DataFrame({"lemma": ["x", "x"], "forms": ["xed", "xes"], "class": ["neutral", "praise"]}),
     "row 2: x: class 'praise' differs"),
    (pd.DataFrame({"word": ["x"]}), "needs the columns 'lemma' and 'forms'"),
])
def test_malformed_cues_raise_a_clear_error(cues, message) -> None:
    with pytest.raises(ValueError, match=message):
        mk.extract_attributions(ARTS, cues=cues)
    assert set(cue_lexicon()) == set(_shipped_lemmas())


def test_bad_paths_and_types(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        mk.extract_attributions(ARTS, cues=tmp_path / "missing.yaml")
    (tmp_path / "cues.txt").write_text("said", encoding="utf-8")
    with pytest.raises(ValueError, match="unsupported cue file type"):
        read_cue_entries(tmp_path / "cues.txt")
    with pytest.raises(TypeError, match="cues must be a path, a dict or a DataFrame"):
        read_cue_entries(42)  # type: ignore[arg-type]


def _shipped_lemmas() -> list[str]:
    return list(cue_lexicon())


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), st.one_of(
    st.text(max_size=10),
    st.dictionaries(st.sampled_from(["class", "speech", "frame", "forms", "other"]),
                    st.one_of(st.text(max_size=12), st.booleans(), st.lists(st.text(max_size=6), max_size=3))),
), max_size=3))
def test_any_mapping_reads_or_raises_a_clear_error(raw) -> None:
    shipped = set(cue_lexicon())
    try:
        table = mk.extract_attributions(ARTS.head(1), cues=raw)
    except ValueError:
        pass
    else:
        assert list(table.columns) == list(mk.extract_attributions(ARTS.head(1)).columns)
    assert set(cue_lexicon()) == shipped


_FORM = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(str.strip)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from(["say", "slam", "x", "according_to", "ponder"]), st.fixed_dictionaries(
    {"class": st.sampled_from(["neutral", "criticism", "belief"]),
     "frame": st.sampled_from(["any", "clause", "object", "quote", "evidential", "colon", "attitude"]),
     "speech": st.booleans(), "forms": st.lists(_FORM, min_size=1, max_size=4)}), min_size=1, max_size=3),
    st.text(max_size=200))
def test_valid_entries_with_any_forms_extract_from_any_text(raw, text) -> None:
    articles = pd.DataFrame({"article_id": ["t", "a"], "text": [text, TEXTS[0]]})
    table = mk.extract_attributions(articles, cues=raw, languages=None)
    assert set(table["article_id"]) <= {"t", "a"}
    assert "ponder" not in cue_lexicon()


def _lemmas_in_worker() -> list[str]:
    return sorted(cue_lexicon())


def test_pool_workers_take_the_users_cues_even_when_spawned() -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from mediakit.metrics.attribution import cue_state, start_worker

    with using_cues(NEW):
        expected = sorted(cue_lexicon())
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=ctx, initializer=start_worker, initargs=cue_state()) as pool:
            assert pool.submit(_lemmas_in_worker).result() == expected
    assert "opine" in expected and "opine" not in cue_lexicon()


def test_analyze_on_two_processes_counts_the_users_cues() -> None:
    cues = {"cues": {"lambaste": {"class": "scorn", "frame": "object", "forms": "lambasted"}},
            "classes": {"scorn": "the speaker scorns"}}
    many = pd.DataFrame({"article_id": [f"a{i}" for i in range(450)], "text": TEXTS * 150})  # three chunks
    with using_cues(cues):
        one = mk.analyze(many, families=("attribution",))
        two = mk.analyze(many, families=("attribution",), n_jobs=2)
    assert one["attr_class_scorn"].sum() == 150
    pd.testing.assert_frame_equal(one, two)
