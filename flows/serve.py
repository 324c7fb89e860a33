"""`newsfacts serve`: a Prefect deployment of the pipeline on a cron or interval schedule, served from this
process. Every scheduled run is an ordinary incremental run: files already read are skipped.

Without PREFECT_API_URL (environment or Prefect profile) a Prefect server is started for the duration
(flows.prefect_server), because the temporary server Prefect would otherwise start cannot schedule runs.
With it, that server (a team server or Prefect Cloud) is used and nothing is started.

Importing this module imports prefect: call flows.settings.configure_prefect_environment() first.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from prefect import flow

from flows.settings import RUNNERS, Settings
from transforms.ingest import DEFAULT_MAX_FILE_BYTES
from transforms.processing import DEFAULT_BATCH_SIZE

FLOW_NAME = "newsfacts-scheduled"
DEFAULT_DEPLOYMENT_NAME = "scheduled"
# A scheduled run waits this long for a manual `newsfacts run` that holds the lake before it gives up
# (the next tick tries again).
LOCK_WAIT_SECONDS = 60.0


@flow(name=FLOW_NAME, log_prints=False)
def scheduled_pipeline(input_dir: str, lake_dir: str, db_path: str, docs_dir: str, marts_dir: str,
                       report_dir: str | None = None, workers: int | None = None,
                       lock_wait_seconds: float = LOCK_WAIT_SECONDS, batch_size: int = DEFAULT_BATCH_SIZE,
                       max_file_bytes: int = DEFAULT_MAX_FILE_BYTES, runner: str = "process",
                       dask_address: str | None = None) -> dict:
    """One incremental run of the pipeline on these folders; returns the run's id, status and counts.

    The parameters are plain JSON (a deployment stores them); a run that finds nothing new only records
    itself, as `newsfacts run` does, without starting the pipeline flow. `workers` left out means one
    extraction process per core of the machine the run executes on.
    """
    from flows.idle_run import idle_run
    from flows.pipeline import run_pipeline
    from flows.settings import default_workers

    if runner not in RUNNERS:
        raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, not {runner!r}")
    settings = Settings(input_dir=Path(input_dir), lake_dir=Path(lake_dir), db_path=Path(db_path),
                        docs_dir=Path(docs_dir), marts_dir=Path(marts_dir),
                        workers=workers or default_workers(), lock_wait_seconds=lock_wait_seconds, quiet=True,
                        batch_size=batch_size, max_file_bytes=max_file_bytes, runner=runner,
                        dask_address=dask_address)
    if report_dir:
        settings = replace(settings, report_dir=Path(report_dir))
    summary = idle_run(settings) or run_pipeline(settings)
    outcome = {"run_id": summary.run_id, "status": summary.status, "documents_new": summary.documents_new,
               "documents_skipped": summary.documents_skipped, "inputs_rejected": summary.inputs_rejected}
    # Printed, not logged: the serving process (or worker) shows it whatever the log level.
    print(f"newsfacts: scheduled run {summary.run_id}: {summary.status}, "
          f"{summary.documents_new} new documents, {summary.inputs_rejected} inputs rejected", flush=True)
    return outcome


@dataclass(frozen=True)
class Schedule:
    """A cron expression or an interval in seconds (exactly one of them)."""

    cron: str | None = None
    interval_seconds: float | None = None

    def __post_init__(self) -> None:
        if (self.cron is None) == (self.interval_seconds is None):
            raise ValueError("give either a cron expression or an interval")
        if self.interval_seconds is not None and self.interval_seconds <= 0:
            raise ValueError(f"the interval must be positive, not {self.interval_seconds:g} s")
        if self.cron is not None:
            from prefect.client.schemas.schedules import CronSchedule

            try:
                CronSchedule(cron=self.cron)
            except ValueError:  # pydantic's message is three lines of internals
                raise ValueError(f'not a cron expression: "{self.cron}" (e.g. "*/15 * * * *")') from None

    def describe(self) -> str:
        """The schedule in words, e.g. 'cron "*/15 * * * *"' or 'every 5 s'."""
        return f'cron "{self.cron}"' if self.cron else f"every {self.interval_seconds:g} s"


def deployment_parameters(settings: Settings) -> dict[str, str | int | None]:
    """The scheduled flow's parameters: the folders of `settings` as absolute paths, and how to process."""
    resolved = settings.resolved()
    return {"input_dir": str(resolved.input_dir), "lake_dir": str(resolved.lake_dir),
            "db_path": str(resolved.db_path), "docs_dir": str(resolved.docs_dir),
            "marts_dir": str(resolved.marts_dir), "report_dir": str(resolved.report_dir),
            "workers": settings.workers, "batch_size": settings.batch_size,
            "max_file_bytes": settings.max_file_bytes, "runner": settings.runner,
            "dask_address": settings.dask_address}


