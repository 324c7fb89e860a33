"""Every registered extractor, fed arbitrary text, never raises and only emits rows that keep the contract.

Two kinds of input: any unicode at all, and text assembled from news-like fragments (numbers and number
words, weapons, regions, months, weekdays, percentages, tariff words, quotes and punctuation) so that the
extractors' rules actually fire on odd combinations. The contract of a row: every column of the table with
its type and nullability, enumerations within their declared values, a non-empty span inside the text
equal to `mention`, inside the sentence the row names, and a fact_id unique in its table.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from transforms.contract import Table
from transforms.documents import Document, make_document
from transforms.extract import EXTRACTOR_MAJOR_CHUNK, extract_document, extract_documents, finish_rows, registry

# About a second per strategy; hypothesis keeps failing examples in .hypothesis/ and replays them first.
EXAMPLES = 150

NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "fifteen", "twenty", "thirty-seven", "forty", "ninety-nine", "hundred", "a hundred",
                "hundreds", "thousand", "thousands", "million", "dozen", "dozens", "half a dozen", "a couple",
                "several", "scores", "tens of", "first", "second", "zero", "none", "nil")
QUANTIFIERS = ("more than", "over", "at least", "up to", "about", "around", "nearly", "almost", "some",
               "fewer than", "between", "and", "to", "or", "of", "out of", "from", "as many as", "roughly")
WEAPONS = ("drone", "drones", "Shahed", "Shahed-136", "Geran-2", "missile", "missiles", "cruise missiles",
           "ballistic missiles", "Iskander-M", "Kh-101", "Kinzhal", "Kalibr", "S-300", "Patriot", "HIMARS",
           "rockets", "guided bombs", "glide bombs", "KAB", "artillery shells", "shells", "tanks", "jets",
           "F-16", "aircraft", "UAVs", "decoys", "air defence systems", "armored vehicles", "warheads")
VERBS = ("launched", "fired", "shot down", "intercepted", "downed", "destroyed", "hit", "struck", "supplied",
         "delivered", "requested", "asked for", "attacked", "raised", "lowered", "doubled", "halved",
         "imposed", "threatened", "removed", "lifted", "cut", "set", "will impose", "would raise", "said",
         "reported")
PLACES = ("Kyiv", "Kharkiv", "Odesa", "Poltava region", "the Poltava region", "Dnipropetrovsk Oblast",
          "Zaporizhzhia oblast", "Lviv", "Sumy region", "Crimea", "Donetsk", "eight regions", "three oblasts",
          "Belgorod", "Moscow", "Russia", "Ukraine", "India", "China", "the EU", "the US", "Washington",
          "Switzerland", "Canada", "Mexico", "Brazil", "Indian", "Chinese", "Swiss", "American", "European")
TIME_WORDS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "Oct.", "Sept.", "Monday", "Tuesday", "Wednesday",
              "Thursday", "Friday", "Saturday", "Sunday", "yesterday", "today", "tomorrow", "overnight",
              "last week", "next month", "this year", "the weekend", "on", "in", "since", "by", "effective",
              "starting", "as of", "early", "late", "mid-", "2024", "2025", "1999", "'s")
TARIFF_WORDS = ("tariff", "tariffs", "duty", "duties", "levy", "per cent", "percent", "percentage points",
                "%", " %", "pc", "basis points", "on goods", "on steel", "on imports", "from", "to", "goods",
                "reciprocal", "additional", "baseline")
PUNCTUATION = (".", ",", ";", ":", "—", "–", "-", "(", ")", '"', "“", "”", "'", "’", "!", "?", "…", "/",
               "\n", "\n\n", " ", "  ", "\t", "U.S.", "Mr.", "No.", "e.g.", "$", "€", "#", "*")

numbers = st.one_of(
    st.integers(min_value=-5, max_value=2_000_000).map(str),
    st.integers(min_value=1, max_value=999_999).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, max_value=1_000, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.integers(min_value=0, max_value=500).map(lambda n: f"{n}%"),
    st.integers(min_value=1, max_value=31).map(lambda n: f"{n}th"),
)
VOCABULARIES = (NUMBER_WORDS, QUANTIFIERS, WEAPONS, VERBS, PLACES, TIME_WORDS, TARIFF_WORDS, PUNCTUATION)
fragments = st.one_of(numbers, *(st.sampled_from(words) for words in VOCABULARIES))
separators = st.sampled_from((" ", " ", " ", "", ", ", ". ", "\n"))


@st.composite
def news_like(draw) -> str:
    parts = draw(st.lists(st.tuples(fragments, separators), min_size=1, max_size=40))
    return "".join(fragment + separator for fragment, separator in parts)


any_text = st.text(max_size=300)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


def document(text: str, published_date: dt.date | None) -> Document:
    return make_document(text, source_name="prop.txt", source_uri="file:///prop.txt",
                         published_date=published_date)


def contract_violations(table: Table, doc: Document, rows: list[dict]) -> list[str]:
    """Every way the rows break the table's contract (empty when they keep it)."""
    problems = []
    text = doc.text
    for row in rows:
        where = f"{table.name} row {row.get('mention')!r} at {row.get('char_start')}:{row.get('char_end')}"
        for column in table.columns:
            value = row.get(column.name)
            if value is None:
                if not column.nullable:
                    problems.append(f"{where}: {column.name} is null")
                continue
            if column.values and value not in column.values:
                problems.append(f"{where}: {column.name}={value!r} not in {column.values}")
        start, end = row["char_start"], row["char_end"]
        if not (0 <= start < end <= len(text)):
            problems.append(f"{where}: span outside the text (length {len(text)}) or empty")
            continue
        if text[start:end] != row["mention"]:
            problems.append(f"{where}: text[start:end] = {text[start:end]!r} != mention")
        if not 0 <= row["sentence_no"] < len(doc.sentences):
            problems.append(f"{where}: no sentence {row['sentence_no']}")
            continue
        sentence = doc.sentences[row["sentence_no"]]
        if not (sentence.start <= start and end <= sentence.end):
            problems.append(f"{where}: span not inside sentence {sentence.no} "
                            f"({sentence.start}:{sentence.end})")
        if row["sentence"] != sentence.text:
            problems.append(f"{where}: sentence text differs from sentence {sentence.no}")
        if row["doc_id"] != doc.doc_id:
            problems.append(f"{where}: doc_id {row['doc_id']} is not the document's")
    fact_ids = [row["fact_id"] for row in rows]
    if len(fact_ids) != len(set(fact_ids)):
        problems.append(f"{table.name}: duplicated fact_id")
    try:
        table.to_arrow(rows)  # every value of the declared Arrow type
    except (pa.ArrowException, TypeError, ValueError) as exc:
        problems.append(f"{table.name}: rows do not fit the schema: {exc}")
    return problems


