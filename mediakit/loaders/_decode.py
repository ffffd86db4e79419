"""Bytes to text: encoding detection, the binary-junk check, and stray NUL bytes.

A text file (UTF-8 or an 8-bit encoding) with a few stray NUL bytes (a write that went wrong, a
zero-filled tail after a crash, a tool that pads fields with ``\\x00``) is read with the NULs
removed and one ``nul_bytes`` warning; data with many NULs, or that is not text once they are
removed, is still refused as ``binary``. "A few" is at most :data:`MAX_STRAY_NULS` NULs or 1% of
the bytes, whichever is more, not counting one run of NULs at the very end (zero padding).
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["decode_bytes", "detect_encoding", "looks_binary", "DecodeFailure", "NulFilter", "MAX_STRAY_NULS",
           "WarnCallback", "BinaryStream"]

#: ``on_warning(kind, message)``: how the decoder reports what it repaired (kind ``nul_bytes``).
WarnCallback = Callable[[str, str], None]

#: Stray NUL bytes always tolerated in a UTF-8 text file (more are tolerated up to 1% of its bytes).
MAX_STRAY_NULS = 8


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
    b"SQLite format 3\x00": "an SQLite database",
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


def _binary_format(data: bytes) -> str | None:
    """What a known binary format is (``"a PDF document"``), or None."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    if data[257:262] == b"ustar":  # tar: the magic is in the first header block
        return "a tar archive"
    return None


def _nul_message(n: int, tail: int) -> str:
    where = " (a zero-filled tail)" if tail == n else (f", {tail} of them a zero-filled tail" if tail else "")
    return f"{n} stray NUL byte{'s' if n != 1 else ''} removed{where}"


