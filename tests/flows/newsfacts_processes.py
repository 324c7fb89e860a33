"""Helpers for tests that run `newsfacts` as real subprocesses: a varied corpus, one shared Prefect server,
the command line and environment of a run, and snapshots of a lake read through its manifest.

A subprocess is the only way to test what a SIGKILL, a second concurrent run or a reader in another process
does to the lake: none of that can be simulated inside the test process.
"""

from __future__ import annotations

import atexit
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from transforms.contract import DOCUMENTS, INGEST_ERRORS, REJECTED_FACTS, Table, all_tables
from transforms.documents import normalize_text
from transforms.lake import Lake
from transforms.sentences import split_sentences

REPO = Path(__file__).resolve().parents[2]
DEV_ARTICLES = REPO / "tests" / "golden" / "dev" / "articles"
# The installed console script, as a user runs it (python -m flows.cli where it is not installed).
_SCRIPT = Path(sys.executable).with_name("newsfacts")
NEWSFACTS = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "flows.cli"]

# Columns that differ between two runs of the same input by design (when and by which run a row was written).
VOLATILE_COLUMNS = {
    "documents": {"ingested_at"},
    "ingest_errors": {"first_seen_at", "run_id"},
    "rejected_facts": {"run_id", "rejected_at"},
}
FACT_TABLES = tuple(t for t in all_tables() if t.is_fact)
# The tables whose rows depend only on the input. pipeline_runs (the log of the runs) and the bookkeeping of
# which file versions were read differ between any two histories by design.
COMPARED_TABLES = (DOCUMENTS, *FACT_TABLES, INGEST_ERRORS, REJECTED_FACTS)

# --------------------------------------------------------------------------------------------------------
# A corpus of distinct, realistic articles made from the dev articles
# --------------------------------------------------------------------------------------------------------
PLACES = ("Kyiv", "Kharkiv", "Dnipro", "Odesa", "Zaporizhzhia", "Poltava", "Mykolaiv", "Lviv", "Sumy",
          "Chernihiv", "Kherson", "Vinnytsia", "Zhytomyr", "Cherkasy", "Rivne", "Khmelnytskyi")
_PLACE = re.compile(r"\b(" + "|".join(PLACES) + r")\b")
# 1-3 digit integers that are not part of a larger number, a decimal, a time or an ordinal ("22nd").
_NUMBER = re.compile(r"(?<![\d.,:/-])\d{1,3}(?![\d,]*\.\d)(?![\d:])(?!(?:st|nd|rd|th)\b)")
_MONTH_BEFORE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$")


@dataclass(frozen=True)
class Article:
    """One corpus file: its name, its text and its manifest record."""

    name: str
    text: str
    published_date: str | None

    def manifest_record(self) -> dict:
        record = {"file": self.name, "url": f"https://corpus.example/{self.name}"}
        if self.published_date:
            record["published_date"] = self.published_date
        return record


def _dev_articles() -> list[tuple[str, str | None]]:
    dates = {}
    for line in (DEV_ARTICLES / "manifest.jsonl").read_text().splitlines():
        if line.strip():
            record = json.loads(line)
            dates[record["file"]] = record.get("published_date")
    return [(path.read_text(encoding="utf-8"), dates.get(path.name))
            for path in sorted(DEV_ARTICLES.glob("*.txt"))]


