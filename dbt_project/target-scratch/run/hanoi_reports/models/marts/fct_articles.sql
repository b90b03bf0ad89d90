
      
  
    

  create  table "hanoi_test_deed8b2948"."marts"."fct_articles"
  
  
    as
  
  (
    -- Grain: one row per article (canonical URL), from the latest fetched version of its page.
-- depends_on: "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated"  (read by the incremental post-hook)
-- depends_on: "hanoi_test_deed8b2948"."staging"."stg_extracted__article_versions"  (read by the incremental post-hook)
with figure_counts as (
    select
        article_id,
        count(*) as figure_count
    from "hanoi_test_deed8b2948"."intermediate"."int_figures_unpacked"
    

    group by article_id
)

select
    a.article_id,
    a.source,
    a.url,
    a.canonical_url,
    a.title,
    a.sapo,
    a.author,
    a.category,
    a.published_at,
    a.published_date,
    a.is_relevant,
    a.layout,
    a.parser_version,
    a.extractor_version,
    coalesce(f.figure_count, 0) as figure_count,
    a.page_id,
    a.fetched_at,
    a.loaded_at
from "hanoi_test_deed8b2948"."intermediate"."int_articles_deduplicated" as a
left join figure_counts as f on a.article_id = f.article_id


  );
  
  