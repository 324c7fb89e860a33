"""The newsfacts Prefect flow: discover -> ingest -> extract -> publish -> refresh the warehouse.

Tasks run once per batch of thousands of documents (a Prefect task call costs milliseconds), and
call the pure functions of `transforms`; the flow itself only sequences them.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.settings import Settings
from transforms.contract import DOCUMENTS, INGEST_ERRORS, all_tables
from transforms.documents import Document
from transforms.ingest import Discovery, ManifestEntry, SourceFile, discover
from transforms.lake import Lake, RunWriter, new_run_id
from transforms.processing import (
    IngestedBatch,
    RunSummary,
    batches,
    documents_table,
    errors_table,
    extract_batch,
    fact_tables,
    ingest_batch,
)
from transforms.warehouse import refresh_views

Progress = Callable[[str, int, int], None]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@contextmanager
def _timed(summary: RunSummary, step: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        summary.add_time(step, time.perf_counter() - started)


@task(name="discover", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def discover_inputs(input_dir: Path) -> Discovery:
    """Every input file under the folder, with the manifests' metadata."""
    found = discover(input_dir)
    get_run_logger().info("discovered %d input files (%d refused) in %s", len(found.files), len(found.errors),
                          input_dir)
    return found


@task(name="ingest", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def ingest(sources: Sequence[SourceFile], manifest: dict[str, ManifestEntry], known_ids: set[str],
           ingested_at: dt.datetime, max_bytes: int) -> IngestedBatch:
    """New documents of one batch of files (already known texts skipped)."""
    batch = ingest_batch(sources, manifest, known_ids, ingested_at, max_bytes)
    get_run_logger().info("ingested %d files: %d documents, %d new, %d already known, %d rejected",
                          len(sources), batch.seen, len(batch.documents), batch.skipped, len(batch.errors))
    return batch


@task(name="extract", cache_policy=NO_CACHE)
def extract(docs: Sequence[Document]) -> dict[str, list[dict]]:
    """Fact rows of every table for one batch of documents."""
    rows = extract_batch(docs)
    get_run_logger().info("extracted from %d documents: %s", len(docs),
                          ", ".join(f"{len(r)} {t}" for t, r in rows.items()))
    return rows


@task(name="stage", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def stage(writer: RunWriter, docs: Sequence[Document], rows: dict[str, list[dict]]) -> dict[str, int]:
    """Write one batch's documents and facts as staged Parquet files (invisible until the commit)."""
    counts = {}
    if docs:
        writer.write(DOCUMENTS, documents_table(docs))
        counts[DOCUMENTS.name] = len(docs)
    for table in fact_tables():
        table_rows = rows.get(table.name, [])
        if table_rows:
            writer.write(table, table.to_arrow(table_rows))
        counts[table.name] = len(table_rows)
    return counts


@task(name="publish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def publish(writer: RunWriter) -> int:
    """Commit the run: every staged file becomes visible at once. Returns the lake version."""
    writer.ensure_tables(all_tables())
    version = writer.commit()
    get_run_logger().info("published run %s as lake version %d: %s", writer.run_id, version, writer.rows)
    return version


@task(name="refresh-warehouse", cache_policy=NO_CACHE, retries=3, retry_delay_seconds=2)
def refresh_warehouse(db_path: Path, lake: Lake) -> list[str]:
    """Point the warehouse views at the newly committed files."""
    views = refresh_views(db_path, lake, all_tables())
    get_run_logger().info("refreshed %d views in %s", len(views), db_path)
    return views


def _known(lake: Lake, table, column: str) -> set[str]:
    return set(lake.read(table, columns=[column]).column(column).to_pylist())


def _process(writer: RunWriter, summary: RunSummary, docs: Sequence[Document]) -> None:
    with _timed(summary, "extract"):
        rows = extract(docs)
    with _timed(summary, "stage"):
        counts = stage(writer, docs, rows)
    for table, count in counts.items():
        summary.add_rows(table, count)


def _refresh_from_stored(lake: Lake, writer: RunWriter, summary: RunSummary, settings: Settings,
                         progress: Progress | None) -> None:
    """Full refresh: re-extract every stored document; its files replace the documents and fact tables."""
    total = lake.count(DOCUMENTS.name)
    done = 0
    for batch in lake.iter_batches(DOCUMENTS, batch_size=settings.batch_size):
        docs = [Document.from_row(row) for row in batch.to_pylist()]
        _process(writer, summary, docs)
        done += len(docs)
        if progress:
            progress("re-extract stored", done, total)
    writer.replace(DOCUMENTS)
    for table in fact_tables():
        writer.replace(table)


@flow(name="newsfacts-pipeline", log_prints=False)
def pipeline(settings: Settings, progress: Progress | None = None) -> RunSummary:
    """Ingest new articles from the input folder, extract their facts, publish them and refresh the warehouse."""
    settings = settings.resolved()
    lake = Lake(settings.lake_dir)
    started = _utcnow()
    summary = RunSummary(run_id=new_run_id(), started_at=started, full_refresh=settings.full_refresh)
    with lake.writer(run_id=summary.run_id, wait_seconds=settings.lock_wait_seconds) as writer:
        with _timed(summary, "discover"):
            discovery = discover_inputs(settings.input_dir)
        known_ids = _known(lake, DOCUMENTS, "doc_id")
        known_errors = _known(lake, INGEST_ERRORS, "error_id")
        if settings.full_refresh:
            _refresh_from_stored(lake, writer, summary, settings, progress)
        errors = list(discovery.errors)
        done = 0
        for sources in batches(discovery.files, settings.batch_size):
            with _timed(summary, "ingest"):
                batch = ingest(sources, discovery.manifest, known_ids, started, settings.max_file_bytes)
            summary.documents_seen += batch.seen
            summary.documents_skipped += batch.skipped
            summary.documents_new += len(batch.documents)
            errors.extend(batch.errors)
            if batch.documents:
                _process(writer, summary, batch.documents)
            done += len(sources)
            if progress:
                progress("ingest + extract", done, len(discovery.files))
        summary.errors = errors
        summary.inputs_rejected = len(errors)
        new_errors = [e for e in {e.error_id: e for e in errors}.values() if e.error_id not in known_errors]
        if new_errors:
            writer.write(INGEST_ERRORS, errors_table(new_errors, summary.run_id, started))
        summary.add_rows(INGEST_ERRORS.name, len(new_errors))
        with _timed(summary, "publish"):
            publish(writer)
        with _timed(summary, "warehouse"):
            refresh_warehouse(settings.db_path, lake)
    summary.finished_at = _utcnow()
    summary.status = "completed"
    return summary
