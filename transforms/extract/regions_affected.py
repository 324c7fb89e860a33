"""regions_affected: a region hit or affected (strike, outage, damage), or a count of such regions."""

from __future__ import annotations

from transforms.contract import DATE, INT32, STRING, Column, Table, fact_columns
from transforms.documents import Document

TABLE = Table(
    name="regions_affected",
    description="One row per region named as hit or affected (strike, outage, damage), or per count of such "
                "regions (\"eight regions\").",
    key="fact_id",
    is_fact=True,
    version="1",
    columns=fact_columns(
        Column("region_name", STRING, "Normalised English name (Poltava Oblast, Kyiv); null on count rows."),
        Column("iso_3166_2", STRING, "ISO 3166-2 subdivision code (UA-53; Kyiv city UA-30); null when none applies."),
        Column("country_iso2", STRING, "ISO 3166-1 alpha-2 code of the country."),
        Column("region_count", INT32, "Number of regions on count rows (\"eight regions\": 8); null on named rows."),
        Column("impact", STRING, "Short label of the impact: strike, power_outage, damage, casualties, "
                                 "gas_production_halted, drones_shot_down …", nullable=False),
        Column("event_date", DATE, "Date of the event when the sentence or the document gives it."),
    ),
)


def extract(doc: Document) -> list[dict]:
    """Region rows of one document."""
    return []
