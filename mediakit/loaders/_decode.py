"""Bytes to text: encoding detection and the binary-junk check."""

from __future__ import annotations

import codecs

__all__ = ["decode_bytes", "detect_encoding", "looks_binary", "DecodeFailure"]


class DecodeFailure(Exception):
    """The bytes are not text we can read; ``kind`` is ``binary`` or ``decode``."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the pattern of zero bytes."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zero = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control or replacement characters."""
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / len(sample) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text, returning ``(text, encoding)``.

    Order: a byte-order mark; BOM-less UTF-16; strict UTF-8; charset-normalizer's best
    guess; Windows-1252. Known binary formats and NUL-ridden data raise
    :class:`DecodeFailure` (kind ``binary``).

    Examples
    --------
    >>> decode_bytes("caf\u00e9".encode("latin-1"))[0]
    'caf\u00e9'
    >>> decode_bytes("\u201cquote\u201d".encode("utf-16"))
    ('\u201cquote\u201d', 'utf-16')
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise DecodeFailure("binary", f"this is {what}, not text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeFailure("decode", f"starts with a {enc} byte-order mark but is not {enc}: {exc}") from exc
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            text = data.decode(enc16)
            if not looks_binary(text):
                return text, enc16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise DecodeFailure("binary", "contains NUL bytes: binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text, enc = _guess(data)
    if looks_binary(text):
        raise DecodeFailure("binary", "mostly control characters: binary data, not text")
    return text, enc


def _guess(data: bytes) -> tuple[str, str]:
    """Mostly-ASCII data is read as Windows-1252 (a superset of Latin-1 for text);
    data with many high bytes (Cyrillic, Greek, ... code pages) goes to charset-normalizer."""
    sample = data[:200_000]
    high = sum(1 for b in sample if b > 127) / max(1, len(sample))
    if high < 0.15 or len(sample) < 200:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    from charset_normalizer import from_bytes  # a declared dependency: a missing one must show

    try:
        best = from_bytes(sample).best()
    except Exception:  # a heuristic's internal failure on odd bytes must never fail a load
        best = None
    if best is not None and best.encoding and not best.encoding.startswith(("utf_16", "utf_32")):
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def detect_encoding(head: bytes) -> str:
    """Encoding of a stream from its first bytes (same rules as :func:`decode_bytes`).

    A multi-byte character cut at the end of ``head`` does not spoil the UTF-8 check.

    Examples
    --------
    >>> detect_encoding("caf\u00e9,1".encode("latin-1"))
    'cp1252'
    >>> detect_encoding("\u00e9t\u00e9".encode("utf-8")[:-1])
    'utf-8'
    """
    if b"\x00" not in head[:8192] and not any(head.startswith(b) for b, _ in _BOMS):
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    return decode_bytes(head)[1]
