"""The contract is declared once: docs, Parquet schemas and module boundaries are checked against it."""

from __future__ import annotations

import ast
from pathlib import Path

from transforms.contract import all_tables
from transforms.data_dictionary import render

REPO = Path(__file__).resolve().parent.parent


def test_data_dictionary_page_is_generated_from_the_contract():
    page = (REPO / "docs" / "data_dictionary.md").read_text()
    assert page == render(), "docs/data_dictionary.md is stale: python -m transforms.data_dictionary > it"


def test_every_column_has_a_description_and_every_table_a_key():
    for table in all_tables():
        assert table.key in table.column_names
        assert not table.schema.field(table.key).nullable
        for column in table.columns:
            assert column.description.strip(), f"{table.name}.{column.name} has no description"


def test_contract_minimum_columns_are_present():
    """The columns the shared contract (docs/CONTRACT.md) requires, table by table."""
    contract = (REPO / "docs" / "CONTRACT.md").read_text()
    tables = {t.name: set(t.column_names) for t in all_tables()}
    current = None
    common = set()
    for line in contract.splitlines():
        if line.startswith("## "):
            title = line[3:].split(" ")[0]
            current = "common" if title == "Common" else title
            continue
        if current and line.startswith("| ") and not line.startswith("| column") and not line.startswith("|---"):
            names = [n.strip(" `") for n in line.split("|")[1].split(",")]
            if current == "common":
                common.update(names)
            elif current in tables:
                missing = set(names) - tables[current]
                assert not missing, f"{current} lacks contract columns {missing}"
    facts = {t.name for t in all_tables() if t.is_fact}
    assert facts == {"weapon_counts", "regions_affected", "tariff_rates", "date_mentions"}
    for name in facts:
        assert common <= tables[name], f"{name} lacks common columns {common - tables[name]}"


def test_transforms_never_import_prefect_or_great_expectations():
    for path in (REPO / "transforms").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                root = name.split(".")[0]
                assert root not in ("prefect", "great_expectations", "flows"), f"{path} imports {name}"
