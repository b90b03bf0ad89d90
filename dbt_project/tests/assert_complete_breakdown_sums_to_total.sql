-- A breakdown marked complete must add up to the figure's total.
select
    figure_id,
    total,
    sum(form_count) as forms_sum
from {{ ref('fct_discipline') }}
where breakdown_complete
group by figure_id, total
having sum(form_count) <> total
