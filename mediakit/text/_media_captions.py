"""Page furniture left inline in a page's text: photo and video captions moved apart, credits and the markers of
advertisements dropped.

Some sites' pages, saved as text, keep each picture's and video's furniture as a paragraph of its own between the
article's paragraphs (the BBC's, in AllSides' export):

    Image copyright Reuters Image caption Dan Coats repeatedly clashed with Donald Trump over Iran

    Media playback is unsupported on your device Media caption Three things to look for in New Hampshire results

    Image copyright AP

Agencies' photo captions end in their credit, as a paragraph of their own (the AP's, Reuters', USA Today's pages):

    Students are escorted out of Saugus High School ... in Santa Clarita, Calif. (AP Photo/Marcio Jose Sanchez)

    ... in the Rose Garden of the White House in Washington, U.S., October 16, 2017. REUTERS/Kevin Lamarque

NPR's pages keep the picture's toggle ("Enlarge this image toggle caption Saul Loeb/AFP/Getty Images ..."), and
CNN's keep each video's player as a paragraph ("JUST WATCHED Diplomat disagrees with Clinton on Libya Replay More
Videos ... MUST WATCH Diplomat disagrees with Clinton on Libya 02:00": 381 paragraphs in 123 of the first 3,000
AllSides articles; the video's title is its caption).

The caption is not the article's text: it puts sentences into the sentiment, the word choice and the attributions
("Image copyright Getty Images Image caption Many migrants seeking ..." was read as a source; "U.S. President Donald
Trump speaks to the media ... REUTERS/Kevin Lamarque" as an attribution). :func:`split_media_captions` takes such
paragraphs out of the text, keeps their captions (the ``captions`` column) and drops the bare credits and the player's
notice. A paragraph is recognised as a whole: by its opening words, "Image copyright X", "Image source, X", "Image
caption", "Media caption", "Media playback is unsupported on your device", "JUST WATCHED", "Enlarge this image",
"toggle caption", each with what follows in the same paragraph; or, in a text of several paragraphs, by a photo credit
ending a paragraph of at most 500 characters ("(AP Photo/Name)", "(Photo: Name/AP)", "(Reuters photo: Name)",
"REUTERS/Name", the credits :func:`~mediakit.loaders.load_articles` reads on HTML and text pages; not a bare "(AFP)",
which cites). In the AllSides file: 2,689 captions moved apart (and the bare credits dropped) in 868 of the BBC's
pages; in its first 3,000 articles, 281 agency captions (Reuters, Politico, AP, USA Today, ...) and 220 of NPR's
toggles.

Advertisements leave their markers as paragraphs of their own: the slot of each advertisement and the line that says
the story goes on after it ("Advertisement", "ADVERTISEMENT", "AD", "Story Continued Below", "Continue Reading
Below"): 1,464 such paragraphs in the first 3,000 AllSides articles (The Washington Post's "AD", Politico's "Story
Continued Below", The New York Times' "Advertisement"). They are not the article's text: the attribution read the
word with the name after it ("AD Trump", "Advertisement The") and the readability and word counts read them as
sentences. :func:`strip_ad_markers` drops such a paragraph when it is the marker and nothing else; a sentence that
names an advertisement is left alone.
"""

from __future__ import annotations

import re

from ._name_cards import strip_name_cards

__all__ = ["split_media_captions", "strip_ad_markers", "page_text", "AD_MARKER_RE", "PHOTO_AGENCIES",
           "PHOTO_AGENCY_CREDIT", "PHOTO_CREDIT", "PHOTO_CREDIT_RE"]

_CREDIT = r"Image (?:copyright|source)[,:]?\s+[^\n]{1,80}?"
#: CNN's video player: 'JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 02:45'
_CNN_PLAYER = (r"JUST WATCHED[ \t]+(?P<title>[^\n]+?)[ \t]+Replay[ \t]+More[ \t]+Videos[ \t]*(?:\.\.\.|\u2026)[ \t]*"
               r"MUST WATCH[ \t]+(?P=title)(?:[ \t]+\d{1,2}:\d{2})?")
