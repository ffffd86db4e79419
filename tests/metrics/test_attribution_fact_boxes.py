"""Fields of a fact box in capitals ("WHAT:", "TARGET:") are no transcript turns; speakers in capitals are."""

from __future__ import annotations

import pytest

from mediakit.metrics.attribution import find_attributions

FACT_BOX = ("The festival returns this weekend.\n\n"
            "WHAT: The annual harvest festival, with music and food.\n\n"
            "WHEN: Saturday, 10 a.m. to 6 p.m.\n\n"
            "WHERE: Riverside Park.\n\n"
            "COST: Free for children, $5 for adults.")

ATTACKS = ("A list of the attacks, as released.\n\nNUMBER OF ATTACKS: 78\n\n"
           + "\n\n".join(f"TARGET: Two police officers wounded in knife attack {k}\n\n"
                         f"ATTACKER: Abdul Numan Haider, 18, shot dead {k}" for k in range(3))
           + "\n\nSMALL BUSINESS: The small business owners of the town, a business group.")


@pytest.mark.parametrize("text", [FACT_BOX, ATTACKS])
def test_fact_box_fields_are_no_speakers(text):
    assert [a["source_text"] for a in find_attributions(text)] == []


def test_speakers_in_capitals_still_speak():
    text = ("Jake Tapper spoke with the senator on Sunday.\n\n"
            "TAPPER: Do you support the bill?\n\n"
            "SEN. BERNIE SANDERS: It is a good bill and it will pass.\n\n"
            "AMY GOODMAN: The news now.\n\n"
            "NERMEEN SHAIKH: Welcome to the show.\n\n"
            "JB: Thanks for having me.")
    heads = [a["source_text"] for a in find_attributions(text) if a["cue_lemma"] == "colon"]
    # TAPPER: 'Jake Tapper' names him; SEN.: a title; AMY: a given name; NERMEEN SHAIKH: no word the text
    # writes in lower case; JB: initials
    assert heads == ["TAPPER", "SEN. BERNIE SANDERS", "AMY GOODMAN", "NERMEEN SHAIKH", "JB"]


def test_a_turn_that_speaks_makes_its_head_a_speaker():
    # 'WALLACE' is named nowhere else, but his turns ask and say "you", "I"
    text = ("Partial transcript as follows:\n\n"
            "WALLACE: Do you really see those two as equivalent?\n\n"
            "PENCE: I think the governor was right.\n\n"
            "WALLACE: Governor, I don't want to interrupt.")
    heads = [a["source_text"] for a in find_attributions(text) if a["cue_lemma"] == "colon"]
    assert heads == ["WALLACE", "PENCE", "WALLACE"]


def test_an_npr_transcripts_host_and_reporter_are_media():
    text = ("RACHEL MARTIN, HOST:\n\nThe president spoke today.\n\n"
            "RACHEL MARTIN, HOST: We turn now to the news from Washington.\n\n"
            "SCOTT DETROW, BYLINE: The president said he would veto the bill.")
    rows = [(a["speaker"], a["source_role"]) for a in find_attributions(text) if a["cue_lemma"] == "colon"]
    assert rows == [("RACHEL MARTIN", "media"), ("SCOTT DETROW", "media")]


def test_lists_by_place_are_no_speaker_lines():
    """'Oregon: Family leave ...' heads a list of places (stop 49: 16 such rows in 3,000 AllSides articles)."""
    text = ("New laws take effect on Tuesday.\n\n"
            "Oregon: Family leave in Oregon has been expanded to allow two weeks of paid leave.\n\n"
            "California: Homeless youth are eligible to receive food stamps. California passed it in May.\n\n"
            "New Jersey: Democratic Sen. Bob Menendez, plagued by questions, is in a close race.")
    assert [r for r in find_attributions(text) if r["cue_text"] == ":"] == []


def test_page_labels_are_no_speaker_lines():
    text = ("The debate went on.\n\nOpinion: The NATO show is Putin's favorite comedy, he argues.\n\n"
            "Earlier: Democrats Closer to Seeing Trump Finance Records With Ruling\n\n"
            "NOW WATCH: \u20185 Things You Need To Know About Judge Brett Kavanaugh\u2019")
    assert [r for r in find_attributions(text) if r["cue_text"] == ":"] == []


def test_fact_check_and_exclusive_labels_are_no_speaker_lines():
    text = ("CLAIM: U.S. Debt Will Be Downgraded If A Budget Deal Is Not Reached\n\n"
            "Claim: \u201cEven conservative experts say the agenda will hurt the economy.\u201d\n\n"
            "EXCLUSIVE: FBI TEXTS OBTAINED BY FOX NEWS SHOW DOJ WARNED OF BIAS\n\n"
            "Verdict: Mostly false.")
    assert [r for r in find_attributions(text) if r["cue_text"] == ":"] == []


def test_a_named_columnist_line_still_speaks():
    text = 'Gerald F. Seib, The Wall Street Journal: "The party has a problem."\n\nSeib added that it was late.'
    rows = [r for r in find_attributions(text) if r["cue_text"] == ":"]
    assert [r["source_text"] for r in rows] == ["Gerald F. Seib, The Wall Street Journal"]
