/* ---
description: One row per region (ISO 3166-2 code, name, country) and day, with the impacts reported and the documents reporting them. Count rows ("eight regions") are not included.
materialized: table
columns:
  iso_3166_2: ISO 3166-2 code of the region.
  region_name: The name most often used for it.
  country_iso2: ISO 3166-1 alpha-2 code of its country.
  report_date: Day of the event (event date, else publication date).
  impacts: Distinct impact labels reported.
  mentions: Number of mentions.
  documents: Number of distinct documents.
tests:
  not_null: [iso_3166_2, documents]
--- */
with regions as (
    select * from stg_regions_affected
    where region_count is null and iso_3166_2 is not null
),

documents as (
    select * from stg_documents
),

dated as (
    select
        regions.*,
        coalesce(regions.event_date, documents.published_date) as report_date
    from regions
    inner join documents on documents.doc_id = regions.doc_id
),

final as (
    select
        iso_3166_2,
        mode(region_name) as region_name,
        min(country_iso2) as country_iso2,
        report_date,
        list(distinct impact order by impact) as impacts,
        count(*) as mentions,
        count(distinct doc_id) as documents
    from dated
    group by iso_3166_2, report_date
)

select * from final
order by report_date desc nulls last, documents desc, iso_3166_2
