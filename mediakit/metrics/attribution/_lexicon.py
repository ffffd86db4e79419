"""Stage 0: the lexicons and word lists of the attribution rules, loaded once and compiled.

- :func:`cue_lexicon` and :func:`source_lexicon` read ``mediakit/lexicons/cues.yaml`` and
  ``sources.yaml``; :func:`word_lists` reads ``attribution_words.yaml`` (the closed vocabularies the
  rules test: auxiliaries, clause words, determiners, title abbreviations, ...).
- :func:`lexicons` compiles them into lookups and regular expressions, once per process.
- regex alternations of literal words are character tries from :func:`mediakit.text.trie_pattern`
  (a space in a word matches any white space).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..._resources import read_resource_text
from ...text import trie_pattern

__all__ = ["cue_lexicon", "CUE_FRAMES", "set_learned_cues", "learned_cues", "set_user_cues", "user_cue_entries",
           "user_cue_classes", "source_lexicon", "WordLists", "word_lists", "Lexicons", "lexicons", "words_re",
           "in_names", "load_yaml_resource", "NominalCues", "NominalNoun", "nominal_cues"]

def load_yaml_resource(name: str) -> Any:
    """The data of the shipped lexicon file ``mediakit/lexicons/<name>``, parsed by libyaml when PyYAML has
    it (``CSafeLoader``: the same safe constructor, the same data, a tenth of the time), else in Python.

    Examples
    --------
    >>> sorted(load_yaml_resource("cues.yaml"))
    ['classes', 'cues']
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(read_resource_text("mediakit.lexicons", name), Loader=loader)  # noqa: S506 - a safe loader


#: In a word list, a space matches any run of white space.
SPACE_AS_WHITESPACE = {" ": r"\s+"}


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, dict[str, Any]]:
    """Return the cue lexicon of ``mediakit/lexicons/cues.yaml`` and the learned cues (loaded once, cached).

    The learned cues (:func:`learned_cues`, ``mediakit/resources/learned_cues.json``, built from PolNeAR
    train by ``python -m mediakit.metrics.attribution.build_cues``) add forms, never speech cues.

    Returns
    -------
    dict
        lemma -> ``{"class": str, "speech": bool, "frame": str, "forms": tuple of str}``;
        a multi-word form keeps ``_`` between its words ("pointed_out").

    Raises
    ------
    ValueError
        If an entry is malformed or a form belongs to two lemmas.

    Examples
    --------
    >>> lex = cue_lexicon()
    >>> lex["say"]["class"], lex["say"]["speech"], "said" in lex["say"]["forms"]
    ('neutral', True, True)
    >>> lex["according_to"]["forms"]
    ('according_to',)
    """
    data = load_yaml_resource("cues.yaml")
    classes = set(data.get("classes", {}))
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, str] = {}
    for lemma, entry in data["cues"].items():
        cls, frame = entry.get("class"), entry.get("frame", "any")
        if cls not in classes:
            raise ValueError(f"cues.yaml: {lemma}: unknown class {cls!r}")
        if frame not in CUE_FRAMES:
            raise ValueError(f"cues.yaml: {lemma}: unknown frame {frame!r}")
        forms = tuple(str(entry["forms"]).split())
        for f in forms:
            if f.lower() in seen:
                raise ValueError(f"cues.yaml: form {f!r} of {lemma} already belongs to {seen[f.lower()]}")
            seen[f.lower()] = lemma
        out[str(lemma)] = {"class": cls, "speech": bool(entry.get("speech", False)),
                           "frame": frame, "forms": forms}
    _add_learned_cues(out, seen, classes)
    if _USER["entries"] is not None:
        _add_user_cues(out, seen, classes | set(_USER["classes"]), _USER["entries"])
    return out


#: The frames a cue entry may name (what each means is written in ``cues.yaml``).
CUE_FRAMES = ("any", "clause", "object", "quote", "evidential", "colon", "attitude")


#: The user's cue entries merged over the shipped and learned ones (:func:`set_user_cues`), and the cue classes
#: they add; ``None``: the shipped lexicon alone.
_USER: dict[str, Any] = {"entries": None, "classes": ()}


