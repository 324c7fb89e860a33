"""Country and region codes must be real ISO 3166 codes: a row with an unknown one is quarantined, naming the
rule's column; a row without a code is not refused for it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from expectations.derived import DocumentFacts
from expectations.rules import validated_tables
from transforms.contract import table
from transforms.documents import make_document
from transforms.extract import extract_document

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "raw"


@pytest.fixture(scope="module")
def validator():
    from expectations.validate import SuiteValidator

    return SuiteValidator(validated_tables())


@pytest.fixture(scope="module")
def sample():
    """The bundled sample's documents (as validation sees them) and fact rows by table."""
    docs = [make_document(path.read_text(), source_name=path.name, source_uri=path.as_uri(),
                          published_date=dt.date(2025, 10, 16)) for path in sorted(SAMPLE.glob("*.txt"))]
    rows: dict[str, list[dict]] = {}
    for doc in docs:
        for name, found in extract_document(doc).items():
            rows.setdefault(name, []).extend(found)
    return {doc.doc_id: DocumentFacts(doc.text, doc.published_date) for doc in docs}, rows


@pytest.mark.parametrize(("table_name", "column", "unknown"), [
    ("regions_affected", "iso_3166_2", "UA-99"),
    ("regions_affected", "country_iso2", "XX"),
    ("tariff_rates", "imposing_country_iso2", "QQ"),
    ("tariff_rates", "target_country_iso2", "ua"),
])
def test_an_unknown_code_is_quarantined_and_a_missing_one_is_not(validator, sample, table_name, column, unknown):
    documents, rows = sample
    real = rows[table_name][0]
    broken = dict(real, fact_id="unknown-code", **{column: unknown})
    missing = dict(real, fact_id="no-code", **{column: None})
    outcome = validator.validate(table(table_name), [real, broken, missing], documents)
    assert [row["fact_id"] for row in outcome.good] == [real["fact_id"], "no-code"]
    assert [rejection.row["fact_id"] for rejection in outcome.rejected] == ["unknown-code"]
    assert outcome.rejected[0].failed == [
        f"expect_column_values_to_be_in_set({column}_is_known_code)"]
