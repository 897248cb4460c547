"""Request bodies of the service (responses are extractor.schema.Document)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from extractor.schema import Document, Label


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article, as Unicode text")
    meta: dict[str, Any] = Field(default_factory=dict, description="kept in the output; 'date' (ISO) dates the text")
    labels: list[Label] | None = Field(default=None, description="labels to return (default: all)")


class BatchItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[BatchItem] = Field(max_length=100)
    labels: list[Label] | None = None


class ItemError(BaseModel):
    id: str
    error: dict[str, str]


class BatchResponse(BaseModel):
    documents: list[Document | ItemError]
