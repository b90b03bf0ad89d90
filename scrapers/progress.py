"""Terminal progress for the CLI (rich): one bar per source while crawling, one per stage while reprocessing.

Bars go to stderr so stdout stays machine-readable (one JSON summary per line); when stderr is not a terminal
rich prints nothing but the final lines.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from scrapers.fetcher import FetchResult


def _progress() -> Progress:
    return Progress(TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[note]}"), TimeElapsedColumn(), console=Console(file=sys.stderr))


@contextmanager
def crawl_progress(names: list[str]):
    """Yields a callback for `crawl_sources(progress=…)`. A source's total is unknown until its listings are
    read, so the bar counts fetches and notes new/failed as they come."""
    lock = threading.Lock()
    counts = {n: {"ok": 0, "failed": 0, "304": 0} for n in names}
    with _progress() as bar:
        tasks = {n: bar.add_task(n, total=None, note="") for n in names}

        def update(source: str, kind: str, result: FetchResult) -> None:
            with lock:
                c = counts[source]
                c["304" if result.not_modified else "ok" if result.ok else "failed"] += 1
                bar.update(tasks[source], advance=1,
                           note=f"{kind:<7} ok {c['ok']}  304 {c['304']}  failed {c['failed']}")

        yield update
        for n in names:
            bar.update(tasks[n], total=bar.tasks[tasks[n]].completed)


@contextmanager
def stage_progress(stages: list[str]):
    """Yields `step(stage, done, total)` for the reprocess stages (parse, extract)."""
    with _progress() as bar:
        tasks = {s: bar.add_task(s, total=None, note="") for s in stages}

        def step(stage: str, done: int, total: int) -> None:
            bar.update(tasks[stage], completed=done, total=total)

        yield step