_FURNITURE_RE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:"
    r"(?:" + _CREDIT + r"\s+)?Image caption[,:]?\s+(?P<image>[^\n]+)"  # 'Image copyright AP Image caption Dolls ...'
    r"|(?:Media playback is unsupported on your device\s+)?Media caption[,:]?\s+(?P<video>[^\n]+)"
    r"|Image (?:copyright|source)[,:]?\s+[^\n]{1,80}"  # a credit alone
    r"|Media playback is unsupported on your device"
    r")[ \t]*(?:\n[ \t]*\n|\n?\Z)")
#: CNN's video player, a paragraph of its own (with the blank line after it) or inside one
_CNN_PLAYER_RE = re.compile(r"[ \t]*" + _CNN_PLAYER + r"[ \t]*(?P<gap>\n[ \t]*\n)?")
#: every paragraph the pattern reads opens with one of these
_MARKERS = ("Image copyright", "Image source", "Image caption", "Media caption", "Media playback", "JUST WATCHED")
#: NPR's picture furniture: the toggle of a caption and the credits (dropped)
_TOGGLE_RE = re.compile(r"(?:Enlarge this image|(?:hide caption\s+)?toggle caption)\b")

#: photo agencies in credits
PHOTO_AGENCIES = (r"(?:AFP|AP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Anadolu(?: Agency)?|AA|Xinhua|UPI|AAP|Shutterstock|"
                  r"Bloomberg|Pool|TASS|Sputnik|SANA|DPA|Wikimedia Commons)")
#: an agency's credit after a slash: "REUTERS/Kevin Lamarque", "Reuters/Yuri Gripas/File Photo" (the name in capitals
#: whatever the flags: not "Reuters/University of Michigan index fell to 74.5")
PHOTO_AGENCY_CREDIT = (rf"\b{PHOTO_AGENCIES}\s*/\s*(?-i:[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){{0,3}})"
                       r"(?:\s*/\s*(?:File Photo|File|Pool|Landov))*")
#: a photo credit: "(AFP Photo)", "(AP Photo/Jane Doe)", "(Photo: Reuters)", "REUTERS/Name" (a pattern, case-insensitive)
PHOTO_CREDIT = (r"\((?:[^()]{0,40}\s)?(?:photo|photograph|image|picture|illustration|file photo)s?\b[^()]{0,80}\)"
                rf"|\({PHOTO_AGENCIES}\s*/\s*[^()]{{1,60}}\)"
                rf"|{PHOTO_AGENCY_CREDIT}")
#: a photo credit ending a caption
PHOTO_CREDIT_RE = re.compile(rf"(?:{PHOTO_CREDIT})\s*\.?$", re.I)
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
_CAPTION_MAX = 500
#: A paragraph that is an advertisement's marker and nothing else.
AD_MARKER_RE = re.compile(
    r"[ \t]*(?:AD|ADVERTISEMENT|[Aa]dvertisement|[Ss]ponsored|SPONSORED|Story [Cc]ontinued [Bb]elow"
    r"|(?:Story|Article) continues(?: below)?(?: (?:this )?advertisement)?|Continue [Rr]eading [Bb]elow)[ \t]*:?[ \t]*")
#: every advertisement marker holds one of these (a text without any is not split)
_AD_HINTS = ("AD", "dvertisement", "ontinue", "ponsored", "SPONSORED")


