"""Advertisement markers left as paragraphs of their own in a page's text.

Pages saved as text keep, between the article's paragraphs, the slot of each advertisement and the line that says
the story goes on after it ("Advertisement", "ADVERTISEMENT", "AD", "Story Continued Below", "Continue Reading
Below"): 1,464 such paragraphs in the first 3,000 AllSides articles (The Washington Post's "AD", Politico's "Story
Continued Below", The New York Times' "Advertisement"). They are not the article's text: the attribution read the
word with the name after it ("AD Trump", "Advertisement The") and the readability and word counts read them as
sentences. :func:`strip_ad_markers` drops such a paragraph when it is the marker and nothing else; a sentence that
names an advertisement is left alone.
"""

from __future__ import annotations

import re

__all__ = ["AD_MARKER_RE", "strip_ad_markers"]

#: A paragraph that is an advertisement's marker and nothing else.
AD_MARKER_RE = re.compile(
    r"[ \t]*(?:AD|ADVERTISEMENT|[Aa]dvertisement|[Ss]ponsored|SPONSORED|Story [Cc]ontinued [Bb]elow"
    r"|(?:Story|Article) continues(?: below)?(?: (?:this )?advertisement)?|Continue [Rr]eading [Bb]elow)[ \t]*:?[ \t]*")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
#: every marker holds one of these (a text without any is not split)
_HINTS = ("AD", "dvertisement", "ontinue", "ponsored", "SPONSORED")


def strip_ad_markers(text: str) -> str:
    """``text`` without its paragraphs that are an advertisement's marker (:data:`AD_MARKER_RE`).

    Examples
    --------
    >>> strip_ad_markers("Trump spoke.\\n\\nAD\\n\\nHe left.\\n\\nAdvertisement\\n\\nStory Continued Below\\n\\nEnd.")
    'Trump spoke.\\n\\nHe left.\\n\\nEnd.'
    >>> strip_ad_markers("The AD campaign aired.\\n\\nAdvertisement revenue fell.")
    'The AD campaign aired.\\n\\nAdvertisement revenue fell.'
    """
    if not any(h in text for h in _HINTS) or "\n" not in text:
        return text
    paragraphs = _PARAGRAPH_BREAK_RE.split(text)
    kept = [p for p in paragraphs if not AD_MARKER_RE.fullmatch(p.strip("\n"))]
    if len(kept) == len(paragraphs) or not kept:
        return text
    return "\n\n".join(kept)
