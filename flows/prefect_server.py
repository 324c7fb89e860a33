"""A real Prefect server run as a managed child process (SQLite under a Prefect home), for `newsfacts serve`
and for tests that need more than the temporary server (schedules, Dask workers).

The temporary server Prefect starts when PREFECT_API_URL is unset cannot schedule runs, and processes other
than the one that started it cannot reach it; `prefect server start` can do both.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOST = "127.0.0.1"
LOG_NAME = "server.log"
STARTUP_TIMEOUT_SECONDS = 120.0  # migrations on a fresh SQLite file take 10-30 s on a busy 2-core machine
STOP_TIMEOUT_SECONDS = 15.0
LOG_TAIL_LINES = 30


class PrefectServerError(RuntimeError):
    """The managed Prefect server did not start (the message ends with the tail of its log)."""


def free_port(host: str = HOST) -> int:
    """A TCP port on `host` that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def server_environment(home: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of the server process: its own home, no telemetry, no API URL of another server."""
    env = dict(os.environ if base is None else base)
    env.pop("PREFECT_API_URL", None)
    env["PREFECT_HOME"] = str(home)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env["DO_NOT_TRACK"] = "1"
    return env


@contextmanager
def local_prefect_server(home: Path, *, port: int | None = None,
                         startup_timeout: float = STARTUP_TIMEOUT_SECONDS,
                         stop_timeout: float = STOP_TIMEOUT_SECONDS) -> Iterator[str]:
    """Start `prefect server start` on 127.0.0.1 with its database in `home`; yield the API URL.

    The server runs in its own process group (a Ctrl-C in the terminal reaches only the parent, which
    stops its own work first and then the server). On leaving the block, however it is left, the group
    gets SIGTERM and, after `stop_timeout` seconds, SIGKILL. Its output goes to `home/server.log`.
    Raises PrefectServerError when the server exits or is not healthy within `startup_timeout` seconds.
    """
    home = Path(home).expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    url = f"http://{HOST}:{port}/api"
    log_path = home / LOG_NAME
    command = [*_launcher(), "server", "start", "--host", HOST, "--port", str(port)]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, env=server_environment(home), stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_until_healthy(process, url, log_path, startup_timeout)
        yield url
    finally:
        stop_process_group(process, stop_timeout)


# On Linux the server also goes when its parent dies without cleaning up (SIGKILL, out of memory): a tiny
# launcher asks the kernel for a SIGTERM on the parent's death (PR_SET_PDEATHSIG, kept across exec) and
# then becomes `python -m prefect`. The signal comes when the *thread* that started it ends: start the
# server from the thread that keeps the context open (normally the main thread).
_DIE_WITH_PARENT = """
import ctypes, os, signal, sys
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
except (AttributeError, OSError):
    pass
if os.getppid() != int(sys.argv[1]):  # the parent died before prctl took effect
    sys.exit(1)
os.execv(sys.executable, [sys.executable, "-m", "prefect", *sys.argv[2:]])
"""


def _launcher() -> list[str]:
    if sys.platform.startswith("linux"):
        return [sys.executable, "-c", _DIE_WITH_PARENT, str(os.getpid())]
    return [sys.executable, "-m", "prefect"]


def _wait_until_healthy(process: subprocess.Popen, url: str, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PrefectServerError(f"the Prefect server exited with code {process.returncode} before it "
                                     f"was ready; {log_path}:\n{log_tail(log_path)}")
        if is_healthy(url):
            return
        time.sleep(0.25)
    raise PrefectServerError(f"the Prefect server at {url} was not healthy after {timeout:.0f} s; "
                             f"{log_path}:\n{log_tail(log_path)}")


def is_healthy(url: str, timeout: float = 2.0) -> bool:
    """Whether the Prefect API at `url` (ending in /api) answers its health check."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def stop_process_group(process: subprocess.Popen, timeout: float = STOP_TIMEOUT_SECONDS) -> None:
    """SIGTERM the process's group, SIGKILL whatever is left after `timeout` seconds; reap the leader."""
    group = process.pid  # start_new_session made the child the leader of its own group
    _signal_group(group, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _signal_group(group, signal.SIGKILL)
        process.wait()
    # The leader is gone; anything it started that ignored SIGTERM goes now.
    _signal_group(group, signal.SIGKILL)


def _signal_group(group: int, signum: int) -> None:
    try:
        os.killpg(group, signum)
    except (ProcessLookupError, PermissionError):
        pass


def log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last `lines` lines of a log file ("" when there is none)."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])
