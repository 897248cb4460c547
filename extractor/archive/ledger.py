"""The awards ledger: award rows of many documents → conferrals.

Rows are one conferral when they name the same award (type and class) and the same recipient
(compared casefolded, abbreviations of bodies spelled out, without the words 'tỉnh'/'thành phố')
and the same decision; rows that cite no decision merge by year instead, and join the one
decision of that award, recipient and year when there is exactly one. Rows of undated documents
that cite no decision merge only within their own document: across documents nothing says it is
the same year's conferral. A conferral is granted when any report says so, else proposed, else
other; every report's status is kept.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from typing import Any

from vnextract.extractor.archive.tables import assign_column, replace_rows
from vnextract.extractor.resources import fold_key

_ABBREVIATIONS = [(re.compile(rf"(?<!\w){a}(?!\w)"), b) for a, b in [
    ("ubnd", "ủy ban nhân dân"), ("hđnd", "hội đồng nhân dân"), ("cp", "cổ phần"), ("tnhh", "trách nhiệm hữu hạn"),
    ("mttq", "mặt trận tổ quốc"), ("lđlđ", "liên đoàn lao động"), ("tp\\.?", ""), ("tỉnh", ""), ("thành phố", ""),
]]
_STATUS_RANK = {"granted": 0, "proposed": 1, "other": 2}
COLUMNS = ["doc_id", "award_no", "recipient_no", "award", "award_type", "award_class", "recipient", "recipient_kind",
           "recipient_province", "recipient_province_code", "recipient_province_scheme", "recipient_province_2025",
           "recipient_province_2025_code", "issuer", "status", "date", "year", "decision", "decision_number",
           "decision_year"]


def recipient_key(recipient: str) -> str:
    key = fold_key(recipient).replace("uỷ", "ủy")
    for pattern, replacement in _ABBREVIATIONS:
        key = pattern.sub(replacement, key)
    return " ".join(key.split())


def _award_key(row: dict[str, Any]) -> tuple[str, int | None]:
    return fold_key(row["award_type"] or row["award"] or ""), row["award_class"]


def group(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Conferrals: lists of award rows."""
    by_decision: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    by_year: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        base = (*_award_key(row), recipient_key(row["recipient"]))
        if row["decision_number"]:
            by_decision[(*base, "decision", fold_key(row["decision_number"]))].append(row)
        elif row["year"] is not None:
            by_year[(*base, "year", row["year"])].append(row)
        else:
            by_year[(*base, "document", row["doc_id"])].append(row)
    decisions_of: dict[tuple, list[tuple]] = defaultdict(list)
    for key, members in by_decision.items():
        for year in {m["year"] for m in members} | {m["decision_year"] for m in members}:
            if year is not None:
                decisions_of[(*key[:3], year)].append(key)
    for key, members in list(by_year.items()):
        if key[3] == "year":
            matches = decisions_of.get((*key[:3], key[4]), [])
            if len(set(matches)) == 1:
                by_decision[matches[0]].extend(members)
                del by_year[key]
    return [*by_decision.values(), *by_year.values()]


def ledger_id(members: list[dict[str, Any]]) -> str:
    first = min((m["doc_id"], m["award_no"], m["recipient_no"]) for m in members)
    return "A" + hashlib.sha1("#".join(map(str, first)).encode()).hexdigest()[:10]


def _most_common(values: list[Any]) -> Any:
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else None


def entry(members: list[dict[str, Any]]) -> dict[str, Any]:
    statuses = [m["status"] for m in members]
    dates = [m["date"] for m in members if m["date"]]
    province = next((m for m in members if m["recipient_province"]), {})
    decision = next((m for m in members if m["decision_number"]), {})
    years = [m["year"] for m in members if m["year"] is not None]
    return {
        "ledger_id": ledger_id(members), "award_type": members[0]["award_type"], "award_class": members[0]["award_class"],
        "award": _most_common([m["award"] for m in members]),
        "recipient": max((m["recipient"] for m in members), key=lambda r: (len(r), r)),
        "recipient_key": recipient_key(members[0]["recipient"]),
        "recipient_kind": _most_common([m["recipient_kind"] for m in members]),
        **{k: province.get(k) for k in COLUMNS if k.startswith("recipient_province")},
        "issuer": _most_common([m["issuer"] for m in members]),
        "status": min(statuses, key=lambda s: _STATUS_RANK.get(s, 3)),
        "year": min(years) if years else decision.get("decision_year"),
        "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
        "decision": decision.get("decision"), "decision_number": decision.get("decision_number"),
        "n_reports": len(members), "n_documents": len({m["doc_id"] for m in members}),
        "doc_ids": sorted({m["doc_id"] for m in members}), "statuses": statuses,
    }


def rebuild_ledger(con) -> None:
    """Recompute award_ledger and awards.ledger_id from the awards table."""
    rows = [dict(zip(COLUMNS, r, strict=True)) for r in con.execute(
        f"SELECT {', '.join(COLUMNS)} FROM awards ORDER BY doc_id, award_no, recipient_no").fetchall()]
    entries, links = [], []
    for members in group(rows):
        e = entry(members)
        entries.append(e)
        links += [{"doc_id": m["doc_id"], "award_no": m["award_no"], "recipient_no": m["recipient_no"],
                   "ledger_id": e["ledger_id"]} for m in members]
    replace_rows(con, "award_ledger", entries)
    assign_column(con, "awards", links, ["doc_id", "award_no", "recipient_no"], "ledger_id")
