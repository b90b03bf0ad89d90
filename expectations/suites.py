"""Expectation suites over the marts, defined in Python. Each entry: table → list of expectations."""

from __future__ import annotations

import great_expectations.expectations as gxe

from scrapers.extract.dates import EVENT_WINDOW_DAYS
from scrapers.vocabulary import COUNT_KINDS, FIGURE_KINDS, MEASURE_UNITS
from scrapers.vocabulary import FORMS as BREAKDOWN_FORMS


def figures_suite() -> list:
    kinds = ", ".join(f"'{k}'" for k in COUNT_KINDS)
    measures = ", ".join(f"'{u}'" for u in MEASURE_UNITS)
    return [
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=FIGURE_KINDS,
                                        description="kinds within the contract's vocabulary"),
        gxe.ExpectColumnValuesToNotBeNull(column="quote", description="every figure has a quote"),
        gxe.ExpectColumnValueLengthsToBeBetween(column="quote", min_value=1, description="quotes are non-empty"),
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["article_id", "kind", "value", "start_offset", "end_offset"],
            description="no duplicate figure per article (same kind, value, quote offsets)",
        ),
        gxe.UnexpectedRowsExpectation(
            # (a count of a measure, "2,9 km2", "3,5 ha", may be fractional)
            description="counts are non-negative integers",
            unexpected_rows_query=f"SELECT * FROM {{batch}} WHERE kind IN ({kinds}) AND value IS NOT NULL "
                                  "AND (value < 0 OR value <> trunc(value) AND NOT (kind = 'count' "
                                  f"AND split_part(coalesce(unit, ''), ' ', 1) IN ({measures})))",
        ),
        gxe.UnexpectedRowsExpectation(
            description="ratio numerator ≤ denominator and denominator > 0",
            unexpected_rows_query="SELECT * FROM {batch} WHERE kind = 'ratio' "
                                  "AND (denominator IS NULL OR denominator <= 0 OR value > denominator OR value < 0)",
        ),
        gxe.UnexpectedRowsExpectation(
            # (a share of a target may pass 100: "đạt 115% chỉ tiêu", "bằng 104,2% dự toán" carry the target as
            # their base; a share of a whole may not)
            description="percentages within 0–100 (above only against a target)",
            unexpected_rows_query="SELECT * FROM {batch} WHERE kind = 'percent' AND (value < 0 OR range_min < 0 "
                                  "OR change_base IS NULL AND (value > 100 OR range_max > 100))",
        ),
        gxe.UnexpectedRowsExpectation(
            description="offsets describe the quote: end - start = length(quote)",
            unexpected_rows_query="SELECT * FROM {batch} WHERE end_offset - start_offset <> char_length(quote) "
                                  "OR start_offset < 0",
        ),
        gxe.UnexpectedRowsExpectation(
            description="every figure's article exists",
            unexpected_rows_query="SELECT f.* FROM {batch} f LEFT JOIN marts.fct_articles a USING (article_id) "
                                  "WHERE a.article_id IS NULL",
        ),
    ]


def discipline_suite() -> list:
    return [
        gxe.ExpectColumnValuesToBeInSet(column="form", value_set=BREAKDOWN_FORMS,
                                        description="breakdown forms within the contract's vocabulary"),
        gxe.UnexpectedRowsExpectation(
            description="a complete breakdown sums to the total",
            # with its article: a failing row is quarantined by article (runner), the rest published
            unexpected_rows_query="SELECT figure_id, article_id FROM {batch} WHERE breakdown_complete "
                                  "GROUP BY figure_id, article_id, total HAVING sum(form_count) <> total",
        ),
        gxe.UnexpectedRowsExpectation(
            description="an incomplete breakdown never exceeds the total",
            unexpected_rows_query="SELECT figure_id, article_id FROM {batch} WHERE NOT breakdown_complete "
                                  "AND total IS NOT NULL GROUP BY figure_id, article_id, total "
                                  "HAVING sum(form_count) > total",
        ),
    ]


def articles_suite() -> list:
    return [
        gxe.ExpectColumnValuesToNotBeNull(column="published_at", description="every article has a publication time"),
        gxe.UnexpectedRowsExpectation(
            description="published_at within a plausible range (not in the future, not before 1995)",
            unexpected_rows_query="SELECT * FROM {batch} WHERE published_at > now() + interval '1 day' "
                                  "OR published_at < '1995-01-01'",
        ),
    ]


# party code | state code | uncoded reference as written
DOCUMENT_CODE = (r"^[0-9]{2,4}-[A-Za-zĐđ]+/[A-Z0-9]+$"
                 r"|^[0-9]{1,5}(/[0-9]{4})?/[A-ZĐ]+-[A-ZĐƯ0-9]+$"
                 r"|^(Chương trình|Nghị quyết|Chỉ thị|Kết luận|Quyết định|Quy định|Hướng dẫn|Kế hoạch|Đề án|Thông tư"
                 r"|Nghị định|Thông báo) (số )?[0-9]{1,4}$")


