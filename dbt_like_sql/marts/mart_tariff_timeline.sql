/* ---
description: One row per reported tariff rate, per imposing and target country, in date order, with the change from the previous reported rate of the same pair. Rates whose imposing country the text does not name are left out (a timeline needs the pair; they stay in tariff_rates).
materialized: table
columns:
  imposing_country_iso2: Who imposes the tariff.
  target_country_iso2: Whose goods it hits (null for a global tariff).
  rate_date: effective_date when given, else the publication date of the reporting document.
  rate_pct: The rate in percent.
  previous_reported_rate_pct: The rate of the previous report for the same pair.
  change_pct_points: rate_pct minus previous_reported_rate_pct.
  documents: Documents reporting this rate on this date.
tests:
  not_null: [imposing_country_iso2, rate_pct]
--- */
with tariffs as (
    select * from stg_tariff_rates
),

documents as (
    select * from stg_documents
),

reported as (
    select
        tariffs.imposing_country_iso2,
        tariffs.target_country_iso2,
        coalesce(tariffs.effective_date, documents.published_date) as rate_date,
        tariffs.rate_pct,
        mode(tariffs.change) as change,
        max(tariffs.previous_rate_pct) as stated_previous_rate_pct,
        mode(tariffs.goods) as goods,
        count(distinct tariffs.doc_id) as documents,
        min(tariffs.mention) as example_mention
    from tariffs
    inner join documents on documents.doc_id = tariffs.doc_id
    where tariffs.imposing_country_iso2 is not null
    group by all
),

final as (
    select
        imposing_country_iso2,
        target_country_iso2,
        rate_date,
        rate_pct,
        change,
        stated_previous_rate_pct,
        lag(rate_pct) over pair_in_time as previous_reported_rate_pct,
        rate_pct - lag(rate_pct) over pair_in_time as change_pct_points,
        goods,
        documents,
        example_mention
    from reported
    window pair_in_time as (
        partition by imposing_country_iso2, target_country_iso2
        order by rate_date nulls first, rate_pct
    )
)

select * from final
order by imposing_country_iso2, target_country_iso2 nulls first, rate_date nulls first, rate_pct
