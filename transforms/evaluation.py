"""Scoring extracted facts against a gold file, exactly as the reference scorer does.

Per document, each table is compared as the set of distinct keys (a fact repeated in the headline and
the body counts once):

    weapon_counts     (weapon_type, count_value)   vague counts: (weapon_type, "vague")
    regions_affected  ("region", iso_3166_2 or lower-cased name) and ("count", region_count)
    tariff_rates      (imposing_country_iso2, target_country_iso2, rate_pct)
    date_mentions     (granularity, period_start)  unresolved: (granularity, "unresolved")

Documents are matched on the file name of documents.source_name and the gold "doc".
`python -m transforms.evaluation ARTICLES --gold GOLD` extracts straight from a folder (no flow,
no warehouse) for quick iteration on the extractors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

TABLES = ("weapon_counts", "regions_affected", "tariff_rates", "date_mentions")

# (key, (qualifier, status) or None, mention)
Item = tuple[tuple, tuple | None, str]
Predictions = dict[str, dict[str, list[Item]]]


def _number(value) -> float | None:
    return None if value is None else round(float(value), 2)


def _iso_day(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)[:10]


def gold_period_start(resolved: str | None, granularity: str) -> str | None:
    """'2025-10-16' -> same; '2025-10' -> '2025-10-01'; '2025-W42' -> its Monday; '2025' -> '2025-01-01'."""
    if not resolved:
        return None
    text = resolved.strip()
    if "-W" in text:
        year, week = text.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).isoformat()
    parts = text.split("-")
    if len(parts) == 1:
        return f"{int(parts[0]):04d}-01-01"
    if len(parts) == 2:
        return f"{int(parts[0]):04d}-{int(parts[1]):02d}-01"
    return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2])).isoformat()


def weapon_key(weapon_type, count_value) -> tuple:
    return (str(weapon_type or "").lower(), "vague" if count_value is None else int(count_value))


def region_key(iso, name, count) -> tuple:
    if count is not None:
        return ("count", int(count))
    if iso:
        return ("region", str(iso).upper())
    return ("region", str(name or "").strip().lower())


def tariff_key(imposing, target, rate) -> tuple:
    return (str(imposing or "").upper(), str(target or "").upper(), _number(rate))


def date_key(granularity, period_start) -> tuple:
    return (str(granularity or "").lower(), period_start or "unresolved")


def load_gold(path: Path) -> dict[str, dict]:
    """Gold records by document file name."""
    gold = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                gold[record["doc"]] = record
    return gold


def gold_items(record: dict) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = defaultdict(list)
    for w in record.get("weapon_counts", []):
        out["weapon_counts"].append((weapon_key(w.get("weapon_type"), w.get("count_value")),
                                     (w.get("qualifier"), w.get("status")), w.get("mention")))
    for r in record.get("regions", []):
        out["regions_affected"].append((region_key(r.get("iso_3166_2"), r.get("name"), r.get("count")), None,
                                        r.get("mention")))
    for t in record.get("tariffs", []):
        out["tariff_rates"].append((tariff_key(t.get("imposing_country_iso2"), t.get("target_country_iso2"),
                                               t.get("rate_pct")), None, t.get("mention")))
    for d in record.get("dates", []):
        granularity = d.get("granularity")
        out["date_mentions"].append((date_key(granularity, gold_period_start(d.get("resolved"), granularity)),
                                     None, d.get("mention")))
    return out


def _document_name(source_name: str) -> str:
    # match on the file name alone, whatever folder the pipeline recorded
    return str(source_name).replace("\\", "/").rsplit("/", 1)[-1]


def item_of(table: str, row: dict) -> Item:
    """The scoring key of one fact row (a dict with the contract's column names)."""
    if table == "weapon_counts":
        return (weapon_key(row["weapon_type"], row["count_value"]), (row["qualifier"], row["status"]),
                row["mention"])
    if table == "regions_affected":
        return (region_key(row["iso_3166_2"], row["region_name"], row["region_count"]), None, row["mention"])
    if table == "tariff_rates":
        return (tariff_key(row["imposing_country_iso2"], row["target_country_iso2"], row["rate_pct"]), None,
                row["mention"])
    return (date_key(row["granularity"], _iso_day(row["period_start"])), None, row["mention"])


def predictions_from_rows(source_names: dict[str, str], rows_by_table: dict[str, list[dict]]) -> Predictions:
    """Predictions from fact rows; `source_names` maps doc_id to documents.source_name."""
    names = {doc_id: _document_name(name) for doc_id, name in source_names.items()}
    out: Predictions = defaultdict(lambda: defaultdict(list))
    for table in TABLES:
        for row in rows_by_table.get(table, []):
            name = names.get(row["doc_id"])
            if name is not None:
                out[name][table].append(item_of(table, row))
    return out


_COLUMNS = {
    "weapon_counts": ("doc_id", "weapon_type", "count_value", "qualifier", "status", "mention"),
    "regions_affected": ("doc_id", "iso_3166_2", "region_name", "region_count", "mention"),
    "tariff_rates": ("doc_id", "imposing_country_iso2", "target_country_iso2", "rate_pct", "mention"),
    "date_mentions": ("doc_id", "granularity", "period_start", "mention"),
}


def predictions_from_warehouse(con) -> tuple[dict[str, str], Predictions]:
    """(doc_id -> source_name, predictions) read from the contract tables of a DuckDB connection."""
    source_names = dict(con.execute("select doc_id, source_name from documents").fetchall())
    rows_by_table = {}
    for table, columns in _COLUMNS.items():
        result = con.execute(f"select {', '.join(columns)} from {table}").fetchall()
        rows_by_table[table] = [dict(zip(columns, values, strict=True)) for values in result]
    return source_names, predictions_from_rows(source_names, rows_by_table)


def _prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    recall = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Report:
    """Scores per table, weapon field agreement, and (optionally) the missed and spurious rows."""

    scores: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)

    @property
    def overall_f1(self) -> float:
        return self.scores["overall"]["f1"]

    def format(self, with_errors: bool = False) -> str:
        lines = [f"{'table':<18}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
        for table in TABLES:
            s = self.scores[table]
            lines.append(f"{table:<18}{s['gold']:>6}{s['pred']:>6}{s['tp']:>6}{s['precision']:>8.3f}"
                         f"{s['recall']:>8.3f}{s['f1']:>8.3f}")
        for name in ("qualifier", "status"):
            lines.append(f"weapon_counts {name} agreement on matched rows: "
                         f"{self.scores[f'weapon_{name}_accuracy']:.3f}")
        if self.missing_documents:
            lines.append(f"documents missing from the warehouse: {len(self.missing_documents)} "
                         f"(e.g. {self.missing_documents[:3]})")
        if with_errors and self.errors:
            lines.extend(self.errors)
        overall = self.scores["overall"]
        lines.append(f"overall micro P {overall['precision']:.3f} R {overall['recall']:.3f} F1 {overall['f1']:.3f}")
        return "\n".join(lines)


def score(gold: dict[str, dict], predictions: Predictions, present: set[str] | None = None) -> Report:
    """Compare predictions with gold records, document by document."""
    report = Report()
    if present is not None:
        report.missing_documents = sorted(set(gold) - present)
    totals = {table: Counter() for table in TABLES}
    agreement = Counter()
    for name, record in gold.items():
        expected = gold_items(record)
        found = predictions.get(name, {})
        for table in TABLES:
            gold_keys = Counter({k for k, _, _ in expected.get(table, [])})
            pred_keys = Counter({k for k, _, _ in found.get(table, [])})
            tp = sum((gold_keys & pred_keys).values())
            totals[table].update(gold=sum(gold_keys.values()), pred=sum(pred_keys.values()), tp=tp)
            if table == "weapon_counts":
                for i, name_of_field in enumerate(("qualifier", "status")):
                    gold_fields = Counter({(k, str(x[i]).lower()) for k, x, _ in expected.get(table, [])})
                    pred_fields = Counter({(k, str(x[i]).lower()) for k, x, _ in found.get(table, [])})
                    agreement[name_of_field] += sum((gold_fields & pred_fields).values())
            for key in (gold_keys - pred_keys).elements():
                mention = next((m for k, _, m in expected.get(table, []) if k == key), "")
                report.errors.append(f"{name}  {table}  MISSED    {key}  «{mention}»")
            for key in (pred_keys - gold_keys).elements():
                mention = next((m for k, _, m in found.get(table, []) if k == key), "")
                report.errors.append(f"{name}  {table}  SPURIOUS  {key}  «{mention}»")
    everything = Counter()
    for table in TABLES:
        counts = totals[table]
        everything.update(counts)
        precision, recall, f1 = _prf(counts["tp"], counts["gold"], counts["pred"])
        report.scores[table] = {"gold": counts["gold"], "pred": counts["pred"], "tp": counts["tp"],
                                "precision": precision, "recall": recall, "f1": f1}
    matched_weapons = totals["weapon_counts"]["tp"]
    for name_of_field in ("qualifier", "status"):
        accuracy = min(1.0, agreement[name_of_field] / matched_weapons) if matched_weapons else 0.0
        report.scores[f"weapon_{name_of_field}_accuracy"] = accuracy
    precision, recall, f1 = _prf(everything["tp"], everything["gold"], everything["pred"])
    report.scores["overall"] = {"precision": precision, "recall": recall, "f1": f1,
                                "missing_documents": len(report.missing_documents)}
    return report


def score_folder(articles: Path, gold_path: Path) -> Report:
    """Ingest and extract a folder in-process and score it (no flow, no warehouse)."""
    from transforms.extract import extract_document
    from transforms.ingest import read_folder

    docs, _ = read_folder(articles)
    rows_by_table: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        for table, rows in extract_document(doc).items():
            rows_by_table[table].extend(rows)
    source_names = {doc.doc_id: doc.source_name for doc in docs}
    present = {_document_name(doc.source_name) for doc in docs}
    return score(load_gold(gold_path), predictions_from_rows(source_names, rows_by_table), present)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract a folder in-process and score it against a gold file.")
    parser.add_argument("articles", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--table", help="only list errors of this table")
    args = parser.parse_args(argv)
    report = score_folder(args.articles, args.gold)
    if args.table:
        report.errors = [e for e in report.errors if f"  {args.table}  " in e]
    print(report.format(with_errors=args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
