"""Language detection (issue 13): offline, deterministic, never calls an English article foreign.

The paragraphs below are written for these tests (invented news, no third-party text).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.text import (
    LeftOutWarning,
    article_languages,
    check_languages,
    detect_language,
    detect_languages,
    normalize_language,
)
from mediakit.text._language import DETECT_CHARS, MIN_LETTERS, left_out_note, scored_articles, scored_mask

from ..conftest import PROJECT

NEWS = {
    "de": ("Die Landesregierung hat am Dienstag ein umstrittenes Gesetz zur Wohnungsnot beschlossen. "
           "Nach Angaben des Ministeriums sollen bis 2030 rund 40.000 neue Sozialwohnungen entstehen. "
           "Die Opposition sprach von einem Täuschungsmanöver, Mieterverbände begrüßten den Schritt."),
    "fr": ("Le conseil municipal a adopté mardi soir un plan de rénovation des écoles de la ville. "
           "Selon la mairie, les travaux dureront trois ans et coûteront près de 80 millions d'euros. "
           "L'opposition dénonce un calendrier irréaliste et réclame un audit indépendant."),
    "es": ("El Gobierno regional aprobó el martes un plan de emergencia contra la sequía. "
           "Según la consejería, los embalses se encuentran al veinte por ciento de su capacidad. "
           "Los agricultores exigen ayudas directas y critican la lentitud de la administración."),
    "en": ("The city council approved a plan on Tuesday to rebuild three bridges over the river. "
           "Officials said the work would take four years and cost about $120 million. "
           "Critics called the schedule unrealistic and asked for an independent review."),
}

# Short English that a language identifier easily gets wrong (headlines, datelines, names).
ENGLISH_SHORT = [
    "Lawmakers grill Fed chief over rate hikes",
    "Abducted students: Is the government ready to negotiate?",
    "Jane Roe and her husband on election night in Montgomery, Ala., Sept. 26",
    "WASHINGTON (Wire) - Acting Secretary Rossi said on Monday",
    "Dem Rep invites activist to town hall on immigration",
    "5 takeaways from the final debate",
    "Cruel September looms for GOP",
]


def test_news_paragraphs_in_four_languages():
    assert {lang: detect_language(text) for lang, text in NEWS.items()} == {lang: lang for lang in NEWS}


def test_headline_and_body_together():
    titles = ["Landtag beschließt Gesetz gegen Wohnungsnot", "Council backs bridge plan", None, ""]
    texts = [NEWS["de"], NEWS["en"], NEWS["fr"], NEWS["es"]]
    assert detect_languages(texts, titles) == ["de", "en", "fr", "es"]
    assert detect_languages(texts) == ["de", "en", "fr", "es"]


def test_short_or_empty_text_has_no_language():
    assert detect_language("") is None
    assert detect_language(None) is None
    assert detect_language("Kanzler warnt") is None  # fewer than MIN_LETTERS letters
    assert detect_language("12:45 — 2020-01-02 … 100%") is None
    assert detect_language("x" * (MIN_LETTERS - 1)) is None


@pytest.mark.parametrize("text", ENGLISH_SHORT)
def test_short_english_is_never_called_another_language(text):
    assert detect_language(text) in ("en", None)


def test_only_the_start_is_read():
    """A long German article with an English appendix is German: the first characters decide."""
    text = NEWS["de"] * 6 + " " + NEWS["en"] * 40
    assert len(NEWS["de"] * 6) > DETECT_CHARS
    assert detect_language(text) == "de"


def test_bad_arguments():
    with pytest.raises(TypeError, match="detect_language"):
        detect_language(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="detect_languages"):
        detect_languages([b"bytes"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="2 titles for 1 texts"):
        detect_languages(["Some text here"], ["a", "b"])
    assert detect_languages([None, float("nan"), pd.NA]) == [None, None, None]  # type: ignore[list-item]


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=400)))
def test_any_text_gives_a_code_or_none(text):
    code = detect_language(text)
    assert code is None or (len(code) == 2 and code.isalpha() and code.islower())


def test_normalize_language():
    values = ["en-US", "EN", " de_DE ", "English", "eng", "pt-BR", "und", "zxx", "", None, float("nan"), 3]
    assert [normalize_language(v) for v in values] == ["en", "en", "de", "en", "en", "pt"] + [None] * 6


def test_check_languages():
    assert check_languages(None, func="f") is None
    assert check_languages("EN", func="f") == frozenset({"en"})
    assert check_languages(("en", "de-AT"), func="f") == frozenset({"en", "de"})
    with pytest.raises(ValueError, match="f\\(\\): languages must name"):
        check_languages([], func="f")
    with pytest.raises(ValueError, match="languages must name"):
        check_languages(["und"], func="f")
    for bad in (3, ["en", 2], {"en": 1}, b"en"):
        with pytest.raises(TypeError, match="f\\(\\): languages must be"):
            check_languages(bad, func="f")


def test_article_languages_keep_given_values_and_detect_the_rest():
    arts = pd.DataFrame({"title": [None, "Bridge plan approved", None],
                         "text": [NEWS["fr"], NEWS["en"], NEWS["de"]],
                         "language": pd.array(["de-CH", None, pd.NA], dtype="string")})
    assert article_languages(arts) == ["de", "en", "de"]  # a declared language is trusted
    assert article_languages(arts.drop(columns="language")) == ["fr", "en", "de"]


def test_scored_mask_and_note():
    assert scored_mask(["en", "de", None, "fr"], frozenset({"en", "fr"})) == [True, False, True, True]
    assert scored_mask(["de"], None) == [True]
    note = left_out_note("word_choice", 5, ["de", "fr", "de"], frozenset({"en"}), consequence="they have no rows")
    assert note == ("word_choice: 3 of 5 articles are not English (de: 2, fr: 1); they have no rows. "
                    "Pass languages=None to score them anyway.")
    both = left_out_note("analyze", 5, ["de"], frozenset({"en", "fr"}), consequence="c", n_empty=2,
                         empty_consequence="e")
    assert both == ("analyze: 1 of 5 articles are not in en, fr (de: 1); c. Pass languages=None to score them "
                    "anyway. 2 of 5 articles have an empty body; e.")
    assert left_out_note("analyze", 5, [], frozenset({"en"}), consequence="c") is None


def test_scored_articles_warns_once_at_the_callers_line():
    arts = pd.DataFrame({"text": [NEWS["de"], NEWS["en"], "", NEWS["es"]]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        keep = scored_articles(arts, "en", func="f")
        assert scored_articles(arts, None, func="f") is None  # nothing detected, nothing said
        assert scored_articles(arts, ("en", "de", "es"), func="f") is None
    assert keep == [False, True, True, False]
    assert len(caught) == 1 and caught[0].category is LeftOutWarning
    assert caught[0].filename == __file__
    assert "2 of 4 articles are not English (de: 1, es: 1)" in str(caught[0].message)


def test_offline_deterministic_and_library_state_untouched():
    """In a fresh process with sockets refused: the same codes, and py3langid's own global
    identifier keeps every language (mediakit restricts only its own)."""
    script = textwrap.dedent(f"""
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network used")
        socket.socket = refuse
        socket.create_connection = refuse
        import py3langid
        from mediakit.text import detect_languages
        texts = {list(NEWS.values())!r}
        first = detect_languages(texts)
        py3langid.classify("warm up the library's own identifier")
        n_before = len(py3langid.langid.IDENTIFIER.nb_classes)
        second = detect_languages(texts)
        assert len(py3langid.langid.IDENTIFIER.nb_classes) == n_before > 114
        print(first == second, ",".join(first))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", ",".join(NEWS)]
    assert detect_languages(list(NEWS.values())) == list(NEWS)  # and the same in this process


@pytest.mark.slow
@pytest.mark.corpus
def test_english_research_corpora_are_english(corpora):
    """Measured for issue 13: no article of the English research corpora is called another language."""
    import mediakit.datasets as ds

    frames = [ds.load_allsides(corpora / "allsides" / "articles.jsonl.gz", limit=5000, progress=False),
              ds.load_polnear(corpora / "polnear", split=ds.POLNEAR_SPLITS, progress=False),
              ds.load_basil(corpora / "basil", progress=False)]
    for df in frames:
        codes = detect_languages(df["text"].tolist(), df["title"].tolist())
        assert [(a, c) for a, c in zip(df["article_id"], codes, strict=True) if c != "en"] == []