def set_user_cues(entries: dict[str, dict[str, Any]] | None, classes: Iterable[str] = ()) -> None:
    """Merge ``entries`` (lemma -> ``{"class", "speech", "frame", "forms"}``, as read by
    :func:`mediakit.metrics.attribution.read_cue_entries`) over the shipped cue lexicon, with the new cue
    ``classes`` they use, or go back to the shipped lexicon when None; the compiled lexicons are forgotten so
    that the next extraction sees them. The per-phrase caches of the extractor are not cleared here:
    :func:`mediakit.metrics.attribution.using_cues` does both.

    Examples
    --------
    >>> set_user_cues({"slam": {"class": "evaluative", "forms": ("slammed",)}})
    >>> cue_lexicon()["slam"]["forms"], cue_lexicon()["slam"]["frame"]
    (('slammed',), 'any')
    >>> set_user_cues(None)
    >>> "slam" in cue_lexicon()
    False
    """
    _USER["entries"] = None if entries is None else {k: dict(v) for k, v in entries.items()}
    _USER["classes"] = tuple(classes)
    cue_lexicon.cache_clear()
    nominal_cues.cache_clear()
    lexicons.cache_clear()


def user_cue_entries() -> dict[str, dict[str, Any]] | None:
    """The user's cue entries in use (:func:`set_user_cues`), or None."""
    return _USER["entries"]


def user_cue_classes() -> tuple[str, ...]:
    """The cue classes the user's entries add (:func:`set_user_cues`)."""
    return tuple(_USER["classes"])


def _add_user_cues(out: dict[str, dict[str, Any]], seen: dict[str, str], classes: set[str],
                   entries: dict[str, dict[str, Any]]) -> None:
    """Merge the user's entries: a new lemma is added (frame "any" and speech no unless given); a lemma of the
    lexicon gets the new forms, and the class, speech flag and frame given; a form of another lemma moves to
    the user's."""
    for lemma, e in entries.items():
        base = out.get(lemma, {"class": None, "speech": False, "frame": "any", "forms": ()})
        cls, frame = e.get("class", base["class"]), e.get("frame", base["frame"])
        if cls not in classes:
            raise ValueError(f"user cues: {lemma}: unknown class {cls!r}; the classes are {sorted(classes)} "
                             "(declare a new one under 'classes')")
        if frame not in CUE_FRAMES:
            raise ValueError(f"user cues: {lemma}: unknown frame {frame!r}; one of {list(CUE_FRAMES)}")
        forms = list(base["forms"])
        for f in e.get("forms", ()):
            owner = seen.get(f.lower())
            if owner is not None and owner != lemma:  # the form moves to the user's lemma
                out[owner] = {**out[owner], "forms": tuple(g for g in out[owner]["forms"] if g.lower() != f.lower())}
            if owner != lemma:
                forms.append(f)
            seen[f.lower()] = lemma
        out[lemma] = {"class": cls, "speech": bool(e.get("speech", base["speech"])), "frame": frame,
                      "forms": tuple(forms)}


#: The learned cue forms merged into :func:`cue_lexicon`: ``None`` reads ``mediakit/resources/learned_cues.json``;
#: :func:`set_learned_cues` replaces them (the build script of :mod:`.build_cues` tries its candidates so).
_LEARNED: dict[str, Any] = {"entries": None}


def set_learned_cues(entries: dict[str, dict[str, Any]] | None) -> None:
    """Use ``entries`` (lemma -> ``{"class", "frame", "forms"}``) as the learned cues, or the shipped file
    when None, and forget the compiled lexicons so the next extraction sees them.

    Examples
    --------
    >>> set_learned_cues({"bemoan": {"class": "criticism", "frame": "object", "forms": ["bemoaned"]}})
    >>> cue_lexicon()["bemoan"]["forms"]
    ('bemoaned',)
    >>> set_learned_cues(None)
    """
    _LEARNED["entries"] = entries
    cue_lexicon.cache_clear()
    lexicons.cache_clear()


def learned_cues() -> dict[str, dict[str, Any]]:
    """The learned cue entries in use (``mediakit/resources/learned_cues.json`` unless replaced)."""
    if _LEARNED["entries"] is not None:
        return dict(_LEARNED["entries"])
    import json

    return dict(json.loads(read_resource_text("mediakit.resources", "learned_cues.json"))["cues"])


