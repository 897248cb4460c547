"""Typed dependencies: the shared extractor, its thread pool, settings, and the API-key check."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, TypeVar

from fastapi import Depends, Header, Request

from vnextract.api.errors import ApiError
from vnextract.api.settings import Settings
from vnextract.extractor import Extractor

T = TypeVar("T")


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_extractor(request: Request) -> Extractor:
    extractor = getattr(request.app.state, "extractor", None)
    if extractor is None:
        raise ApiError(503, "the extractor is still loading", "not_ready")
    return extractor


async def run_extraction(request: Request, fn: Callable[[], T]) -> T:
    """Run CPU-bound work on the app's thread pool, so the event loop stays free; 504 past the limit."""
    pool: ThreadPoolExecutor = request.app.state.pool
    settings: Settings = request.app.state.settings
    loop = asyncio.get_running_loop()
    try:
        return await asyncio.wait_for(loop.run_in_executor(pool, fn), timeout=settings.timeout_seconds)
    except TimeoutError as exc:
        raise ApiError(504, f"extraction took longer than {settings.timeout_seconds:g} s") from exc


def require_api_key(
    settings: Annotated[Settings, Depends(get_app_settings)],
    authorization: Annotated[str | None, Header()] = None,
    x_api_key: Annotated[str | None, Header()] = None,
) -> None:
    """When keys are configured, every /v1 route needs one (Bearer or X-API-Key), compared in constant time."""
    if not settings.api_keys:
        return
    given = x_api_key or ""
    if authorization and authorization[:7].lower() == "bearer ":
        given = authorization[7:].strip()
    matched = False
    for key in settings.api_keys:
        matched |= hmac.compare_digest(given.encode(), key.encode())
    if not matched:
        raise ApiError(401, "a valid API key is required (Authorization: Bearer <key> or X-API-Key)")


ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
