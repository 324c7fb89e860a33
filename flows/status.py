"""`newsfacts status`: the last runs, the rows per table and the freshness of the newest document, printed."""

from __future__ import annotations

import datetime as dt

from transforms import status


def print_status(console, con, now: dt.datetime, runs: int = status.RUNS_SHOWN) -> None:
    """Three tables from an open warehouse connection: recent runs, rows per table, freshness."""
    _print_runs(console, status.recent_runs(con, runs))
    console.print()
    _print_row_counts(console, status.row_counts(con))
    _print_outdated(console, status.outdated_facts(con))
    console.print()
    _print_freshness(console, status.freshness(con), now)


def _print_runs(console, runs: list[status.RunRecord]) -> None:
    from rich import box
    from rich.table import Table

    if not runs:
        console.print("runs: none recorded yet (newsfacts run)")
        return
    table = Table(title="last runs (documents new, facts published and quarantined)", show_header=True,
                  header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("started (UTC)", no_wrap=True)
    table.add_column("status", min_width=9)
    for column in ("new docs", "published", "quarantined", "duration"):
        table.add_column(column, justify="right", no_wrap=True)
    for run in runs:
        colour = {"completed": "green", "completed_with_rejections": "yellow"}.get(run.status, "red")
        refresh = " (full refresh)" if "full-refresh" in run.command else ""
        table.add_row(run.started_at.strftime("%Y-%m-%d %H:%M"),
                      f"[{colour}]{run.status.replace('_', ' ')}[/{colour}]{refresh}",
                      f"{run.documents_new:,}", f"{run.facts_published:,}", f"{run.facts_quarantined:,}",
                      status.duration(run.seconds))
    console.print(table)
    if runs[0].message:
        console.print(f"[red]last run failed[/red]: {runs[0].message}")


def _print_row_counts(console, counts: dict[str, int]) -> None:
    from rich import box
    from rich.table import Table

    table = Table(title="rows per table", show_header=True, header_style="bold", box=box.SIMPLE_HEAD,
                  pad_edge=False, show_edge=False)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in counts.items():
        table.add_row(name, f"{count:,}")
    console.print(table)


def _print_outdated(console, outdated: dict[str, dict[str, int]]) -> None:
    for table, versions in outdated.items():
        older = ", ".join(f"{count:,} by {version}" for version, count in versions.items())
        console.print(f"[yellow]{table}: rows from an older extractor ({older}); "
                      "newsfacts run --full-refresh re-extracts them[/yellow]")


def _print_freshness(console, fresh: status.Freshness, now: dt.datetime) -> None:
    if not fresh.documents:
        console.print("freshness: no document ingested yet")
        return
    ingested = fresh.newest_ingested_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    console.print(f"newest document: ingested {ingested} ({status.ago(fresh.newest_ingested_at, now)})")
    if fresh.newest_published_date is None:
        console.print("newest publication date: none (no document has a publication date)")
    else:
        undated = f"; {fresh.undated:,} of {fresh.documents:,} documents undated" if fresh.undated else ""
        console.print(f"newest publication date: {fresh.newest_published_date.isoformat()} "
                      f"({status.ago(fresh.newest_published_date, now)}){undated}")
