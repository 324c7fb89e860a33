"""date_mentions: every expression naming a calendar day, week, month or year, resolved to a period."""

from __future__ import annotations

from transforms.contract import DATE, STRING, Column, Table, fact_columns
from transforms.documents import Document

GRANULARITIES = ("day", "week", "month", "year")
RESOLUTIONS = ("absolute", "relative", "unresolved")

TABLE = Table(
    name="date_mentions",
    description="One row per expression naming a calendar day, week, month or year (not durations or clock "
                "times), with the period it denotes.",
    key="fact_id",
    is_fact=True,
    version="1",
    columns=fact_columns(
        Column("granularity", STRING, "Size of the period named.", nullable=False, values=GRANULARITIES),
        Column("period_start", DATE, "First day of the period (weeks start on Monday); null when unresolved."),
        Column("period_end", DATE, "Last day of the period; null when unresolved."),
        Column("anchor_date", DATE, "The date relative expressions were resolved against (publication date)."),
        Column("resolution", STRING, "absolute (the text names the date), relative (resolved against the "
                                     "anchor) or unresolved.", nullable=False, values=RESOLUTIONS),
    ),
)


def extract(doc: Document) -> list[dict]:
    """Date-mention rows of one document."""
    return []
