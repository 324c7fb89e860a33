"""tariff_rates: a tariff or duty rate stated in the text."""

from __future__ import annotations

from transforms.contract import DATE, DOUBLE, STRING, Column, Table, fact_columns
from transforms.documents import Document

CHANGES = ("raised", "lowered", "set", "threatened", "removed")

TABLE = Table(
    name="tariff_rates",
    description="One row per tariff or duty rate stated in the text (one per rate and direction).",
    key="fact_id",
    is_fact=True,
    version="1",
    columns=fact_columns(
        Column("imposing_country_iso2", STRING, "Who imposes the tariff (ISO 3166-1 alpha-2; the EU as EU)."),
        Column("target_country_iso2", STRING, "Whose goods it hits; null when the text names none (global)."),
        Column("goods", STRING, "What it covers, as written (Indian goods, steel)."),
        Column("rate_pct", DOUBLE, "The rate in percent.", nullable=False),
        Column("previous_rate_pct", DOUBLE, "Stated or clearly implied earlier rate (doubling to 50% implies 25)."),
        Column("change", STRING, "What the text says happens to the rate.", nullable=False, values=CHANGES),
        Column("effective_date", DATE, "When the rate takes effect, when given."),
    ),
)


def extract(doc: Document) -> list[dict]:
    """Tariff rows of one document."""
    return []
