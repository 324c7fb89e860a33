"""`newsfacts run` end to end through the real Prefect flow, on the bundled sample."""

from __future__ import annotations

import json

import duckdb
import pytest

from flows.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from transforms.contract import all_tables

pytestmark = [pytest.mark.flow, pytest.mark.usefixtures("prefect_harness")]


def run(input_dir, tmp_path, *extra: str) -> int:
    return main(["run", str(input_dir), "--lake", str(tmp_path / "lake"), "--db", str(tmp_path / "w.duckdb"),
                 "--docs", str(tmp_path / "docs"), "--marts", str(tmp_path / "marts"), "--quiet", *extra])


def snapshot(db_path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, as read through the warehouse views."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {t.name: sorted(con.execute(f"select * from {t.name}").fetchall(), key=repr) for t in all_tables()}
    finally:
        con.close()


def test_sample_run_creates_every_table_in_the_warehouse(sample_dir, tmp_path):
    assert run(sample_dir, tmp_path) == EXIT_OK
    tables = snapshot(tmp_path / "w.duckdb")
    assert set(tables) == {t.name for t in all_tables()}
    assert len(tables["documents"]) == 5
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    types = dict(con.execute("select column_name, data_type from information_schema.columns "
                             "where table_name = 'documents'").fetchall())
    comment = con.execute("select comment from duckdb_views() where view_name = 'documents'").fetchall()[0][0]
    con.close()
    assert types["published_date"] == "DATE"
    assert types["ingested_at"] == "TIMESTAMP WITH TIME ZONE"
    assert comment.startswith("One row per distinct article text")


def test_a_second_run_ingests_nothing_and_changes_no_row(sample_dir, tmp_path, capsys):
    assert run(sample_dir, tmp_path) == EXIT_OK
    first = snapshot(tmp_path / "w.duckdb")
    assert run(sample_dir, tmp_path) == EXIT_OK
    second = snapshot(tmp_path / "w.duckdb")
    # pipeline_runs is the log of runs: it is the one table that grows, by one row per run
    assert len(second.pop("pipeline_runs")) == len(first.pop("pipeline_runs")) + 1
    assert second == first


def test_the_same_text_in_two_files_is_one_document(sample_dir, tmp_path):
    copy = sample_dir / "copy_of_000.txt"
    copy.write_text(next(sample_dir.glob("000_*.txt")).read_text())
    assert run(sample_dir, tmp_path) == EXIT_OK
    assert len(snapshot(tmp_path / "w.duckdb")["documents"]) == 5


def test_full_refresh_rebuilds_the_same_facts(sample_dir, tmp_path):
    assert run(sample_dir, tmp_path) == EXIT_OK
    before = snapshot(tmp_path / "w.duckdb")
    assert run(sample_dir, tmp_path, "--full-refresh") == EXIT_OK
    after = snapshot(tmp_path / "w.duckdb")
    after.pop("pipeline_runs"), before.pop("pipeline_runs")
    # source_files logs reads: the refresh read every file again, so only its run_id and read_at changed
    assert [row[:6] for row in after.pop("source_files")] == [row[:6] for row in before.pop("source_files")]
    assert after == before


def test_a_run_that_finds_nothing_new_starts_no_flow_and_logs_itself(sample_dir, tmp_path):
    assert run(sample_dir, tmp_path) == EXIT_OK
    assert run(sample_dir, tmp_path) == EXIT_OK
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    runs = con.execute("select flow_run_id, documents_new, message from pipeline_runs order by started_at").fetchall()
    con.close()
    assert runs[0][0] is not None and runs[0][1] == 5
    assert runs[1][0] is None and runs[1][1] == 0 and runs[1][2].startswith("nothing new")


def test_a_changed_file_is_read_again_and_an_unchanged_one_is_not(sample_dir, tmp_path):
    assert run(sample_dir, tmp_path) == EXIT_OK
    article = next(sample_dir.glob("000_*.txt"))
    article.write_text(article.read_text() + "\nRussia launched 12 drones overnight.\n")
    assert run(sample_dir, tmp_path) == EXIT_OK
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    last = con.execute("select documents_seen, documents_new, details_json from pipeline_runs "
                       "order by started_at desc limit 1").fetchall()[0]
    con.close()
    assert last[:2] == (1, 1)
    assert json.loads(last[2])["files_unchanged"] == 4


def test_bad_inputs_are_recorded_and_the_good_documents_kept(sample_dir, tmp_path):
    (sample_dir / "empty.txt").write_bytes(b"")
    (sample_dir / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (sample_dir / "feed.jsonl").write_text(json.dumps({"text": "Headline\nA good line."}) + "\n{broken\n")
    assert run(sample_dir, tmp_path) == EXIT_REJECTED
    tables = snapshot(tmp_path / "w.duckdb")
    assert len(tables["documents"]) == 6
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    errors = dict(con.execute("select source_name, reason from ingest_errors").fetchall())
    con.close()
    assert errors == {"empty.txt": "empty", "binary.txt": "binary", "feed.jsonl#2": "malformed_json"}
    # a rerun does not read the unchanged bad files again, so it rejects nothing and records nothing new
    assert run(sample_dir, tmp_path) == EXIT_OK
    again = snapshot(tmp_path / "w.duckdb")
    again.pop("pipeline_runs"), tables.pop("pipeline_runs")
    assert again == tables
    # a bad file written again is read again: rejected again, but recorded only once
    (sample_dir / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert run(sample_dir, tmp_path) == EXIT_REJECTED
    assert snapshot(tmp_path / "w.duckdb")["ingest_errors"] == tables["ingest_errors"]


def test_a_missing_input_folder_is_a_one_line_error(tmp_path, capsys):
    assert run(tmp_path / "nope", tmp_path) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsfacts: error: input folder not found") and "\n" not in err


def test_sql_prints_a_table(sample_dir, tmp_path, capsys):
    run(sample_dir, tmp_path)
    capsys.readouterr()
    assert main(["sql", "select count(*) as n from documents", "--db", str(tmp_path / "w.duckdb")]) == EXIT_OK
    out = capsys.readouterr().out
    assert "n" in out and "5" in out and "1 row" in out


def test_sample_marts_answer_the_corroboration_and_tariff_questions(sample_dir, tmp_path):
    assert run(sample_dir, tmp_path) == EXIT_OK
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        claims = {(c, w): (d, n) for d, w, c, n in con.execute(
            "select report_date, weapon_type, claim, documents from mart_claim_corroboration "
            "where status = 'launched'").fetchall()}
        tariffs = con.execute("select imposing_country_iso2, target_country_iso2, rate_pct "
                              "from mart_tariff_timeline").fetchall()
        runs = con.execute("select model_tests_failed, status from pipeline_runs").fetchall()
    finally:
        con.close()
    day = __import__("datetime").date(2025, 10, 16)
    assert claims[("more than 300", "drone")] == (day, 2)
    assert claims[("37", "missile")] == (day, 1)
    assert claims[("dozens", "missile")] == (day, 3)
    assert ("US", "IN", 50.0) in tariffs
    assert runs == [(0, "completed")]
    assert (tmp_path / "marts" / "mart_claim_corroboration.parquet").exists()


def test_models_lists_every_model_with_its_dependencies(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["models"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "mart_claim_corroboration" in out and "fct_weapon_reports" in out and "stg_documents" in out


def test_models_that_a_failed_run_did_not_build_are_built_by_the_next_run_even_with_nothing_new(
        sample_dir, tmp_path, monkeypatch):
    import flows.pipeline

    def models_die(*args, **kwargs):
        raise RuntimeError("killed while building the models")

    with monkeypatch.context() as patched:
        patched.setattr(flows.pipeline, "build_models", models_die)
        assert run(sample_dir, tmp_path) == 1
    assert run(sample_dir, tmp_path) == EXIT_OK
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    marts = con.execute("select count(*) from mart_daily_strikes").fetchone()[0]
    last = con.execute("select documents_new, model_tests_failed from pipeline_runs "
                       "order by started_at desc limit 1").fetchone()
    con.close()
    assert marts > 0
    assert last == (0, 0), "the second run found nothing new, built the models and tested them"
