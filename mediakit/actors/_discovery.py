"""Actor discovery: the people a corpus names, their name variants merged; the actors to report."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .._validation import check_articles, check_positive_int
from ..text import scored_articles
from ._actorset import Actors, actors_from_user, build_actors
from ._lexicon import actor_lexicon, actor_stopwords, first_name_gender, norm_word
from ._mentions import Matcher, Mention, find_mentions
from ._names import (
    SentenceStarts,
    Tok,
    is_label_word,
    is_title_case,
    is_title_word,
    name_key,
    name_runs,
    sentence_starts,
    surname_forms,
    title_case,
    titled_before,
    trim_particles,
)
from ._parts import PART_RANK, PARTS, Part, check_parts, lower_words, parts_of
from ._scan import INITIAL_RE, NEXT_WORD_RE

__all__ = ["Candidates", "Grouped", "choose_actors", "count_mentions", "discover_actors", "extra_mentions",
           "found_actors", "grouped_candidates", "merge_grouped", "resolve_actors", "resolve_with_candidates",
           "user_actors"]


_NEWLINE_RE = re.compile("\n")


class _Candidate(NamedTuple):
    article: int
    part_rank: int
    offset: int
    words: tuple[str, ...]
    titled: bool  # a title, honorific or epithet stands right before it


_GroupKey = tuple[str, str | None]  # (surname key, first-name key)


# --------------------------------------------------------------------------- candidates


@lru_cache(maxsize=1 << 16)  # as is_label_word: asked of the same words again and again
def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _person_run(words: Sequence[str]) -> bool:
    """Does a multi-word capitalised run look like a person's name?"""
    lex = actor_lexicon()
    if not 2 <= len(words) <= 5:
        return False
    norms = [norm_word(w) for w in words]
    if norms[0] in lex["place_starts"] or norms[0] in lex["name_particles"]:
        return False
    stop = actor_stopwords()
    if any(n in stop and n not in lex["name_particles"] for n in norms):
        return False  # "Running For President In", "Ultimately I"
    for w, n in zip(words, norms, strict=True):
        if n.rstrip(".") in lex["not_person"] or n in lex["not_person"] or n in lex["calendar"]:
            return False
        if _is_acronym(w) and n not in lex["name_suffixes"] and not INITIAL_RE.match(w):
            return False  # an acronym: "NBC News"
    last = norms[-1]
    if all(is_label_word(w) for w in words) or last in lex["modifiers"] or last in lex["nationalities"] \
            or last in lex["abbreviated_titles"] or last in lex["honorifics"]:
        return False  # "Open Doors Relief", "St. Louis-based U.S."
    return True


def _split_at_calendar(run: list[Tok]) -> list[list[Tok]]:
    """A run split at calendar words ("Dec. 9", "Monday")."""
    calendar = actor_lexicon()["calendar"]
    pieces: list[list[Tok]] = [[]]
    for t in run:
        if norm_word(t.text) in calendar:
            pieces.append([])
        else:
            pieces[-1].append(t)
    return pieces


def _drop_sentence_opener(piece: list[Tok], starts: SentenceStarts, lower: set[str]) -> list[Tok]:
    """Without a common word that is capitalised only because it opens the sentence."""
    first = norm_word(piece[0].text)
    if piece[0].start in starts and not is_label_word(piece[0].text) and (
        first in actor_stopwords() or first in lower
        or (len(first) > 5 and first.endswith(("ing", "ed", "ly")))  # "Neighboring Estrenia"
        or (len(piece) >= 3 and first_name_gender(f"{piece[0].text} x") is None
            and first_name_gender(f"{piece[1].text} x") is not None)  # "Hold Melania Trump to ...": a verb
    ):
        return piece[1:]
    return piece


