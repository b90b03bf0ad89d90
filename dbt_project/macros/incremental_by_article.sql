{#
  Incremental facts are rebuilt per article: a run selects the articles whose current version changed since the
  newest `loaded_at` already in the table, and dbt's delete+insert (unique_key article_id) replaces all their rows.
  A new version that yields no row at all leaves nothing to replace with, so a post-hook drops rows older than
  their article's current version. `dbt build --full-refresh` rebuilds everything from raw.
#}
{% macro changed_articles_only(alias=none, keyword='where') %}
    {%- if is_incremental() %}
        {{ keyword }} {{ alias ~ '.' if alias else '' }}loaded_at > (
        select coalesce(max(loaded_at), '-infinity'::timestamptz) from {{ this }}
    )
    {%- endif %}
{% endmacro %}

{% macro drop_superseded_rows() %}
    {%- if is_incremental() %}
    delete from {{ this }} as t
    using {{ ref('int_articles_deduplicated') }} as a
    where t.article_id = a.article_id and t.loaded_at < a.loaded_at
    {%- endif %}
{% endmacro %}
