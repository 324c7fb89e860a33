"""The newsfacts Prefect flow: discover -> ingest -> extract -> publish -> refresh the warehouse.

Tasks run once per batch of thousands of documents (a Prefect task call costs milliseconds), and
call the pure functions of `transforms`; the flow itself only sequences them. Batch-sized arguments are
wrapped in a `Payload` (the flow's own handles, such as the validator, in `quote()`): otherwise
Prefect walks every element of them looking for futures, which costs seconds per batch. Batch-sized
results come back in a `Payload` too, emptied once the flow has taken them: Prefect keeps the last
result of a task (in its transaction) until the flow ends.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows.settings import Settings
from transforms.contract import (
    DOCUMENTS,
    INGEST_ERRORS,
    PIPELINE_RUNS,
    REJECTED_FACTS,
    SOURCE_FILES,
    all_tables,
)
from transforms.documents import Document
from transforms.ingest import Discovery, discover
from transforms.lake import Lake, LakeBusy, RunWriter, new_run_id
from transforms.processing import (
    RunSummary,
    batches,
    errors_table,
    extract_stored,
    fact_tables,
    known_values,
    models_out_of_date,
    read_and_extract,
    rejected_rows,
    rejected_table,
    sources_table,
    unread_sources,
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


class Payload:
    """A batch-sized task argument or result handed over as it is.

    Prefect walks plain collections given to a task looking for futures (seconds per batch); it leaves an
    object like this alone. Unlike prefect's quote(), every task runner delivers it unchanged (Dask's
    turns a quote into a tuple).
    """

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def release(self) -> None:
        """Let go of the value once the task has run: Prefect keeps the parameters of a task run that the
        flow called itself (all of a run's documents, 80 kB each with their rows, at the end of the run)."""
        self.value = None

    def take(self):
        """The value, released: what a task returned in a Payload, taken once by the flow."""
        value, self.value = self.value, None
        return value


@contextmanager
def _handed_over(*values):
    """Payloads of `values` for one task call, released when it returns."""
    payloads = [Payload(value) for value in values]
    try:
        yield payloads
    finally:
        for payload in payloads:
            payload.release()


@task(name="ingest-extract", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def ingest_and_extract(sources: Payload, manifest: Payload, known_ids: Payload, ingested_at: dt.datetime,
                       max_bytes: int, pool: Executor | None = None) -> Payload:
    """Read one batch of files (texts in `known_ids` skipped) and extract the facts of its new documents.

    Both steps run in a worker process of `pool` (or where the task runs: a Dask worker, or the flow's
    process), so that reading and normalising the text is parallel too. Returns (in a Payload) the batch,
    its fact rows and the seconds each step took.
    """
    batch, rows, seconds = _run_in(pool, read_and_extract, sources.value, manifest.value, known_ids.value,
                                   ingested_at, max_bytes)
    get_run_logger().info("read %d files: %d documents, %d new, %d already known, %d rejected; extracted %s",
                          len(sources.value), batch.seen, len(batch.documents), batch.skipped, len(batch.errors),
                          ", ".join(f"{len(r)} {t}" for t, r in rows.items()))
    return Payload((batch, rows, seconds))


@task(name="extract", cache_policy=NO_CACHE)
def extract(docs: Payload, pool: Executor | None = None) -> Payload:
    """Fact rows of every table for one batch of stored documents (a full refresh), in a Payload shaped like
    ingest_and_extract's."""
    batch, rows, seconds = _run_in(pool, extract_stored, docs.value)
    get_run_logger().info("extracted from %d documents: %s", len(batch.documents),
                          ", ".join(f"{len(r)} {t}" for t, r in rows.items()))
    return Payload((batch, rows, seconds))


def _run_in(pool: Executor | None, function, *args):
    """`function(*args)` in a worker process of `pool`, or here when there is none."""
    return function(*args) if pool is None else pool.submit(function, *args).result()


@task(name="validate", cache_policy=NO_CACHE)
def validate(validator, docs: Payload, rows: Payload, run_id: str, started: dt.datetime) -> Payload:
    """Check one batch against the expectation suites: (rows to publish, rejected_facts rows, counts per
    table), in a Payload.

    Raises ValidationError when a table-level expectation fails (nothing of the run is published then).
    """
    from expectations.derived import DocumentFacts
    from expectations.validate import ValidationError

    docs: Sequence[Document] = docs.value
    rows: dict[str, list[dict]] = rows.value
    publish_rows: dict[str, list[dict]] = {}
    quarantine: list[dict] = []
    counts: dict[str, tuple[int, int, bool]] = {}
    document_outcome = validator.validate(DOCUMENTS, [doc.as_row() for doc in docs])
    outcomes = [document_outcome]
    if not document_outcome.table_failures:
        kept = {row["doc_id"] for row in document_outcome.good}
        facts = {doc.doc_id: DocumentFacts(doc.text, doc.published_date) for doc in docs if doc.doc_id in kept}
        outcomes += [validator.validate(table, rows.get(table.name, []), facts) for table in fact_tables()]
    failures = [f"{o.table}: {failure}" for o in outcomes for failure in o.table_failures]
    if failures:
        raise ValidationError("table-level expectations failed, nothing was published: " + "; ".join(failures))
    for outcome in outcomes:
        publish_rows[outcome.table] = outcome.good
        quarantine.extend(rejected_rows(outcome.table, outcome.rejected, run_id, started))
        counts[outcome.table] = (len(outcome.good), len(outcome.rejected), outcome.success)
    quarantined = sum(n for _, n, _ in counts.values())
    logger = get_run_logger()
    logger.info("validated %d documents: %d rows to publish, %d quarantined", len(docs),
                sum(g for g, _, _ in counts.values()), quarantined)
    if quarantined:
        logger.warning("quarantined %s", ", ".join(f"{n} {t}" for t, (_, n, _) in counts.items() if n))
    return Payload((publish_rows, quarantine, counts))


@task(name="stage", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def stage(writer: RunWriter, rows: Payload, quarantine: Payload) -> None:
    """Write one batch's validated documents and facts as staged Parquet files (invisible until the commit)."""
    rows, quarantine = rows.value, quarantine.value
    for table in [DOCUMENTS, *fact_tables()]:
        table_rows = rows.get(table.name, [])
        if table_rows:
            writer.write(table, table.to_arrow(table_rows))
    if quarantine:
        writer.write(REJECTED_FACTS, rejected_table(quarantine))


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


@task(name="build-models", cache_policy=NO_CACHE)
def build_models(db_path: Path, marts_dir: Path):
    """Build the SQL models in dependency order, run their data tests, export the marts to Parquet."""
    from transforms.sql_models import build_all
    from transforms.warehouse import PIPELINE_MEMORY_LIMIT, PIPELINE_THREADS, connect

    con = connect(db_path, memory_limit=PIPELINE_MEMORY_LIMIT, threads=PIPELINE_THREADS)
    try:
        result = build_all(con, {table.name for table in all_tables()}, marts_dir)
    finally:
        con.close()
    failed = [t for t in result.tests if not t.passed]
    logger = get_run_logger()
    logger.info("built %d models, %d data tests (%d failed), exported %d marts", len(result.built),
                len(result.tests), len(failed), len(result.exported))
    for test in failed:
        logger.warning("data test %s.%s: %s", test.model, test.test, test.status)
    return result


@task(name="write-report", cache_policy=NO_CACHE)
def write_run_report(db_path: Path, report_dir: Path, data_docs_index: Path | None) -> Path:
    """The static HTML run report (data/report/index.html), from the marts and pipeline_runs."""
    from transforms.report import write_report

    return write_report(db_path, report_dir, data_docs_index)


class _Batches:
    """Batches handed to the task runner, then validated and staged in the flow's process, in order.

    At most `workers` batches are in the workers at once; finished ones are validated together once they
    hold `validation_batch` documents (a suite run has a fixed cost of seconds), so memory holds the
    documents of a few batches, never of the whole run. The validator is created with the first batch: a
    run that finds nothing new never imports Great Expectations.
    """

    def __init__(self, workers: _Workers | None, writer: RunWriter, summary: RunSummary, settings: Settings,
                 known_ids: set[str], known_rejections: set[str], progress: Progress | None, label: str, total: int):
        self.workers = workers  # None: batches run in the flow's process
        self.writer, self.summary, self.settings = writer, summary, settings
        self.known_ids, self.known_rejections = known_ids, known_rejections
        self.progress, self.label, self.total = progress, label, total
        self.pending: deque = deque()
        self.docs: list[Document] = []
        self.rows: dict[str, list[dict]] = {}
        self.errors: list = []
        # source_files rows as Arrow tables: a run's 100k small dicts would stay in the heap to the end
        self.sources_read: list = []
        self.validator = None
        self.done = 0

    def submit(self, task, inputs: int, **parameters) -> None:
        """Run `task(**parameters)` (a task returning a Payload of (IngestedBatch, rows, seconds)) for a batch of
        `inputs` items."""
        wrapped = {name: Payload(value) if isinstance(value, (list, dict, set, frozenset, tuple)) else value
                   for name, value in parameters.items()}
        payloads = [value for value in wrapped.values() if isinstance(value, Payload)]
        if self.workers is None:
            future = _Done(task(**wrapped))
        else:
            if self.workers.pool is not None:
                wrapped["pool"] = quote(self.workers.pool)
            future = self.workers.task_runner.submit(task, parameters=wrapped)
        self.pending.append((inputs, payloads, future))
        while len(self.pending) > self.settings.workers:
            self._collect()

    def drain(self) -> None:
        while self.pending:
            self._collect()
        if self.docs:
            self._validate_and_stage()

    def _collect(self) -> None:
        inputs, payloads, future = self.pending.popleft()
        summary = self.summary
        with _timed(summary, "wait for workers"):
            batch, rows, seconds = future.result().take()
        for payload in payloads:
            payload.release()
        for step, spent in seconds.items():
            summary.add_time(step, spent)
        summary.documents_seen += batch.seen
        summary.documents_skipped += batch.skipped
        self.errors.extend(batch.errors)
        if batch.sources_read:
            self.sources_read.append(sources_table(batch.sources_read, summary.run_id))
        # a text read twice in one run (two files, two batches) is kept once: its first reading wins
        duplicates = {doc.doc_id for doc in batch.documents if doc.doc_id in self.known_ids}
        summary.documents_skipped += len(duplicates)
        for doc in batch.documents:
            if doc.doc_id not in duplicates:
                self.known_ids.add(doc.doc_id)
                self.docs.append(doc)
        for table, table_rows in rows.items():
            kept = [row for row in table_rows if row["doc_id"] not in duplicates] if duplicates else table_rows
            self.rows.setdefault(table, []).extend(kept)
        self.done += inputs
        if self.progress:
            self.progress(self.label, self.done, self.total)
        if len(self.docs) >= self.settings.validation_batch:
            self._validate_and_stage()

    def _validate_and_stage(self) -> None:
        summary = self.summary
        docs, rows = self.docs, self.rows
        self.docs, self.rows = [], {}
        summary.documents_new += len(docs)
        if not docs:
            return
        if self.validator is None:
            with _timed(summary, "validate"):
                self.validator = _validator(self.settings)
        with _timed(summary, "validate"):
            with _handed_over(docs, rows) as (docs_arg, rows_arg):
                publish_rows, quarantine, counts = validate(quote(self.validator), docs_arg, rows_arg,
                                                            summary.run_id, summary.started_at).take()
        del docs, rows
        quarantine = [r for r in quarantine if r["rejection_id"] not in self.known_rejections]
        self.known_rejections.update(r["rejection_id"] for r in quarantine)
        with _timed(summary, "stage"):
            with _handed_over(publish_rows, quarantine) as (rows_arg, quarantine_arg):
                stage(quote(self.writer), rows_arg, quarantine_arg)
        for table, (published, quarantined, success) in counts.items():
            summary.add_validation(table, published, quarantined, success)
        summary.add_rows(REJECTED_FACTS.name, len(quarantine))


def _return_freed_memory() -> None:
    """Give the memory of the batches back to the system before DuckDB builds the models: CPython frees
    objects, but glibc keeps the freed pages of a large heap unless asked (malloc_trim)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the pages are reused, only later
        pass


class _Done:
    """The already computed result of a batch extracted in the flow's own process (a future's interface)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def _validator(settings: Settings):
    from expectations.rules import validated_tables
    from expectations.validate import SuiteValidator

    return SuiteValidator(validated_tables(), docs_dir=settings.docs_dir)


def _refresh_from_stored(workers: _Workers | None, lake: Lake, writer: RunWriter, summary: RunSummary,
                         settings: Settings, known_rejections: set[str], progress: Progress | None) -> None:
    """Full refresh: re-extract every stored document; its files replace the documents and fact tables."""
    stored = _Batches(workers, writer, summary, settings, set(), known_rejections, progress, "re-extract stored",
                      lake.count(DOCUMENTS.name))
    for batch in lake.iter_batches(DOCUMENTS, batch_size=settings.batch_size):
        docs = [Document.from_row(row) for row in batch.to_pylist()]
        stored.submit(extract, len(docs), docs=docs)
    stored.drain()
    summary.documents_new = 0  # re-extracted, not new
    writer.replace(DOCUMENTS)
    for table in fact_tables():
        writer.replace(table)
    writer.replace(SOURCE_FILES)  # the stored documents are all there is now; files are read again next time


@dataclass(frozen=True)
class _Workers:
    """Where batches are extracted: the Prefect task runner that runs the batch tasks, and on this machine
    the process pool that does their work (None on Dask, whose workers do it themselves)."""

    task_runner: object
    pool: Executor | None = None


@contextmanager
def _extraction_workers(settings: Settings, batches_to_run: int):
    """The workers that read and extract the batches, or None to run them in the flow's process.

    They live only while batches are extracted: the worker processes have exited before DuckDB builds the
    models, so their memory and DuckDB's never add up. One batch, or one worker, gains nothing from worker
    processes and would pay their start-up (a second or more).

    On this machine the batch tasks run in threads of the flow's process, each handing its batch to a
    plain process pool: a worker then imports only `transforms` (~125 MB), where one of Prefect's process
    pool imports Prefect and needs a Prefect API to report to (~270 MB, and a server of its own without one).
    """
    if settings.runner == "process" and (settings.workers <= 1 or batches_to_run <= 1):
        yield None
        return
    if settings.runner == "dask":
        with task_runner(settings) as runner:
            yield _Workers(runner)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    spawn = multiprocessing.get_context("spawn")  # fork would copy the flow's threads and its Prefect client
    with ProcessPoolExecutor(max_workers=settings.workers, mp_context=spawn) as pool, \
            task_runner(settings) as runner:
        yield _Workers(runner, pool)


def task_runner(settings: Settings):
    """The Prefect task runner of the batch tasks: threads handing batches to local worker processes, or a
    Dask cluster."""
    if settings.runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1,
                                              "processes": True})
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=settings.workers)


