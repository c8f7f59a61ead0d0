"""Bytes to text: UTF-8 first, then a guessed legacy encoding; binary data is refused.

Order: a BOM (UTF-8/16/32) decides; NUL bytes or many control bytes mean binary; strict
UTF-8; cp1252 when the result reads like Latin-script text (charset-normalizer alone guesses
Baltic or Urdu code pages for short French or German Latin-1 text); otherwise the encoding
charset-normalizer finds, and binary if it finds none.

The text is cleaned for the rest of the pipeline: newlines become "\\n", stray control
characters (which XML/RDF exports cannot carry) become spaces, lone surrogates U+FFFD.
Nothing else changes.
"""
from __future__ import annotations

import codecs
import re
import string
import unicodedata

from graphkit.io.problems import Rejected

BINARY = "binary file, not text"
MAX_FIELD_CHARS = 2_000

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b")
_MAX_CONTROL_RATIO = 0.05
_MAX_NON_ASCII_LETTERS = 0.3       # share of letters; Cyrillic read as cp1252 is all non-ASCII
_INNER_PUNCTUATION = set("'\u2019\u2018-\u2010\u2011\u00b7")
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")  # only JSON "\\ud800" escapes make these
_NON_ASCII = re.compile("[^\x00-\x7f]")
_ASCII_LETTERS = string.ascii_letters.encode()


def decode_document(data: bytes) -> str:
    """Decode a whole document; raise Rejected(BINARY) when it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return clean_text(data.decode(codec))
            except UnicodeDecodeError:
                raise Rejected(BINARY) from None
    if looks_binary(data):
        raise Rejected(BINARY)
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return clean_text(_decode_legacy(data))


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than a few control bytes, mean this is not text."""
    if b"\x00" in data:
        return True
    if not data:
        return False
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data) > _MAX_CONTROL_RATIO


def clean_text(text: str) -> str:
    """Unify newlines, replace control characters (not tab or newline) with spaces and
    lone surrogates (unwritable as UTF-8) with U+FFFD."""
    text = _NEWLINES.sub("\n", text)
    text = _LONE_SURROGATES.sub("\ufffd", text)
    return _STRAY_CONTROLS.sub(" ", text)


def clean_field(value: str) -> str | None:
    """A metadata field (title, date, url, id): cleaned, stripped, at most
    MAX_FIELD_CHARS characters (a hostile page can have a megabyte <title>); None if empty."""
    value = clean_text(value[:MAX_FIELD_CHARS * 2]).strip()[:MAX_FIELD_CHARS].strip()
    return value or None


def _decode_legacy(data: bytes) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_latin(text):
        return text
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise Rejected(BINARY)
    decoded = []
    for match in matches:  # best first; skip guesses that put symbols inside words
        try:
            candidate = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(candidate):
            return candidate
        decoded.append(candidate)
    if not decoded:
        raise Rejected(BINARY)
    return decoded[0]


def _reads_as_latin(text: str) -> bool:
    """True for Latin-script text: few non-ASCII letters, no symbols inside words.

    Polish cp1250 read as cp1252 puts superscripts and '¿' inside words; Cyrillic or
    Greek read as cp1252 has almost only non-ASCII letters.
    """
    if not _plausible(text):
        return False
    ascii_bytes = text.encode("ascii", "ignore")
    letters = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    non_ascii = sum(1 for match in _NON_ASCII.finditer(text) if match.group().isalpha())
    letters += non_ascii
    return letters > 0 and non_ascii <= _MAX_NON_ASCII_LETTERS * letters


def _plausible(text: str) -> bool:
    """No control characters and no symbol or digit-like sign between two letters
    (the mark of text decoded with the wrong code page)."""
    for match in _NON_ASCII.finditer(text):
        char, i = match.group(), match.start()
        if char.isalpha() or char in _INNER_PUNCTUATION:
            continue
        category = unicodedata.category(char)
        if category.startswith("M"):  # combining marks (Thai, Devanagari vowel signs)
            continue
        if category.startswith("C"):
            return False
        if 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            return False
    return True
