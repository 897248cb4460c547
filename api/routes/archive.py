"""GET /v1/archive/…: the explorer's data, read from the archive given to `vnextract serve --db`
(opened read-only; each request on its own cursor). Values are in English (status "granted", …);
the page puts them in Vietnamese."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from vnextract.api.errors import ApiError, error_responses
from vnextract.extractor.archive import reports

# 404 when no archive is open (or no such document); the API key is checked by api/middleware.py.
router = APIRouter(prefix="/v1/archive", tags=["archive"], responses=error_responses(401, 404, 422))

Text = Annotated[str | None, Query(max_length=200)]
Year = Annotated[int | None, Query(ge=1900, le=2100)]
Status = Annotated[str | None, Query(pattern="^(granted|proposed|other)$")]


def _cursor(request: Request):
    con = getattr(request.app.state, "archive", None)
    if con is None:
        raise ApiError("not_found", "no archive is open: start the service with vnextract serve --db ARCHIVE.duckdb")
    return con.cursor()


def _rows(request: Request, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = _cursor(request)
    try:
        result = cursor.execute(sql, params)
        columns = [c[0] for c in result.description]
        return [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in zip(columns, row, strict=True)}
                for row in result.fetchall()]
    finally:
        cursor.close()


def _awards_query(province: str | None, award_type: str | None, status: str | None, year_from: int | None,
                  year_to: int | None, person: str | None, organisation: str | None) -> reports.Query:
    query = reports.awards_report(province=province, award_type=award_type, status=status, year_from=year_from,
                                  year_to=year_to)
    extra, params = [], list(query.params)
    if person:
        extra.append("(recipient_kind = 'person' AND recipient ILIKE ?)")
        params.append(f"%{person}%")
    if organisation:
        extra.append("(recipient ILIKE ? OR issuer ILIKE ?)")
        params += [f"%{organisation}%"] * 2
    sql = query.sql
    if extra:
        sql = f"SELECT * FROM ({sql}) WHERE {' AND '.join(extra)}"
    return reports.Query(sql, params)


@router.get("/facets", summary="What the filters can take, and how much the archive holds")
def facets(request: Request) -> dict[str, Any]:
    from vnextract.extractor.resources import province_gazetteer

    counts = _rows(request, "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM award_ledger) "
                            "AS conferrals, (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM percentages) "
                            "AS percentages, (SELECT min(year) FROM documents) AS first_year, "
                            "(SELECT max(year) FROM documents) AS last_year", [])[0]
    types = [r["award_type"] for r in _rows(request, "SELECT award_type, count(*) AS n FROM award_ledger WHERE award_type "
                                                     "IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1", [])]
    return {"counts": counts, "award_types": types, "statuses": ["granted", "proposed", "other"],
            "provinces_2025": sorted(province_gazetteer().y2025), "provinces_63": units_63()}


def units_63() -> list[str]:
    """The 63 units of 2008–June 2025, by code (the gazetteer also knows Thừa Thiên Huế as Huế)."""
    from vnextract.extractor.resources import province_gazetteer

    by_code: dict[str | None, str] = {}
    for name, unit in province_gazetteer().legacy.items():
        by_code.setdefault(unit.code, name)
    return sorted(by_code.values())


@router.get("/awards", summary="Conferrals of the awards ledger, each with one report's evidence")
def awards(request: Request, province: Text = None, award_type: Text = None, status: Status = None,
           year_from: Year = None, year_to: Year = None, person: Text = None, organisation: Text = None,
           limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict[str, Any]:
    query = _awards_query(province, award_type, status, year_from, year_to, person, organisation)
    sql = (f"SELECT r.*, e.evidence_doc, e.evidence_start, e.evidence_end FROM ({query.sql}) r LEFT JOIN "
           "(SELECT ledger_id, arg_min(doc_id, doc_id) AS evidence_doc, arg_min(evidence_start, doc_id) AS evidence_start, "
           "arg_min(evidence_end, doc_id) AS evidence_end FROM awards GROUP BY ledger_id) e USING (ledger_id) "
           f"ORDER BY r.year NULLS LAST, r.award_type, r.recipient LIMIT {limit}")
    return {"rows": _rows(request, sql, query.params)}


@router.get("/officials", summary="Posts of the officials register, each with one document's evidence")
def officials(request: Request, person: Text = None, organisation: Text = None, province: Text = None,
              year_from: Year = None, year_to: Year = None,
              limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict[str, Any]:
    query = reports.officials_report(name=person, organisation=organisation, province=province, year_from=year_from,
                                     year_to=year_to)
    sql = (f"SELECT r.*, e.evidence_doc, e.evidence_start, e.evidence_end FROM ({query.sql}) r LEFT JOIN "
           "(SELECT o.person_id, t.title, arg_min(o.doc_id, o.doc_id) AS evidence_doc, "
           "arg_min(t.evidence_start, o.doc_id) AS evidence_start, arg_min(t.evidence_end, o.doc_id) AS evidence_end "
           "FROM officials o JOIN official_titles t USING (doc_id, official_no) GROUP BY ALL) e USING (person_id, title) "
           f"ORDER BY r.name, r.person_id, r.first_date NULLS LAST, r.title LIMIT {limit}")
    return {"rows": _rows(request, sql, query.params)}


@router.get("/percentages", summary="Percentages by subject and province")
def percentages(request: Request, subject: Text = None, province: Text = None, year_from: Year = None,
                year_to: Year = None, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict[str, Any]:
    query = reports.percentages_report(subject=subject, province=province, year_from=year_from, year_to=year_to,
                                       limit=limit)
    return {"rows": _rows(request, query.sql, query.params)}


@router.get("/charts/awards-per-year", summary="Conferrals per year and award type (the same filters as /awards)")
def awards_per_year(request: Request, province: Text = None, award_type: Text = None, status: Status = None,
                    year_from: Year = None, year_to: Year = None, person: Text = None,
                    organisation: Text = None) -> dict[str, Any]:
    query = _awards_query(province, award_type, status, year_from, year_to, person, organisation)
    sql = (f"SELECT year, coalesce(award_type, '?') AS award_type, count(*) AS conferrals FROM ({query.sql}) "
           "WHERE year IS NOT NULL GROUP BY ALL ORDER BY year, conferrals DESC")
    return {"rows": _rows(request, sql, query.params)}


@router.get("/charts/awards-by-province", summary="Conferrals per recipient province: the 34 units, or the 63")
def awards_by_province(request: Request, units: Annotated[str, Query(pattern="^(34|63)$")] = "34",
                       province: Text = None, award_type: Text = None, status: Status = None, year_from: Year = None,
                       year_to: Year = None, person: Text = None, organisation: Text = None) -> dict[str, Any]:
    from vnextract.extractor.resources import province_gazetteer

    query = _awards_query(province, award_type, status, year_from, year_to, person, organisation)
    column = "recipient_province_2025" if units == "34" else \
        "CASE WHEN recipient_province_scheme = 'y2025' THEN recipient_province_2025 || ' (2025)' ELSE recipient_province END"
    sql = (f"SELECT {column} AS province, count(*) AS conferrals FROM ({query.sql}) "
           "WHERE recipient_province IS NOT NULL GROUP BY 1")
    counts = {r["province"]: r["conferrals"] for r in _rows(request, sql, query.params)}
    g = province_gazetteer()
    names = sorted(g.y2025) if units == "34" else units_63()
    rows = [{"province": name, "conferrals": counts.pop(name, 0)} for name in names]
    rows += [{"province": name, "conferrals": n} for name, n in sorted(counts.items()) if name]
    return {"units": units, "rows": rows}


@router.get("/documents/{doc_id}", summary="One document of the archive: its text and entities")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    found = _rows(request, "SELECT doc_id, title, date, source, text FROM documents WHERE doc_id = ?", [doc_id])
    if not found:
        raise ApiError("not_found", f"no document {doc_id!r} in the archive")
    found[0]["entities"] = _rows(request, 'SELECT start, "end", label, text FROM entities WHERE doc_id = ? '
                                          "ORDER BY start, \"end\" DESC", [doc_id])
    return found[0]
