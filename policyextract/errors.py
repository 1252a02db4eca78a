"""Typed errors. Everything ``parse()`` raises is a :class:`PolicyExtractError`."""
from __future__ import annotations


class PolicyExtractError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(PolicyExtractError, ValueError):
    """The input cannot be parsed at all (wrong type, empty, undecodable)."""


class EmptyInputError(InputError):
    """The input holds no text once decoded and stripped."""


class DecodeError(InputError):
    """Bytes that no supported encoding decodes."""


class InputTooLargeError(InputError):
    """The input exceeds the configured size limit (``max_chars``)."""


class ModelError(PolicyExtractError, RuntimeError):
    """A bundled model or data file is missing or cannot be loaded."""
