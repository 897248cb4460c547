"""Service settings from environment variables (prefix VNEXTRACT_), read once through get_settings()."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from pydantic import field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VNEXTRACT_", env_file=None)

    max_bytes: int = 5 * 1024 * 1024          # request bodies and uploads
    timeout_seconds: float = 20.0              # per extraction request
    body_timeout_seconds: float = 60.0          # for a request's body to arrive in full (then 408)
    header_timeout_seconds: float = 10.0        # for a request's headers to arrive (then the connection closes)
    max_batch: int = 100                        # documents per /v1/extract/batch
    api_keys: Annotated[list[str], NoDecode] = []          # VNEXTRACT_API_KEYS="key1,key2"
    cors_origins: Annotated[list[str], NoDecode] = []      # VNEXTRACT_CORS_ORIGINS="https://a.example,https://b.example"
    threads: int = 2                            # extraction threads per process (the event loop never runs it)
    ner_model: str = "auto"                     # the PERSON/ORGANIZATION CRF: auto (shipped), off, or a model file
    archive: str | None = None                  # a DuckDB archive (batch --db) for the explorer at /explore

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
