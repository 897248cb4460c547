"""GET /v1/labels, /v1/schema, /healthz, /readyz."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from vnextract.api.deps import require_api_key
from vnextract.api.errors import ApiError
from vnextract.extractor.assemble import RECORD_TYPES
from vnextract.extractor.recognise import REGISTRY
from vnextract.extractor.schema import json_schema

v1 = APIRouter(prefix="/v1", tags=["meta"], dependencies=[Depends(require_api_key)])
health = APIRouter(tags=["health"])

@v1.get("/labels", summary="The entity labels (with description and page colour) and record types")
def labels() -> dict[str, Any]:
    return {"labels": [{"label": label.name, "description": label.description, "colour": label.colour}
                       for label in REGISTRY.labels()],
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
