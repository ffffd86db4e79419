"""Stage 2: which cue forms are cues here, and where the auxiliaries before a cue start.

:func:`cue_ok` drops a form of the lexicon that is not used as a cue where it stands (inside a
quotation, a noun such as "the report" or "one tweet", a name such as "Tell City", an infinitive
other than one of saying, a phrasal verb such as "show up", an attitude adjective without its
complement);
:func:`aux_start` finds the start of "has also", "didn't", "repeatedly" before a cue, where the
subject ends.
"""

from __future__ import annotations

import re

from ._document import Doc
from ._lexicon import WordLists, lexicons, word_lists
from ...text import ASCII_LETTERS_RE
from ._phrases import TOKEN_RE
from ._predicative import plural_subject

__all__ = ["cue_ok", "aux_start", "raising_before_to", "READY_ADJECTIVES", "JUDGING_ADJECTIVES"]

_CONTRACTION_RE = re.compile(r"(?<=\w)(?:n[’']t|[’'](?:s|ve|d|re|ll))\Z", re.IGNORECASE)
_DELEGATE_RE = re.compile(r"\s+(delegates?|pledge|votes?)\b")
_ON_CONDITION_RE = re.compile(r"\s+on\s+(?:the\s+)?(?:condition|background)\b")
_ASKED_ANON_RE = re.compile(
    r"\s+(?:not\s+to\s+be|that\s+(?:his|her|their)\s+name|to\s+remain\s+anonymous|for\s+anonymity)")
_ABOUT_LATER_RE = re.compile(r"(?:[ \t\u00a0]+(?:to|with|at|in|on|before|after|during|the|a|an|his|her|their|[A-Z][\w.’'-]*"
                             r"|\d[\w.]*|\w+day|\w+s|night|morning|evening|week|out|more|public|private|[a-z]+ly))"
                             r"{1,7}[ \t\u00a0]+(?:about|against)\b")
