"""A transcript's speaker heads in capitals ("MARTIN:", "DETROW:") are the people the transcript introduced.

Before, "MARTIN:" after "RACHEL MARTIN, HOST:" was a source of its own with no role (on the first 3,000 AllSides
articles, NPR's hosts and correspondents alone gave about 30 such rows).
"""

from __future__ import annotations

import pytest

from mediakit.metrics.attribution import find_attributions
from mediakit.metrics.attribution._resolution import _capitals_at_end

NPR = ("Primaries In 4 States Could Impact Battle To Control Congress\n\n"
       "RACHEL MARTIN, HOST:\n\n"
       "There is another round of primary elections today. NPR congressional correspondent Scott Detrow is here.\n\n"
       "Hey, Scott.\n\n"
       "SCOTT DETROW, BYLINE: Good morning.\n\n"
       "MARTIN: So Republicans are on defense in Pennsylvania. What's made this state so important?\n\n"
       "DETROW: Pennsylvania's always pretty close. And the suburbs were viewed as a key battleground.\n\n"
       "MARTIN: All right. Thanks, Scott.\n\n"
       "DETROW: Thank you.\n")


def test_capitals_heads_are_the_people_introduced():
    rows = [r for r in find_attributions(NPR) if r["cue_text"] == ":"]
    by_head = {}
    for r in rows:
        by_head.setdefault(r["source_text"], set()).add((r["speaker"], r["source_role"]))
    assert by_head["MARTIN"] == {("RACHEL MARTIN", "media")}
    assert by_head["DETROW"] == {("Scott Detrow", "media")}
    # the head that names him in capitals is the text's "Scott Detrow" too
    assert by_head["SCOTT DETROW, BYLINE"] == {("Scott Detrow", "media")}


def test_capitals_of_an_outlet_stay_the_outlet():
    text = ("Jake Tapper of CNN interviewed the senator.\n\n"
            "CNN reported that the talks had failed, citing two officials.")
    row = next(r for r in find_attributions(text) if r["cue_text"] == "reported")
    assert row["speaker"] == "CNN"
    assert row["source_role"] == "media"


@pytest.mark.parametrize("tokens, expected", [
    (["Deadline", "RACHEL", "MARTIN"], ["RACHEL", "MARTIN"]),
    (["Martin", "Luther", "King", "III"], ["Martin", "Luther", "King", "III"]),
    (["George", "W.", "Bush"], ["George", "W.", "Bush"]),
    (["Paul", "Singer", "USA", "TODAY"], ["Paul", "Singer", "USA", "TODAY"]),
])
def test_capitals_at_end(tokens, expected):
    assert _capitals_at_end(tokens) == expected


DEMOCRACY_NOW = ("AMY GOODMAN: This is Democracy Now!, democracynow.org, The War and Peace Report. I\u2019m Amy Goodman.\n\n"
                 "A new study finds that people die for lack of health insurance. We\u2019re joined now by the author of "
                 "the study, Dr. Steffie Woolhandler, professor at CUNY-Hunter College.\n\n"
                 "DR. STEFFIE WOOLHANDLER: Thank you for having me. We reviewed the literature on insurance.\n\n"
                 "AMY GOODMAN: Tell us what you found.\n\n"
                 "DR. STEFFIE WOOLHANDLER: We found that insurance saves lives, and I think it is clear.\n")


def test_a_transcripts_host_is_media_and_a_guest_keeps_her_role():
    rows = [r for r in find_attributions(DEMOCRACY_NOW) if r["cue_text"] == ":"]
    roles = {(r["speaker"], r["source_role"], r["role_evidence"]) for r in rows}
    assert ("AMY GOODMAN", "media", "host:turn") in roles
    assert ("Steffie Woolhandler", "expert", "title:professor") in roles
    assert not any(s == "Steffie Woolhandler" and role == "media" for s, role, _ in roles)  # a guest hosts nothing
