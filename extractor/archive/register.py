"""The officials register: official records of many documents → persons.

Two records are the same person only when their names agree (the same name, or a short form that
ends the full one: "Long" and "Trần Gia Long") AND they share something that is not the name: a
named organisation in a title ("Sở Nội vụ tỉnh Hà Nam"), a post that names its body ("Chủ tịch
UBND tỉnh Ninh Bình", "Thủ tướng Chính phủ"), or a province in a title. A shared name alone, or a
bare post ("Phó Chủ tịch", "Bí thư Tỉnh ủy"), never merges two records. A person's posts chain:
A and B share an organisation, B and C a province, so A, B and C are one person. A short name
joins a full one only when that adds no second, different full name to the person.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from vnextract.extractor.archive.tables import assign_column, replace_rows
from vnextract.extractor.resources import fold_key

_MODIFIERS = re.compile(r"^(?:nguyên|cựu|tân|quyền)\s+", re.IGNORECASE)
_TYPE_WORDS = re.compile(r"(?<!\w)(?:tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)
# Posts held by one person at a time, written bare ("Thủ tướng Nguyễn Xuân Phúc"): bare, they still name their body.
_UNIQUE_POSTS = {"thủ tướng": "thủ tướng chính phủ", "phó thủ tướng": "phó thủ tướng chính phủ",
                 "tổng bí thư": "tổng bí thư", "chủ tịch nước": "chủ tịch nước", "chủ tịch quốc hội": "chủ tịch quốc hội"}
_NATIONAL = re.compile(r"(?<!\w)(?:nước|quốc hội|chính phủ|bộ chính trị|trung ương|ban bí thư)(?!\w)", re.IGNORECASE)


def _key(text: str) -> str:
    return fold_key(_TYPE_WORDS.sub("", _MODIFIERS.sub("", text)))


@dataclass
class OfficialRecord:
    doc_id: str
    official_no: int
    name: tuple[str, ...]                 # the name's words, folded
    written: str
    date: date | None
    keys: set[str] = field(default_factory=set)


def link_keys(titles: list[dict[str, Any]]) -> set[str]:
    """What a record's titles name besides the person: organisations, specific posts, provinces."""
    keys: set[str] = set()
    for t in titles:
        organisation, province, title = t.get("organisation"), t.get("province"), t.get("title") or ""
        if organisation and t.get("organisation_named"):
            keys.add("org:" + _key(organisation))
        if province:
            keys.add("province:" + province)
        post = _key(title)
        if post in _UNIQUE_POSTS:
            keys.add("post:" + _UNIQUE_POSTS[post])
        elif title and (t.get("organisation_named") or province or _NATIONAL.search(t.get("role") or title)):
            keys.add("post:" + post)
    return keys


class _Persons:
    """Union-find over records, refusing a union that would hold two different full names."""

    def __init__(self, records: list[OfficialRecord]) -> None:
        self.parent = list(range(len(records)))
        self.names: list[set[tuple[str, ...]]] = [{r.name} for r in records]
        self.linked: list[set[str]] = [set() for _ in records]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, why: str) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            self.linked[a].add(why)
            return True
        names = self.names[a] | self.names[b]
        longest = max(names, key=len)
        if any(n != longest and (len(n) == len(longest) or n != longest[len(longest) - len(n):]) for n in names):
            return False                                  # two different people
        self.parent[b] = a
        self.names[a] = names
        self.linked[a] |= self.linked[b] | {why}
        return True


def cluster(records: list[OfficialRecord]) -> list[list[int]]:
    """Groups of record indices, one group per person."""
    persons = _Persons(records)
    order = sorted(range(len(records)), key=lambda i: (-len(records[i].name), records[i].doc_id, records[i].official_no))
    first: dict[tuple[tuple[str, ...], str], int] = {}
    by_suffix: dict[tuple[tuple[str, ...], str], list[int]] = defaultdict(list)
    for i in order:                                       # full names first, then the shorter forms
        r = records[i]
        for key in sorted(r.keys):
            j = first.setdefault((r.name, key), i)
            if j != i:
                persons.union(j, i, key)
            for candidate in by_suffix.get((r.name, key), []):
                persons.union(candidate, i, key)
            for n in range(1, len(r.name)):
                by_suffix[(r.name[n:], key)].append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        groups[persons.find(i)].append(i)
    return [sorted(g, key=lambda i: (records[i].doc_id, records[i].official_no)) for g in groups.values()]


def person_id(record: OfficialRecord) -> str:
    return "P" + hashlib.sha1(f"{record.doc_id}#{record.official_no}".encode()).hexdigest()[:10]


def rebuild_register(con) -> None:
    """Recompute persons and officials.person_id from the officials and official_titles tables."""
    titles: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    columns = ["doc_id", "official_no", "title", "role", "organisation", "organisation_named", "province"]
    for row in con.execute(f"SELECT {', '.join(columns)} FROM official_titles").fetchall():
        item = dict(zip(columns, row, strict=True))
        titles[(item["doc_id"], item["official_no"])].append(item)
    records = [OfficialRecord(doc_id, no, tuple(fold_key(person).split()), person, day,
                              link_keys(titles.get((doc_id, no), [])))
               for doc_id, no, person, day in con.execute(
                   "SELECT o.doc_id, o.official_no, o.person, d.date FROM officials o JOIN documents d USING (doc_id) "
                   "ORDER BY o.doc_id, o.official_no").fetchall() if person]
    persons, links = [], []
    groups = cluster(records)
    union_linked = _linked(records, groups)
    for group, linked in zip(groups, union_linked, strict=True):
        members = [records[i] for i in group]
        pid = person_id(members[0])
        written = sorted({m.written for m in members}, key=lambda w: (-len(w.split()), w))
        dates = [m.date for m in members if m.date]
        persons.append({"person_id": pid, "name": written[0], "names": written,
                        "n_documents": len({m.doc_id for m in members}), "n_records": len(members),
                        "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
                        "doc_ids": sorted({m.doc_id for m in members}), "linked_by": sorted(linked) or None})
        links += [{"doc_id": m.doc_id, "official_no": m.official_no, "person_id": pid} for m in members]
    replace_rows(con, "persons", persons)
    assign_column(con, "officials", links, ["doc_id", "official_no"], "person_id")


def _linked(records: list[OfficialRecord], groups: list[list[int]]) -> list[set[str]]:
    """The keys shared by at least two records of each person (what linked them)."""
    out = []
    for group in groups:
        seen: dict[str, int] = defaultdict(int)
        for i in group:
            for key in records[i].keys:
                seen[key] += 1
        out.append({k for k, n in seen.items() if n > 1})
    return out
