"""Reads every file of `dossier export --all DIR` with Python's csv module, guided only by
manifest.json, and compares it row by row with the archive read through Python's sqlite3.

usage: check_export_all.py ARCHIVE DIR
Exits 1 with the first differences found; prints a one-line summary when all match.
"""
import csv
import hashlib
import json
import os
import sqlite3
import sys


def cell_value(text, column, dialect):
    """The archive value a CSV cell stands for, using only what the manifest says."""
    if text == "":
        return None
    if column["type"] == "INTEGER":
        return int(text)
    if column["type"] == "REAL":
        return float(text)
    prefix = dialect.get("formula_prefix")
    if prefix and text.startswith(prefix) and text[len(prefix):][:1] in ("=", "+", "-", "@", "\t", "\r"):
        return text[len(prefix):]
    return text


def stored_value(value):
    if value == "":
        return None  # the manifest says an empty cell is NULL; empty text reads back the same
    if isinstance(value, float) and value.is_integer():
        return value
    return value


def main():
    archive, directory = sys.argv[1], sys.argv[2]
    with open(os.path.join(directory, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    dialect = manifest["csv"]
    problems = []
    database = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    tables = {row[0] for row in database.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'documents_fts%'")}
    exported = {entry["table"] for entry in manifest["files"]}
    if tables != exported:
        problems.append(f"tables in the archive but not exported: {sorted(tables - exported)}; "
                        f"exported but not in the archive: {sorted(exported - tables)}")
    version = database.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
    if manifest["schema_version"] != version:
        problems.append(f"schema_version {manifest['schema_version']} but the archive is at {version}")
    total = 0
    for entry in manifest["files"]:
        path = os.path.join(directory, entry["file"])
        with open(path, "rb") as handle:
            if hashlib.sha256(handle.read()).hexdigest() != entry["sha256"]:
                problems.append(f"{entry['file']}: sha256 differs from the manifest")
        columns = entry["columns"]
        declared = [(row[1], row[2].upper()) for row in database.execute(f'PRAGMA table_info("{entry["table"]}")')]
        if declared != [(c["name"], c["type"]) for c in columns]:
            problems.append(f"{entry['file']}: manifest columns {columns} differ from the table's {declared}")
            continue
        if any(not c["meaning"] for c in columns):
            problems.append(f"{entry['file']}: a column without a meaning")
        keys = [row[1] for row in sorted(
            (r for r in database.execute(f'PRAGMA table_info("{entry["table"]}")') if r[5] > 0), key=lambda r: r[5])]
        order = ", ".join(f'"{k}"' for k in keys) if keys else "rowid"
        names = ", ".join(f'"{c["name"]}"' for c in columns)
        stored = database.execute(f'SELECT {names} FROM "{entry["table"]}" ORDER BY {order}').fetchall()
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, delimiter=dialect["delimiter"], quotechar=dialect["quote"])
            header = next(reader)
            if header != [c["name"] for c in columns]:
                problems.append(f"{entry['file']}: header {header}")
            rows = list(reader)
        if len(rows) != entry["rows"] or len(rows) != len(stored):
            problems.append(f"{entry['file']}: {len(rows)} rows read, manifest says {entry['rows']}, archive has {len(stored)}")
            continue
        for number, (row, expected) in enumerate(zip(rows, stored), start=2):
            read = [cell_value(text, column, dialect) for text, column in zip(row, columns)]
            wanted = [stored_value(value) for value in expected]
            if read != wanted:
                differing = [(c["name"], r, w) for c, r, w in zip(columns, read, wanted) if r != w]
                problems.append(f"{entry['file']} line {number}: {differing[:3]}")
                break
        total += len(rows)
    if problems:
        print("\n".join(problems[:20]), file=sys.stderr)
        return 1
    print(f"{len(manifest['files'])} files, {total} rows: every row matches the archive")
    return 0


if __name__ == "__main__":
    sys.exit(main())
