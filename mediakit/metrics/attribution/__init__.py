"""Attribution extraction: who says what, how, and through which channel.

:func:`extract_attributions` finds the attributions of each article's ``text``
(one row each, with character offsets) and :func:`attribution_metrics`
aggregates them per article (columns prefixed ``attr_``, to join
:func:`mediakit.analyze`); :func:`find_attributions` does it for one string.
The method is rules and lexicons, then a small logistic-regression filter over the candidates
trained on PolNeAR train (step 6; no network):

1. **Sentences, paragraphs and quotations.** Sentences and paragraphs come from
   :func:`mediakit.text.split_sentences`. Quotations are paired by type: curly
   double quotes, straight double quotes (opening or closing by position),
   doubled apostrophes (``''...''``, as in the New York Times), guillemets and
   low-9 quotes; single curly quotes only at the top level and only when closed
   in the paragraph. A quotation left open at the end of a paragraph runs to its
   end and continues in the next paragraph when that one opens with a quotation
   mark (news style for a quotation over several paragraphs); one closed by a
   mark of the wrong type, with none of its own type after it, ends there.
   Unbalanced marks never raise.
2. **Cues.** Forms of the verbs and phrases of ``mediakit/lexicons/cues.yaml``
   (said, told, according to, insisted, claimed, admitted, denied, announced,
   ...) and the forms learned from PolNeAR train (``mediakit/resources/learned_cues.json``,
   ``python -m mediakit.metrics.attribution.build_cues``: "ordered", "named", "bemoaned", ...;
   never verbs of saying) outside quotations, skipping forms used as nouns, names or infinitives;
   each lemma has a class (``cue_class``) and a frame requirement (a complement
   or an object; "quote" verbs such as "continued" only around a quotation).
3. **Frames.** Around each cue the sentence is read as one of:
   ``"...," X said`` and ``"...," said X`` (the content is the quotation before,
   with the quotation's earlier sentences and paragraphs); ``X said (that) ...``
   (content after the cue, past an indirect object ``told reporters``, channel
   and time phrases ``in a statement on Tuesday`` and ``that``); ``..., X said,
   ...`` (content on both sides); ``According to X, ...`` and ``..., according
   to X``; ``X described Y as Z``; passives (``was told by X``, ``As reported by
   X, ...``); evidentials without a source (``X seemed to ...``, ``X is expected
   to ...``); participles and coordinated verbs that reuse the subject of their
   clause (``..., adding that ...``, ``... but noted that ...``); and a name and
   a colon opening a sentence (``Clinton: ...``). The source is the noun phrase
   in subject position, with its appositions ("Sterling Pratt, wine director at
   Schaefer's,"). A content split around the cue (``"...," she said. "..."``)
   gives several ``content_spans``; the quotations that follow in the same
   paragraph, and quote-only paragraphs right after it, continue the speaker.
   An attribution whose cue lies inside the content of another is nested and
   dropped (only the outermost is kept, as in PolNeAR), unless its clause is linked
   to that content ("X backed the deal, while Y has threatened to ...", "..., which
   the probe said ..."): then the outer content ends before the link and both are kept.
4. **Sources.** Each source is typed from ``mediakit/lexicons/sources.yaml``
   (see :data:`SOURCE_TYPES`) and resolved: a surname or "Mr. X" to the fullest
   name the article gives, "he"/"she" to the most recent compatible person (a
   mention earlier in the sentence, else the latest attribution source or
   subject, preferring a known gender), "who"/"which" to the noun phrase it
   follows. Role ("Deputy Foreign Minister") and affiliation ("Russia", from
   "Russian", "Syria's", "for the Kremlin", "(D-Mass.)") come from the source
   span or from the first full mention of the person.
5. **Roles, party and office.** Each source gets a ``source_role`` of :data:`SOURCE_ROLES` (the
   codebook of ``docs/sources.md``: politician, official, police_military, legal, expert,
   business, advocacy, citizen, media, document, anonymous, other, unknown) with the
   ``role_evidence`` that decided it, an ``anonymous_kind`` (:data:`ANONYMOUS_KINDS`) for anonymous
   sources, and ``party`` and ``office`` for politicians and officials. The evidence, in order:
   the organisation a name is ("Microsoft", "NASA": ``mediakit/lexicons/organizations.yaml``,
   outlets), the titles and appositions of the span, of the resolved person and of the person's
   first mentions in the article (role nouns of ``mediakit/lexicons/source_roles.yaml``; a
   generic one such as "spokesman" takes the role of the organisation it serves), a party marker
   ("(R-Texas)", "Republican Sen."), the gazetteer of :mod:`mediakit.gazetteer` (current US
   Congress, presidents and vice presidents; ``gazetteer=`` adds the user's own table) and a short
   list of well-known figures; else ``unknown``. Decisions are cached per phrase.
6. **Learned filter.** Each candidate left by the rules is scored by a logistic regression over
   closed-class features of the cue, its neighbours, the source, the sentence and the content
   (``mediakit/resources/attribution_filter.json``, trained on PolNeAR train by
   ``python -m mediakit.metrics.attribution.train_filter``, deterministic); candidates below its
   threshold are dropped (speaker lines never). A text that reports almost no speech (fewer than one
   "say"/"tell"/"according to" per ten sentences: a how-to, a blog, a feature, many opinion columns)
   has a higher threshold of its own, chosen in training to keep such texts' candidates at a
   precision of 0.90; it costs recall there. Sources are resolved before, with every candidate.

Accuracy on PolNeAR is measured by ``python -m mediakit.evaluate attribution``
(see ``docs/attribution.md``).

The code is a pipeline of stage modules, each a screen or two of small functions:

- ``_lexicon``: the cue and source lexicons and the word lists (``mediakit/lexicons/cues.yaml``,
  ``sources.yaml``, ``attribution_words.yaml``), loaded once and compiled; ``_user_cues``: the user's own
  cues (``extract_attributions(..., cues=)``: a file, dict or table in the format of ``cues.yaml``);
- ``_quotes`` and ``_document``: the quotations and the prepared document (sentences, paragraphs,
  quotations, cue forms);
- ``_cues``: which cue forms are cues where they stand;
- ``_phrases``, ``_content``, ``_subjects``, ``_frames`` and ``_verb``: the frames around each cue
  (one function per frame) and the content they read; ``_nested``: attributions in clauses linked to
  another's content; ``_learned``: the checks of the learned cue forms (``build_cues``: the command
  that learns them);
- ``_sources``: the type, name, role and affiliation of a source span;
- ``_channel`` and ``_resolution``: kind and channel; speaker names, pronouns and antecedents;
- ``_roles``, ``_party``, ``_person_role`` and ``_assign``: source roles by phrase and organisation, party
  and office, a named person's role columns (per phrase, cached), and the role columns of one article;
- ``_filter``, ``_filter_features`` and ``_filter_train``: the learned candidate filter, its features
  and its training (``train_filter``: the command);
- ``_extract``: the stages for one text; ``_table``: the tables.
"""

from __future__ import annotations

from ._extract import clear_caches
from ._lexicon import cue_lexicon, source_lexicon
from ._assign import clear_role_caches
from ._roles import ANONYMOUS_KINDS, SOURCE_ROLES
from ._table import (ATTRIBUTION_COLUMNS, KINDS, PARTY_GROUPS, SOURCE_TYPES, attribution_metrics,
                     extract_attributions, find_attributions)
from ._user_cues import WithCues, carry_cues, cue_state, read_cue_entries, start_worker, using_cues

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "SOURCE_TYPES",
    "SOURCE_ROLES",
    "ANONYMOUS_KINDS",
    "PARTY_GROUPS",
    "KINDS",
    "cue_lexicon",
    "read_cue_entries",
    "using_cues",
    "cue_state",
    "start_worker",
    "WithCues",
    "carry_cues",
    "source_lexicon",
    "find_attributions",
    "extract_attributions",
    "attribution_metrics",
    "clear_caches",
    "clear_role_caches",
]
