"""Runs and readers at the same time, as real processes: one writer at a time, readers never see half a run.

- a second `newsfacts run` on a lake being written exits at once with code 4 and a clear message;
- with `--wait SECONDS` it waits for the first and then does its own work (never two writers at once);
- readers of the lake (through its manifest) and of the warehouse (`newsfacts sql`) keep working during a
  run and see the state before it or after it, never a mix;
- the lock of a SIGKILLed run is not stale: the kernel releases the flock when the process dies.
"""

from __future__ import annotations

import fcntl
import subprocess
import threading
import time
from pathlib import Path

import pytest
from newsfacts_processes import (
    FACT_TABLES,
    Target,
    corpus,
    duplicated_keys,
    kill_group,
    newsfacts_env,
    shared_prefect_server,
    snapshot,
    start,
    write_corpus,
)

from transforms.contract import DOCUMENTS
from transforms.lake import LOCK, Lake

pytestmark = [pytest.mark.flow]

EXIT_BUSY = 4
RUN_DONE = (0, 3)  # 3: the bad inputs of the corpus are rejected (that is recorded, not a failure)


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    return newsfacts_env(shared_prefect_server(), tmp_path_factory.mktemp("prefect-home"))


@pytest.fixture(scope="module")
def articles():
    return corpus(160, seed=11)


def holds_lock(lake_dir: Path, pid: int) -> bool:
    """Whether process `pid` holds the lake's write lock, and still does 0.3 s later (`newsfacts run` takes
    it for an instant before Prefect starts, to say at once when the lake is busy). Read from /proc/locks,
    so that asking never takes the lock from the run."""
    if not _flock_held_by(lake_dir, pid):
        return False
    time.sleep(0.3)
    return _flock_held_by(lake_dir, pid)