def documents_suite() -> list:
    return [
        gxe.ExpectColumnValuesToMatchRegex(
            column="document_code", regex=DOCUMENT_CODE,
            description="document codes are normalised NN-XX/YY party codes, state codes (123/QĐ-UBND) or an "
                        "uncoded reference kept as written (Kết luận số 21)"),
    ]


def event_dates_suite() -> list:
    return [
        gxe.UnexpectedRowsExpectation(
            description="event date not after publication",
            unexpected_rows_query="SELECT * FROM {batch} WHERE event_date > published_date",
        ),
        gxe.UnexpectedRowsExpectation(
            description="event date not more than a year before publication",
            unexpected_rows_query=f"SELECT * FROM {{batch}} WHERE event_date < published_date - {EVENT_WINDOW_DAYS}",
        ),
    ]


SANITY_WINDOW_DAYS = 14
SANITY_MIN_DAYS = 3


def statistics_suite() -> list:
    """A statistic is counted once and never together with its parts."""
    return [
        gxe.UnexpectedRowsExpectation(
            description="no part is larger than its total",
            unexpected_rows_query="SELECT p.* FROM {batch} p JOIN {batch} t ON p.part_of = t.statistic_id "
                                  "WHERE p.value > t.value",
        ),
        gxe.UnexpectedRowsExpectation(
            description="the discipline forms of a total never add up to more than the total",
            unexpected_rows_query=(
                "SELECT t.statistic_id, t.value, t.article_ids, sum(p.value) AS forms FROM {batch} t JOIN {batch} p "
                "ON p.part_of = t.statistic_id WHERE p.part IN ("
                + ", ".join(f"'{f}'" for f in BREAKDOWN_FORMS)
                + ") GROUP BY t.statistic_id, t.value, t.article_ids HAVING sum(p.value) > t.value"
            ),
        ),
        gxe.UnexpectedRowsExpectation(
            description="no two statistics share the grain (scope, body, kind, subject, period or story, part)",
            unexpected_rows_query="SELECT scope, body, kind, subject, period_key, story_id, part FROM {batch} "
                                  "GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) > 1",
        ),
    ]


def statistic_conflicts_suite() -> list:
    """Outlets that disagree are news for analysts, listed with every quote, never a failed run."""
    return [
        gxe.UnexpectedRowsExpectation(
            description="reports agree on each statistic (each conflict is listed with its values and quotes)",
            # each conflicting statistic with every quote behind its values (marts.fct_figures). Written as a join:
            # GX gives a query without one its own alias for {batch}, and one with a join the bare subquery to alias
            unexpected_rows_query=(
                "SELECT c.statistic_id, c.kind, c.period_key, c.reported_values, q.quotes FROM {batch} AS c "
                "LEFT JOIN LATERAL (SELECT string_agg(f.quote, ' | ' ORDER BY f.figure_id) AS quotes "
                "FROM marts.fct_figures AS f WHERE f.figure_id = ANY (c.figure_ids)) AS q ON true WHERE c.conflict"
            ),
        ),
    ]


def coverage_suite() -> list:
    """A source that keeps producing relevant articles but no figures has probably changed its layout."""
    return [
        gxe.UnexpectedRowsExpectation(
            description=f"no source yields relevant articles on {SANITY_MIN_DAYS}+ days of the last "
                        f"{SANITY_WINDOW_DAYS} without a single figure",
            unexpected_rows_query=(
                "SELECT source FROM {batch} "
                f"WHERE is_relevant AND fetched_at > now() - interval '{SANITY_WINDOW_DAYS} days' "
                "GROUP BY source "
                f"HAVING count(DISTINCT fetched_at::date) >= {SANITY_MIN_DAYS} AND sum(figure_count) = 0"
            ),
        ),
    ]


# suite → (table, severity, expectations). A critical failure fails the run; a warning is recorded and logged.
SUITES = {
    "fct_figures_suite": ("fct_figures", "critical", figures_suite),
    "fct_discipline_suite": ("fct_discipline", "critical", discipline_suite),
    "fct_articles_suite": ("fct_articles", "critical", articles_suite),
    "fct_document_mentions_suite": ("fct_document_mentions", "critical", documents_suite),
    "fct_event_dates_suite": ("fct_event_dates", "critical", event_dates_suite),
    "fct_statistics_suite": ("fct_statistics", "critical", statistics_suite),
    "fct_statistics_conflicts_suite": ("fct_statistics", "warning", statistic_conflicts_suite),
    "source_coverage_suite": ("fct_articles", "warning", coverage_suite),
}
