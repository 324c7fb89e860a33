"""The fast path of `newsfacts run` when the input folder holds nothing new: no Prefect, no Great Expectations.

A scheduled run every 15 minutes usually finds nothing. Checking that costs a folder listing and the
lake's small id columns; starting Prefect's server and importing Great Expectations would cost ten
seconds or more. When every file is unchanged since a run read it in full, and every refused input is
already recorded, the run only appends its `pipeline_runs` row (documents_new = 0) and exits.
"""

from __future__ import annotations

import datetime as dt

from flows.settings import Settings
from transforms.contract import INGEST_ERRORS, PIPELINE_RUNS, SOURCE_FILES
from transforms.ingest import discover
from transforms.lake import Lake, new_run_id
from transforms.processing import RunSummary, known_values, models_out_of_date, unread_sources
from transforms.warehouse import refresh_views


def idle_run(settings: Settings) -> RunSummary | None:
    """Record and return a run that found nothing new; None when there is work (or no lake yet)."""
    settings = settings.resolved()
    if settings.full_refresh or not settings.db_path.exists():
        return None
    lake = Lake(settings.lake_dir)
    if not lake.exists():
        return None
    started = dt.datetime.now(dt.UTC)
    discovery = discover(settings.input_dir)
    if unread_sources(discovery.files, known_values(lake, SOURCE_FILES, "source_version_id")):
        return None
    known_errors = known_values(lake, INGEST_ERRORS, "error_id")
    if any(error.error_id not in known_errors for error in discovery.errors):
        return None
    if models_out_of_date(lake):  # a run died before its models: the flow rebuilds them
        return None
    summary = RunSummary(run_id=new_run_id(), started_at=started, files_unchanged=len(discovery.files),
                         errors=list(discovery.errors), inputs_rejected=len(discovery.errors),
                         message="nothing new: every input file is unchanged since it was read")
    summary.status = "completed_with_rejections" if discovery.errors else "completed"
    summary.add_time("discover", (dt.datetime.now(dt.UTC) - started).total_seconds())
    with lake.writer(run_id=summary.run_id, wait_seconds=settings.lock_wait_seconds) as writer:
        summary.finished_at = dt.datetime.now(dt.UTC)
        writer.write(PIPELINE_RUNS, summary.run_table())
        writer.commit()
        refresh_views(settings.db_path, lake, [PIPELINE_RUNS])  # under the lock, like every refresh
    _write_report(settings)
    return summary


def _write_report(settings: Settings) -> None:
    from transforms.report import write_report

    docs_index = settings.docs_dir / "index.html"
    try:
        write_report(settings.db_path, settings.report_dir, docs_index if docs_index.exists() else None)
    except Exception as exc:  # the run is recorded; a report that cannot be drawn must not fail it
        print(f"newsfacts: warning: could not write the run report: {exc}")

