"""One home for what we know about a source: the adapter class. The dbt seed behind `dim_sources` must say the
same, and no model names a source in its SQL."""

import csv
import re
from pathlib import Path

from scrapers.sources import ADAPTERS

ROOT = Path(__file__).resolve().parents[2]


def test_the_dim_sources_seed_is_the_adapters_facts():
    with (ROOT / "dbt_project" / "seeds" / "source_sites.csv").open(encoding="utf-8") as f:
        seed = list(csv.DictReader(f))
    assert seed == [{"source": a.name, "domain": a.domain, "outlet": a.outlet, "outlet_type": a.outlet_type,
                     "owner": a.owner} for a in ADAPTERS.values()]


def test_no_model_or_macro_names_a_source():
    names = re.compile(r"'(?:" + "|".join(ADAPTERS) + r")'")
    for path in [*(ROOT / "dbt_project" / "models").rglob("*.sql"), *(ROOT / "dbt_project" / "macros").rglob("*.sql")]:
        assert not names.search(path.read_text(encoding="utf-8")), path.relative_to(ROOT)
