"""`newsfacts serve`: end to end (a real Prefect server started by serve, scheduled runs that pick up new
articles incrementally, a clean stop that leaves no process behind), and its parts."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from flows.cli import EXIT_FAILED, EXIT_USAGE, main
from flows.prefect_server import PrefectServerError, free_port, local_prefect_server
from flows.serve import Schedule, prefect_api
from transforms.contract import DOCUMENTS
from transforms.lake import Lake

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "raw"

INTERVAL_SECONDS = 5
STEP_TIMEOUT_SECONDS = 75  # server start + the first flow run's imports on a busy 2-core machine
# a hang detector, not a timing check: stopping cancels a run that may be in progress, marks it Crashed and
# stops the managed server (up to its own 15 s), which once took more than 30 s on a busy 2-core machine
STOP_TIMEOUT_SECONDS = 90


class Serve:
    """`newsfacts serve` as a subprocess with its own Prefect home; its output is collected line by line."""

    def __init__(self, tmp_path: Path, inbox: Path):
        self.lake = tmp_path / "lake"
        env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"),
               # the runner asks for due runs every second instead of every 10
               "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
        env.pop("PREFECT_API_URL", None)
        command = [sys.executable, "-m", "flows.cli", "serve", "--interval", str(INTERVAL_SECONDS),
                   str(inbox), "--lake", str(self.lake), "--db", str(tmp_path / "w.duckdb"),
                   "--docs", str(tmp_path / "docs"), "--marts", str(tmp_path / "marts"),
                   "--report", str(tmp_path / "report")]
        self.process = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))

    def output(self) -> str:
        while not self._queue.empty():
            self.lines.append(self._queue.get())
        return "\n".join(self.lines)

    def wait_for(self, what: str, condition, timeout: float = STEP_TIMEOUT_SECONDS):
        """The first true value of condition(), polled until `timeout`; fails with serve's output."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            if self.process.poll() is not None:
                pytest.fail(f"serve exited ({self.process.returncode}) before {what}:\n{self.output()}")
            time.sleep(0.5)
        pytest.fail(f"no {what} after {timeout} s:\n{self.output()}")

    def api_url(self) -> str | None:
        for line in self.output().splitlines():
            if line.startswith("newsfacts serve: Prefect API "):
                return line.split()[4]
        return None

    def source_names(self) -> set[str]:
        lake = Lake(self.lake)
        if not lake.exists():
            return set()
        return set(lake.read(DOCUMENTS, columns=["source_name"]).column("source_name").to_pylist())

    def stop(self) -> None:
        """Stop serve if a failed assertion left it running (SIGTERM, so that it stops its server too)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def descendants(pid: int) -> dict[int, str]:
    """Every process below `pid` (children, their children, ...) with its command line, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while we looked
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = {}, [pid]
    while frontier:
        parent = frontier.pop()
        for child in [p for p, pp in parents.items() if pp == parent]:
            found[child] = command_line(child)
            frontier.append(child)
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def running(pid: int) -> bool:
    """Whether `pid` is a live process (not gone, not a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def flow_runs(api_url: str) -> list[dict]:
    request = urllib.request.Request(f"{api_url}/flow_runs/filter", data=json.dumps({"limit": 200}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.mark.flow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes in /proc")
def test_serve_runs_the_pipeline_on_its_schedule_and_stops_its_prefect_server(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first, second = sorted(SAMPLE.glob("*.txt"))[:2]
    serve = Serve(tmp_path, inbox)
    try:
        api_url = serve.wait_for("Prefect API line", serve.api_url)
        server = serve.wait_for("prefect server child process", lambda: next(
            (pid for pid, command in descendants(serve.process.pid).items() if "server start" in command),
            None))

        shutil.copy(first, inbox / first.name)
        serve.wait_for(f"{first.name} in the lake", lambda: first.name in serve.source_names())
        # a later scheduled run picks up a new article and keeps the first one (incremental)
        shutil.copy(second, inbox / second.name)
        serve.wait_for(f"{second.name} in the lake", lambda: second.name in serve.source_names())
        assert serve.source_names() == {first.name, second.name}
        serve.wait_for("the run report in --report", (tmp_path / "report" / "index.html").exists)
        assert Lake(serve.lake).count(DOCUMENTS.name) == 2

        # both came from runs of the deployment's schedule (not ad hoc), which completed
        serve.wait_for("two completed scheduled runs", lambda: len(
            [run for run in flow_runs(api_url) if run["deployment_id"] and run["auto_scheduled"]
             and run["state_type"] == "COMPLETED"]) >= 2)

        serving = descendants(serve.process.pid)
        assert server in serving
        serve.process.send_signal(signal.SIGTERM)
        assert serve.process.wait(timeout=STOP_TIMEOUT_SECONDS) == 0, serve.output()
        deadline = time.monotonic() + 10
        while any(map(running, serving)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(map(running, serving)), {pid: serving[pid] for pid in serving if running(pid)}
        assert "newsfacts serve: stopped (and the local Prefect server too)" in serve.output()
    finally:
        serve.stop()


@pytest.mark.parametrize(("cron", "interval"), [(None, None), ("*/15 * * * *", 60.0), ("every 15", None),
                                                (None, 0.0)],
                         ids=["neither", "both", "not_cron", "zero_interval"])
def test_a_schedule_is_one_valid_cron_or_a_positive_interval(cron, interval):
    with pytest.raises(ValueError):
        Schedule(cron=cron, interval_seconds=interval)


def test_schedules_describe_themselves():
    assert Schedule(cron="*/15 * * * *").describe() == 'cron "*/15 * * * *"'
    assert Schedule(interval_seconds=5).describe() == "every 5 s"


def test_serve_refuses_a_bad_cron_and_a_missing_folder_before_starting_anything(tmp_path, capsys):
    assert main(["serve", str(tmp_path), "--cron", "every 15"]) == EXIT_USAGE
    assert 'not a cron expression: "every 15"' in capsys.readouterr().err
    assert main(["serve", str(tmp_path / "missing"), "--interval", "5"]) == EXIT_USAGE
    assert not list(tmp_path.iterdir())


def test_a_configured_prefect_api_is_used_and_no_server_is_started(tmp_path):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: "http://prefect.example:4200/api"}):
        with prefect_api(tmp_path / "home") as (url, managed):
            assert (url, managed) == ("http://prefect.example:4200/api", False)
    assert not (tmp_path / "home").exists()


def test_a_server_that_cannot_start_fails_with_the_tail_of_its_log(tmp_path):
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        expected = f"(?s)exited with code 1 .*server.log:\nPort {port} is already in use"
        with pytest.raises(PrefectServerError, match=expected):
            with local_prefect_server(tmp_path, port=port):
                pass


def test_serve_reports_a_server_that_cannot_start_and_exits(tmp_path, monkeypatch, capsys):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    # no API configured, even when another test's harness has set one for this process
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        # a setting the server refuses at start-up (this process validated its own settings already)
        monkeypatch.setenv("PREFECT_SERVER_LOGGING_LEVEL", "NOT-A-LEVEL")
        exit_code = main(["serve", str(tmp_path), "--interval", "5", "--lake", str(tmp_path / "lake"),
                          "--db", str(tmp_path / "w.duckdb")])
        monkeypatch.undo()  # before the settings are rebuilt on leaving the block
    assert exit_code == EXIT_FAILED
    error = capsys.readouterr().err
    assert "the Prefect server exited with code 1 before it was ready" in error
    assert "NOT-A-LEVEL" in error  # the tail of its log says why


def test_serve_takes_the_processing_options_of_run_and_every_scheduled_run_gets_them(tmp_path, monkeypatch):
    import inspect

    import flows.serve

    served = {}
    monkeypatch.setattr(flows.serve, "serve",
                        lambda settings, schedule, name: served.update(settings=settings))
    assert main(["serve", str(tmp_path), "--interval", "5", "--workers", "3", "--batch-size", "100",
                 "--max-file-mb", "1", "--runner", "dask", "--address", "tcp://10.0.0.5:8786"]) == 0
    parameters = flows.serve.deployment_parameters(served["settings"])
    assert {key: parameters[key] for key in ("workers", "batch_size", "max_file_bytes", "runner",
                                             "dask_address")} == {
        "workers": 3, "batch_size": 100, "max_file_bytes": 2**20, "runner": "dask",
        "dask_address": "tcp://10.0.0.5:8786"}
    # the deployment stores them as the flow's parameters: each must be one the flow takes
    assert set(parameters) <= set(inspect.signature(flows.serve.scheduled_pipeline.fn).parameters)
