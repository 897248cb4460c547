"""vnextract: structured, normalised facts with exact offsets from Vietnamese government text."""

from vnextract.extractor.pipeline import Extractor, FailedDocument
from vnextract.extractor.schema import Document, Entity, Record

__all__ = ["Document", "Entity", "Extractor", "FailedDocument", "Record"]
