"""The archive: a local DuckDB database of a batch's output, with the officials register and the
awards ledger across documents, and the named reports over them."""

from vnextract.extractor.archive.database import Archive, load_documents, open_database

__all__ = ["Archive", "load_documents", "open_database"]
