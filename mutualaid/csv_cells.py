"""Cells for the CSV files the hub hands out, safe to open in a spreadsheet.

A cell starting with = + - @ (or a tab or carriage return) would be run as a formula by
spreadsheet programs, so such a cell gets a leading apostrophe and reads as plain text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
