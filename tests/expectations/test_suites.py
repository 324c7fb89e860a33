"""The suite files are what the contract implies, and Great Expectations understands every expectation."""

from __future__ import annotations

import pytest

from expectations.rules import SUITES_DIR, render_suite, validated_tables


@pytest.mark.parametrize("table", validated_tables(), ids=lambda t: t.name)
def test_suite_file_is_generated_from_the_contract(table):
    path = SUITES_DIR / f"{table.name}.json"
    assert path.read_text() == render_suite(table), "stale suite: python -m expectations.rules"


def test_great_expectations_loads_every_expectation_of_every_suite():
    from expectations.validate import SuiteValidator

    validator = SuiteValidator(validated_tables())
    for table in validated_tables():
        assert validator.levels[table.name]
