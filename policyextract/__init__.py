"""policyextract — typed records from Chinese government notices as scraped from the web.

>>> import policyextract
>>> result = policyextract.parse(open("page.txt", encoding="utf-8").read())
>>> [d.title for d in result.documents]
"""
from __future__ import annotations

from .errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    ModelError,
    PolicyExtractError,
)
from .records import (
    Attendee,
    DateMention,
    Measure,
    Meeting,
    Notice,
    Official,
    Organ,
    ParseResult,
    Reference,
)
from .api import parse
from .batch import ErrorRecord, PageResult, parse_many
from .tables import to_dataframe

__version__ = "0.1.0"

__all__ = [
    "parse", "parse_many", "to_dataframe", "PageResult", "ErrorRecord",
    "ParseResult", "Notice", "Measure", "Organ", "DateMention", "Official", "Meeting",
    "Attendee", "Reference", "PolicyExtractError", "InputError", "EmptyInputError", "DecodeError",
    "InputTooLargeError", "ModelError", "__version__",
]
