"""Plain-text reader: bytes in any common encoding → a :class:`Document`.

Decoding order: byte-order mark, strict UTF-8, a charset the container
declared (HTML meta, HTTP header), charset-normalizer's best guess, and as the
last resort UTF-8 with replacement characters, so a bad byte never crashes a
run. Binary data (NUL bytes outside UTF-16/32, or many control characters) is
refused with an :class:`InputError`. The other readers reuse
:func:`decode_bytes` and the small helpers below.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from onrecord.errors import InputError
from onrecord.records import Document

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in prose (tab, newlines, form feed do),
# plus the replacement character a lossy decode leaves behind.
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_CONTROL_SHARE = 0.1
_SAMPLE = 65536
# What a Western European text looks like once decoded as cp1252: Latin-1
# letters and the typographic punctuation cp1252 adds. Anything else (³, ¹, ¿
# inside words, Š, Ž...) suggests another code page such as cp1250.
_WESTERN_EXTRAS = set("‘’‚“”„–—…€•™«»°£©®§·\xa0Œœ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def read_text(data: bytes, source: str) -> Document:
    """Read a plain-text article; the line classifier will clean it later."""
    text = decode_bytes(data, source)
    if not text.strip():
        raise InputError(source, "empty file")
    return Document(source=source, text=text, needs_cleaning=True, format="text")


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` to text with ``\\n`` newlines, or refuse it as binary."""
    text = _decode(data, source, declared)
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(source, "binary file (control characters), not an article")
    return normalise_newlines(text.removeprefix("\ufeff"))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(exc: BaseException, limit: int = 160) -> str:
    """A third-party exception as one short printable line.

    Some messages span a paragraph (warcio) or quote the raw bytes that broke
    the parser, control characters included.
    """
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    line = "".join(c if c.isprintable() else "?" for c in lines[0]) if lines else type(exc).__name__
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _decode(data: bytes, source: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(source, "binary file (NUL bytes), not an article")
        return data.decode(utf16, errors="replace")
    # Strict UTF-8 goes before the declared charset: bytes that decode as
    # UTF-8 almost never are anything else, and declarations are often stale.
    for encoding in ("utf-8", _whatwg(declared)):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    return _guess(data)


def _whatwg(declared: str | None) -> str | None:
    """A usable codec name for a declared charset; latin-1 means cp1252 on the web."""
    try:
        name = codecs.lookup(declared).name if declared else None
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a mark shows NUL in every other byte of ASCII text."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _guess(data: bytes) -> str:
    """charset-normalizer's guess, corrected towards cp1252 for Western text.

    On short texts charset-normalizer often prefers cp1250 or cp1257 over
    cp1252 ("pręt" for "prêt"); when its guess is a Latin-script reading and
    the bytes read as plausible cp1252, cp1252 (the web's most common legacy
    encoding) wins.
    """
    try:
        best = from_bytes(data).best()
    except Exception:  # a guesser failure must not lose the file
        best = None
    guessed = str(best) if best is not None else None
    western = _as_western(data)
    if western is not None and (guessed is None or _is_latin_script(guessed)):
        return western
    if guessed is not None:
        return guessed
    return data.decode("utf-8", errors="replace")


def _as_western(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    extras = set(_NON_ASCII.findall(text))
    if all(c in _WESTERN_EXTRAS or ("\xc0" <= c <= "\xff" and c.isalpha()) for c in extras):
        return text
    return None


def _is_latin_script(text: str) -> bool:
    letters = {c for c in _NON_ASCII.findall(text) if c.isalpha()}
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)
