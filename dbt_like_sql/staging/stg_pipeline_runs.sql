/* ---
description: One row per pipeline run (no business logic).
materialized: view
tests:
  unique: [run_id]
  not_null: [run_id, started_at, status]
  accepted_values:
    status: [completed, completed_with_rejections, failed]
--- */
with source as (
    select * from pipeline_runs
),

final as (
    select
        run_id,
        flow_run_id,
        command,
        cast(started_at as timestamptz) as started_at,
        cast(finished_at as timestamptz) as finished_at,
        status,
        documents_seen,
        documents_new,
        documents_skipped,
        inputs_rejected,
        facts_published,
        facts_quarantined,
        validation_success,
        model_tests_failed,
        details_json,
        message
    from source
)

select * from final
