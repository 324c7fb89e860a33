"""The run report's chart cache: a chart whose data did not change is read back, not drawn again."""

from __future__ import annotations

import pytest

from transforms import report_charts as charts

PANELS = [("by publication date", ["2025-10-15", "2025-10-16"], [3, 5])]


def _no_drawing(*args, **kwargs):
    raise AssertionError("the chart was drawn again")


def test_a_chart_with_the_same_data_is_read_back_from_the_cache_without_drawing(tmp_path, monkeypatch):
    with charts.cached_in(tmp_path):
        first = charts.count_bars(PANELS, "documents", "Documents per day")
    assert first.startswith("<svg") and len(list(tmp_path.glob("*.svg"))) == 1

    monkeypatch.setattr(charts, "_figure", _no_drawing)
    with charts.cached_in(tmp_path):
        again = charts.count_bars(PANELS, "documents", "Documents per day")
    assert again == first


def test_a_chart_with_new_data_is_drawn_and_the_entries_the_last_report_did_not_use_are_removed(tmp_path):
    with charts.cached_in(tmp_path):
        old = charts.count_bars(PANELS, "documents", "Documents per day")
    with charts.cached_in(tmp_path):
        new = charts.count_bars([("by publication date", ["2025-10-16"], [9])], "documents", "Documents per day")
    assert new != old
    stored = list(tmp_path.glob("*.svg"))
    assert len(stored) == 1 and stored[0].read_text(encoding="utf-8") == new


def test_a_report_that_fails_keeps_the_cache_as_it_was(tmp_path):
    with charts.cached_in(tmp_path):
        charts.count_bars(PANELS, "documents", "Documents per day")
    with pytest.raises(RuntimeError), charts.cached_in(tmp_path):
        raise RuntimeError("the warehouse went away")
    assert len(list(tmp_path.glob("*.svg"))) == 1


def test_outside_a_cache_every_chart_is_drawn_and_nothing_is_stored(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    markup = charts.count_bars(PANELS, "documents", "Documents per day")
    assert markup.startswith("<svg") and not list(tmp_path.rglob("*.svg"))
