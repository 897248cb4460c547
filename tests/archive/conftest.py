"""A read-only connection to the session's test archive (tests/conftest.py builds it)."""

from __future__ import annotations

import pytest

duckdb = pytest.importorskip("duckdb")


@pytest.fixture
def con(archive_path):
    from vnextract.extractor.archive import open_database

    connection = open_database(archive_path)
    yield connection
    connection.close()
