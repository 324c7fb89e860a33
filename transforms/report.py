"""The run report: one static HTML page of what the warehouse holds, for the analyst's first look.

`write_report` reads the warehouse read-only and writes `report_dir/index.html` with, in this order:
documents over time, daily launched vs intercepted weapons by type, the most corroborated and the most
contested claims, regions affected, the tariff timeline, the last run's validation results and the recent
ingest errors. Charts are SVG inlined in the page (transforms/report_charts.py); there is no JavaScript and
no external stylesheet, font or URL, so the file works offline and can be attached to a mail. Every text
from the data is escaped. A section whose tables are empty (or not built yet) says so instead of failing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

from transforms import report_charts as charts
from transforms import status
from transforms.warehouse import connect

DEFAULT_REPORT_DIR = Path("data/report")
STRIKE_DAYS = 14           # days shown in the launched vs intercepted chart, the most recent with figures
WEAPON_PANELS = 6          # weapon types charted, the most launched first
TOP_CLAIMS = 10
REGIONS_CHARTED = 15
REGIONS_LISTED = 25
TARIFF_PAIRS_CHARTED = 8
TARIFF_ROWS = 40
ERRORS_LISTED = 20
DAILY_SPAN_DAYS = 62       # documents are counted per day up to this span, per month up to MONTHLY_SPAN_DAYS,
MONTHLY_SPAN_DAYS = 1100   # per year beyond


@dataclass(frozen=True)
class Section:
    """One titled part of the page."""

    anchor: str
    title: str
    body: str


@dataclass(frozen=True)
class Warehouse:
    """An open warehouse connection and the relations it has; missing relations read as empty."""

    con: object
    relations: frozenset[str]

    def rows(self, relation: str, sql: str, params: Sequence = ()) -> list[dict]:
        """The rows of a query on `relation`, or none when the relation does not exist yet."""
        return status.rows(self.con, sql, params) if relation in self.relations else []


# Charts drawn for an earlier report, read back when their data did not change (see report_charts).
CHART_CACHE_DIR = ".charts"


def write_report(db_path: Path, report_dir: Path, data_docs_index: Path | None = None) -> Path:
    """Build the report from the warehouse at `db_path` into `report_dir/index.html`; returns that path.

    The link to the Great Expectations Data Docs is relative to the report; without `data_docs_index` it
    points at the index the last run recorded, when that file exists.
    """
    db_path, report_dir = Path(db_path), Path(report_dir)
    if not db_path.exists():
        raise FileNotFoundError(f"warehouse not found: {db_path}")
    con = connect(db_path, read_only=True)
    try:
        with charts.cached_in(report_dir / CHART_CACHE_DIR):
            page = render_report(Warehouse(con, status.relations(con)), db_path, report_dir,
                                 data_docs_index, generated_at=dt.datetime.now(dt.UTC))
    finally:
        con.close()
    report_dir.mkdir(parents=True, exist_ok=True)
    target = report_dir / "index.html"
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, target)  # a reader never sees half a page
    return target


def render_report(warehouse: Warehouse, db_path: Path, report_dir: Path, data_docs_index: Path | None,
                  generated_at: dt.datetime) -> str:
    """The whole page as HTML."""
    runs = status.recent_runs(warehouse.con)
    sections = [
        documents_section(warehouse),
        strikes_section(warehouse),
        claims_section(warehouse),
        regions_section(warehouse),
        tariffs_section(warehouse),
        validation_section(runs, report_dir, data_docs_index),
        errors_section(warehouse),
    ]
    overview = overview_tiles(warehouse, runs, generated_at)
    return _page(sections, overview, db_path, generated_at)


# --- sections -------------------------------------------------------------------------------------------

def overview_tiles(warehouse: Warehouse, runs: list[status.RunRecord], now: dt.datetime) -> str:
    """Headline numbers: documents, facts per table, newest document, last run."""
    counts = status.row_counts(warehouse.con)
    fresh = status.freshness(warehouse.con)
    tiles = [
        ("documents", f"{fresh.documents:,}", f"last ingested {status.ago(fresh.newest_ingested_at, now)}"),
        ("weapon counts", f"{counts.get('weapon_counts', 0):,}", "rows"),
        ("regions affected", f"{counts.get('regions_affected', 0):,}", "rows"),
        ("tariff rates", f"{counts.get('tariff_rates', 0):,}", "rows"),
        ("newest publication", _text(fresh.newest_published_date),
         status.ago(fresh.newest_published_date, now) if fresh.newest_published_date else "no date known"),
    ]
    if runs:
        last = runs[0]
        tiles.append(("last run", last.status.replace("_", " "), status.ago(last.started_at, now)))
    else:
        tiles.append(("last run", "none yet", "no run recorded"))
    cells = "".join(f'<div class="tile"><div class="tile-name">{escape(name)}</div>'
                    f'<div class="tile-value">{escape(value)}</div>'
                    f'<div class="tile-note">{escape(note)}</div></div>' for name, value, note in tiles)
    return f'<div class="tiles">{cells}</div>'


def documents_section(warehouse: Warehouse) -> Section:
    """Documents per publication date and per ingestion date."""
    documents = warehouse.rows("documents", """
        select published_date, cast(ingested_at at time zone 'UTC' as date) as ingested_date
        from documents""")
    if not documents:
        return Section("documents", "Documents over time", _empty("No document has been ingested yet."))
    published = [row["published_date"] for row in documents if row["published_date"] is not None]
    ingested = [row["ingested_date"] for row in documents]
    panels = []
    if published:
        unit, labels, counts = period_counts(published)
        panels.append((f"by publication {unit}", labels, counts))
    unit, labels, counts = period_counts(ingested)
    panels.append((f"by ingestion {unit} (UTC)", labels, counts))
    chart = charts.count_bars(panels, "documents", "Documents per publication date and per ingestion date")
    undated = len(documents) - len(published)
    note = (f"{len(documents):,} documents; {undated:,} without a publication date are counted by ingestion "
            "only." if undated else f"{len(documents):,} documents, all with a publication date.")
    return Section("documents", "Documents over time", f'<p class="note">{escape(note)}</p>{_figure(chart)}')


def period_counts(days: Sequence[dt.date]) -> tuple[str, list[str], list[int]]:
    """Counts per day, month or year (by the span of `days`), every period in the span included."""
    first, last = min(days), max(days)
    span = (last - first).days
    if span <= DAILY_SPAN_DAYS:
        counted = Counter(days)
        periods = [first + dt.timedelta(days=offset) for offset in range(span + 1)]
        return "day", [day.isoformat() for day in periods], [counted[day] for day in periods]
    if span <= MONTHLY_SPAN_DAYS:
        counted = Counter((day.year, day.month) for day in days)
        months = [(year, month) for year in range(first.year, last.year + 1) for month in range(1, 13)
                  if (first.year, first.month) <= (year, month) <= (last.year, last.month)]
        labels = [f"{year}-{month:02d}" for year, month in months]
        return "month", labels, [counted[month] for month in months]
    counted = Counter(day.year for day in days)
    years = list(range(first.year, last.year + 1))
    return "year", [str(year) for year in years], [counted[year] for year in years]


def strikes_section(warehouse: Warehouse) -> Section:
    """Launched vs intercepted per day and weapon type (most-cited figures), as a chart and a table."""
    title = "Launched vs intercepted, per day"
    strikes = warehouse.rows("mart_daily_strikes", """
        select * from mart_daily_strikes
        where launched_most_cited is not null or intercepted_most_cited is not null
        order by report_date desc nulls last, weapon_type""")
    if not strikes:
        return Section("strikes", title, _empty("No launched or intercepted weapon count yet."))
    days = sorted({row["report_date"] for row in strikes if row["report_date"] is not None})[-STRIKE_DAYS:]
    shown = [row for row in strikes if row["report_date"] in days]
    launched_total = Counter()
    for row in shown:
        launched_total[row["weapon_type"]] += row["launched_most_cited"] or 0
    weapon_types = sorted({row["weapon_type"] for row in shown},
                          key=lambda name: (-launched_total[name], name))
    by_key = {(row["report_date"], row["weapon_type"]): row for row in shown}
    series = {}
    for weapon_type in weapon_types[:WEAPON_PANELS]:
        cells = [by_key.get((day, weapon_type), {}) for day in days]
        series[weapon_type] = ([cell.get("launched_most_cited") for cell in cells],
                               [cell.get("intercepted_most_cited") for cell in cells])
    parts = [f'<p class="note">{escape(_strikes_note(days, weapon_types))}</p>']
    if series:
        parts.append(_figure(charts.launched_vs_intercepted(
            [day.isoformat() for day in days], series, "strikes",
            "Launched and intercepted weapons per day, one panel per weapon type")))
    parts.append(_details(f"All {len(strikes):,} day and weapon type figures", _table(
        ["day", "weapon type", "launched", "range", "intercepted", "range", "interception rate", "documents"],
        [[row["report_date"], row["weapon_type"], row["launched_most_cited"],
          _range(row["launched_min"], row["launched_max"]), row["intercepted_most_cited"],
          _range(row["intercepted_min"], row["intercepted_max"]), _percent(row["interception_rate"]),
          row["documents"]] for row in strikes],
        numeric={2, 4, 6, 7})))
    return Section("strikes", title, "".join(parts))


def _strikes_note(days: list[dt.date], weapon_types: list[str]) -> str:
    if not days:
        return "No figure has an event or publication date, so none can be charted by day."
    omitted = len(weapon_types) - WEAPON_PANELS
    tail = (f"; {omitted} less launched weapon type{'s' if omitted != 1 else ''} only in the table."
            if omitted > 0 else ".")
    return (f"The most-cited figure per day (event date, else publication date), the {len(days)} most recent "
            f"day{'s' if len(days) != 1 else ''} with figures{tail}")


def claims_section(warehouse: Warehouse) -> Section:
    """The claims reported by the most documents, and those that other documents contradict."""
    title = "Corroborated and contested claims"
    corroborated = warehouse.rows("mart_claim_corroboration", """
        select * from mart_claim_corroboration
        order by documents desc, conflicting_documents, report_date desc nulls last, weapon_type, claim
        limit ?""", [TOP_CLAIMS])
    if not corroborated:
        return Section("claims", title, _empty("No weapon count claim yet."))
    contested = warehouse.rows("mart_claim_corroboration", """
        select * from mart_claim_corroboration
        where conflicting_documents > 0
        order by conflicting_documents desc, documents desc,
                 report_date desc nulls last, weapon_type, claim
        limit ?""", [TOP_CLAIMS])
    columns = ["day", "weapon type", "status", "claim", "documents", "sources", "conflicting documents",
               "other figures", "example"]

    def cells(row: dict) -> list:
        return [row["report_date"], row["weapon_type"], row["status"], row["claim"], row["documents"],
                row["sources"], row["conflicting_documents"], row["conflicting_claims"],
                row["example_mention"]]

    body = ("<h3>Most corroborated</h3>"
            '<p class="note">Claims (day, weapon type, status, figure) reported by the most documents.</p>'
            + _table(columns, [cells(row) for row in corroborated], numeric={4, 6})
            + "<h3>Most contested</h3>"
            '<p class="note">Claims for which documents report a different exact figure for the same day, '
            "weapon type and status.</p>"
            + (_table(columns, [cells(row) for row in contested], numeric={4, 6}) if contested
               else _empty("No exact figure is contradicted by a different exact figure.")))
    return Section("claims", title, body)


def regions_section(warehouse: Warehouse) -> Section:
    """Regions by the documents reporting them hit or affected, as a chart and a table."""
    title = "Regions affected"
    regions = warehouse.rows("mart_region_impacts", """
        select
            iso_3166_2,
            mode(region_name) as region_name,
            min(country_iso2) as country_iso2,
            sum(documents) as reports,
            sum(mentions) as mentions,
            count(distinct report_date) as days,
            max(report_date) as last_reported,
            list_sort(list_distinct(flatten(list(impacts)))) as impacts
        from mart_region_impacts
        group by iso_3166_2
        order by reports desc, mentions desc, iso_3166_2""")
    if not regions:
        return Section("regions", title, _empty("No named region has been reported hit or affected yet."))
    charted = regions[:REGIONS_CHARTED]
    chart = charts.horizontal_bars([f"{row['region_name']} ({row['iso_3166_2']})" for row in charted],
                                   [row["reports"] for row in charted], "regions",
                                   "Regions by the number of reports naming them hit or affected",
                                   "reports (documents × days)")
    table = _table(
        ["region", "ISO 3166-2", "country", "reports", "mentions", "days", "last reported", "impacts"],
        [[row["region_name"], row["iso_3166_2"], row["country_iso2"], row["reports"], row["mentions"],
          row["days"], row["last_reported"], [impact.replace("_", " ") for impact in row["impacts"]]]
         for row in regions[:REGIONS_LISTED]],
        numeric={3, 4, 5})
    note = (f"{len(regions):,} region{'s' if len(regions) != 1 else ''}; a report is one document naming the "
            "region for one day. Counts such as \u201ceight regions\u201d are not included.")
    return Section("regions", title, f'<p class="note">{escape(note)}</p>{_figure(chart)}{table}')


def tariffs_section(warehouse: Warehouse) -> Section:
    """Reported tariff rates per country pair over time, as a chart and a table."""
    title = "Tariff timeline"
    tariffs = warehouse.rows("mart_tariff_timeline", "select * from mart_tariff_timeline")
    if not tariffs:
        return Section("tariffs", title, _empty("No tariff rate has been reported yet."))
    series = defaultdict(list)
    for row in tariffs:
        if row["rate_date"] is not None:
            series[_pair(row)].append((row["rate_date"], row["rate_pct"]))
    charted = dict(sorted(series.items(), key=lambda item: (-len(item[1]), item[0]))[:TARIFF_PAIRS_CHARTED])
    parts = []
    undated = sum(row["rate_date"] is None for row in tariffs)
    if undated:
        parts.append(f'<p class="note">{undated:,} rate{"s" if undated != 1 else ""} without a date '
                     "(no effective date and an undated document) are in the table only.</p>")
    if charted:
        parts.append(_figure(charts.step_lines(
            {label: sorted(points) for label, points in charted.items()}, "tariffs",
            "Reported tariff rates over time per imposing and target country", "rate (%)")))
    newest_first = sorted(tariffs, key=lambda row: (row["rate_date"] or dt.date.min, _pair(row)),
                          reverse=True)
    parts.append(_table(
        ["date", "imposed by → on", "rate %", "change", "previous reported %", "Δ points", "goods",
         "documents", "example"],
        [[row["rate_date"], _pair(row), row["rate_pct"], row["change"], row["previous_reported_rate_pct"],
          _signed(row["change_pct_points"]), row["goods"], row["documents"], row["example_mention"]]
         for row in newest_first[:TARIFF_ROWS]], numeric={2, 4, 5, 7}))
    return Section("tariffs", title, "".join(parts))


def _pair(row: dict) -> str:
    return f"{row['imposing_country_iso2']} → {row['target_country_iso2'] or 'all'}"


def validation_section(runs: list[status.RunRecord], report_dir: Path,
                       data_docs_index: Path | None) -> Section:
    """The last run: its status and counts, rows published and quarantined and suite success per table,
    the model data tests, the recent runs."""
    title = "Last run and validation"
    if not runs:
        return Section("validation", title, _empty("No run has been recorded yet."))
    last = runs[0]
    details = last.details
    facts = _dl([
        ("status", _badge(last.status)),
        ("run", escape(last.run_id)),
        ("command", escape(f"newsfacts {last.command}")),
        ("started", escape(_text(last.started_at))),
        ("duration", escape(status.duration(last.seconds))),
        ("documents", escape(f"{last.documents_seen:,} seen, {last.documents_new:,} new, "
                             f"{last.documents_skipped:,} skipped, "
                             f"{last.inputs_rejected:,} inputs rejected")),
        ("facts", escape(f"{last.facts_published:,} published, {last.facts_quarantined:,} quarantined")),
        ("expectation suites", escape(_yes_no(last.validation_success))),
    ] + ([("message", escape(last.message))] if last.message else []))
    parts = [facts, _docs_link(details, report_dir, data_docs_index), _tables_validation(details),
             _model_tests(details), "<h3>Recent runs</h3>", _runs_table(runs)]
    return Section("validation", title, "".join(parts))


def _tables_validation(details: dict) -> str:
    published = details.get("rows_published") or {}
    quarantined = details.get("rows_quarantined") or {}
    suites = details.get("suite_success") or {}
    tables = list(dict.fromkeys([*published, *quarantined, *suites]))
    if not tables:
        return _empty("The last run recorded no per-table results.")
    return "<h3>Per table</h3>" + _table(
        ["table", "rows published", "rows quarantined", "suite passed"],
        [[table, published.get(table), quarantined.get(table), _yes_no(suites.get(table))]
         for table in tables],
        numeric={1, 2})


def _model_tests(details: dict) -> str:
    tests = details.get("model_tests") or {}
    if not tests:
        return "<h3>Model data tests</h3>" + _empty("The last run built no SQL model.")
    failed = {name: result for name, result in tests.items() if result != "pass"}
    summary = f"{len(tests) - len(failed):,} of {len(tests):,} data tests passed."
    body = f'<p class="note">{escape(summary)}</p>'
    if failed:
        body += _table(["test", "result"], [[name, result] for name, result in sorted(failed.items())])
    return "<h3>Model data tests</h3>" + body


def _docs_link(details: dict, report_dir: Path, data_docs_index: Path | None) -> str:
    """A relative link to the Great Expectations Data Docs, when they exist."""
    index = Path(data_docs_index) if data_docs_index else None
    if index is None and details.get("data_docs"):
        index = Path(details["data_docs"])
    if index is None or not index.exists():
        return '<p class="note">No Great Expectations Data Docs found for this run.</p>'
    try:
        href = Path(os.path.relpath(index.resolve(), report_dir.resolve())).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        href = index.resolve().as_uri()
    return (f'<p class="note">Every expectation and its result: <a href="{escape(quote(href))}">'
            "Great Expectations Data Docs</a>.</p>")


def _runs_table(runs: list[status.RunRecord]) -> str:
    return _table(
        ["started", "command", "status", "documents new", "facts published", "quarantined", "inputs rejected",
         "duration"],
        [[run.started_at, run.command, run.status, run.documents_new, run.facts_published,
          run.facts_quarantined, run.inputs_rejected, status.duration(run.seconds)] for run in runs],
        numeric={3, 4, 5, 6, 7})


def errors_section(warehouse: Warehouse) -> Section:
    """The most recent inputs that could not be ingested, and why."""
    title = "Recent ingest errors"
    errors = warehouse.rows("ingest_errors", """
        select first_seen_at, source_name, reason, detail from ingest_errors
        order by first_seen_at desc, source_name limit ?""", [ERRORS_LISTED])
    if not errors:
        return Section("errors", title, _empty("No input has been rejected."))
    total = warehouse.rows("ingest_errors", "select count(*) as errors from ingest_errors")[0]["errors"]
    note = f"The {len(errors)} most recent of {total:,} rejected inputs (select * from ingest_errors)."
    return Section("errors", title, f'<p class="note">{escape(note)}</p>' + _table(
        ["first seen", "input", "reason", "detail"],
        [[status.utc(row["first_seen_at"]), row["source_name"], row["reason"], row["detail"]]
         for row in errors]))


# --- HTML -----------------------------------------------------------------------------------------------

def _text(value) -> str:
    """A cell value as display text (not yet escaped)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return status.utc(value).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list | tuple):
        return ", ".join(_text(item) for item in value) or "—"
    return str(value)


