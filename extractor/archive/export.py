"""A report's rows as CSV (UTF-8 with a BOM, so Excel reads the Vietnamese right) or as an Excel
workbook (openpyxl): lists become '; '-joined text, dates stay dates."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value if v is not None)
    return value


def write_csv(path: str | Path, columns: list[str], rows: list[tuple]) -> None:
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else _cell(v) for v in row])


def write_xlsx(path: str | Path, columns: list[str], rows: list[tuple], *, sheet: str = "report") -> None:
    try:
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter
    except ImportError as exc:
        raise RuntimeError('writing Excel needs openpyxl: pip install "vnextract[batch]"') from exc

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    ws.append(columns)
    widths = [len(c) for c in columns]
    for row in rows:
        cells = [_cell(v) for v in row]
        ws.append(cells)
        widths = [max(w, min(60, len(str(c)) if c is not None else 0)) for w, c in zip(widths, cells, strict=True)]
    for k, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width + 2
        for (cell,) in ws.iter_rows(min_row=2, min_col=k, max_col=k):
            if isinstance(cell.value, datetime | date):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    book.save(path)
