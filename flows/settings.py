"""Settings of a run, built once at the entry point and passed down (nothing reads the environment later)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from transforms.ingest import DEFAULT_MAX_FILE_BYTES
from transforms.processing import DEFAULT_BATCH_SIZE

DEFAULT_INPUT = Path("data/raw")
DEFAULT_LAKE = Path("data/lake")
DEFAULT_DB = Path("data/warehouse.duckdb")
DEFAULT_DOCS = Path("data/docs")
DEFAULT_MARTS = Path("data/marts")


@dataclass(frozen=True)
class Settings:
    """Where to read and write, and how to batch."""

    input_dir: Path = DEFAULT_INPUT
    lake_dir: Path = DEFAULT_LAKE
    db_path: Path = DEFAULT_DB
    docs_dir: Path = DEFAULT_DOCS
    marts_dir: Path = DEFAULT_MARTS
    full_refresh: bool = False
    batch_size: int = DEFAULT_BATCH_SIZE
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    lock_wait_seconds: float = 0.0
    workers: int = 1
    quiet: bool = False

    def resolved(self) -> Settings:
        """The same settings with absolute paths (views store absolute paths; workers may change cwd)."""
        return Settings(
            input_dir=self.input_dir.expanduser().resolve(),
            lake_dir=self.lake_dir.expanduser().resolve(),
            db_path=self.db_path.expanduser().resolve(),
            docs_dir=self.docs_dir.expanduser().resolve(),
            marts_dir=self.marts_dir.expanduser().resolve(),
            full_refresh=self.full_refresh,
            batch_size=self.batch_size,
            max_file_bytes=self.max_file_bytes,
            lock_wait_seconds=self.lock_wait_seconds,
            workers=self.workers,
            quiet=self.quiet,
        )


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