_DEGREE_ADVERBS = frozenset({"more", "less", "much", "again", "often", "mostly", "little"})
_PARTICLE_UP_RE = re.compile(r"[ \t\u00a0]+up\b(?![-’'])")
_PRONOUN_BEFORE_RE = re.compile(r"(?<![\w’'])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ww]ho)[ \t\u00a0]+\Z")
_QUOTE_NEXT_RE = re.compile(r"[ \t\u00a0]*(?:[\"“«‘]|'')")
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]*([\w’'-]+|[,.;:])")


def aux_start(text: str, ss: int, cs: int) -> int:
    """Start of the auxiliaries and adverbs right before a cue ("has also", "didn't", "repeatedly")."""
    words = word_lists()
    aux = words.aux
    # fast path: the word right before the cue is a plain word (the subject)
    left = text[max(ss, cs - 40):cs].rsplit(None, 1)
    w = left[-1].lower() if left else ""
    if not w or (w not in aux and not w.endswith("ly") and "’" not in w and "'" not in w):
        return cs
    ly_exclude = words.ly_exclude
    lo = max(ss, cs - 100)
    toks = list(TOKEN_RE.finditer(text, lo, cs))
    pos = cs
    for m in reversed(toks):
        if text[m.end():pos].strip(" \t\u00a0"):
            break  # something other than white space or a comma in between
        w = m.group()
        lw = w.lower()
        if lw in aux or (lw.endswith("ly") and w.islower() and lw not in ly_exclude and len(lw) > 3):
            pos = m.start()
            continue
        c = _CONTRACTION_RE.search(w)
        if c is not None:
            pos = m.start() + c.start()
            if lw.endswith(("n’t", "n't")):
                pos = m.start()  # "didn't": all of it is auxiliary
        break
    return pos


def cue_ok(doc: Doc, m: re.Match[str]) -> bool:
    """False for a cue form that is not used as a cue here (quoted, a noun, a name, an infinitive)."""
    s = m.start()
    if doc.quote_at(s) >= 0:
        return False
    word = m.group()
    lw = word.lower()  # read once: every check below compares the form in lower case
    if lw.startswith("according"):
        return True
    words = word_lists()
    if lw in lexicons().attitude_forms:
        # 'confident that', 'skeptical of': an attitude adjective needs its complement right after it
        nxt = _NEXT_WORD_RE.match(doc.text, m.end())
        return nxt is not None and nxt.group(1).lower() in words.attitude_followers
    if word[:1].isupper() and (_in_a_name(doc, s) or _share_button(doc.text, m, words)):
        return False
    if _noun_by_word_before(doc.text, s, word, words):
        return False
    if (lw in words.nounish or lw in words.noun_bases) and _noun_by_context(doc.text, m, lw, words):
        return False
    if _PARTICLE_UP_RE.match(doc.text, m.end()) and not lw.startswith("talk"):
        return False  # 'show up', 'adds up', 'called up': a phrasal verb, not a cue ('talked up' praises)
    return not ((lw == "asked" or lw in words.speak_forms or lw in words.delegate_forms)
                and _not_a_statement(doc.text, m, lw, words))


def _share_button(text: str, m: re.Match[str], words: WordLists) -> bool:
    """A capitalised form next to a button of a share bar on the same line ("Share Tweet Post Email")."""
    window = text[max(0, m.start() - 12):m.start()]
    before = window.rsplit(None, 1)
    same_line = "\n" not in window[len(window.rstrip()):]
    after = _NEXT_WORD_RE.match(text, m.end())  # (it skips spaces and tabs only: the same line)
    return (same_line and bool(before) and before[-1] in words.share_buttons) or (
        after is not None and after.group(1) in words.share_buttons)


def _in_a_name(doc: Doc, s: int) -> bool:
    """A capitalised form mid-sentence is a name ("United States", "Tell City"), unless in a headline."""
    text = doc.text
    si = doc.sentence_of(s)
    ss = doc.sents[si][0] if doc.sents else 0
    head = text[ss:s].strip(" \t\n\"“‘'(—–-•")
    if head:
        se = doc.sents[si][1]
        words = ASCII_LETTERS_RE.findall(text[ss:se])
        if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
            return True
    return False


#: Adjectives of readiness before an infinitive whose subject is the speaker ('was quick to note').
READY_ADJECTIVES = frozenset({"quick", "quicker", "careful", "eager", "reluctant", "willing", "unwilling", "ready",
                              "hesitant", "first", "last", "able", "unable", "prepared", "happy", "glad", "proud",
                              "keen", "loath", "anxious", "sure", "likely", "unlikely", "right", "correct", "wrong"})


#: Adjectives of judgement among them: an act of the subject only after a copula ('is right to note', not
#: 'reserves the right to note').
JUDGING_ADJECTIVES = frozenset({"right", "correct", "wrong"})
#: The adjectives of readiness whose infinitive is its subject's act for any cue ('was quick to condemn'), not
#: only for verbs of saying ('the first to say', 'likely to say', 'right to note').
_RAISING_ADJECTIVES = READY_ADJECTIVES - {"first", "last", "likely", "unlikely", "able", "unable", "sure"} - (
    JUDGING_ADJECTIVES)


def raising_before_to(text: str, to_start: int, words: WordLists) -> bool:
    """'went on to', 'continued to' or an adjective of readiness ('was quick to') before the "to" at ``to_start``:
    the infinitive after it is its subject's act."""
    left = text[max(0, to_start - 30):to_start].split()
    if not left:
        return False
    w = left[-1].lower()
    if w == "on" and len(left) > 1:
        return left[-2].lower() in words.go_on_forms
    return w in words.go_on_forms or w in _RAISING_ADJECTIVES


#: Lower-case words ending in "s" that are no plural nouns (after a participle: 'had 300 confirmed his ...').
_NOT_PLURAL_NOUNS = frozenset({"is", "was", "has", "this", "his", "its", "us", "as", "yes", "thus", "less", "unless",
                               "always", "perhaps", "whereas", "across", "towards", "afterwards", "sometimes"})


#: Month names and their abbreviations: a number after one is a day ('on April 30 ordered theaters').
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "oct", "nov", "dec"})


def _date_before(text: str, j: int, words: WordLists) -> bool:
    """The number starting at ``j`` is a date: a month or a preposition right before it ('April 30', 'in 2018')."""
    left = text[max(0, j - 14):j].rsplit(None, 1)
    w = left[-1].rstrip(".,").lower() if left else ""
    return w in _MONTHS or w in words.prepositions