@contextmanager
def prefect_api(home: Path) -> Iterator[tuple[str, bool]]:
    """(API URL, whether a server was started here): the configured API if any, else a managed local server.

    The configured API is PREFECT_API_URL from the environment or the active Prefect profile. A managed
    server's URL is exported as PREFECT_API_URL for the flow-run processes this one starts, and set for
    this process too (prefect read its settings when it was imported).
    """
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    existing = get_current_settings().api.url
    if existing:
        yield existing, False
        return

    from flows.prefect_server import local_prefect_server

    with local_prefect_server(home) as url:
        os.environ["PREFECT_API_URL"] = url
        try:
            with temporary_settings(updates={PREFECT_API_URL: url}):
                yield url, True
        finally:
            os.environ.pop("PREFECT_API_URL", None)


def serve(settings: Settings, schedule: Schedule, name: str = DEFAULT_DEPLOYMENT_NAME) -> None:
    """Serve the scheduled deployment until Ctrl-C or SIGTERM; a managed server is stopped on the way out."""
    from prefect.types.entrypoint import EntrypointType

    home = Path(os.environ["PREFECT_HOME"]).expanduser()
    parameters = deployment_parameters(settings)
    managed = False
    try:
        with prefect_api(home) as (url, managed):
            _say(f"Prefect API {url} " + (f"(a local server started for this session, database in {home})"
                                          if managed else "(PREFECT_API_URL)"))
            deployment = scheduled_pipeline.to_deployment(
                name=name,
                cron=schedule.cron,
                interval=schedule.interval_seconds,
                parameters=parameters,
                description=f"Incremental newsfacts run of {parameters['input_dir']} (newsfacts serve)",
                tags=["newsfacts"],
                # the flow-run processes import flows.serve from the installed package, wherever cwd is
                entrypoint_type=EntrypointType.MODULE_PATH,
            )
            _say(f"deployment '{FLOW_NAME}/{name}', schedule {schedule.describe()}")
            _say(f"input folder {parameters['input_dir']}")
            _say(f"lake {parameters['lake_dir']}, warehouse {parameters['db_path']}")
            if settings.runner == "dask":
                where = (f"on the Dask cluster at {settings.dask_address}" if settings.dask_address
                         else f"on a local Dask cluster of {settings.workers} workers")
            else:
                where = f"in {settings.workers} local processes"
            _say(f"batches of {settings.batch_size} documents, extracted {where}")
            run_now = f"prefect deployment run '{FLOW_NAME}/{name}'"
            _say("waiting for scheduled runs; stop with Ctrl-C. To run one now from another terminal: "
                 + (f"PREFECT_API_URL={url} {run_now}" if managed else run_now))
            _run_until_stopped(deployment)
    finally:
        _say("stopped" + (" (and the local Prefect server too)" if managed else ""))


def _run_until_stopped(deployment) -> None:
    """Serve the deployment (as prefect.serve does) until Ctrl-C or SIGTERM, which both stop it cleanly.

    One run at a time: a tick that comes while a run still works waits for it (two runs would contend for
    the lake's lock). Prefect's runner answers SIGTERM with sys.exit() from inside its event loop, which
    works but prints tracebacks; here SIGTERM becomes the Ctrl-C that asyncio handles by cancelling the
    loop. A run still going then is stopped with the runner and marked Crashed (its uncommitted files stay
    invisible; the next run does its work again).
    """
    from prefect.runner import Runner

    class _Runner(Runner):
        def handle_sigterm(self, *args, **kwargs) -> None:
            signal.raise_signal(signal.SIGINT)

    # Not a deployment concurrency limit: its slot is counted in the server's database and a run killed
    # with serve would hold it for good, so that every later run would be refused.
    runner = _Runner(limit=1, pause_on_shutdown=True)
    deployment_id = runner.add_deployment(deployment)
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        pass
    crashed = _crash_unfinished_runs(deployment_id)
    if crashed:
        _say(f"{crashed} unfinished flow runs marked Crashed (stopped with serve)")


def _crash_unfinished_runs(deployment_id) -> int:
    """Mark the deployment's runs left Pending or Running by the stopped runner (and their subflow runs)
    Crashed, so that they do not show as running for ever; returns how many."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterDeploymentId,
        FlowRunFilterParentFlowRunId,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    unfinished = FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.PENDING, StateType.RUNNING]))
    try:
        with get_client(sync_client=True) as client:
            runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(
                deployment_id=FlowRunFilterDeploymentId(any_=[deployment_id]), state=unfinished))
            if runs:
                runs += client.read_flow_runs(flow_run_filter=FlowRunFilter(
                    parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[run.id for run in runs]),
                    state=unfinished))
            for run in runs:
                client.set_flow_run_state(run.id, Crashed(message="newsfacts serve stopped during this run"),
                                          force=True)
    except Exception as exc:  # the server may be gone already; the runs only keep a stale state then
        _say(f"could not mark unfinished runs Crashed: {type(exc).__name__}: {exc}")
        return 0
    return len(runs)


def _say(message: str) -> None:
    print(f"newsfacts serve: {message}", flush=True)
