"""People's hover cards left in a page's text (``strip_name_cards``), in the loaders and on real pages."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediakit import load_articles
from mediakit.text import strip_name_cards

#: a card as The Hill's pages keep it inline: the full name glued to the first headline, "MORE" at its end
CARD = ("said Rep. Charlie Dent Charles (Charlie) Wieder DentOvernight Health Care — Federal judge blocks rule | "
        "Health officials tie illnesses to a brand MORE (R-Pa.) in a statement.")


@pytest.mark.parametrize("text, expected", [
    (CARD, "said Rep. Charlie Dent (R-Pa.) in a statement."),
    ("President Trump Donald John TrumpKamala Harris calls for a suspension Clinton jokes about it MORE said on "
     "Monday.", "President Trump said on Monday."),
    ("Sens. Mitt Romney Willard (Mitt) Mitt RomneySenate passes bill banning sales to minors MORE (Utah) and "
     "Al Green Alexander (Al) N. GreenThe Memo: Will Iran sideline impeachment? MORE (D-Texas) voted no.",
     "Sens. Mitt Romney (Utah) and Al Green (D-Texas) voted no."),
    # no card: a surname repeated, "MORE" in capitals, a card without its end in the paragraph
    ("Sen. Mitt Romney said MORE than once that Romney would vote no.", None),
    ("Rep. Charlie Dent Charles Wieder DentOvernight Health Care news\n\nMORE to come.", None),
    ("on renewal.\n\nCLICK HERE TO READ MORE BY THOMAS H. CONNER", None),
])
def test_cards_are_removed_and_the_name_kept(text: str, expected: str | None) -> None:
    assert strip_name_cards(text) == (text if expected is None else expected)


@given(st.text())
def test_any_text_loses_only_whole_cards(text: str) -> None:
    out = strip_name_cards(text)
    if " MORE" not in text:
        assert out == text
    assert strip_name_cards(out) == out or " MORE" in out  # idempotent unless a second card surfaces
    assert len(out) <= len(text)


def test_the_loaders_remove_cards(tmp_path) -> None:
    path = tmp_path / "hill.jsonl"
    path.write_text(json.dumps({"id": "a", "outlet": "The Hill", "title": "Dent on the rule", "text": CARD}) + "\n")
    df = load_articles(path, progress=False)
    assert df.loc[0, "text"] == "said Rep. Charlie Dent (R-Pa.) in a statement."


@pytest.mark.corpus
def test_allsides_hill_pages_lose_their_cards(corpora) -> None:
    """Measured at the change: in the first 3,000 AllSides articles, 507 cards in 92 of The Hill's 102 pages (and one
    guest column that carries them); once removed, no name is glued to a headline before a "MORE"."""
    import mediakit.datasets as ds

    df = ds.load_allsides(corpora / "allsides" / "articles.jsonl.gz", limit=3000, progress=False)
    glued = re.compile(r"\b([A-Z][a-z]+) [A-Z][a-z]+ (?:\([A-Z][a-z]+\) )?(?:[A-Z][a-z.]+ ){0,3}\1[A-Z][a-z][^\n]*?\sMORE\b")
    left = [(o, m.group()[:80]) for o, t in zip(df["outlet"], df["text"], strict=True) for m in glued.finditer(t)]
    assert left == []
    hill = df[df["outlet"] == "The Hill"]
    assert len(hill) > 50 and not hill["text"].str.contains(" MORE (", regex=False).any()
