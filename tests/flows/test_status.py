"""`newsfacts status` and `newsfacts report` on a warehouse built by two real runs of the sample."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import duckdb
import pytest

from flows.cli import EXIT_OK, EXIT_USAGE, main

pytestmark = [pytest.mark.flow, pytest.mark.usefixtures("prefect_harness")]

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "raw"
RUN_LINE = re.compile(r"\s*\d{4}-\d\d-\d\d \d\d:\d\d\s+completed")  # a row of the runs table


@pytest.fixture(scope="module")
def warehouse(prefect_harness, tmp_path_factory) -> Path:
    """The sample run once, then once more with one new article (two runs on record)."""
    root = tmp_path_factory.mktemp("status")
    articles = root / "raw"
    shutil.copytree(SAMPLE, articles)
    options = ["--lake", str(root / "lake"), "--db", str(root / "w.duckdb"), "--docs", str(root / "docs"),
               "--marts", str(root / "marts"), "--quiet"]
    assert main(["run", str(articles), *options]) == EXIT_OK
    (articles / "later.txt").write_text("Overnight strikes\nRussia launched 12 drones at Odesa overnight.\n")
    assert main(["run", str(articles), *options]) == EXIT_OK
    return root / "w.duckdb"


def query(db_path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_status_prints_the_last_runs_the_rows_per_table_and_the_freshness(warehouse, capsys):
    capsys.readouterr()
    assert main(["status", "--db", str(warehouse)]) == EXIT_OK
    out = capsys.readouterr().out

    runs = query(warehouse, """
        select strftime(started_at at time zone 'UTC', '%Y-%m-%d %H:%M'), documents_new, facts_published
        from pipeline_runs order by started_at desc""")
    assert len(runs) == 2
    run_lines = [line for line in out.splitlines() if RUN_LINE.match(line)]
    assert [line.split()[:2] for line in run_lines] == [started.split() for started, _, _ in runs]
    for line, (_, documents_new, facts_published) in zip(run_lines, runs, strict=True):
        assert line.split()[3:5] == [f"{documents_new:,}", f"{facts_published:,}"]
    assert [int(line.split()[3]) for line in run_lines] == [1, 5]  # newest first

    for table in ("documents", "weapon_counts", "regions_affected", "mart_daily_strikes"):
        count = query(warehouse, f"select count(*) from {table}")[0][0]
        assert re.search(rf"^\s*{table}\s+{count:,}\s*$", out, re.M), table
    assert re.search(r"^\s*documents\s+6\s*$", out, re.M)

    (newest,) = query(warehouse, "select strftime(max(ingested_at) at time zone 'UTC', '%Y-%m-%d %H:%M:%S') "
                                 "from documents")[0]
    assert re.search(rf"newest document: ingested {newest} UTC \((just now|\d+ min ago)\)", out)
    assert "newest publication date: 2025-10-16 (" in out
    assert "1 of 6 documents undated" in out  # later.txt has no manifest entry and no date in its text


def test_status_limits_the_runs_shown(warehouse, capsys):
    capsys.readouterr()
    assert main(["status", "--db", str(warehouse), "--runs", "1"]) == EXIT_OK
    out = capsys.readouterr().out
    assert len([line for line in out.splitlines() if RUN_LINE.match(line)]) == 1


def test_report_prints_the_uri_of_a_page_built_from_the_warehouse(warehouse, tmp_path, capsys):
    capsys.readouterr()
    assert main(["report", "--db", str(warehouse), "--out", str(tmp_path / "report"),
                 "--docs", str(warehouse.parent / "docs")]) == EXIT_OK
    uri = capsys.readouterr().out.strip()
    assert uri.startswith("file://")
    index = Path(unquote(urlparse(uri).path))
    assert index == (tmp_path / "report" / "index.html").resolve()
    markup = index.read_text(encoding="utf-8")
    assert markup.count("<svg") == 4
    docs_link = re.search(r'href="([^"#]+)"', markup).group(1)
    assert (index.parent / docs_link).resolve() == (warehouse.parent / "docs" / "index.html").resolve()


@pytest.mark.parametrize("command", ["status", "report"])
def test_a_missing_warehouse_is_a_usage_error(command, tmp_path, capsys):
    assert main([command, "--db", str(tmp_path / "missing.duckdb")]) == EXIT_USAGE
    assert "warehouse not found" in capsys.readouterr().err
