"""vnextract: structured, normalised facts with exact offsets from Vietnamese government text.

The distribution installs one package, `vnextract`; the repository keeps its parts as top-level
folders (extractor/, api/, evaluation/, corpora/, models/) that map to `vnextract.extractor`,
`vnextract.api`, … (pyproject.toml's package-dir). The library's public names are re-exported here
lazily, so that `vnextract --version` does not load the extractor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from vnextract.extractor import Document, Entity, Extractor, FailedDocument, Record

__all__ = ["Document", "Entity", "Extractor", "FailedDocument", "Record", "__version__"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        import vnextract.extractor as library

        return getattr(library, name)
    raise AttributeError(f"module 'vnextract' has no attribute {name!r}")
