"""What the warehouse holds and how fresh it is: the last runs, the rows per table, the newest document.

Plain queries on an open DuckDB connection (read-only is enough). `newsfacts status` prints them
(flows/status.py) and the run report shows them (transforms/report.py). A relation that does not exist yet
(a warehouse before its first run) reads as empty, never as an error.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from transforms.contract import all_tables
from transforms.warehouse import sql_identifier

RUNS_SHOWN = 10


@dataclass(frozen=True)
class RunRecord:
    """One row of pipeline_runs, with details_json parsed."""

    run_id: str
    command: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    documents_seen: int
    documents_new: int
    documents_skipped: int
    inputs_rejected: int
    facts_published: int
    facts_quarantined: int
    validation_success: bool | None
    model_tests_failed: int | None
    message: str | None
    details: dict = field(default_factory=dict)

    @property
    def seconds(self) -> float | None:
        """Wall-clock duration of the run, when it finished."""
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


@dataclass(frozen=True)
class Freshness:
    """How many documents there are and how recent the newest one is."""

    documents: int
    newest_ingested_at: dt.datetime | None
    newest_published_date: dt.date | None
    undated: int


def relations(con) -> frozenset[str]:
    """Names of the tables and views in the warehouse."""
    names = con.sql("select table_name from information_schema.tables").fetchall()
    return frozenset(name for (name,) in names)


def rows(con, sql: str, params: Sequence = ()) -> list[dict]:
    """The result of a query as one dict per row."""
    result = con.execute(sql, list(params))
    columns = [column[0] for column in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def utc(value: dt.datetime | None) -> dt.datetime | None:
    """The same instant in UTC (DuckDB returns TIMESTAMPTZ in the session's time zone)."""
    return value.astimezone(dt.UTC) if value is not None else None


def recent_runs(con, limit: int = RUNS_SHOWN) -> list[RunRecord]:
    """The last `limit` runs from pipeline_runs, newest first."""
    if "pipeline_runs" not in relations(con):
        return []
    records = rows(con, "select * from pipeline_runs order by started_at desc, run_id desc limit ?", [limit])
    return [_run_record(record) for record in records]


def _run_record(record: dict) -> RunRecord:
    try:
        details = json.loads(record.get("details_json") or "{}")
    except ValueError:  # a record is still worth showing when its details are unreadable
        details = {}
    return RunRecord(
        run_id=record["run_id"], command=record["command"], started_at=utc(record["started_at"]),
        finished_at=utc(record["finished_at"]), status=record["status"],
        documents_seen=record["documents_seen"], documents_new=record["documents_new"],
        documents_skipped=record["documents_skipped"], inputs_rejected=record["inputs_rejected"],
        facts_published=record["facts_published"], facts_quarantined=record["facts_quarantined"],
        validation_success=record["validation_success"], model_tests_failed=record["model_tests_failed"],
        message=record["message"], details=details if isinstance(details, dict) else {},
    )


def row_counts(con) -> dict[str, int]:
    """Rows per lake table (contract order), then per materialised model (marts), of those that exist."""
    present = relations(con)
    lake_tables = [table.name for table in all_tables() if table.name in present]
    models = sorted(name for (name,) in con.sql(
        "select table_name from information_schema.tables where table_type = 'BASE TABLE'").fetchall())
    counts = {}
    for name in lake_tables + [name for name in models if name not in lake_tables]:
        counts[name] = con.sql(f"select count(*) from {sql_identifier(name)}").fetchall()[0][0]
    return counts


def outdated_facts(con) -> dict[str, dict[str, int]]:
    """Per fact table, the rows an older version of its extractor produced, by that version: an incremental
    run extracts only new documents, so these stay until `newsfacts run --full-refresh` re-extracts them."""
    from transforms.extract import registry

    present = relations(con)
    outdated: dict[str, dict[str, int]] = {}
    for ext in registry():
        if ext.name not in present:
            continue
        found = con.execute(f"select extractor_version, count(*) from {sql_identifier(ext.name)} "
                            "where extractor_version <> ? group by 1 order by 1", [ext.version]).fetchall()
        if found:
            outdated[ext.name] = dict(found)
    return outdated


def freshness(con) -> Freshness:
    """The number of documents, the newest ingestion time and publication date, and how many are undated."""
    if "documents" not in relations(con):
        return Freshness(documents=0, newest_ingested_at=None, newest_published_date=None, undated=0)
    documents, newest_ingested, newest_published, undated = con.sql("""
        select count(*), max(ingested_at), max(published_date), count(*) filter (where published_date is null)
        from documents""").fetchall()[0]
    return Freshness(documents=documents, newest_ingested_at=utc(newest_ingested),
                     newest_published_date=newest_published, undated=undated)


def ago(then: dt.datetime | dt.date | None, now: dt.datetime) -> str:
    """How long before `now` a time (or a day) was, in words: '3 h 5 min ago', '12 days ago'."""
    if then is None:
        return "never"
    if not isinstance(then, dt.datetime):
        days = (now.date() - then).days
        if days < 0:
            return f"in {-days} day{'s' if days != -1 else ''}"
        return "today" if days == 0 else ("yesterday" if days == 1 else f"{days} days ago")
    seconds = (now - then).total_seconds()
    if seconds < 0:
        return "in the future"
    if seconds < 60:
        return "just now"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min ago"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min ago"
    return f"{hours // 24} days ago"


def duration(seconds: float | None) -> str:
    """A duration in words: '4.2 s', '3 min 12 s'."""
    if seconds is None:
        return "—"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes} min {rest} s"
