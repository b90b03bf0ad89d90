select
    figure_id,
    value,
    denominator
from {{ ref('fct_figures') }}
where kind = 'ratio' and (denominator is null or denominator <= 0 or value > denominator)
