"""The test sheets: real-looking exports in sheets/, and an XLSX made the way a shared
spreadsheet is laid out (a merged title, merged group headings over the columns)."""

import io
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent / "sheets"


def sheet(name: str) -> bytes:
    return (HERE / name).read_bytes()


def donations_xlsx() -> bytes:
    """A store's donation log: title row merged across, then 'Donation' over two columns and
    'What came in' over four, then the headers."""
    book = Workbook()
    ws = book.active
    ws.append(["Free store donations — October", None, None, None, None, None])
    ws.merge_cells("A1:F1")
    ws.append(["Donation", None, "What came in", None, None, None])
    ws.merge_cells("A2:B2")
    ws.merge_cells("C2:F2")
    ws.append(["Date", "Volunteer", "Item", "Size", "How many", "Category"])
    ws.append(["2026-10-01", "Rosa", "Kids' winter jackets", "6-8", 4, "Clothing"])
    ws.append(["2026-10-01", "Rosa", "Canned beans", "", 24, "Food"])
    ws.append(["2026-10-02", "Tom", "Diapers", "size 3", 2, "Childcare"])
    ws.append(["2026-10-02", "Tom", "Board games", "", "a few", "Other"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
