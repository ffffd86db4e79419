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
