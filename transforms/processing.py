"""The pure steps of a run, one batch of documents at a time: ingest, extract, and the run's summary."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass, field

import pyarrow as pa

from transforms.contract import (
    INGEST_ERRORS,
    PIPELINE_RUNS,
    REJECTED_FACTS,
    SOURCE_FILES,
    Table,
    source_version_id,
)
from transforms.documents import Document
from transforms.extract import extract_documents, registry
from transforms.ingest import DEFAULT_MAX_FILE_BYTES, IngestError, ManifestEntry, SourceFile, read_source

DEFAULT_BATCH_SIZE = 2000
# Documents validated together: a suite run costs seconds whatever its size, and ~80 kB of memory per document
DEFAULT_VALIDATION_BATCH = 5_000
# Reasons that depend only on a file's bytes: the same version of the file would be refused again. Other
# reasons (unreadable, too_large, vanished) depend on permissions or settings, so such files are retried.
CONTENT_REASONS = frozenset({"empty", "binary", "undecodable", "unsupported_encoding", "malformed_json",
                             "missing_text", "manifest_error"})


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
    # source_files rows of the files read to the end (refused, if at all, only for their content): the next
    # run need not read them again
    sources_read: list[dict] = field(default_factory=list)


def version_id(source: SourceFile) -> str:
    return source_version_id(source.name, source.size, source.mtime_ns)


def known_values(lake, table: Table, column: str) -> set:
    """Every value of one column of a committed lake table (ids that a run must not add again)."""
    return set(lake.read(table, columns=[column]).column(column).to_pylist())


def models_out_of_date(lake) -> bool:
    """Whether data was committed after the last run that built the SQL models.

    A run records itself (with its model tests) only after its models are built; one killed or failing
    in between leaves newer data than any run with models. The next run must then rebuild them, even
    when it finds nothing new.
    """
    data_runs = [run for run in known_values(lake, SOURCE_FILES, "run_id") if run]
    if not data_runs:
        return False
    runs = lake.read(PIPELINE_RUNS, columns=["run_id", "model_tests_failed"]).to_pylist()
    built = [row["run_id"] for row in runs if row["model_tests_failed"] is not None]
    return not built or max(data_runs) > max(built)


def unread_sources(sources: Sequence[SourceFile], known_versions: set[str]) -> list[SourceFile]:
    """The files that changed (or are new) since a run last read them in full."""
    return [source for source in sources if version_id(source) not in known_versions]


def ingest_batch(sources: Sequence[SourceFile], manifest: dict[str, ManifestEntry], known_ids: set[str],
                 ingested_at: dt.datetime, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> IngestedBatch:
    """Read and normalise a batch of files; a text already in `known_ids` (or earlier in the batch) is skipped.

    `known_ids` is updated with the new documents' ids.
    """
    result = IngestedBatch()
    for source in sources:
        docs, errors = read_source(source, manifest, max_bytes)
        result.errors.extend(errors)
        if all(error.reason in CONTENT_REASONS for error in errors):
            result.sources_read.append({
                "source_version_id": version_id(source), "source_name": source.name, "size_bytes": source.size,
                "mtime_ns": source.mtime_ns, "documents": len(docs), "inputs_rejected": len(errors),
                "read_at": ingested_at})
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
    return extract_documents(docs)


def read_and_extract(sources: Sequence[SourceFile], manifest: dict[str, ManifestEntry], known_ids: Set[str],
                     ingested_at: dt.datetime, max_bytes: int = DEFAULT_MAX_FILE_BYTES
                     ) -> tuple[IngestedBatch, dict[str, list[dict]], dict[str, float]]:
    """Read one batch of files (texts in `known_ids` skipped) and extract the facts of its new documents:
    the batch, its fact rows and the seconds each step took. What a worker process runs (no Prefect in it)."""
    started = time.perf_counter()
    batch = ingest_batch(sources, manifest, set(known_ids), ingested_at, max_bytes)
    read = time.perf_counter()
    rows = extract_batch(batch.documents)
    return batch, rows, {"ingest": read - started, "extract": time.perf_counter() - read}


def extract_stored(docs: Sequence[Document]) -> tuple[IngestedBatch, dict[str, list[dict]], dict[str, float]]:
    """The facts of a batch of stored documents (a full refresh), in read_and_extract's form."""
    started = time.perf_counter()
    rows = extract_batch(docs)
    return IngestedBatch(documents=list(docs)), rows, {"extract": time.perf_counter() - started}


