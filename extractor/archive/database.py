"""The archive: a DuckDB file with typed tables of everything extracted, loaded incrementally.

`Archive.add(document)` takes output documents (as `extract`/`batch` write them); rows are
buffered and inserted a few hundred documents at a time, each flush in one transaction, so a
killed load leaves whole documents. A document already there with the same key and content hash
is skipped (the same rule as `batch --resume`); the same key with new content replaces the old
rows. Closing rebuilds the officials register and the awards ledger when anything changed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from vnextract.extractor.archive.rows import DocumentRows
from vnextract.extractor.archive.tables import DOCUMENT_TABLES, TABLES, arrow_table, ddl

log = logging.getLogger(__name__)
SCHEMA_VERSION = "2"            # 2: documents' date range and scheme basis, title and recipient spans

VIEWS = {
    "award_rows": (
        "awards with their document's id, title and date, and the evidence sentence",
        "SELECT a.*, d.title AS document_title, d.date AS document_date, "
        "substr(d.text, a.evidence_start + 1, a.evidence_end - a.evidence_start) AS evidence "
        "FROM awards a JOIN documents d USING (doc_id)"),
    "awards_per_year": (
        "conferrals of the ledger per year and award type",
        "SELECT year, award_type, status, count(*) AS conferrals FROM award_ledger GROUP BY ALL"),
    "awards_per_province": (
        "conferrals of the ledger per recipient province: the 2025 unit, and the province as written in its time",
        "SELECT recipient_province_2025 AS unit_2025, recipient_province AS province, recipient_province_scheme AS scheme, "
        "year, award_type, status, count(*) AS conferrals FROM award_ledger WHERE recipient_province IS NOT NULL GROUP BY ALL"),
    "proposed_not_granted": (
        "conferrals proposed with no granted conferral of the same award and class to the same recipient in that or a later year",
        "SELECT p.* FROM award_ledger p WHERE p.status = 'proposed' AND NOT EXISTS (SELECT 1 FROM award_ledger g "
        "WHERE g.status = 'granted' AND g.award_type IS NOT DISTINCT FROM p.award_type "
        "AND g.award_class IS NOT DISTINCT FROM p.award_class AND g.recipient_key = p.recipient_key "
        "AND (p.year IS NULL OR g.year IS NULL OR g.year >= p.year))"),
    "register": (
        "the officials register: each person's posts, with the period and the documents that give them",
        "SELECT o.person_id, p.name, t.title, t.role, t.organisation, t.province, t.province_2025, t.current, "
        "min(d.date) AS first_date, max(d.date) AS last_date, count(DISTINCT o.doc_id) AS n_documents, "
        "list(DISTINCT o.doc_id ORDER BY o.doc_id) AS doc_ids FROM officials o JOIN persons p USING (person_id) "
        "JOIN official_titles t USING (doc_id, official_no) JOIN documents d USING (doc_id) GROUP BY ALL"),
    "percentages_by_province": (
        "percentages with the province as written and its 2025 unit, the document's date and the evidence",
        "SELECT p.subject, p.province, p.province_2025, p.year, p.date, p.percent, p.value, p.min, p.max, p.qualifier, "
        "p.doc_id, p.evidence_start, p.evidence_end FROM percentages p"),
    "documents_per_province": (
        "documents and mentions per province (the 2025 unit alongside)",
        "SELECT province_name AS province, unit_2025, count(DISTINCT doc_id) AS documents, count(*) AS mentions "
        "FROM entities WHERE label = 'PROVINCE' GROUP BY ALL"),
}


def _connect(path: Path, read_only: bool):
    try:
        import duckdb
    except ImportError as exc:                   # pragma: no cover - the CLI checks the extra first
        raise RuntimeError('the archive needs DuckDB: pip install "vnextract[batch]"') from exc
    return duckdb.connect(str(path), read_only=read_only)


def open_database(path: str | Path, *, read_only: bool = True):
    """A DuckDB connection to an existing archive (read-only by default: several readers may share it)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such archive (make one with vnextract batch … --db {path})")
    return _connect(path, read_only)