def _table(columns: Sequence[str], rows: Sequence[Sequence], numeric: set[int] = frozenset()) -> str:
    """An HTML table; columns whose index is in `numeric` are right-aligned."""
    def cell(tag: str, index: int, value) -> str:
        css = ' class="num"' if index in numeric else ""
        return f"<{tag}{css}>{escape(_text(value) if tag == 'td' else str(value))}</{tag}>"

    head = "".join(cell("th", index, name) for index, name in enumerate(columns))
    body = "".join("<tr>" + "".join(cell("td", index, value) for index, value in enumerate(row)) + "</tr>"
                   for row in rows)
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _dl(items: Sequence[tuple[str, str]]) -> str:
    """A definition list of (name, HTML) pairs."""
    entries = "".join(f"<dt>{escape(name)}</dt><dd>{html}</dd>" for name, html in items)
    return f'<dl class="facts">{entries}</dl>'


def _details(summary: str, html: str) -> str:
    """A block folded away under a one-line summary (native HTML, no script)."""
    return f"<details><summary>{escape(summary)}</summary>{html}</details>"


def _figure(svg: str) -> str:
    return f'<figure class="chart-box">{svg}</figure>'


def _empty(message: str) -> str:
    return f'<p class="empty">No data yet. {escape(message)}</p>'


