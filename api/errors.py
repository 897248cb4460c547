"""The one place where errors become HTTP statuses, always as {"error": {"code", "message"}}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from vnextract.extractor.errors import ExtractorError, error_code

log = logging.getLogger(__name__)

# The library's error codes (extractor/errors.py) and the HTTP statuses they are answered with.
STATUS_OF_CODE = {"invalid_input": 422, "undecodable": 400, "empty": 400, "unsupported_type": 415, "too_large": 413,
                  "timeout": 504, "model_error": 500, "internal": 500, "extraction_failed": 400}
# Codes for the errors that only HTTP has.
CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
         413: "too_large", 415: "unsupported_type", 422: "invalid_fields", 500: "internal", 503: "not_ready",
         504: "timeout"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code or CODES.get(status, "error")


def error_response(status: int, message: str, code: str | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code or CODES.get(status, "error"), "message": message}}, status_code=status)


def status_of(code: str) -> int:
    return STATUS_OF_CODE.get(code, 400)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code)

    @app.exception_handler(ExtractorError)
    async def _extractor(_: Request, exc: ExtractorError) -> JSONResponse:
        code = error_code(exc)
        return error_response(status_of(code), str(exc), code)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
        return error_response(422, details or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(500, "internal error")
