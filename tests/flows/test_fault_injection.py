"""SIGKILL `newsfacts run` at random moments, rerun, and end with exactly the tables of an uninterrupted run.

A reference lake is built by one clean run over a corpus of a few hundred distinct articles. The crash lake
is built by a series of runs, each SIGKILLed at a seeded random moment: uniformly up to the clean run's
commit point (Prefect start-up, ingest, extraction, validation, staging), or a random delay after the
run's first staged file, or after its commit point (the warehouse refresh, the models, the run record),
or within 20 ms of it (the moves). Incremental runs alternate with `--full-refresh` runs, the input grows
between them, batches are small (`--batch-size 50`) so a run stages many files. After each kill, before
the next run, the published state must be a complete one:

- the documents are exactly those of the previous committed state or of the whole current input;
- every fact's document is in documents, and every document has exactly its reference facts, no more;
- no key is duplicated; ingest_errors is empty or the reference's;
- the warehouse (read-only, as `newsfacts sql` reads it) shows one of the committed states, all of it.

A final uninterrupted run must then give the reference's rows, row for row, in the lake and in the warehouse.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from newsfacts_processes import (
    COMPARED_TABLES,
    VOLATILE_COLUMNS,
    Article,
    Target,
    corpus,
    duplicated_keys,
    facts_by_doc,
    kill_group,
    newsfacts_env,
    run_to_completion,
    shared_prefect_server,
    snapshot,
    start,
    write_corpus,
)

from transforms.lake import MANIFEST, STAGING, Lake

pytestmark = [pytest.mark.flow]

CORPUS_SIZE = 240
BATCH_SIZE = "50"
SEED = 20261201
POLL_SECONDS = 0.005


@pytest.fixture(scope="module")
def prefect_api_url() -> str:
    return shared_prefect_server()


# --------------------------------------------------------------------------------------------------------
# Watching a run: when it first staged a file, when it committed, when it ended
# --------------------------------------------------------------------------------------------------------
def _manifest_run_id(lake_dir: Path) -> str | None:
    try:
        return json.loads((lake_dir / MANIFEST).read_bytes()).get("run_id")
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _staged_anything(lake_dir: Path) -> bool:
    staging = lake_dir / STAGING
    return staging.exists() and any(staging.glob("*/*/*.part"))


@dataclass
class Timeline:
    """Seconds from the start of a run to its events (None: not reached)."""

    staged: float | None = None
    committed: float | None = None
    ended: float | None = None


def watch(process, lake_dir: Path, kill_at=None) -> Timeline:
    """Follow a run until it ends, or SIGKILL it when kill_at(timeline, now) says so."""
    started = time.monotonic()
    before = _manifest_run_id(lake_dir)
    timeline = Timeline()
    while True:
        now = time.monotonic() - started
        if process.poll() is not None:
            timeline.ended = now
            return timeline
        if timeline.staged is None and _staged_anything(lake_dir):
            timeline.staged = now
        if timeline.committed is None and _manifest_run_id(lake_dir) not in (before, None):
            timeline.committed = now
        if kill_at is not None and kill_at(timeline, now):
            kill_group(process)
            return timeline
        time.sleep(POLL_SECONDS)


# --------------------------------------------------------------------------------------------------------
# The reference: one uninterrupted run
# --------------------------------------------------------------------------------------------------------
@dataclass
class Reference:
    articles: list[Article]
    tables: dict[str, list[dict]]
    facts: dict[str, dict[str, list[dict]]]
    doc_of: dict[str, str]  # article file name -> doc_id
    warehouse: dict[str, list[tuple]]
    timeline: Timeline

    def doc_ids(self, articles) -> frozenset[str]:
        return frozenset(self.doc_of[a.name] for a in articles)


def warehouse_rows(db_path: Path) -> dict[str, list[tuple]] | None:
    """Every compared table as the warehouse views show it (volatile columns dropped), or None if absent."""
    if not db_path.exists():
        return None
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        listed = con.sql("select view_name from duckdb_views() where not internal").fetchall()
        views = {name for (name,) in listed}
        out = {}
        for table in COMPARED_TABLES:
            if table.name not in views:
                out[table.name] = []
                continue
            columns = [c for c in table.column_names if c not in VOLATILE_COLUMNS.get(table.name, set())]
            relation = con.sql(f"select {', '.join(columns)} from {table.name}")
            out[table.name] = sorted(relation.fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory, prefect_api_url) -> Reference:
    root = tmp_path_factory.mktemp("reference")
    articles = corpus(CORPUS_SIZE)
    write_corpus(root / "input", articles)
    target = Target(root / "input", root)
    env = newsfacts_env(prefect_api_url, root / "prefect-home")
    process = start(target.run_command("--batch-size", BATCH_SIZE), env, root / "runs.log")
    timeline = watch(process, target.lake)
    assert process.returncode == 3, (root / "runs.log").read_text()[-3000:]  # 3: the bad inputs
    tables = snapshot(Lake(target.lake))
    assert len(tables["documents"]) == CORPUS_SIZE
    doc_of = {row["source_name"]: row["doc_id"] for row in tables["documents"]}
    assert duplicated_keys(tables) == dict.fromkeys(tables, 0)
    return Reference(articles, tables, facts_by_doc(tables), doc_of, warehouse_rows(target.db), timeline)


# --------------------------------------------------------------------------------------------------------
# The crash lake
# --------------------------------------------------------------------------------------------------------
@dataclass
class Kill:
    """One killed run: how it was killed, where it was when it died, and what the lake showed afterwards."""

    number: int
    full_refresh: bool
    inputs: int
    mode: str
    after_seconds: float
    phase: str = ""
    documents_after: int = 0


@dataclass
class Campaign:
    kills: list[Kill] = field(default_factory=list)
    runs: int = 0
    checks: int = 0
    rows_compared: int = 0


def kill_rule(rng: random.Random, reference: Reference):
    """A seeded way to choose the moment of the kill: (mode, kill_at(timeline, now) -> bool)."""
    ref = reference.timeline
    mode = rng.choices(["uniform", "after_staging", "after_commit", "at_commit"], weights=[4, 2, 2, 1])[0]
    if mode == "uniform":  # up to the reference's commit point: what comes after has its own modes
        at = rng.uniform(0.0, ref.committed)
        return mode, at, lambda timeline, now: now >= at
    event = "staged" if mode == "after_staging" else "committed"
    window = {"after_staging": ref.committed - ref.staged, "after_commit": ref.ended - ref.committed,
              "at_commit": 0.02}[mode]  # at_commit: the moves right after the manifest rename
    delay = rng.uniform(0.0, max(0.02, window))

    def kill_at(timeline: Timeline, now: float) -> bool:
        reached = getattr(timeline, event)
        return reached is not None and now >= reached + delay

    return mode, delay, kill_at


def phase_of(lake: Lake, db_path: Path, run_started_version: int, timeline: Timeline, exited: bool) -> str:
    """Where the killed run was, read from the lake it left behind."""
    if exited:
        return "finished before the kill"
    manifest = lake.manifest()
    if manifest.version == run_started_version:
        if timeline.staged is not None or _staged_anything(lake.root):
            return "staging batches"
        return "start-up, recovery or ingest (nothing staged yet)"
    if manifest.pending_moves:
        return "right after the commit point (moves pending)"
    if manifest.run_id and manifest.run_id.endswith("-record"):
        return "after its run record"
    if not warehouse_is_current(lake, db_path):
        return "after the commit, before its warehouse refresh"
    return "after the warehouse refresh (models)"


def warehouse_is_current(lake: Lake, db_path: Path) -> bool:
    """Whether the warehouse's documents view reads exactly the manifest's documents files."""
    if not db_path.exists():
        return False
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        found = con.sql("select sql from duckdb_views() where view_name = 'documents'").fetchall()
    finally:
        con.close()
    files = lake.manifest().tables.get("documents", [])
    return bool(found) and all(str(lake.root / rel) in found[0][0] for rel in files)


def check_complete_state(lake: Lake, reference: Reference, allowed: list[frozenset[str]],
                         committed_states: list[frozenset[str]], db_path: Path) -> tuple[frozenset[str], int]:
    """Assert that lake and warehouse each show one complete committed state; returns (doc ids, rows)."""
    tables = snapshot(lake)
    doc_ids = frozenset(row["doc_id"] for row in tables["documents"])
    assert doc_ids in allowed, f"{len(doc_ids)} documents: neither the previous nor the complete state"
    assert duplicated_keys(tables) == dict.fromkeys(tables, 0)
    expected_docs = sorted((row for row in reference.tables["documents"] if row["doc_id"] in doc_ids),
                           key=lambda row: row["doc_id"])
    assert sorted(tables["documents"], key=lambda row: row["doc_id"]) == expected_docs
    facts = facts_by_doc(tables)
    assert set(facts) <= doc_ids, "facts of documents that are not published"
    for doc_id in doc_ids:
        assert facts.get(doc_id, {}) == reference.facts.get(doc_id, {}), f"facts of {doc_id} differ"
    assert tables["ingest_errors"] in ([], reference.tables["ingest_errors"])
    rows = sum(len(rows) for rows in tables.values())
    warehouse = warehouse_rows(db_path)
    if warehouse is not None and warehouse["documents"]:
        shown = frozenset(row[0] for row in warehouse["documents"])
        assert shown in committed_states, "the warehouse shows a state that was never committed"
        for table in COMPARED_TABLES:
            expected = restricted(reference, table, shown)
            allowed_rows = [expected, []] if table.name in ("ingest_errors", "rejected_facts") else [expected]
            assert warehouse[table.name] in allowed_rows, f"warehouse {table.name} is not a complete state"
        rows += sum(len(r) for r in warehouse.values())
    return doc_ids, rows


def restricted(reference: Reference, table, doc_ids: frozenset[str]) -> list[tuple]:
    """The reference warehouse rows of a table that belong to the given documents (all rows if no doc_id)."""
    rows = reference.warehouse[table.name]
    columns = [c for c in table.column_names if c not in VOLATILE_COLUMNS.get(table.name, set())]
    if "doc_id" not in columns or table.name == "rejected_facts":
        return rows
    position = columns.index("doc_id")
    return [row for row in rows if row[position] in doc_ids]


def crash_campaign(tmp_path: Path, api_url: str, reference: Reference, kills: int, seed: int) -> Campaign:
    rng = random.Random(seed)
    target = Target(tmp_path / "input", tmp_path / "crash")
    env = newsfacts_env(api_url, tmp_path / "prefect-home")
    lake = Lake(target.lake)
    campaign = Campaign()
    growth_steps = (kills + 1) // 2
    present = 0
    committed = frozenset()
    committed_states = [frozenset()]
    for number in range(kills):
        full_refresh = number % 2 == 1
        if not full_refresh:
            present = round(CORPUS_SIZE * (number // 2 + 1) / growth_steps)
            write_corpus(target.input_dir, reference.articles[:present])
        wanted = reference.doc_ids(reference.articles[:present])
        mode, moment, kill_at = kill_rule(rng, reference)
        version = lake.manifest().version
        extra = ["--batch-size", BATCH_SIZE] + (["--full-refresh"] if full_refresh else [])
        process = start(target.run_command(*extra), env, target.root / "runs.log")
        campaign.runs += 1
        timeline = watch(process, target.lake, kill_at)
        exited = timeline.ended is not None
        kill = Kill(number, full_refresh, present, mode, round(moment, 3))
        kill.phase = phase_of(lake, target.db, version, timeline, exited)
        committed, rows = check_complete_state(lake, reference, [committed, wanted],
                                               [*committed_states, wanted], target.db)
        committed_states.append(committed)
        kill.documents_after = len(committed)
        campaign.kills.append(kill)
        campaign.checks += 1
        campaign.rows_compared += rows
    write_corpus(target.input_dir, reference.articles)
    code = run_to_completion(target, env, "--batch-size", BATCH_SIZE)
    campaign.runs += 1
    assert code in (0, 3), (target.root / "runs.log").read_text()[-3000:]
    final = snapshot(lake)
    assert duplicated_keys(final) == dict.fromkeys(final, 0)
    for table in COMPARED_TABLES:
        assert final[table.name] == reference.tables[table.name], f"{table.name} differs from the clean run"
        campaign.rows_compared += len(final[table.name])
    warehouse = warehouse_rows(target.db)
    for table in COMPARED_TABLES:
        assert warehouse[table.name] == reference.warehouse[table.name], f"warehouse {table.name} differs"
        campaign.rows_compared += len(warehouse[table.name])
    return campaign


def report(campaign: Campaign, path: Path) -> str:
    phases: dict[str, int] = {}
    for kill in campaign.kills:
        phases[kill.phase] = phases.get(kill.phase, 0) + 1
    lines = [f"kills: {len(campaign.kills)}, runs: {campaign.runs} (kills + 1 final rerun), "
             f"state checks after kills: {campaign.checks}, rows compared: {campaign.rows_compared}, "
             "differences: 0", "kills by phase: " + json.dumps(phases, sort_keys=True)]
    lines += [f"  kill {k.number:2d} {'full-refresh' if k.full_refresh else 'incremental '} "
              f"inputs={k.inputs:3d} {k.mode:13s} {k.after_seconds:6.3f}s -> {k.phase}; "
              f"documents published: {k.documents_after}"
              for k in campaign.kills]
    text = "\n".join(lines)
    path.write_text(text + "\n")
    return text


def test_five_kills_end_with_the_clean_runs_tables(tmp_path, prefect_api_url, reference, capsys):
    campaign = crash_campaign(tmp_path, prefect_api_url, reference, kills=5, seed=SEED)
    with capsys.disabled():
        print("\n" + report(campaign, tmp_path / "fault_injection.txt"))
    assert len(campaign.kills) == 5


@pytest.mark.slow
def test_twenty_four_kills_end_with_the_clean_runs_tables(tmp_path, prefect_api_url, reference, capsys):
    campaign = crash_campaign(tmp_path, prefect_api_url, reference, kills=24, seed=SEED + 1)
    with capsys.disabled():
        print("\n" + report(campaign, tmp_path / "fault_injection.txt"))
    phases = {kill.phase for kill in campaign.kills}
    assert len(phases) >= 4, phases  # the kills landed in several different phases of a run
