"""Broken rows fed through the real flow are quarantined with the expectation they failed; good rows publish."""

from __future__ import annotations

import json

import duckdb
import pytest

import transforms.processing as processing_module
from flows.cli import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, main
from transforms.extract import extractor, finish_rows

pytestmark = [pytest.mark.flow, pytest.mark.usefixtures("prefect_harness")]


def run(input_dir, tmp_path) -> int:
    return main(["run", str(input_dir), "--lake", str(tmp_path / "lake"), "--db", str(tmp_path / "w.duckdb"),
                 "--docs", str(tmp_path / "docs"), "--marts", str(tmp_path / "marts"), "--quiet"])


def query(tmp_path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def with_37_missiles_row(rows: dict, docs) -> dict:
    """The weapon_counts row of "37 missiles" (made by the real finishing step if the extractor missed it)."""
    doc = next(d for d in docs if "37 missiles" in d.text)
    start = doc.text.index("37 missiles")
    template = dict(next((r for r in rows["weapon_counts"] if r["char_start"] == start), None) or
                    finish_rows(extractor("weapon_counts"), doc, [{
                        "char_start": start, "char_end": start + 11, "weapon_type": "missile",
                        "weapon_name": None, "count_value": 37, "count_low": 37, "count_high": 37,
                        "qualifier": "exact", "vague_word": None, "status": "launched", "event_date": None}])[0])
    if template not in rows["weapon_counts"]:
        rows["weapon_counts"].append(template)
    return template


def breaking(mutations):
    """extract_batch that also emits broken variants of one real row (each with its own fact_id)."""
    real_extract_batch = processing_module.extract_batch

    def extract_batch(docs):
        rows = real_extract_batch(docs)
        template = with_37_missiles_row(rows, docs)
        for number, mutation in enumerate(mutations):
            rows["weapon_counts"].append(dict(template, fact_id=f"broken-{number}", **mutation))
        rows["weapon_counts"].append(dict(template))  # a duplicate fact_id: both copies are refused
        return rows

    return extract_batch


BROKEN = {
    "negative_count": ({"count_value": -5}, "expect_column_values_to_be_between(count_value)"),
    "unknown_weapon_type": ({"weapon_type": "banana"}, "expect_column_values_to_be_in_set(weapon_type)"),
    "offset_past_end": ({"char_start": 10**6, "char_end": 10**6 + 11},
                        "expect_column_values_to_be_in_set(span_matches_text)"),
    "wrong_column_type": ({"count_value": "thirty-seven"}, "expect_column_values_to_be_of_type(count_value)"),
    "low_above_high": ({"count_low": 90, "count_high": 10},
                       "expect_column_pair_values_a_to_be_greater_than_b(count_high, count_low)"),
}


def test_broken_rows_are_quarantined_and_valid_rows_published(sample_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(processing_module, "extract_batch", breaking([m for m, _ in BROKEN.values()]))
    assert run(sample_dir, tmp_path) == EXIT_REJECTED

    rejected = query(tmp_path, "select table_name, row_json, failed_expectations from rejected_facts")
    by_failure = {}
    for table_name, row_json, failed in rejected:
        assert table_name == "weapon_counts"
        by_failure.setdefault(failed, []).append(json.loads(row_json))
    for case, (_, expectation) in BROKEN.items():
        assert any(expectation in failed for failed in by_failure), f"{case}: {expectation} not named"
    duplicates = [f for f in by_failure if "expect_column_values_to_be_unique(fact_id)" in f]
    assert sum(len(by_failure[f]) for f in duplicates) == 2

    published = query(tmp_path, "select count_value, weapon_type from weapon_counts "
                                "where doc_id in (select doc_id from documents where source_name like '000_%')")
    assert (-5, "missile") not in published and all(t != "banana" for _, t in published)
    assert (37, "missile") not in published  # the real row and its duplicate share a fact_id
    assert query(tmp_path, "select count(*) from documents") == [(5,)]

    runs = query(tmp_path, "select status, facts_quarantined, validation_success, details_json from pipeline_runs")
    assert len(runs) == 1
    status, quarantined, success, details = runs[0]
    assert (status, quarantined, success) == ("completed_with_rejections", len(rejected), False)
    assert json.loads(details)["rows_quarantined"]["weapon_counts"] == len(rejected)
    assert (tmp_path / "docs" / "index.html").exists()


def test_a_table_level_failure_publishes_nothing_and_keeps_the_previous_lake(sample_dir, tmp_path, monkeypatch):
    assert run(sample_dir, tmp_path) == EXIT_OK
    files_before = sorted(p.name for p in (tmp_path / "lake").rglob("*.parquet"))
    manifest_before = (tmp_path / "lake" / "_manifest.json").read_text()
    documents_before = query(tmp_path, "select * from documents order by doc_id")

    (sample_dir / "new.txt").write_text("New article\nRussia launched 40 drones and 37 missiles overnight.")
    real_extract_batch = processing_module.extract_batch

    def drifting(docs):
        rows = real_extract_batch(docs)
        with_37_missiles_row(rows, docs)
        return {table: [dict(r, unexpected_column=1) for r in table_rows] for table, table_rows in rows.items()}

    monkeypatch.setattr(processing_module, "extract_batch", drifting)
    assert run(sample_dir, tmp_path) == EXIT_FAILED

    assert query(tmp_path, "select * from documents order by doc_id") == documents_before
    runs = query(tmp_path, "select status, message from pipeline_runs order by started_at")
    assert runs[-1][0] == "failed" and "expect_table_columns_to_match_ordered_list" in runs[-1][1]
    manifest_after = json.loads((tmp_path / "lake" / "_manifest.json").read_text())
    before = json.loads(manifest_before)
    for table, files in before["tables"].items():
        if table != "pipeline_runs":
            assert manifest_after["tables"][table] == files
    assert set(files_before) <= {p.name for p in (tmp_path / "lake").rglob("*.parquet")}


def test_validate_rechecks_the_published_lake_and_docs_says_where_the_pages_are(sample_dir, tmp_path, capsys):
    assert run(sample_dir, tmp_path) == EXIT_OK
    capsys.readouterr()
    lake, docs = str(tmp_path / "lake"), str(tmp_path / "docs")
    assert main(["validate", "--lake", lake, "--docs", docs]) == EXIT_OK
    assert "weapon_counts" in capsys.readouterr().out
    assert main(["docs", "--docs", docs]) == EXIT_OK
    assert capsys.readouterr().out.strip() == (tmp_path / "docs" / "index.html").as_uri()