def _noun_by_word_before(text: str, s: int, word: str, words: WordLists) -> bool:
    """The word right before the form makes it a noun or an infinitive ('of fear', 'the report', 'to say')."""
    k = s
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    j = k
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "’'-_"):
        j -= 1
    if j >= k:
        return False
    prev = text[j:k]
    lp = prev.lower()
    if lp in words.prepositions and not _ing_form(word):
        # '26 years of fear', 'in response': a noun; 'has since said': an adverb after an auxiliary
        return not (lp == "since" and _aux_before(text, j, words))
    if prev.isdigit():
        # 'a 2023 report'; a past tense is no noun ('three in 10 said'), but a participle before a plural noun
        # modifies it ('nearly 60,000 confirmed cases', '300 reported deaths')
        lw = word.lower()
        if lw.endswith("ed") and (nxt := _NEXT_WORD_RE.match(text, s + len(word))) is not None:
            following = nxt.group(1)
            if following.islower() and following.endswith("s") and following not in _NOT_PLURAL_NOUNS and not (
                    _date_before(text, j, words)):
                return True
        return lw in words.nounish or lw in words.noun_bases
    if lp == "to":
        # an infinitive: a cue only for a verb of saying ('went on to say'; see _verb._verb_before_to), or
        # for any cue after 'went on' or an adjective of readiness ('went on to endorse', 'was quick to condemn')
        lex = lexicons()
        lemma = lex.spaced_lemma.get(" ".join(word.lower().split()), "")
        ing = _ing_form(word)
        if lemma in lex.cues and not ing and not lex.cues[lemma]["speech"]:
            return not raising_before_to(text, j, words)
        return lemma not in lex.cues or not lex.cues[lemma]["speech"] or ing
    if lp == "first":
        # 'the first report', 'his first tweet': a noun; 'was first reported by', 'She first tweeted': a verb
        left = text[max(0, j - 30):j].split()
        return bool(left) and (left[-1].lower() in words.determiners or left[-1].lower().endswith(("’s", "'s")))
    if lp in words.determiners or lp.endswith(("’s", "'s", "s’", "s'")) and prev[:1].isupper() and (
            lp not in words.subject_contractions):
        return True  # 'the report', 'Trump's claims'; not 'He's said'
    return lp.endswith(("’s", "'s")) and lp not in words.subject_contractions


def _ing_form(word: str) -> bool:
    """The form is in -ing ("referring to": the first word carries the inflection); read only by the two rules
    that need it, after a preposition or "to"."""
    return word.split(None, 1)[0].lower().endswith("ing")


def _aux_before(text: str, j: int, words: WordLists) -> bool:
    """An auxiliary ends right before position ``j`` ('has since said', 'he’d since said')."""
    left = text[max(0, j - 12):j].rstrip(" \t\u00a0").rsplit(None, 1)
    w = left[-1].lower() if left else ""
    return w in words.aux or w.endswith(("’s", "'s", "’d", "'d", "’ve", "'ve"))


_QUOTE_CLOSED_BEFORE_RE = re.compile(r"[,.!?](?:[\"”’]|'')\s*\Z")  # a quotation closed right before


def _noun_by_context(text: str, m: re.Match[str], lw: str, words: WordLists) -> bool:
    """A plural or base form used as a noun ('the talks resumed', 'a UN report')."""
    if _PRONOUN_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()) is not None:
        return False  # 'he notes', 'they claim': a subject pronoun before it makes it a verb
    if lw in words.nounish:
        if _QUOTE_NEXT_RE.match(text, m.end()):
            return False  # 'The ad claims “Jeb is ...”': a quotation follows a verb
        nxt = _NEXT_WORD_RE.match(text, m.end())
        if nxt is not None and nxt.group(1) in (".", ",") and _name_subject_before(text, m.start()):
            return False  # '“...,” Viguerie notes.', 'Democrats, Frank notes, applaud ...': a name and its verb
        if nxt is not None and nxt.group(1) == ":" and _name_subject_before(text, m.start(), sentence_start=True):
            return False  # 'The New York Times reports: "..."': a name opening the sentence and its verb
        if nxt is not None and nxt.group(1) == "about" and lw in words.speak_forms and _capitalised_before(text, m.start()):
            return False  # 'Merkel talks about a European consensus': a name and its verb
        if nxt is None or nxt.group(1).lower() in words.noun_followers or (
                nxt.group(1).endswith("ed") and nxt.group(1).islower()):
            return True  # 'the talks resumed', 'comments about ...'
    if lw in words.noun_bases:
        # 'a UN report', 'the first call': a determiner one or two words before
        s = m.start()
        toks = TOKEN_RE.findall(text, max(0, s - 40), s)[-2:]
        if len(toks) == 2 and toks[0].lower() in words.determiners and not toks[1].lower().endswith("ly") \
                and not (plural_subject(toks[1], lw) and not _finite_next(text, m.end(), words)):
            det = text.rfind(toks[0], max(0, s - 40), s)
            nxt = _NEXT_WORD_RE.match(text, m.end())
            if _QUOTE_CLOSED_BEFORE_RE.search(text, max(0, det - 4), det) and nxt is not None \
                    and nxt.group(1) in (".", ","):
                return False  # '“...,” the article read.': a subject and its verb after a quotation
            return True
        if toks and toks[-1].lower() in words.noun_base_openers:
            return True  # 'one tweet', 'another report', 'a single post'
    return False


