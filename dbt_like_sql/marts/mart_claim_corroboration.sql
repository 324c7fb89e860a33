/* ---
description: One row per distinct claim (day, weapon type, status, figure) with the number of independent documents reporting it and the documents reporting a conflicting figure for the same day, type and status.
materialized: table
columns:
  report_date: Day of the event (event date, else publication date).
  claim: The figure as reported (more than 300, 37, dozens).
  documents: Number of distinct documents reporting this claim.
  sources: Distinct publishers (hosts) or file names reporting it.
  conflicting_documents: Documents reporting a different exact figure for the same day, weapon type and status.
  conflicting_claims: The other figures reported for the same day, weapon type and status.
tests:
  not_null: [weapon_type, status, claim, documents]
--- */
with reports as (
    select * from fct_weapon_reports
),

claims as (
    select
        report_date,
        weapon_type,
        status,
        qualifier,
        count_value,
        vague_word,
        claim,
        count(distinct doc_id) as documents,
        list(distinct coalesce(source_host, source_name) order by coalesce(source_host, source_name)) as sources,
        list(distinct doc_id order by doc_id) as doc_ids,
        min(mention) as example_mention
    from reports
    group by all
),

conflicts as (
    select
        claim_row.report_date,
        claim_row.weapon_type,
        claim_row.status,
        claim_row.claim,
        count(distinct other_report.doc_id) filter (
            where other_report.count_value is not null
              and claim_row.count_value is not null
              and other_report.count_value <> claim_row.count_value
        ) as conflicting_documents,
        list(distinct other_report.claim order by other_report.claim) filter (
            where other_report.claim <> claim_row.claim
        ) as conflicting_claims
    from claims as claim_row
    left join reports as other_report
        on other_report.report_date is not distinct from claim_row.report_date
        and other_report.weapon_type = claim_row.weapon_type
        and other_report.status = claim_row.status
    group by all
),

final as (
    select
        claims.report_date,
        claims.weapon_type,
        claims.status,
        claims.claim,
        claims.qualifier,
        claims.count_value,
        claims.vague_word,
        claims.documents,
        claims.sources,
        claims.doc_ids,
        coalesce(conflicts.conflicting_documents, 0) as conflicting_documents,
        coalesce(conflicts.conflicting_claims, []) as conflicting_claims,
        claims.example_mention
    from claims
    left join conflicts
        on conflicts.report_date is not distinct from claims.report_date
        and conflicts.weapon_type = claims.weapon_type
        and conflicts.status = claims.status
        and conflicts.claim = claims.claim
)

select * from final
order by report_date desc nulls last, documents desc, weapon_type, claim
