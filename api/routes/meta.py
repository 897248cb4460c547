"""GET /v1/labels, /v1/schema, /healthz, /readyz."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from vnextract.api.deps import require_api_key
from vnextract.api.errors import ApiError
from vnextract.extractor.config import LABELS, RECORD_TYPES
from vnextract.extractor.schema import json_schema
from vnextract.extractor.spacy_doc import COLORS

v1 = APIRouter(prefix="/v1", tags=["meta"], dependencies=[Depends(require_api_key)])
health = APIRouter(tags=["health"])

LABEL_HELP = {
    "PROVINCE": "a province-level unit of any era, spanned without its type word",
    "PERSON": "a person's name, without titles, honorifics, degrees or ranks",
    "ORGANIZATION": "a named agency, body, unit or enterprise",
    "PERCENT": "a percentage, a range of percentages, or percentage points",
    "AWARD": "a form of commendation or an emulation title, with its class",
    "DATE": "a calendar date with at least a day and month, or a month and year",
    "LEGAL_REF": "a legal or administrative document by number, or a law by name",
}


@v1.get("/labels", summary="The entity labels and record types")
def labels() -> dict[str, Any]:
    return {"labels": [{"label": label, "description": LABEL_HELP[label], "colour": COLORS[label]} for label in LABELS],
            "records": list(RECORD_TYPES)}


@v1.get("/schema", summary="The JSON Schema of the output document")
def schema() -> dict[str, Any]:
    return json_schema()


@health.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@health.get("/readyz", summary="The extractor is loaded and answering")
def readyz(request: Request) -> dict[str, str]:
    if getattr(request.app.state, "extractor", None) is None:
        raise ApiError(503, "the extractor is still loading", "not_ready")
    return {"status": "ready"}
