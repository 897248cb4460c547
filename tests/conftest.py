"""Shared fixtures: one Extractor per session, and ../shared (tests that need it skip without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    from vnextract.extractor import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present beside the repository")
    return SHARED