def sources_table(rows: list[dict], run_id: str) -> pa.Table:
    return SOURCE_FILES.to_arrow([{**row, "run_id": run_id} for row in rows])


def rejected_table(rows: list[dict]) -> pa.Table:
    return REJECTED_FACTS.to_arrow(rows)


def errors_table(errors: Sequence[IngestError], run_id: str, recorded_at: dt.datetime) -> pa.Table:
    return INGEST_ERRORS.to_arrow([
        {"error_id": e.error_id, "source_name": e.source_name, "reason": e.reason, "detail": e.detail,
         "first_seen_at": recorded_at, "run_id": run_id}
        for e in errors
    ])


def rejected_rows(table_name: str, rejections: Sequence, run_id: str, rejected_at: dt.datetime) -> list[dict]:
    """rejected_facts rows for quarantined rows (each with .row_json, .row and .failed)."""
    out = []
    for rejection in rejections:
        row_json = rejection.row_json
        out.append({
            "rejection_id": hashlib.sha256(f"{table_name}|{row_json}".encode()).hexdigest()[:32],
            "table_name": table_name,
            "fact_id": _as_text(rejection.row.get("fact_id", rejection.row.get("doc_id"))),
            "doc_id": _as_text(rejection.row.get("doc_id")),
            "row_json": row_json,
            "failed_expectations": ", ".join(rejection.failed),
            "run_id": run_id,
            "rejected_at": rejected_at,
        })
    return out


def _as_text(value) -> str | None:
    return None if value is None else str(value)


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
    files_unchanged: int = 0
    inputs_rejected: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: list[IngestError] = field(default_factory=list)
    full_refresh: bool = False
    message: str = ""
    command: str = "run"
    flow_run_id: str | None = None
    quarantined: dict[str, int] = field(default_factory=dict)
    suite_success: dict[str, bool] = field(default_factory=dict)
    model_tests: dict[str, str] = field(default_factory=dict)
    data_docs: str | None = None

    def add_time(self, step: str, seconds: float) -> None:
        self.seconds[step] = self.seconds.get(step, 0.0) + seconds

    def add_rows(self, table: str, count: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + count

    def add_validation(self, table: str, published: int, quarantined: int, success: bool) -> None:
        self.add_rows(table, published)
        self.quarantined[table] = self.quarantined.get(table, 0) + quarantined
        self.suite_success[table] = self.suite_success.get(table, True) and success

    @property
    def facts_published(self) -> int:
        return sum(n for t, n in self.rows.items() if t in {ft.name for ft in fact_tables()})

    @property
    def facts_quarantined(self) -> int:
        return sum(self.quarantined.values())

    def run_row(self) -> dict:
        """This run as a pipeline_runs row."""
        failed_tests = sum(1 for status in self.model_tests.values() if status != "pass")
        return {
            "run_id": self.run_id,
            "flow_run_id": self.flow_run_id,
            "command": self.command + (" --full-refresh" if self.full_refresh else ""),
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "status": self.status,
            "documents_seen": self.documents_seen,
            "documents_new": self.documents_new,
            "documents_skipped": self.documents_skipped,
            "inputs_rejected": self.inputs_rejected,
            "facts_published": self.facts_published,
            "facts_quarantined": self.facts_quarantined,
            "validation_success": all(self.suite_success.values()) if self.suite_success else None,
            "model_tests_failed": failed_tests if self.model_tests else None,
            "details_json": json.dumps({
                "rows_published": self.rows, "files_unchanged": self.files_unchanged,
                "rows_quarantined": self.quarantined,
                "suite_success": self.suite_success, "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
                "model_tests": self.model_tests, "data_docs": self.data_docs,
            }, sort_keys=True),
            "message": self.message or None,
        }

    def run_table(self) -> pa.Table:
        return PIPELINE_RUNS.to_arrow([self.run_row()])

    @property
    def total_seconds(self) -> float:
        if self.finished_at is None:
            return 0.0
        return (self.finished_at - self.started_at).total_seconds()
