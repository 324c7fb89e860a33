"""The data dictionary page (docs/data_dictionary.md), generated from the contract so it cannot drift.

    python -m transforms.data_dictionary > docs/data_dictionary.md
"""

from __future__ import annotations

import pyarrow as pa

from transforms.contract import CONTRACT_VERSION, Table, all_tables

_DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMP WITH TIME ZONE",
    pa.bool_(): "BOOLEAN",
}


def duckdb_type(arrow_type: pa.DataType) -> str:
    """The DuckDB type a column of this Arrow type has in the warehouse."""
    return _DUCKDB_TYPES.get(arrow_type, str(arrow_type).upper())


def table_section(table: Table) -> str:
    lines = [f"## {table.name}", "", table.description, "", f"Key: `{table.key}`. "
             f"Lake: `data/lake/{table.name}/*.parquet`. Warehouse: view `{table.name}`.", "",
             "| column | type | null | meaning |", "|---|---|---|---|"]
    for column in table.columns:
        meaning = column.description.replace("|", "\\|")
        if column.values:
            meaning += " One of: " + ", ".join(f"`{v}`" for v in column.values) + "."
        lines.append(f"| {column.name} | {duckdb_type(column.type)} | {'yes' if column.nullable else 'no'} "
                     f"| {meaning} |")
    return "\n".join(lines)


def render() -> str:
    """The whole data dictionary as Markdown."""
    header = (
        "# Data dictionary\n\n"
        "Generated from `transforms/contract.py` and the extractors' table declarations"
        f" (contract v{CONTRACT_VERSION}); `tests/test_contract.py` fails when this page and the code disagree."
        " Regenerate with\n"
        "`python -m transforms.data_dictionary > docs/data_dictionary.md`.\n\n"
        "Types are DuckDB types as the warehouse shows them; the Parquet files carry the same types and every "
        "field's description as field metadata. Character offsets index `documents.text`, so that "
        "`substr(text, char_start + 1, char_end - char_start) = mention` always holds.\n"
    )
    return header + "\n" + "\n\n".join(table_section(t) for t in all_tables()) + "\n"


if __name__ == "__main__":
    print(render(), end="")
