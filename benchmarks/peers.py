"""Peer tools side by side with our extractors: quantulum3 (numbers and units) and dateparser (dates).

Throughput is measured on the same texts; accuracy on the dev gold, for the facts a peer covers:
- numbers: gold weapon counts with a value and gold tariff rates. A found number covers a gold fact when it
  has the same value and its span overlaps the gold mention. Precision is the share of found numbers that
  cover one (quantulum3 reports every number, so its precision says how much filtering it would need).
- dates: gold date mentions resolved to a day. A found date covers one when its span overlaps the mention
  and it names the same day.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

from benchmarks.measure import fresh_documents, rate
from transforms.documents import Document
from transforms.extract import extractor, finish_rows
from transforms.ingest import read_folder

REPO = Path(__file__).resolve().parent.parent
DEV = REPO / "tests" / "golden" / "dev"
NUMBER_TABLES = ("weapon_counts", "tariff_rates")


def _ours(docs: list[Document], tables: tuple[str, ...]) -> list[tuple[str, dict]]:
    found = []
    for doc in docs:
        for name in tables:
            ext = extractor(name)
            found.extend((name, row) for row in finish_rows(ext, doc, ext.extract(doc)))
    return found


def _quantulum(text: str) -> list[tuple[int, int, float]]:
    import warnings

    with warnings.catch_warnings():  # it warns that its optional classifier is not installed
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    return [(q.span[0], q.span[1], float(q.value)) for q in parser.parse(text)]


def _dateparser(text: str, published: dt.date | None) -> list[tuple[int, int, dt.date]]:
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    found = search_dates(text, languages=["en"], settings=settings) or []
    out, cursor = [], 0
    for substring, when in found:
        start = text.find(substring, cursor)
        if start == -1:
            start = text.find(substring)
        if start == -1:
            continue
        cursor = start + len(substring)
        out.append((start, start + len(substring), when.date()))
    return out


def throughput(texts) -> dict:
    """Ours and theirs on the same texts (one core, this process)."""
    _ours(fresh_documents(texts[:20]), NUMBER_TABLES + ("date_mentions",))  # warm up
    _quantulum(texts[0][0]), _dateparser(texts[0][0], texts[0][1])
    out = {}
    docs = fresh_documents(texts)
    started = time.perf_counter()
    _ours(docs, NUMBER_TABLES)
    out["ours_numbers"] = rate(time.perf_counter() - started, texts)
    started = time.perf_counter()
    for text, _ in texts:
        _quantulum(text)
    out["quantulum3"] = rate(time.perf_counter() - started, texts)
    docs = fresh_documents(texts)
    started = time.perf_counter()
    _ours(docs, ("date_mentions",))
    out["ours_dates"] = rate(time.perf_counter() - started, texts)
    started = time.perf_counter()
    for text, published in texts:
        _dateparser(text, published)
    out["dateparser"] = rate(time.perf_counter() - started, texts)
    out["ratio_numbers_ours_to_quantulum3"] = round(
        out["ours_numbers"]["articles_per_s"] / out["quantulum3"]["articles_per_s"], 1)
    out["ratio_dates_ours_to_dateparser"] = round(
        out["ours_dates"]["articles_per_s"] / out["dateparser"]["articles_per_s"], 1)
    return out


def _gold() -> tuple[list[Document], dict[str, dict]]:
    docs, _ = read_folder(DEV / "articles")
    gold = {}
    for line in (DEV / "gold.jsonl").read_text().splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["doc"]] = record
    return docs, gold


def _spans(text: str, mention: str) -> tuple[tuple[int, int], ...]:
    """Every place the gold mention occurs (gold gives the text of a mention, not its offsets)."""
    spans, start = [], text.find(mention)
    while start != -1 and mention:
        spans.append((start, start + len(mention)))
        start = text.find(mention, start + 1)
    return tuple(spans)


def _score(gold_facts: list[tuple[str, tuple, object]], found: list[tuple[str, int, int, object]]) -> dict:
    def covers(f, g) -> bool:
        return f[0] == g[0] and f[3] == g[2] and any(f[1] < end and start < f[2] for start, end in g[1])

    recalled = sum(1 for g in gold_facts if any(covers(f, g) for f in found))
    precise = sum(1 for f in found if any(covers(f, g) for g in gold_facts))
    return {"gold": len(gold_facts), "found": len(found), "recall": round(recalled / max(1, len(gold_facts)), 3),
            "precision": round(precise / max(1, len(found)), 3)}


def accuracy() -> dict:
    docs, gold = _gold()
    numbers_gold, dates_gold = [], []
    for doc in docs:
        record = gold.get(doc.source_name, {})
        for row in record.get("weapon_counts", []):
            span = _spans(doc.text, row["mention"])
            if span and row.get("count_value") is not None:
                numbers_gold.append((doc.doc_id, span, float(row["count_value"])))
        for row in record.get("tariffs", []):
            span = _spans(doc.text, row["mention"])
            if span and row.get("rate_pct") is not None:
                numbers_gold.append((doc.doc_id, span, float(row["rate_pct"])))
        for row in record.get("dates", []):
            span = _spans(doc.text, row["mention"])
            if span and row.get("granularity") == "day" and row.get("resolved"):
                dates_gold.append((doc.doc_id, span, dt.date.fromisoformat(row["resolved"][:10])))
    ours_numbers, ours_dates, quantities, dates = [], [], [], []
    for doc in docs:
        for table, row in _ours([doc], NUMBER_TABLES + ("date_mentions",)):
            if table == "weapon_counts" and row.get("count_value") is not None:
                ours_numbers.append((doc.doc_id, row["char_start"], row["char_end"], float(row["count_value"])))
            elif table == "tariff_rates" and row.get("rate_pct") is not None:
                ours_numbers.append((doc.doc_id, row["char_start"], row["char_end"], float(row["rate_pct"])))
            elif table == "date_mentions" and row["granularity"] == "day" and row.get("period_start"):
                ours_dates.append((doc.doc_id, row["char_start"], row["char_end"], row["period_start"]))
        quantities += [(doc.doc_id, *found) for found in _quantulum(doc.text)]
        dates += [(doc.doc_id, *found) for found in _dateparser(doc.text, doc.published_date)]
    return {"numbers": {"ours": _score(numbers_gold, ours_numbers), "quantulum3": _score(numbers_gold, quantities)},
            "dates": {"ours": _score(dates_gold, ours_dates), "dateparser": _score(dates_gold, dates)}}


def compare_peers(texts) -> dict:
    """Throughput on `texts` and accuracy on the dev gold; a clear note when a peer is not installed."""
    try:
        import dateparser  # noqa: F401
        import quantulum3  # noqa: F401
    except ImportError as exc:
        return {"skipped": f"peer tools not installed ({exc.name}); pip install -e '.[bench]'"}
    return {"articles": len(texts), "throughput": throughput(texts), "accuracy_dev_gold": accuracy()}
