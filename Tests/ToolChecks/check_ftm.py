"""Reads `dossier export --format ftm` with the followthemoney package (the model Aleph loads) and
checks it against the archive: every entity parses under its schema with no value dropped or
rewritten by FollowTheMoney's cleaning, every reference points at an entity of the file, and the
counts and texts match the archive read through Python's sqlite3.

usage: check_ftm.py ARCHIVE ENTITIES_FILE
"""
import json
import sqlite3
import sys

from followthemoney import model


def main():
    archive, path = sys.argv[1], sys.argv[2]
    problems = []
    entities = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            data = json.loads(line)
            proxy = model.get_proxy(data, cleaned=False)  # cleans every value, as a loader of untrusted data does
            if proxy.schema.abstract:
                problems.append(f"line {number}: abstract schema {proxy.schema.name}")
            for name, values in data["properties"].items():
                if name not in proxy.schema.properties:
                    problems.append(f"line {number}: {proxy.schema.name} has no property {name}")
                # FollowTheMoney trims the ends of every value; anything else it changes is a loss.
                elif sorted(proxy.get(name)) != sorted(v.strip() for v in values):
                    problems.append(f"line {number}: {name} {values!r} cleaned to {proxy.get(name)!r}")
            if proxy.id in entities:
                problems.append(f"line {number}: id {proxy.id} used twice")
            entities[proxy.id] = proxy
    for proxy in entities.values():
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity" and value not in entities:
                problems.append(f"{proxy.id}: {prop.name} points at {value}, which is not in the file")
            elif prop.type.name == "entity" and not entities[value].schema.is_a(prop.range):
                problems.append(f"{proxy.id}: {prop.name} points at a {entities[value].schema.name}, not a {prop.range.name}")

    database = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    count = lambda sql: database.execute(sql).fetchone()[0]
    by_schema = {}
    for proxy in entities.values():
        by_schema[proxy.schema.name] = by_schema.get(proxy.schema.name, 0) + 1
    expected = {
        "Document+Article": count("SELECT count(*) FROM documents"),
        "Person": count("SELECT count(*) FROM people"),
        "Organization": count("SELECT count(*) FROM organisations"),
        "Event": count("SELECT count(*) FROM operations"),
        "Mention": count("""SELECT count(*) FROM (SELECT DISTINCT document_id, entity_type, coalesce(person_id, organisation_id)
                            FROM mentions WHERE status <> 'rejected' AND entity_type IN ('person', 'organisation'))"""),
        "Documentation": count("SELECT count(*) FROM document_operations"),
    }
    found = dict(by_schema)
    found["Document+Article"] = found.pop("Document", 0) + found.pop("Article", 0)
    for schema, wanted in expected.items():
        if found.get(schema, 0) != wanted:
            problems.append(f"{found.get(schema, 0)} {schema} entities, the archive has {wanted}")
    for document_id, body, sha256 in database.execute("SELECT id, body, sha256 FROM documents"):
        proxy = next((p for p in entities.values() if p.schema.is_a("Document") and
                      any(f"document {document_id}," in note for note in p.get("notes"))), None)
        if proxy is None:
            problems.append(f"no entity for document {document_id}")
        elif proxy.first("bodyText") != body.strip() or not any(sha256 in note for note in proxy.get("notes")):
            problems.append(f"document {document_id}: text or hash differs from the archive")
    if problems:
        print("\n".join(problems[:20]), file=sys.stderr)
        return 1
    print(f"{len(entities)} entities valid under FollowTheMoney's model: "
          + ", ".join(f"{n} {s}" for s, n in sorted(by_schema.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