def _vary_number(match: re.Match, text: str, rng: random.Random) -> str:
    value = int(match.group())
    if _MONTH_BEFORE.search(text, 0, match.start()) or value < 2:
        return match.group()  # a day of the month, or "1": keep dates and singulars valid
    return str(max(2, value + rng.randint(-(value // 3), value // 3 + 3)))


def _vary(text: str, rng: random.Random) -> str:
    """The article with other numbers, other places and its sentences in another order within paragraphs."""
    places = list(PLACES)
    rng.shuffle(places)
    swap = dict(zip(PLACES, places, strict=True))
    text = _PLACE.sub(lambda m: swap[m.group()], text)
    text = _NUMBER.sub(lambda m: _vary_number(m, text, rng), text)
    headline, _, body = text.partition("\n")
    paragraphs = []
    for paragraph in body.split("\n"):
        sentences = [s.text for s in split_sentences(paragraph)]
        if len(sentences) > 1 and rng.random() < 0.5:
            rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
    return headline + "\n" + "\n".join(paragraphs)


def corpus(count: int, seed: int = 8) -> list[Article]:
    """`count` distinct articles (distinct normalised texts), the same for the same seed."""
    bases = _dev_articles()
    rng = random.Random(seed)
    seen: set[str] = set()
    articles = []
    for number in range(count):
        text, date = bases[number % len(bases)]
        varied = text if number < len(bases) else _vary(text, rng)
        while normalize_text(varied) in seen:
            varied = _vary(text, rng)
        seen.add(normalize_text(varied))
        articles.append(Article(f"corpus_{number:04d}.txt", varied, date))
    return articles


# Inputs that must become ingest_errors rows: the same in every run, so the error rows must match too.
BAD_INPUTS = {"bad_empty.txt": b"", "bad_binary.txt": b"\x00\x01\x02\x03" * 64,
              "bad_whitespace.md": b"  \n\t\n"}


def write_corpus(folder: Path, articles: Sequence[Article], bad_inputs: bool = True) -> None:
    """Write the articles and a manifest.jsonl naming exactly them (plus the bad inputs) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        path = folder / article.name
        if not path.exists():
            path.write_text(article.text, encoding="utf-8")
    if bad_inputs:
        for name, content in BAD_INPUTS.items():
            if not (folder / name).exists():
                (folder / name).write_bytes(content)
    manifest = "".join(json.dumps(a.manifest_record()) + "\n" for a in articles)
    (folder / "manifest.jsonl").write_text(manifest, encoding="utf-8")


# --------------------------------------------------------------------------------------------------------
# A shared Prefect server and the `newsfacts` command line
# --------------------------------------------------------------------------------------------------------
_SERVER: dict[str, object] = {}


def shared_prefect_server() -> str:
    """The API URL of one `prefect server start` for every subprocess run of the test session.

    A run against it starts in ~3 s instead of the ~10 s a temporary server costs; it is started on the
    first call and stopped when the interpreter exits.
    """
    if "url" not in _SERVER:
        from flows.prefect_server import local_prefect_server

        home = Path(tempfile.mkdtemp(prefix="newsfacts-test-server-"))
        manager = local_prefect_server(home)
        _SERVER.update(url=manager.__enter__(), manager=manager, home=home)
        atexit.register(_stop_server)
    return str(_SERVER["url"])


def _stop_server() -> None:
    if "manager" in _SERVER:
        manager = _SERVER["manager"]
        home = _SERVER["home"]
        _SERVER.clear()
        manager.__exit__(None, None, None)
        shutil.rmtree(home, ignore_errors=True)


def newsfacts_env(api_url: str, home: Path) -> dict[str, str]:
    """The environment of a `newsfacts` subprocess: the shared server, its own Prefect home, quiet logs."""
    env = dict(os.environ)
    env.update(PREFECT_API_URL=api_url, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_LOGGING_LEVEL="WARNING", PYTHONPATH=str(REPO),
               COLUMNS="200")
    return env


@dataclass(frozen=True)
class Target:
    """Where one series of runs reads and writes."""

    input_dir: Path
    root: Path

    @property
    def lake(self) -> Path:
        return self.root / "lake"

    @property
    def db(self) -> Path:
        return self.root / "warehouse.duckdb"

    def run_command(self, *extra: str) -> list[str]:
        return [*NEWSFACTS, "run", str(self.input_dir), "--lake", str(self.lake), "--db", str(self.db),
                "--docs", str(self.root / "docs"), "--marts", str(self.root / "marts"), "--quiet", *extra]

    def sql_command(self, query: str) -> list[str]:
        return [*NEWSFACTS, "sql", query, "--db", str(self.db)]


def start(command: list[str], env: dict[str, str], log: Path | None = None) -> subprocess.Popen:
    """A subprocess in its own process group (so that whatever it starts can be killed with it)."""
    if log:
        log.parent.mkdir(parents=True, exist_ok=True)
    out = open(log, "ab") if log else subprocess.DEVNULL
    try:
        return subprocess.Popen(command, env=env, cwd=REPO, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT if log else subprocess.PIPE, start_new_session=True)
    finally:
        if log:
            out.close()


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL a process started by `start` and everything in its group; reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def run_to_completion(target: Target, env: dict[str, str], *extra: str, timeout: float = 300) -> int:
    """Run `newsfacts run` and return its exit code (the output is kept in root/runs.log)."""
    process = start(target.run_command(*extra), env, target.root / "runs.log")
    try:
        return process.wait(timeout=timeout)
    finally:
        kill_group(process)


# --------------------------------------------------------------------------------------------------------
# What a lake holds, as read through its manifest
# --------------------------------------------------------------------------------------------------------
def table_rows(lake: Lake, table: Table) -> list[dict]:
    """The committed rows of a table without the columns that legitimately differ between histories."""
    drop = VOLATILE_COLUMNS.get(table.name, set())
    return [{k: v for k, v in row.items() if k not in drop} for row in lake.read(table).to_pylist()]


def snapshot(lake: Lake) -> dict[str, list[dict]]:
    """Every compared table's rows, sorted by key (volatile columns dropped)."""
    return {table.name: sorted(table_rows(lake, table), key=lambda row, key=table.key: str(row[key]))
            for table in COMPARED_TABLES}


def facts_by_doc(tables: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """doc_id -> table -> that document's fact rows (sorted by fact_id)."""
    out: dict[str, dict[str, list[dict]]] = {}
    for table in FACT_TABLES:
        for row in tables[table.name]:
            out.setdefault(row["doc_id"], {}).setdefault(table.name, []).append(row)
    for per_table in out.values():
        for rows in per_table.values():
            rows.sort(key=lambda row: row["fact_id"])
    return out


def duplicated_keys(tables: dict[str, list[dict]]) -> dict[str, int]:
    """Per table, how many rows repeat a key already seen (0 everywhere in a correct lake)."""
    keys = {t.name: t.key for t in COMPARED_TABLES}
    return {name: len(rows) - len({row[keys[name]] for row in rows}) for name, rows in tables.items()}


__all__ = ["Article", "BAD_INPUTS", "COMPARED_TABLES", "DOCUMENTS", "FACT_TABLES", "INGEST_ERRORS",
           "REJECTED_FACTS", "Target", "corpus", "duplicated_keys", "facts_by_doc", "kill_group",
           "newsfacts_env", "run_to_completion", "shared_prefect_server", "snapshot", "start", "table_rows",
           "write_corpus"]
