"""Stage 3d: attributions without a verb: a speaker, a colon, then what the speaker says.

:func:`speaker_lines` reads the lines that give a speaker before a colon:

- **name lines**: a name with an optional title, appositive, outlet or party before a colon at the start of a
  paragraph (``Gerald F. Seib, The Wall Street Journal: "..."``, ``Rep. Trey Gowdy (R-S.C.): "..."``,
  ``Clinton: Time for a new strategy``) or after a dash (``... - Mark Blumenthal and Jon Cohen: "..."``);
- **transcript turns**: a speaker in capitals at the start of a paragraph (``MS. CLINTON: ...``, ``TAPPER:
  ...``), in a text where at least two paragraphs open that way (or with a title: ``MR. SMITH:``), and with
  evidence of a name (a title, initials, a given name, a capitalised word before it elsewhere: "Jake Tapper")
  or of speech (a turn of that head says "I", "we", "you" or asks): the fields of a fact box (``WHAT:``,
  ``WHEN:``, ``TARGET:``, ``NUMBER OF ATTACKS:``) are not turns;
- **interview turns**: ``Q:`` and ``A:`` paragraphs (an attribution with no named source).

A head is a speaker only with evidence from the text, because a capitalised label ("Review:", "Photo:",
"Header Image:", "Our Standards:", "Moderator:") has the same shape as a name: the head is typed as an
organisation, outlet, document or official by the source lexicon; or its last word (a surname) occurs again
elsewhere in the text; or a quotation follows the colon; or the same head opens another paragraph. A line
whose content is only a few capitalised words ("Moderator: Hass Chapman", "Photo: John Smith / Getty") is a
field of the page, not speech; nor is a place's line without a quotation ("Oregon: Family leave in Oregon has been
expanded ...", "• Virginia: The Fourth Circuit ...": a list by place). The cue of each attribution is the colon
(lemma ``colon``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._document import Attr, Doc
from ._lexicon import lexicons, word_lists
from ._phrases import OPENERS, strip_span, trim_content_end
from ._sources import analyze_span

__all__ = ["speaker_lines", "HOSTING_RE", "LINE_FRAMES", "hosts"]

Span = tuple[int, int]

_HEAD_MAX = 70  # characters between the start of a line and its colon
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Adm|Prof|Rev|Sec|Amb|Pres|Atty|Supt|Sgt|Capt|Maj)\.?"
_CAPS_RE = re.compile(rf"(?:(?:{_TITLE.upper()})\s+)?[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]*){{0,3}}")
_CAPS_TITLE_RE = re.compile(rf"(?:{_TITLE.upper()})\s")
_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|der|al|bin|da|di|la|le|del))*"
_NAME_RE = re.compile(
    rf"(?:(?:More\s+)?[Ff]rom\s+(?:the\s+)?)?"  # "More from Jones:", "From the report:"
    rf"(?P<name>(?:(?:[Ff]ormer|[Tt]he|[Ss]enator|[Pp]resident)\s+)?(?:{_TITLE}\s+)?{_NAME}"
    rf"(?:\s+and\s+(?:{_TITLE}\s+)?{_NAME})?)"
    rf"(?P<rest>(?:,\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[\w’'.&-]+){{0,6}})?(?:\s*\([^()]{{1,30}}\))?)\s*"
)
_QA = frozenset({"Q", "A", "Q.", "A."})
_POSSESSIVES = frozenset({"our", "my", "your", "their", "his", "her", "its"})
_DELIMITER_RE = re.compile(r"(?:\s[-–—]+|[–—]|\n|[.!?][\"”’']?\s)\s*")
_TRUSTED_TYPES = frozenset({"official", "organization", "media", "agency", "document", "group"})
#: a turn that speaks: "I", "we", "you" (not "US"), "let's", or a question
_SPEECH_RE = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our|[Ll]et[’']s)\b|\?")
_INITIALS_RE = re.compile(r"[A-Z]{2}|(?:[A-Z]\.){2,3}")  # an interview's speakers by their initials: 'JB:', 'H.H.:'
#: words no name is made of: a head in capitals with one is a field ("NUMBER OF ATTACKS:", "IN THE NEWS:")
_FUNCTION_WORDS = frozenset({"of", "in", "the", "a", "an", "and", "or", "for", "to", "on", "at", "by", "with", "from",
                             "now", "who", "what", "when", "where", "why", "how", "is", "are", "it", "see", "also",
                             "just", "more", "out", "up"})


#: The frames of the attributions of speaker lines: a transcript's turn, a "Name:" line.
LINE_FRAMES = ("transcript", "colon")
#: What only a programme's host says in a turn: "Welcome to Democracy Now!", "You're listening to ...", "We're joined
#: by ...", "Joining us now is ...", "Thank you for joining us", "This is Democracy Now! ... I'm Amy Goodman".
HOSTING_RE = re.compile(
    r"\b(?:Welcome (?:back )?to (?:the )?[A-Z]|[Yy]ou[’']re (?:listening to|watching) [A-Z]"
    r"|[Ww]e[’']re joined (?:now )?by|[Jj]oining (?:us|me) (?:now |today |here )?(?:is|are|from|in|on)\b"
    r"|[Tt]hanks? (?:you )?(?:so much )?for joining us"
    r"|This is [A-Z][^\n]{0,80}?[.!]\s+I[’']m [A-Z])")


def hosts(text: str, attrs: list[Attr]) -> set[str]:
    """The speakers of the speaker lines (``frame`` in :data:`LINE_FRAMES`) of which a turn hosts the programme
    (:data:`HOSTING_RE`): a transcript's host, whom the text may never describe ("AMY GOODMAN: This is Democracy
    Now! ... I'm Amy Goodman")."""
    out = set()
    for a in attrs:
        if a.frame in LINE_FRAMES and a.speaker and a.speaker not in out and a.content:
            if HOSTING_RE.search(text, a.content[0][0], a.content[-1][1]) is not None:
                out.add(a.speaker)
    return out


