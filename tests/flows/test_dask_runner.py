"""`newsfacts run --runner dask`: batches are read and extracted on a Dask cluster, with the same result.

Dask workers cannot reach Prefect's temporary in-process server, so the run talks to a real local Prefect
server; the cluster is a LocalCluster of two worker processes, as a cluster of machines would be.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEV, REPO
from transforms.contract import all_tables
from transforms.lake import Lake

pytestmark = pytest.mark.flow

distributed = pytest.importorskip("distributed")
pytest.importorskip("prefect_dask")


def newsfacts_run(input_dir: Path, out: Path, lake: str, env: dict, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "flows.cli", "run", str(input_dir), "--lake", lake,
               "--db", str(out / "w.duckdb"), "--docs", str(out / "docs"), "--marts", str(out / "marts"),
               "--report", str(out / "report"), "--batch-size", "5", "--quiet", *extra]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def lake_rows(lake_dir: Path) -> dict[str, set]:
    """The key of every row of every table but the run log (pipeline_runs) and read log (source_files)."""
    lake = Lake(lake_dir)
    return {table.name: set(lake.read(table, columns=[table.key]).column(0).to_pylist())
            for table in all_tables() if table.name not in ("pipeline_runs", "source_files")}


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory):
    from flows.prefect_server import local_prefect_server

    with local_prefect_server(tmp_path_factory.mktemp("prefect-server-home")) as url:
        yield url


def test_a_dask_cluster_run_publishes_the_same_rows_as_a_local_run(tmp_path, prefect_api):
    articles = tmp_path / "articles"
    shutil.copytree(DEV / "articles", articles)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "client-home"), "PREFECT_API_URL": prefect_api,
           "PYTHONPATH": str(REPO)}

    local = newsfacts_run(articles, tmp_path / "local", str(tmp_path / "local" / "lake"), env, "--workers", "1")
    assert local.returncode == 0, local.stdout + local.stderr

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        lake_url = (tmp_path / "dask" / "lake").as_uri()  # the file:// form of a lake location
        on_dask = newsfacts_run(articles, tmp_path / "dask", lake_url, env, "--runner", "dask",
                                "--address", cluster.scheduler_address)
        assert on_dask.returncode == 0, on_dask.stdout + on_dask.stderr
        ran = {prefix for prefix in cluster.scheduler.task_prefixes}
    # 25 articles in batches of 5: the reading and extraction tasks ran on the cluster's workers
    assert "ingest_and_extract" in ran, ran
    assert lake_rows(tmp_path / "dask" / "lake") == lake_rows(tmp_path / "local" / "lake")
    assert len(lake_rows(tmp_path / "dask" / "lake")["documents"]) == 25


def test_an_object_store_lake_is_refused_with_the_reason(tmp_path, capsys):
    from flows.cli import EXIT_USAGE, main

    with pytest.raises(SystemExit) as usage_error:
        main(["run", str(DEV / "articles"), "--lake", "s3://bucket/lake", "--db", str(tmp_path / "w.duckdb")])
    assert usage_error.value.code == EXIT_USAGE
    assert "atomic rename" in capsys.readouterr().err