def _add_learned_cues(out: dict[str, dict[str, Any]], seen: dict[str, str], classes: set[str]) -> None:
    """Merge the learned cue forms (never speech cues): a form the YAML has is skipped; a lemma the YAML has
    gets the new forms with its own class and frame."""
    for lemma, e in sorted(learned_cues().items()):
        forms = tuple(f for f in e["forms"] if f.lower() not in seen)
        if not forms:
            continue
        if e["class"] not in classes:
            raise ValueError(f"learned_cues.json: {lemma}: unknown class {e['class']!r}")
        seen.update({f.lower(): lemma for f in forms})
        if lemma in out:
            if out[lemma]["speech"]:
                continue  # the speech subset of the evaluation stays the YAML's
            out[lemma] = {**out[lemma], "forms": out[lemma]["forms"] + forms}
        else:
            out[lemma] = {"class": e["class"], "speech": False, "frame": e.get("frame", "object"), "forms": forms}


@dataclass(frozen=True, slots=True)
class NominalNoun:
    """A noun of ``nominal_cues.yaml``: its cue lemma, the words that open its content, those kept in it."""

    lemma: str
    after: frozenset[str]
    kept: frozenset[str]


@dataclass(frozen=True, slots=True)
class NominalCues:
    """The nominal cues of ``nominal_cues.yaml`` (what each list is for is written there)."""

    nouns: dict[str, NominalNoun]  #: form -> noun
    light_verbs: frozenset[str]  #: lower case, a single space between words
    possessives: frozenset[str]
    modifiers: int
    received: frozenset[str]  #: noun forms whose source may follow them after a verb of receiving
    receiving_verbs: frozenset[str]


@lru_cache(maxsize=1)
def nominal_cues() -> NominalCues:
    """Return the nominal cues of ``mediakit/lexicons/nominal_cues.yaml`` (loaded once, cached).

    Raises
    ------
    ValueError
        If a noun names a lemma that ``cues.yaml`` lacks or a form belongs to two nouns.

    Examples
    --------
    >>> nc = nominal_cues()
    >>> nc.nouns["criticism"].lemma, sorted(nc.nouns["decision"].kept), "voiced" in nc.light_verbs
    ('criticize', ['to'], True)
    """
    data = load_yaml_resource("nominal_cues.yaml")
    cues = cue_lexicon()
    nouns: dict[str, NominalNoun] = {}
    for lemma, entry in data["nouns"].items():
        if lemma not in cues:
            raise ValueError(f"nominal_cues.yaml: {lemma!r} is not a lemma of cues.yaml")
        noun = NominalNoun(str(lemma), frozenset(str(entry["after"]).split()),
                           frozenset(str(entry.get("kept") or "").split()))
        for form in str(entry["forms"]).split():
            if form in nouns:
                raise ValueError(f"nominal_cues.yaml: form {form!r} of {lemma} already belongs to {nouns[form].lemma}")
            nouns[form] = noun
    light = frozenset(w.replace("_", " ").lower() for w in str(data["light_verbs"]).split())
    received = frozenset(str(data.get("received") or "").split())
    if not received <= set(nouns):
        raise ValueError(f"nominal_cues.yaml: received nouns without an entry: {sorted(received - set(nouns))}")
    return NominalCues(nouns, light, frozenset(str(data["possessives"]).split()), int(data["modifiers"]), received,
                       frozenset(str(data.get("receiving_verbs") or "").lower().split()))


@lru_cache(maxsize=1)
def source_lexicon() -> dict[str, Any]:
    """Return the source lexicon of ``mediakit/lexicons/sources.yaml`` (loaded once, cached).

    Examples
    --------
    >>> lex = source_lexicon()
    >>> lex["demonyms"]["russian"], "Reuters" in lex["agencies"]
    ('Russia', True)
    """
    data = load_yaml_resource("sources.yaml")
    return dict(data)


