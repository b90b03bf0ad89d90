"""Changes against a base: "giảm 8,33% (giảm 3 đảng viên) so với cùng kỳ", "tăng 7,4% so với năm 2021". Each
number is its own change (percent and absolute), with its direction and the base it is compared with."""

from __future__ import annotations

from scrapers.extract.numbers import parse_number, qualifier_of
from scrapers.extract.patterns import BASE, CHANGE
from scrapers.extract.rules import rule
from scrapers.extract.rules.generic import unit_after
from scrapers.extract.sentence import Sentence


@rule(10)
def changes(ctx: Sentence) -> None:
    bases = list(BASE.finditer(ctx.s))
    if not bases:
        return  # a change needs something to compare against, in the same sentence
    for m in CHANGE.finditer(ctx.s):
        if not ctx.free(m.start("n"), m.end("n")):
            continue
        try:
            value = parse_number(m["n"])
        except ValueError:
            continue
        after = [b for b in bases if b.start() >= m.end()]
        base = (after[0] if after else bases[-1])["base"].strip()
        end = m.end()
        if m["pct"]:
            unit = "%"
        else:
            unit, end = unit_after(ctx.s, m.end(), max_words=4)
            end = end if unit else m.end()
        direction = m["dir"].lower()
        ctx.emit("change", m.start(), end, -value if direction == "giảm" else value, unit=unit or None,
                 subject=f"so với {base}", direction=direction, base=base, qualifier=qualifier_of(m["q"]))
