/* ---
description: One row per version of an input file that was ingested in full (no business logic).
materialized: view
tests:
  unique: [source_version_id]
  not_null: [source_version_id, source_name, size_bytes, mtime_ns, run_id]
--- */
with source as (
    select * from source_files
),

final as (
    select
        source_version_id,
        source_name,
        size_bytes,
        mtime_ns,
        documents,
        inputs_rejected,
        run_id,
        cast(read_at as timestamptz) as read_at
    from source
)

select * from final
