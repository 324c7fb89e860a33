"""The `newsfacts` command line: a thin layer that parses options, builds Settings and calls one function.

Exit codes (docs/cli.md): 0 success; 1 the run failed; 2 bad usage or missing input folder;
3 the run completed but some inputs were rejected (see ingest_errors); 4 another run holds the lake.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from flows.settings import (
    DEFAULT_DB,
    DEFAULT_DOCS,
    DEFAULT_INPUT,
    DEFAULT_LAKE,
    DEFAULT_MARTS,
    DEFAULT_REPORT,
    RUNNERS,
    Settings,
    default_workers,
    local_path,
)
from transforms.ingest import DEFAULT_MAX_FILE_BYTES
from transforms.processing import DEFAULT_BATCH_SIZE

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_BUSY = 4


def _console(quiet: bool = False):
    from rich.console import Console

    return Console(stderr=False, quiet=quiet, highlight=False)


def _error(message: str) -> None:
    print(f"newsfacts: error: {message}", file=sys.stderr)


def cmd_run(args: argparse.Namespace) -> int:
    """Ingest, extract, publish and refresh the warehouse."""
    if not args.input.is_dir():
        _error(f"input folder not found: {args.input}")
        return EXIT_USAGE
    settings = Settings(input_dir=args.input, lake_dir=args.lake, db_path=args.db,
                        docs_dir=args.docs, marts_dir=args.marts, report_dir=args.report,
                        full_refresh=args.full_refresh, lock_wait_seconds=args.wait, quiet=args.quiet,
                        **_processing_settings(args))
    from flows.summary import print_summary
    from transforms.lake import LakeBusy

    console = _console(args.quiet)
    try:
        from flows.idle_run import idle_run
        from transforms.lake import Lake

        summary = idle_run(settings)
        if summary is None:
            # Busy now? Say so before Prefect starts (a busy flow run would print its traceback first).
            with Lake(settings.resolved().lake_dir).lock(settings.lock_wait_seconds):
                pass
    except LakeBusy as exc:
        _error(f"{exc}; try again when it has finished (or pass --wait SECONDS)")
        return EXIT_BUSY
    if summary is not None:
        print_summary(console, summary, settings.resolved())
        return EXIT_REJECTED if summary.inputs_rejected else EXIT_OK
    from flows.settings import configure_prefect_environment

    configure_prefect_environment()
    try:
        with _prefect_api_for(settings, console):
            from flows.pipeline import run_pipeline
            from flows.progress import progress_reporter

            with progress_reporter(console, enabled=not args.quiet) as progress:
                summary = run_pipeline(settings, progress=progress)
    except LakeBusy as exc:
        _error(f"{exc}; try again when it has finished (or pass --wait SECONDS)")
        return EXIT_BUSY
    except Exception as exc:  # the flow already logged the traceback; the user gets one clear line
        _error(f"the run failed and published nothing: {type(exc).__name__}: {(str(exc) or '').split(chr(10))[0]}")
        return EXIT_FAILED
    print_summary(console, summary, settings.resolved())
    return EXIT_REJECTED if summary.inputs_rejected or summary.facts_quarantined else EXIT_OK


def _processing_settings(args: argparse.Namespace) -> dict:
    """The Settings fields of the _processing_options."""
    return {"batch_size": args.batch_size, "max_file_bytes": int(args.max_file_mb * 2**20),
            "workers": args.workers or default_workers(), "runner": args.runner, "dask_address": args.address}


@contextmanager
def _prefect_api_for(settings: Settings, console):
    """Dask workers cannot reach Prefect's temporary in-process server: without PREFECT_API_URL, a Dask run
    gets a local `prefect server start` for its duration. Other runs use whatever Prefect would."""
    if settings.runner != "dask" or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from flows.prefect_server import local_prefect_server

    home = Path(os.environ["PREFECT_HOME"]).expanduser() / "dask-run-server"
    console.print(f"starting a local Prefect server for the Dask workers (home {home}) …")
    with local_prefect_server(home) as url:
        os.environ["PREFECT_API_URL"] = url
        try:
            yield
        finally:
            os.environ.pop("PREFECT_API_URL", None)


def _open_warehouse(db_path: Path):
    """(read-only connection, EXIT_OK), or (None, exit code) after a one-line error."""
    from transforms.warehouse import WarehouseBusy, connect

    if not db_path.exists():
        _error(f"warehouse not found: {db_path} (run `newsfacts run` first)")
        return None, EXIT_USAGE
    try:
        return connect(db_path, read_only=True), EXIT_OK
    except WarehouseBusy as exc:
        _error(str(exc))
        return None, EXIT_BUSY


def cmd_sql(args: argparse.Namespace) -> int:
    """Run one SQL query on the warehouse and print the result as a table."""
    from flows.summary import print_query

    con, code = _open_warehouse(args.db)
    if con is None:
        return code
    import duckdb

    try:
        relation = con.sql(args.query)
        if relation is None:
            return EXIT_OK
        columns = relation.columns
        rows = relation.limit(args.limit + 1).fetchall()
    except duckdb.Error as exc:
        _error(str(exc).splitlines()[0])
        return EXIT_FAILED
    finally:
        con.close()
    print_query(_console(), columns, rows, args.limit)
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the warehouse against a gold file, as ../shared/eval/score.py does."""
    from transforms.evaluation import load_gold, predictions_from_warehouse, score
    from transforms.warehouse import connect

    if not args.db.exists():
        _error(f"warehouse not found: {args.db}")
        return EXIT_USAGE
    con = connect(args.db, read_only=True)
    try:
        source_names, predictions = predictions_from_warehouse(con)
    finally:
        con.close()
    present = {str(name).replace("\\", "/").rsplit("/", 1)[-1] for name in source_names.values()}
    report = score(load_gold(args.gold), predictions, present)
    print(report.format(with_errors=args.errors))
    if args.json:
        import json

        args.json.write_text(json.dumps(report.scores, indent=2))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Re-validate the published lake against the expectation suites, without ingesting anything."""
    from expectations.lake_check import check_lake
    from flows.summary import print_checks
    from transforms.lake import Lake

    lake = Lake(args.lake)
    if not lake.exists():
        _error(f"no lake at {args.lake} (run `newsfacts run` first)")
        return EXIT_USAGE
    checks, docs_index = check_lake(lake, args.docs.resolve())
    print_checks(_console(), checks, docs_index)
    return EXIT_OK if all(check.success for check in checks) else EXIT_REJECTED


def cmd_docs(args: argparse.Namespace) -> int:
    """Print where the Great Expectations Data Docs of the last run are."""
    index = args.docs.resolve() / "index.html"
    if not index.exists():
        _error(f"no Data Docs at {index} yet (they are built by `newsfacts run` and `newsfacts validate`)")
        return EXIT_USAGE
    print(index.as_uri())
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    """List the SQL models in build order, with their materialisation, dependencies and description."""
    from flows.summary import print_models
    from transforms.contract import all_tables
    from transforms.sql_models import ModelError, build_order, load_models

    try:
        models = load_models()
        order = build_order(models, {table.name for table in all_tables()})
    except ModelError as exc:
        _error(str(exc))
        return EXIT_FAILED
    print_models(_console(), models, order)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the pipeline as a Prefect deployment on a schedule; each scheduled run is incremental.

    Without PREFECT_API_URL a local Prefect server is started for the session and stopped on exit.
    """
    if not args.input.is_dir():
        _error(f"input folder not found: {args.input}")
        return EXIT_USAGE
    from flows.settings import configure_prefect_environment

    configure_prefect_environment()
    from flows.prefect_server import PrefectServerError
    from flows.serve import Schedule, serve

    try:
        schedule = Schedule(cron=args.cron, interval_seconds=args.interval)
        settings = Settings(input_dir=args.input, lake_dir=args.lake, db_path=args.db, docs_dir=args.docs,
                            marts_dir=args.marts, report_dir=args.report, **_processing_settings(args))
    except ValueError as exc:
        _error(str(exc))
        return EXIT_USAGE
    try:
        serve(settings, schedule, name=args.name)
    except PrefectServerError as exc:
        _error(str(exc))
        return EXIT_FAILED
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """(Re)build the run report (one offline HTML page) from the warehouse and print its file:// URI."""
    from transforms.report import write_report
    from transforms.warehouse import WarehouseBusy

    if not args.db.exists():
        _error(f"warehouse not found: {args.db} (run `newsfacts run` first)")
        return EXIT_USAGE
    docs_index = args.docs / "index.html"
    try:
        index = write_report(args.db, args.out, docs_index if docs_index.exists() else None)
    except WarehouseBusy as exc:
        _error(str(exc))
        return EXIT_BUSY
    print(index.resolve().as_uri())
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    """Print the last runs, the rows per table and how fresh the newest document is."""
    import datetime as dt

    from flows.status import print_status

    con, code = _open_warehouse(args.db)
    if con is None:
        return code
    try:
        print_status(_console(), con, dt.datetime.now(dt.UTC), runs=args.runs)
    finally:
        con.close()
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Turn raw news text into validated fact tables (Parquet lake + DuckDB warehouse).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="ingest a folder, extract facts, publish the lake, refresh the warehouse",
                              description=cmd_run.__doc__)
    run.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT,
                     help=f"folder of articles (default: {DEFAULT_INPUT})")
    _lake_options(run)  # --lake also takes a file:// URL
    run.add_argument("--marts", type=Path, default=DEFAULT_MARTS,
                     help=f"folder the marts are exported to as Parquet (default: {DEFAULT_MARTS})")
    run.add_argument("--report", type=Path, default=DEFAULT_REPORT,
                     help=f"folder the HTML run report is written to (default: {DEFAULT_REPORT})")
    run.add_argument("--full-refresh", action="store_true",
                     help="rebuild every fact table from the stored documents")
    _processing_options(run)
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another run to finish instead of exiting at once")
    run.add_argument("--quiet", action="store_true", help="no progress bar or summary (for cron)")
    run.set_defaults(handler=cmd_run)

    validate = commands.add_parser("validate", help="re-validate the published lake (no ingestion)",
                                   description=cmd_validate.__doc__)
    _lake_options(validate)
    validate.set_defaults(handler=cmd_validate)

    models = commands.add_parser("models", help="list the SQL models and their dependencies",
                                 description=cmd_models.__doc__)
    models.set_defaults(handler=cmd_models)

    docs = commands.add_parser("docs", help="print where the Data Docs are", description=cmd_docs.__doc__)
    docs.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help=f"Data Docs folder (default: {DEFAULT_DOCS})")
    docs.set_defaults(handler=cmd_docs)

    sql = commands.add_parser("sql", help="run a SQL query on the warehouse", description=cmd_sql.__doc__)
    sql.add_argument("query", help='e.g. "select * from documents"')
    sql.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")
    sql.add_argument("--limit", type=int, default=100, help="print at most this many rows (default: 100)")
    sql.set_defaults(handler=cmd_sql)

    evaluate = commands.add_parser("eval", help="score the warehouse against a gold file",
                                   description=cmd_eval.__doc__)
    evaluate.add_argument("--gold", type=Path, required=True, help="gold.jsonl (format: docs/gold_format.md)")
    evaluate.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")
    evaluate.add_argument("--errors", action="store_true", help="list missed and spurious rows per document")
    evaluate.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    evaluate.set_defaults(handler=cmd_eval)

    from transforms.report import DEFAULT_REPORT_DIR

    report = commands.add_parser("report", help="(re)build the offline HTML run report from the warehouse",
                                 description=cmd_report.__doc__)
    report.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")
    report.add_argument("--out", type=Path, default=DEFAULT_REPORT_DIR,
                        help=f"folder the report's index.html is written to (default: {DEFAULT_REPORT_DIR})")
    report.add_argument("--docs", type=Path, default=DEFAULT_DOCS,
                        help=f"Great Expectations Data Docs folder to link to (default: {DEFAULT_DOCS})")
    report.set_defaults(handler=cmd_report)

    status = commands.add_parser("status", help="last runs, rows per table, freshness of the newest document",
                                 description=cmd_status.__doc__)
    status.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")
    status.add_argument("--runs", type=int, default=10, metavar="N",
                        help="show the last N runs (default: 10)")
    status.set_defaults(handler=cmd_status)

    serve = commands.add_parser("serve", help="run the pipeline on a schedule (a served Prefect deployment)",
                                description=cmd_serve.__doc__)
    serve.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT,
                       help=f"folder of articles (default: {DEFAULT_INPUT})")
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", metavar="EXPR", help='cron schedule, e.g. "*/15 * * * *" (every 15 minutes)')
    when.add_argument("--interval", type=float, metavar="SECONDS", help="run every SECONDS seconds")
    _lake_options(serve)
    serve.add_argument("--marts", type=Path, default=DEFAULT_MARTS,
                       help=f"folder the marts are exported to as Parquet (default: {DEFAULT_MARTS})")
    serve.add_argument("--report", type=Path, default=Settings.report_dir,
                       help=f"folder the HTML run report is written to (default: {Settings.report_dir})")
    serve.add_argument("--name", default="scheduled",
                       help="deployment name: serve each folder under its own name (default: scheduled)")
    _processing_options(serve)
    serve.set_defaults(handler=cmd_serve)
    return parser