def _range(low, high) -> str | None:
    if low is None:
        return None
    return _text(low) if low == high else f"{_text(low)}–{_text(high)}"


def _percent(rate: float | None) -> str | None:
    return None if rate is None else f"{rate * 100:.0f} %"


def _signed(value: float | None) -> str | None:
    return None if value is None else ("+" if value > 0 else "") + _text(value)


def _yes_no(value: bool | None) -> str:
    return "—" if value is None else ("passed" if value else "FAILED")


def _badge(run_status: str) -> str:
    """A run status as a coloured label."""
    css = {"completed": "ok", "completed_with_rejections": "warn"}.get(run_status, "bad")
    return f'<span class="badge {css}">{escape(run_status.replace("_", " "))}</span>'


def _page(sections: list[Section], overview: str, db_path: Path, generated_at: dt.datetime) -> str:
    navigation = "".join(f'<a href="#{section.anchor}">{escape(section.title)}</a>' for section in sections)
    body = "".join(f'<section id="{section.anchor}"><h2>{escape(section.title)}</h2>{section.body}</section>'
                   for section in sections)
    subtitle = f"Warehouse {db_path.name} · generated {_text(generated_at)}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>newsfacts run report</title><style>{STYLESHEET}</style></head>"
        f'<body><header><h1>newsfacts run report</h1><p class="subtitle">{escape(subtitle)}</p>'
        f"<nav>{navigation}</nav></header><main>{overview}{body}</main>"
        '<footer>Built by <code>newsfacts report</code> from the DuckDB warehouse; '
        "every figure is queryable there (<code>newsfacts sql</code>).</footer></body></html>\n"
    )


