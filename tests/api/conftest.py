"""A TestClient per settings; the app (and its extractor) load once per configuration."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from vnextract.api.main import create_app
from vnextract.api.settings import Settings


@pytest.fixture(scope="session")
def client():
    with TestClient(create_app(Settings(max_bytes=200_000, api_keys=[]))) as c:
        yield c


@pytest.fixture(scope="session")
def keyed_client():
    with TestClient(create_app(Settings(api_keys=["k-alpha", "k-beta"]))) as c:
        yield c
