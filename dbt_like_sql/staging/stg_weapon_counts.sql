/* ---
description: One row per weapon count mention, typed (no business logic).
materialized: view
tests:
  unique: [fact_id]
  not_null: [fact_id, doc_id, weapon_type, qualifier, status]
  accepted_values:
    weapon_type: [drone, missile, cruise_missile, ballistic_missile, guided_bomb, rocket, artillery_shell, air_defense_system, aircraft, armored_vehicle, other]
    qualifier: [exact, more_than, at_least, up_to, about, vague]
    status: [launched, intercepted, hit, supplied, requested, other]
  relationships: {doc_id: stg_documents.doc_id}
--- */
with source as (
    select * from weapon_counts
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
        weapon_type,
        weapon_name,
        cast(count_value as bigint) as count_value,
        cast(count_low as bigint) as count_low,
        cast(count_high as bigint) as count_high,
        qualifier,
        vague_word,
        status,
        cast(event_date as date) as event_date
    from source
)

select * from final
