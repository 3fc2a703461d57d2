"""Serves an archive with the real Datasette (its in-process client, no network) and the metadata
`dossier datasette-metadata` wrote, and checks what an archivist would use: full-text search,
foreign keys shown by label, default facets and a saved query.

usage: check_datasette.py ARCHIVE METADATA_YML SEARCH_TERM EXPECTED_IDS OPERATION_SLUG
EXPECTED_IDS is a comma-separated list of the document ids Dossier's own search returns.
"""
import asyncio
import os
import sys

import yaml
from datasette.app import Datasette


async def main():
    archive, metadata_path, term, expected, operation = sys.argv[1:6]
    expected_ids = {int(x) for x in expected.split(",") if x}
    with open(metadata_path, encoding="utf-8") as handle:
        metadata = yaml.safe_load(handle)
    name = os.path.splitext(os.path.basename(archive))[0]
    datasette = Datasette([archive], metadata=metadata)
    problems = []

    async def get(path):
        response = await datasette.client.get(path)
        if response.status_code != 200:
            problems.append(f"{path}: HTTP {response.status_code}")
            return {}
        return response.json()

    searched = await get(f"/{name}/documents.json?_search={term}&_shape=objects&_col=title")
    found = {row["id"] for row in searched.get("rows", [])}
    if found != expected_ids:
        problems.append(f"?_search={term} found documents {sorted(found)}, Dossier's search {sorted(expected_ids)}")

    # Without metadata too: Datasette must find the index by itself, as sqlite-utils does.
    bare = Datasette([archive])
    response = await bare.client.get(f"/{name}/documents.json?_search={term}&_shape=objects&_col=title")
    bare_found = {row["id"] for row in response.json().get("rows", [])} if response.status_code == 200 else None
    if bare_found != expected_ids:
        problems.append(f"without metadata, ?_search={term} found {bare_found}: Datasette does not detect the index")

    labelled = await get(f"/{name}/figures.json?_labels=on&_shape=objects&_size=1")
    rows = labelled.get("rows", [])
    if not rows or not isinstance(rows[0].get("document_id"), dict) or not rows[0]["document_id"].get("label"):
        problems.append(f"figures.document_id is not shown with its document's title: {rows[:1]}")
    elif str(rows[0]["document_id"]["label"]).isdigit():
        problems.append(f"a document's label is a bare number: {rows[0]['document_id']}")

    faceted = await get(f"/{name}/documents.json?_shape=objects")
    facets = set(faceted.get("facet_results", {}).keys())
    if not {"publisher", "language", "kind"} <= facets:
        problems.append(f"default facets of documents: {sorted(facets)}")

    figures = await get(f"/{name}/figures_of_operation.json?operation={operation}&_shape=objects")
    figure_rows = figures.get("rows", [])
    if not figure_rows or any("category" not in row or "document_id" not in row for row in figure_rows):
        problems.append(f"saved query figures_of_operation({operation}) gave {figure_rows[:2]}")

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"datasette: search {sorted(found)}, labels, facets {sorted(facets)}, "
          f"{len(figure_rows)} figures of {operation} from the saved query")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