def speaker_lines(doc: Doc) -> list[Attr]:
    """The attributions of the speaker lines of a prepared document, in text order.

    Parameters
    ----------
    doc : Doc
        The prepared document.

    Returns
    -------
    list of Attr
        One per line: cue the colon (lemma ``"colon"``; frame ``"transcript"`` for a transcript or
        interview turn, whose content is the speaker's own words, else ``"colon"``), source the head
        before it (None for ``Q:``/``A:``), content the rest of the paragraph or the quotation that follows.

    Examples
    --------
    >>> from ._document import prepare
    >>> doc = prepare('Gerald F. Seib, The Wall Street Journal: "The party has a problem."')
    >>> [(doc.text[a.source[0]:a.source[1]], doc.text[a.content[0][0]:a.content[0][1]]) for a in speaker_lines(doc)]
    [('Gerald F. Seib, The Wall Street Journal', '"The party has a problem."')]
    """
    text = doc.text
    if ":" not in text or not doc.paras:
        return []
    heads = _paragraph_heads(doc)
    caps = sum(1 for _, _, _, kind in heads if kind == "caps")
    labels: dict[str, int] = {}
    speaking: set[str] = set()  # the heads in capitals of which a turn speaks (a first or second person, a question)
    for hs, he, c, kind in heads:
        key = text[hs:he]
        labels[key] = labels.get(key, 0) + 1
        if kind == "caps" and key not in speaking:
            pe = doc.paras[doc.sents[doc.sentence_of(c)][2]][1]
            if _SPEECH_RE.search(text, c + 1, pe) is not None:
                speaking.add(key)
    # a transcript: its other heads in capitals are speakers too ('MS. CLINTON:', 'TRUMP:')
    transcript = bool(speaking) or any(kind == "caps" and _named_caps(text[hs:he]) for hs, he, _, kind in heads)
    out: list[Attr] = []
    for hs, he, c, kind in heads:
        a = _paragraph_line(doc, hs, he, c, kind, caps, labels, speaking, transcript)
        if a is not None:
            out.append(a)
    taken = {a.cue[0] for a in out}
    out.extend(a for a in _dash_lines(doc) if a.cue[0] not in taken)
    out.sort(key=lambda a: a.cue[0])
    return out


