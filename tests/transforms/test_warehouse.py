"""The warehouse views always read files that exist, even after a run died between its commit and refresh."""

from __future__ import annotations

import duckdb
from test_lake import doc_rows

from transforms.contract import DOCUMENTS, PIPELINE_RUNS
from transforms.lake import Lake, RunWriter
from transforms.warehouse import refresh_views


def view_ids(db_path) -> list[str]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return sorted(row[0] for row in con.sql("select doc_id from documents").fetchall())
    finally:
        con.close()


def full_refresh_killed_before_its_warehouse_refresh(lake: Lake, *new_ids: str) -> None:
    """A `--full-refresh` run that committed and was SIGKILLed before it re-pointed the views."""
    with lake.lock():
        run = RunWriter(lake, "killed-full-refresh")
        run.write(DOCUMENTS, doc_rows(*new_ids))
        run.replace(DOCUMENTS)
        run.commit()


def test_recovery_keeps_the_replaced_files_the_warehouse_still_reads(tmp_path):
    lake, db = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    refresh_views(db, lake, [DOCUMENTS])
    full_refresh_killed_before_its_warehouse_refresh(lake, "b")
    with lake.writer():  # the next run starts (and recovers), then dies or finds nothing to do
        pass
    assert view_ids(db) == ["a"]  # the previous committed state, still readable
    assert lake.manifest().retired


def test_any_refresh_brings_every_view_to_the_manifest_and_then_the_replaced_files_go(tmp_path):
    lake, db = Lake(tmp_path / "lake"), tmp_path / "w.duckdb"
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    refresh_views(db, lake, [DOCUMENTS])
    full_refresh_killed_before_its_warehouse_refresh(lake, "b")
    replaced = [lake.root / rel for rel in lake.manifest().retired]
    with lake.writer() as writer:  # a run that only records itself, and refreshes only that view
        writer.write(PIPELINE_RUNS, PIPELINE_RUNS.empty())
        writer.commit()
        refresh_views(db, lake, [PIPELINE_RUNS])
    assert view_ids(db) == ["b"]
    assert replaced and not any(path.exists() for path in replaced)
    assert lake.manifest().retired == []
