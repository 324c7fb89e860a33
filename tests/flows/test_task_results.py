"""Batch-sized task results are not kept alive by Prefect once the flow has taken them."""

from __future__ import annotations

import gc
import weakref

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.pipeline import Payload


class _Rows(list):
    """A list of fact rows that a weak reference can follow (a plain list cannot)."""


def _rows_of_a_batch(kept: list) -> _Rows:
    rows = _Rows({"fact_id": f"f{i}", "sentence": "x" * 200} for i in range(1000))
    kept.append(weakref.ref(rows))
    return rows


def test_a_result_taken_out_of_its_payload_is_freed_while_the_flow_still_runs(prefect_harness):
    refs: list = []

    @task(cache_policy=NO_CACHE)
    def extract_batch() -> Payload:
        return Payload(_rows_of_a_batch(refs))

    @flow
    def run() -> bool:
        rows = extract_batch().take()
        assert len(rows) == 1000
        del rows
        gc.collect()
        return refs[0]() is None

    assert run(), "Prefect still holds the rows of a batch the flow has taken"


def test_a_result_returned_bare_stays_alive_until_the_flow_ends(prefect_harness):
    """Why the Payload is needed: Prefect keeps the last result of a task in its transaction."""
    refs: list = []

    @task(cache_policy=NO_CACHE)
    def extract_batch() -> _Rows:
        return _rows_of_a_batch(refs)

    @flow
    def run() -> bool:
        rows = extract_batch()
        del rows
        gc.collect()
        return refs[0]() is None

    assert not run()
