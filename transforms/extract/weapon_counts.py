"""weapon_counts: a number (exact or vague) of weapons, munitions or weapon systems."""

from __future__ import annotations

from transforms.contract import DATE, INT64, STRING, Column, Table, fact_columns
from transforms.documents import Document

WEAPON_TYPES = ("drone", "missile", "cruise_missile", "ballistic_missile", "guided_bomb", "rocket",
                "artillery_shell", "air_defense_system", "aircraft", "armored_vehicle", "other")
QUALIFIERS = ("exact", "more_than", "at_least", "up_to", "about", "vague")
STATUSES = ("launched", "intercepted", "hit", "supplied", "requested", "other")

TABLE = Table(
    name="weapon_counts",
    description="One row per mention of a number (exact or vague) of weapons, munitions or weapon systems.",
    key="fact_id",
    is_fact=True,
    version="1",
    columns=fact_columns(
        Column("weapon_type", STRING, "Weapon class.", nullable=False, values=WEAPON_TYPES),
        Column("weapon_name", STRING, "Named model when the mention gives one (Shahed, Tomahawk, Kh-101, Patriot)."),
        Column("count_value", INT64, "The number as written (300 in \"more than 300\"); null when vague."),
        Column("count_low", INT64, "Lower bound implied by the wording (\"more than 300\": 301; \"dozens\": 24)."),
        Column("count_high", INT64, "Upper bound implied by the wording (\"up to 50\": 50); null when open."),
        Column("qualifier", STRING, "How the number is qualified.", nullable=False, values=QUALIFIERS),
        Column("vague_word", STRING, "For vague counts, the quantity word: hundreds, dozens, several, record number…"),
        Column("status", STRING, "What happened to the weapons.", nullable=False, values=STATUSES),
        Column("event_date", DATE, "Date of the event when the sentence or the document gives it."),
    ),
)


def extract(doc: Document) -> list[dict]:
    """Weapon-count rows of one document."""
    return []
