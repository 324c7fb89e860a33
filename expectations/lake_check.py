"""Re-validation of the published lake (`newsfacts validate`): every suite over every committed row."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from expectations.derived import DocumentFacts
from expectations.rules import validated_tables
from expectations.validate import SuiteValidator
from transforms.contract import DOCUMENTS
from transforms.lake import Lake

BATCH_ROWS = 50_000


@dataclass
class TableCheck:
    """What re-validating one table found."""

    table: str
    rows: int = 0
    failing_rows: int = 0
    failures: Counter = field(default_factory=Counter)
    table_failures: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.failing_rows and not self.table_failures


def check_lake(lake: Lake, docs_dir: Path | None = None) -> tuple[list[TableCheck], Path | None]:
    """Validate every committed row of every validated table; returns the checks and the Data Docs index."""
    tables = validated_tables()
    validator = SuiteValidator(tables, docs_dir=docs_dir)
    documents: dict[str, DocumentFacts] = {}
    checks = []
    for table in tables:
        check = TableCheck(table.name)
        keys: set[str] = set()
        duplicates = 0
        for batch in lake.iter_batches(table, batch_size=BATCH_ROWS):
            rows = batch.to_pylist()
            check.rows += len(rows)
            for row in rows:
                key = row[table.key]
                duplicates += key in keys
                keys.add(key)
            if table.name == DOCUMENTS.name:
                documents.update((r["doc_id"], DocumentFacts(r["text"], r["published_date"])) for r in rows)
            outcome = validator.validate(table, rows, documents)
            check.table_failures.extend(outcome.table_failures)
            check.failing_rows += len(outcome.rejected)
            for rejection in outcome.rejected:
                check.failures.update(rejection.failed)
        if duplicates:
            check.table_failures.append(f"{table.key} is not unique across the lake: {duplicates} repeated values")
        checks.append(check)
    return checks, validator.build_docs()
