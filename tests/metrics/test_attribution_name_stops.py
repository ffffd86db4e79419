"""A capitalised "To", "OR" or "AND" before a name is not part of it ("To Trump's critics", "either Clinton OR Trump")."""

from __future__ import annotations

import pytest

from mediakit.metrics.attribution import find_attributions


@pytest.mark.parametrize("text, source, speaker, role", [
    ("To Trump\u2019s critics, that reversal was seen as another effort to avoid responsibility.\n\n"
     "Trump said on Monday that he would decide.", "Trump", "Trump", "politician"),
    ("Governors pushed back.\n\nTo Sean Hannity, the decision was a mistake, he told viewers on Monday.",
     "he", "Sean Hannity", "media"),
    ("Republican pollster Frank Luntz says he's no fan of either Clinton OR Trump, but he says the race is close. "
     "Trump said he would win.", "Trump", "Trump", "politician"),
])
def test_a_stop_word_in_capitals_opens_no_name(text, source, speaker, role):
    rows = [a for a in find_attributions(text) if a["source_text"] == source]
    assert rows, find_attributions(text)
    assert (rows[-1]["speaker"], rows[-1]["source_role"]) == (speaker, role)
