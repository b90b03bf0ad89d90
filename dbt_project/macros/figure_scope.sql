{#
  Where a figure applies: the district/town named just before it ("Quận ủy Long Biên đã kỷ luật 12 đảng viên"),
  else the source's own locality (a district portal reports on its district), else Hà Nội.
#}
{% macro figure_scope(article_text, start_offset, source) -%}
coalesce(
    btrim((regexp_match(
        substring({{ article_text }} from greatest(1, {{ start_offset }} - 119) for least({{ start_offset }}, 120)),
        '(?:Quận ủy|Huyện ủy|Thị ủy|Quận uỷ|Huyện uỷ|Thị uỷ|quận|huyện|thị xã)\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][^\s,.;:()]*\s?){1,3})[^\n]*$'
    ))[1]),
    case {{ source }} when 'longbien' then 'Long Biên' else 'Hà Nội' end
)
{%- endmacro %}
