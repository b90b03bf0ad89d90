"""The typed results of the extractor: a `Figure` is one statement read from the text, with its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """One reported figure. `quote` is `text[start:end]`; parts carry `part_of` (the total's `id`) and `part`."""

    id: str
    kind: str
    value: float | int | None
    quote: str
    start: int
    end: int
    unit: str | None = None
    subject: str | None = None
    subject_class: str | None = None
    qualifier: str | None = None
    range: tuple[float, float] | None = None
    denominator: float | int | None = None
    breakdown: dict[str, int] | None = None
    breakdown_complete: bool | None = None
    part_of: str | None = None
    part: str | None = None
    category: str | None = None
    category_key: str | None = None  # the category folded for grouping (text.category_key)
    share: float | None = None
    direction: str | None = None
    base: str | None = None
    scope: str | None = None
    body: str | None = None
    period: str | None = None
    period_key: str | None = None

    def as_json(self) -> dict:
        """The figure contract of `hanoi-reports extract` (README, "Figures (contract)"): every key, `type` first."""
        out = {"type": "figure"}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass
class Draft:
    """A figure while its sentence is being read; rules fill it, the driver links parts and freezes it."""

    kind: str
    value: float | int | None
    start: int
    end: int
    unit: str | None = None
    subject: str | None = None
    subject_class: str | None = None
    qualifier: str | None = None
    range: tuple[float, float] | None = None
    denominator: float | int | None = None
    breakdown: dict[str, int] | None = None
    breakdown_complete: bool | None = None
    part: str | None = None
    category: str | None = None
    share: float | None = None
    direction: str | None = None
    base: str | None = None
    period: str | None = None
    scope: str | None = None
    body: str | None = None
    total: Draft | None = field(default=None, repr=False)  # the total this draft is a part of
    sentence: int = 0  # index of the sentence it was read in
