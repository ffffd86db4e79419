"""Text handling shared by every part of mediakit (layer 1: it imports only the foundation).

- Sentences and paragraphs (``_sentences``): :func:`split_sentences`, :func:`paragraph_spans`,
  :func:`sentence_texts`, :func:`abbreviations`, :data:`SENTENCE_STARTERS`.
- Quotations (``_quotes``): :func:`find_quotations`, the one quotation finder, and what is
  built on it: :func:`quote_spans`, :func:`quote_mask`, :func:`sentences_and_quotes`.
- Word tokens (``_tokens``): :data:`WORD_RE` and :func:`count_words`, every other word-token
  pattern of the project, the shared chunk table :data:`CHUNKS`, the English stop words.
- Regex tries (``_trie``): :func:`trie_pattern`, the one builder of literal alternations.
- Unicode clean-up (``_normalize``): :func:`normalize_text`, :func:`normalize_inline`; people's hover cards left in
  a page's text (``_name_cards``): :func:`strip_name_cards`; photo and video captions inline in a page's text
  (``_media_captions``): :func:`split_media_captions`, and advertisements' markers: :func:`strip_ad_markers`; all at
  once, as every loader applies them: :func:`page_text`.
- Texts held elsewhere (``_article_texts``): :class:`ArticleTexts`, the protocol of a source that reads a table of
  articles' text columns when asked.
- Language (``_language``): :func:`detect_language`, :func:`detect_languages` (offline, py3langid's
  shipped model), :func:`article_languages`, and the ``languages=`` option of the English-only
  metrics (:func:`check_languages`, :class:`LeftOutWarning`).

Examples
--------
>>> text = "\u201cWe won,\u201d Sen. Warren said. Prices rose 3.5 percent."
>>> sentence_texts(text)
['\u201cWe won,\u201d Sen. Warren said.', 'Prices rose 3.5 percent.']
>>> [round(share, 2) for share in quote_mask(text)], count_words(text)
([0.33, 0.0], 9)
"""

from ._language import (
    DETECT_CHARS,
    MIN_CONFIDENCE,
    MIN_LETTERS,
    LeftOutWarning,
    article_languages,
    check_languages,
    detect_language,
    detect_languages,
    left_out_note,
    normalize_language,
    scored_articles,
    scored_mask,
    unload_language_model,
    warn_left_out,
)
from ._media_captions import (AD_MARKER_RE, PHOTO_AGENCIES, PHOTO_AGENCY_CREDIT, PHOTO_CREDIT, PHOTO_CREDIT_RE,
                              page_text, split_media_captions, strip_ad_markers)
from ._name_cards import strip_name_cards
from ._normalize import normalize_inline, normalize_text
from ._quotes import QUOTE_STYLES, Quotation, find_quotations, quote_mask, quote_spans, sentences_and_quotes
from ._article_texts import ArticleTexts
from ._sentences import (
    SENTENCE_STARTERS,
    Abbreviations,
    Span,
    abbreviations,
    paragraph_spans,
    sentence_texts,
    split_sentences,
)
from ._tokens import (
    ASCII_LETTERS_RE,
    ASCII_TOKEN_TABLE,
    CHUNK_RE,
    CHUNK_WORDS,
    CHUNKS,
    DOTTED_TOKEN_RE,
    HYPHEN_TOKEN_RE,
    LETTER_WORD_RE,
    LETTERS_RE,
    NAME_TOKEN_RE,
    NGRAM_BOUNDARY_CHARS,
    NGRAM_TOKEN_RE,
    WORD_CHARS_RE,
    WORD_RE,
    ChunkFeatures,
    ChunkValues,
    ChunkVocabulary,
    ascii_tokens,
    chunk_offsets,
    chunk_word_counts,
    clear_chunk_caches,
    code_points,
    consistent_chunk_ids,
    count_words,
    english_stop_words,
    forget_when_shared_results_end,
    segment_sums,
    shared_results,
    sharing_results,
    text_chunk_ids,
    words_of,
)
from ._trie import build_trie, render_symbols, render_trie, trie_pattern, trie_prefix

__all__ = [
    # texts held elsewhere
    "ArticleTexts",
    # sentences and paragraphs
    "SENTENCE_STARTERS",
    "Abbreviations",
    "Span",
    "abbreviations",
    "paragraph_spans",
    "sentence_texts",
    "split_sentences",
    # quotations
    "QUOTE_STYLES",
    "Quotation",
    "find_quotations",
    "quote_mask",
    "quote_spans",
    "sentences_and_quotes",
    # word tokens
    "ASCII_LETTERS_RE",
    "ASCII_TOKEN_TABLE",
    "CHUNK_WORDS",
    "CHUNKS",
    "CHUNK_RE",
    "DOTTED_TOKEN_RE",
    "HYPHEN_TOKEN_RE",
    "LETTERS_RE",
    "LETTER_WORD_RE",
    "NAME_TOKEN_RE",
    "NGRAM_BOUNDARY_CHARS",
    "NGRAM_TOKEN_RE",
    "WORD_CHARS_RE",
    "WORD_RE",
    "ChunkFeatures",
    "ChunkValues",
    "ChunkVocabulary",
    "ascii_tokens",
    "chunk_offsets",
    "chunk_word_counts",
    "clear_chunk_caches",
    "code_points",
    "consistent_chunk_ids",
    "count_words",
    "english_stop_words",
    "forget_when_shared_results_end",
    "segment_sums",
    "shared_results",
    "sharing_results",
    "text_chunk_ids",
    "words_of",
    # regex tries
    "build_trie",
    "render_symbols",
    "render_trie",
    "trie_pattern",
    "trie_prefix",
    # Unicode clean-up
    "normalize_inline",
    "normalize_text",
    "strip_name_cards",
    "strip_ad_markers",
    "AD_MARKER_RE",
    "split_media_captions",
    "page_text",
    "PHOTO_AGENCIES",
    "PHOTO_AGENCY_CREDIT",
    "PHOTO_CREDIT",
    "PHOTO_CREDIT_RE",
    # language
    "DETECT_CHARS",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "LeftOutWarning",
    "article_languages",
    "check_languages",
    "detect_language",
    "detect_languages",
    "left_out_note",
    "normalize_language",
    "scored_articles",
    "scored_mask",
    "unload_language_model",
    "warn_left_out",
]