def split_media_captions(text: str) -> tuple[str, list[str]]:
    """``text`` without its photo and video furniture paragraphs, and their captions in text order.

    Examples
    --------
    >>> split_media_captions("Image copyright AP Image caption Dolls in a Moscow shop\\n\\nMr Trump spoke.\\n\\n"
    ...                      "Image copyright Reuters\\n\\nHe left.")
    ('Mr Trump spoke.\\n\\nHe left.', ['Dolls in a Moscow shop'])
    >>> split_media_captions("The image caption read: hello.")
    ('The image caption read: hello.', [])
    >>> split_media_captions("Mr Biden spoke.\\n\\nJoe Biden speaks in Los Angeles. (AP Photo/Marcio Jose Sanchez)\\n\\n"
    ...                      "Enlarge this image toggle caption Saul Loeb/AFP/Getty Images\\n\\nHe left.")
    ('Mr Biden spoke.\\n\\nHe left.', ['Joe Biden speaks in Los Angeles. (AP Photo/Marcio Jose Sanchez)'])
    """
    captions: list[str] = []
    if any(m in text for m in _MARKERS):  # most texts are not searched at all

        def _drop(m: re.Match[str]) -> str:
            caption = m.group("image") or m.group("video")
            if caption and caption.strip():
                captions.append(caption.strip())
            return ""

        stripped = _FURNITURE_RE.sub(_drop, text)
        if "JUST WATCHED" in stripped:  # in a paragraph of its own or inside one ('... the perpetrator. JUST WATCHED')
            stripped = _CNN_PLAYER_RE.sub(lambda m: _drop_player(m, captions), stripped)
        text = stripped.strip("\n") if stripped != text else text
    if "\n" in text:
        text = _credited_paragraphs(text, captions)
    return text, captions


def _drop_player(m: re.Match[str], captions: list[str]) -> str:
    """What replaces a CNN player (its title appended to ``captions``): nothing for a paragraph of its own (nor its
    blank line), the paragraph break at a paragraph's start or end, a space between the words around it."""
    captions.append(m.group("title").strip())
    text, s, e, gap = m.string, m.start(), m.end(), m.group("gap") or ""
    line_start = s == 0 or text[s - 1] == "\n"
    line_end = bool(gap) or e == len(text) or text[e] == "\n"
    if line_start and line_end:
        return ""
    return gap if line_start or line_end else " "


def _credited_paragraphs(text: str, captions: list[str]) -> str:
    """``text`` without its paragraphs of picture furniture: NPR's toggles dropped, the paragraphs that end in a photo
    credit (:data:`PHOTO_CREDIT_RE`, at most :data:`_CAPTION_MAX` characters) appended to ``captions``. A text of one
    paragraph is kept whole."""
    paragraphs = _PARAGRAPH_BREAK_RE.split(text)
    if len(paragraphs) < 2:
        return text
    kept = []
    for p in paragraphs:
        body = p.strip()
        if _TOGGLE_RE.match(body):
            continue
        tail = body[-160:]
        if len(body) <= _CAPTION_MAX and ("/" in tail or ")" in tail) and PHOTO_CREDIT_RE.search(tail):
            captions.append(body)
            continue
        kept.append(p)
    if len(kept) == len(paragraphs):
        return text
    return "\n\n".join(kept) if kept else text


def strip_ad_markers(text: str) -> str:
    """``text`` without its paragraphs that are an advertisement's marker (:data:`AD_MARKER_RE`).

    Examples
    --------
    >>> strip_ad_markers("Trump spoke.\\n\\nAD\\n\\nHe left.\\n\\nAdvertisement\\n\\nStory Continued Below\\n\\nEnd.")
    'Trump spoke.\\n\\nHe left.\\n\\nEnd.'
    >>> strip_ad_markers("The AD campaign aired.\\n\\nAdvertisement revenue fell.")
    'The AD campaign aired.\\n\\nAdvertisement revenue fell.'
    """
    if not any(h in text for h in _AD_HINTS) or "\n" not in text:
        return text
    paragraphs = _PARAGRAPH_BREAK_RE.split(text)
    kept = [p for p in paragraphs if not AD_MARKER_RE.fullmatch(p.strip("\n"))]
    if len(kept) == len(paragraphs) or not kept:
        return text
    return "\n\n".join(kept)


def page_text(text: str) -> tuple[str, list[str]]:
    """A page's article text and the captions taken from it: without people's hover cards
    (:func:`~mediakit.text.strip_name_cards`), photo and video furniture (:func:`split_media_captions`) and the
    markers of advertisements (:func:`~mediakit.text.strip_ad_markers`). Every loader passes its texts through it.

    Examples
    --------
    >>> page_text("Image copyright AP Image caption A rally\\n\\nSen. Mitt Romney said MORE than once that he would.")
    ('Sen. Mitt Romney said MORE than once that he would.', ['A rally'])
    """
    return split_media_captions(strip_ad_markers(strip_name_cards(text)))
