"""The SQL model runner orders models from their SQL, refuses cycles and unknown tables, and the marts answer
analysts' questions correctly on small hand-made inputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from transforms.contract import all_tables, table
from transforms.sql_models import ModelError, build_all, build_order, load_models, tables_read

SOURCES = {t.name for t in all_tables()}


def model_file(root: Path, name: str, sql: str, layer: str = "marts", materialized: str = "view") -> None:
    path = root / layer / f"{name}.sql"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"/* ---\ndescription: test model {name}\nmaterialized: {materialized}\n--- */\n{sql}\n")


def test_dependencies_come_from_the_sql_not_from_cte_names(tmp_path):
    assert tables_read("with weapon_counts as (select 1) select * from weapon_counts, stg_documents") == \
        frozenset({"stg_documents"})
    model_file(tmp_path, "c", "select * from b join a using (x)")
    model_file(tmp_path, "b", "with a_copy as (select * from a) select * from a_copy")
    model_file(tmp_path, "a", "select 1 as x from documents", layer="staging")
    assert build_order(load_models(tmp_path), SOURCES) == ["a", "b", "c"]


def test_a_cycle_is_refused_with_its_path(tmp_path):
    model_file(tmp_path, "a", "select * from b")
    model_file(tmp_path, "b", "select * from a")
    with pytest.raises(ModelError, match="dependency cycle: a -> b -> a"):
        build_order(load_models(tmp_path), SOURCES)


def test_a_missing_model_is_named(tmp_path):
    model_file(tmp_path, "a", "select * from stg_nothing")
    with pytest.raises(ModelError, match="model a reads stg_nothing, which is neither a model nor a lake table"):
        build_order(load_models(tmp_path), SOURCES)


def test_a_model_without_header_is_refused(tmp_path):
    (tmp_path / "bad.sql").write_text("select 1")
    with pytest.raises(ModelError, match="no /\\* --- YAML header"):
        load_models(tmp_path)


def test_every_staging_model_keeps_every_contract_column():
    con = duckdb.connect()
    _load_sources(con, {})
    build_all(con, SOURCES, None)
    for source in all_tables():
        columns = [r[0] for r in con.execute("select column_name from information_schema.columns "
                                             "where table_name = ?", [f"stg_{source.name}"]).fetchall()]
        assert set(source.column_names) <= set(columns), f"stg_{source.name} drops contract columns"


def test_every_model_is_documented_in_duckdb():
    con = duckdb.connect()
    _load_sources(con, {})
    result = build_all(con, SOURCES, None)
    comments = dict(con.execute("select table_name, comment from duckdb_tables() union all "
                                "select view_name, comment from duckdb_views()").fetchall())
    for name in result.built:
        assert comments.get(name), f"{name} has no COMMENT"


# -- marts on hand-made input -----------------------------------------------------------------------------
DAY = dt.date(2025, 10, 16)


def _doc(doc_id: str, published=DAY, uri=None) -> dict:
    return {"doc_id": doc_id, "source_name": f"{doc_id}.txt", "source_uri": uri or f"https://{doc_id}.example/a",
            "title": f"title {doc_id}", "text": "x", "published_date": published, "published_date_source": "metadata",
            "ingested_at": dt.datetime(2025, 10, 17, tzinfo=dt.UTC), "encoding": "utf-8", "char_count": 1}


def _weapon(doc_id: str, n: int, weapon_type: str, count, qualifier="exact", status="launched", vague=None,
            event_date=None) -> dict:
    return {"fact_id": f"{doc_id}-w{n}", "doc_id": doc_id, "sentence_no": 0, "char_start": 0, "char_end": 1,
            "mention": "x", "sentence": "x", "extractor_version": "t", "weapon_type": weapon_type, "weapon_name": None,
            "count_value": count, "count_low": None, "count_high": None, "qualifier": qualifier, "vague_word": vague,
            "status": status, "event_date": event_date}


def _tariff(doc_id: str, n: int, imposing, target, rate, effective=None) -> dict:
    return {"fact_id": f"{doc_id}-t{n}", "doc_id": doc_id, "sentence_no": 0, "char_start": 0, "char_end": 1,
            "mention": "x", "sentence": "x", "extractor_version": "t", "imposing_country_iso2": imposing,
            "target_country_iso2": target, "goods": "goods", "rate_pct": rate, "previous_rate_pct": None,
            "change": "raised", "effective_date": effective}


def _region(doc_id: str, n: int, iso, name, impact, count=None) -> dict:
    return {"fact_id": f"{doc_id}-r{n}", "doc_id": doc_id, "sentence_no": 0, "char_start": 0, "char_end": 1,
            "mention": "x", "sentence": "x", "extractor_version": "t", "region_name": name, "iso_3166_2": iso,
            "country_iso2": "UA", "region_count": count, "impact": impact, "event_date": None}


def _load_sources(con, rows: dict[str, list[dict]]) -> None:
    for source in all_tables():
        arrow = source.to_arrow(rows.get(source.name, []))
        con.register(f"{source.name}_arrow", arrow)
        con.execute(f"create or replace table {source.name} as select * from {source.name}_arrow")


@pytest.fixture
def warehouse(tmp_path):
    con = duckdb.connect()
    _load_sources(con, {
        "documents": [_doc("a"), _doc("b"), _doc("c"), _doc("old", published=dt.date(2025, 5, 1))],
        "weapon_counts": [
            _weapon("a", 1, "drone", 300, "more_than"), _weapon("b", 1, "drone", 300, "more_than"),
            _weapon("a", 2, "missile", 37), _weapon("c", 1, "missile", 40),
            _weapon("a", 3, "missile", None, "vague", vague="dozens"),
            _weapon("b", 2, "missile", None, "vague", vague="dozens"),
            _weapon("c", 2, "missile", 30, status="intercepted"),
            _weapon("c", 3, "drone", 250, status="intercepted", event_date=dt.date(2025, 10, 15)),
        ],
        "tariff_rates": [_tariff("old", 1, "US", "IN", 25.0), _tariff("a", 1, "US", "IN", 50.0),
                         _tariff("b", 1, "US", "IN", 50.0), _tariff("c", 1, "US", None, 50.0)],
        "regions_affected": [_region("a", 1, "UA-53", "Poltava Oblast", "gas_production_halted"),
                             _region("b", 1, "UA-53", "Poltava region", "strike"),
                             _region("a", 2, None, None, "power_outage", count=8)],
    })
    result = build_all(con, SOURCES, tmp_path / "marts")
    assert [t for t in result.tests if not t.passed] == []
    yield con, result


def test_claim_corroboration_counts_documents_and_conflicts(warehouse):
    con, _ = warehouse
    claims = {(r[1], r[2], r[3]): r[4:] for r in con.execute(
        "select report_date, weapon_type, status, claim, documents, conflicting_documents "
        "from mart_claim_corroboration where report_date = ?", [DAY]).fetchall()}
    assert claims[("drone", "launched", "more than 300")] == (2, 0)
    assert claims[("missile", "launched", "37")] == (1, 1)  # document c says 40
    assert claims[("missile", "launched", "40")] == (1, 1)
    assert claims[("missile", "launched", "dozens")] == (2, 0)
    assert ("drone", "intercepted", "250") not in claims  # its event date is the day before


def test_daily_strikes_takes_the_most_cited_figure_and_the_range(warehouse):
    con, _ = warehouse
    row = con.execute("select launched_most_cited, launched_min, launched_max, intercepted_most_cited, documents, "
                      "interception_rate from mart_daily_strikes where report_date = ? and weapon_type = 'missile'",
                      [DAY]).fetchone()
    assert row == (40, 37, 40, 30, 3, 0.75)  # 37 and 40 are cited once each: the tie goes to the larger


def test_tariff_timeline_shows_each_rate_and_its_change(warehouse):
    con, _ = warehouse
    rows = con.execute("select rate_date, rate_pct, previous_reported_rate_pct, change_pct_points, documents "
                       "from mart_tariff_timeline where imposing_country_iso2 = 'US' and target_country_iso2 = 'IN' "
                       "order by rate_date").fetchall()
    assert rows == [(dt.date(2025, 5, 1), 25.0, None, None, 1), (DAY, 50.0, 25.0, 25.0, 2)]


def test_region_impacts_group_by_region_and_day(warehouse):
    con, _ = warehouse
    rows = con.execute("select iso_3166_2, country_iso2, report_date, impacts, mentions, documents "
                       "from mart_region_impacts").fetchall()
    assert rows == [("UA-53", "UA", DAY, ["gas_production_halted", "strike"], 2, 2)]


def test_fct_weapon_reports_uses_the_event_date_else_the_publication_date(warehouse):
    con, _ = warehouse
    dates = dict(con.execute("select fact_id, report_date from fct_weapon_reports").fetchall())
    assert dates["c-w3"] == dt.date(2025, 10, 15) and dates["a-w1"] == DAY
    assert con.execute("select title from fct_weapon_reports where fact_id = 'a-w1'").fetchone() == ("title a",)


def test_marts_are_exported_to_parquet(warehouse, tmp_path):
    con, result = warehouse
    names = sorted(p.stem for p in result.exported)
    assert names == ["fct_weapon_reports", "mart_claim_corroboration", "mart_daily_strikes", "mart_region_impacts",
                     "mart_tariff_timeline"]
    exported = pq.read_table(tmp_path / "marts" / "mart_claim_corroboration.parquet")
    assert exported.num_rows == con.execute("select count(*) from mart_claim_corroboration").fetchone()[0]
    assert not list((tmp_path / "marts").glob(".*"))


def test_data_tests_catch_broken_rows(tmp_path):
    con = duckdb.connect()
    broken = _weapon("a", 1, "drone", 5)
    _load_sources(con, {"documents": [_doc("a")], "weapon_counts": [broken, dict(broken, doc_id="ghost")]})
    result = build_all(con, SOURCES, None)
    failed = {(t.model, t.test) for t in result.tests if not t.passed}
    assert ("stg_weapon_counts", "unique(fact_id)") in failed
    assert ("stg_weapon_counts", "relationships(doc_id -> stg_documents.doc_id)") in failed
    assert table("weapon_counts")


# -- rebuilding -------------------------------------------------------------------------------------------
def _relations(con) -> set[str]:
    return {name for (name,) in con.execute("select table_name from information_schema.tables").fetchall()}


def _built_over_one_document(models_dir: Path):
    """A warehouse with a documents table of one row and the models of `models_dir` built over it."""
    con = duckdb.connect()
    con.execute("create table documents as select 'a' as doc_id")
    build_all(con, SOURCES, None, root=models_dir)
    return con


def test_a_rebuild_shows_the_new_data_in_tables_that_read_other_tables(tmp_path):
    model_file(tmp_path, "stg_docs", "select doc_id from documents", layer="staging")
    model_file(tmp_path, "fct", "select doc_id from stg_docs", materialized="table")
    model_file(tmp_path, "mart", "with f as (select * from fct) select count(*) as n from f", materialized="table")
    con = _built_over_one_document(tmp_path)
    con.execute("insert into documents values ('b')")
    build_all(con, SOURCES, None, root=tmp_path)
    assert con.execute("select n from mart").fetchone() == (2,)
    assert _relations(con) == {"documents", "stg_docs", "fct", "mart"}, "no temporary table is left"


def test_a_model_that_fails_to_build_leaves_every_previous_model_in_place(tmp_path):
    model_file(tmp_path, "fct", "select doc_id from documents", materialized="table")
    model_file(tmp_path, "mart", "select count(*) as n from fct", materialized="table")
    con = _built_over_one_document(tmp_path)
    con.execute("insert into documents values ('b')")
    model_file(tmp_path, "mart", "select count(*) / 'x' as n from fct", materialized="table")
    with pytest.raises(ModelError, match="model mart failed to build"):
        build_all(con, SOURCES, None, root=tmp_path)
    assert con.execute("select count(*) from fct").fetchone() == (1,), "fct is still the old build"
    assert con.execute("select n from mart").fetchone() == (1,)
    assert _relations(con) == {"documents", "fct", "mart"}


def test_a_model_can_change_from_view_to_table(tmp_path):
    model_file(tmp_path, "m", "select doc_id from documents", materialized="view")
    con = duckdb.connect()
    con.execute("create table documents as select 'a' as doc_id")
    build_all(con, SOURCES, None, root=tmp_path)
    model_file(tmp_path, "m", "select doc_id from documents", materialized="table")
    build_all(con, SOURCES, None, root=tmp_path)
    assert con.execute("select table_type from information_schema.tables where table_name = 'm'").fetchone() == \
        ("BASE TABLE",)
