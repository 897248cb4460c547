"""Request bodies of the service (responses are extractor.schema.Document)."""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnextract.extractor.schema import Document, Label


def _finite(value: Any) -> Any:
    """JSON has no NaN or Infinity; Python's parser accepts them, so refuse them here (422), not on the way out."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("numbers must be finite")
    if isinstance(value, dict):
        for item in value.values():
            _finite(item)
    elif isinstance(value, list):
        for item in value:
            _finite(item)
    return value


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article, as Unicode text")
    meta: dict[str, Any] = Field(default_factory=dict, description="kept in the output; 'date' (ISO) dates the text")
    labels: list[Label] | None = Field(default=None, description="labels to return (default: all)")

    _meta_is_finite = field_validator("meta")(classmethod(lambda cls, v: _finite(v)))


class BatchItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)

    _meta_is_finite = field_validator("meta")(classmethod(lambda cls, v: _finite(v)))


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[BatchItem] = Field(max_length=100)
    labels: list[Label] | None = None


class ItemError(BaseModel):
    id: str
    error: dict[str, str]


class BatchResponse(BaseModel):
    documents: list[Document | ItemError]
