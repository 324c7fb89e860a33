/* ---
description: One row per input that could not be ingested (no business logic).
materialized: view
tests:
  unique: [error_id]
  not_null: [error_id, source_name, reason]
--- */
with source as (
    select * from ingest_errors
),

final as (
    select
        error_id,
        source_name,
        reason,
        detail,
        cast(first_seen_at as timestamptz) as first_seen_at,
        run_id
    from source
)

select * from final
