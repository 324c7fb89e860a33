"""A progress bar for long runs: shown only once a run has lasted a second, never in --quiet mode."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

SHOW_AFTER_SECONDS = 1.0


@contextmanager
def progress_reporter(console, enabled: bool = True) -> Iterator:
    """A callback progress(step, done, total) that drives a rich progress bar (or None when disabled)."""
    if not enabled or not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    started = time.monotonic()
    bar = Progress(TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=console, transient=True)
    tasks: dict[str, int] = {}

    def report(step: str, done: int, total: int) -> None:
        if time.monotonic() - started < SHOW_AFTER_SECONDS and done >= total:
            return  # a short run finishes before a bar would be worth drawing
        if not bar.live.is_started:
            bar.start()
        if step not in tasks:
            tasks[step] = bar.add_task(step, total=total)
        bar.update(tasks[step], completed=done, total=total)

    try:
        yield report
    finally:
        if bar.live.is_started:
            bar.stop()
