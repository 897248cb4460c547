"""The output document format of ANNOTATION.md as pydantic models; `vnextract schema` prints it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Label = Literal["PROVINCE", "PERSON", "ORGANIZATION", "PERCENT", "AWARD", "DATE", "LEGAL_REF"]


class Entity(BaseModel):
    model_config = ConfigDict(extra="allow")

    start: int = Field(ge=0, description="code-point offset into `text`, inclusive")
    end: int = Field(ge=0, description="code-point offset into `text`, exclusive")
    label: Label
    text: str = Field(description="always equal to text[start:end]")
    attrs: dict[str, Any] = Field(default_factory=dict, description="normalised values (see README)")
    explanation: str | None = Field(default=None, description="why the span was found")


class OfficialRecord(BaseModel):
    type: Literal["official"] = "official"
    person: str
    titles: list[str]


class AwardRecord(BaseModel):
    type: Literal["award"] = "award"
    award: str
    recipients: list[str]
    issuer: str | None = None
    status: Literal["granted", "proposed", "other"]
    attrs: dict[str, Any] = Field(default_factory=dict)


class PercentageRecord(BaseModel):
    type: Literal["percentage"] = "percentage"
    percent: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    qualifier: str | None = None
    subject: str | None = None
    province: str | None = None


Record = OfficialRecord | AwardRecord | PercentageRecord


class Document(BaseModel):
    """One document: the text as read, its entities with exact offsets, and the assembled records."""

    model_config = ConfigDict(extra="allow")

    id: str | None = None
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)
    entities: list[Entity] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


def json_schema() -> dict[str, Any]:
    return Document.model_json_schema()
