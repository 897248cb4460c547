"""The named reports over an archive: awards (the ledger), officials (the register), percentages.

Each report is SQL with parameters; filters are optional. A province filter takes old and new
names alike: a 2025 unit ("Phú Thọ") finds what was written about the units merged into it
("Vĩnh Phúc", "Hòa Bình") and about itself; a unit of before July 2025 ("Vĩnh Phúc") finds what
was written about it then, and what documents of the 2025 scheme say about the unit it became.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from vnextract.extractor.resources import province_gazetteer

_TYPE_WORD = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)


@dataclass
class Query:
    sql: str
    params: list[Any] = field(default_factory=list)


def province_condition(column: str, name: str) -> tuple[str, list[Any]]:
    """SQL matching a province column group (column, column_scheme, column_2025) against a name, old or new."""
    g = province_gazetteer()
    name = _TYPE_WORD.sub("", name.strip())
    found = g.canonical(name)
    canonical = found[0] if found else name.strip()
    if canonical in g.y2025:
        return f"{column}_2025 = ?", [canonical]
    unit = g.legacy.get(canonical) or g.historical.get(canonical)
    if unit is None:
        return f"{column} ILIKE ?", [f"%{name.strip()}%"]
    if unit.unit_2025:
        return (f"(({column} = ? AND {column}_scheme IS DISTINCT FROM 'y2025') OR "
                f"({column}_scheme = 'y2025' AND {column}_2025 = ?))", [canonical, unit.unit_2025])
    return f"{column} = ?", [canonical]


def _where(conditions: list[tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    if not conditions:
        return "", []
    return " WHERE " + " AND ".join(c for c, _ in conditions), [p for _, ps in conditions for p in ps]


def _years(column: str, year_from: int | None, year_to: int | None) -> list[tuple[str, list[Any]]]:
    out: list[tuple[str, list[Any]]] = []
    if year_from is not None:
        out.append((f"{column} >= ?", [year_from]))
    if year_to is not None:
        out.append((f"{column} <= ?", [year_to]))
    return out


def _like(column: str, value: str | None) -> list[tuple[str, list[Any]]]:
    return [(f"{column} ILIKE ?", [f"%{value.strip()}%"])] if value else []


def awards_report(*, province: str | None = None, year_from: int | None = None, year_to: int | None = None,
                  status: str | None = None, award_type: str | None = None, recipient: str | None = None,
                  issuer: str | None = None, limit: int | None = None) -> Query:
    """Conferrals of the ledger, each with the documents that report it."""
    conditions = _years("year", year_from, year_to) + _like("recipient", recipient) + _like("issuer", issuer)
    if province:
        conditions.append(province_condition("recipient_province", province))
    if status:
        conditions.append(("status = ?", [status]))
    if award_type:
        conditions.append(("(award_type ILIKE ? OR award ILIKE ?)", [f"%{award_type}%"] * 2))
    where, params = _where(conditions)
    sql = ("SELECT year, award_type, award_class, recipient, recipient_kind, recipient_province, "
           "recipient_province_scheme, recipient_province_2025, issuer, status, decision, n_documents, doc_ids, ledger_id "
           "FROM award_ledger"
           f"{where} ORDER BY year NULLS LAST, award_type, award_class NULLS FIRST, recipient")
    return Query(sql + (f" LIMIT {int(limit)}" if limit else ""), params)


def officials_report(*, name: str | None = None, organisation: str | None = None, province: str | None = None,
                     year_from: int | None = None, year_to: int | None = None, limit: int | None = None) -> Query:
    """Each post of each person of the register, with its period and the documents that give it."""
    conditions = _like("organisation", organisation)
    if name:
        conditions.append(("person_id IN (SELECT person_id FROM persons, unnest(names) AS n(form) WHERE form ILIKE ?)",
                           [f"%{name.strip()}%"]))
    if province:
        conditions.append(province_condition("province", province))
    if year_from is not None:
        conditions.append(("(last_date IS NULL OR year(last_date) >= ?)", [year_from]))
    if year_to is not None:
        conditions.append(("(first_date IS NULL OR year(first_date) <= ?)", [year_to]))
    where, params = _where(conditions)
    sql = ("SELECT person_id, name, title, role, organisation, province, province_2025, current, first_date, last_date, "
           f"n_documents, doc_ids FROM register{where} ORDER BY name, person_id, first_date NULLS LAST, title")
    return Query(sql + (f" LIMIT {int(limit)}" if limit else ""), params)


def percentages_report(*, subject: str | None = None, province: str | None = None, year_from: int | None = None,
                       year_to: int | None = None, limit: int | None = None) -> Query:
    """Percentages by subject, with the province as written and its 2025 unit."""
    conditions = _years("year", year_from, year_to) + _like("subject", subject)
    if province:
        conditions.append(province_condition("province", province))
    where, params = _where(conditions)
    sql = ("SELECT p.year, p.province, p.province_2025, p.subject, p.percent, p.value, p.min, p.max, p.qualifier, "
           "p.doc_id, p.evidence_start, p.evidence_end, "
           "substr(d.text, p.evidence_start + 1, p.evidence_end - p.evidence_start) AS evidence "
           f"FROM (SELECT * FROM percentages{where}) p JOIN documents d USING (doc_id) "
           "ORDER BY p.year NULLS LAST, p.province NULLS LAST, p.subject, p.doc_id, p.percentage_no")
    return Query(sql + (f" LIMIT {int(limit)}" if limit else ""), params)


REPORTS = {"awards": awards_report, "officials": officials_report, "percentages": percentages_report}


def run(con, query: Query) -> tuple[list[str], list[tuple]]:
    cursor = con.execute(query.sql, query.params)
    return [c[0] for c in cursor.description], cursor.fetchall()