def _paragraph_heads(doc: Doc) -> list[tuple[int, int, int, str]]:
    """``(head start, head end, colon, kind)`` of each paragraph that opens with a short head and a colon."""
    text = doc.text
    out = []
    for ps, pe in doc.paras:
        c = text.find(":", ps, min(pe, ps + _HEAD_MAX))
        if c < 0 or c + 2 >= pe or text[c + 1:c + 2] not in " \t\u00a0\"“'‘":
            continue  # "10:30", "http://"
        hs, he = strip_span(text, ps, c, " \t\n\r\u00a0*•-–—>#")
        if hs >= he:
            continue
        head = text[hs:he]
        if head[:1] in "\"“" and _CAPS_RE.fullmatch(head[1:].strip()):
            hs += 1  # '"PENCE: Well, ...': a transcript quoted in full, each paragraph opening with a quotation mark
            head = text[hs:he]
        if head in _QA:
            out.append((hs, he, c, "qa"))
        elif _CAPS_RE.fullmatch(head) and any(ch.isalpha() for ch in head) and len(head) > 1:
            out.append((hs, he, c, "caps"))
        elif _NAME_RE.fullmatch(head):
            out.append((hs, he, c, "name"))
        elif head[-1:].isalpha() and head[:1].isupper() and len(head.split()) <= 8 \
                and analyze_span(head).type in _TRUSTED_TYPES:
            out.append((hs, he, c, "typed"))  # "Former secretary of state Hillary Rodham Clinton:"
    return out


def _paragraph_line(doc: Doc, hs: int, he: int, c: int, kind: str, caps: int,
                    labels: dict[str, int], speaking: set[str], transcript: bool) -> Attr | None:
    """The attribution of a paragraph that opens with the head ``[hs, he)`` and a colon at ``c``, or None
    (``speaking``: the heads in capitals with a turn in the first or second person, or a question; ``transcript``:
    one of them speaks or is surely a person's name)."""
    text = doc.text
    head = text[hs:he]
    if doc.quote_at(c) >= 0 and not (kind == "caps" and text[hs - 1:hs] in "\"“"):
        return None  # a colon inside a quotation (not a quoted transcript's turn)
    title = hs < doc.paras[0][1]
    label = _label_word(head) or head.count("(") > head.count(")")
    if label and not title:
        return None  # a label of the page or a bracket ("Hyatt Hotels (NYSE: H)")
    content = _content(doc, c)
    if content is None:
        return None
    if title and _headline_source(text, head, content):
        return Attr((c, c + 1), "colon", (hs, he), content, frame="colon")
    if label:
        return None
    quoted = text[content[0][0]] in OPENERS or text[content[0][0]] == "'"
    if kind in ("name", "typed") and not quoted and _place(head):
        return None  # a list by place: "Oregon: Family leave in Oregon has been expanded ...", "• Virginia: ..."
    if kind == "qa":
        return Attr((c, c + 1), "colon", None, content, frame="transcript")
    if kind == "caps":
        if caps < 2 and not _CAPS_TITLE_RE.match(head) and not quoted and (
                analyze_span(head).type not in _TRUSTED_TYPES or head.lower() in lexicons().countries):
            return None  # one capitalised label: a dateline or a section ("UPDATE:", "WASHINGTON:", "MOSCOW:")
        if not (head in speaking or transcript and not _FUNCTION_WORDS.intersection(head.lower().split())) \
                and not _caps_speaker(text, head, hs, he):
            return None  # a field of a fact box: "WHAT:", "TARGET:", "NUMBER OF ATTACKS:"
        return Attr((c, c + 1), "colon", (hs, he), content, frame="transcript")
    if kind == "typed":
        return None if _field_line(text, content) else Attr((c, c + 1), "colon", (hs, he), content, frame="colon")
    m = _NAME_RE.fullmatch(head)
    if m is None or not _is_speaker(text, m, hs, he, quoted, labels.get(head, 0)) or _field_line(text, content):
        return None
    return Attr((c, c + 1), "colon", (hs, he), content, frame="colon")


def _place(head: str) -> bool:
    """A US state, a country or a capital ("Oregon", "New Jersey", "Russia", "Moscow"): in a list's head, a place."""
    lex = lexicons()
    return head in lex.places or head.lower() in lex.countries