class Archive:
    """An archive opened for loading; use as a context manager, or call close()."""

    def __init__(self, path: str | Path, *, flush_every: int = 250) -> None:
        self.path = Path(path)                                 # ":memory:" for a database that is not kept
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = _connect(self.path, read_only=False)
        self._create()
        self.flush_every = flush_every
        self.buffer = DocumentRows()
        self.failures: list[dict[str, Any]] = []
        self.replaced: list[str] = []
        self.added = 0
        self.changed = False
        self.known: dict[str, tuple[str, str | None]] = {
            key: (doc_id, digest) for doc_id, key, digest in self.con.execute(
                "SELECT doc_id, key, content_hash FROM documents").fetchall()}
        self.doc_ids = {doc_id for doc_id, _ in self.known.values()}
        self.failed = {(key, digest) for key, digest in self.con.execute("SELECT key, content_hash FROM failures").fetchall()}

    def _create(self) -> None:
        exists = {r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "documents" in exists:
            version = (self.con.execute("SELECT max(value) FROM archive_info WHERE name = 'schema_version'").fetchone()
                       or [None])[0]
            if version != SCHEMA_VERSION:
                self.con.close()
                raise ValueError(f"{self.path} has the tables of archive schema {version}, this vnextract writes schema "
                                 f"{SCHEMA_VERSION}: load the documents into a new archive")
            return
        self.con.execute("BEGIN")
        for table in TABLES:
            for statement in ddl(table):
                self.con.execute(statement)
        self.con.execute("CREATE TABLE archive_info (name VARCHAR, value VARCHAR)")
        self.con.execute("INSERT INTO archive_info VALUES ('schema_version', ?), ('created_at', ?)",
                         [SCHEMA_VERSION, datetime.now().isoformat(timespec="seconds")])
        for name, (description, sql) in VIEWS.items():
            self.con.execute(f"CREATE VIEW {name} AS {sql}")
            self.con.execute(f"COMMENT ON VIEW {name} IS '{description.replace(chr(39), chr(39) * 2)}'")
        self.con.execute("COMMIT")

    # -- what is there -------------------------------------------------------------------------------------------

    def done_keys(self) -> set[tuple[str, str]]:
        """(key, content hash) of every document and failure already in the archive."""
        return {(key, digest or "") for key, (_, digest) in self.known.items()} | {(k, h or "") for k, h in self.failed}

    def has(self, key: str, digest: str | None) -> bool:
        known = self.known.get(key)
        return (known is not None and known[1] == digest) or (key, digest) in self.failed

    # -- loading -------------------------------------------------------------------------------------------------

    def add(self, document: dict[str, Any] | str) -> bool:
        """Buffer one output document; False when the archive already has it."""
        if isinstance(document, str):
            document = dict(json.loads(document))
        assert isinstance(document, dict)
        key = str(document.get("key") or document.get("id"))
        digest = document.get("content_hash")
        if self.has(key, digest):
            return False
        if key in self.known:                                  # same key, new content: replace it
            self.replaced.append(self.known[key][0])
            doc_id = self.known[key][0]
        else:
            doc_id = str(document.get("id") or key)
            if doc_id in self.doc_ids:
                doc_id = key
        self.buffer.add(document, doc_id)                      # raises on a record the schema refuses: nothing kept
        self.known[key] = (doc_id, digest)
        self.doc_ids.add(doc_id)
        if len(self.buffer) >= self.flush_every:
            self.flush()
        return True

    def add_failure(self, key: str, source: str, digest: str, error: str) -> None:
        if (key, digest) not in self.failed:
            self.failed.add((key, digest))
            self.failures.append({"key": key, "source": source, "content_hash": digest, "error": error,
                                  "failed_at": datetime.now()})

    def extend(self, documents: Iterable[dict[str, Any]]) -> int:
        return sum(self.add(d) for d in documents)

    def flush(self) -> None:
        if not len(self.buffer) and not self.failures:
            return
        now = datetime.now()
        for row in self.buffer.documents:
            row["loaded_at"] = now
        self.con.execute("BEGIN")
        try:
            for doc_id in self.replaced:
                for name in DOCUMENT_TABLES:
                    self.con.execute(f"DELETE FROM {name} WHERE doc_id = ?", [doc_id])
            for name, rows in [*self.buffer.tables().items(), ("failures", self.failures)]:
                if rows:
                    self.con.register("staged", arrow_table(name, rows))
                    self.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM staged")
                    self.con.unregister("staged")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        self.added += len(self.buffer)
        self.changed = True
        self.buffer = DocumentRows()
        self.failures = []
        self.replaced = []

    def finish(self) -> None:
        """Flush what is buffered, and rebuild the register and the ledger if anything changed."""
        self.flush()
        if self.changed:
            self.rebuild()
            self.changed = False

    def close(self) -> None:
        try:
            self.finish()
        finally:
            self.con.close()

    def rebuild(self) -> None:
        from vnextract.extractor.archive.ledger import rebuild_ledger
        from vnextract.extractor.archive.register import rebuild_register

        self.con.execute("BEGIN")
        rebuild_register(self.con)
        rebuild_ledger(self.con)
        self.con.execute("COMMIT")

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def in_memory(documents: Iterable[dict[str, Any]]):
    """A DuckDB connection to an archive of these documents, in memory (stats and Parquet use it)."""
    archive = Archive(":memory:")
    archive.extend(documents)
    archive.finish()
    return archive.con


def load_documents(path: str | Path, documents: Iterable[dict[str, Any]]) -> int:
    """Add output documents to the archive at `path` (created when missing); returns how many were new."""
    archive = Archive(path)
    try:
        archive.extend(documents)
    finally:
        archive.close()
    return archive.added