def run_pipeline(settings: Settings, progress: Progress | None = None) -> RunSummary:
    """The pipeline flow, with the workers its settings ask for."""
    return pipeline(settings, progress=progress)


@flow(name="newsfacts-pipeline", log_prints=False)
def pipeline(settings: Settings, progress: Progress | None = None) -> RunSummary:
    """Ingest new articles from the input folder, extract, validate and publish their facts, refresh the warehouse."""
    from prefect.runtime import flow_run

    settings = settings.resolved()
    lake = Lake(settings.lake_dir)
    summary = RunSummary(run_id=new_run_id(), started_at=_utcnow(), full_refresh=settings.full_refresh,
                         flow_run_id=str(flow_run.id) if flow_run.id else None)
    try:
        with lake.writer(run_id=summary.run_id, wait_seconds=settings.lock_wait_seconds) as writer:
            _run(lake, writer, summary, settings, progress)
    except LakeBusy:
        raise
    except Exception as exc:
        summary.status = "failed"
        summary.message = f"{type(exc).__name__}: {exc}"
        summary.finished_at = _utcnow()
        _record_failed_run(lake, settings, summary)
        raise
    return summary


def _run(lake: Lake, writer: RunWriter, summary: RunSummary, settings: Settings, progress: Progress | None) -> None:
    started = summary.started_at
    with _timed(summary, "discover"):
        discovery = discover_inputs(settings.input_dir)
    known_ids = known_values(lake, DOCUMENTS, "doc_id")
    known_errors = known_values(lake, INGEST_ERRORS, "error_id")
    known_rejections = known_values(lake, REJECTED_FACTS, "rejection_id")
    refreshing = settings.full_refresh
    if refreshing:
        unread = list(discovery.files)
    else:
        unread = unread_sources(discovery.files, known_values(lake, SOURCE_FILES, "source_version_id"))
    summary.files_unchanged = len(discovery.files) - len(unread)
    stored = lake.count(DOCUMENTS.name) if refreshing else 0
    batch_count = math.ceil(stored / settings.batch_size) + math.ceil(len(unread) / settings.batch_size)
    with _extraction_workers(settings, batch_count) as workers:
        if refreshing:
            _refresh_from_stored(workers, lake, writer, summary, settings, known_rejections, progress)
        new = _Batches(workers, writer, summary, settings, known_ids, known_rejections, progress, "ingest + extract",
                       len(unread))
        for sources in batches(unread, settings.batch_size):
            manifest = {source.name: discovery.manifest[source.name] for source in sources
                        if source.name in discovery.manifest}
            # a snapshot: the flow adds to known_ids while a worker thread hands this batch's to its process
            new.submit(ingest_and_extract, len(sources), sources=sources, manifest=manifest,
                       known_ids=frozenset(known_ids),
                       ingested_at=started, max_bytes=settings.max_file_bytes)
        new.drain()
    _return_freed_memory()
    errors = list(discovery.errors) + new.errors
    summary.errors = errors
    summary.inputs_rejected = len(errors)
    new_errors = [e for e in {e.error_id: e for e in errors}.values() if e.error_id not in known_errors]
    if new_errors:
        writer.write(INGEST_ERRORS, errors_table(new_errors, summary.run_id, started))
    summary.add_rows(INGEST_ERRORS.name, len(new_errors))
    if new.sources_read:
        writer.write(SOURCE_FILES, pa.concat_tables(new.sources_read))
    validator = new.validator
    if validator is not None:
        with _timed(summary, "validate"):
            docs_index = validator.build_docs()
        summary.data_docs = str(docs_index) if docs_index else None
    changed = bool(writer.rows) or refreshing or not settings.db_path.exists() or models_out_of_date(lake)
    with _timed(summary, "publish"):
        publish(writer)
    if changed:
        with _timed(summary, "warehouse"):
            refresh_warehouse(settings.db_path, lake)
        with _timed(summary, "models"):
            result = build_models(settings.db_path, settings.marts_dir)
        summary.model_tests = {f"{test.model}.{test.test}": test.status for test in result.tests}
    summary.status = "completed_with_rejections" if (errors or summary.facts_quarantined) else "completed"
    summary.finished_at = _utcnow()
    # The run's own record is a second, tiny commit: it can only be written once the models were tested.
    record = RunWriter(lake, summary.run_id + "-record")
    record.write(PIPELINE_RUNS, summary.run_table())
    record.commit()
    refresh_views(settings.db_path, lake, [PIPELINE_RUNS])
    try:
        write_run_report(settings.db_path, settings.report_dir, Path(summary.data_docs) if summary.data_docs else None)
    except Exception as exc:  # the run is published; a report that cannot be drawn must not fail it
        get_run_logger().warning("could not write the run report: %s", exc)


def _record_failed_run(lake: Lake, settings: Settings, summary: RunSummary) -> None:
    """Publish only the pipeline_runs row of a failed run, so that the failure is on record."""
    try:
        with lake.writer(run_id=summary.run_id + "-failed", wait_seconds=5) as writer:
            writer.write(PIPELINE_RUNS, summary.run_table())
            writer.ensure_tables(all_tables())
            writer.commit()
            refresh_views(settings.db_path, lake, all_tables())
    except Exception as exc:  # the original failure matters more than its record
        get_run_logger().error("could not record the failed run: %s", exc)