def _caps_speaker(text: str, head: str, hs: int, he: int) -> bool:
    """Evidence that a head in capitals names a speaker, not a field of a fact box ("WHAT:", "WHEN:",
    "TARGET:", "NUMBER OF ATTACKS:", "SMALL BUSINESS:"): a title ("MS. CLINTON"), initials ("JB"), a given
    name before the last word ("AMY GOODMAN", "PRESIDENT DONALD TRUMP"), an outlet or organisation ("CNN");
    a single word needs a capitalised word before it elsewhere ("TAPPER" of "Jake Tapper", "MARTIN" of
    "RACHEL MARTIN, HOST"); several words none that the text writes in lower case or that is a function word."""
    if _named_caps(head):
        return True
    words = head.split()
    kind = analyze_span(head).type
    if kind in _TRUSTED_TYPES and kind != "group":
        return True
    if len(words) == 1:
        before = re.compile(rf"\b[A-Z][\w’'.-]*[ \t]+(?:{re.escape(head)}|{re.escape(head.title())})\b")
        return any(not hs <= m.end() - len(head) < he for m in before.finditer(text))
    low = [w.lower() for w in words]
    return not any(w in _FUNCTION_WORDS or next(_word_starts(text, w), -1) >= 0 for w in low)


def _named_caps(head: str) -> bool:
    """A head in capitals that is surely a person: a title, initials, a given name before the last word."""
    if _CAPS_TITLE_RE.match(head) or _INITIALS_RE.fullmatch(head):
        return True
    given = lexicons().given_names
    return any(w.lower() in given for w in head.split()[:-1])


def _headline_source(text: str, head: str, content: list[Span]) -> bool:
    """The title line 'Poll: Trump and Clinton hold narrow leads in Pennsylvania.': a head of
    ``headline_sources`` ("New poll", "Exit polls", "Report") before a statement of three words or more."""
    words = head.lower().split()
    if not 1 <= len(words) <= 3 or words[-1] not in word_lists().headline_sources:
        return False
    said = text[content[0][0]:content[-1][1]].rstrip(" .\"”’'")
    return len(said.split()) >= 3 and not said.endswith("?")


def _dash_lines(doc: Doc) -> list[Attr]:
    """``... - Name: "..."``, ``... Bush: "..."``: a name after a dash or a sentence end, a colon, a quotation."""
    text = doc.text
    out: list[Attr] = []
    pos = text.find(":")
    while pos >= 0:
        c = pos
        pos = text.find(":", c + 1)
        after = text[c + 1:c + 4].lstrip(" \t\u00a0")
        if not after or not (after[0] in OPENERS or after.startswith("''")):
            continue
        lo = max(0, c - _HEAD_MAX)
        start = -1
        for d in _DELIMITER_RE.finditer(text, lo, c):
            start = d.end()
        if start < 0:
            continue
        hs, he = strip_span(text, start, c)
        m = _NAME_RE.fullmatch(text, hs, he) if hs < he else None
        if m is None or _label_word(text[hs:he]) or doc.quote_at(c) >= 0:
            continue
        content = _content(doc, c)
        if content is not None and _is_speaker(text, m, hs, he, True, 1):
            out.append(Attr((c, c + 1), "colon", (m.start("name"), he), content, frame="colon"))
    return out


def _is_speaker(text: str, m: re.Match[str], hs: int, he: int, quoted: bool, repeats: int) -> bool:
    """Evidence that the name head ``m`` names a speaker, not a label of the page."""
    name = m.group("name")
    words = name.split()
    if words[0].lower() in _POSSESSIVES:
        return False  # "Our Standards:", "My take:"
    kind = analyze_span(text[hs:he]).type
    if kind in _TRUSTED_TYPES:
        return True  # "Pew Research:", "WSJ editorial:", "Former secretary of state ...:"
    if quoted or (len(words) > 1 and m.group("rest")):
        return True  # 'Bush: "..."': a name before a quotation; a full name with an appositive
    surname = words[-1].strip(".,")
    if kind != "anonymous" and _common_nouns(text, words):
        return False  # "Ownership:", "Third Party Content:": the text writes these words in lower case too
    if repeats > 1:
        return True  # the same head opens several paragraphs: an interview
    return len(surname) > 1 and _mentioned_elsewhere(text, surname, hs, he)


