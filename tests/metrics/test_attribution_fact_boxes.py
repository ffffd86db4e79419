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
