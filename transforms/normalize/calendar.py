"""Calendar arithmetic for date mentions: months, weekdays, ISO weeks, relative expressions.

Everything here is pure date logic on `datetime.date`; the text patterns that find date mentions live in
transforms/extract/date_mentions.py. The one text reader here is `infer_published_date`, which the
Document factory calls when an article comes without a publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN
from dateutil.easter import easter as _dateutil_easter

# ---------------------------------------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------------------------------------

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
# Abbreviations as news agencies write them ("Oct. 1", "Sept. 11", "Jul 11, 2018").
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun")

MONTHS: dict[str, int] = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({abbr.lower(): MONTHS[next(n for n in MONTHS if n.startswith(abbr.lower()))]
               for abbr in MONTH_ABBREVIATIONS})
WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}
WEEKDAYS.update({abbr.lower(): WEEKDAYS[next(n for n in WEEKDAYS if n.startswith(abbr.lower()))]
                 for abbr in WEEKDAY_ABBREVIATIONS})

# Years a news text plausibly names as calendar years (keeps "1600 km" or "3000 drones" out).
MIN_YEAR, MAX_YEAR = 1900, 2099

# How far past the anchor a date said in the past tense may still fall (a report dated a day early, a
# date given for the next morning), and how far before it a date said in the future tense may fall.
TENSE_SLACK = dt.timedelta(days=3)

PAST, FUTURE, NEAREST = "past", "future", "nearest"


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation ("Oct.", "September"), else None."""
    return MONTHS.get(name.lower().rstrip("."))


def weekday_number(name: str) -> int | None:
    """0 (Monday) - 6 (Sunday) for a weekday name or abbreviation, else None."""
    return WEEKDAYS.get(name.lower().rstrip("."))


# ---------------------------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------------------------