STYLESHEET = """
:root { --ink: #212529; --muted: #6c757d; --line: #dee2e6; --panel: #ffffff; --page: #f1f3f5;
        --accent: #4263eb; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
       font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
header { background: #1f2a44; color: #fff; padding: 18px 32px 12px; }
header h1 { margin: 0; font-size: 22px; }
.subtitle { margin: 2px 0 10px; color: #ced4da; font-size: 13px; }
nav { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; }
nav a { color: #bac8ff; text-decoration: none; }
main { max-width: 1240px; margin: 0 auto; padding: 18px 20px 8px; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
          padding: 14px 20px 18px; margin: 0 0 18px; }
h2 { margin: 0 0 6px; font-size: 18px; }
h3 { margin: 16px 0 4px; font-size: 15px; }
.note { margin: 4px 0 10px; color: var(--muted); }
.empty { margin: 8px 0; padding: 10px 14px; background: #f8f9fa; border: 1px dashed #ced4da;
         border-radius: 6px; color: var(--muted); }
.tiles { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin: 0 0 18px; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.tile-name { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.tile-value { font-size: 21px; font-weight: bold; margin: 2px 0; }
.tile-note { color: var(--muted); font-size: 12px; }
.chart-box { margin: 6px 0 12px; }
svg.chart { display: block; width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f8f9fa; font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fbfbfc; }
td:first-child { white-space: nowrap; }
details { margin: 4px 0 8px; }
summary { cursor: pointer; color: var(--accent); margin: 4px 0; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 6px 0 10px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 10px; font-weight: 600; font-size: 13px; }
.badge.ok { background: #d3f9d8; color: #2b8a3e; }
.badge.warn { background: #fff3bf; color: #e67700; }
.badge.bad { background: #ffe3e3; color: #c92a2a; }
a { color: var(--accent); }
footer { max-width: 1240px; margin: 0 auto; padding: 0 20px 24px; color: var(--muted); font-size: 12px; }
"""