def _lake_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lake", type=_location, default=DEFAULT_LAKE,
                        help=f"lake folder, a path or a file:// URL (default: {DEFAULT_LAKE})")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"warehouse file (default: {DEFAULT_DB})")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS,
                        help=f"Great Expectations Data Docs folder (default: {DEFAULT_DOCS})")


def _processing_options(parser: argparse.ArgumentParser) -> None:
    """How a run reads and extracts: shared by `run` and `serve` (whose every scheduled run uses them)."""
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N",
                        help=f"documents per task (default: {DEFAULT_BATCH_SIZE})")
    max_mb = DEFAULT_MAX_FILE_BYTES / 2**20
    parser.add_argument("--max-file-mb", type=float, default=max_mb, metavar="MB",
                        help=f"reject input files larger than this (default: {max_mb:g})")
    parser.add_argument("--workers", type=int, default=0, metavar="N",
                        help="extraction processes (default: one per core)")
    parser.add_argument("--runner", choices=RUNNERS, default="process",
                        help="where batches are extracted: local processes, or a Dask cluster "
                             "(default: process)")
    parser.add_argument("--address", metavar="URL",
                        help="with --runner dask: the scheduler, e.g. tcp://10.0.0.5:8786 "
                             "(default: a local cluster)")


def _location(value: str) -> Path:
    """A --lake value: a path or a file:// URL (argparse reports anything else as a usage error)."""
    try:
        return local_path(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
