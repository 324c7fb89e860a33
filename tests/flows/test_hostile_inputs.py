"""Hostile inputs through the real flow: each is ingested correctly or becomes an ingest_errors row, the run
goes on, and the exit code says whether anything was rejected (3) or not (0).

The cases at the ingestion level (every reason, bounded memory, retries) are in
tests/transforms/test_ingest.py; here the same inputs go through `newsfacts run` together, as they would
arrive in a real folder.
"""

from __future__ import annotations

import json
import os
import pathlib

import duckdb
import pytest

from flows.cli import EXIT_OK, EXIT_REJECTED, main

pytestmark = [pytest.mark.flow, pytest.mark.usefixtures("prefect_harness")]

FACT = "Russia launched 40 drones at the Poltava region. "
FILLER = "Officials in the capital said repairs to the grid would continue through the week. "
UKRAINIAN = ("Росія атакувала Україну: 300 дронів і 37 ракет\nУ ніч на четвер Росія випустила понад 300 "
             "ударних дронів та 37 ракет. Знеструмлення зафіксовано у восьми областях. Мита зросли до 50%.")
GERMAN = ("Russland greift mit 300 Drohnen an\nIn der Nacht zum Donnerstag feuerte Russland mehr als 300 "
          "Drohnen und 37 Raketen ab. Die USA erhöhten die Zölle auf indische Waren auf 50 Prozent, "
          "zuvor 25 %.")
HTML = ("<html><head><title>News | Strike on Kyiv</title><script>var bait = '900 missiles';</script></head>"
        "<body><nav>Home &middot; World</nav><article><h1>Strike on Kyiv</h1><p>Russia fired 12 missiles "
        "&amp; 30&nbsp;drones at Kyiv.</p><script>document.write('<p>500 drones</p>')</script>"
        "<!-- 400 drones --></article></body></html>")


def run(input_dir, tmp_path, *extra: str) -> int:
    return main(["run", str(input_dir), "--lake", str(tmp_path / "lake"), "--db", str(tmp_path / "w.duckdb"),
                 "--docs", str(tmp_path / "docs"), "--marts", str(tmp_path / "marts"), "--quiet", *extra])


def query(tmp_path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def good_hostile_inputs(folder: pathlib.Path) -> None:
    """Inputs that look hostile but must be ingested: a 2 MB line, other languages, HTML with scripts."""
    folder.mkdir(parents=True, exist_ok=True)
    line = "".join(FACT if n % 250 == 0 else FILLER for n in range(25_000))
    (folder / "one_line.txt").write_text("Grid repairs continue\n" + line, encoding="utf-8")
    (folder / "uk.txt").write_bytes(UKRAINIAN.encode("cp1251"))
    (folder / "de.txt").write_bytes(GERMAN.encode("latin-1"))
    (folder / "page.html").write_text(HTML, encoding="utf-8")


def facts_per_document(tmp_path) -> dict[str, int]:
    rows = query(tmp_path, "select d.source_name, count(w.fact_id) from documents d "
                           "left join weapon_counts w using (doc_id) group by all")
    return dict(rows)


def test_hostile_but_valid_inputs_are_ingested_and_the_run_exits_0(tmp_path):
    folder = tmp_path / "in"
    good_hostile_inputs(folder)
    assert run(folder, tmp_path) == EXIT_OK
    assert query(tmp_path, "select count(*) from ingest_errors") == [(0,)]
    assert facts_per_document(tmp_path) == {"one_line.txt": 100, "uk.txt": 0, "de.txt": 0, "page.html": 2}
    html_facts = query(tmp_path, "select mention from weapon_counts w join documents d using (doc_id) "
                                 "where d.source_name = 'page.html' order by char_start")
    assert html_facts == [("12 missiles",), ("30 drones",)]
    other_facts = query(tmp_path, "select count(*) from (select doc_id from regions_affected "
                                  "union all select doc_id from tariff_rates "
                                  "union all select doc_id from date_mentions) "
                                  "join documents using (doc_id) where source_name in ('uk.txt', 'de.txt')")
    assert other_facts == [(0,)]
    texts = dict(query(tmp_path, "select source_name, text from documents"))
    assert texts["uk.txt"] == UKRAINIAN and texts["de.txt"] == GERMAN
    assert "bait" not in texts["page.html"] and "500 drones" not in texts["page.html"]


def test_rejected_inputs_are_recorded_the_rest_published_and_the_run_exits_3(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    good_hostile_inputs(folder)
    block = (FILLER * 50 + "\n").encode() * 1000
    with (folder / "huge.txt").open("wb") as handle:  # 50 MB, over the default limit of 20 MB
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\nRussia launched 999 drones.")
    os.symlink(secret, folder / "leak.txt")
    locked = folder / "locked.txt"
    locked.write_text("Locked\nRussia launched 77 drones.")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads files without permission: make the read fail as it would for a user
        real_open = pathlib.Path.open

        def open_(self, *args, **kwargs):
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "open", open_)
    (folder / "manifest.jsonl").write_text("\n".join([
        json.dumps({"file": "uk.txt", "published_date": "2025-10-16"}),
        json.dumps({"file": "../../etc/passwd", "title": "stolen"}),
        json.dumps({"file": "/etc/passwd"}),
    ]) + "\n")

    assert run(folder, tmp_path) == EXIT_REJECTED
    errors = dict(query(tmp_path, "select source_name, reason from ingest_errors"))
    assert errors == {"huge.txt": "too_large", "leak.txt": "outside_input", "locked.txt": "unreadable",
                      "manifest.jsonl:2": "outside_input", "manifest.jsonl:3": "outside_input"}
    details = dict(query(tmp_path, "select source_name, detail from ingest_errors"))
    assert "--max-file-mb" in details["huge.txt"] and "Permission denied" in details["locked.txt"]
    assert facts_per_document(tmp_path) == {"one_line.txt": 100, "uk.txt": 0, "de.txt": 0, "page.html": 2}
    everything = " ".join(text for (text,) in query(tmp_path, "select text from documents"))
    assert "999" not in everything and "root:" not in everything and "77 drones" not in everything
    assert query(tmp_path, "select published_date from documents where source_name = 'uk.txt'")[0][0] \
        .isoformat() == "2025-10-16"
    assert query(tmp_path, "select status, inputs_rejected from pipeline_runs") == [
        ("completed_with_rejections", 5)]


def test_the_size_limit_is_a_command_line_option(tmp_path):
    folder = tmp_path / "in"
    good_hostile_inputs(folder)
    assert run(folder, tmp_path, "--max-file-mb", "1") == EXIT_REJECTED
    assert query(tmp_path, "select source_name, reason from ingest_errors") == [("one_line.txt", "too_large")]
    assert sorted(name for (name,) in query(tmp_path, "select source_name from documents")) == [
        "de.txt", "page.html", "uk.txt"]