def _flock_held_by(lake_dir: Path, pid: int) -> bool:
    try:
        inode = (lake_dir / LOCK).stat().st_ino
    except FileNotFoundError:
        return False
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "FLOCK" in fields and "->" not in fields:
            at = fields.index("FLOCK")
            if fields[at + 3] == str(pid) and fields[at + 4].rsplit(":", 1)[-1] == str(inode):
                return True
    return False


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def lock_is_free(lake_dir: Path) -> bool:
    """Try the lake's flock without blocking, as a second writer would."""
    with open(lake_dir / LOCK, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return True


def finish(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=timeout)
    finally:
        kill_group(process)
    return process.returncode, (err or b"").decode(errors="replace")


def assert_consistent(lake: Lake, expected_documents: int) -> None:
    tables = snapshot(lake)
    assert len(tables["documents"]) == expected_documents
    assert duplicated_keys(tables) == dict.fromkeys(tables, 0)
    doc_ids = {row["doc_id"] for row in tables["documents"]}
    assert all(row["doc_id"] in doc_ids for table in FACT_TABLES for row in tables[table.name])


def test_a_second_run_exits_at_once_and_one_that_waits_writes_after_the_first(tmp_path, env, articles):
    lake_dir = tmp_path / "lake"
    first = Target(tmp_path / "input_a", tmp_path)
    waiting = Target(tmp_path / "input_b", tmp_path)  # same lake and warehouse, other articles
    write_corpus(first.input_dir, articles[:100])
    write_corpus(waiting.input_dir, articles[100:], bad_inputs=False)

    runner = start(first.run_command("--batch-size", "50"), env, tmp_path / "first.log")
    wait_for(lambda: holds_lock(lake_dir, runner.pid), 120, "the first run to take the lock")
    assert not lock_is_free(lake_dir)

    started = time.monotonic()
    busy = start(first.run_command(), env)
    code, err = finish(busy, timeout=120)
    assert code == EXIT_BUSY, err
    # one line, before Prefect starts (no flow run, so no traceback of its own)
    assert err.strip() == (
        f"newsfacts: error: another newsfacts run is writing to {lake_dir} (pid {runner.pid}); "
        "try again when it has finished (or pass --wait SECONDS)")
    assert runner.poll() is None, "the busy run must not have waited for the first one"
    busy_seconds = time.monotonic() - started

    patient = start(waiting.run_command("--wait", "300"), env, tmp_path / "patient.log")
    manifest_runs: list[tuple[float, str]] = []  # (time, run id) of every commit, as a reader sees them
    first_ended = None
    while patient.poll() is None:
        run_id = Lake(lake_dir).manifest().run_id
        if run_id and (not manifest_runs or manifest_runs[-1][1] != run_id):
            manifest_runs.append((time.monotonic(), run_id))
        if first_ended is None and runner.poll() is not None:
            first_ended = time.monotonic()
        time.sleep(0.01)
    assert finish(runner)[0] in RUN_DONE, (tmp_path / "first.log").read_text()[-2000:]
    assert finish(patient)[0] in RUN_DONE, (tmp_path / "patient.log").read_text()[-2000:]
    # the waiting run was started while the first one wrote, and committed only after that one had ended
    first_run = manifest_runs[0][1].removesuffix("-record")
    later = [moment for moment, run_id in manifest_runs if not run_id.startswith(first_run)]
    assert first_ended is not None and later and min(later) >= first_ended - 0.5, manifest_runs
    assert_consistent(Lake(lake_dir), len(articles))
    print(f"busy run exited with code 4 after {busy_seconds:.1f} s (Python and Prefect start-up included)")


def test_readers_keep_working_and_see_whole_runs_while_a_run_writes(tmp_path, env, articles):
    target = Target(tmp_path / "input", tmp_path)
    write_corpus(target.input_dir, articles[:60])
    first = start(target.run_command(), env, tmp_path / "first.log")
    assert finish(first)[0] in RUN_DONE
    lake = Lake(target.lake)
    before = {row["doc_id"] for row in lake.read(DOCUMENTS, columns=["doc_id"]).to_pylist()}
    write_corpus(target.input_dir, articles)  # 100 new articles for the second run

    failures: list[str] = []
    sql_counts: list[int] = []
    stop = threading.Event()

    def query_warehouse() -> None:
        while not stop.is_set():
            result = subprocess.run(target.sql_command("select count(*) as n from documents"), env=env,
                                    capture_output=True, text=True, timeout=120)
            if result.returncode != 0:
                failures.append(f"newsfacts sql exited {result.returncode}: {result.stderr.strip()}")
                continue
            numbers = [int(token) for token in result.stdout.split() if token.isdigit()]
            sql_counts.append(numbers[0] if numbers else -1)

    reader = threading.Thread(target=query_warehouse)
    writer = start(target.run_command("--batch-size", "50"), env, tmp_path / "writer.log")
    reader.start()
    facts_of: dict[str, set[str]] = {}
    reads = 0
    states = set()
    try:
        while writer.poll() is None or reads < 3:
            manifest = lake.manifest()  # one committed version for every table of this read
            docs = {row["doc_id"] for row in lake.read(DOCUMENTS, columns=["doc_id"], manifest=manifest)
                    .to_pylist()}
            for table in FACT_TABLES:
                for row in lake.read(table, columns=["doc_id", "fact_id"], manifest=manifest).to_pylist():
                    if row["doc_id"] not in docs:
                        failures.append(f"{table.name} fact of an unpublished document")
                    facts_of.setdefault(row["doc_id"], set()).add(row["fact_id"])
            states.add(len(docs))
            reads += 1
    finally:
        stop.set()
        reader.join(timeout=180)
        code = finish(writer)[0]
    assert code in RUN_DONE
    assert failures == []
    assert states <= {len(before), len(articles)} and len(articles) in states, states
    assert set(sql_counts) <= {len(before), len(articles)} and sql_counts, sql_counts
    assert_consistent(lake, len(articles))
    final = snapshot(lake)
    for table in FACT_TABLES:  # every fact seen during the run is a fact of the final state, and vice versa
        for row in final[table.name]:
            facts_of.setdefault(row["doc_id"], set())
    final_facts = {}
    for table in FACT_TABLES:
        for row in final[table.name]:
            final_facts.setdefault(row["doc_id"], set()).add(row["fact_id"])
    assert {doc: ids for doc, ids in facts_of.items() if ids} == final_facts
    print(f"{reads} lake reads and {len(sql_counts)} `newsfacts sql` queries during the run, none failed; "
          f"document counts seen: {sorted(states)}")


def test_the_lock_of_a_killed_run_is_released_at_once(tmp_path, env, articles):
    target = Target(tmp_path / "input", tmp_path)
    write_corpus(target.input_dir, articles[:20])
    victim = start(target.run_command(), env, tmp_path / "victim.log")
    wait_for(lambda: holds_lock(target.lake, victim.pid), 120, "the run to take the lock")
    assert not lock_is_free(target.lake)
    victim.kill()  # SIGKILL the run itself only, as the OOM killer would; whatever it started stays
    victim.wait()
    try:
        wait_for(lambda: lock_is_free(target.lake), 1.0, "the kernel to release the flock")
        # no --wait: a stale lock would make it exit with 4
        rerun = start(target.run_command(), env, tmp_path / "rerun.log")
        code = finish(rerun)[0]
    finally:
        kill_group(victim)
    assert code in RUN_DONE, (tmp_path / "rerun.log").read_text()[-2000:]
    assert_consistent(Lake(target.lake), 20)