def _cut_leading_labels(piece: list[Tok]) -> tuple[list[Tok], bool]:
    """Titles, nationalities and honorifics are labels, not the name: the name starts after the
    last of them ("Maine Gov. Paul LePage"; not in "Martin Luther King Jr."). Also says whether
    a title was cut."""
    if len(piece) < 2:
        return piece, False
    # a label is cut only when a word other than a name suffix follows it: before the last such word
    suffixes = actor_lexicon()["name_suffixes"]
    last_name_word = len(piece) - 1
    while last_name_word and norm_word(piece[last_name_word].text) in suffixes:
        last_name_word -= 1
    stop = actor_stopwords()
    cut = 0
    for k, t in enumerate(piece[:last_name_word]):
        if is_label_word(t.text) or norm_word(t.text) in stop:
            cut = k + 1
    if not cut:
        return piece, False
    return piece[cut:], any(is_title_word(t.text, epithets=False) for t in piece[:cut])


def _single_word_kept(text: str, tok: Tok, titled: bool, solo: Counter[str]) -> bool:
    """A one-word candidate counts only right after a title or honorific ("President Roszak")."""
    lex = actor_lexicon()
    word = tok.text
    n = norm_word(word)
    solo[n] += 1
    if is_label_word(word) or n in actor_stopwords():
        return False
    if not titled and not titled_before(text, tok.start, epithets=False):
        return False
    if n in lex["not_person"] or _is_acronym(word):
        return False
    nxt = NEXT_WORD_RE.match(text, tok.full_end, tok.full_end + 40)
    # "the notorious Hollin prison"
    return nxt is None or norm_word(nxt.group(1)) not in lex["not_person"]


def _piece_candidate(text: str, piece: list[Tok], starts: SentenceStarts, lower: set[str],
                     solo: Counter[str]) -> tuple[tuple[str, ...], int, bool] | None:
    """(words, offset, titled) of the person name in a piece of a capitalised run, or None."""
    piece = _drop_sentence_opener(piece, starts, lower)
    piece, titled = _cut_leading_labels(piece)
    piece = trim_particles(piece)
    if not piece:
        return None
    words = tuple(t.text for t in piece)
    if len(words) == 1:
        if not _single_word_kept(text, piece[0], titled, solo):
            return None
        titled = True
    elif not _person_run(words):
        return None
    return words, piece[0].start, titled


def _candidates_of_part(text: str, article: int, part_rank: int, lower: set[str],
                        out: list[_Candidate], solo: Counter[str]) -> None:
    """Append the person-name candidates of one part (headline, body or caption).

    ``solo`` counts the capitalised words that stand alone (a one-word run), to tell a
    place before a surname ("in Morvania Roszak was staying") from a first name.
    """
    if not text or is_title_case(text):
        return
    starts = sentence_starts(text)
    breaks = [m.start() for m in _NEWLINE_RE.finditer(text)] + [len(text)]
    lines: dict[int, bool] = {}  # line -> a Title Case line ("What Mexico Could Do When Up Against Trump.")
    for run in name_runs(text):
        if not run:
            continue
        k = bisect_right(breaks, run[0].start)
        if k not in lines:
            head = text[breaks[k - 1] + 1 if k else 0:breaks[min(k, len(breaks) - 1)]]
            lines[k] = len(head.split()) <= 16 and title_case(head)  # a headline, not a list of names
        if lines[k]:
            continue
        for piece in _split_at_calendar(run):
            if not piece:
                continue
            found = _piece_candidate(text, piece, starts, lower, solo)
            if found is not None:
                words, offset, titled = found
                out.append(_Candidate(article, part_rank, offset, words, titled))


# --------------------------------------------------------------------------- grouping


def _group_candidates(cands: list[_Candidate]) -> tuple[dict[_GroupKey, Counter[str]], dict[str, int]]:
    """Surface forms counted per name key, and the first position of each surface."""
    groups: dict[_GroupKey, Counter[str]] = defaultdict(Counter)
    order: dict[str, int] = {}
    for k, c in enumerate(cands):
        surface = " ".join(c.words)
        groups[name_key(c.words)][surface] += 1
        order.setdefault(surface, k)
    return groups, order