def _common_nouns(text: str, words: list[str]) -> bool:
    """Every capitalised word of a head is also written in lower case as a word of the text: common nouns of
    a section title ("Ownership", "Third Party Content", "Benchmarks and Performance Claims"), not a name
    ("New York Times": "york" is not; "Wash. Post": "Wash." is no word)."""
    caps = [w for w in words if w[:1].isupper()]
    for w in caps:
        low = w.lower()
        if not low.replace("-", "").isalpha() or next(_word_starts(text, low), -1) < 0:
            return False
    return bool(caps)


def _mentioned_elsewhere(text: str, word: str, hs: int, he: int) -> bool:
    """``word`` occurs as a capitalised word outside the head ``[hs, he)``."""
    return any(not hs <= k < he for k in _word_starts(text, word))


def _word_starts(text: str, word: str) -> Iterator[int]:
    """Where ``word`` (not empty) stands as a whole word in ``text``: the starts of the matches of
    ``(?<![\\w’'-])<word>(?![\\w’'-])``, found with ``str.find`` (no pattern to compile for each word).

    Examples
    --------
    >>> list(_word_starts("Smith, Smithson and Smith. Smith's", "Smith")), list(_word_starts("a-Smith", "Smith"))
    ([0, 20], [])
    """
    n, end = len(word), len(text)
    k = text.find(word)
    while k >= 0:
        if (k == 0 or not _wordish(text[k - 1])) and (k + n >= end or not _wordish(text[k + n])):
            yield k
            k = text.find(word, k + n)  # the pattern's matches do not overlap
        else:
            k = text.find(word, k + 1)


def _wordish(ch: str) -> bool:
    """``ch`` is a character of ``[\\w’'-]`` (``\\w``: a letter, digit or numeral, or "_")."""
    return ch.isalnum() or ch in "_’'-"


def _label_word(head: str) -> bool:
    """A label of the page ("Key details", "UPDATE", "Read more", "Photo"), from the lexicon's colon words."""
    stop = word_lists().colon_stop  # its words and its phrases
    low = head.lower()
    parts = low.split()
    return low in stop or (bool(parts) and parts[0] in stop)


def _content(doc: Doc, c: int) -> list[Span] | None:
    """What follows the colon at ``c``: the quotation chain that opens there, or the rest of the paragraph."""
    text = doc.text
    pe = doc.paras[doc.sents[doc.sentence_of(c)][2]][1]
    cs, ce = strip_span(text, c + 1, pe, " \t\u00a0")
    if cs >= ce or not (text[cs].isupper() or text[cs].isdigit() or text[cs] in OPENERS
                        or text[cs] == "'" and text[cs + 1:cs + 2].isupper()):
        return None
    qi = doc.quote_starting_at(cs, cs + 1)
    if qi >= 0 and doc.quotes[qi].end >= ce - 2:
        return doc.chain_from(qi)
    span = trim_content_end(text, cs, pe)
    return [span] if span[0] < span[1] else None


def _field_line(text: str, content: list[Span]) -> bool:
    """A field of the page: capitalised names, no sentence ("Moderator: Hass Chapman", "Iowa: Tim Albrecht,
    Brad Anderson, ...", "Photo: J. Smith / Getty"), not a headline in title case ("Sanders: Clinton Email
    Story Has Moved.")."""
    s, e = content[0][0], content[-1][1]
    if text[s] in OPENERS or text[s] == "'":
        return False
    words = re.findall(r"[^\W\d_][\w’'.-]*", text[s:min(e, s + 400)])
    if not words:
        return True  # a number or a date: a tally ("Hillary Clinton: 1,769.")
    if any(w[0].islower() and len(w) > 3 for w in words):
        return False
    tail = text[e:e + 2].strip()
    return text.count(",", s, e) >= 2 or "/" in text[s:e] or (len(words) <= 6 and tail[:1] not in ".!?")
