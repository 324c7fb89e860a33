"""The pure steps of a run, one batch of documents at a time: ingest, extract, and the run's summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from transforms.contract import DOCUMENTS, INGEST_ERRORS, Table
from transforms.documents import Document
from transforms.extract import extract_document, registry
from transforms.ingest import DEFAULT_MAX_FILE_BYTES, IngestError, ManifestEntry, SourceFile, read_source

DEFAULT_BATCH_SIZE = 2000


def batches(items: Sequence, size: int) -> Iterator[Sequence]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class IngestedBatch:
    """What one batch of input files gave: new documents, rejected inputs, and documents already known."""

    documents: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    seen: int = 0
    skipped: int = 0


def ingest_batch(sources: Sequence[SourceFile], manifest: dict[str, ManifestEntry], known_ids: set[str],
                 ingested_at: dt.datetime, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> IngestedBatch:
    """Read and normalise a batch of files; a text already in `known_ids` (or earlier in the batch) is skipped.

    `known_ids` is updated with the new documents' ids.
    """
    result = IngestedBatch()
    for source in sources:
        docs, errors = read_source(source, manifest, max_bytes)
        result.errors.extend(errors)
        for doc in docs:
            result.seen += 1
            if doc.doc_id in known_ids:
                result.skipped += 1
                continue
            known_ids.add(doc.doc_id)
            doc.ingested_at = ingested_at
            result.documents.append(doc)
    return result


def extract_batch(docs: Sequence[Document]) -> dict[str, list[dict]]:
    """Fact rows of every table for a batch of documents."""
    rows: dict[str, list[dict]] = {ext.name: [] for ext in registry()}
    for doc in docs:
        for table, table_rows in extract_document(doc).items():
            rows[table].extend(table_rows)
    return rows


def documents_table(docs: Sequence[Document]) -> pa.Table:
    return DOCUMENTS.to_arrow([doc.as_row() for doc in docs])


def errors_table(errors: Sequence[IngestError], run_id: str, recorded_at: dt.datetime) -> pa.Table:
    return INGEST_ERRORS.to_arrow([
        {"error_id": e.error_id, "source_name": e.source_name, "reason": e.reason, "detail": e.detail,
         "first_seen_at": recorded_at, "run_id": run_id}
        for e in errors
    ])


def fact_tables() -> list[Table]:
    return [ext.table for ext in registry()]


@dataclass
class RunSummary:
    """What a run did, for the CLI's summary table and the pipeline_runs table."""

    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    status: str = "running"
    documents_seen: int = 0
    documents_new: int = 0
    documents_skipped: int = 0
    inputs_rejected: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: list[IngestError] = field(default_factory=list)
    full_refresh: bool = False
    message: str = ""

    def add_time(self, step: str, seconds: float) -> None:
        self.seconds[step] = self.seconds.get(step, 0.0) + seconds

    def add_rows(self, table: str, count: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + count

    @property
    def total_seconds(self) -> float:
        if self.finished_at is None:
            return 0.0
        return (self.finished_at - self.started_at).total_seconds()
