#!/usr/bin/env python3
"""Runs trafilatura on the article-extraction benchmark's pages, for `dossier-bench article-extraction`.

Usage: bench-trafilatura.py CORPUS_DIR OUTPUT.json
Writes {"version": ..., "seconds": extraction time, "texts": {page id: text}}; decompressing the
pages is not timed, as it is not for Dossier's extractor.
"""
import gzip
import json
import pathlib
import sys
import time

import trafilatura


def main() -> None:
    corpus, output = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    pages = {}
    for path in sorted((corpus / "html").glob("*.html.gz")):
        pages[path.name[: -len(".html.gz")]] = gzip.decompress(path.read_bytes())
    texts = {}
    start = time.perf_counter()
    for page_id, html in pages.items():
        texts[page_id] = trafilatura.extract(html, include_comments=False) or ""
    seconds = time.perf_counter() - start
    output.write_text(json.dumps({"version": trafilatura.__version__, "seconds": seconds, "texts": texts}))


if __name__ == "__main__":
    main()
