"""The channel patterns led by their first letter (``_channel``) match as the ``\\b``-led ones did; no timings here."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution import _channel

#: the patterns as they were written before the word boundary was checked behind their first letter
_FORMER = (
    re.compile(r"\binterview(?:s)?\s+(?:with|on|to)\s+(?:the\s+)?((?:[A-Z][\w.&’'-]*\s*(?:of\s+|&\s+)?){1,5})"),
    re.compile(r"\b(?:told|telling|tells|tell)\s+(?:the\s+)?((?:[A-Z][\w.&’'-]*\s*){1,5})"),
    re.compile(r"\b(?:on|to)\s+((?:[A-Z][\w.&’'-]*\s*){1,4})(?=[\s,.;]|$)"),
    re.compile(r"\b(?:on|via)\s+(?:his|her|their|its|the)?\s*(Twitter|Facebook|Instagram|X|YouTube|Telegram|"
               r"TikTok|Truth\s+Social)\b"),
)
_LED = (_channel._CHANNEL_RES[0][0], _channel._CHANNEL_RES[1][0], _channel._CHANNEL_RES[2][0], _channel._PLATFORM_RE)

_PIECES = [" ", "  ", "\n", "\u00a0", ",", ".", ";", "-", "’", "'", "&", "_", "9", "é", "İ", "x", "X", "i", "I", "t",
           "o", "a", "interview", "interviews", "Interview", "told", "tell", "tells", "telling", "stold", "on", "to",
           "via", "con", "onto", "with", "the", "of", "NBC", "News", "Fox", "Twitter", "Truth Social", "his", "_on"]
_REGIONS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def _matches(rx: re.Pattern[str], s: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(s)]


@settings(max_examples=500, deadline=None)
@given(_REGIONS)
def test_led_channel_patterns_match_as_before(s: str) -> None:
    for led, former in zip(_LED, _FORMER, strict=True):
        assert _matches(led, s) == _matches(former, s)


def test_led_channel_patterns_on_examples() -> None:
    region = "said in an interview with NBC News on Tuesday, then told CNN's Jake Tapper and posted on his Twitter"
    for led, former in zip(_LED, _FORMER, strict=True):
        assert _matches(led, region) == _matches(former, region)
    assert _matches(_LED[0], "Reinterview with NBC") == []  # no word boundary before "interview"


#: the hint pattern as it was written before its words were grouped by their first letter
_FORMER_HINT_RE = re.compile(
    r"interview|tell|told|statement|release|conference|briefing|speech|rally|hearing|debate|letter|e-?mail|"
    r"tweet|post|video|op-?ed|column|essay|book|memo|filing|podcast|town hall|forum|event|"
    r"on(?<!\won)\s+[A-Z]|to(?<!\wto)\s+[A-Z]|via(?<!\wvia)\s+[A-Z]"
)
_HINT_PIECES = ["interview", "tell", "told", "statement", "release", "conference", "briefing", "speech", "rally",
                "hearing", "debate", "letter", "email", "e-mail", "tweet", "post", "video", "op-ed", "oped", "column",
                "essay", "book", "memo", "filing", "podcast", "town hall", "forum", "event", "on", "to", "via", "t",
                "o", "e", "te", "ev", "op", "-", " ", "\n", "x", "A", "NBC", "Ted", "toe", "vi", "s", "ta"]
_HINT_REGIONS = st.lists(st.sampled_from(_HINT_PIECES), max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(_HINT_REGIONS, st.integers(0, 6))
def test_grouped_hint_pattern_finds_as_before(s: str, lo: int) -> None:
    # channel() reads only whether a hint is found between two positions; every match is compared as well
    assert bool(_channel._CHANNEL_HINT_RE.search(s, lo)) == bool(_FORMER_HINT_RE.search(s, lo))
    assert [m.span() for m in _channel._CHANNEL_HINT_RE.finditer(s)] == [m.span() for m in _FORMER_HINT_RE.finditer(s)]
