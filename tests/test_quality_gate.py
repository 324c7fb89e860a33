"""Extraction quality is a ratchet: F1 per table on the dev and seed gold must stay above stored floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from transforms.evaluation import score_folder

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"
FLOORS = json.loads((GOLDEN / "quality_floors.json").read_text())
SETS = {
    "dev": (GOLDEN / "dev" / "articles", GOLDEN / "dev" / "gold.jsonl"),
    "seeds": (REPO / "data" / "raw", GOLDEN / "dev" / "seeds_gold.jsonl"),
    "dev2": (GOLDEN / "dev2" / "articles", GOLDEN / "dev2" / "gold.jsonl"),
    "dev3": (GOLDEN / "dev3" / "articles", GOLDEN / "dev3" / "gold.jsonl"),
    "dev4": (GOLDEN / "dev4" / "articles", GOLDEN / "dev4" / "gold.jsonl"),
    "dev5": (GOLDEN / "dev5" / "articles", GOLDEN / "dev5" / "gold.jsonl"),
    "dev6": (GOLDEN / "dev6" / "articles", GOLDEN / "dev6" / "gold.jsonl"),
    "dev7": (GOLDEN / "dev7" / "articles", GOLDEN / "dev7" / "gold.jsonl"),
    "dev8": (GOLDEN / "dev8" / "articles", GOLDEN / "dev8" / "gold.jsonl"),
    "dev9": (GOLDEN / "dev9" / "articles", GOLDEN / "dev9" / "gold.jsonl"),
    "heldout": (GOLDEN / "heldout" / "articles", GOLDEN / "heldout" / "gold.jsonl"),
    "heldout2": (GOLDEN / "heldout2" / "articles", GOLDEN / "heldout2" / "gold.jsonl"),
    "heldout3": (GOLDEN / "heldout3" / "articles", GOLDEN / "heldout3" / "gold.jsonl"),
    "heldout4": (GOLDEN / "heldout4" / "articles", GOLDEN / "heldout4" / "gold.jsonl"),
    "heldout5": (GOLDEN / "heldout5" / "articles", GOLDEN / "heldout5" / "gold.jsonl"),
    "heldout6": (GOLDEN / "heldout6" / "articles", GOLDEN / "heldout6" / "gold.jsonl"),
    "heldout7": (GOLDEN / "heldout7" / "articles", GOLDEN / "heldout7" / "gold.jsonl"),
    "dev10": (GOLDEN / "dev10" / "articles", GOLDEN / "dev10" / "gold.jsonl"),
    "heldout8": (GOLDEN / "heldout8" / "articles", GOLDEN / "heldout8" / "gold.jsonl"),
    "heldout9": (GOLDEN / "heldout9" / "articles", GOLDEN / "heldout9" / "gold.jsonl"),
    "dev11": (GOLDEN / "dev11" / "articles", GOLDEN / "dev11" / "gold.jsonl"),
    "dev12": (GOLDEN / "dev12" / "articles", GOLDEN / "dev12" / "gold.jsonl"),
    "heldout10": (GOLDEN / "heldout10" / "articles", GOLDEN / "heldout10" / "gold.jsonl"),
    "heldout11": (GOLDEN / "heldout11" / "articles", GOLDEN / "heldout11" / "gold.jsonl"),
    "heldout12": (GOLDEN / "heldout12" / "articles", GOLDEN / "heldout12" / "gold.jsonl"),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_f1_stays_above_the_floors(name):
    articles, gold = SETS[name]
    report = score_folder(articles, gold)
    assert report.missing_documents == []
    scores = report.scores
    observed = {"overall": scores["overall"]["f1"],
                **{t: scores[t]["f1"] for t in ("weapon_counts", "regions_affected", "tariff_rates", "date_mentions")},
                "weapon_qualifier_accuracy": scores["weapon_qualifier_accuracy"],
                "weapon_status_accuracy": scores["weapon_status_accuracy"]}
    below = {k: (round(observed[k], 3), floor) for k, floor in FLOORS[name].items() if observed[k] < floor}
    assert not below, f"{name}: below the floor (observed, floor): {below}\n" + report.format(with_errors=True)


@pytest.mark.flow
@pytest.mark.usefixtures("prefect_harness")
def test_newsfacts_eval_gives_the_reference_scorers_numbers(tmp_path, capsys):
    from flows.cli import main

    articles, gold = SETS["dev"]
    db = tmp_path / "dev.duckdb"
    main(["run", str(articles), "--lake", str(tmp_path / "lake"), "--db", str(db), "--docs", str(tmp_path / "docs"),
          "--marts", str(tmp_path / "marts"), "--quiet"])
    capsys.readouterr()
    assert main(["eval", "--db", str(db), "--gold", str(gold)]) == 0
    ours = capsys.readouterr().out.strip()
    reference = subprocess.run([sys.executable, str(GOLDEN / "score_reference.py"), "--db", str(db), "--gold",
                                str(gold)], capture_output=True, text=True, check=True).stdout.strip()
    assert ours == reference
