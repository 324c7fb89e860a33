/* ---
description: One row per weapon count, with its document's title, source and publication date, and the best event date (event_date, else publication date).
materialized: table
columns:
  fact_id: The weapon_counts fact.
  report_date: Best date of the event (event_date when the text gives it, else the publication date).
  report_date_source: Which date report_date is (event_date or published_date).
  claim: The figure as a short label (more than 300, 37, dozens).
  title: Headline of the reporting document.
  source_host: Publisher host of the reporting document.
tests:
  unique: [fact_id]
  not_null: [fact_id, doc_id, weapon_type, status]
  relationships: {doc_id: stg_documents.doc_id}
--- */
with weapon_counts as (
    select * from stg_weapon_counts
),

documents as (
    select * from stg_documents
),

final as (
    select
        weapon_counts.fact_id,
        weapon_counts.doc_id,
        weapon_counts.weapon_type,
        weapon_counts.weapon_name,
        weapon_counts.count_value,
        weapon_counts.count_low,
        weapon_counts.count_high,
        weapon_counts.qualifier,
        weapon_counts.vague_word,
        weapon_counts.status,
        case
            when weapon_counts.qualifier = 'vague' then coalesce(weapon_counts.vague_word, 'vague')
            when weapon_counts.qualifier = 'exact' then weapon_counts.count_value::varchar
            else replace(weapon_counts.qualifier, '_', ' ') || ' ' || weapon_counts.count_value::varchar
        end as claim,
        weapon_counts.event_date,
        coalesce(weapon_counts.event_date, documents.published_date) as report_date,
        case when weapon_counts.event_date is not null then 'event_date'
             when documents.published_date is not null then 'published_date' end as report_date_source,
        weapon_counts.mention,
        weapon_counts.sentence,
        documents.title,
        documents.source_name,
        documents.source_uri,
        documents.source_host,
        documents.published_date
    from weapon_counts
    inner join documents on documents.doc_id = weapon_counts.doc_id
)

select * from final
