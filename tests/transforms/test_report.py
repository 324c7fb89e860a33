"""The run report: an offline HTML page built from real warehouses (the sample, the dev set, an empty one)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from transforms import report_charts
from transforms.report import CHART_CACHE_DIR, period_counts, write_report

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "raw"
DEV_ARTICLES = REPO / "tests" / "golden" / "dev" / "articles"

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian package `chromium`) "
                                                             "is not on PATH")


# --- warehouses built by the real pipeline, once per module --------------------------------------------

def build_warehouse(input_dir: Path, root: Path) -> Path:
    """Run the Prefect flow on `input_dir` into `root`; returns the warehouse file."""
    from flows.pipeline import pipeline
    from flows.settings import Settings

    pipeline(Settings(input_dir=input_dir, lake_dir=root / "lake", db_path=root / "w.duckdb",
                      docs_dir=root / "docs", marts_dir=root / "marts", quiet=True))
    return root / "w.duckdb"


@pytest.fixture(scope="module")
def sample_db(prefect_harness, tmp_path_factory) -> Path:
    """The bundled sample plus two inputs that cannot be ingested (one with markup in its name)."""
    root = tmp_path_factory.mktemp("sample")
    articles = root / "raw"
    shutil.copytree(SAMPLE, articles)
    (articles / "<b>empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    return build_warehouse(articles, root)


@pytest.fixture(scope="module")
def dev_db(prefect_harness, tmp_path_factory) -> Path:
    return build_warehouse(DEV_ARTICLES, tmp_path_factory.mktemp("dev"))


@pytest.fixture(scope="module")
def empty_db(prefect_harness, tmp_path_factory) -> Path:
    """A warehouse after a run on an empty folder: every table exists and has no row."""
    root = tmp_path_factory.mktemp("empty")
    (root / "raw").mkdir()
    return build_warehouse(root / "raw", root)


@pytest.fixture(scope="module")
def sample_report(sample_db, tmp_path_factory) -> Path:
    return write_report(sample_db, tmp_path_factory.mktemp("sample-report"))


@pytest.fixture(scope="module")
def dev_report(dev_db, tmp_path_factory) -> Path:
    return write_report(dev_db, tmp_path_factory.mktemp("dev-report"))


def query(db_path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# --- reading the page back ---------------------------------------------------------------------------

class Page(HTMLParser):
    """Per section: its tables (rows of cell texts), its charts (the texts inside each <svg>), its notes."""

    def __init__(self, markup: str):
        super().__init__()
        self.tables: dict[str, list[list[list[str]]]] = {}
        self.charts: dict[str, list[str]] = {}
        self.text: dict[str, str] = {}
        self.links: list[str] = []
        self.sources: list[str] = []
        self._section = None
        self._cell = None
        self._in_svg = False
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src", "xlink:href"):
            if name in attributes:
                (self.links if name == "href" else self.sources).append(attributes[name])
        if tag == "section":
            self._section = attributes["id"]
            self.tables[self._section], self.charts[self._section], self.text[self._section] = [], [], ""
        elif self._section and tag == "svg":
            self._in_svg = True
            self.charts[self._section].append("")
        elif self._section and tag == "table":
            self.tables[self._section].append([])
        elif self._section and tag == "tr":
            self.tables[self._section][-1].append([])
        elif self._section and tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "section":
            self._section = None
        elif tag == "svg":
            self._in_svg = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[self._section][-1][-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._section is None:
            return
        self.text[self._section] += data
        if self._in_svg:
            self.charts[self._section][-1] += data + " "
        elif self._cell is not None:
            self._cell += data

    def rows(self, section: str, index: int = 0) -> list[list[str]]:
        """The body rows of the index-th table of a section (the header row left off)."""
        return self.tables[section][index][1:]

    def header(self, section: str, index: int = 0) -> list[str]:
        return self.tables[section][index][0]


def page(report: Path) -> Page:
    return Page(report.read_text(encoding="utf-8"))


# --- the sample: what the analyst sees first ---------------------------------------------------------

def test_the_sample_report_has_a_chart_of_documents_over_time(sample_report):
    report = page(sample_report)
    (chart,) = report.charts["documents"]
    assert "by publication day" in chart and "2025-10-16" in chart
    assert "5 documents, all with a publication date." in report.text["documents"]


def test_launched_vs_intercepted_is_charted_per_weapon_type_with_the_sample_figures(sample_report, sample_db):
    report = page(sample_report)
    (chart,) = report.charts["strikes"]
    assert "drone" in chart and "missile" in chart and "2025-10-16" in chart
    assert "300" in chart.split() and "37" in chart.split()
    rows = report.rows("strikes")
    assert ["2025-10-16", "drone", "300", "300", "—", "—", "—", "3"] in rows
    assert len(rows) == query(sample_db, "select count(*) from mart_daily_strikes "
                                         "where launched_most_cited is not null "
                                         "or intercepted_most_cited is not null")[0][0]


def test_the_most_corroborated_claim_comes_first(sample_report, sample_db):
    rows = page(sample_report).rows("claims", 0)
    best_day, best_type, best_status, best_claim, best_documents = query(sample_db, """
        select report_date, weapon_type, status, claim, documents from mart_claim_corroboration
        order by documents desc, conflicting_documents, report_date desc, weapon_type, claim limit 1""")[0]
    assert rows[0][:5] == [best_day.isoformat(), best_type, best_status, best_claim, str(best_documents)]
    assert any(row[1:5] == ["drone", "launched", "more than 300", "2"] for row in rows)


def test_regions_affected_are_charted_and_listed_with_their_iso_codes(sample_report):
    report = page(sample_report)
    (chart,) = report.charts["regions"]
    assert "Poltava Oblast (UA-53)" in chart and "Kyiv (UA-30)" in chart
    poltava = next(row for row in report.rows("regions") if row[1] == "UA-53")
    assert poltava[:3] == ["Poltava Oblast", "UA-53", "UA"]
    assert "gas production halted" in poltava[-1]


def test_the_tariff_timeline_lists_the_us_duties_on_indian_goods(sample_report):
    report = page(sample_report)
    assert ["2025-10-16", "US → IN", "50", "raised"] in [row[:4] for row in report.rows("tariffs")]
    (chart,) = report.charts["tariffs"]
    assert "US → IN" in chart


def test_the_last_run_shows_its_status_rows_per_table_and_model_tests(sample_report, sample_db):
    report = page(sample_report)
    text = report.text["validation"]
    assert "completed with rejections" in text  # the two bad inputs
    per_table = {row[0]: row for row in report.rows("validation", 0)}
    weapon_rows = query(sample_db, "select count(*) from weapon_counts")[0][0]
    assert per_table["weapon_counts"] == ["weapon_counts", str(weapon_rows), "0", "passed"]
    (details,) = query(sample_db, "select details_json from pipeline_runs")[0]
    model_tests = len(json.loads(details)["model_tests"])
    assert model_tests > 0 and f"{model_tests} of {model_tests} data tests passed." in text


def test_the_report_links_to_the_data_docs_by_a_relative_path(sample_report, sample_db):
    docs_links = [href for href in page(sample_report).links if href.endswith("index.html")]
    assert len(docs_links) == 1 and not docs_links[0].startswith(("/", "file:"))
    linked = (sample_report.parent / docs_links[0]).resolve()
    assert linked == (sample_db.parent / "docs" / "index.html").resolve()


def test_the_given_data_docs_index_is_the_one_linked(sample_db, tmp_path):
    elsewhere = tmp_path / "published-docs" / "index.html"
    elsewhere.parent.mkdir()
    elsewhere.write_text("<html></html>")
    report = write_report(sample_db, tmp_path / "report", data_docs_index=elsewhere)
    assert "../published-docs/index.html" in page(report).links


def test_recent_ingest_errors_are_listed_and_their_names_escaped(sample_report):
    markup = sample_report.read_text(encoding="utf-8")
    errors = {row[1]: row[2] for row in page(sample_report).rows("errors")}
    assert errors == {"<b>empty.txt": "empty", "binary.txt": "binary"}
    assert "&lt;b&gt;empty.txt" in markup and "<b>empty" not in markup


def test_the_page_works_offline(sample_report):
    markup = sample_report.read_text(encoding="utf-8")
    report = page(sample_report)
    assert report.sources == [] or all(source.startswith("#") for source in report.sources)
    assert all(link.startswith("#") or not re.match(r"^[a-z]+:|^//", link) for link in report.links)
    assert "<script" not in markup and "<link" not in markup and "@import" not in markup
    assert re.findall(r"url\((?!#)", markup) == []
    assert "http" not in re.sub(r">[^<]*<", "><", markup)  # in no tag or attribute, only in text


def test_rebuilding_replaces_the_page_and_leaves_no_temporary_file(sample_db, tmp_path):
    first = write_report(sample_db, tmp_path)
    second = write_report(sample_db, tmp_path)
    assert first == second == tmp_path / "index.html"
    assert sorted(path.name for path in tmp_path.iterdir()) == [CHART_CACHE_DIR, "index.html"]
    assert not [path for path in (tmp_path / CHART_CACHE_DIR).iterdir() if path.suffix != ".svg"]


def test_a_rebuilt_report_reads_its_unchanged_charts_back_instead_of_drawing_them(sample_db, tmp_path, monkeypatch):
    first = (write_report(sample_db, tmp_path)).read_text(encoding="utf-8")
    monkeypatch.setattr(report_charts, "_figure", _no_drawing)
    second = write_report(sample_db, tmp_path).read_text(encoding="utf-8")
    assert _charts(second) == _charts(first) and len(_charts(first)) >= 1


def _no_drawing(*args, **kwargs):
    raise AssertionError("a chart was drawn again")


def _charts(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, re.S)


# --- the dev set: many days, contested claims, several tariff pairs ----------------------------------

def test_the_dev_report_charts_every_section(dev_report):
    report = page(dev_report)
    assert {section: len(charts) for section, charts in report.charts.items() if charts} == {
        "documents": 1, "strikes": 1, "regions": 1, "tariffs": 1}
    assert "by publication year" in report.charts["documents"][0]


def test_contested_claims_are_those_other_documents_contradict_most(dev_report, dev_db):
    contested = page(dev_report).rows("claims", 1)
    most = query(dev_db, "select max(conflicting_documents) from mart_claim_corroboration")[0][0]
    assert most > 0
    assert int(contested[0][6]) == most
    assert all(int(row[6]) > 0 for row in contested)
    assert [int(row[6]) for row in contested] == sorted((int(row[6]) for row in contested), reverse=True)


def test_the_region_reported_most_tops_the_chart_and_the_table(dev_report, dev_db):
    report = page(dev_report)
    code, name, reports = query(dev_db, """
        select iso_3166_2, mode(region_name), sum(documents) as reports from mart_region_impacts
        group by iso_3166_2 order by reports desc, sum(mentions) desc, iso_3166_2 limit 1""")[0]
    top = report.rows("regions")[0]
    assert top[:2] == [name, code] and top[3] == str(reports)
    assert f"{name} ({code})" in report.charts["regions"][0]


def test_the_dev_tariff_timeline_has_every_reported_rate(dev_report, dev_db):
    rows = page(dev_report).rows("tariffs")
    assert len(rows) == query(dev_db, "select count(*) from mart_tariff_timeline")[0][0]
    assert "US → CN" in page(dev_report).charts["tariffs"][0]


# --- nothing yet --------------------------------------------------------------------------------------

def test_an_empty_warehouse_gives_a_page_that_says_no_data_yet(empty_db, tmp_path):
    report = page(write_report(empty_db, tmp_path))
    for section in ("documents", "strikes", "claims", "regions", "tariffs", "errors"):
        assert "No data yet" in report.text[section], section
        assert report.charts[section] == [], section
    assert "completed" in report.text["validation"]


def test_a_warehouse_with_no_table_at_all_gives_a_page_too(tmp_path):
    duckdb.connect(str(tmp_path / "fresh.duckdb")).close()
    report = page(write_report(tmp_path / "fresh.duckdb", tmp_path / "report"))
    assert "No run has been recorded yet." in report.text["validation"]
    assert all("No data yet" in text for text in report.text.values())


def test_a_missing_warehouse_is_an_error_not_an_empty_page(tmp_path):
    with pytest.raises(FileNotFoundError, match="warehouse not found"):
        write_report(tmp_path / "missing.duckdb", tmp_path / "report")
    assert not (tmp_path / "report").exists()


# --- documents are counted per day, month or year by their span --------------------------------------

D = dt.date


@pytest.mark.parametrize(("days", "expected"), [
    ([D(2025, 10, 16)] * 3, ("day", ["2025-10-16"], [3])),
    ([D(2025, 10, 14), D(2025, 10, 16), D(2025, 10, 16)],
     ("day", ["2025-10-14", "2025-10-15", "2025-10-16"], [1, 0, 2])),
    ([D(2024, 11, 30), D(2025, 2, 1)], ("month", ["2024-11", "2024-12", "2025-01", "2025-02"], [1, 0, 0, 1])),
    ([D(2017, 6, 22), D(2021, 1, 1), D(2021, 5, 5)],
     ("year", ["2017", "2018", "2019", "2020", "2021"], [1, 0, 0, 0, 2])),
], ids=["one_day", "days_with_a_gap", "months_across_a_new_year", "years_with_empty_years"])
def test_period_counts(days, expected):
    assert period_counts(days) == expected


# --- in a real browser ------------------------------------------------------------------------------

def chromium(*arguments: str) -> subprocess.CompletedProcess:
    """Run headless Chromium (as root in a container it needs --no-sandbox)."""
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", *arguments],
                          capture_output=True, timeout=120, check=True)

@needs_chromium
def test_headless_chromium_renders_the_charts_and_tables(dev_report):
    dom = chromium("--dump-dom", dev_report.as_uri()).stdout.decode()
    rendered = Page(dom)
    assert {section for section, charts in rendered.charts.items() if charts} == {
        "documents", "strikes", "regions", "tariffs"}
    assert len(re.findall(r"<svg\b", dom)) == 4
    assert rendered.tables["claims"] and rendered.tables["regions"] and rendered.tables["validation"]
    assert len(rendered.rows("regions")) == len(page(dev_report).rows("regions"))


@needs_chromium
def test_headless_chromium_takes_a_screenshot_of_the_report(dev_report, tmp_path):
    screenshot = tmp_path / "report.png"
    chromium("--hide-scrollbars", "--window-size=1280,2400", f"--screenshot={screenshot}",
             dev_report.as_uri())
    header = screenshot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1280, 2400)
    assert screenshot.stat().st_size > 50_000  # a page with charts, not a blank one
