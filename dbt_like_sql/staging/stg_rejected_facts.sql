/* ---
description: One row per quarantined fact row, with the expectations it failed (no business logic).
materialized: view
tests:
  unique: [rejection_id]
  not_null: [rejection_id, table_name, row_json]
--- */
with source as (
    select * from rejected_facts
),

final as (
    select
        rejection_id,
        table_name,
        fact_id,
        doc_id,
        row_json,
        failed_expectations,
        run_id,
        cast(rejected_at as timestamptz) as rejected_at
    from source
)

select * from final
