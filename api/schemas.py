"""Request and response bodies of the service: every field of every request is checked here, so
that whatever a client sends is either a valid request or a 422 that says what was wrong."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, create_model

from vnextract.api.errors import ErrorDetail
from vnextract.extractor.schema import Document, Label

MAX_META_DEPTH = 8              # levels of nesting inside `meta` (an object in an object in `meta` is 2)
MAX_META_VALUES = 1000          # keys, items and values inside `meta`, all together
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _unicode(text: str, where: str) -> str:
    """JSON's \\ud800 escapes can smuggle in lone surrogates: not Unicode text, refused."""
    found = _LONE_SURROGATE.search(text)
    if found:
        raise ValueError(f"{where} holds a lone surrogate (U+{ord(found.group()):04X}) at position {found.start()}: "
                         "not valid Unicode text; send the text as UTF-8")
    return text


def _valid_text(text: str) -> str:
    return _unicode(text, "the text")


def _valid_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A JSON object of bounded depth and size, with finite numbers and Unicode strings only;
    an `id` in it, when there is one, is a string or a number (the document's id)."""
    if "id" in meta:
        _document_id(meta["id"])
    values = 0
    stack: list[tuple[Any, int]] = [(meta, 1)]
    while stack:
        value, depth = stack.pop()
        values += 1
        if values > MAX_META_VALUES:
            raise ValueError(f"meta holds more than {MAX_META_VALUES:,} values")
        if isinstance(value, dict | list):
            if depth > MAX_META_DEPTH:
                raise ValueError(f"meta is nested more than {MAX_META_DEPTH} levels deep")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    _unicode(key, "a key in meta")
                stack.append((item, depth + 1))
        elif isinstance(value, float) and not math.isfinite(value):
            raise ValueError("numbers in meta must be finite (JSON has no NaN or Infinity)")
        elif isinstance(value, str):
            _unicode(value, "a string in meta")
    return meta


def _document_id(value: Any) -> str:
    """Ids are strings or numbers, and always strings once read."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"an id is a string or a number, not {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("an id must be a finite number")
    return _unicode(value, "the id") if isinstance(value, str) else str(value)


Text = Annotated[str, Field(min_length=1, pattern=r"\S", description="the article, as Unicode text (not only spaces)"),
                 AfterValidator(_valid_text)]
Meta = Annotated[dict[str, Any], AfterValidator(_valid_meta),
                 Field(description=f"kept in the output; 'date' (ISO) dates the text, 'id' (a string or a number) "
                                   f"names it; at most {MAX_META_DEPTH} levels deep and {MAX_META_VALUES:,} values")]
DocumentId = Annotated[str | int | float, BeforeValidator(_document_id),
                       Field(description="a string, or a number (returned as a string)")]


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Text
    meta: Meta = Field(default_factory=dict)
    labels: list[Label] | None = Field(default=None, description="labels to return (default: all)")

    @property
    def id(self) -> str | None:
        return _document_id(self.meta["id"]) if "id" in self.meta else None


class BatchItem(BaseModel):
    """One document of a batch. What is wrong with its text alone (empty, not valid Unicode) comes
    back as that item's error, and the other documents are still processed."""

    model_config = ConfigDict(extra="forbid")

    id: DocumentId
    text: str = Field(description="the article, as Unicode text")
    meta: Meta = Field(default_factory=dict)


def batch_request(max_batch: int) -> type[BaseModel]:
    """The batch body with the configured bound on its documents (VNEXTRACT_MAX_BATCH)."""
    return create_model(
        "BatchRequest", __config__=ConfigDict(extra="forbid"),
        documents=(Annotated[list[BatchItem], Field(max_length=max_batch,
                                                    description=f"at most {max_batch} documents")], ...),
        labels=(list[Label] | None, None),
    )


class ItemError(BaseModel):
    """A document of a batch that could not be processed (the others are)."""

    id: str
    error: ErrorDetail


class BatchResponse(BaseModel):
    documents: list[Document | ItemError]
