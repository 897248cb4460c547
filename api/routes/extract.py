"""POST /v1/extract, /v1/extract/file and /v1/extract/batch: each goes through `Extractor.pipe`,
on the app's thread pool, under the request's deadline. (No `from __future__ import annotations`: the batch body's model is
made per app, and FastAPI reads the annotations at run time.)"""

import re
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from vnextract.api.deps import ExtractorDep, SettingsDep, run_extraction
from vnextract.api.errors import ApiError, error_responses
from vnextract.api.schemas import BatchResponse, ExtractRequest, ItemError, batch_request
from vnextract.api.settings import Settings
from vnextract.extractor import Extractor, FailedDocument
from vnextract.extractor.read import read_bytes
from vnextract.extractor.recognise import REGISTRY
from vnextract.extractor.schema import Document
from vnextract.extractor.types import Deadline, RawDocument


def _json(document: Document) -> Response:
    """The document serialised by pydantic's own encoder: it was built from the schema's models, so
    FastAPI's validation of the response would only repeat the work (a tenth of a request's time)."""
    return Response(document.model_dump_json(exclude_none=True), media_type="application/json")


def _check_size(texts: list[str], limit: int) -> None:
    size = sum(len(text.encode("utf-8", "surrogatepass")) for text in texts)    # a lone surrogate is refused later
    if size > limit:
        raise ApiError("too_large", f"the text is {size:,} bytes in UTF-8; the limit is {limit:,}")


def _only(document: Document, labels: list[str] | None) -> Document:
    if labels is not None:
        document.entities = [e for e in document.entities if e.label in set(labels)]
    return document


def _one(extractor: Extractor, raw: RawDocument, deadline: Deadline) -> Document:
    result = next(extractor.pipe([raw], on_error="report", deadline=deadline))
    if isinstance(result, FailedDocument):
        raise ApiError(result.code, result.reason)
    return result


def _labels_pattern() -> str:
    """A form's comma-separated labels, as a pattern of the OpenAPI document (the registry's labels,
    so an unknown one is a 422 the schema foretells)."""
    one = "|".join(re.escape(name) for name in REGISTRY.label_names())
    return rf"^\s*(?:(?:{one})(?:\s*,\s*(?:{one}))*)?\s*$"


def _form_labels(value: str) -> list[str] | None:
    """The labels a form asks for; none written (the field left empty) means all."""
    wanted = [part.strip() for part in value.split(",") if part.strip()]
    return wanted or None


def router(settings: Settings) -> APIRouter:
    """The extraction routes, with the configured batch bound in their schema."""
    routes = APIRouter(prefix="/v1", tags=["extract"])
    BatchRequest = batch_request(settings.max_batch)
    keyed = (401,) if settings.api_keys else ()
    labels_pattern = _labels_pattern()

    @routes.post("/extract", response_model=Document, response_model_exclude_none=True,
                 summary="Extract entities and records from one text",
                 responses=error_responses(*keyed, 400, 408, 413, 422, 503, 504))
    async def extract(body: ExtractRequest, request: Request, extractor: ExtractorDep, settings: SettingsDep) -> Any:
        _check_size([body.text], settings.max_bytes)
        raw = RawDocument(text=body.text, meta=body.meta, id=body.id)
        deadline = Deadline.after(settings.timeout_seconds)
        document = await run_extraction(request, lambda: _one(extractor, raw, deadline))
        return _json(_only(document, body.labels))

    @routes.post("/extract/file", response_model=Document, response_model_exclude_none=True,
                 summary="Extract from an uploaded .txt (any supported encoding), .html, .docx, .pdf, .doc, .rtf or image",
                 responses=error_responses(*keyed, 400, 408, 413, 415, 422, 503, 504))
    async def extract_file(request: Request, extractor: ExtractorDep, settings: SettingsDep,
                           file: Annotated[UploadFile, File(description="the article")],
                           date: Annotated[str, Form(max_length=100, description=(
                               "the article's date, as meta.date ('2025-07-15', '2025-07', '2025', '20250715', "
                               "'~2005-2006'): the province scheme and the year of dates written without one"))] = "",
                           labels: Annotated[str, Form(pattern=labels_pattern, description=(
                               "comma-separated labels to return (empty: all)"))] = "") -> Any:
        wanted = _form_labels(labels)
        data = await file.read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            raise ApiError("too_large", f"the upload is over the limit of {settings.max_bytes:,} bytes")
        name = file.filename or "upload.txt"
        meta: dict[str, Any] = {"filename": name}
        if date and date.strip():
            meta["date"] = date.strip()
        deadline = Deadline.after(settings.timeout_seconds)

        def work() -> Document:            # reading a PDF or a DOCX is work too: on the pool, under the same deadline
            raw = read_bytes(data, name=name, meta=meta, max_bytes=settings.max_bytes, deadline=deadline)
            return _one(extractor, raw, deadline)

        return _json(_only(await run_extraction(request, work), wanted))

    @routes.post("/extract/batch", response_model=BatchResponse, response_model_exclude_none=True,
                 summary=f"Extract from up to {settings.max_batch} documents; results come in the same order",
                 responses=error_responses(*keyed, 400, 408, 413, 422, 503, 504))
    async def extract_batch(body: BatchRequest, request: Request, extractor: ExtractorDep,  # type: ignore[valid-type]
                            settings: SettingsDep) -> Any:
        _check_size([item.text for item in body.documents], settings.max_bytes)
        deadline = Deadline.after(settings.timeout_seconds)
        items = [{"id": item.id, "text": item.text, "meta": item.meta} for item in body.documents]

        def work() -> list[Document | ItemError]:
            results: list[Document | ItemError] = []
            for result in extractor.pipe(items, on_error="report", deadline=deadline):
                if isinstance(result, FailedDocument):
                    results.append(ItemError(id=result.id or "", error={"code": result.code, "message": result.reason}))
                else:
                    results.append(_only(result, body.labels))
            return results

        return {"documents": await run_extraction(request, work)}

    return routes
