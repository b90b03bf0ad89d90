"""Which characters of an article are already used by a figure or masked (dates, codes …): sorted, disjoint
intervals, so asking and claiming cost O(log n) and extraction stays linear in text size (issue 18)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Claims:
    def __init__(self, spans: list[tuple[int, int]] = ()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if e <= s:
                continue
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def free(self, start: int, end: int) -> bool:
        """No claimed character in [start, end)."""
        i = bisect_left(self._starts, end)  # intervals starting before `end`
        return i == 0 or self._ends[i - 1] <= start

    def take(self, start: int, end: int) -> None:
        if end <= start:
            return
        lo = bisect_left(self._ends, start)  # first interval that ends at or after start (touching merges)
        hi = bisect_right(self._starts, end)  # intervals starting at or before end
        if lo < hi:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]
