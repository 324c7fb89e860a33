"""Settings of a run, built once at the entry point and passed down (nothing reads the environment later)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from transforms.ingest import DEFAULT_MAX_FILE_BYTES
from transforms.processing import DEFAULT_BATCH_SIZE, DEFAULT_VALIDATION_BATCH

DEFAULT_INPUT = Path("data/raw")
DEFAULT_LAKE = Path("data/lake")
DEFAULT_DB = Path("data/warehouse.duckdb")
DEFAULT_DOCS = Path("data/docs")
DEFAULT_MARTS = Path("data/marts")
DEFAULT_REPORT = Path("data/report")
# Where batches are extracted: local worker processes, or a Dask cluster (Settings.runner).
RUNNERS = ("process", "dask")


@dataclass(frozen=True)
class Settings:
    """Where to read and write, and how to batch."""

    input_dir: Path = DEFAULT_INPUT
    lake_dir: Path = DEFAULT_LAKE
    db_path: Path = DEFAULT_DB
    docs_dir: Path = DEFAULT_DOCS
    marts_dir: Path = DEFAULT_MARTS
    report_dir: Path = DEFAULT_REPORT
    full_refresh: bool = False
    batch_size: int = DEFAULT_BATCH_SIZE
    validation_batch: int = DEFAULT_VALIDATION_BATCH
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    lock_wait_seconds: float = 0.0
    # extraction runs in `workers` processes ("process"), or on a Dask cluster ("dask", at `dask_address`
    # or on a local cluster of `workers` processes when no address is given)
    workers: int = 1
    runner: str = "process"
    dask_address: str | None = None
    quiet: bool = False

    def resolved(self) -> Settings:
        """The same settings with absolute paths (views store absolute paths; workers may change cwd)."""
        return replace(
            self,
            input_dir=local_path(self.input_dir).expanduser().resolve(),
            lake_dir=local_path(self.lake_dir).expanduser().resolve(),
            db_path=local_path(self.db_path).expanduser().resolve(),
            docs_dir=local_path(self.docs_dir).expanduser().resolve(),
            marts_dir=local_path(self.marts_dir).expanduser().resolve(),
            report_dir=local_path(self.report_dir).expanduser().resolve(),
        )


def local_path(location: Path | str) -> Path:
    """A local path from a path or a `file://` URL; other URL schemes are refused with the reason."""
    text = str(location)
    if "://" not in text:
        return Path(location)
    scheme = text.split("://", 1)[0].lower()
    if scheme != "file":
        raise ValueError(
            f"{text}: only local paths and file:// URLs are supported; the lake's commit point needs an atomic "
            "rename and a lock, which object stores such as s3:// do not offer (see docs/performance.md)")
    from urllib.parse import unquote, urlparse

    parsed = urlparse(text)
    if parsed.netloc not in ("", "localhost"):
        raise ValueError(f"{text}: a file:// URL must name a local path (file:///path)")
    return Path(unquote(parsed.path))


def default_workers() -> int:
    """Extraction processes by default: one per core available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def configure_prefect_environment(home: Path | None = None) -> None:
    """Environment defaults Prefect reads at import: isolated home, no telemetry, quiet logs.

    Must run before `import prefect`; values already set by the user win.
    """
    default_home = home or Path(os.environ.get("NEWSFACTS_HOME", "~/.newsfacts")).expanduser() / "prefect"
    os.environ.setdefault("PREFECT_HOME", str(default_home))
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    # The temporary server can take a while to start on a cold, busy 2-core machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
