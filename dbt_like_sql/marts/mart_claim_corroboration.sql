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

-- Figures per event day, weapon type and status, and per document in it: linear in the reports (a join of
-- every claim with every report of its day grows with the square of the documents per day).
document_figures as (
    select
        report_date,
        weapon_type,
        status,
        doc_id,
        min(count_value) as lowest_figure,
        max(count_value) as highest_figure
    from reports
    where count_value is not null
    group by all
),

day_figures as (
    select
        report_date,
        weapon_type,
        status,
        count(*) as documents_with_figures
    from document_figures
    group by all
),

single_figure_documents as (
    select
        report_date,
        weapon_type,
        status,
        lowest_figure as count_value,
        count(*) as documents
    from document_figures
    where lowest_figure = highest_figure
    group by all
),

day_claims as (
    select
        report_date,
        weapon_type,
        status,
        list(distinct claim order by claim) as all_claims
    from reports
    group by all
),

conflicts as (
    -- a document conflicts with a figure when it reports any other figure for the same day, type and status
    select distinct
        claims.report_date,
        claims.weapon_type,
        claims.status,
        claims.claim,
        case
            when claims.count_value is null then 0
            else coalesce(day_figures.documents_with_figures, 0) - coalesce(single_figure_documents.documents, 0)
        end as conflicting_documents,
        list_filter(day_claims.all_claims, lambda other_claim: other_claim <> claims.claim) as conflicting_claims
    from claims
    left join day_figures
        on day_figures.report_date is not distinct from claims.report_date
        and day_figures.weapon_type = claims.weapon_type
        and day_figures.status = claims.status
    left join single_figure_documents
        on single_figure_documents.report_date is not distinct from claims.report_date
        and single_figure_documents.weapon_type = claims.weapon_type
        and single_figure_documents.status = claims.status
        and single_figure_documents.count_value = claims.count_value
    left join day_claims
        on day_claims.report_date is not distinct from claims.report_date
        and day_claims.weapon_type = claims.weapon_type
        and day_claims.status = claims.status
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
