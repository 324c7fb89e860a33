"""Fact extractors: one module per fact table, discovered by the registry below.

A module here that does not start with "_" declares `TABLE` (its contract.Table) and
`extract(doc) -> list[dict]`: rows holding char_start, char_end and the table's own columns.
`extract_document` adds the common columns (fact_id, doc_id, sentence_no, mention, sentence,
extractor_version), so adding a fact type is adding one file.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from transforms.contract import Table, fact_id
from transforms.documents import Document


@dataclass(frozen=True)
class Extractor:
    """A registered extractor: the table it fills and the function that fills it."""

    table: Table
    extract: Callable[[Document], list[dict]]

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def version(self) -> str:
        return f"{self.table.name}.v{self.table.version}"


@cache
def registry() -> tuple[Extractor, ...]:
    """Every extractor in this package, in name order."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(Extractor(table=module.TABLE, extract=module.extract))
    return tuple(found)


def extractor(name: str) -> Extractor:
    for candidate in registry():
        if candidate.name == name:
            return candidate
    raise KeyError(f"no extractor for table {name!r}")


def finish_rows(ext: Extractor, doc: Document, rows: list[dict]) -> list[dict]:
    """Rows with the common fact columns filled in, in text order, each with its deterministic fact_id."""
    rows = sorted(rows, key=lambda r: (r["char_start"], r["char_end"]))
    seen_spans: dict[tuple[int, int], int] = {}
    version = ext.version
    for row in rows:
        start, end = row["char_start"], row["char_end"]
        ordinal = seen_spans.get((start, end), 0)
        seen_spans[(start, end)] = ordinal + 1
        sentence = doc.sentence_at(start)
        row["fact_id"] = fact_id(ext.name, doc.doc_id, start, end, ordinal)
        row["doc_id"] = doc.doc_id
        row["sentence_no"] = sentence.no
        row["mention"] = doc.text[start:end]
        row["sentence"] = sentence.text
        row["extractor_version"] = version
    return rows


def extract_document(doc: Document, only: tuple[str, ...] | None = None) -> dict[str, list[dict]]:
    """Rows of every fact table (or of the tables in `only`) for one document."""
    out: dict[str, list[dict]] = {}
    for ext in registry():
        if only is not None and ext.name not in only:
            continue
        out[ext.name] = finish_rows(ext, doc, ext.extract(doc)) if doc.text else []
    return out
