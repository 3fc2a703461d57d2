#!/usr/bin/env python3
"""Reads Dossier's citation exports with the real tools and compares them with the archive.

    check_citations.py ARCHIVE [--csl-json FILE] [--ris FILE]

CSL-JSON: every item must be accepted by citeproc-py without a warning (an unknown field or name
part is a warning there) and rendered into a bibliography entry that holds its title, with the
Harvard style citeproc-py ships. RIS: rispy must parse every record, with a type from the RIS
specification. Both must give back, for every document of the archive (read with Python's own
sqlite3), its title, URL, dates and archive location. Exits 1 with one line per mismatch.
"""
import argparse
import json
import os
import sqlite3
import sys
import warnings
from pathlib import Path

import citeproc
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from rispy.config import TYPE_OF_REFERENCE_MAPPING

# CSL 1.0.2's item types.
CSL_TYPES = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
    "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
    "thesis", "treaty", "webpage",
}
CSL_TYPE_OF_KIND = {"article": "article-newspaper", "report": "report", "press_release": "document", "other": "document"}
RIS_TYPE_OF_KIND = {"article": "NEWS", "report": "RPRT", "press_release": "GEN", "other": "GEN"}

problems = []


def problem(message):
    problems.append(message)


def documents(archive):
    connection = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    rows = connection.execute(
        "SELECT id, sha256, title, publisher, author, url, published_on, retrieved_on, language, kind FROM documents ORDER BY id"
    ).fetchall()
    connection.close()
    return {row["id"]: row for row in rows}


def date_parts(iso):
    return [int(part) for part in iso.split("-")]


def one_line(text):
    """What RIS can hold of a value: control characters and line separators as spaces, ends trimmed."""
    return "".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 or c in "\u2028\u2029" else c for c in text).strip()


def squeeze(text):
    return " ".join(text.split()).casefold()


def check_csl(path, docs, archive_name):
    with open(path, encoding="utf-8") as handle:
        items = json.load(handle)
    if not isinstance(items, list):
        problem(f"{path}: not a JSON array")
        return
    seen = set()
    for item in items:
        item_id = item.get("id", "")
        if item_id in seen:
            problem(f"CSL {item_id}: id used twice")
        seen.add(item_id)
        if item.get("type") not in CSL_TYPES:
            problem(f"CSL {item_id}: type {item.get('type')!r} is not a CSL type")
        try:
            document_id = int(item_id.removeprefix("dossier-"))
        except ValueError:
            problem(f"CSL item id {item_id!r} is not dossier-<document id>")
            continue
        doc = docs.get(document_id)
        if doc is None:
            problem(f"CSL {item_id}: no document {document_id} in the archive")
            continue
        expect = {
            "type": CSL_TYPE_OF_KIND[doc["kind"]],
            "title": doc["title"],
            "publisher": doc["publisher"],
            "URL": doc["url"],
            "language": doc["language"],
            "archive": archive_name,
            "archive_location": f"document {doc['id']}, sha256 {doc['sha256']}",
            "issued": {"date-parts": [date_parts(doc["published_on"])]} if doc["published_on"] else None,
            "accessed": {"date-parts": [date_parts(doc["retrieved_on"])]} if doc["retrieved_on"] else None,
        }
        for key, value in expect.items():
            if item.get(key) != value:
                problem(f"CSL {item_id}: {key} is {item.get(key)!r}, the archive says {value!r}")
        if doc["author"] and not item.get("author"):
            problem(f"CSL {item_id}: the author {doc['author']!r} is missing")
    missing = {f"dossier-{i}" for i in docs} - seen
    if missing:
        problem(f"CSL: documents missing from the export: {sorted(missing)}")

    # citeproc-py warns, rather than fails, on fields and name parts it does not know: make that fatal.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            source = CiteProcJSON(items)
        except Exception as error:  # noqa: BLE001 - any refusal is the finding
            problem(f"citeproc-py refused the CSL-JSON: {error}")
            return
        style_path = os.path.join(os.path.dirname(citeproc.__file__), "data", "styles", "harvard-cite-them-right.csl")
        style = CitationStylesStyle(style_path, validate=False)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        try:
            entries = [str(entry) for entry in bibliography.bibliography()]
        except Exception as error:  # noqa: BLE001
            problem(f"citeproc-py could not render the bibliography: {error!r}")
            return
    if len(entries) != len(items):
        problem(f"citeproc-py rendered {len(entries)} entries for {len(items)} items")
    rendered = [squeeze(entry) for entry in entries]
    for item in items:
        title = item.get("title")
        if title and not any(squeeze(title) in entry for entry in rendered):
            problem(f"CSL {item['id']}: the rendered bibliography does not hold the title {title!r}")
    print(f"CSL-JSON: {len(items)} items rendered by citeproc-py (harvard-cite-them-right)")
    for entry in entries:
        print(f"  {entry}")


def check_ris(path, docs, archive_name):
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    if "\r\n" not in text or "\n" in text.replace("\r\n", ""):
        problem(f"{path}: lines must end with CRLF, as the RIS specification says")
    records = rispy.load(Path(path), encoding="utf-8")
    if len(records) != len(docs):
        problem(f"RIS: rispy read {len(records)} records, the archive holds {len(docs)} documents")
    by_location = {f"document {d['id']}, sha256 {d['sha256']}": d for d in docs.values()}
    for record in records:
        location = record.get("accession_number")
        doc = by_location.get(location)
        if doc is None:
            problem(f"RIS: AN {location!r} names no document of the archive")
            continue
        label = f"RIS document {doc['id']}"
        if record.get("type_of_reference") not in TYPE_OF_REFERENCE_MAPPING:
            problem(f"{label}: TY {record.get('type_of_reference')!r} is not an RIS type")
        if record.get("type_of_reference") != RIS_TYPE_OF_KIND[doc["kind"]]:
            problem(f"{label}: TY {record.get('type_of_reference')!r} for kind {doc['kind']}")
        if record.get("title") != (one_line(doc["title"]) if doc["title"] else None):
            problem(f"{label}: title {record.get('title')!r}, the archive says {doc['title']!r}")
        # rispy splits UR on semicolons (its own convention, not the specification's).
        expected_urls = [part.strip() for part in doc["url"].split(";")] if doc["url"] else None
        if record.get("urls") != expected_urls:
            problem(f"{label}: urls {record.get('urls')!r}, the archive says {doc['url']!r}")
        if record.get("name_of_database") != archive_name:
            problem(f"{label}: DB {record.get('name_of_database')!r}, expected {archive_name!r}")
        if doc["published_on"] and record.get("year") != doc["published_on"][:4]:
            problem(f"{label}: PY {record.get('year')!r}, published {doc['published_on']!r}")
        if doc["language"] and record.get("language") != doc["language"]:
            problem(f"{label}: LA {record.get('language')!r}")
        if doc["author"] and not record.get("authors"):
            problem(f"{label}: the author {doc['author']!r} is missing")
    print(f"RIS: {len(records)} records parsed by rispy")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive")
    parser.add_argument("--csl-json")
    parser.add_argument("--ris")
    arguments = parser.parse_args()
    docs = documents(arguments.archive)
    archive_name = os.path.basename(arguments.archive)
    if arguments.csl_json:
        check_csl(arguments.csl_json, docs, archive_name)
    if arguments.ris:
        check_ris(arguments.ris, docs, archive_name)
    if problems:
        for message in problems:
            print(f"check_citations: {message}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
