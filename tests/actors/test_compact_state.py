"""What :func:`mediakit.actor_labels` keeps of each article through its passes is compact: shared objects where
the values repeat (a worker of the whole AllSides file holds half a million mentions), the same values as before."""

from __future__ import annotations

import pandas as pd

from mediakit.actors._actorset import actors_from_user
from mediakit.actors._descriptions import find_descriptions
from mediakit.actors._label_passes import article_rows, labelled_mentions
from mediakit.actors._mentions import Matcher, find_mentions
from mediakit.actors._names import SentenceStarts
from mediakit.actors._parts import parts_of

_TEXT = ("Syria's ousted leader Bashar al-Assad fled. Assad, the former president, spoke to Mr. Obama. "
         "Obama said nothing; later Assad's aides met the vice president.")
_EMPTY = tuple()  # the one empty tuple


def _labelled():
    article = pd.DataFrame({"article_id": ["a"], "text": [_TEXT]})
    ps = parts_of(article, ("text",), 0)[0]
    actors = actors_from_user(["Bashar al-Assad", "Barack Obama"], func="test")
    ms = find_mentions(ps, actors, Matcher(actors.by_variant), set())
    return labelled_mentions(ms, set())


def test_mentions_without_labels_share_the_empty_tuple_and_their_end():
    labelled = _labelled()
    assert [(m.start, m.end, m.poss_end) for m, _ in labelled] == [(22, 37, 37), (44, 49, 49), (86, 91, 91),
                                                                    (93, 98, 98), (119, 124, 126)]
    assert [type(labels) for _, labels in labelled] == [tuple] * 5
    assert [labels is _EMPTY for _, labels in labelled] == [False, False, False, True, True]
    assert [m.poss_end is m.end for m, _ in labelled] == [True, True, True, True, False]  # one int, not two
    rows = article_rows("a", "Outlet", labelled, [])
    assert [r[6:11] for r in rows] == [
        ("Bashar al-Assad", 22, 37, "ousted leader", "pre-title"),
        ("Assad", 44, 49, "the former president", "appositive"),
        ("Obama", 86, 91, "Mr.", "honorific"),
        ("Obama", 93, 98, pd.NA, pd.NA),
        ("Assad", 119, 124, pd.NA, pd.NA)]


def test_sentence_offsets_in_c_ints():
    starts = SentenceStarts(_TEXT)
    assert starts.starts.typecode == starts.ends.typecode == starts.opened.typecode == "i"
    assert starts.bounds() == ((0, 43), (44, 92), (93, len(_TEXT)))


def test_description_words_are_interned():
    a, b = find_descriptions("Later the ousted leader of Syria met the ousted leader of Iraq.")
    assert (a.head, a.mods, b.head, b.mods) == ("leader", ("ousted", "syria"), "leader", ("ousted", "iraq"))
    assert a.head is b.head and a.key is b.key and a.mods[0] is b.mods[0]
