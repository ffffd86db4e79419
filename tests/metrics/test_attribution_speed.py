"""The speed-ups of extract_attributions keep every answer (issue 17 point 1); no timings here."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution import _frames
from mediakit.metrics.attribution._phrases import WORD_RE
from mediakit.text import _language


def _subject_end_all_words(text: str, start: int, limit: int) -> int:
    """The former _subject_end: every word of the range listed, the first twelve read."""
    form_lemma = _frames.lexicons().form_lemma
    words = list(WORD_RE.finditer(text, start, limit))
    for k, w in enumerate(words[:12]):
        lw = w.group().lower()
        if k > 0 and (_frames._SUBJECT_END_RE.match(lw) or lw in form_lemma) and not w.group()[:1].isupper():
            return words[k - 1].end()
    return -1


@pytest.mark.parametrize("text, expected", [
    ("The senator from Ohio said the bill failed.", "The senator from Ohio"),
    ("Officials in the state capital have argued for months.", "Officials in the state capital"),
])
def test_subject_end_finds_the_verb(text: str, expected: str) -> None:
    assert text[:_frames.subject_end(text, 0, len(text))] == expected


def test_subject_end_reads_only_twelve_words() -> None:
    text = " ".join(["Big"] * 12) + " said so."  # the verb is the thirteenth word: not read
    assert _frames.subject_end(text, 0, len(text)) == -1
    text = " ".join(["Big"] * 11) + " said so."
    assert _frames.subject_end(text, 0, len(text)) == text.index(" said")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Said said was has The ,.\n\u201c")), max_size=200),
       st.integers(0, 50), st.integers(0, 250))
def test_subject_end_as_before(text: str, start: int, limit: int) -> None:
    assert _frames.subject_end(text, start, limit) == _subject_end_all_words(text, start, limit)


def test_language_model_row_major_same_scores() -> None:
    ident = _language._identifier()
    assert ident.nb_ptc.flags["C_CONTIGUOUS"]  # the gather of each text's rows reads contiguous memory
    table = np.asfortranarray(ident.nb_ptc)  # the layout the model ships in
    for text in ("The government approved a new climate package on Tuesday.",
                 "Die Bundesregierung hat am Dienstag ein neues Klimapaket beschlossen.",
                 "Le gouvernement a présenté mardi un projet de loi sur les retraites."):
        visits = _visits(ident, text)
        assert ident._sparse_score(visits, ident.nb_ptc).tobytes() == ident._sparse_score(visits, table).tobytes()


def _visits(ident: object, text: str) -> object:
    from py3langid.langid import visit_counts

    data = ident._encode(text)  # type: ignore[attr-defined]
    return visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["cues.yaml", "sources.yaml", "attribution_words.yaml", "source_roles.yaml",
                                  "organizations.yaml"])
def test_lexicon_files_parse_as_with_safe_load(name: str) -> None:
    import yaml

    from mediakit._resources import read_resource_text
    from mediakit.metrics.attribution._lexicon import load_yaml_resource

    expected = yaml.safe_load(read_resource_text("mediakit.lexicons", name))
    got = load_yaml_resource(name)
    assert got == expected
    assert repr(got) == repr(expected)  # the same types too (True is not 1, '1.0' is not 1.0)
