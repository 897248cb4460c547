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


Span = tuple[int, int]
"""[start, end) in the original text, like an entity's offsets."""


class Position(BaseModel):
    """One title of an official, split: role, organisation, the province it names, current or former."""

    title: str
    role: str = Field(description='the position itself: "Phó Chủ tịch"')
    organisation: str | None = Field(default=None, description='where it is held: "UBND tỉnh Quảng Ninh"')
    current: bool = Field(default=True, description='false for "nguyên", "cựu", "từng …"')
    province: str | None = Field(default=None, description="canonical name of the province the title names")
    province_code: str | None = None
    unit_2025: str | None = Field(default=None, description="the province's unit from 1 July 2025")


class OfficialEvidence(BaseModel):
    sentences: list[Span] = Field(default_factory=list, description="each sentence the record was read from")
    person: list[Span] = Field(default_factory=list, description="every mention of the person that carries a title")
    titles: list[list[Span]] = Field(default_factory=list, description="for each title, where it is written")


class OfficialRecord(BaseModel):
    type: Literal["official"] = "official"
    person: str
    titles: list[str]
    positions: list[Position] = Field(default_factory=list, description="the titles, in order, normalised")
    evidence: OfficialEvidence | None = None


class Recipient(BaseModel):
    name: str
    kind: Literal["person", "collective"]
    province: str | None = Field(default=None, description="the province the recipient's name states, canonical")
    province_code: str | None = None
    unit_2025: str | None = None


class Decision(BaseModel):
    """The legal reference of the decision cited with the conferral."""

    text: str
    type: str | None = None
    number: str | None = None
    span: Span | None = None


class AwardEvidence(BaseModel):
    sentences: list[Span] = Field(default_factory=list, description="each sentence the conferral was read from")
    award: list[Span] = Field(default_factory=list, description="every mention of the award merged into this record")
    recipients: list[list[Span]] = Field(default_factory=list, description="for each recipient, where it is written")
    issuer: list[Span] = Field(default_factory=list)


class AwardRecord(BaseModel):
    type: Literal["award"] = "award"
    award: str
    recipients: list[str]
    issuer: str | None = None
    status: Literal["granted", "proposed", "other"]
    attrs: dict[str, Any] = Field(default_factory=dict, description="the AWARD's type, class, category, level")
    issuer_office: str | None = Field(default=None, description='the issuer as a canonical office ("Thủ tướng Chính phủ")')
    recipient_details: list[Recipient] = Field(default_factory=list, description="the recipients, in order, with kind")
    date: str | None = Field(default=None, description="ISO date of the conferral when stated, else of the document")
    date_source: Literal["text", "document"] | None = None
    decision: Decision | None = None
    evidence: AwardEvidence | None = None


class ProvinceRef(BaseModel):
    name: str | None = None
    code: str | None = None
    unit_2025: str | None = None


class PercentageEvidence(BaseModel):
    sentences: list[Span] = Field(default_factory=list)
    percent: list[Span] = Field(default_factory=list)
    subject: list[Span] = Field(default_factory=list)
    provinces: list[Span] = Field(default_factory=list)


class PercentageRecord(BaseModel):
    type: Literal["percentage"] = "percentage"
    percent: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    qualifier: str | None = None
    subject: str | None = None
    province: str | None = Field(default=None, description="the last province it is stated for")
    provinces: list[ProvinceRef] = Field(default_factory=list, description="every province it is stated for")
    period: str | None = Field(default=None, description='"giai đoạn 2020-2025", "năm 2024" when written')
    evidence: PercentageEvidence | None = None


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
