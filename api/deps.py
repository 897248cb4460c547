"""Typed dependencies: the shared extractor and settings, and the thread pool extractions run on."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from vnextract.api.errors import ApiError
from vnextract.api.settings import Settings
from vnextract.extractor import Extractor

T = TypeVar("T")
_GRACE_SECONDS = 1.0          # the library's own deadline stops the work; this only backs it up


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_extractor(request: Request) -> Extractor:
    extractor = getattr(request.app.state, "extractor", None)
    if extractor is None:
        raise ApiError("not_ready", "the extractor is still loading")
    return extractor


async def run_extraction(request: Request, fn: Callable[[], T]) -> T:
    """Run CPU-bound work on the app's thread pool, so the event loop stays free.

    `fn` carries the request's Deadline into the library, which stops at it (between stages and
    inside the long loops) and frees the thread; a 504 comes from there, or from here a moment
    later if the work has not noticed yet."""
    pool: ThreadPoolExecutor = request.app.state.pool
    settings: Settings = request.app.state.settings
    loop = asyncio.get_running_loop()
    try:
        return await asyncio.wait_for(loop.run_in_executor(pool, fn), timeout=settings.timeout_seconds + _GRACE_SECONDS)
    except TimeoutError as exc:
        raise ApiError("timeout", f"extraction took longer than {settings.timeout_seconds:g} s") from exc


ExtractorDep = Annotated[Extractor, Depends(get_extractor)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