def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """(first day, last day) of a month."""
    start = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """(January 1, December 31) of a year."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """(Monday, Sunday) of the ISO week containing `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) `delta` months after the given month."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# ---------------------------------------------------------------------------------------------------------
# Relative weekdays and weekends
# ---------------------------------------------------------------------------------------------------------

def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    """The most recent `weekday` up to and including the anchor ("on Thursday" said in the past tense)."""
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    """The coming `weekday`, the anchor itself included ("on Friday" of a scheduled meeting)."""
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def weekday_before(anchor: dt.date, weekday: int) -> dt.date:
    """The last `weekday` strictly before the anchor ("last Thursday")."""
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)


def weekday_after(anchor: dt.date, weekday: int) -> dt.date:
    """The next `weekday` strictly after the anchor ("next Thursday")."""
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def resolve_weekday(anchor: dt.date, weekday: int, relation: str | None, tense: str) -> dt.date:
    """The day a weekday name denotes, seen from the anchor.

    `relation` is the determiner before it ("last", "next", "this", "coming") or None; without one, the
    tense decides: the publication weekday is the anchor itself, a past-tense sentence points to the
    most recent such day and a future-tense one to the coming one.
    """
    if relation == "last":
        return weekday_before(anchor, weekday)
    if relation == "next":
        return weekday_after(anchor, weekday)
    if relation in ("this", "coming") or tense == FUTURE:
        return weekday_on_or_after(anchor, weekday)
    return weekday_on_or_before(anchor, weekday)


def weekend_week(anchor: dt.date, relation: str | None, tense: str) -> tuple[dt.date, dt.date]:
    """The ISO week holding the weekend meant by "over the weekend", "this weekend", "last weekend"...

    Saturday stands for the weekend: in the past tense the most recent one (the anchor's own weekend when
    the anchor is a Saturday or Sunday), in the future tense the coming one.
    """
    saturday = 5
    if relation == "last":
        day = weekday_on_or_before(anchor, saturday)
        if anchor - day <= dt.timedelta(days=1):  # on a weekend, "last weekend" is the one before
            day -= dt.timedelta(days=7)
    elif relation == "next":  # "this weekend" is the coming one, so "next weekend" the one after it
        day = weekday_after(anchor, saturday)
        if anchor.weekday() < saturday:
            day += dt.timedelta(days=7)
    elif relation == "this" or tense == FUTURE:
        day = weekday_on_or_before(anchor, saturday)
        if anchor - day > dt.timedelta(days=1):
            day = weekday_after(anchor, saturday)
    else:
        day = weekday_on_or_before(anchor, saturday)
    return week_bounds(day)


def relative_week(anchor: dt.date, offset: int, tense: str, *,
                  sunday_starts_week: bool) -> tuple[dt.date, dt.date]:
    """The ISO week `offset` weeks from the anchor's ("last week" -1, "this week" 0, "next week" +1).

    A Sunday article speaks of weeks the American way (Sunday to Saturday): its "last week" is the week
    just ending and a future "this week" is the one starting tomorrow (GOLD_FORMAT rule 19), so the
    reference day moves to the Monday when `sunday_starts_week` applies.
    """
    reference = anchor
    if anchor.weekday() == 6 and sunday_starts_week and (offset != 0 or tense == FUTURE):
        reference = anchor + dt.timedelta(days=1)
    monday, _ = week_bounds(reference)
    monday += dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


# ---------------------------------------------------------------------------------------------------------
# Years missing from a day or month
# ---------------------------------------------------------------------------------------------------------

def choose_year_for_day(month: int, day: int, anchor: dt.date, tense: str,
                        weekday: int | None = None) -> int | None:
    """The year of a day-and-month given without one ("on March 9"), seen from the anchor.

    A weekday in the text ("Wednesday, June 4th") picks the nearby year where the date falls on it.
    Otherwise a past-tense mention takes the latest year that is not after the anchor, a future one the
    earliest that is not before it, and a neutral one the nearest year.
    """
    candidates = [date for year in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (date := safe_date(year, month, day)) is not None]
    if weekday is not None:
        matching = [date for date in candidates if date.weekday() == weekday]
        if matching:
            return min(matching, key=lambda date: abs(date - anchor)).year
    chosen = by_direction(candidates, anchor, tense)
    return chosen.year if chosen else None


def by_direction(dates: list[dt.date | None], anchor: dt.date, direction: str) -> dt.date | None:
    """The date among `dates` (the same day in nearby years) that a mention pointing that way means.

    PAST: the latest not after the anchor (give or take TENSE_SLACK); FUTURE: the earliest not before
    it; NEAREST (or when none fits): the nearest.
    """
    existing = [date for date in dates if date is not None]
    if not existing:
        return None
    if direction == PAST:
        eligible = [date for date in existing if date <= anchor + TENSE_SLACK]
        if eligible:
            return max(eligible)
    elif direction == FUTURE:
        eligible = [date for date in existing if date >= anchor - TENSE_SLACK]
        if eligible:
            return min(eligible)
    return min(existing, key=lambda date: abs(date - anchor))


def choose_year_for_month(month: int, anchor: dt.date, tense: str) -> int:
    """The year of a month given without one ("in August", "by October"), seen from the anchor.

    Past tense: the latest such month that has begun by the anchor; future: the earliest that has not
    ended; neutral: the one whose middle is nearest.
    """
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if tense == PAST:
        return max(year for year in years if month_bounds(year, month)[0] <= anchor)
    if tense == FUTURE:
        return min(year for year in years if month_bounds(year, month)[1] >= anchor)
    return min(years, key=lambda year: abs(dt.date(year, month, 15) - anchor))


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """(first day, last day) of a calendar quarter (1-4)."""
    return month_bounds(year, 3 * quarter - 2)[0], month_bounds(year, 3 * quarter)[1]


def choose_year_for_quarter(quarter: int, anchor: dt.date, tense: str) -> int:
    """The year of a quarter given without one ("in the third quarter"), like choose_year_for_month."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if tense == PAST:
        return max(year for year in years if quarter_bounds(year, quarter)[0] <= anchor)
    if tense == FUTURE:
        return min(year for year in years if quarter_bounds(year, quarter)[1] >= anchor)
    middle = 3 * quarter - 1  # the middle month of the quarter
    return min(years, key=lambda year: abs(dt.date(year, middle, 15) - anchor))



def easter(year: int, orthodox: bool = False) -> dt.date:
    """Easter Sunday of `year`: the Western churches', or the Orthodox churches' (Julian computus)."""
    return _dateutil_easter(year, EASTER_ORTHODOX if orthodox else EASTER_WESTERN)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based) `weekday` of a month (Thanksgiving: the 4th Thursday of November)."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# ---------------------------------------------------------------------------------------------------------
# Publication date read from the text
# ---------------------------------------------------------------------------------------------------------

_MONTH_ALT = "|".join(sorted(MONTH_NAMES + MONTH_ABBREVIATIONS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(WEEKDAY_NAMES + WEEKDAY_ABBREVIATIONS, key=len, reverse=True))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"

# A full date with its year, in the forms datelines use; the groups give day, month and year.
_FULL_DATE = (
    rf"(?:(?:{_WEEKDAY_ALT})\.?,?\s+)?"
    rf"(?:(?P<md_month>{_MONTH_ALT})\.?\s+(?P<md_day>{_DAY}),?\s+(?P<md_year>{_YEAR})"
    rf"|(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH_ALT})\.?,?\s+(?P<dm_year>{_YEAR})"
    rf"|(?P<iso_year>{_YEAR})[-/](?P<iso_month>0?[1-9]|1[0-2])[-/](?P<iso_day>3[01]|[12]\d|0?[1-9]))(?!\d)"
)
_TIME = r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)"
# A line that is nothing but a date: "11 February 2025", "Published: Jul 11, 2018 10:30 GMT".
_DATE_LINE = re.compile(
    rf"(?:(?:first\s+)?(?:published|updated|posted|last\s+updated|date)(?:\s+on)?\s*:?\s*)?{_FULL_DATE}"
    rf"(?:\s*[,|\-–—]?\s*{_TIME})?\s*",
    re.IGNORECASE,
)
# An agency dateline opening a paragraph: "KYIV, Oct 16, 2025 (Reuters) -", "LONDON, 16 October 2025 -".
_DATELINE = re.compile(
    rf"[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][A-Za-z.]+)?,\s+{_FULL_DATE}\s*(?:[(/\-–—.:]|$)"
)
# A full date the text itself calls today: "Today, 16 October 2025, ...", "today (October 16, 2025)".
_TODAY_DATE = re.compile(rf"\b[Tt]oday\s*(?:,|\(|is)?\s*{_FULL_DATE}")

# Datelines sit in the first lines: headline, byline, date line, first paragraph.
_HEAD_LINES = 4
_HEAD_LINE_CHARS = 200


def _full_date(match: re.Match) -> dt.date | None:
    """The date a _FULL_DATE match names, or None when it does not exist or is out of range."""
    groups = match.groupdict()
    for prefix in ("md", "dm", "iso"):
        if groups.get(f"{prefix}_year"):
            year = int(groups[f"{prefix}_year"])
            day = int(re.match(r"\d+", groups[f"{prefix}_day"]).group())
            raw_month = groups[f"{prefix}_month"]
            month = int(raw_month) if raw_month.isdigit() else month_number(raw_month)
            if month is None or not MIN_YEAR <= year <= MAX_YEAR:
                return None
            return safe_date(year, month, day)
    return None


def _head_lines(text: str) -> list[str]:
    lines = []
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            lines.append(line[:_HEAD_LINE_CHARS])
            if len(lines) == _HEAD_LINES:
                break
    return lines


def infer_published_date(text: str) -> dt.date | None:
    """A publication date read from the text itself when unambiguous, else None.

    Accepted evidence, all of which must agree: a line near the top that is only a date ("11 February
    2025", "Published: Jul 11, 2018"), a segment of a "|"-separated headline that is a date, an agency
    dateline ("KYIV, Oct 16, 2025 (Reuters) -"), or a full date the text presents as today. A date that
    merely appears in the body says when something happened, not when the text was written: ignored.
    """
    found: set[dt.date] = set()
    for line in _head_lines(text):
        segments = [segment.strip() for segment in line.split("|")] if "|" in line else [line]
        for segment in segments:
            match = _DATE_LINE.fullmatch(segment)
            if match and (date := _full_date(match)):
                found.add(date)
        match = _DATELINE.match(line)
        if match and (date := _full_date(match)):
            found.add(date)
    for match in _TODAY_DATE.finditer(text):
        if date := _full_date(match):
            found.add(date)
    return found.pop() if len(found) == 1 else None
