/* ---
description: One row per event day and weapon type with the launched and intercepted counts as reported (the most-cited figure and the range across sources), the number of documents, and the interception rate.
materialized: table
columns:
  report_date: Day of the event (event date, else publication date).
  launched_most_cited: The launched figure reported by the most documents (ties go to the larger figure).
  launched_min: Smallest launched figure reported.
  launched_max: Largest launched figure reported.
  intercepted_most_cited: The intercepted figure reported by the most documents.
  intercepted_min: Smallest intercepted figure reported.
  intercepted_max: Largest intercepted figure reported.
  documents: Documents reporting any count of this weapon type that day.
  interception_rate: intercepted_most_cited / launched_most_cited, when both are known.
tests:
  not_null: [weapon_type, documents]
--- */
with reports as (
    select * from fct_weapon_reports
    where status in ('launched', 'intercepted')
),

figure_citations as (
    select
        report_date,
        weapon_type,
        status,
        count_value,
        count(distinct doc_id) as citing_documents
    from reports
    where count_value is not null
    group by all
),

most_cited as (
    select
        report_date,
        weapon_type,
        status,
        arg_max(count_value, citing_documents * 1000000000 + count_value) as most_cited,
        min(count_value) as lowest,
        max(count_value) as highest
    from figure_citations
    group by all
),

days as (
    select report_date, weapon_type, count(distinct doc_id) as documents
    from reports
    group by all
),

final as (
    select
        days.report_date,
        days.weapon_type,
        launched.most_cited as launched_most_cited,
        launched.lowest as launched_min,
        launched.highest as launched_max,
        intercepted.most_cited as intercepted_most_cited,
        intercepted.lowest as intercepted_min,
        intercepted.highest as intercepted_max,
        days.documents,
        round(intercepted.most_cited / nullif(launched.most_cited, 0), 3) as interception_rate
    from days
    left join most_cited as launched
        on launched.report_date is not distinct from days.report_date
        and launched.weapon_type = days.weapon_type
        and launched.status = 'launched'
    left join most_cited as intercepted
        on intercepted.report_date is not distinct from days.report_date
        and intercepted.weapon_type = days.weapon_type
        and intercepted.status = 'intercepted'
)

select * from final
order by report_date desc nulls last, weapon_type
