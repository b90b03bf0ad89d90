{#
  The figure kinds that count reported things and so form statistics (fct_statistics); ratios, percentages, changes,
  plain counts and money need the sentence they were said in and stay mentions (fct_figures). The kinds themselves
  are defined in scrapers/vocabulary.py (tests/unit/test_vocabulary.py checks this list against it).
#}
{% macro statistic_kinds() -%}
    {{ return(['discipline_party_members', 'discipline_party_orgs', 'inspection', 'supervision', 'violation_found',
               'complaints', 'suspension', 'commendation', 'violation_category']) }}
{%- endmacro %}

{# The discipline forms (scrapers/vocabulary.py FORMS; tests/unit/test_vocabulary.py keeps them equal). #}
{% macro discipline_forms() -%}
    {{ return(['khiển trách', 'cảnh cáo', 'cách chức', 'khai trừ', 'giải tán']) }}
{%- endmacro %}
