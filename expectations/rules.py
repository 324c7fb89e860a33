"""Expectation suites derived from the contract, plus each table's own rules, as Great Expectations JSON.

The suites are kept as reviewable files in expectations/suites/<table>.json, regenerated with
`python -m expectations.rules` (a test fails when a file differs from what the contract implies).
This module builds plain dicts and does not import great_expectations.

Each expectation carries `meta.level`:
- `type`  — the value has the contract's Python type; checked first, on the raw rows (row-level);
- `row`   — a failing row is quarantined to rejected_facts and the rest is published;
- `table` — a failure stops publishing and fails the run (schema drift, a broken key).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pyarrow as pa

from transforms.contract import DOCUMENTS, Table, all_tables

SUITES_DIR = Path(__file__).resolve().parent / "suites"

# Derived columns computed next to each row before validation (expectations/derived.py).
SPAN_MATCHES_TEXT = "span_matches_text"
DOC_ID_EXISTS = "doc_id_exists"

MAX_WEAPON_COUNT = 10_000_000  # artillery shells are pledged and produced by the million
MAX_TARIFF_PCT = 1_000
# Days between a resolved date and the publication date that still make sense.
DATE_WINDOWS = {
    "date_mentions": {"period_start": (-36_525, 3_653)},   # a century back, a decade ahead
    "weapon_counts": {"event_date": (-3_653, 400)},
    "regions_affected": {"event_date": (-3_653, 400)},
    "tariff_rates": {"effective_date": (-3_653, 3_653)},
}


def days_column(column: str) -> str:
    """Name of the derived column holding `column` minus the publication date, in days."""
    return f"{column}_days_from_published"


def known_code_column(column: str) -> str:
    """Name of the derived column saying whether the code in `column` is in its ISO 3166 list."""
    return f"{column}_is_known_code"


@cache
def iso_3166_2_codes() -> tuple[str, ...]:
    import pycountry

    return tuple(sorted(s.code for s in pycountry.subdivisions))


@cache
def iso_3166_1_codes() -> tuple[str, ...]:
    import pycountry

    # The EU is ISO 3166-1's exceptionally reserved code, used for tariffs the Union imposes.
    return tuple(sorted({c.alpha_2 for c in pycountry.countries} | {"EU"}))


# Code columns and the ISO 3166 list each code must be in. Checked through a derived boolean column, not an
# expect_column_values_to_be_in_set over the list: Great Expectations copies an expectation's arguments
# thousands of times per suite run, and a list of 5,046 codes made that a second per run of the suite.
KNOWN_CODES = {
    "regions_affected": {"iso_3166_2": iso_3166_2_codes, "country_iso2": iso_3166_1_codes},
    "tariff_rates": {"imposing_country_iso2": iso_3166_1_codes, "target_country_iso2": iso_3166_1_codes},
}


_PYTHON_TYPES = {
    pa.string(): ["str"],
    pa.int32(): ["int"],
    pa.int64(): ["int"],
    pa.float64(): ["int", "float"],
    pa.date32(): ["date"],
    pa.timestamp("us", tz="UTC"): ["datetime", "Timestamp"],
    pa.bool_(): ["bool"],
}


def _expectation(kind: str, level: str, rule: str, **kwargs) -> dict:
    return {"type": kind, "kwargs": kwargs, "meta": {"level": level, "rule": rule}}


def _contract_expectations(table: Table) -> list[dict]:
    out = [_expectation("expect_table_columns_to_match_ordered_list", "table", "schema_matches_contract",
                        column_list=table.column_names)]
    for column in table.columns:
        types = _PYTHON_TYPES[column.type]
        if len(types) == 1:
            out.append(_expectation("expect_column_values_to_be_of_type", "type", f"{column.name}_type",
                                    column=column.name, type_=types[0]))
        else:
            out.append(_expectation("expect_column_values_to_be_in_type_list", "type", f"{column.name}_type",
                                    column=column.name, type_list=types))
    for column in table.columns:
        if not column.nullable:
            out.append(_expectation("expect_column_values_to_not_be_null", "row", f"{column.name}_not_null",
                                    column=column.name))
        if column.values:
            out.append(_expectation("expect_column_values_to_be_in_set", "row", f"{column.name}_accepted_values",
                                    column=column.name, value_set=list(column.values)))
    key_level = "table" if table.name == DOCUMENTS.name else "row"
    out.append(_expectation("expect_column_values_to_be_unique", key_level, f"{table.key}_unique",
                            column=table.key))
    return out


def _fact_expectations(table: Table) -> list[dict]:
    out = [
        _expectation("expect_column_values_to_be_in_set", "row", "doc_id_references_documents",
                     column=DOC_ID_EXISTS, value_set=[True]),
        _expectation("expect_column_values_to_be_in_set", "row", "offsets_inside_text_and_mention_matches",
                     column=SPAN_MATCHES_TEXT, value_set=[True]),
        _expectation("expect_column_values_to_be_between", "row", "sentence_no_non_negative",
                     column="sentence_no", min_value=0),
    ]
    for column, (low, high) in DATE_WINDOWS.get(table.name, {}).items():
        out.append(_expectation("expect_column_values_to_be_between", "row", f"{column}_near_publication",
                                column=days_column(column), min_value=low, max_value=high))
    for column in KNOWN_CODES.get(table.name, {}):
        out.append(_expectation("expect_column_values_to_be_in_set", "row", f"{column}_exists",
                                column=known_code_column(column), value_set=[True]))
    return out


def _table_rules(table: Table) -> list[dict]:
    """The rules of one table beyond what its contract declares."""
    row = "row"
    if table.name == "weapon_counts":
        out = [_expectation("expect_column_values_to_be_between", row, f"{c}_in_range", column=c,
                            min_value=1, max_value=MAX_WEAPON_COUNT)
               for c in ("count_value", "count_low", "count_high")]
        out.append(_expectation("expect_column_pair_values_a_to_be_greater_than_b", row, "count_low_le_count_high",
                                column_A="count_high", column_B="count_low", or_equal=True,
                                ignore_row_if="either_value_is_missing"))
        return out
    if table.name == "regions_affected":
        return [
            _expectation("expect_column_values_to_be_between", row, "region_count_in_range", column="region_count",
                         min_value=1, max_value=500),
        ]
    if table.name == "tariff_rates":
        return [
            _expectation("expect_column_values_to_be_between", row, f"{c}_in_range", column=c, min_value=0,
                         max_value=MAX_TARIFF_PCT) for c in ("rate_pct", "previous_rate_pct")
        ]
    if table.name == "date_mentions":
        return [_expectation("expect_column_pair_values_a_to_be_greater_than_b", row, "period_start_le_period_end",
                             column_A="period_end", column_B="period_start", or_equal=True,
                             ignore_row_if="either_value_is_missing")]
    if table.name == "documents":
        return [_expectation("expect_column_values_to_be_between", row, "char_count_positive", column="char_count",
                             min_value=1)]
    return []


def suite_definition(table: Table) -> dict:
    """The expectation suite of one table, as Great Expectations suite JSON."""
    expectations = _contract_expectations(table)
    if table.is_fact:
        expectations += _fact_expectations(table)
    expectations += _table_rules(table)
    return {"name": table.name, "expectations": expectations,
            "meta": {"generated_by": "expectations/rules.py", "table_version": table.version}}


def validated_tables() -> list[Table]:
    """The tables whose rows are validated before publishing: documents and every fact table."""
    return [t for t in all_tables() if t.is_fact or t.name == DOCUMENTS.name]


def render_suite(table: Table) -> str:
    return json.dumps(suite_definition(table), indent=1, sort_keys=False) + "\n"


def write_suites(directory: Path = SUITES_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in validated_tables():
        path = directory / f"{table.name}.json"
        path.write_text(render_suite(table))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_suites():
        print(path)
