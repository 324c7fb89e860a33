"""The lake publishes a run's files all at once, and recovers from a run that died at any point."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.contract import DOCUMENTS, INGEST_ERRORS
from transforms.lake import MANIFEST, Lake, LakeBusy, SchemaDrift


def doc_rows(*ids: str) -> pa.Table:
    now = dt.datetime(2025, 10, 16, tzinfo=dt.UTC)
    return DOCUMENTS.to_arrow([
        {"doc_id": i, "source_name": f"{i}.txt", "source_uri": f"file:///{i}.txt", "title": i, "text": f"text {i}",
         "published_date": dt.date(2025, 10, 16), "published_date_source": "metadata", "ingested_at": now,
         "encoding": "utf-8", "char_count": 6 + len(i)}
        for i in ids
    ])


def ids(lake: Lake) -> list[str]:
    return sorted(lake.read(DOCUMENTS, columns=["doc_id"]).column("doc_id").to_pylist())


def parquet_files(lake: Lake) -> list[str]:
    return sorted(p.relative_to(lake.root).as_posix() for p in lake.root.rglob("*.parquet"))


def test_staged_files_are_invisible_until_commit(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a", "b"))
        assert ids(lake) == []
        assert parquet_files(lake) == []  # nothing a "*.parquet" glob could pick up
        writer.commit()
    assert ids(lake) == ["a", "b"]
    assert parquet_files(lake) == [f"documents/part-{writer.run_id}-00000.parquet"]


def test_a_run_that_fails_before_commit_leaves_the_lake_unchanged(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    before = (lake.root / MANIFEST).read_bytes()
    with pytest.raises(RuntimeError), lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("b"))
        raise RuntimeError("crash in the middle of a run")
    assert ids(lake) == ["a"]
    assert (lake.root / MANIFEST).read_bytes() == before
    assert not (lake.root / "_staging").exists()


def test_recovery_completes_a_run_that_died_after_its_commit_point(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    writer = lake.writer(run_id="died")
    run = writer.__enter__()
    run.write(DOCUMENTS, doc_rows("b"))
    # Simulate a SIGKILL right after the manifest rename: the manifest lists the new file, the move is pending.
    manifest = lake.manifest()
    rel = run.staged["documents"][0]
    manifest.tables["documents"].append(rel)
    manifest.pending_moves = [(f"_staging/died/{rel}.part", rel)]
    (lake.root / MANIFEST).write_bytes(manifest.to_json())
    done = lake.recover()
    assert any("moved" in step for step in done)
    assert ids(lake) == ["a", "b"]
    assert lake.manifest().pending_moves == []


def test_recovery_deletes_files_no_commit_published(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    orphan = lake.root / "documents" / "part-orphan-00000.parquet"
    orphan.write_bytes(b"half written")
    (lake.root / "_staging" / "dead-run" / "documents").mkdir(parents=True)
    (lake.root / "_staging" / "dead-run" / "documents" / "x.parquet.part").write_bytes(b"")
    with lake.writer():
        pass
    assert not orphan.exists()
    assert not (lake.root / "_staging").exists()
    assert ids(lake) == ["a"]


def test_full_refresh_replaces_a_table_in_one_commit(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a", "b"))
        writer.commit()
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("c"))
        writer.replace(DOCUMENTS)
        writer.commit()
    assert ids(lake) == ["c"]
    assert len(parquet_files(lake)) == 1


def test_every_table_exists_with_its_schema_even_without_rows(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.ensure_tables([DOCUMENTS, INGEST_ERRORS])
        writer.commit()
    empty = lake.read(INGEST_ERRORS)
    assert empty.num_rows == 0
    assert empty.schema.equals(INGEST_ERRORS.schema, check_metadata=False)
    field = empty.schema.field("reason")
    assert lake.files("ingest_errors")[0].exists()
    assert field.metadata[b"description"]


def test_rows_that_drift_from_the_contract_are_refused(tmp_path):
    lake = Lake(tmp_path / "lake")
    drifted = doc_rows("a").drop_columns(["char_count"])
    with lake.writer() as writer, pytest.raises(SchemaDrift):
        writer.write(DOCUMENTS, drifted)


def test_field_descriptions_are_stored_in_the_parquet_files(tmp_path):
    import pyarrow.parquet as pq

    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    schema = pq.read_schema(lake.files("documents")[0])
    assert schema.field("doc_id").metadata[b"description"].startswith(b"Stable id")
    assert schema.metadata[b"table"] == b"documents"


def test_one_writer_at_a_time_and_the_lock_dies_with_its_process(tmp_path):
    lake = Lake(tmp_path / "lake")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from transforms.lake import Lake\n"
        f"lock = Lake({str(lake.root)!r}).lock()\n"
        "lock.__enter__(); print('locked', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LakeBusy, match="another newsfacts run"), lake.writer():
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    started = time.monotonic()
    with lake.writer(wait_seconds=5):
        assert time.monotonic() - started < 5


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(min_size=1, max_size=50), min_size=1, max_size=5, unique=True))
def test_documents_round_trip_through_parquet(tmp_path_factory, texts):
    lake = Lake(tmp_path_factory.mktemp("lake"))
    now = dt.datetime(2025, 10, 16, 12, 30, tzinfo=dt.UTC)
    rows = [{"doc_id": str(n), "source_name": "s", "source_uri": "u", "title": None, "text": text,
             "published_date": None, "published_date_source": None, "ingested_at": now, "encoding": "utf-8",
             "char_count": len(text)} for n, text in enumerate(texts)]
    with lake.writer() as writer:
        writer.write(DOCUMENTS, DOCUMENTS.to_arrow(rows))
        writer.commit()
    assert lake.read(DOCUMENTS).to_pylist() == rows
    assert json.loads((lake.root / MANIFEST).read_text())["version"] == 1


def died_after_commit_point(lake: Lake, *new_ids: str) -> None:
    """Leave the lake as a run SIGKILLed right after its manifest rename leaves it: the moves still to do."""
    with lake.writer(run_id="died") as run:
        run.write(DOCUMENTS, doc_rows(*new_ids))
        manifest = lake.manifest()
        rel = run.staged["documents"][0]
        manifest.tables["documents"].append(rel)
        manifest.pending_moves = [(f"_staging/died/{rel}.part", rel)]
        (lake.root / MANIFEST).write_bytes(manifest.to_json())
        run.committed = True  # as the dead process believed: its staged file must stay


def test_readers_see_a_committed_run_whose_files_were_not_moved_yet(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    died_after_commit_point(lake, "b")
    assert lake.manifest().pending_moves  # no writer has recovered the lake yet
    assert ids(lake) == ["a", "b"]
    assert lake.count("documents") == 2


def test_a_reader_whose_file_is_moved_under_it_reads_again(tmp_path, monkeypatch):
    import transforms.lake as lake_module

    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    died_after_commit_point(lake, "b")
    real_read_table = lake_module.pq.read_table
    calls = []

    def read_table(path, **kwargs):  # the writer finishes its moves between our listing and our opening
        calls.append(str(path))
        if len(calls) == 1:
            lake.complete_moves()
        return real_read_table(path, **kwargs)

    monkeypatch.setattr(lake_module.pq, "read_table", read_table)
    assert ids(lake) == ["a", "b"]
    assert any("_staging" in call for call in calls) and not any("_staging" in c for c in calls[-2:])


def test_several_tables_are_read_from_one_manifest_version(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
    pinned = lake.manifest()
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("b"))
        writer.commit()
    assert lake.read(DOCUMENTS, manifest=pinned).column("doc_id").to_pylist() == ["a"]
    assert ids(lake) == ["a", "b"]


def test_a_committed_run_leaves_no_staging_folder(tmp_path):
    from transforms.lake import RunWriter

    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a"))
        writer.commit()
        record = RunWriter(lake, writer.run_id + "-record")  # a second commit inside the same lock
        record.write(INGEST_ERRORS, INGEST_ERRORS.empty())
        record.commit()
        assert not (lake.root / "_staging").exists()
    assert not (lake.root / "_staging").exists()
    assert ids(lake) == ["a"]


def test_a_retried_stage_or_publish_never_publishes_a_row_twice(tmp_path):
    lake = Lake(tmp_path / "lake")
    with lake.writer() as writer:
        writer.write(DOCUMENTS, doc_rows("a", "b"))
        writer.write(DOCUMENTS, doc_rows("a", "b"))  # the stage task failed after this file and ran again
        writer.write(DOCUMENTS, doc_rows("c"))
        version = writer.commit()
        assert writer.commit() == version  # the publish task failed after its commit point and ran again
    assert ids(lake) == ["a", "b", "c"]
    assert len(lake.manifest().tables["documents"]) == 2
    assert lake.manifest().version == version
