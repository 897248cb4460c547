"""`vnextract stats OUT`: summary tables over a batch output (JSONL file or Parquet folder), with DuckDB."""

from __future__ import annotations

from pathlib import Path

QUERIES = {
    "entities per label": "SELECT label, count(*) AS n FROM entities GROUP BY label ORDER BY n DESC",
    "documents per province (with the unit from 1 July 2025)":
        "SELECT name AS province, unit_2025, count(DISTINCT doc_id) AS documents, count(*) AS mentions "
        "FROM entities WHERE label = 'PROVINCE' GROUP BY ALL ORDER BY documents DESC, province LIMIT 40",
    "awards by type and status":
        "SELECT e.name AS type, r.status, count(*) AS records FROM records r JOIN entities e "
        "ON e.doc_id = r.doc_id AND e.label = 'AWARD' AND e.text = r.award WHERE r.type = 'award' "
        "GROUP BY ALL ORDER BY records DESC LIMIT 30",
    "award recipients":
        "SELECT recipient, count(*) AS awards FROM (SELECT unnest(recipients) AS recipient FROM records "
        "WHERE type = 'award') GROUP BY recipient ORDER BY awards DESC, recipient LIMIT 30",
    "officials with their titles":
        "SELECT person, string_agg(DISTINCT title, '; ') AS titles, count(DISTINCT doc_id) AS documents FROM "
        "(SELECT person, doc_id, unnest(titles) AS title FROM records WHERE type = 'official') "
        "GROUP BY person ORDER BY documents DESC, person LIMIT 30",
    "percentages by province":
        "SELECT province, count(*) AS values, round(avg(value), 2) AS mean, min(value) AS min, max(value) AS max "
        "FROM records WHERE type = 'percentage' AND province IS NOT NULL GROUP BY province ORDER BY values DESC "
        "LIMIT 30",
}


def connect(out: Path):
    """A DuckDB connection with the tables `documents`, `entities` and `records`."""
    import duckdb

    from vnextract.extractor.batch.tables import arrow_tables, read_jsonl

    con = duckdb.connect()
    if out.is_dir():
        for name in ("documents", "entities", "records"):
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet(?)", [str(out / f"{name}.parquet")])
    else:
        for name, table in arrow_tables(read_jsonl(out)).items():
            con.register(name, table)
    return con


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
    if sql:
        return render(con, sql, limit=1000)
    return "\n\n".join(f"## {title}\n{render(con, query)}" for title, query in QUERIES.items())
