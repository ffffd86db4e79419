"""Signed quotations and embedded posts (stop 42): '“...” ― Name' and '... — Name (@handle) Date'."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution._dash_lines import dash_lines
from mediakit.metrics.attribution._document import prepare

from ._attribution_triples import triples


def test_a_list_of_signed_reader_quotations():
    text = ("Here is what readers told us:\n\n"
            "“He has brought about social division and strife. He represents our greatest shame.” ― Sonya Herridge\n"
            "“He makes simple blanket statements about people he knows nothing about.” ― Pamela Padilla\n"
            "“Most of us are hard-working, tax-paying, successful entrepreneurs, unlike him.” ― Carla Sanchez.\n\n"
            "Getty/Instagram.")
    out = [(cue, s) for cue, s, _ in triples(text)]
    assert out[-3:] == [("―", "Sonya Herridge"), ("―", "Pamela Padilla"), ("―", "Carla Sanchez")], out


def test_an_embedded_post_signed_with_its_handle():
    text = ("Rudy Giuliani and Jeff Sessions briefly wore hats at the rally. Just another day in the campaign. "
            "— Sahil Kapur (@sahilkapur) September 1, 2016\n\nMany reporters noticed.")
    assert triples(text) == [("—", "Sahil Kapur (@sahilkapur)", "Rudy Giuliani and Jeff Sessions briefly wore hats "
                              "at the rally. Just another day in the campaign.")], triples(text)


def test_a_post_signature_on_a_line_of_its_own():
    text = ("Notice the warping of the line across both the eyes and nose. pic.twitter.com/U7PMa4oNGN\n\n"
            "— Dave Schukin   (@schukin) July 3, 2019\n\nIt is not clear which devices the feature supports.")
    assert [(cue, s) for cue, s, _ in triples(text)] == [("—", "Dave Schukin   (@schukin)")], triples(text)


def test_a_byline_after_a_reported_quotation_is_no_signature():
    text = ("Rajoy said Monday that he will try to form a government and insisted that his party was \"still the "
            "No. 1 force in Spain.\"--Kim Hjelmgaard.\n\nOther news followed.")
    out = triples(text)
    assert all(cue != "--" for cue, _, _ in out), out
    assert any(cue == "insisted" and "force in Spain." in c for cue, _, c in out), out


def test_dashes_in_prose_are_no_signatures():
    for text in ("The slogan “Make America Great Again” — Trump’s motto — is everywhere.",
                 "The “Buy American”-style rules were dropped — Congress never voted on them.",
                 "He paused — Smith was not there."):
        assert dash_lines(prepare(text)) == [], text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", "\"", " ― ", " — ", "--", " - ", "Sonya", "Herridge", "(@sh)", "said",
                                 "the", ".", "\n", "July 3, 2019", "We", "win"]), max_size=40).map("".join))
def test_odd_text_gives_signatures_inside_the_text(text):
    doc = prepare(text)
    for a in dash_lines(doc):
        assert text[a.cue[0]:a.cue[1]] in ("―", "—", "–", "--", "-")
        assert a.source is not None and 0 <= a.source[0] < a.source[1] <= len(text)
        assert all(0 <= s < e <= len(text) for s, e in a.content)


def test_turns_of_a_transcript_quoted_in_full():
    text = ("Partial transcript as follows:\n\n\"WALLACE: Let us start with breaking news on the debate story.\n\n"
            "\"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode.\n\n"
            "\"WALLACE: If I may, sir, because we have got limited time.\n\nOther news.")
    assert [(cue, s) for cue, s, _ in triples(text)] == [(":", "WALLACE"), (":", "PENCE"), (":", "WALLACE")]


def test_a_quoted_sentence_with_a_colon_is_no_turn():
    out = triples("He wrote:\n\n\"NOTE: the meeting is at noon, and nobody should be late to it.\"\n\nMore.")
    assert out and all(s != "NOTE" for _, s, _ in out), out


def test_a_signed_line_opened_with_a_closing_mark():
    text = ("Getty/Instagram.\n\n”Mr. Trump embodies the lasting legacy of racism in the United States. He represents "
            "our greatest shame.” ― Sonya Herridge\n“He has said hateful things time and again.” ― Beck Pimentel")
    assert [(cue, s) for cue, s, _ in triples(text)] == [("―", "Sonya Herridge"), ("―", "Beck Pimentel")]
