"""The DuckDB warehouse: one view per lake table over the committed Parquet files, with descriptions.

The pipeline opens the warehouse file for writing only for the few milliseconds of a refresh: DuckDB
locks the file per process, and readers (`duckdb data/warehouse.duckdb`) must be able to open it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from transforms.contract import Table, all_tables
from transforms.lake import Lake


class WarehouseBusy(RuntimeError):
    """Another process has the warehouse file open."""


def sql_string(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def sql_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# DuckDB takes up to 80 % of the machine's memory by default; the pipeline's own process needs the rest.
# Each table model is built in a transaction of its own (see sql_models.build_models), so DuckDB spills
# and frees as it goes: over 100k documents the models build in 512 MB. One thread: each thread holds
# hash tables of its own beyond the limit (0.54 GB over the process's own with one thread, 0.71 GB with
# two, in about the same 22 s); 320 MB runs out of memory there.
PIPELINE_MEMORY_LIMIT = "512MB"
PIPELINE_THREADS = 1


def connect(db_path: Path, read_only: bool = False, wait_seconds: float = 10.0, memory_limit: str | None = None,
            threads: int | None = None):
    """A DuckDB connection, retrying while another process holds the file's lock."""
    import duckdb

    # without insertion order DuckDB can stream large aggregations instead of holding them
    config = {"memory_limit": memory_limit, "preserve_insertion_order": False} if memory_limit else {}
    if threads:
        config["threads"] = threads
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(db_path), read_only=read_only, config=config)
            con.execute("set enable_progress_bar = false")  # it would draw over the pipeline's progress and logs
            return con
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise WarehouseBusy(f"cannot open {db_path}: {str(exc).splitlines()[0]}") from exc
            time.sleep(0.25)


def view_sql(table: Table, files: list[Path]) -> str:
    """The statement that (re)creates the view of one lake table over its committed files."""
    file_list = ", ".join(sql_string(str(path)) for path in files)
    return (f"create or replace view {sql_identifier(table.name)} as "
            f"select * from read_parquet([{file_list}], union_by_name = true)")


def comment_sql(table: Table) -> list[str]:
    """COMMENT ON statements carrying the contract's descriptions (DuckDB drops Parquet field metadata)."""
    name = sql_identifier(table.name)
    statements = [f"comment on view {name} is {sql_string(table.description)}"]
    for column in table.columns:
        statements.append(f"comment on column {name}.{sql_identifier(column.name)} is "
                          f"{sql_string(column.description)}")
    return statements


def refresh_views(db_path: Path, lake: Lake, tables: Iterable[Table]) -> list[str]:
    """Point one view per table at the lake's committed files. Returns the names of the views.

    Every other contract table with committed files is re-pointed too: a run killed between its commit
    and its refresh leaves views on files that the lake no longer lists (and deletes once a later run
    has committed), so any refresh brings the whole warehouse to the manifest's version.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    manifest = lake.manifest()
    wanted = {table.name: table for table in all_tables() if manifest.tables.get(table.name)}
    wanted.update({table.name: table for table in tables})
    names = []
    con = connect(db_path)
    try:
        con.execute("begin transaction")
        for table in wanted.values():
            files = [lake.root / rel for rel in manifest.tables.get(table.name, [])]
            if not files:
                continue
            con.execute(view_sql(table, files))
            for statement in comment_sql(table):
                con.execute(statement)
            names.append(table.name)
        con.execute("commit")
    finally:
        con.close()
    return names
