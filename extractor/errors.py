"""Exceptions raised by the library, each with the code it is reported under.

The codes are the one error vocabulary: a FailedDocument carries one, the batch errors file writes
it, and api/errors.py maps each to an HTTP status in one place.
"""

from __future__ import annotations

from typing import ClassVar

INTERNAL = "internal"                 # the code of any failure that is not an ExtractorError (a bug)


class ExtractorError(Exception):
    """Base class of every error the library raises on purpose."""

    code: ClassVar[str] = "extraction_failed"


class InvalidInput(ExtractorError):
    """Input of the wrong type or shape (text that is not a string, meta that is not a mapping, …)."""

    code = "invalid_input"


class DecodeError(ExtractorError):
    """Bytes that cannot be decoded as text in any supported encoding."""

    code = "undecodable"


class UnsupportedFormat(ExtractorError):
    """A file type the reader does not handle."""

    code = "unsupported_type"


class EmptyInput(ExtractorError):
    """Input with no text in it."""

    code = "empty"


class InputTooLarge(ExtractorError):
    """Input over the configured size limit."""

    code = "too_large"


class DeadlineExceeded(ExtractorError):
    """The work on a document went past its deadline and was stopped."""

    code = "timeout"


class AlignmentError(ExtractorError):
    """A span that does not map back onto the text as given (the offset invariant, checked on output)."""

    code = INTERNAL


class ModelError(ExtractorError):
    """A model or lexicon file that is missing or corrupt."""

    code = "model_error"


def error_code(exc: BaseException) -> str:
    return exc.code if isinstance(exc, ExtractorError) else INTERNAL
