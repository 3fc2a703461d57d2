"""Opens a workbook `dossier export --format xlsx` wrote with openpyxl, and compares every sheet
with the same table exported as JSON (typed values), cell by cell.

usage: check_workbook.py WORKBOOK JSON_DIR
JSON_DIR holds TABLE.json for each sheet. Exits 1 naming the first differences.
"""
import datetime
import json
import os
import re
import sys

from openpyxl import load_workbook

DATE_COLUMNS = {"published_on", "retrieved_on", "action_day"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def ooxml_text(value):
    """Cell text as Excel and LibreOffice show it: Office Open XML writes characters XML cannot hold
    as _xHHHH_ (and a literal "_x" sequence as _x005F_x…), which openpyxl leaves as it finds them."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda match: chr(int(match.group(1), 16)), value)


def main():
    path, json_dir = sys.argv[1], sys.argv[2]
    workbook = load_workbook(path)
    problems = []
    checked = 0
    for sheet in workbook.worksheets:
        with open(os.path.join(json_dir, f"{sheet.title}.json"), encoding="utf-8") as handle:
            expected = json.load(handle)
        rows = list(sheet.iter_rows())
        header = [cell.value for cell in rows[0]]
        if sheet.freeze_panes != "A2":
            problems.append(f"{sheet.title}: header not frozen ({sheet.freeze_panes})")
        if not all(cell.font.b for cell in rows[0]):
            problems.append(f"{sheet.title}: header not bold")
        last = f"{rows[0][-1].column_letter}{len(rows)}"
        if sheet.auto_filter.ref != f"A1:{last}":
            problems.append(f"{sheet.title}: filter {sheet.auto_filter.ref}, expected A1:{last}")
        if len(rows) - 1 != len(expected):
            problems.append(f"{sheet.title}: {len(rows) - 1} rows, the JSON export has {len(expected)}")
            continue
        for number, (row, record) in enumerate(zip(rows[1:], expected), start=2):
            if header != list(record.keys()):
                problems.append(f"{sheet.title}: header {header} differs from {list(record.keys())}")
                break
            for cell, (name, value) in zip(row, record.items()):
                checked += 1
                where = f"{sheet.title}!{cell.coordinate} ({name})"
                if value is None:
                    if cell.value is not None:
                        problems.append(f"{where}: {cell.value!r} for an empty value")
                elif isinstance(value, (int, float)):
                    if not isinstance(cell.value, (int, float)) or cell.value != value:
                        problems.append(f"{where}: {cell.value!r} ({type(cell.value).__name__}) for the number {value!r}")
                elif name in DATE_COLUMNS and len(value) == 10:
                    if not isinstance(cell.value, datetime.datetime) or cell.value.date().isoformat() != value:
                        problems.append(f"{where}: {cell.value!r} for the date {value}")
                    elif cell.number_format != "yyyy\\-mm\\-dd":
                        problems.append(f"{where}: date shown as {cell.number_format}")
                else:
                    if cell.data_type != "s" or ooxml_text(cell.value) != value:
                        problems.append(f"{where}: {cell.value!r} ({cell.data_type}) for the text {value!r}")
                    if value.startswith(FORMULA_STARTS) and not cell.quotePrefix:
                        problems.append(f"{where}: text starting like a formula is not marked as text")
                    if (len(value) > 60 or "\n" in value) and not cell.alignment.wrap_text:
                        problems.append(f"{where}: long text not wrapped")
    if problems:
        print("\n".join(problems[:20]), file=sys.stderr)
        return 1
    print(f"{len(workbook.worksheets)} sheets, {checked} cells: each as the JSON export has it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
