"""The event date of a fact: a day named in its sentence or paragraph, else the document's main event date."""

from __future__ import annotations

import datetime as dt
import re

from transforms.documents import Document
from transforms.extract.date_mentions import DAY, LEAD_SENTENCES, DateMention, resolved_mentions

MAIN_EVENT_CACHE_KEY = "main_event_date"
BY_SENTENCE_CACHE_KEY = "date_mentions_by_sentence"

# Words of the lead that place the main event on the publication day without naming a date: a report
# of "a massive overnight attack" is dated the morning it ends.
_SAME_DAY_EVENT = re.compile(r"\b(?:overnight|this morning|earlier today|early today|tonight)\b",
                             re.IGNORECASE)


def event_date(doc: Document, sentence_no: int) -> dt.date | None:
    """Date of the event reported in sentence `sentence_no`, or None when the text does not make it clear.

    The sentence's own dates decide first, then those of the nearest earlier sentence of the same
    paragraph that has any (a paragraph narrates one event: "On Thursday, Russia launched ... Eight
    regions lost power."), then the document's main event. Among dates of one sentence a past day
    wins ("fired on Thursday ... will meet on Friday" reports Thursday's strike); a sentence dated only
    by a week, month or year ("in March") has no event day.
    """
    by_sentence = _unquoted_by_sentence(doc)
    sentences = doc.sentences
    if not 0 <= sentence_no < len(sentences):
        return None
    paragraph_start = doc.text.rfind("\n", 0, sentences[sentence_no].start) + 1
    number = sentence_no
    while number >= 0 and sentences[number].start >= paragraph_start:
        if number in by_sentence:
            return _day_of(by_sentence[number], doc.published_date)
        number -= 1
    return main_event_date(doc)


def _unquoted_by_sentence(doc: Document) -> dict[int, list[DateMention]]:
    """The document's date mentions outside quotations, by sentence number (cached in doc.cache)."""
    grouped = doc.cache.get(BY_SENTENCE_CACHE_KEY)
    if grouped is None:
        grouped = {}
        for mention in resolved_mentions(doc):
            if not mention.quoted:
                grouped.setdefault(mention.sentence_no, []).append(mention)
        doc.cache[BY_SENTENCE_CACHE_KEY] = grouped
    return grouped


def _day_of(mentions: list[DateMention], anchor: dt.date | None) -> dt.date | None:
    """The event day the dates of one sentence give: the first past day, else the first day, else None."""
    days = [m.period.start for m in mentions if m.period.granularity == DAY and m.period.start]
    past = [day for day in days if anchor is None or day <= anchor]
    return (past or days or [None])[0]


def main_event_date(doc: Document) -> dt.date | None:
    """The day of the news the lead reports (cached in doc.cache), or None when the lead does not say.

    The first resolved past day named in the headline and first sentences ("early Thursday", "on March
    22, 2024", a dateline); else the publication date when the lead reports the event as overnight or
    this morning; else None.
    """
    if MAIN_EVENT_CACHE_KEY in doc.cache:
        return doc.cache[MAIN_EVENT_CACHE_KEY]
    anchor = doc.published_date
    found = next((m.period.start for m in resolved_mentions(doc)
                  if m.sentence_no < LEAD_SENTENCES and not m.quoted and m.period.granularity == DAY
                  and m.period.start and (anchor is None or m.period.start <= anchor)), None)
    if found is None and anchor is not None:
        lead = doc.sentences[:LEAD_SENTENCES]
        if lead and _SAME_DAY_EVENT.search(doc.text, lead[0].start, lead[-1].end):
            found = anchor
    doc.cache[MAIN_EVENT_CACHE_KEY] = found
    return found
