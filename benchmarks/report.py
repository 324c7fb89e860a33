"""The results section of docs/performance.md, written from a benchmark results file.

    python -m benchmarks.report benchmarks/results.json   # rewrites the section between the markers
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

START, END = "<!-- results:start -->", "<!-- results:end -->"


def _row(cells) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _table(header, rows) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows)]


def results_markdown(results: dict) -> str:
    machine = results["machine"]
    lines = [f"Measured {results['started_at']} on {machine['cores']} cores, {machine['memory_gb']} GB, "
             f"Python {machine['python']}, {machine['platform']} (`python -m benchmarks.run`; raw figures in "
             "`benchmarks/results.json`).", ""]
    lines += ["**Extraction alone**, one core, all four extractors on fresh documents:", ""]
    lines += _table(["N", "corpus MB", "articles measured", "articles/s", "MB/s", "rows"],
                    [[f"{s['n']:,}", s["corpus_mb"], f"{s['extraction']['all']['articles']:,}",
                      f"{s['extraction']['all']['articles_per_s']:,.0f}", s["extraction"]["all"]["mb_per_s"],
                      f"{s['extraction']['all']['rows']:,}"] for s in results["sizes"]])
    last = results["sizes"][-1]["extraction"]["per_extractor"]
    lines += ["", "Each extractor alone (its share of the shared sentence split and date resolution included):", ""]
    lines += _table(["extractor", "articles/s", "MB/s"],
                    [[name, f"{r['articles_per_s']:,.0f}", r["mb_per_s"]] for name, r in last.items()])
    lines += ["", "**`newsfacts run` end to end** (fresh lake, all cores; ingest and extract seconds are summed "
                  "over the worker processes, so the steps add up to more than the wall time):", ""]
    step_names = ("ingest", "extract", "wait for workers", "validate", "stage", "publish", "warehouse", "models")
    lines += _table(["N", "wall s", "peak RSS MB (process tree)", *step_names],
                    [[f"{s['n']:,}", s["end_to_end"]["wall_seconds"], s["end_to_end"]["peak_rss_mb"],
                      *(round(s["end_to_end"]["step_seconds"].get(step, 0.0), 1) for step in step_names)]
                     for s in results["sizes"]])
    lines += ["", "**Incremental runs** on that lake (wall time including interpreter start):", ""]
    lines += _table(["N", "+1 % new: s", "new documents", "nothing new: s", "files not read"],
                    [[f"{s['n']:,}", s["incremental_1pct"]["wall_seconds"], s["incremental_1pct"]["documents_new"],
                      s["incremental_nothing_new"]["wall_seconds"], s["incremental_nothing_new"]["files_unchanged"]]
                     for s in results["sizes"]])
    queries = [name for name in results["sizes"][-1]["queries"] if not name.startswith("_")]
    lines += ["", "**Mart queries** in DuckDB (median of 5, ms):", ""]
    lines += _table(["N", *queries], [[f"{s['n']:,}", *(s["queries"][q]["ms_median"] for q in queries)]
                                      for s in results["sizes"]])
    peers = results.get("peers", {})
    if "throughput" in peers:
        t, a = peers["throughput"], peers["accuracy_dev_gold"]
        lines += ["", f"**Peer tools**, same {peers['articles']} texts, one core:", ""]
        lines += _table(["tool", "articles/s", "MB/s", "ours / theirs"], [
            ["ours: weapon_counts + tariff_rates", f"{t['ours_numbers']['articles_per_s']:,.0f}",
             t["ours_numbers"]["mb_per_s"], ""],
            ["quantulum3 (numbers, units)", t["quantulum3"]["articles_per_s"], t["quantulum3"]["mb_per_s"],
             f"{t['ratio_numbers_ours_to_quantulum3']}×"],
            ["ours: date_mentions", f"{t['ours_dates']['articles_per_s']:,.0f}", t["ours_dates"]["mb_per_s"], ""],
            ["dateparser search_dates", t["dateparser"]["articles_per_s"], t["dateparser"]["mb_per_s"],
             f"{t['ratio_dates_ours_to_dateparser']}×"]])
        lines += ["", "Accuracy on the dev gold, for the facts each peer covers (see benchmarks/peers.py):", ""]
        lines += _table(["facts", "tool", "gold", "found", "recall", "precision"], [
            ["numbers (weapon counts, tariff rates)", "ours", *a["numbers"]["ours"].values()],
            ["", "quantulum3", *a["numbers"]["quantulum3"].values()],
            ["dates resolved to a day", "ours", *a["dates"]["ours"].values()],
            ["", "dateparser", *a["dates"]["dateparser"].values()]])
    elif peers:
        lines += ["", f"Peer tools: {peers.get('skipped')}"]
    unchanged = results["reference_rows"]["unchanged"]
    lines += ["", f"**Rows unchanged by the optimisations**: {'yes' if unchanged else 'NO'} — every extracted row of "
                  "the dev set and the seeds hashes to `benchmarks/reference_rows.json`, recorded before the speed "
                  "work (and regenerated when an accuracy fix changed extractor_version: weapon_counts v2, then all "
                  "four extractors in December 2026; the dev and seed rows were otherwise identical each time)."]
    return "\n".join(lines)


def write_performance_doc(results: dict, path: Path) -> None:
    text = path.read_text()
    if START not in text or END not in text:
        raise ValueError(f"{path} has no {START} … {END} section to fill")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{results_markdown(results)}\n{END}{tail}")


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results.json")
    write_performance_doc(json.loads(source.read_text()), Path(__file__).resolve().parent.parent / "docs" /
                          "performance.md")
