{#
  A reported period ("6 tháng đầu năm", "quý III/2019", "năm 2019", "nhiệm kỳ 2015-2020") as a sortable key
  (2022-H1, 2019-Q3, 2019, 2015-2020). A period without a year takes the article's publication year.
#}
{% macro normalise_period(period, published_date) -%}
case
    when {{ period }} is null then null
    when {{ period }} ~* '^(6|sáu) tháng đầu năm'
        then coalesce(substring({{ period }} from '(\d{4})'), extract(year from {{ published_date }})::int::text) || '-H1'
    when {{ period }} ~* '^(6|sáu) tháng cuối năm'
        then coalesce(substring({{ period }} from '(\d{4})'), extract(year from {{ published_date }})::int::text) || '-H2'
    when {{ period }} ~* '^(\d{1,2}|chín) tháng đầu năm'
        then coalesce(substring({{ period }} from '(\d{4})'), extract(year from {{ published_date }})::int::text)
            || '-M' || lpad(replace(substring({{ period }} from '^(\d{1,2}|chín)'), 'chín', '9'), 2, '0')
    when {{ period }} ~* '^quý'
        then substring({{ period }} from '(\d{4})') || '-Q'
            || case upper(substring({{ period }} from '(?i)quý\s+([IV]+|\d)'))
                when 'I' then '1' when 'II' then '2' when 'III' then '3' when 'IV' then '4'
                else substring({{ period }} from '(?i)quý\s+(\d)') end
    when {{ period }} ~* '^năm \d{4}$' then substring({{ period }} from '(\d{4})')
    when {{ period }} ~* '^(nhiệm kỳ|giai đoạn)'
        then substring({{ period }} from '(\d{4})\s*[-–]\s*\d{4}') || '-' || substring({{ period }} from '\d{4}\s*[-–]\s*(\d{4})')
    when {{ period }} ~* '^từ đầu năm'
        then coalesce(substring({{ period }} from '(\d{4})'), extract(year from {{ published_date }})::int::text) || '-YTD'
    else {{ period }}
end
{%- endmacro %}
