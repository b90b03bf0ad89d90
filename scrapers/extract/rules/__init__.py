"""The rule registry: each rule reads one sentence and emits drafts through `Sentence.emit`, which claims their
characters. Rules run in their order (most specific first) on every sentence; the driver owns the claims.

Adding a kind: its name in `scrapers/vocabulary.py`, and one rule here (a function decorated with `@rule(order)`).
"""

from __future__ import annotations

from collections.abc import Callable

RULES: list[tuple[int, str, Callable]] = []


def rule(order: int):
    def register(fn: Callable) -> Callable:
        RULES.append((order, fn.__name__, fn))
        RULES.sort(key=lambda r: r[0])
        return fn
    return register


def load() -> list[Callable]:
    """Every rule, in order (importing the modules registers them)."""
    from scrapers.extract.rules import (  # noqa: F401
        categories,
        changes,
        generic,
        labelled,
        places,
        statements,
        subject_forms,
        tables,
    )
    return [fn for _, _, fn in RULES]
