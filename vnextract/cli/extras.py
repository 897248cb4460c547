"""A command that needs an optional extra says which, before doing any work."""

from __future__ import annotations

import importlib.util

EXTRAS = {
    "api": ("fastapi", "uvicorn", "multipart", "pydantic_settings", "fastapi_offline"),
    "batch": ("pyarrow", "duckdb"),
    "excel": ("openpyxl",),
}
INSTALL = {"api": "api", "batch": "batch", "excel": "batch"}


class MissingExtra(RuntimeError):
    pass


def require(extra: str, command: str, *, module: str | None = None) -> None:
    """Raise MissingExtra naming the pip command when a module of `extra` is not installed."""
    for name in (module,) if module else EXTRAS[extra]:
        if importlib.util.find_spec(name) is None:
            raise MissingExtra(f"vnextract {command} needs {name!r}, which is not installed: "
                               f'pip install "vnextract[{INSTALL[extra]}]"')