def _finite_next(text: str, end: int, words: WordLists) -> bool:
    """An auxiliary right after the form makes it the head of a subject ('the jobs report was released')."""
    nxt = _NEXT_WORD_RE.match(text, end)
    return nxt is not None and nxt.group(1).lower() in words.finite


def _capitalised_before(text: str, s: int) -> bool:
    """A capitalised word right before ``s``, not after "the", "a" or "an" ('Mr. Sanders talks', not 'the Iran
    talks')."""
    toks = TOKEN_RE.findall(text, max(0, s - 40), s)[-2:]
    return bool(toks) and toks[-1][:1].isupper() and not (len(toks) == 2 and toks[0].lower() in ("the", "a", "an"))


def _name_subject_before(text: str, s: int, *, sentence_start: bool = False) -> bool:
    """A capitalised name of one or two words right before ``s`` after a comma or a closing quotation
    ('“...,” Viguerie notes.'; not 'the Clinton notes'), or an outlet's name of up to four words after "The"
    ('..., The Wall Street Journal reports.'); with ``sentence_start``, also at the start of a sentence ('The New
    York Times reports: ...')."""
    toks = list(TOKEN_RE.finditer(text, max(0, s - 60), s))
    if not toks or text[toks[-1].end():s].strip():
        return False
    run: list[re.Match[str]] = []  # the capitalised words right before, last first
    for t in reversed(toks):
        if len(run) == 5 or not t.group()[:1].isupper() or run and text[t.end():run[-1].start()].strip():
            break
        run.append(t)
    if not run:
        return False
    if run[-1].group() != "The":
        run = run[:2]  # 'Bill Kristol notes'; 'The Wall Street Journal reports': the whole name after "The"
    k = run[-1].start()
    before = text[max(0, k - 3):k].rstrip()
    if sentence_start and (k == 0 or text[k - 1] == "\n" or before[-1:] in ".!?"):
        return True
    return before[-1:] in (",", "”", "\"") or before.endswith("''")


def _not_a_statement(text: str, m: re.Match[str], lw: str, words: WordLists) -> bool:
    """'who asked not to be named', 'spoke on condition of ...', 'pledged delegates'."""
    if lw == "asked" and _ASKED_ANON_RE.match(text, m.end()):
        return True  # 'who asked not to be named'
    if lw in words.speak_forms:
        nxt = _NEXT_WORD_RE.match(text, m.end())
        allowed: tuple[str, ...] = ("about", "of") if lw.endswith("ing") else ("about", "of", "on", "to", "with")
        if lw.startswith("talk"):
            allowed = allowed + ("up",)  # 'Clinton talked up her “50-state strategy”'
        for _ in range(2):
            w = nxt.group(1) if nxt is not None else ""
            if not (w.lower() == "out" or w.endswith("ly") and w.islower() or w in _DEGREE_ADVERBS):
                break
            # 'spoke favorably of', 'talked glowingly about', 'spoke out sharply against', 'talked more about'
            allowed = allowed + ("against", "for") if w.lower() == "out" else allowed
            nxt = _NEXT_WORD_RE.match(text, nxt.end())  # type: ignore[union-attr]
        if _ON_CONDITION_RE.match(text, m.end()):
            return True
        if _QUOTE_NEXT_RE.match(text, m.end()):
            return False  # 'Hillary Clinton Speaks ‘Directly To White People’': what was said, quoted
        if nxt is None or nxt.group(1).lower() not in allowed:
            # 'spoke at the White House on Tuesday about ...', 'is talking to voters about ...': "about" later in
            # the clause, after a place, time or hearer
            return _ABOUT_LATER_RE.match(text, m.end()) is None
        return False
    return lw in words.delegate_forms and _DELEGATE_RE.match(text, m.end(), m.end() + 20) is not None
