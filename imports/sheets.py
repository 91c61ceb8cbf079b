"""Reading an uploaded sheet (CSV or XLSX) into a plain table: header names and rows of text.

Forms and spreadsheets export in many shapes: a CSV from Google Forms in UTF-8 with a byte
order mark, one from Excel in Windows-1252 with semicolons, an XLSX whose first rows are a
merged title and merged group headings ("Contact" over "Phone" and "Email"). Each comes out
the same: one header per column, and each row's cells as text, with the sheet's row numbers
so a refusal can say which row.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from mutualaid.refusals import Refusal


class SheetError(Refusal):
    """The file can't be read as a sheet; the message says why, plainly."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    # The sheet's row number of each row (1 is the first line of the file).
    numbers: list[int] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"headers": self.headers, "rows": self.rows, "numbers": self.numbers}

    @classmethod
    def from_json(cls, data: dict) -> "Table":
        return cls(headers=data["headers"], rows=data["rows"], numbers=data["numbers"])


def cell_text(value) -> str:
    """A cell as the person typed it: numbers without a trailing .0, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return " ".join(str(value).replace("\x00", "").split())


def read_sheet(name: str, data: bytes, *, max_rows: int) -> Table:
    """The table in an uploaded file, by its name's ending (.csv, .xlsx)."""
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        table = _read_xlsx(data, max_rows=max_rows)
    elif lowered.endswith((".csv", ".txt", ".tsv")):
        table = _read_csv(data, max_rows=max_rows)
    else:
        raise SheetError(
            _("Choose a .csv or .xlsx file: export the form's answers or the sheet as one.")
        )
    if not table.headers:
        raise SheetError(_("This file is empty: there is no header row to read."))
    if not table.rows:
        raise SheetError(_("This file has a header row but no rows under it."))
    return table


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _read_csv(data: bytes, *, max_rows: int) -> Table:
    text = _decode(data).replace("\x00", "")
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(1_000_000)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    return _table(
        ((number, [cell_text(cell) for cell in row]) for number, row in _numbered(reader)),
        headings=0,
        max_rows=max_rows,
    )


def _numbered(reader):
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as error:
        message = _("This file could not be read as CSV: %(error)s") % {"error": error}
        raise SheetError(message) from error


def _read_xlsx(data: bytes, *, max_rows: int) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        # Not read-only: merged header cells are only known to a fully loaded sheet.
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SheetError(_("This file could not be read as an XLSX spreadsheet.")) from error
    sheet = book.worksheets[0]
    if sheet.max_row > max_rows + 10:
        raise SheetError(_too_many(max_rows))
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    spans: dict[int, list[tuple[int, int]]] = {}
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                grid[row - 1][col - 1] = value
        if merged.max_col > merged.min_col:
            for row in range(merged.min_row, merged.max_row + 1):
                spans.setdefault(row, []).append((merged.min_col, merged.max_col))
    book.close()
    rows = [(index + 1, [cell_text(cell) for cell in row]) for index, row in enumerate(grid)]
    # Leading rows with cells merged across columns are a title or group headings.
    headings = 0
    for number, _row in rows[:5]:
        if number in spans:
            headings += 1
        else:
            break
    return _table(iter(rows), headings=headings, max_rows=max_rows)


def _too_many(max_rows: int) -> str:
    return _("This file has more than %(max)d rows. Split it into smaller files.") % {
        "max": max_rows
    }


def _table(rows, *, headings: int, max_rows: int) -> Table:
    """Headers from the first row that isn't a heading (prefixed by the group headings over
    each column, a title across every column left out), then the rows under it."""
    groups: list[list[str]] = []
    headers: list[str] | None = None
    body, numbers = [], []
    for number, cells in rows:
        if not any(cells):
            continue
        if headers is None:
            if len(groups) < headings:
                groups.append(cells)
                continue
            headers = _headers(groups, cells)
            continue
        if len(body) >= max_rows:
            raise SheetError(_too_many(max_rows))
        width = len(headers)
        cells = (cells + [""] * width)[:width] if len(cells) != width else cells
        body.append(cells)
        numbers.append(number)
    return Table(headers=headers or [], rows=body, numbers=numbers)


def _headers(groups: list[list[str]], cells: list[str]) -> list[str]:
    # The last column anyone wrote a header or a value under.
    width = max((index + 1 for index, cell in enumerate(cells) if cell), default=0)
    headers = []
    for index in range(width):
        words = []
        for group in groups:
            value = group[index] if index < len(group) else ""
            spans_all = all((group[i] if i < len(group) else "") == value for i in range(width))
            if value and not spans_all and value not in words:
                words.append(value)
        if cells[index] and cells[index] not in words:
            words.append(cells[index])
        headers.append(" ".join(words) or _("Column %(n)d") % {"n": index + 1})
    return headers
