"""The event date of a fact: a date in its sentence, else the document's main event date."""

from __future__ import annotations

import datetime as dt

from transforms.documents import Document


def event_date(doc: Document, sentence_no: int) -> dt.date | None:
    """Date of the event reported in sentence `sentence_no`, or None when the text does not make it clear."""
    return None