def _drop_place_first_names(groups: dict[_GroupKey, Counter[str]],
                            full_by_surname: dict[str, list[_GroupKey]], solo: Counter[str]) -> None:
    """A "first name" that mostly stands alone is a place or an organisation before a surname
    ("where in Morvania Roszak was staying"), when a more frequent full name has that surname and
    it is no known given name ("Melania" stands alone because the article calls her so)."""
    for keys in full_by_surname.values():
        if len(keys) < 2:
            continue
        top = max(sum(groups[g].values()) for g in keys)
        for g in list(keys):
            n = sum(groups[g].values())
            if n < top and solo[g[1] or ""] > n and first_name_gender(f"{g[1]} {g[0]}") is None:  # "Melania"
                del groups[g]
                keys.remove(g)


def _merge_compound_surnames(groups: dict[_GroupKey, Counter[str]],
                             full_by_surname: dict[str, list[_GroupKey]], lower: set[str]) -> set[str]:
    """A two-word name that ends a longer one with the same surname is that person under a compound
    surname ("Peña Nieto" of "Enrique Peña Nieto", "Vander Plaats" of "Bob Vander Plaats").

    Only when the longer name's most frequent form ends with it ("Omar Mateen", also written "Omar
    Mir Seddique Mateen", is not his father "Seddique Mateen"), its first word is no word of the
    corpus in lower case ("Chief of Staff Rahm Emanuel" gives "Staff Rahm Emanuel", not a person)
    and the shorter one's first word is no known given name ("Harvey Oswald" may be someone else).
    Returns the shorter forms merged: the longer name stays the canonical one.
    """
    absorbed: set[str] = set()
    for keys in full_by_surname.values():
        if len(keys) < 2:
            continue
        for g in list(keys):
            if any(len(s.split()) != 2 for s in groups[g]) or first_name_gender(f"{g[1]} X") is not None:
                continue
            longer = [k for k in keys if k != g and _ends_with_compound(groups[k], g[1] or "", lower)]
            if len(longer) == 1:
                absorbed.update(groups[g])
                groups[longer[0]].update(groups.pop(g))
                keys.remove(g)
    return absorbed


def _ends_with_compound(surfaces: Counter[str], word: str, lower: set[str]) -> bool:
    """Is the most frequent form of a name (3 or 4 words) a given name, then ``word`` and the surname?"""
    top = max(surfaces, key=lambda s: (surfaces[s], len(s)))
    w = top.split()
    return 2 < len(w) <= 4 and _plain(norm_word(w[-2])) == _plain(word) and norm_word(w[0]) not in lower


def _plain(word: str) -> str:
    """A word without its accents ("Pena" is "Peña" written without the tilde)."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _merge_surnames(groups: dict[_GroupKey, Counter[str]], full_by_surname: dict[str, list[_GroupKey]]) -> None:
    """Single titled words ("President Roszak") join the most frequent full name with that surname."""
    for key in [k for k in groups if k[1] is None]:
        fulls = full_by_surname.get(key[0])
        if fulls:
            best = max(fulls, key=lambda k: sum(groups[k].values()))
            groups[best].update(groups.pop(key))


def _forms_of_group(surfaces: Counter[str], order: dict[str, int],
                    absorbed: frozenset[str] | set[str] = frozenset()) -> tuple[str, list[str]]:
    """The canonical name of a group and its variants, longest first (never a form in ``absorbed``,
    the short forms of a compound surname, when another is multi-word)."""
    multi = [s for s in surfaces if len(s.split()) > 1]
    pool = [s for s in multi if s not in absorbed] or multi or list(surfaces)
    canon = max(pool, key=lambda s: (surfaces[s], len(s), -order[s]))
    forms = sorted(surfaces, key=lambda s: (-len(s), s))
    words = canon.split()
    if len(words) > 1:
        last = words[-1]
        if norm_word(last) in actor_lexicon()["name_suffixes"]:
            last = ""  # "Donald Trump Jr." is not "Trump"
        if last:
            for s in multi:
                forms += surname_forms(s.split()[-1])
    return canon, sorted(dict.fromkeys(forms), key=lambda f: (-len(f.split()), -len(f)))


#: The person-name candidates of some articles: surface forms counted per name key, the first position
#: of each surface among the candidates, the number of candidates and the lone capitalised words.
Grouped = tuple[dict[_GroupKey, Counter[str]], dict[str, int], int, Counter[str]]


def grouped_candidates(all_parts: list[list[Part]], lower: set[str]) -> Grouped:
    """The candidates of some articles, grouped (:data:`Grouped`); ``lower``: the corpus's lower-case words."""
    cands: list[_Candidate] = []
    solo: Counter[str] = Counter()
    for ps in all_parts:
        for p in ps:
            _candidates_of_part(p.text, p.article, PART_RANK[p.kind], lower, cands, solo)
    groups, order = _group_candidates(cands)
    return groups, order, len(cands), solo


