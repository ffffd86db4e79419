"""Stage 3d: the attributions of the learned cue forms (``mediakit/resources/learned_cues.json``).

The forms learned from PolNeAR train (:mod:`.build_cues`: "ordered", "outlined", "named", "slammed",
"nominated", ...) go through the same frames as the lexicon's, in documents that report speech only (a
document register with some reporting cues, :func:`mediakit.metrics.attribution._register.document_register`:
in a how-to, terms of use or a README "named", "listed", "posted" are no reports; on the web training pages 5
learned-form candidates in such documents, all false; on PolNeAR train the gate costs 36 of 13,074 matches).
Three checks are theirs alone:

- a verb of saying in the first words of the content makes the attribution, not the learned form before it
  ("released a statement saying ...", "issued a report that said ..."): :func:`speech_inside`;
- a learned form with a first- or second-person subject ("I noticed", "we listed") is the writer's own act, not
  news reporting (1 such candidate on train, false): :func:`first_person`;
- a learned past participle after "be" ("is known as", "are both seen as") has no source, as in PolNeAR:
  :func:`drop_passive_source`.
"""

from __future__ import annotations

import re

from ._document import Attr, Doc

__all__ = ["keep_learned", "speech_inside", "drop_passive_source", "is_participle", "first_person"]

_BE_RE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being|get|gets|got)|[’']s|[’']re)"
                    r"(?:\s+(?:\w+ly|not|also|both|still|now|widely|long|best|better|well|all|later|then|since|once|first|"
                    r"already|just|never|ever|soon))*\s+\Z", re.IGNORECASE)
_FIRST_SECOND = frozenset({"i", "we", "you"})
_PARTICIPLE_ENDS = ("ed", "en", "wn", "id", "ck")


def is_participle(form: str) -> bool:
    """A form that can be a past participle ("released", "known", "seen", "laid", "struck").

    Examples
    --------
    >>> [is_participle(f) for f in ["released", "known", "supporting", "oppose"]]
    [True, True, False, False]
    """
    return form.lower().endswith(_PARTICIPLE_ENDS)


def first_person(doc: Doc, a: Attr) -> bool:
    """The source of ``a`` is "I", "we" or "you" (any case)."""
    return a.source is not None and doc.text[a.source[0]:a.source[1]].lower() in _FIRST_SECOND


def speech_inside(doc: Doc, a: Attr, speech: frozenset[str]) -> bool:
    """A verb of saying outside quotations in the first 40 characters of the content of ``a``."""
    s0 = a.content[0][0]
    return any(lemma in speech and doc.quote_at(m.start()) < 0 for m, lemma in doc.cues_in(s0, s0 + 40))


def drop_passive_source(doc: Doc, a: Attr) -> None:
    """Forget the source of a learned participle after "be" (a passive: "Rubio is seen as ...")."""
    if a.source is None or not is_participle(doc.text[a.cue[0]:a.cue[1]]):
        return
    text = doc.text
    if _BE_RE.search(text, max(a.source[0], a.cue[0] - 40), a.cue[0]) is not None:
        a.source = None  # 'Rubio is seen as the candidate ...': no source


def keep_learned(doc: Doc, a: Attr, speech: frozenset[str]) -> bool:
    """The checks of a learned form's candidate ``a``: False when a verb of saying opens its content or its
    source is the writer (:func:`speech_inside`, :func:`first_person`); else True, without the source of a
    passive participle (:func:`drop_passive_source`)."""
    if speech_inside(doc, a, speech) or first_person(doc, a):
        return False
    drop_passive_source(doc, a)
    return True
