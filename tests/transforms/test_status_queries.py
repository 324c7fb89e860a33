"""transforms.status: what the warehouse holds, read from an open DuckDB connection."""

from __future__ import annotations

import duckdb

from transforms import status
from transforms.extract import extractor


def test_outdated_facts_counts_the_rows_of_older_extractor_versions_by_version():
    con = duckdb.connect()
    current = extractor("weapon_counts").version
    con.execute("create table weapon_counts (fact_id varchar, extractor_version varchar)")
    con.execute("insert into weapon_counts values ('a', ?), ('b', 'weapon_counts.v1'), ('c', 'weapon_counts.v1'), "
                "('d', 'weapon_counts.v0')", [current])
    con.execute("create table tariff_rates (fact_id varchar, extractor_version varchar)")
    con.execute("insert into tariff_rates values ('e', ?)", [extractor("tariff_rates").version])

    assert status.outdated_facts(con) == {"weapon_counts": {"weapon_counts.v0": 1, "weapon_counts.v1": 2}}


def test_a_warehouse_without_fact_tables_has_nothing_outdated():
    assert status.outdated_facts(duckdb.connect()) == {}