def merge_grouped(chunks: Sequence[Grouped]) -> Grouped:
    """The :data:`Grouped` candidates of consecutive chunks of a corpus as one pass over it gives them
    (same counts, same first positions, same order of keys and surfaces)."""
    groups: dict[_GroupKey, Counter[str]] = defaultdict(Counter)
    order: dict[str, int] = {}
    solo: Counter[str] = Counter()
    offset = 0
    for g, o, n, s in chunks:
        for key, surfaces in g.items():
            groups[key].update(surfaces)
        for surface, k in o.items():
            order.setdefault(surface, offset + k)
        offset += n
        solo.update(s)
    return groups, order, offset, solo


def _discover(all_parts: list[list[Part]]) -> tuple[Actors, set[str]]:
    """Candidate actors of a corpus (before the min_mentions filter) and its lower-case words."""
    lower = lower_words(all_parts)
    return found_actors(grouped_candidates(all_parts, lower), lower), lower


def found_actors(grouped: Grouped, lower: set[str]) -> Actors:
    """The candidate actors of a corpus (before the min_mentions filter) from its grouped candidates."""
    groups, order, _, solo = grouped
    full_by_surname: dict[str, list[_GroupKey]] = defaultdict(list)
    for key in groups:
        if key[1] is not None:
            full_by_surname[key[0]].append(key)
    _drop_place_first_names(groups, full_by_surname, solo)
    absorbed = _merge_compound_surnames(groups, full_by_surname, lower)
    _merge_surnames(groups, full_by_surname)
    variants: dict[str, list[str]] = {}
    weight: dict[str, int] = {}
    for surfaces in groups.values():
        canon, forms = _forms_of_group(surfaces, order, absorbed)
        if canon in variants:  # same surface from two keys: keep the first
            continue
        variants[canon] = forms
        weight[canon] = sum(surfaces.values())
    return build_actors(variants, weight, anchored=True)


# --------------------------------------------------------------------------- the actors to report

_ACTOR_TYPES = (str, Mapping, list, tuple, set, frozenset, pd.Series, pd.Index)


def _check_min_mentions(min_mentions: Any, func: str) -> int:
    if isinstance(min_mentions, np.integer):
        min_mentions = int(min_mentions)
    return check_positive_int(min_mentions, name="min_mentions", func=func)


class Candidates(NamedTuple):
    """Actors discovered but named fewer than ``min_mentions`` times, that descriptions may lift over it.

    ``extras`` are their canonical names, ``counts`` their name mentions and ``mentions`` those
    mentions by article index (found among all the candidates, as discovery counts them).
    """

    extras: frozenset[str]
    counts: dict[str, int]
    mentions: dict[int, list[Mention]]


_NO_CANDIDATES = Candidates(frozenset(), {}, {})


