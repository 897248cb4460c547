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


@pytest.fixture(scope="session")
def archive_documents(extractor) -> list[dict]:
    """The documents of tests/archive/documents.py through the extractor."""
    from tests.archive.documents import extracted

    return extracted(extractor)


@pytest.fixture(scope="session")
def archive_path(archive_documents, tmp_path_factory) -> Path:
    """An archive (DuckDB) of those documents, built once."""
    pytest.importorskip("duckdb")
    from vnextract.extractor.archive import load_documents

    path = tmp_path_factory.mktemp("archive") / "archive.duckdb"
    assert load_documents(path, archive_documents) == len(archive_documents)
    return path
