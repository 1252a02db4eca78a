"""Stage 0 — input decoding: ``str`` or ``bytes`` in, text out.

Bytes: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32); else strict UTF-8; else the strict
candidates among GB18030, Big5 and BOM-less UTF-16 are scored by how much their text reads like
Chinese (``normalize.text_badness``: share of common hanzi); else charset-normalizer's best
guess; else UTF-8 with replacement characters (and a warning). The encoding used is returned
(``ParseResult.encoding``) and named in the warnings.

HTML (a document-level tag or block tags in the first 4 KB) is reduced to its text with
paragraph breaks (:mod:`policyextract.html`); the reduced text is then *the* text: it is what
``ParseResult.text`` holds and what every ``span`` indexes.

Lone surrogates (only possible in a ``str``) become U+FFFD in the text, one for one, with a
warning — a lone surrogate cannot be written as UTF-8 or JSON, so keeping it would make the
result unserialisable. NUL and other control characters stay in the text (the normaliser turns
them into spaces for the rules).

Size: ``max_chars`` (default 5,000,000) bounds the decoded text; bytes over 4 × max_chars are
refused before decoding. Both raise :class:`InputTooLargeError`.
"""
from __future__ import annotations

import codecs
import re
from typing import List, Optional, Tuple, Union

from .errors import DecodeError, EmptyInputError, InputError, InputTooLargeError

DEFAULT_MAX_CHARS = 5_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SAMPLE = 20_000  # chars scored per candidate encoding


def _score(text: str) -> float:
    from .normalize import text_badness

    sample = text[:_SAMPLE]
    bad = text_badness(sample)
    # C0 controls (other than whitespace) are a strong sign of a wrong multi-byte guess
    ctrl = sum(1 for c in sample if c < " " and c not in "\n\r\t") / max(1, len(sample))
    return bad + 5 * ctrl


def _decode_bytes(data: bytes, warnings: List[str]) -> Tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc + " (BOM)"
            except UnicodeDecodeError:
                text = data[len(bom):].decode(enc, errors="replace")
                warnings.append(f"bytes invalid in {enc} despite its BOM: undecodable bytes replaced by U+FFFD")
                return text, enc + " (BOM)"
    if len(data) % 2 == 0 and data.count(0) * 8 >= len(data):
        # BOM-less UTF-16: NUL bytes (never in UTF-8/GB text) on one side of each pair
        even, odd = data[0::2].count(0), data[1::2].count(0)
        enc = "utf-16-be" if even > odd else "utf-16-le"
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    encs = ["gb18030", "big5"]
    if len(data) % 2 == 0:
        encs += ["utf-16-le", "utf-16-be"]
    for enc in encs:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    if candidates:
        candidates.sort(key=lambda c: c[0])
        score, enc, text = candidates[0]
        if score < 0.35:
            return text, enc
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # pragma: no cover - the detector must never take parse() down
        best = None
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            try:
                text = data.decode(best.encoding, errors="replace")
                warnings.append(f"some bytes invalid in {best.encoding}: replaced by U+FFFD")
                return text, best.encoding
            except LookupError:
                pass
    if candidates:
        _, enc, text = candidates[0]
        return text, enc
    warnings.append("no encoding decodes these bytes: read as UTF-8 with U+FFFD for invalid bytes")
    return data.decode("utf-8", errors="replace"), "utf-8 (replace)"


# cp1252's printable chars for bytes 0x80-0x9F (the other five bytes are undefined there and
# are carried as U+0080-U+009F by the lenient decoders, like latin-1 does)
_CP1252_HIGH = {ch: b for b in range(0x80, 0xA0)
                if (ch := bytes([b]).decode("cp1252", errors="ignore"))}
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _as_latin1_bytes(text: str) -> Optional[bytes]:
    """The bytes a latin-1/cp1252 decoder read ``text`` from, or None if some char has none."""
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x100:
            out.append(o)
        elif ch in _CP1252_HIGH:
            out.append(_CP1252_HIGH[ch])
        else:
            return None
    return bytes(out)


def _undo_latin1(text: str, warnings: List[str]) -> Tuple[str, Optional[str]]:
    """Chinese text that a client decoded as ISO-8859-1/cp1252 ("å›½åŠ¡é™¢" for 国务院,
    "¹úÎñÔº" for 国务院 in GBK) — what ``requests`` hands back for a page served without a
    charset in its header. If every char maps back to one byte, there is no CJK at all and the
    bytes decode (UTF-8, else GB18030 / Big5 as for bytes input) to text that reads as Chinese,
    the re-decoded text replaces it, with a warning."""
    if _CJK.search(text):
        return text, None
    high = sum(1 for ch in text[:_SAMPLE] if ord(ch) >= 0x80)
    if high < 8:
        return text, None
    data = _as_latin1_bytes(text)
    if data is None:
        return text, None
    sub: List[str] = []
    fixed, enc = _decode_bytes(data, sub)
    if enc.startswith("utf-8 (replace)") or len(_CJK.findall(fixed[:_SAMPLE])) < high // 6 or _score(fixed) >= 0.35:
        return text, None
    enc = enc.split(" ")[0]
    warnings.append(f"text was {enc} bytes read as Latin-1/cp1252 (mojibake): re-decoded as {enc}; "
                    "spans index the re-decoded text")
    return fixed, enc


def decode_input(page: Union[str, bytes], max_chars: int = DEFAULT_MAX_CHARS) -> Tuple[str, Optional[str], List[str]]:
    """Return ``(text, encoding or None, warnings)``; raise an :class:`InputError` subclass."""
    from .html import html_to_text, looks_like_html

    warnings: List[str] = []
    encoding = None
    if isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        if len(data) > 4 * max_chars:
            raise InputTooLargeError(f"input has {len(data)} bytes, over 4 × max_chars ({max_chars})")
        text, encoding = _decode_bytes(data, warnings)
        warnings.insert(0, f"decoded as {encoding}")
        encoding = encoding.split(" ")[0]
        text, _ = _undo_latin1(text, warnings)  # a file saved after a Latin-1 mis-read
    elif isinstance(page, str):
        if len(page) > max_chars:
            raise InputTooLargeError(f"input has {len(page)} characters, over the limit of {max_chars} (max_chars)")
        text, encoding = _undo_latin1(page, warnings)
    else:
        raise InputError(f"parse() takes str or bytes, not {type(page).__name__}")
    if len(text) > max_chars:
        raise InputTooLargeError(f"input has {len(text)} characters, over the limit of {max_chars} (max_chars)")
    if _SURROGATE.search(text):
        n = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(f"{n} lone surrogate(s) replaced by U+FFFD")
    if looks_like_html(text):
        reduced = html_to_text(text)
        warnings.append(f"HTML input reduced to text ({len(text)} → {len(reduced)} chars); spans index the reduced text")
        text = reduced
    if not text.strip() or not text.strip("\x00 \t\r\n\x0b\x0c\ufeff\u3000"):
        raise EmptyInputError("input is empty or whitespace only")
    return text, encoding, warnings