def _chosen_and_candidates(all_parts: list[list[Part]], min_mentions: int,
                           wider: bool) -> tuple[Actors, set[str], Candidates]:
    """The discovered actors named at least ``min_mentions`` times, the corpus's lower-case words and
    (with ``wider``) the multi-word candidates named fewer times (:class:`Candidates`)."""
    found, lower = _discover(all_parts)
    per_article, counts = count_mentions(all_parts, found, lower)
    chosen, extras = choose_actors(found, counts, min_mentions, wider)
    if not extras:
        return chosen, lower, _NO_CANDIDATES
    return chosen, lower, Candidates(extras, {c: counts[c] for c in extras}, extra_mentions(per_article, extras))


def count_mentions(all_parts: list[list[Part]], found: Actors,
                   lower: set[str]) -> tuple[list[list[Mention]], Counter[str]]:
    """The mentions of the candidate actors in each article, and their number per actor."""
    pattern = Matcher(found.by_variant)
    counts: Counter[str] = Counter()
    per_article: list[list[Mention]] = []
    for ps in all_parts:
        named = find_mentions(ps, found, pattern, lower)
        counts.update(m.actor for m in named)
        per_article.append(named)
    return per_article, counts


def choose_actors(found: Actors, counts: Mapping[str, int], min_mentions: int,
                  wider: bool) -> tuple[Actors, frozenset[str]]:
    """The candidate actors named at least ``min_mentions`` times, and (with ``wider``) the multi-word
    ones named fewer times (:attr:`Candidates.extras`) from the corpus's mention ``counts``."""
    keep = {c: list(v) for c, v in found.variants.items() if counts.get(c, 0) >= min_mentions}
    chosen = build_actors(keep, {c: counts[c] for c in keep}, anchored=True)
    if not wider:
        return chosen, frozenset()
    # one-word candidates ("President Roszak" never named in full) stay out: a full name is needed
    return chosen, frozenset(c for c in found.multiword if 0 < counts.get(c, 0) < min_mentions)


def extra_mentions(per_article: list[list[Mention]], extras: frozenset[str]) -> dict[int, list[Mention]]:
    """The mentions of the ``extras`` by article index (:attr:`Candidates.mentions`)."""
    return {i: ms for i, ms in ((i, [m for m in named if m.actor in extras])
                                for i, named in enumerate(per_article)) if ms}


def resolve_with_candidates(min_mentions: int, all_parts: list[list[Part]], *, wider: bool = True,
                            func: str = "actor_labels") -> tuple[Actors, list[list[Mention]], set[str], Candidates]:
    """As :func:`resolve_actors` with ``actors=None``, and the :class:`Candidates` below ``min_mentions``
    (none when ``wider`` is False)."""
    _check_min_mentions(min_mentions, func)
    chosen, lower, cands = _chosen_and_candidates(all_parts, min_mentions, wider)
    pattern = Matcher(chosen.by_variant)
    mentions = [find_mentions(ps, chosen, pattern, lower) for ps in all_parts]
    return chosen, mentions, lower, cands


def resolve_actors(actors: Any, min_mentions: int, all_parts: list[list[Part]], *,
                   func: str = "actor_labels") -> tuple[Actors, list[list[Mention]], set[str]]:
    """The actors to report, every article's mentions of them, and the corpus's lower-case words."""
    given = user_actors(actors, min_mentions, func=func)
    if given is None:
        chosen, lower, _ = _chosen_and_candidates(all_parts, min_mentions, False)
    else:
        chosen, lower = given, lower_words(all_parts)
    pattern = Matcher(chosen.by_variant)
    mentions = [find_mentions(ps, chosen, pattern, lower) for ps in all_parts]
    return chosen, mentions, lower


def user_actors(actors: Any, min_mentions: int, *, func: str) -> Actors | None:
    """The :class:`Actors` of the ``actors`` option (None for None: to discover), the options checked."""
    _check_min_mentions(min_mentions, func)
    if actors is None:
        return None
    if not isinstance(actors, _ACTOR_TYPES):
        raise TypeError(f"{func}(): actors must be None, a list of names or a dict {{name: [variants]}}, "
                        f"got {type(actors).__name__}")
    return actors_from_user(actors if isinstance(actors, (str, Mapping)) else list(actors), func=func)


