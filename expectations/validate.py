"""Validation of rows with Great Expectations, in-process: the only module that imports great_expectations.

Rows are checked in two passes of the table's suite: first the contract's types and the table-level
expectations on the raw rows (a value of the wrong type cannot be range-checked), then the row-level
rules on the rows that have the right types. Failing rows are returned with the names of the
expectations they failed, to be quarantined; table-level failures stop publishing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from expectations.derived import DocumentFacts, derived_column_names, with_derived_columns
from expectations.rules import SUITES_DIR
from transforms.contract import Table

# Without unexpected_index_column_names, GX reports failing rows by their (0..n-1) DataFrame index.
_RESULT_FORMAT = {"result_format": "COMPLETE", "partial_unexpected_count": 0,
                  "return_unexpected_index_query": False}


class ValidationError(RuntimeError):
    """A table-level expectation failed: the table must not be published."""


@dataclass
class Rejection:
    """A row that failed row-level expectations, and which."""

    row: dict
    failed: list[str]

    @property
    def row_json(self) -> str:
        return json.dumps(self.row, default=str, sort_keys=True, ensure_ascii=False)


@dataclass
class Outcome:
    """The result of validating one batch of rows of one table."""

    table: str
    good: list[dict] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    table_failures: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.rejected and not self.table_failures


def expectation_name(config) -> str:
    """`expect_column_values_to_be_between(count_value)`: the expectation and the column(s) it checks."""
    kwargs = config.kwargs
    columns = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
    return f"{config.type}({', '.join(columns)})" if columns else config.type


def load_suite_json(table: Table, suites_dir: Path = SUITES_DIR) -> dict:
    path = suites_dir / f"{table.name}.json"
    try:
        return json.loads(path.read_text())
    except FileNotFoundError as exc:
        raise ValidationError(f"no expectation suite for {table.name}: {path} is missing") from exc


class SuiteValidator:
    """Great Expectations context with one suite pair (types, rows) per table, built once per run."""

    def __init__(self, tables: list[Table], suites_dir: Path = SUITES_DIR, docs_dir: Path | None = None):
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        for name in ("great_expectations", "great_expectations.data_context.types.base"):
            logging.getLogger(name).setLevel(logging.ERROR)
        self._gx = gx
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.docs_dir = docs_dir
        if docs_dir is not None:
            self.context.add_data_docs_site(site_name="newsfacts", site_config={
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            })
        source = self.source = self.context.data_sources.add_pandas("newsfacts")
        self.tables = {t.name: t for t in tables}
        self.levels: dict[str, dict[str, str]] = {}
        self.definitions: dict[tuple[str, str], object] = {}
        for table in tables:
            suite_json = load_suite_json(table, suites_dir)
            passes = {"types": [], "rows": []}
            for expectation in suite_json["expectations"]:
                level = expectation.get("meta", {}).get("level", "row")
                passes["types" if level in ("type", "table") else "rows"].append(expectation)
            for name, expectations in passes.items():
                suite = gx.ExpectationSuite(name=f"{table.name}.{name}", expectations=expectations,
                                            meta=suite_json.get("meta", {}))
                if len(suite.expectations) != len(expectations):
                    # GX silently drops expectations of an unknown type when loading JSON.
                    raise ValidationError(f"suite {table.name}.{name}: {len(expectations)} expectations in the file, "
                                          f"{len(suite.expectations)} understood by Great Expectations")
                suite = self.context.suites.add(suite)
                batch = source.add_dataframe_asset(f"{table.name}.{name}").add_batch_definition_whole_dataframe("batch")
                self.definitions[(table.name, name)] = self.context.validation_definitions.add(
                    gx.ValidationDefinition(name=f"{table.name}.{name}", data=batch, suite=suite))
            self.levels[table.name] = {
                expectation_name(_Config(e)): e.get("meta", {}).get("level", "row") for e in suite_json["expectations"]
            }

    def _run(self, table: Table, name: str, rows: list[dict], columns: list[str], typed: bool):
        import pandas as pd

        frame = pd.DataFrame.from_records(rows, columns=columns) if typed else pd.DataFrame(rows, columns=columns,
                                                                                               dtype=object)
        definition = self.definitions[(table.name, name)]
        try:
            return definition.run(batch_parameters={"dataframe": frame}, result_format=_RESULT_FORMAT)
        finally:
            self._drop_batch_data()

    def _drop_batch_data(self) -> None:
        """Forget the frame just validated: GX keeps the last frame of every suite in its batch cache (tens
        of MB each, hundreds over the run's suites), and never reads it again."""
        engine = self.source.execution_engine
        if engine is not None:
            engine.batch_manager.batch_data_cache.clear()
            engine.batch_manager.reset_batch_cache()

    def validate(self, table: Table, rows: list[dict],
                 documents: Mapping[str, DocumentFacts] | None = None) -> Outcome:
        """Split rows into those to publish and those to quarantine; collect table-level failures."""
        outcome = Outcome(table=table.name)
        if not rows:
            return outcome
        checked = with_derived_columns(table, rows, documents or {}) if table.is_fact else rows
        present = list(dict.fromkeys(chain.from_iterable(rows)))  # the keys of every row, in first-seen order
        ordered = [c for c in table.column_names if c in present] + [c for c in present if c not in table.column_names]
        columns = ordered + derived_column_names(table)
        failed: dict[int, list[str]] = {}

        first = self._run(table, "types", checked, ordered, typed=False)
        for result in first.results:
            name = expectation_name(result.expectation_config)
            if result.success:
                continue
            if self.levels[table.name].get(name) == "table" or not (result.result or {}).get("unexpected_index_list"):
                outcome.table_failures.append(_describe(name, result))
                continue
            for index in _failing_rows(result):
                failed.setdefault(index, []).append(name)
        if outcome.table_failures:
            return outcome

        typed_positions = [i for i in range(len(rows)) if i not in failed]
        if typed_positions:
            second = self._run(table, "rows", [checked[i] for i in typed_positions], columns, typed=True)
            for result in second.results:
                if result.success:
                    continue
                name = expectation_name(result.expectation_config)
                if result.exception_info and result.exception_info.get("raised_exception"):
                    outcome.table_failures.append(_describe(name, result))
                    continue
                positions = _failing_rows(result)
                if self.levels[table.name].get(name) == "table" or not positions:
                    outcome.table_failures.append(_describe(name, result))
                    continue
                for position in positions:
                    failed.setdefault(typed_positions[position], []).append(name)
        outcome.good = [row for i, row in enumerate(rows) if i not in failed]
        outcome.rejected = [Rejection(rows[i], names) for i, names in sorted(failed.items())]
        return outcome

    def build_docs(self) -> Path | None:
        """Render Data Docs (static HTML) for every validation of this run. Returns the index page."""
        if self.docs_dir is None:
            return None
        self.context.build_data_docs(site_names=["newsfacts"])
        index = self.docs_dir / "index.html"
        return index if index.exists() else None


class _Config:
    """Just enough of an ExpectationConfiguration to name a suite-file expectation."""

    def __init__(self, raw: dict):
        self.type = raw["type"]
        self.kwargs = raw.get("kwargs", {})


def _failing_rows(result) -> list[int]:
    return [int(index) for index in (result.result or {}).get("unexpected_index_list") or []]


def _describe(name: str, result) -> str:
    info = result.exception_info or {}
    if info.get("raised_exception"):
        return f"{name}: raised {str(info.get('exception_message', '')).splitlines()[0]}"
    observed = (result.result or {}).get("observed_value")
    details = result.result or {}
    if observed is not None:
        return f"{name}: observed {observed}"
    return f"{name}: {details.get('unexpected_count', '?')} unexpected values"
