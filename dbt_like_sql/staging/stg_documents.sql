/* ---
description: One row per distinct article text, typed and named for analysis (no business logic).
materialized: view
columns:
  doc_id: Stable id of the normalised text.
  title: Headline.
  published_date: Publication date (null when unknown).
  source_host: Host part of source_uri (the publisher), null for local files.
tests:
  unique: [doc_id]
  not_null: [doc_id, source_name]
--- */
with source as (
    select * from documents
),

final as (
    select
        doc_id,
        source_name,
        source_uri,
        nullif(regexp_extract(source_uri, '^https?://(?:www\.)?([^/:]+)', 1), '') as source_host,
        title,
        text,
        cast(published_date as date) as published_date,
        published_date_source,
        cast(ingested_at as timestamptz) as ingested_at,
        encoding,
        cast(char_count as integer) as char_count
    from source
)

select * from final
