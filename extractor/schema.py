"""The output document format of ANNOTATION.md as pydantic models; `vnextract schema` prints it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _registered_labels() -> tuple[str, ...]:
    from vnextract.extractor.recognise import REGISTRY  # the registry is the one list of labels

    return REGISTRY.label_names()


def _known_label(value: str) -> str:
    known = _registered_labels()
    if value not in known:
        raise ValueError(f"unknown label {value!r}; known: {', '.join(known)}")
    return value


def _label_enum(schema: dict[str, Any]) -> None:
    schema["enum"] = list(_registered_labels())


Label = Annotated[str, AfterValidator(_known_label), Field(json_schema_extra=_label_enum)]
"""An entity label: one of the registry's, checked when a value is validated and listed in the
JSON Schema when it is generated (so a label registered at run time is in both)."""


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
