"""The one place where errors become HTTP statuses, always as {"error": {"code", "message"}}.

One vocabulary: the library's codes (extractor/errors.py) and the few that only HTTP has, each
with its status. Every 4xx and 5xx the service sends uses one of them, and the OpenAPI document
lists them (`ErrorBody`) for every status a route can answer with.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from vnextract.extractor.errors import ExtractorError, error_code

log = logging.getLogger(__name__)

STATUS_OF_CODE: dict[str, int] = {
    # the library's (extractor/errors.py)
    "invalid_input": 422, "undecodable": 400, "empty": 400, "unsupported_type": 415, "too_large": 413,
    "timeout": 504, "model_error": 500, "internal": 500, "extraction_failed": 400,
    # HTTP's own
    "bad_request": 400, "unauthorized": 401, "not_found": 404, "method_not_allowed": 405,
    "request_timeout": 408, "not_ready": 503,
}
ErrorCode = Literal["invalid_input", "undecodable", "empty", "unsupported_type", "too_large", "timeout", "model_error",
                    "internal", "extraction_failed", "bad_request", "unauthorized", "not_found",
                    "method_not_allowed", "request_timeout", "not_ready"]
_CODE_OF_STATUS = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
                   408: "request_timeout", 413: "too_large", 415: "unsupported_type", 422: "invalid_input",
                   500: "internal", 503: "not_ready", 504: "timeout"}


class ErrorDetail(BaseModel):
    code: ErrorCode = Field(description="what went wrong, from one vocabulary (README, 'Errors')")
    message: str = Field(description="for a person: what was wrong and, where it helps, where")


class ErrorBody(BaseModel):
    """Every error the service answers with."""

    error: ErrorDetail


_DESCRIPTIONS = {400: "undecodable or empty input, or a body that is not JSON", 401: "no valid API key",
                 404: "no such route", 405: "method not allowed (see the Allow header)",
                 408: "the request body arrived too slowly", 413: "the body or the text is over the size limit",
                 415: "unsupported file type", 422: "a field is missing, of the wrong type or out of bounds",
                 500: "a bug", 503: "the extractor is still loading", 504: "the extraction went past the time limit"}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the error statuses a route can answer with."""
    return {status: {"model": ErrorBody, "description": _DESCRIPTIONS[status]} for status in statuses}


def status_of(code: str) -> int:
    return STATUS_OF_CODE.get(code, 400)


class ApiError(Exception):
    def __init__(self, code: str, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.status, self.headers = code, message, status_of(code), headers


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status_of(code), headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.code, exc.message, exc.headers)

    @app.exception_handler(ExtractorError)
    async def _extractor(_: Request, exc: ExtractorError) -> JSONResponse:
        return error_response(error_code(exc), str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
        return error_response("invalid_input", details or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODE_OF_STATUS.get(exc.status_code, "bad_request")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response("internal", "internal error")
