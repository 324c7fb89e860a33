"""Columns computed beside each row so that cross-table rules become column expectations.

Offsets and mentions are checked against the document text, doc_id against the known documents, and
dates against the publication date (as a number of days), none of which a single row can show alone.
Country and region codes are looked up in their ISO 3166 lists here too (why: rules.KNOWN_CODES).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from expectations.rules import (
    DATE_WINDOWS,
    DOC_ID_EXISTS,
    KNOWN_CODES,
    SPAN_MATCHES_TEXT,
    days_column,
    known_code_column,
)
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
    code_lists = {column: frozenset(codes()) for column, codes in KNOWN_CODES.get(table.name, {}).items()}
    out = []
    for row in rows:
        doc = documents.get(row.get("doc_id")) if isinstance(row.get("doc_id"), str) else None
        checked = dict(row)
        checked[DOC_ID_EXISTS] = doc is not None
        checked[SPAN_MATCHES_TEXT] = _span_matches(row, doc.text if doc else None)
        for column in windows:
            checked[days_column(column)] = _days(row.get(column), doc.published_date if doc else None)
        for column, codes in code_lists.items():
            checked[known_code_column(column)] = _is_known(row.get(column), codes)
        out.append(checked)
    return out


def _is_known(code, codes: frozenset[str]) -> bool | None:
    """Whether `code` is in `codes`; None for no code (the column's nullability is checked on its own)."""
    if code is None:
        return None
    return isinstance(code, str) and code in codes


def derived_column_names(table: Table) -> list[str]:
    if not table.is_fact:
        return []
    return ([DOC_ID_EXISTS, SPAN_MATCHES_TEXT] + [days_column(c) for c in DATE_WINDOWS.get(table.name, {})]
            + [known_code_column(c) for c in KNOWN_CODES.get(table.name, {})])
