"""Input decoding: ``str`` or ``bytes`` in, text out (see issue 5 for the full job)."""
from __future__ import annotations

from typing import List, Optional, Tuple, Union

from .errors import DecodeError, EmptyInputError, InputError, InputTooLargeError

DEFAULT_MAX_CHARS = 5_000_000


def decode_input(page: Union[str, bytes], max_chars: int = DEFAULT_MAX_CHARS) -> Tuple[str, Optional[str], List[str]]:
    """Return ``(text, encoding or None, warnings)``; raise an :class:`InputError` subclass."""
    warnings: List[str] = []
    encoding = None
    if isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(enc)
                encoding = enc
                break
            except UnicodeDecodeError:
                continue
        else:
            raise DecodeError("bytes are neither UTF-8 nor GB18030")
        warnings.append(f"decoded as {encoding}")
    elif isinstance(page, str):
        text = page
    else:
        raise InputError(f"parse() takes str or bytes, not {type(page).__name__}")
    if len(text) > max_chars:
        raise InputTooLargeError(f"input has {len(text)} characters, over the limit of {max_chars} (max_chars)")
    if not text.strip():
        raise EmptyInputError("input is empty or whitespace only")
    return text, encoding, warnings
