"""Calendar arithmetic for date mentions: months, weekdays, ISO weeks, relative expressions."""

from __future__ import annotations

import datetime as dt


def infer_published_date(text: str) -> dt.date | None:
    """A publication date read from the text itself (a dateline) when unambiguous, else None."""
    return None
