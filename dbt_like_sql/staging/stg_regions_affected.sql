/* ---
description: One row per region named as affected, or per count of affected regions, typed (no business logic).
materialized: view
tests:
  unique: [fact_id]
  not_null: [fact_id, doc_id, impact]
  relationships: {doc_id: stg_documents.doc_id}
--- */
with source as (
    select * from regions_affected
),

final as (
    select
        fact_id,
        doc_id,
        cast(sentence_no as integer) as sentence_no,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        mention,
        sentence,
        extractor_version,
        region_name,
        iso_3166_2,
        country_iso2,
        cast(region_count as integer) as region_count,
        impact,
        cast(event_date as date) as event_date
    from source
)

select * from final