def check_every_extractor(text: str, published_date: dt.date | None) -> None:
    doc = document(text, published_date)
    if not doc.text:
        return
    problems = []
    for ext in registry():  # one document for all, in registry order: extractors share doc.cache
        rows = finish_rows(ext, doc, ext.extract(doc))
        problems += contract_violations(ext.table, doc, rows)
    assert not problems, "\n".join(problems)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=news_like(), published_date=published)
@example(text="Russia launched more than 300 drones and 37 missiles at the Poltava region on Thursday. "
              "The US doubled duties on Indian goods to 50%.", published_date=dt.date(2025, 10, 16))
@example(text="", published_date=None)
@example(text="\n\n \t", published_date=None)
def test_news_like_text_gives_only_rows_that_keep_the_contract(text, published_date):
    check_every_extractor(text, published_date)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, published_date=published)
def test_any_unicode_gives_only_rows_that_keep_the_contract(text, published_date):
    check_every_extractor(text, published_date)


@pytest.mark.parametrize("text", [
    "1\ndrone ",
    "Russia fired 37\nmissiles at Kyiv.",
    "Death toll rises to 40\nDrones hit Kyiv overnight.",
    "more than\n300 drones",
], ids=["number_then_weapon_on_the_next_line", "sentence_broken_by_a_line_break", "headline_number_then_line",
        "qualifier_then_number_on_the_next_line"])
def test_weapon_counts_never_spans_a_line_break(text):
    doc = document(text, None)
    ext = next(ext for ext in registry() if ext.name == "weapon_counts")
    rows = finish_rows(ext, doc, ext.extract(doc))
    assert [row["mention"] for row in rows if "\n" in row["mention"]] == []
    for row in rows:
        sentence = doc.sentences[row["sentence_no"]]
        assert sentence.start <= row["char_start"] and row["char_end"] <= sentence.end


def test_the_registry_holds_every_fact_table():
    assert {ext.name for ext in registry()} >= {"weapon_counts", "regions_affected", "tariff_rates",
                                                 "date_mentions"}


def test_a_batch_gives_the_rows_of_each_document_in_document_order_and_drops_their_derived_views():
    texts = [f"Russia launched {n} drones at the Poltava region on Thursday; tariffs on steel rose to {n}%."
             for n in range(1, 2 * EXTRACTOR_MAJOR_CHUNK + 8)] + [""]
    one_by_one: dict[str, list[dict]] = {}
    for text in texts:
        for table, rows in extract_document(document(text, dt.date(2025, 1, 2))).items():
            one_by_one.setdefault(table, []).extend(rows)
    docs = [document(text, dt.date(2025, 1, 2)) for text in texts]
    assert extract_documents(docs) == one_by_one
    assert all(not doc.cache and "sentences" not in doc.__dict__ for doc in docs)


@pytest.mark.parametrize("ext", registry(), ids=lambda ext: ext.name)
def test_every_enumerated_column_is_declared_with_its_values(ext):
    enumerated = [column for column in ext.table.columns if column.values]
    assert all(len(set(column.values)) == len(column.values) for column in enumerated)


@pytest.mark.slow
@pytest.mark.parametrize("separator", [" ", "\n"], ids=["one_long_line", "one_sentence_per_line"])
def test_extraction_time_grows_linearly_with_the_number_of_facts(separator):
    import time

    sentence = ("Russia launched 40 drones at the Poltava region on Thursday, and tariffs rose to 25% "
                "on steel.")
    seconds = {}
    for copies in (2_000, 8_000):
        doc = document("Headline\n" + separator.join([sentence] * copies), dt.date(2025, 1, 1))
        started = time.perf_counter()
        for ext in registry():
            finish_rows(ext, doc, ext.extract(doc))
        seconds[copies] = time.perf_counter() - started
    assert seconds[8_000] < 6 * seconds[2_000], seconds  # 4x the text: about 4x the time, not 16x
