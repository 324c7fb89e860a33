"""Charts of the run report: matplotlib figures rendered to SVG markup that can be inlined in an HTML page.

Each function takes plain values (labels, counts, dates) and returns one `<svg>` element as a string.
matplotlib is imported only when a chart is drawn, and only its object API is used (a Figure on an Agg
canvas, never pyplot), so drawing needs no display and changes no global state. Text stays text
(`svg.fonttype = none`), the ids are deterministic and prefixed per chart so that several charts can share
one page, and nothing in the markup points outside the page.

Drawing costs seconds (most of the report), while the data behind a chart seldom changes between runs (a
scheduled run that finds nothing new redraws the same charts). Inside `cached_in(directory)`, a chart
whose inputs, drawing code and matplotlib version are those of a chart drawn before is read back from the
directory instead; entries the last report did not use are removed.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import hashlib
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from importlib.metadata import version
from pathlib import Path

LAUNCHED_COLOUR = "#d9480f"
INTERCEPTED_COLOUR = "#1c7ed6"
BAR_COLOUR = "#4263eb"
SERIES_COLOURS = ("#4263eb", "#d9480f", "#2b8a3e", "#ae3ec9", "#e67700", "#0b7285", "#c2255c", "#5c940d")
TEXT_COLOUR = "#343a40"
GRID_COLOUR = "#dee2e6"
WIDTH_INCHES = 11.0
MIN_CATEGORY_SLOTS = 8
MARKED_POINTS = 200  # series longer than this are drawn as plain lines

STYLE = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
    "font.size": 9.5,
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "axes.edgecolor": "#adb5bd",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "legend.frameon": False,
}
# matplotlib's SVG names the XML namespaces and a DTD by URL; inline SVG in HTML needs neither.
_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.S)
_NAMESPACES = re.compile(r'\s+xmlns(:xlink)?="[^"]*"')
_SIZE = re.compile(r'\s+(width|height)="[\d.]+pt"')
_IDS = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


class _ChartCache:
    """SVG markup of charts drawn before, one file per chart, named by the hash of what drew it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.used: set[str] = set()
        # the drawing code and the library draw the picture too: either changing makes every entry stale
        self.salt = hashlib.sha256(Path(__file__).read_bytes()).hexdigest() + version("matplotlib")

    def chart(self, draw: Callable[..., str], args: tuple) -> str:
        key = hashlib.sha256(repr((self.salt, draw.__name__, args)).encode()).hexdigest()[:32]
        self.used.add(key)
        path = self.directory / f"{key}.svg"
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            pass
        markup = draw(*args)
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        partial.write_text(markup, encoding="utf-8")
        os.replace(partial, path)  # two reports drawing at once never read half a chart
        return markup

    def prune(self) -> None:
        for path in self.directory.glob("*.svg"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


_CACHE: contextvars.ContextVar[_ChartCache | None] = contextvars.ContextVar("chart_cache", default=None)


@contextlib.contextmanager
def cached_in(directory: Path) -> Iterator[None]:
    """Charts drawn inside the block are kept in (and read back from) `directory`."""
    cache = _ChartCache(Path(directory))
    token = _CACHE.set(cache)
    try:
        yield
    finally:
        _CACHE.reset(token)
    cache.prune()


def _cached(draw: Callable[..., str]) -> Callable[..., str]:
    @functools.wraps(draw)
    def chart(*args) -> str:
        cache = _CACHE.get()
        return draw(*args) if cache is None else cache.chart(draw, args)

    return chart


def _figure(height_inches: float, columns: int = 1, rows: int = 1, **subplot_options):
    """A Figure with its axes, on an Agg canvas, in the report's style."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_INCHES, height_inches), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(rows, columns, squeeze=False, **subplot_options)
    return figure, [axis for row in axes for axis in row]


def _svg(figure, name: str, label: str) -> str:
    """The figure as an inline `<svg>` element that scales to its container, ids prefixed with `name`."""
    buffer = io.StringIO()
    no_metadata = {"Creator": None, "Date": None, "Format": None, "Type": None}
    figure.savefig(buffer, format="svg", metadata=no_metadata)
    markup = _PROLOGUE.sub("", buffer.getvalue(), count=1)
    markup = _NAMESPACES.sub("", markup)
    markup = _SIZE.sub("", markup, count=2)
    markup = _IDS.sub(lambda match: f"{match.group(1)}{name}-{match.group(2)}", markup)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return markup.replace("<svg", f'<svg class="chart" role="img" aria-label="{label}"', 1).strip()


def _style(name: str):
    import matplotlib

    return matplotlib.rc_context({**STYLE, "svg.hashsalt": name})


def _grid(axis, which: str = "y") -> None:
    axis.grid(axis=which, color=GRID_COLOUR, linewidth=0.8)
    axis.set_axisbelow(True)


def _tick_labels(axis, labels: Sequence[str]) -> None:
    """Category labels on the x axis, turned when there are many or they are long."""
    axis.set_xticks(range(len(labels)), labels)
    if len(labels) > 8 or max((len(label) for label in labels), default=0) * len(labels) > 90:
        for tick in axis.get_xticklabels():
            tick.set_rotation(35)
            tick.set_horizontalalignment("right")


def _integer_axis(axis, which: str = "y", ticks: int = 5) -> None:
    from matplotlib.ticker import MaxNLocator, StrMethodFormatter

    scale = axis.yaxis if which == "y" else axis.xaxis
    scale.set_major_locator(MaxNLocator(nbins=ticks, integer=True))
    scale.set_major_formatter(StrMethodFormatter("{x:,.0f}"))  # 1,600 like the bar labels


def _pad_categories(axis, count: int) -> None:
    """Keep bars slim when there are only a few categories (one fat bar reads as a block, not a count)."""
    if count < MIN_CATEGORY_SLOTS:
        spare = (MIN_CATEGORY_SLOTS - count) / 2
        axis.set_xlim(-0.5 - spare, count - 0.5 + spare)


@_cached
def count_bars(panels: Sequence[tuple[str, Sequence[str], Sequence[int]]], name: str, label: str) -> str:
    """Side-by-side bar charts, one per (title, labels, counts) panel: documents per period."""
    with _style(name):
        figure, axes = _figure(3.0, columns=len(panels))
        for axis, (title, labels, counts) in zip(axes, panels, strict=True):
            bars = axis.bar(range(len(labels)), counts, color=BAR_COLOUR, width=0.7)
            if len(labels) <= 24:
                axis.bar_label(bars, padding=2, fontsize=8.5)
            _tick_labels(axis, labels)
            _pad_categories(axis, len(labels))
            _integer_axis(axis)
            _grid(axis)
            axis.margins(y=0.15)
            axis.set_title(title)
            axis.set_ylabel("documents")
        return _svg(figure, name, label)


@_cached
def launched_vs_intercepted(days: Sequence[str], series: dict[str, tuple[list, list]], name: str,
                            label: str) -> str:
    """One panel per weapon type: launched and intercepted (most-cited figure) per day, as paired bars."""
    width = 0.38
    with _style(name):
        figure, axes = _figure(1.0 + 1.3 * len(series), rows=len(series), sharex=True)
        for axis, (weapon_type, (launched, intercepted)) in zip(axes, series.items(), strict=True):
            positions = range(len(days))
            for offset, values, colour, what in ((-width / 2, launched, LAUNCHED_COLOUR, "launched"),
                                                 (width / 2, intercepted, INTERCEPTED_COLOUR, "intercepted")):
                bars = axis.bar([p + offset for p in positions], [v or 0 for v in values], width=width,
                                color=colour, label=what)
                axis.bar_label(bars, labels=["" if v is None else f"{v:,}" for v in values], padding=2,
                               fontsize=8)
            axis.set_title(weapon_type.replace("_", " "), loc="left", fontsize=9.5)
            axis.margins(y=0.3)
            _integer_axis(axis, ticks=3)
            _grid(axis)
        axes[0].legend(loc="lower right", ncols=2, bbox_to_anchor=(1.0, 1.0))
        _tick_labels(axes[-1], days)
        _pad_categories(axes[-1], len(days))
        return _svg(figure, name, label)


@_cached
def horizontal_bars(labels: Sequence[str], values: Sequence[int], name: str, label: str, xlabel: str) -> str:
    """Horizontal bars, largest at the top: regions by the documents reporting them."""
    with _style(name):
        figure, (axis,) = _figure(0.9 + 0.3 * len(labels))
        positions = list(range(len(labels)))[::-1]
        bars = axis.barh(positions, values, color=BAR_COLOUR, height=0.65)
        axis.bar_label(bars, padding=3, fontsize=8.5)
        axis.set_yticks(positions, labels)
        axis.set_xlabel(xlabel)
        axis.margins(x=0.08)
        _integer_axis(axis, "x")
        _grid(axis, "x")
        return _svg(figure, name, label)


@_cached
def step_lines(series: dict[str, list[tuple[dt.date, float]]], name: str, label: str, ylabel: str) -> str:
    """One step line per series of (date, value) points: tariff rates over time per country pair."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    with _style(name):
        figure, (axis,) = _figure(3.6)
        for (series_label, points), colour in zip(series.items(), SERIES_COLOURS, strict=False):
            dates = [day for day, _ in points]
            values = [value for _, value in points]
            # a marker per report helps read a few points; on thousands it is a smear that costs seconds to draw
            marker = "o" if len(points) <= MARKED_POINTS else None
            axis.plot(dates, values, drawstyle="steps-post", marker=marker, markersize=4.5, linewidth=1.8,
                      color=colour, label=series_label)
        locator = AutoDateLocator()
        axis.xaxis.set_major_locator(locator)
        axis.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        axis.set_ylabel(ylabel)
        axis.set_ylim(bottom=0)
        axis.margins(x=0.04, y=0.12)
        _grid(axis)
        axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
        return _svg(figure, name, label)