def scored_subset(articles: pd.DataFrame, languages: Any, *, func: str) -> pd.DataFrame:
    """The articles an actor function reads: those whose language is among ``languages`` or
    unknown (all of them for None), with one :class:`mediakit.text.LeftOutWarning` for the rest."""
    keep = scored_articles(articles, languages, func=func, consequence="they are left out")
    return articles if keep is None else articles[np.array(keep, dtype=bool)]


def discover_actors(articles: pd.DataFrame, *, min_mentions: int = 3,
                    parts: Sequence[str] = PARTS, languages: str | Sequence[str] | None = "en") -> pd.DataFrame:
    """Find the people a corpus names and merge the variants of each name.

    A candidate is a run of capitalised words (name particles such as "al-", "bin",
    "van der" allowed) of two to five words, after leading titles, nationalities and
    honorifics are taken off ("Russian Deputy Foreign Minister Sergei Ryabkov" gives
    "Sergei Ryabkov"), that is not an organisation, a place or an event (it has no word
    such as "Court", "News", "Street", "War", and does not start with "New", "North",
    ...), not an acronym, and not a sentence-initial common word (a capitalised word at
    the start of a sentence is dropped when the corpus also writes it in lower case or it
    is a function word). A single word counts only right after a title or honorific
    ("President Roszak", "Mr. Kell"). Title Case headlines are not read for candidates
    (every word is capitalised there), but names found elsewhere are matched in them.

    Names with the same surname and first name are one actor (Bashar al-Assad, Bashar
    Assad); the canonical form is the most frequent multi-word form. The surname alone
    ("al-Assad", "Assad", "Mr. Assad") is a variant; when two actors share it (Hillary and
    Bill Clinton) a surname-only mention goes to the actor named in full nearest before it
    in the same article (headline, then body, then captions), else the nearest after it,
    else the more frequent one in the corpus.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table (``article_id``, ``text``; ``title`` and ``captions`` are searched
        when present). Not modified.
    min_mentions : int, default 3
        Keep actors mentioned (under any variant) at least this often in the corpus. Name
        mentions only: :func:`actor_labels` also counts the descriptions of a person.
    parts : sequence of {'title', 'text', 'captions'}
        Parts searched.
    languages : str, sequence of str or None, default "en"
        The name rules and word lists are English: articles whose language is known
        (``language``, else detected: :func:`mediakit.text.article_languages`) and not among
        these are not read (one :class:`mediakit.text.LeftOutWarning` says how many). None:
        every article.

    Returns
    -------
    pandas.DataFrame
        One row per actor: ``actor`` (canonical name), ``n_mentions``, ``n_articles``
        and ``variants`` (tuple of the forms matched, longest first), most mentioned first.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Talks with Assad"],
    ...     "text": ["Syrian President Bashar al-Assad met envoys. Mr. Assad said al-Assad's "
    ...              "rule was stable."]})
    >>> discover_actors(arts, min_mentions=2)
                actor  n_mentions  n_articles                         variants
    0  Bashar al-Assad           4           1  (Bashar al-Assad, al-Assad, Assad)
    """
    func = "discover_actors"
    check_articles(articles, func=func)
    parts = check_parts(parts, func=func)
    articles = scored_subset(articles, languages, func=func)
    all_parts = parts_of(articles, parts)
    chosen, mentions, _ = resolve_actors(None, min_mentions, all_parts, func=func)
    n_m: Counter[str] = Counter()
    n_a: Counter[str] = Counter()
    for ms in mentions:
        n_m.update(m.actor for m in ms)
        n_a.update({m.actor for m in ms})
    rows = [(c, n_m[c], n_a[c], tuple(chosen.variants[c])) for c in chosen.variants]
    rows.sort(key=lambda r: (-r[1], r[0]))
    out = pd.DataFrame(rows, columns=["actor", "n_mentions", "n_articles", "variants"])
    return out.astype({"n_mentions": "int64", "n_articles": "int64"})
