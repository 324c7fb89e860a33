/* ---
description: One row per tariff or duty rate stated, typed (no business logic).
materialized: view
tests:
  unique: [fact_id]
  not_null: [fact_id, doc_id, rate_pct, change]
  accepted_values:
    change: [raised, lowered, set, threatened, removed]
  relationships: {doc_id: stg_documents.doc_id}
--- */
with source as (
    select * from tariff_rates
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
        imposing_country_iso2,
        target_country_iso2,
        goods,
        cast(rate_pct as double) as rate_pct,
        cast(previous_rate_pct as double) as previous_rate_pct,
        change,
        cast(effective_date as date) as effective_date
    from source
)

select * from final
