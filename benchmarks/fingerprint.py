"""A fingerprint of every extracted row, to show that an optimisation changed no output.

`row_fingerprints(docs)` hashes each extracted row (all columns, fact_id included) per table;
comparing the result before and after a change tells whether any row was added, lost or altered.

    python -m benchmarks.fingerprint FOLDER... > rows.json
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from transforms.documents import Document
from transforms.extract import extract_document
from transforms.ingest import read_folder


def _canonical(row: dict) -> str:
    return json.dumps(row, sort_keys=True, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v))


def row_fingerprints(docs: Iterable[Document]) -> dict[str, dict]:
    """Per table: the number of rows and a SHA-256 over the sorted row hashes."""
    hashes: dict[str, list[str]] = {}
    for doc in docs:
        for table, rows in extract_document(doc).items():
            hashes.setdefault(table, []).extend(
                hashlib.sha256(_canonical(row).encode()).hexdigest() for row in rows)
    return {table: {"rows": len(found), "sha256": hashlib.sha256("".join(sorted(found)).encode()).hexdigest()}
            for table, found in sorted(hashes.items())}


def folder_fingerprints(folders: Iterable[Path]) -> dict[str, dict]:
    docs = []
    for folder in folders:
        found, _ = read_folder(folder)
        docs.extend(found)
    return row_fingerprints(docs)


if __name__ == "__main__":
    print(json.dumps(folder_fingerprints(Path(p) for p in sys.argv[1:]), indent=1))
