"""Columns computed beside each row so that cross-table rules become column expectations.

Offsets and mentions are checked against the document text, doc_id against the known documents, and
dates against the publication date (as a number of days), none of which a single row can show alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from expectations.rules import DATE_WINDOWS, DOC_ID_EXISTS, SPAN_MATCHES_TEXT, days_column
from transforms.contract import Table


@dataclass(frozen=True)
class DocumentFacts:
    """What validation needs to know about a document: its text and publication date."""

    text: str
    published_date: dt.date | None


def _span_matches(row: Mapping, text: str | None) -> bool:
    start, end, mention = row.get("char_start"), row.get("char_end"), row.get("mention")
    if text is None or not isinstance(start, int) or not isinstance(end, int) or not isinstance(mention, str):
        return False
    return 0 <= start < end <= len(text) and text[start:end] == mention


def _days(value, published: dt.date | None) -> int | None:
    if not isinstance(value, dt.date) or published is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return (value - published).days


def with_derived_columns(table: Table, rows: list[dict], documents: Mapping[str, DocumentFacts]) -> list[dict]:
    """Copies of the fact rows with the derived check columns added."""
    windows = DATE_WINDOWS.get(table.name, {})
    out = []
    for row in rows:
        doc = documents.get(row.get("doc_id")) if isinstance(row.get("doc_id"), str) else None
        checked = dict(row)
        checked[DOC_ID_EXISTS] = doc is not None
        checked[SPAN_MATCHES_TEXT] = _span_matches(row, doc.text if doc else None)
        for column in windows:
            checked[days_column(column)] = _days(row.get(column), doc.published_date if doc else None)
        out.append(checked)
    return out


def derived_column_names(table: Table) -> list[str]:
    if not table.is_fact:
        return []
    return [DOC_ID_EXISTS, SPAN_MATCHES_TEXT] + [days_column(c) for c in DATE_WINDOWS.get(table.name, {})]
