/* ---
description: One row per date expression with the period it denotes, typed (no business logic).
materialized: view
tests:
  unique: [fact_id]
  not_null: [fact_id, doc_id, granularity, resolution]
  accepted_values:
    granularity: [day, week, month, year]
    resolution: [absolute, relative, unresolved]
  relationships: {doc_id: stg_documents.doc_id}
--- */
with source as (
    select * from date_mentions
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
        granularity,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        cast(anchor_date as date) as anchor_date,
        resolution
    from source
)

select * from final
