"""Exceptions raised by the library; api/errors.py maps them to HTTP statuses in one place."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class of every error the library raises on purpose."""


class DecodeError(ExtractorError):
    """Bytes that cannot be decoded as text in any supported encoding."""


class UnsupportedFormat(ExtractorError):
    """A file type the reader does not handle."""


class EmptyInput(ExtractorError):
    """Input with no text in it."""


class InputTooLarge(ExtractorError):
    """Input over the configured size limit."""


class AlignmentError(ExtractorError):
    """A span that does not map back onto the text as given (the offset invariant, checked on output)."""


class ModelError(ExtractorError):
    """A model or lexicon file that is missing or corrupt."""
