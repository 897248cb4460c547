"""vnextract: structured, normalised facts with exact offsets from Vietnamese government text."""

from extractor.pipeline import Extractor, FailedDocument
from extractor.schema import Document, Entity, Record

__all__ = ["Document", "Entity", "Extractor", "FailedDocument", "Record"]
