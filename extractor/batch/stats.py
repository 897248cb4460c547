"""`vnextract stats OUT`: summary tables over a batch output (JSONL file, Parquet folder or DuckDB
archive), with DuckDB, over the archive's typed tables."""

from __future__ import annotations

from pathlib import Path

QUERIES = {
    "entities per label": "SELECT label, count(*) AS n FROM entities GROUP BY label ORDER BY n DESC",
    "documents per province (with the unit from 1 July 2025)":
        "SELECT province, unit_2025, documents, mentions FROM documents_per_province "
        "ORDER BY documents DESC, province LIMIT 40",
    "awards by type and status (conferrals of the ledger)":
        "SELECT award_type, status, sum(conferrals) AS conferrals FROM awards_per_year GROUP BY ALL "
        "ORDER BY conferrals DESC LIMIT 30",
    "award recipients":
        "SELECT recipient, count(*) AS conferrals FROM award_ledger GROUP BY recipient ORDER BY conferrals DESC, recipient "
        "LIMIT 30",
    "officials with their titles (the register)":
        "SELECT name, string_agg(DISTINCT title, '; ') AS titles, max(n_documents) AS documents FROM register "
        "GROUP BY person_id, name ORDER BY documents DESC, name LIMIT 30",
    "percentages by province":
        "SELECT province, count(*) AS values, round(avg(value), 2) AS mean, min(value) AS min, max(value) AS max "
        "FROM percentages WHERE province IS NOT NULL GROUP BY province ORDER BY values DESC LIMIT 30",
}


def connect(out: Path):
    """A DuckDB connection with the archive's tables and views."""
    import duckdb

    from vnextract.extractor.archive.database import VIEWS, in_memory, open_database
    from vnextract.extractor.batch.tables import PARQUET_TABLES, read_jsonl

    if out.is_dir():
        con = duckdb.connect()
        for name in PARQUET_TABLES:
            path = str(out / f"{name}.parquet").replace("'", "''")      # a view's SQL cannot take parameters
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
        for name, (_, sql) in VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
        return con
    if out.suffix in (".duckdb", ".db"):
        return open_database(out)
    return in_memory(read_jsonl(out))


def render(con, sql: str, limit: int = 40) -> str:
    cursor = con.execute(sql)
    columns = [c[0] for c in cursor.description]
    rows = cursor.fetchmany(limit)
    widths = [max(len(str(c)), *(len(str(r[i])) for r in rows)) if rows else len(str(c)) for i, c in enumerate(columns)]
    widths = [min(w, 60) for w in widths]
    line = lambda values: "  ".join(str(v)[:60].ljust(w) for v, w in zip(values, widths, strict=True))  # noqa: E731
    return "\n".join([line(columns), line("-" * w for w in widths), *(line(r) for r in rows)])


def run_stats(out: Path, sql: str | None = None) -> str:
    con = connect(out)
    try:
        if sql:
            return render(con, sql, limit=1000)
        return "\n\n".join(f"## {title}\n{render(con, query)}" for title, query in QUERIES.items())
    finally:
        con.close()
