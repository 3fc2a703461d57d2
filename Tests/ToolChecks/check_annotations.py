#!/usr/bin/env python3
"""Resolves every selector of Dossier's Web Annotation export against the archive itself.

    check_annotations.py ANNOTATIONS ARCHIVE [--status STATUS]

Reads the archive with Python's own sqlite3 module, whose strings index by code point, as Dossier's
spans do. For each annotation: the TextPositionSelector must give the fact's stored span, and the
body's text there must equal the TextQuoteSelector's exact (and the fact's stored exact_text); the
prefix and suffix must be the up to 32 code points around it, so that prefix + exact + suffix is found
in the body right there; the source, id, motivation and body must say what the archive says. The
export must hold exactly the archive's facts (all but rejected ones, or those of --status).
Also checks the JSON-LD shape: the W3C context, then terms of it or `dossier:` terms declared beside it.
Exits 1 with one line per mismatch.
"""
import argparse
import json
import os
import sqlite3
import sys
from urllib.parse import quote

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_LENGTH = 32
TABLES = {"figure": "figures", "quote": "quotes", "mention": "mentions"}
MOTIVATION = {"figure": "describing", "quote": "describing", "mention": "tagging"}
TOP_KEYS = {"@context", "id", "type", "motivation", "body", "target"}
TARGET_KEYS = {"source", "selector", "dossier:document"}
SELECTOR_KEYS = {
    "TextQuoteSelector": ({"type", "exact"}, {"prefix", "suffix"}),
    "TextPositionSelector": ({"type", "start", "end"}, set()),
}

problems = []


