"""The report's charts, drawn by matplotlib's SVG backend into strings for the page.

matplotlib is imported here only (the ``seedcheck[report]`` extra); no pyplot, so no
GUI backend and no global figure state. Text stays text in the SVG (smaller, and
searchable), and each chart gets its own id salt, so that several inline SVGs on one
page never share an element id.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from seedcheck.corpus_report.facts import CorpusFacts
from seedcheck.diagnostic import Severity

ERROR_COLOUR = "#c0392b"
WARNING_COLOUR = "#d68910"
BAR_COLOUR = "#2e86c1"
WIDTH = 7.2  # inches; the page scales the SVG to its column


def draw_all(facts: CorpusFacts) -> dict[str, str]:
    """Every chart of the report, by name, as SVG markup."""
    return {
        "findings-per-rule": findings_per_rule(facts),
        "seeds-per-month": seeds_per_month(facts),
        "word-counts": word_counts(facts),
        "seeds-per-source": _ranked(
            "seeds-per-source", facts.sources, f"Seeds per source (top {facts.top})"
        ),
        "seeds-per-byline": _ranked(
            "seeds-per-byline", facts.bylines, f"Seeds per byline (top {facts.top})"
        ),
    }


def findings_per_rule(facts: CorpusFacts) -> str:
    rows = list(reversed(facts.by_rule))
    labels = [f"{code} {name}" for code, name, _, _ in rows]
    figure = _figure(max(1.6, 0.32 * len(rows) + 1.1), labels)
    axes = figure.add_subplot()
    axes.set_title("Findings per rule")
    if not rows:
        return _empty(figure, axes, "findings-per-rule", "no findings")
    colours = [ERROR_COLOUR if s is Severity.ERROR else WARNING_COLOUR for _, _, s, _ in rows]
    bars = axes.barh(labels, [count for *_, count in rows], color=colours)
    axes.bar_label(bars, padding=3)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("findings (red: error, amber: warning)")
    axes.margins(x=0.12)
    return _svg(figure, "findings-per-rule")


def seeds_per_month(facts: CorpusFacts) -> str:
    figure = _figure(3.0, ["seeds"])
    axes = figure.add_subplot()
    title = "Seeds per published month"
    if facts.undated:
        title += f" ({facts.undated} without a date)"
    axes.set_title(title)
    if not facts.months:
        return _empty(figure, axes, "seeds-per-month", "no seed has a published date")
    months = _every_month(facts.months[0][0], facts.months[-1][0])
    counts = dict(facts.months)
    axes.bar(range(len(months)), [counts.get(m, 0) for m in months], color=BAR_COLOUR)
    step = max(1, len(months) // 12)
    axes.set_xticks(range(0, len(months), step), months[::step], rotation=45, ha="right")
    axes.set_ylabel("seeds")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    return _svg(figure, "seeds-per-month")


def word_counts(facts: CorpusFacts) -> str:
    figure = _figure(3.0, ["seeds"])
    axes = figure.add_subplot()
    axes.set_title("Word-count distribution")
    if not facts.word_counts:
        return _empty(figure, axes, "word-counts", "no seeds")
    axes.hist(
        facts.word_counts, bins=min(40, max(5, len(set(facts.word_counts)))), color=BAR_COLOUR
    )
    axes.set_xlabel("words in the body")
    axes.set_ylabel("seeds")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    return _svg(figure, "word-counts")


def _ranked(name: str, counts: Sequence[tuple[str, int]], title: str) -> str:
    rows = list(reversed(counts))
    labels = [_short(label) for label, _ in rows]
    figure = _figure(max(1.6, 0.3 * len(rows) + 1.0), labels)
    axes = figure.add_subplot()
    axes.set_title(title)
    if not rows:
        return _empty(figure, axes, name, "no seeds")
    bars = axes.barh(labels, [n for _, n in rows], color=BAR_COLOUR)
    axes.bar_label(bars, padding=3)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.margins(x=0.12)
    return _svg(figure, name)


def _short(label: str, width: int = 40) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _every_month(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _figure(height: float, labels: Sequence[str] = ()) -> Figure:
    """A figure with room on the left for the longest of ``labels``.

    Margins are set from the labels rather than by a layout engine: constrained layout
    took half of all the drawing time.
    """
    figure = Figure(figsize=(WIDTH, height))
    longest = max((len(label) for label in labels), default=4)
    left = min(0.45, (0.25 + 0.075 * longest) / WIDTH)
    figure.subplots_adjust(left=left, right=0.96, top=1 - 0.36 / height, bottom=0.8 / height)
    return figure


def _empty(figure: Figure, axes: Axes, name: str, message: str) -> str:
    axes.set_axis_off()
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    return _svg(figure, name)


def _svg(figure: Figure, salt: str) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        # print_svg is untyped in matplotlib; print_figure, which calls it, is not.
        FigureCanvasSVG(figure).print_figure(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    # The page inlines the <svg> element itself; the XML prolog and DOCTYPE go.
    return text[text.index("<svg") :].strip()
