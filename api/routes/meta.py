"""GET /v1/labels, /v1/schema, /healthz, /readyz."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from vnextract.api.errors import ApiError, error_responses
from vnextract.extractor.assemble import RECORD_TYPES
from vnextract.extractor.recognise import REGISTRY
from vnextract.extractor.schema import json_schema


def v1_router(*, keyed: bool) -> APIRouter:
    v1 = APIRouter(prefix="/v1", tags=["meta"], responses=error_responses(401) if keyed else {})

    @v1.get("/labels", summary="The entity labels (with description and page colour) and record types")
    def labels() -> dict[str, Any]:
        return {"labels": [{"label": label.name, "description": label.description, "colour": label.colour}
                           for label in REGISTRY.labels()],
                "records": list(RECORD_TYPES)}

    @v1.get("/schema", summary="The JSON Schema of the output document")
    def schema() -> dict[str, Any]:
        return json_schema()

    return v1


health = APIRouter(tags=["health"])


@health.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@health.get("/readyz", summary="The extractor is loaded and answering", responses=error_responses(503))
def readyz(request: Request) -> dict[str, str]:
    if getattr(request.app.state, "extractor", None) is None:
        raise ApiError("not_ready", "the extractor is still loading")
    return {"status": "ready"}
