{#
  Joins `right` (a relation of article figures keyed by figure_key) to the figures of `left` that another outlet
  published with the same key within 3 days. Written as equalities, (key, date + d) for d in -3..3, so the hash
  join only pairs figures already within the window: with `abs(a.date - b.date) <= 3` as a filter it first paired
  every article with every other sharing any figure, which is quadratic in a common one ("3 đảng viên").
#}
{% macro figure_band_join(relation, left, right) %}
    cross join generate_series(-3, 3) as window_day (offset_days)
    inner join {{ relation }} as {{ right }}
        on
            {{ left }}.figure_key = {{ right }}.figure_key
            and {{ right }}.published_date = {{ left }}.published_date + window_day.offset_days
            and {{ left }}.source <> {{ right }}.source
{% endmacro %}
