"""The newsfacts benchmark: extraction speed, peer tools, end-to-end runs, incremental runs and queries.

    python -m benchmarks.run [--sizes 1000 10000 100000] [--out benchmarks/results.json] [--work DIR]

For each corpus size N (a seeded corpus from benchmarks/corpus.py) it measures
- extraction alone, on one core in this process: articles/s and MB/s, all four extractors together and each
  on its own (on the first `--extract-sample` articles: the rate does not depend on N);
- `newsfacts run` end to end as a subprocess on a fresh lake: wall time, the run's seconds per step (its
  pipeline_runs row), and the peak resident memory of the whole process tree (sampled every 0.1 s);
- a rerun after adding 1 % new articles, and a rerun that finds nothing new (both include interpreter start);
- three typical mart queries over the warehouse, in DuckDB.
Once (on the first size) it runs quantulum3 and dateparser on the same texts as our extractors, and compares
their accuracy with ours on the dev gold (benchmarks/peers.py). It also checks that the extracted rows of the
dev set and seeds are those of benchmarks/reference_rows.json (optimisations must not change a row).
Results go to `--out` as JSON; docs/performance.md is written from them with --write-docs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.fingerprint import folder_fingerprints
from benchmarks.measure import fresh_documents, rate

REPO = Path(__file__).resolve().parent.parent
REFERENCE_ROWS = Path(__file__).with_name("reference_rows.json")
REFERENCE_FOLDERS = (REPO / "tests" / "golden" / "dev" / "articles", REPO / "data" / "raw")
MART_QUERIES = {
    "monthly launched vs intercepted by weapon type": """
        select date_trunc('month', report_date) as month, weapon_type,
               sum(launched_most_cited) as launched, sum(intercepted_most_cited) as intercepted
        from mart_daily_strikes group by all order by month, weapon_type""",
    "ten most affected regions": """
        select iso_3166_2, any_value(region_name) as region, sum(documents) as documents, sum(mentions) as mentions
        from mart_region_impacts group by iso_3166_2 order by documents desc limit 10""",
    "most contested claims": """
        select report_date, weapon_type, claim, documents, conflicting_documents
        from mart_claim_corroboration order by conflicting_documents desc, documents desc limit 20""",
}


def _texts(folder: Path, limit: int) -> list[tuple[str, dt.date | None]]:
    manifest = {}
    for line in (folder / "manifest.jsonl").read_text().splitlines():
        entry = json.loads(line)
        manifest[entry["file"]] = dt.date.fromisoformat(entry["published_date"])
    out = []
    for name in sorted(manifest)[:limit]:
        out.append(((folder / name).read_text(encoding="utf-8"), manifest[name]))
    return out


def measure_extraction(texts: list[tuple[str, dt.date | None]], per_extractor_sample: int) -> dict:
    """Articles/s and MB/s of all extractors together and of each alone, on fresh documents (no cache)."""
    from transforms.extract import extract_document, finish_rows, registry
    from transforms.processing import extract_batch

    for doc in fresh_documents(texts[:50]):  # warm the compiled patterns and the gazetteers
        extract_document(doc)
    docs = fresh_documents(texts)
    started = time.perf_counter()
    # the pipeline's own batch function: it also drops each document's caches once its facts are out
    rows = sum(len(found) for found in extract_batch(docs).values())
    result = {"all": {**rate(time.perf_counter() - started, texts), "rows": rows}, "per_extractor": {}}
    sample = texts[:per_extractor_sample]
    for ext in registry():
        docs = fresh_documents(sample)
        started = time.perf_counter()
        for doc in docs:
            finish_rows(ext, doc, ext.extract(doc))
            doc.forget_derived()
        result["per_extractor"][ext.name] = rate(time.perf_counter() - started, sample)
    docs = fresh_documents(sample)
    started = time.perf_counter()
    for doc in docs:
        doc.sentences  # noqa: B018 - the shared sentence split, which every extractor above included
    result["per_extractor"]["(sentence split, shared)"] = rate(time.perf_counter() - started, sample)
    return result


def _tree_rss(process) -> int:
    try:
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            try:
                total += child.memory_info().rss
            except Exception:  # a child that ended between listing and reading
                pass
        return total
    except Exception:
        return 0


def timed_run(args: list[str], env: dict) -> dict:
    """Wall time, exit code and peak RSS (sum over the process tree) of one `newsfacts` command."""
    import psutil

    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=REPO, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    process = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(process))
        time.sleep(0.1)
    output = child.stdout.read()
    wall = time.perf_counter() - started
    if child.returncode not in (0, 3):
        raise RuntimeError(f"newsfacts {' '.join(args)} exited {child.returncode}:\n{output[-3000:]}")
    return {"wall_seconds": round(wall, 2), "exit_code": child.returncode, "peak_rss_mb": round(peak / 2**20, 1)}


def last_run_record(lake_dir: Path) -> dict:
    from transforms.contract import PIPELINE_RUNS
    from transforms.lake import Lake

    runs = Lake(lake_dir).read(PIPELINE_RUNS).to_pylist()
    last = max(runs, key=lambda r: r["started_at"])
    details = json.loads(last["details_json"])
    return {"documents_new": last["documents_new"], "documents_seen": last["documents_seen"],
            "files_unchanged": details.get("files_unchanged"), "facts_published": last["facts_published"],
            "step_seconds": details.get("seconds", {})}


def measure_queries(db_path: Path, repeats: int = 5) -> dict:
    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        out = {}
        for name, sql in MART_QUERIES.items():
            con.sql(sql).fetchall()
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                rows = con.sql(sql).fetchall()
                times.append(time.perf_counter() - started)
            out[name] = {"ms_median": round(sorted(times)[len(times) // 2] * 1000, 2), "rows": len(rows)}
        out["_facts"] = {table: con.sql(f"select count(*) from {table}").fetchall()[0][0]
                         for table in ("documents", "weapon_counts", "regions_affected", "tariff_rates",
                                       "date_mentions")}
        return out
    finally:
        con.close()


def benchmark_size(n: int, work: Path, env: dict, extract_sample: int, per_extractor_sample: int,
                   workers: int | None, seed: int) -> dict:
    corpus = work / f"corpus_{n}"
    if corpus.exists():
        shutil.rmtree(corpus)
    started = time.perf_counter()
    size = write_corpus(corpus, n, seed)
    result: dict = {"n": n, "corpus_mb": round(size / 1e6, 1),
                    "corpus_seconds": round(time.perf_counter() - started, 1)}
    print(f"[N={n:,}] corpus: {size / 1e6:.1f} MB", flush=True)
    result["extraction"] = measure_extraction(_texts(corpus, min(n, extract_sample)), min(n, per_extractor_sample))
    print(f"[N={n:,}] extraction: {result['extraction']['all']['articles_per_s']:,.0f} articles/s", flush=True)

    out = work / f"out_{n}"
    if out.exists():
        shutil.rmtree(out)
    common = ["--lake", str(out / "lake"), "--db", str(out / "warehouse.duckdb"), "--docs", str(out / "docs"),
              "--marts", str(out / "marts"), "--quiet"]
    if workers:
        common += ["--workers", str(workers)]
    full = timed_run(["run", str(corpus), *common], env)
    result["end_to_end"] = {**full, **last_run_record(out / "lake")}
    print(f"[N={n:,}] end to end: {full['wall_seconds']} s, peak RSS {full['peak_rss_mb']} MB", flush=True)

    added = max(1, n // 100)
    write_corpus(corpus, n + added, seed, start=n)
    incremental = timed_run(["run", str(corpus), *common], env)
    result["incremental_1pct"] = {**incremental, **last_run_record(out / "lake")}
    print(f"[N={n:,}] +1 %: {incremental['wall_seconds']} s", flush=True)
    nothing = timed_run(["run", str(corpus), *common], env)
    result["incremental_nothing_new"] = {**nothing, **last_run_record(out / "lake")}
    print(f"[N={n:,}] nothing new: {nothing['wall_seconds']} s", flush=True)
    result["queries"] = measure_queries(out / "warehouse.duckdb")
    return result


def check_reference_rows() -> dict:
    """Whether the extracted rows of the dev set and seeds equal the recorded reference (all columns)."""
    current = folder_fingerprints(REFERENCE_FOLDERS)
    reference = json.loads(REFERENCE_ROWS.read_text()) if REFERENCE_ROWS.exists() else None
    return {"unchanged": current == reference, "current": current,
            "reference": str(REFERENCE_ROWS.relative_to(REPO))}


def machine() -> dict:
    import psutil

    return {"python": platform.python_version(), "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(), "cores": os.cpu_count(),
            "memory_gb": round(psutil.virtual_memory().total / 2**30, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results.json")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsfacts-bench"))
    parser.add_argument("--extract-sample", type=int, default=20000, help="articles for the extraction rate")
    parser.add_argument("--per-extractor-sample", type=int, default=5000)
    parser.add_argument("--peer-sample", type=int, default=300, help="articles the peer tools are run on")
    parser.add_argument("--workers", type=int, help="passed to newsfacts run (default: one per core)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write-docs", action="store_true", help="also write docs/performance.md")
    args = parser.parse_args(argv)

    from benchmarks.peers import compare_peers

    args.work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(args.work / "prefect-home"), "PYTHONPATH": str(REPO)}
    env.pop("PREFECT_API_URL", None)
    results: dict = {"started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": machine(),
                     "reference_rows": check_reference_rows(), "sizes": []}
    print(f"reference rows unchanged: {results['reference_rows']['unchanged']}", flush=True)
    for n in args.sizes:
        results["sizes"].append(benchmark_size(n, args.work, env, args.extract_sample, args.per_extractor_sample,
                                               args.workers, args.seed))
        if "peers" not in results:
            corpus = args.work / f"corpus_{n}"
            results["peers"] = compare_peers(_texts(corpus, min(n, args.peer_sample)))
        args.out.write_text(json.dumps(results, indent=1))
    results["finished_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    args.out.write_text(json.dumps(results, indent=1))
    if args.write_docs:
        from benchmarks.report import write_performance_doc

        write_performance_doc(results, REPO / "docs" / "performance.md")
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