@dataclass(frozen=True, slots=True)
class WordLists:
    """The word lists of ``attribution_words.yaml`` (what each is for is written there)."""

    aux: frozenset[str]
    ly_exclude: frozenset[str]
    tell_lemmas: frozenset[str]
    irregular_participles: frozenset[str]
    tail_clause: frozenset[str]
    clause_words: frozenset[str]
    participle_after: frozenset[str]
    asked_forms: frozenset[str]
    subordinators: frozenset[str]
    copulas: frozenset[str]
    attitude_followers: frozenset[str]
    go_on_forms: frozenset[str]
    not_raising: frozenset[str]
    inverting_lemmas: frozenset[str]
    as_lemmas: frozenset[str]
    finite: frozenset[str]
    np_openers: frozenset[str]
    pronoun_subjects: frozenset[str]
    coordinated_subject_openers: frozenset[str]
    clause_subject_openers: frozenset[str]
    subordinate_start: frozenset[str]
    appositive_not_openers: frozenset[str]
    description_openers: frozenset[str]
    not_a_source: frozenset[str]
    determiners: frozenset[str]
    nounish: frozenset[str]
    noun_bases: frozenset[str]
    noun_base_openers: frozenset[str]
    noun_followers: frozenset[str]
    prepositions: frozenset[str]
    subject_contractions: frozenset[str]
    speak_forms: frozenset[str]
    delegate_forms: frozenset[str]
    title_abbreviations: frozenset[str]
    name_stop: frozenset[str]
    name_particles: frozenset[str]
    determiner_words: frozenset[str]
    colon_source_types: frozenset[str]
    headline_sources: frozenset[str]
    share_buttons: frozenset[str]
    #: "Name:" labels: the words of ``colon_stop`` and the phrases of ``colon_stop_phrases``
    colon_stop: frozenset[str]
    #: ``prepositions`` with "and", "or" and "to"
    prepositions_and_or_to: frozenset[str]
    male_words: tuple[str, ...]
    female_words: tuple[str, ...]
    anonymous_hints: tuple[str, ...]
    name_titles: dict[str, str]


#: Lists kept in their file order (regex alternations), as tuples.
_ORDERED = ("male_words", "female_words", "anonymous_hints")
#: Fields computed from others.
_DERIVED = ("colon_stop", "prepositions_and_or_to", "name_titles")


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    """The entries of list ``key``: a string of space-separated words or a list of strings."""
    if key not in data:
        raise ValueError(f"attribution_words.yaml: list {key!r} is missing")
    value = data[key]
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"attribution_words.yaml: {key} must be a string of words or a list of strings")


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    """Return the word lists of ``mediakit/lexicons/attribution_words.yaml`` (loaded once, cached).

    Examples
    --------
    >>> w = word_lists()
    >>> "reportedly" in w.aux, "Sen" in w.name_stop, w.name_titles["gov"]
    (True, True, 'Governor')
    """
    data = load_yaml_resource("attribution_words.yaml")
    values: dict[str, Any] = {}
    for name in WordLists.__dataclass_fields__:
        if name in _DERIVED:
            continue
        words = _words(data, name)
        values[name] = words if name in _ORDERED else frozenset(words)
    values["colon_stop"] = frozenset(_words(data, "colon_stop")) | frozenset(_words(data, "colon_stop_phrases"))
    values["prepositions_and_or_to"] = values["prepositions"] | {"and", "or", "to"}
    titles = data.get("name_titles")
    if not isinstance(titles, dict):
        raise ValueError("attribution_words.yaml: name_titles must map abbreviations to titles")
    values["name_titles"] = {str(k): str(v) for k, v in titles.items()}
    return WordLists(**values)


def in_names(names: frozenset[str], text: str) -> bool:
    """``text`` (white space normalised) is one of ``names``."""
    return " ".join(text.split()) in names


def words_re(words: Iterable[str], *, flags: int = re.IGNORECASE, suffix: str = r"\b") -> re.Pattern[str]:
    """Whole-word alternation of ``words`` (a space matches any white space), factored as a trie."""
    ws = {w.lower() if flags & re.IGNORECASE else w for w in words if w}
    return re.compile(rf"(?<![\w.])(?:{trie_pattern(ws, SPACE_AS_WHITESPACE)}){suffix}", flags)


def _cased_trie(forms: set[str]) -> str:
    """A trie pattern of the lower-case ``forms`` and their capitalised variants, in two halves, each behind a
    look-ahead of its first letters: the same matches as one trie of both, but ``re`` tries the first letters of
    one half only (at every position that may precede a form), about a fifth faster over a text.

    Examples
    --------
    >>> _cased_trie({"said", "told"})
    '(?=[st])(?:(?:said|told))|(?=[ST])(?:(?:Said|Told))'
    """
    capital = {f[:1].upper() + f[1:] for f in forms}
    lead_low, lead_cap = {f[:1] for f in forms}, {f[:1] for f in capital}
    if lead_low & lead_cap:  # a first letter without case: one trie
        return trie_pattern(forms | capital, SPACE_AS_WHITESPACE)
    low_class = "".join(re.escape(c) for c in sorted(lead_low))
    cap_class = "".join(re.escape(c) for c in sorted(lead_cap))
    return (f"(?=[{low_class}])(?:{trie_pattern(forms, SPACE_AS_WHITESPACE)})"
            f"|(?=[{cap_class}])(?:{trie_pattern(capital, SPACE_AS_WHITESPACE)})")