def problem(message):
    problems.append(message)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations")
    parser.add_argument("archive")
    parser.add_argument("--status")
    arguments = parser.parse_args()

    with open(arguments.annotations, encoding="utf-8") as handle:
        annotations = json.load(handle)
    if not isinstance(annotations, list):
        sys.exit(f"check_annotations: {arguments.annotations} is not a JSON array")

    archive_name = os.path.basename(arguments.archive)
    urn = f"urn:dossier:{quote(archive_name, safe='-._~')}"
    connection = sqlite3.connect(f"file:{arguments.archive}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    documents = {row["id"]: row for row in connection.execute("SELECT id, url, body FROM documents")}

    expected = set()
    for kind, table in TABLES.items():
        if arguments.status:
            rows = connection.execute(f"SELECT id FROM {table} WHERE status = ?", (arguments.status,))
        else:
            rows = connection.execute(f"SELECT id FROM {table} WHERE status <> 'rejected'")
        expected |= {f"{urn}:{kind}:{row['id']}" for row in rows}

    seen = set()
    resolved = {"TextQuoteSelector": 0, "TextPositionSelector": 0}
    ambiguous = 0
    for annotation in annotations:
        annotation_id = annotation.get("id", "")
        label = annotation_id or repr(annotation)[:80]
        if annotation_id in seen:
            problem(f"{label}: id used twice")
        seen.add(annotation_id)
        if set(annotation) != TOP_KEYS:
            problem(f"{label}: keys {sorted(annotation)}, expected {sorted(TOP_KEYS)}")
            continue
        context = annotation["@context"]
        if not (isinstance(context, list) and context[0] == ANNO_CONTEXT and len(context) == 2
                and isinstance(context[1], dict) and isinstance(context[1].get("dossier"), str)):
            problem(f"{label}: @context {context!r} is not the W3C context and the dossier: prefix")
        if annotation["type"] != "Annotation":
            problem(f"{label}: type {annotation['type']!r}")

        prefix, _, rest = annotation_id.rpartition(":")
        urn_part, _, kind = prefix.rpartition(":")
        if urn_part != urn or kind not in TABLES or not rest.isdigit():
            problem(f"{label}: id is not {urn}:<figure|quote|mention>:<id>")
            continue
        fact = connection.execute(
            f"SELECT * FROM {TABLES[kind]} WHERE id = ?", (int(rest),)).fetchone()
        if fact is None:
            problem(f"{label}: no {kind} {rest} in the archive")
            continue
        if annotation["motivation"] != MOTIVATION[kind]:
            problem(f"{label}: motivation {annotation['motivation']!r}, expected {MOTIVATION[kind]!r}")

        body = annotation["body"]
        stray = [key for key in body if key not in ("type", "value") and not key.startswith("dossier:")]
        if stray:
            problem(f"{label}: body keys outside both contexts: {stray}")
        if body.get("type") != "dossier:" + kind.capitalize() or body.get("dossier:kind") != kind:
            problem(f"{label}: body type {body.get('type')!r} / kind {body.get('dossier:kind')!r}")
        if body.get("dossier:status") != fact["status"]:
            problem(f"{label}: status {body.get('dossier:status')!r}, the archive says {fact['status']!r}")
        if kind == "figure" and body.get("value") != fact["value"]:
            problem(f"{label}: value {body.get('value')!r}, the archive says {fact['value']!r}")
        if kind == "quote" and body.get("value") != fact["text"]:
            problem(f"{label}: value {body.get('value')!r}, the archive says {fact['text']!r}")

        document = documents[fact["document_id"]]
        text = document["body"]
        target = annotation["target"]
        if set(target) != TARGET_KEYS:
            problem(f"{label}: target keys {sorted(target)}")
            continue
        document_urn = f"{urn}:document:{document['id']}"
        if target["source"] != (document["url"] or document_urn):
            problem(f"{label}: source {target['source']!r}, expected {document['url'] or document_urn!r}")
        if target["dossier:document"] != document_urn:
            problem(f"{label}: dossier:document {target['dossier:document']!r}, expected {document_urn!r}")
        selectors = {selector.get("type"): selector for selector in target["selector"]}
        if sorted(selectors) != sorted(SELECTOR_KEYS) or len(target["selector"]) != 2:
            problem(f"{label}: selectors {sorted(selectors)}")
            continue
        for kind_name, (required, optional) in SELECTOR_KEYS.items():
            keys = set(selectors[kind_name])
            if not required <= keys or keys - required - optional:
                problem(f"{label}: {kind_name} keys {sorted(keys)}")

        position = selectors["TextPositionSelector"]
        start, end = position.get("start"), position.get("end")
        if (start, end) != (fact["char_start"], fact["char_end"]):
            problem(f"{label}: TextPositionSelector {start}:{end}, the archive says {fact['char_start']}:{fact['char_end']}")
            continue
        resolved["TextPositionSelector"] += 1

        selector = selectors["TextQuoteSelector"]
        exact = selector.get("exact")
        before = selector.get("prefix", "")
        after = selector.get("suffix", "")
        if text[start:end] != exact:
            problem(f"{label}: body[{start}:{end}] is {text[start:end]!r}, exact is {exact!r}")
        if exact != fact["exact_text"]:
            problem(f"{label}: exact {exact!r}, the archive's exact_text is {fact['exact_text']!r}")
        if before != text[max(0, start - CONTEXT_LENGTH):start]:
            problem(f"{label}: prefix {before!r}, the body has {text[max(0, start - CONTEXT_LENGTH):start]!r}")
        if after != text[end:end + CONTEXT_LENGTH]:
            problem(f"{label}: suffix {after!r}, the body has {text[end:end + CONTEXT_LENGTH]!r}")
        # Resolve the quote selector on its own, as an annotation tool would: the words with their
        # context must occur in the body where the position selector says (and, ideally, only there).
        context_text = before + exact + after
        occurrences = []
        found = text.find(context_text)
        while found != -1:
            occurrences.append(found)
            found = text.find(context_text, found + 1)
        if start - len(before) not in occurrences:
            problem(f"{label}: prefix + exact + suffix occurs at {occurrences[:5]}, not at {start - len(before)}")
        else:
            resolved["TextQuoteSelector"] += 1
            if len(occurrences) > 1:
                ambiguous += 1

    if seen != expected:
        missing, extra = sorted(expected - seen), sorted(seen - expected)
        problem(f"the export and the archive's facts differ: missing {missing[:5]} ({len(missing)}), extra {extra[:5]} ({len(extra)})")
    connection.close()
    print(
        f"{len(annotations)} annotations: {resolved['TextQuoteSelector']} TextQuoteSelectors and "
        f"{resolved['TextPositionSelector']} TextPositionSelectors resolved against {archive_name}"
        f" ({ambiguous} quotes occur more than once with their context)")
    if problems:
        for message in problems[:50]:
            print(f"check_annotations: {message}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
