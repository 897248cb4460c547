"""The archive's tables, declared once: column names, DuckDB types and what each holds. The DDL,
the column comments (`SELECT * FROM duckdb_columns()` shows them), the Arrow schemas of the
Parquet files and the README's table list all come from here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PROVINCE = ("province name as the document wrote it in its own time (canonical)", "GSO code in that scheme",
            "legacy63, y2025 or historical", "the unit from 1 July 2025 (one of the 34)", "its GSO code")


def _province(prefix: str, what: str) -> list[tuple[str, str, str]]:
    return [(prefix, "VARCHAR", f"{what}: {PROVINCE[0]}"), (f"{prefix}_code", "VARCHAR", PROVINCE[1]),
            (f"{prefix}_scheme", "VARCHAR", PROVINCE[2]), (f"{prefix}_2025", "VARCHAR", PROVINCE[3]),
            (f"{prefix}_2025_code", "VARCHAR", PROVINCE[4])]


EVIDENCE = [("evidence_start", "INTEGER", "the sentence the record was read from, in documents.text (code points, end "
                                          "exclusive)"),
            ("evidence_end", "INTEGER", "")]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: list[tuple[str, str, str]]

    @property
    def names(self) -> list[str]:
        return [c[0] for c in self.columns]


TABLES = [
    Table("documents", "one row per document loaded", [
        ("doc_id", "VARCHAR", "the document id (its batch key when two inputs share an id)"),
        ("key", "VARCHAR", "the batch key: source and member or line; with content_hash, what a rerun skips"),
        ("source", "VARCHAR", "the input file, archive member or JSONL line"),
        ("content_hash", "VARCHAR", "hash of the input bytes"),
        ("title", "VARCHAR", "the first line of the text"),
        ("date", "DATE", "meta.date parsed (extractor/dates.py): the first day it may denote"),
        ("date_end", "DATE", "the last day it may denote ('2019-12' → 2019-12-31, '2005-2006' → 2006-12-31)"),
        ("date_precision", "VARCHAR", "day, month, year or range"),
        ("date_approximate", "BOOLEAN", "written as approximate ('~2005', 'khoảng 2005', 'c. 2005')"),
        ("date_raw", "VARCHAR", "meta.date as given"),
        ("year", "INTEGER", "the year of date, when it lies within one"),
        ("scheme", "VARCHAR", "province scheme applied: legacy63, or y2025 (the 34 units from 1 July 2025)"),
        ("scheme_basis", "VARCHAR", "what chose the scheme: date, text (its cues) or unknown"),
        ("chars", "INTEGER", "length of the text"),
        ("n_entities", "INTEGER", ""), ("n_records", "INTEGER", ""),
        ("text", "VARCHAR", "the text as read; every offset points into it"),
        ("meta", "JSON", "meta as given"),
        ("loaded_at", "TIMESTAMP", "when this row was loaded"),
    ]),
    Table("entities", "every entity, with its attributes as typed columns", [
        ("doc_id", "VARCHAR", ""), ("entity_no", "INTEGER", "position in the document's entity list"),
        ("start", "INTEGER", "offset into documents.text"), ("end", "INTEGER", "end offset, exclusive"),
        ("label", "VARCHAR", "PROVINCE, PERSON, ORGANIZATION, PERCENT, AWARD, DATE or LEGAL_REF"),
        ("text", "VARCHAR", "text[start:end]"),
        ("province_name", "VARCHAR", "PROVINCE: canonical name in its own time"), ("province_code", "VARCHAR", "GSO code"),
        ("province_scheme", "VARCHAR", PROVINCE[2]), ("province_type", "VARCHAR", "tỉnh or thành phố trực thuộc trung ương"),
        ("region", "VARCHAR", ""), ("unit_2025", "VARCHAR", PROVINCE[3]), ("unit_2025_code", "VARCHAR", PROVINCE[4]),
        ("province_scheme_basis", "VARCHAR", "date, text or unknown: what chose the scheme"),
        ("merged_from", "VARCHAR[]", "2025 units: the units merged into it"),
        ("became", "VARCHAR[]", "historical units: what they became"),
        ("percent_value", "DOUBLE", "PERCENT: the value"), ("percent_min", "DOUBLE", "range: low end"),
        ("percent_max", "DOUBLE", "range: high end"), ("percent_unit", "VARCHAR", "percent or percentage_point"),
        ("qualifier", "VARCHAR", "gần, hơn, đạt, tăng, giảm, …"),
        ("award_type", "VARCHAR", "AWARD: canonical form without class or issuer"), ("award_class", "INTEGER", "1–3"),
        ("award_category", "VARCHAR", "order, medal, flag, merit_cert, …"), ("award_level", "VARCHAR", ""),
        ("date_value", "VARCHAR", "DATE: ISO 8601 as far as written"), ("date_inferred_value", "VARCHAR",
                                                                         "with the year inferred from meta.date"),
        ("date_year_inferred", "BOOLEAN", ""), ("date", "DATE", "the first day of the date, when its year is known"),
        ("legal_type", "VARCHAR", "LEGAL_REF: Quyết định, Nghị định, Luật, …"), ("legal_number", "VARCHAR", "as written"),
        ("legal_year", "INTEGER", ""), ("legal_issuer_code", "VARCHAR", "QĐ-TTg → TTg, …"),
        ("attrs", "JSON", "attributes not in a column"),
    ]),
    Table("officials", "official records: a person named with positions, one per person per document", [
        ("doc_id", "VARCHAR", ""), ("official_no", "INTEGER", "position among the document's official records"),
        ("person", "VARCHAR", "the fullest form of the name in the document"),
        ("person_start", "INTEGER", "the first mention of the person that carries a title"), ("person_end", "INTEGER", ""),
        ("n_titles", "INTEGER", ""), *EVIDENCE,
        ("person_id", "VARCHAR", "the officials register's person (register.py): the same person across documents"),
    ]),
    Table("official_titles", "each title of an official record", [
        ("doc_id", "VARCHAR", ""), ("official_no", "INTEGER", ""), ("title_no", "INTEGER", ""),
        ("title", "VARCHAR", "as written"), ("role", "VARCHAR", "the position itself: Phó Chủ tịch, Giám đốc, …"),
        ("organisation", "VARCHAR", "where it is held, as written after the role"),
        ("organisation_named", "BOOLEAN", "false for a bare body that names no particular one (UBND tỉnh, Tỉnh ủy)"),
        ("current", "BOOLEAN", "false for a former post (nguyên, cựu)"),
        *_province("province", "the province in the title"),
        ("title_start", "INTEGER", "where the title is first written"), ("title_end", "INTEGER", ""), *EVIDENCE,
    ]),
    Table("awards", "award records, one row per recipient: a conferral (or proposal) of an award on one recipient", [
        ("doc_id", "VARCHAR", ""), ("award_no", "INTEGER", "position among the document's award records"),
        ("recipient_no", "INTEGER", ""), ("award", "VARCHAR", "the AWARD span as written"),
        ("award_type", "VARCHAR", "canonical form"), ("award_class", "INTEGER", "1–3"),
        ("award_category", "VARCHAR", ""), ("award_level", "VARCHAR", ""),
        ("recipient", "VARCHAR", "as written"), ("recipient_kind", "VARCHAR", "person or collective"),
        *_province("recipient_province", "the recipient's province"),
        ("issuer", "VARCHAR", "as written"),
        ("issuer_normalised", "VARCHAR", "the issuer as a canonical office: Thủ tướng Chính phủ, Chủ tịch nước, …"),
        ("status", "VARCHAR", "granted, proposed or other"),
        ("date", "DATE", "the conferral's date when its sentence states one, else the document's"),
        ("date_precision", "VARCHAR", "day, month, year or range"),
        ("date_source", "VARCHAR", "text (stated with the conferral) or document (meta.date)"), ("year", "INTEGER", ""),
        ("decision", "VARCHAR", "the decision cited (LEGAL_REF text)"), ("decision_number", "VARCHAR", ""),
        ("decision_year", "INTEGER", "the year its reference states"),
        ("award_start", "INTEGER", "the first mention of the award"), ("award_end", "INTEGER", ""),
        ("recipient_start", "INTEGER", "where the recipient is first written"), ("recipient_end", "INTEGER", ""),
        *EVIDENCE,
        ("ledger_id", "VARCHAR", "the awards ledger's conferral (ledger.py): the same conferral across documents"),
    ]),
    Table("percentages", "percentage records", [
        ("doc_id", "VARCHAR", ""), ("percentage_no", "INTEGER", ""), ("percent", "VARCHAR", "as written"),
        ("value", "DOUBLE", ""), ("min", "DOUBLE", ""), ("max", "DOUBLE", ""),
        ("unit", "VARCHAR", "percent or percentage_point"), ("qualifier", "VARCHAR", ""),
        ("subject", "VARCHAR", "what is measured, as written"), ("subject_key", "VARCHAR", "subject casefolded"),
        *_province("province", "the last province it is stated for"),
        ("provinces", "VARCHAR[]", "every province it is stated for"),
        ("period", "VARCHAR", "the period it covers, as written: giai đoạn 2020-2025, năm 2024"),
        ("year", "INTEGER", "the document's year"), ("date", "DATE", "the document's date"),
        ("percent_start", "INTEGER", "the PERCENT mention"), ("percent_end", "INTEGER", ""), *EVIDENCE,
    ]),
    Table("persons", "the officials register: one row per person across documents (rebuilt on each load)", [
        ("person_id", "VARCHAR", ""), ("name", "VARCHAR", "the fullest name"), ("names", "VARCHAR[]", "every form seen"),
        ("n_documents", "INTEGER", ""), ("n_records", "INTEGER", ""), ("first_date", "DATE", ""), ("last_date", "DATE", ""),
        ("doc_ids", "VARCHAR[]", "the documents that name this person with a position"),
        ("linked_by", "VARCHAR[]", "what the records share: organisation, post or province keys"),
    ]),
    Table("award_ledger", "the awards ledger: one row per conferral, merged across the articles that report it", [
        ("ledger_id", "VARCHAR", ""), ("award_type", "VARCHAR", ""), ("award_class", "INTEGER", ""),
        ("award", "VARCHAR", "the most frequent form written"), ("recipient", "VARCHAR", "the fullest form written"),
        ("recipient_key", "VARCHAR", "the recipient as matched"), ("recipient_kind", "VARCHAR", ""),
        *_province("recipient_province", "the recipient's province"),
        ("issuer", "VARCHAR", "the most frequent issuer written"),
        ("status", "VARCHAR", "granted when any report says so, else proposed, else other"),
        ("year", "INTEGER", ""), ("first_date", "DATE", ""), ("last_date", "DATE", ""),
        ("decision", "VARCHAR", ""), ("decision_number", "VARCHAR", ""),
        ("n_reports", "INTEGER", "award rows merged"), ("n_documents", "INTEGER", ""),
        ("doc_ids", "VARCHAR[]", "the documents that report it"), ("statuses", "VARCHAR[]", "each report's status"),
    ]),
    Table("failures", "inputs that could not be extracted (a rerun skips them, as --resume does)", [
        ("key", "VARCHAR", ""), ("source", "VARCHAR", ""), ("content_hash", "VARCHAR", ""), ("error", "VARCHAR", ""),
        ("failed_at", "TIMESTAMP", ""),
    ]),
]
BY_NAME = {t.name: t for t in TABLES}
DOCUMENT_TABLES = ("documents", "entities", "officials", "official_titles", "awards", "percentages")


def ddl(table: Table) -> list[str]:
    columns = ", ".join(f'"{name}" {kind}' for name, kind, _ in table.columns)
    statements = [f"CREATE TABLE IF NOT EXISTS {table.name} ({columns})",
                  f"COMMENT ON TABLE {table.name} IS '{_quote(table.description)}'"]
    statements += [f"COMMENT ON COLUMN {table.name}.\"{name}\" IS '{_quote(text)}'"
                   for name, _, text in table.columns if text]
    return statements


def _quote(text: str) -> str:
    return text.replace("'", "''")


def arrow_schema(table: Table):
    import pyarrow as pa

    kinds = {"VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
             "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string())}
    return pa.schema([(name, kinds[kind]) for name, kind, _ in table.columns])


def arrow_table(name: str, rows: list[dict]):
    import pyarrow as pa

    schema = arrow_schema(BY_NAME[name])
    return pa.Table.from_pylist([{c: row.get(c) for c in schema.names} for row in rows], schema=schema)


def replace_rows(con, name: str, rows: list[dict[str, Any]]) -> None:
    con.execute(f"DELETE FROM {name}")
    if rows:
        con.register("staged", arrow_table(name, rows))
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM staged")
        con.unregister("staged")


def assign_column(con, table: str, rows: list[dict[str, Any]], keys: list[str], column: str) -> None:
    """Set table.column from rows matched on keys (one UPDATE … FROM)."""
    import pyarrow as pa

    if not rows:
        return
    con.register("assigned", pa.Table.from_pylist(rows))
    on = " AND ".join(f"t.{k} = a.{k}" for k in keys)
    con.execute(f"UPDATE {table} t SET {column} = a.{column} FROM assigned a WHERE {on}")
    con.unregister("assigned")