class Lexicons:
    """Compiled lexicon lookups, built once per process (see :func:`lexicons`)."""

    def __init__(self) -> None:
        self.cues = cue_lexicon()
        self.words = word_lists()
        self._cue_forms()
        self._cue_scanners()
        src = source_lexicon()
        self._agencies_and_media(src)
        self._anonymous(src)
        self._roles_and_organisations(src)
        self._people(src)

    def _cue_forms(self) -> None:
        """Form -> lemma, and the fast scan's first word -> lemma and multi-word continuations."""
        self.form_lemma: dict[str, str] = {}
        for lemma, e in self.cues.items():
            for f in e["forms"]:
                self.form_lemma[f.lower()] = lemma
        #: forms from the learned list (:func:`learned_cues`) that the lexicon took, and the speech lemmas
        user = {f.lower() for e in (user_cue_entries() or {}).values() for f in e.get("forms", ())}
        self.learned_forms = frozenset(f.lower() for e in learned_cues().values() for f in e["forms"]
                                       if f.lower() in self.form_lemma and f.lower() not in user)
        self.speech_lemmas = frozenset(lemma for lemma, e in self.cues.items() if e["speech"])
        #: forms of the lemmas with frame "attitude" (adjectives: "confident", "skeptical")
        self.attitude_forms = frozenset(f.lower() for e in self.cues.values() if e["frame"] == "attitude"
                                        for f in e["forms"])
        self.first_word: dict[str, str | None] = {}
        self.multi: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for f, lemma in self.form_lemma.items():
            parts = f.split("_")
            if not f[:1].isalpha():
                continue
            if len(parts) == 1:
                self.first_word[f] = lemma
            else:
                self.first_word.setdefault(parts[0], None)
                rx = re.compile(r"".join(r"\s+" + re.escape(p) for p in parts[1:]) + r"(?![\w\-])",
                                re.IGNORECASE)
                self.multi.setdefault(parts[0], []).append((rx, lemma))

    def _cue_scanners(self) -> None:
        """Every form (multi-word ones with a space) as one trie, lower case and capitalised."""
        spaced = {f.replace("_", " "): lemma for f, lemma in self.form_lemma.items() if f[:1].isalpha()}
        self.spaced_lemma = spaced
        #: the nouns of :func:`nominal_cues` that are no cue forms: the same scan finds them (one pass over a text),
        #: :func:`._document.iter_cues` sets them apart
        self.nominal_forms = frozenset(f for f in nominal_cues().nouns if f not in spaced)
        scanned = set(spaced) | self.nominal_forms
        variants = scanned | {f[:1].upper() + f[1:] for f in scanned}
        trie = trie_pattern(variants, SPACE_AS_WHITESPACE)
        self.cue_form_re = re.compile(r"(?<![\w\-’'])(?:" + trie + r")(?![\w\-’])")
        # the same scan, faster (see _document.iter_cues): a form at a given position, and a form after a
        # character that may precede one -- an ASCII character other than a letter, digit, '_', '-' or "'",
        # or any non-ASCII character (checked afterwards) -- which ``re`` finds by a table look-up; the forms
        # there as two tries, lower case and capitalised (:func:`_cased_trie`: the same matches, fewer tries)
        self.cue_at_re = re.compile("(?:" + trie + r")(?![\w\-’])")
        ascii_before = "".join(f"\\x{i:02x}" for i in range(128) if not re.match(r"[\w\-']", chr(i)))
        scan = _cased_trie(scanned)
        self.cue_after_re = re.compile(f"[{ascii_before}\\x80-\\U0010ffff](?:{scan})(?![\\w\\-’])")

    def _agencies_and_media(self, src: dict[str, Any]) -> None:
        self.agency_of: dict[str, str] = {}
        agency_names: set[str] = set()
        for canon, variants in src["agencies"].items():
            for v in [canon, *variants]:
                self.agency_of[v.lower()] = canon
                agency_names.add(v)
        self.agency_re = words_re(agency_names, flags=0)
        self.media_names = [n for n in src["media"]["names"]]
        self.media_name_re = words_re(self.media_names, flags=0)
        self.media_words = set(w.lower() for w in src["media"]["words"])
        self.media_word_re = words_re(self.media_words)
        self.media_name_set = frozenset(" ".join(n.split()) for n in self.media_names)

    def _anonymous(self, src: dict[str, Any]) -> None:
        self.anonymous_res = [re.compile(p, re.IGNORECASE) for p in src["anonymous"]]
        self.anonymous_re = re.compile("|".join(f"(?:{p})" for p in src["anonymous"]), re.IGNORECASE)
        context = [p for p in src["anonymous"] if "condition" in p or "authori" in p or "be (?:named" in p]
        self.anonymous_context_re = re.compile("|".join(f"(?:{p})" for p in context), re.IGNORECASE)
        # the hints (literal word pieces, only looked for) as a trie: one branch tried per first letter
        self.anonymous_hint_re = re.compile(trie_pattern(self.words.anonymous_hints))

    def _roles_and_organisations(self, src: dict[str, Any]) -> None:
        self.role_words = set(w.lower() for w in src["roles"]["words"])
        self.honorifics = set(w.lower() for w in src["roles"]["honorifics"])
        self.role_re = words_re(self.role_words)
        self.org_names = list(src["organizations"]["names"])
        self.org_name_re = words_re(self.org_names, flags=0)
        self.org_name_set = frozenset(" ".join(n.split()) for n in self.org_names)
        self.org_words = set(w.lower() for w in src["organizations"]["words"])
        self.doc_words = set(w.lower() for w in src["documents"]["words"])
        self.social_words = set(w.lower() for w in src["social_media"]["words"])
        self.social_re = words_re(self.social_words)
        self.platforms = {k.lower(): v for k, v in src["social_media"]["platforms"].items()}
        self.group_words = set(w.lower() for w in src["groups"]["words"])

    def _people(self, src: dict[str, Any]) -> None:
        self.demonyms = {k.lower(): v for k, v in src["demonyms"].items()}
        self.countries = {v.lower(): v for v in self.demonyms.values()}
        # a capital alone stands for its country's government ("Moscow has cited ...")
        self.countries.update({k.lower(): v for k, v in src.get("capitals", {}).items()})
        self.countries.update({v.lower(): v for v in src.get("capitals", {}).values()})  # 'North Korea'
        names = src.get("country_names", {})
        #: other names of countries ("the U.S.", "Britain"), for a whole source only (not inside a phrase: "U.S.
        #: officials"); those in capitals ("US", "UK") as written
        self.country_codes = {k: v for k, v in names.items() if k.isupper() and "." not in k}
        self.country_aliases = {k.lower(): v for k, v in names.items() if k not in self.country_codes}
        gov = src.get("governments", {})
        #: whole sources that stand for a government: US states by name, "the state", "the city" (lower case)
        self.state_names = frozenset(gov.get("states", ()))
        self.government_nouns = frozenset(w.lower() for w in gov.get("definite", ()))
        self.pronoun_kind: dict[str, str] = {}
        for kind, words in src["pronouns"].items():
            for w in words:
                self.pronoun_kind.setdefault(w.lower(), kind)
        self.places = frozenset(src["places"]["names"])
        self.place_suffixes = frozenset(src["places"]["suffixes"])
        g = src["gender"]
        self.male = set(w.lower() for w in g["male_titles"]) | set(w.lower() for w in g["male_names"])
        self.female = set(w.lower() for w in g["female_titles"]) | set(w.lower() for w in g["female_names"])
        #: the common given names of ``gender`` (no titles): 'Michael' in 'Michael Cohen'
        self.given_names = frozenset(w.lower() for w in g["male_names"] + g["female_names"])
        gendered = self.words.male_words + self.words.female_words
        # the first token (a run of word characters, dots, apostrophes and hyphens) that is a gendered
        # title or role, trailing dots aside
        self.gender_word_re = re.compile(r"(?<![\w.’'-])(" + "|".join(gendered) + r")\.*(?![\w.’'-])",
                                         re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """The compiled lexicons (built on first use, then cached for the process)."""
    return Lexicons()
