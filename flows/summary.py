"""Tables printed by the CLI: the run summary and query results."""

from __future__ import annotations

from collections.abc import Sequence

from flows.settings import Settings
from transforms.processing import RunSummary

STEPS = ("discover", "ingest", "extract", "wait for workers", "validate", "stage", "publish", "warehouse", "models")


def print_summary(console, summary: RunSummary, settings: Settings) -> None:
    """Documents seen/new/skipped, rejected inputs, rows per table and time per step."""
    from rich.table import Table

    documents = Table(title=f"newsfacts run {summary.run_id}", show_header=True, header_style="bold")
    documents.add_column("documents")
    documents.add_column("count", justify="right")
    documents.add_row("seen", f"{summary.documents_seen:,}")
    documents.add_row("new", f"{summary.documents_new:,}")
    documents.add_row("skipped (already ingested)", f"{summary.documents_skipped:,}")
    documents.add_row("files unchanged since read (not read)", f"{summary.files_unchanged:,}")
    documents.add_row("inputs rejected", f"{summary.inputs_rejected:,}")
    console.print(documents)

    rows = Table(show_header=True, header_style="bold")
    rows.add_column("table")
    rows.add_column("rows added", justify="right")
    rows.add_column("quarantined", justify="right")
    rows.add_column("valid", justify="center")
    for table, count in summary.rows.items():
        quarantined = summary.quarantined.get(table)
        valid = summary.suite_success.get(table)
        rows.add_row(table, f"{count:,}", "" if quarantined is None else f"{quarantined:,}",
                     "" if valid is None else ("yes" if valid else "[red]no[/red]"))
    if summary.rows:
        console.print(rows)
    elif summary.message:
        console.print(summary.message)

    timing = " · ".join(f"{step} {summary.seconds[step]:.2f}s" for step in STEPS if step in summary.seconds)
    console.print(f"time: {summary.total_seconds:.2f}s ({timing})")
    for error in summary.errors[:10]:
        console.print(f"[yellow]rejected[/yellow] {error.source_name}: {error.reason} — {error.detail}")
    if len(summary.errors) > 10:
        console.print(f"… and {len(summary.errors) - 10} more (select * from ingest_errors)")
    if summary.model_tests:
        failed = {name: status for name, status in summary.model_tests.items() if status != "pass"}
        console.print(f"models: {len(summary.model_tests)} data tests, {len(failed)} failed"
                      + "".join(f"\n  [red]{name}[/red]: {status}" for name, status in failed.items()))
    if summary.facts_quarantined:
        console.print(f"[yellow]{summary.facts_quarantined} rows quarantined[/yellow]: select * from rejected_facts")
    console.print(f"lake: {settings.lake_dir}   warehouse: {settings.db_path}")
    if summary.data_docs:
        console.print(f"data docs: {summary.data_docs}")
    report = settings.report_dir / "index.html"
    if report.exists():
        console.print(f"report: {report}")


def print_query(console, columns: Sequence[str], rows: Sequence[tuple], limit: int) -> None:
    """A query result as a table, saying so when it was cut at `limit` rows."""
    from rich.table import Table

    table = Table(show_header=True, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows[:limit]:
        table.add_row(*("NULL" if value is None else str(value) for value in row))
    console.print(table)
    shown = min(len(rows), limit)
    more = " (more rows not shown; use --limit)" if len(rows) > limit else ""
    console.print(f"{shown} row{'s' if shown != 1 else ''}{more}")


def print_checks(console, checks, docs_index) -> None:
    """Re-validation results: rows checked and failing per table, and what failed."""
    from rich.table import Table

    table = Table(title="newsfacts validate", show_header=True, header_style="bold")
    for column in ("table", "rows", "failing rows", "valid", "failures"):
        table.add_column(column, justify="right" if column in ("rows", "failing rows") else "left")
    for check in checks:
        failures = [f"{name} ×{count}" for name, count in check.failures.most_common()] + check.table_failures
        table.add_row(check.table, f"{check.rows:,}", f"{check.failing_rows:,}",
                      "yes" if check.success else "[red]no[/red]", "\n".join(failures))
    console.print(table)
    if docs_index:
        console.print(f"data docs: {docs_index}")


def print_models(console, models, order) -> None:
    """Models in build order with what they read."""
    from rich.table import Table

    from transforms.sql_models import dependencies

    table = Table(title="SQL models (build order)", show_header=True, header_style="bold")
    for column in ("model", "layer", "materialized", "depends on", "description"):
        table.add_column(column, overflow="fold")
    for name in order:
        model = models[name]
        reads = dependencies(model, models) + sorted(r for r in model.reads if r not in models)
        table.add_row(name, model.layer, model.materialized, ", ".join(reads), model.description)
    console.print(table)
