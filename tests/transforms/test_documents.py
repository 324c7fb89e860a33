"""Normalisation fixes one canonical text per article; the doc id is a function of that text alone."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.documents import doc_id_for, first_line, make_document, normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hello\r\nworld\r\n", "Hello\nworld"),
        ("\ufeffHeadline\nBody", "Headline\nBody"),
        ("Cafe\u0301 opens", "Café opens"),
        ("too   many\t\tspaces\u00a0here", "too many spaces here"),
        ("  padded line  \n\n\n\n\nnext", "padded line\n\nnext"),
        ("zero\u200bwidth", "zerowidth"),
        ("old\rmac", "old\nmac"),
    ],
    ids=["crlf", "bom", "nfc", "horizontal_space", "blank_lines", "zero_width", "bare_cr"],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@given(st.text())
def test_normalisation_is_idempotent(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once


def test_same_text_same_id_whatever_the_encoding_artefacts():
    a = make_document("Headline\r\nBody text.", source_name="a.txt", source_uri="file:///a.txt")
    b = make_document("\ufeffHeadline\nBody   text.\n", source_name="b.txt", source_uri="file:///b.txt")
    assert a.doc_id == b.doc_id == doc_id_for("Headline\nBody text.")


def test_headline_is_first_non_empty_line_and_metadata_date_wins():
    doc = make_document("\n\n# Big news\nBody.", source_name="a.md", source_uri="file:///a.md",
                        published_date=dt.date(2025, 10, 16))
    assert doc.title == "Big news"
    assert doc.published_date == dt.date(2025, 10, 16)
    assert doc.published_date_source == "metadata"
    assert first_line("") is None


def test_sentence_lookup_by_offset():
    doc = make_document("First one. Second one.\nThird", source_name="a.txt", source_uri="file:///a.txt")
    assert [s.text for s in doc.sentences] == ["First one.", "Second one.", "Third"]
    assert doc.sentence_at(12).no == 1
    assert doc.sentence_at(0).no == 0
    assert doc.sentence_at(len(doc.text) - 1).no == 2