def _without_stray_nuls(data: bytes) -> tuple[bytes, int, int] | None:
    """``(data without NULs, NULs removed, NULs in the trailing run)`` when the NULs are few
    (see the module docstring); None when they are too many or nothing but NULs is left."""
    body = data.rstrip(b"\x00")
    tail = len(data) - len(body)
    stray = body.count(0)
    clean = body.replace(b"\x00", b"")
    if not clean.strip() or stray > max(MAX_STRAY_NULS, len(body) // 100):
        return None
    return clean, stray + tail, tail


def decode_bytes(data: bytes, on_warning: WarnCallback | None = None) -> tuple[str, str]:
    """Decode file bytes to text, returning ``(text, encoding)``.

    Order: a byte-order mark; BOM-less UTF-16; strict UTF-8; charset-normalizer's best
    guess; Windows-1252; a few stray NUL bytes are removed first. Known binary formats and
    NUL-ridden data raise :class:`DecodeFailure` (kind ``binary``).

    Parameters
    ----------
    data : bytes
        The whole file (or, to sniff its format, its first bytes).
    on_warning : callable, optional
        Called as ``on_warning(kind, message)`` when the text was repaired: kind
        ``nul_bytes`` when stray NUL bytes were removed. Without it they are removed silently.

    Examples
    --------
    >>> decode_bytes("caf\u00e9".encode("latin-1"))[0]
    'caf\u00e9'
    >>> decode_bytes("\u201cquote\u201d".encode("utf-16"))
    ('\u201cquote\u201d', 'utf-16')
    >>> decode_bytes(b"Stray\\x00 NUL", on_warning=lambda kind, msg: print(kind, "-", msg))
    nul_bytes - 1 stray NUL byte removed
    ('Stray NUL', 'utf-8')
    """
    what = _binary_format(data)
    if what is not None:
        raise DecodeFailure("binary", f"this is {what}, not text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-8-sig" and b"\x00" in data:
                return _decode_nuls(data[len(bom):], on_warning, utf8_only=True)[0], enc
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
    if b"\x00" in data:
        return _decode_nuls(data, on_warning)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text, enc = _guess(data)
    if looks_binary(text):
        raise DecodeFailure("binary", "mostly control characters: binary data, not text")
    return text, enc


def _decode_nuls(data: bytes, on_warning: WarnCallback | None, *, utf8_only: bool = False) -> tuple[str, str]:
    """Text and encoding of ``data`` with its stray NULs removed (reported), or
    :class:`DecodeFailure` (``binary``) when the NULs are many or the rest is not text."""
    stripped = _without_stray_nuls(data)
    if stripped is None:
        raise DecodeFailure("binary", "contains NUL bytes: binary data, not text")
    clean, n, tail = stripped
    try:
        text, enc = clean.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if utf8_only:
            raise DecodeFailure("decode", "starts with a UTF-8 byte-order mark but is not UTF-8") from None
        text, enc = _guess(clean)
    if looks_binary(text):
        raise DecodeFailure("binary", "contains NUL bytes: binary data, not text")
    if on_warning is not None:
        on_warning("nul_bytes", _nul_message(n, tail))
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

    A multi-byte character cut at the end of ``head`` does not spoil the UTF-8 (or UTF-16/32) check, and a few
    stray NUL bytes do not make UTF-8 data binary (read the stream through :class:`NulFilter`).

    Examples
    --------
    >>> detect_encoding("caf\u00e9,1".encode("latin-1"))
    'cp1252'
    >>> detect_encoding("\u00e9t\u00e9".encode("utf-8")[:-1])
    'utf-8'
    >>> detect_encoding(b"title,text\\nA,B\\x00\\n")
    'utf-8'
    """
    for bom, enc in _BOMS:
        if head.startswith(bom):
            if enc == "utf-8-sig" and b"\x00" in head and _utf8_head(head[len(bom):]):
                return enc
            try:
                codecs.getincrementaldecoder(enc)().decode(head, final=False)
                return enc
            except UnicodeDecodeError as exc:
                raise DecodeFailure("decode", f"starts with a {enc} byte-order mark but is not {enc}: {exc}") from exc
    if _binary_format(head) is None and _utf16_without_bom(head) is None:
        if b"\x00" not in head[:8192]:
            try:
                codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
                return "utf-8"
            except UnicodeDecodeError:
                pass
        elif _utf8_head(head):
            return "utf-8"
    return decode_bytes(head)[1]


def _utf8_head(head: bytes) -> bool:
    """True when the first bytes of a stream are UTF-8 text apart from a few stray NULs (a
    character cut at the end of ``head`` is fine)."""
    stripped = _without_stray_nuls(head)
    if stripped is None:
        return False
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(stripped[0], final=False)
    except UnicodeDecodeError:
        return False
    return not looks_binary(text)


class BinaryStream(Protocol):
    """What :class:`NulFilter` reads from: a binary file object (``open(..., "rb")``, ``gzip.open``)."""

    def read(self, size: int = ..., /) -> bytes: ...

    def close(self) -> None: ...


class NulFilter(io.RawIOBase):
    """A binary stream with its NUL bytes removed, for 8-bit and UTF-8 text streams (not UTF-16/32).

    Parameters
    ----------
    raw : binary file object
        The stream to read (closed with this one).
    on_warning : callable, optional
        Called once, when the stream is closed, as ``on_warning("nul_bytes", message)`` if any
        NUL byte was removed.

    Examples
    --------
    >>> import io
    >>> with io.TextIOWrapper(io.BufferedReader(NulFilter(io.BytesIO(b"a,b\\n1\\x00,2\\n"), print)),
    ...                       encoding="utf-8") as f:
    ...     f.read()
    'a,b\\n1,2\\n'
    nul_bytes 1 stray NUL byte removed
    """

    def __init__(self, raw: BinaryStream, on_warning: WarnCallback | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._on_warning = on_warning
        self.removed = 0
        self._run = 0  # NULs since the last other byte: a trailing run is zero padding

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` with the next bytes that are not NUL; 0 at the end of the stream."""
        view = memoryview(buffer).cast("B")
        while True:
            chunk = self._raw.read(len(view))
            if not chunk:
                return 0
            clean = chunk.replace(b"\x00", b"")
            removed = len(chunk) - len(clean)
            self.removed += removed
            self._run = self._run + removed if not clean else len(chunk) - len(chunk.rstrip(b"\x00"))
            if clean:
                view[:len(clean)] = clean
                return len(clean)

    def close(self) -> None:
        if not self.closed:
            try:
                self._raw.close()
            finally:
                super().close()
                if self.removed and self._on_warning is not None:
                    self._on_warning("nul_bytes", _nul_message(self.removed, min(self._run, self.removed)))
