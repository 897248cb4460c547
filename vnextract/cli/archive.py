"""`vnextract load`, `query` and `report`: the archive (a DuckDB file made by `batch --db`) from the
command line, printed as tables and written as CSV or Excel."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from vnextract.cli.extras import require

DEFAULT_DB = "archive.duckdb"
STATUSES = ("granted", "proposed", "other")


def _outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--csv", metavar="FILE", help="also write the rows as CSV (UTF-8, opens in Excel)")
    parser.add_argument("--xlsx", metavar="FILE", help="also write the rows as an Excel workbook")
    parser.add_argument("--max-rows", type=int, default=40, help="rows printed (files get them all; default 40)")


def register(sub: Any) -> None:
    lo = sub.add_parser("load", help="add output documents (JSONL from extract or batch) to an archive")
    lo.add_argument("inputs", nargs="+", metavar="DOCUMENTS.jsonl")
    lo.add_argument("--db", default=os.environ.get("VNEXTRACT_DB", DEFAULT_DB), help="the archive (default: %(default)s)")
    lo.set_defaults(func=run_load)

    qu = sub.add_parser("query", help="run SQL over an archive (tables: documents, entities, officials, "
                                      "official_titles, awards, percentages, persons, award_ledger; views too)")
    qu.add_argument("db", metavar="ARCHIVE.duckdb")
    qu.add_argument("sql")
    _outputs(qu)
    qu.set_defaults(func=run_query)

    re = sub.add_parser("report", help="named reports over an archive: awards, officials, percentages")
    reports = re.add_subparsers(dest="report", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=os.environ.get("VNEXTRACT_DB", DEFAULT_DB),
                        help="the archive (default: $VNEXTRACT_DB or %(default)s)")
    common.add_argument("--province", help="old or new name: 'Vĩnh Phúc' also finds it under Phú Thọ after July 2025")
    common.add_argument("--from", dest="year_from", type=int, metavar="YEAR")
    common.add_argument("--to", dest="year_to", type=int, metavar="YEAR")
    _outputs(common)
    aw = reports.add_parser("awards", parents=[common], help="conferrals of the awards ledger")
    aw.add_argument("--status", choices=STATUSES)
    aw.add_argument("--type", dest="award_type", help="award type, e.g. 'Cờ thi đua', 'Huân chương Lao động'")
    aw.add_argument("--recipient")
    aw.add_argument("--issuer", help="e.g. 'Chính phủ', 'Thủ tướng'")
    of = reports.add_parser("officials", parents=[common], help="posts of the officials register")
    of.add_argument("--name")
    of.add_argument("--organisation")
    pc = reports.add_parser("percentages", parents=[common], help="percentages by subject and province")
    pc.add_argument("--subject", help="e.g. 'hộ nghèo'")
    for parser in (aw, of, pc):
        parser.set_defaults(func=run_report)


def run_load(args: argparse.Namespace) -> int:
    require("batch", "load")
    from vnextract.extractor.archive import Archive
    from vnextract.extractor.read.documents import iter_documents

    archive = Archive(args.db)
    try:
        for path in args.inputs:
            archive.extend(iter_documents(path))
    finally:
        archive.close()
    print(f"{archive.added} documents added to {args.db}", file=sys.stderr)
    return 0


def _show(con, sql: str, params: list[Any], args: argparse.Namespace) -> int:
    import duckdb

    try:
        relation = con.sql(sql, params=params or None)
        if relation is None:                                   # a statement that returns nothing
            return 0
        columns, rows = relation.columns, relation.fetchall()
    except duckdb.Error as exc:
        print(f"vnextract: query failed: {exc}", file=sys.stderr)
        return 2
    relation.show(max_rows=args.max_rows, max_width=max(100, _terminal_width()), max_col_width=60)
    print(f"{len(rows)} rows", file=sys.stderr)
    from vnextract.extractor.archive.export import write_csv, write_xlsx

    if args.csv:
        write_csv(args.csv, columns, rows)
    if args.xlsx:
        write_xlsx(args.xlsx, columns, rows, sheet=getattr(args, "report", None) or "query")
    return 0


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((160, 40)).columns


def _open(db: str):
    require("batch", "report")
    from vnextract.extractor.archive import open_database

    return open_database(Path(db))


def run_query(args: argparse.Namespace) -> int:
    if args.xlsx:
        require("excel", "query --xlsx")
    con = _open(args.db)
    try:
        return _show(con, args.sql, [], args)
    finally:
        con.close()


def run_report(args: argparse.Namespace) -> int:
    if args.xlsx:
        require("excel", "report --xlsx")
    from vnextract.extractor.archive.reports import REPORTS

    options = {k: v for k, v in vars(args).items() if k in ("province", "year_from", "year_to", "status", "award_type",
                                                             "recipient", "issuer", "name", "organisation", "subject")}
    query = REPORTS[args.report](**options)
    con = _open(args.db)
    try:
        return _show(con, query.sql, query.params, args)
    finally:
        con.close()
