"""The /stats chart: a PNG drawn with matplotlib's Agg renderer.

matplotlib is imported only when a chart is drawn (it costs the bot's start-up a second), and the
drawing is plain blocking code: callers run `draw_stats_chart` in a worker thread.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

log = logging.getLogger(__name__)

DEFAULT_FONT = "DejaVu Sans"  # ships with matplotlib, so it is always there
# Tried first when the default lacks a glyph (e.g. Chinese); any other installed font that has
# every glyph will do too.
PREFERRED_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
)
# Fonts that claim every character but draw a box for each: no use for words.
PLACEHOLDER_FONTS = ("Last Resort",)
_drawing = threading.Lock()  # rcParams are process-wide: one chart at a time


@dataclass(frozen=True, slots=True)
class ChartLabels:
    """Every word on the chart, already in the operator's language."""

    expiring_title: str
    documents_axis: str
    week_ticks: Sequence[str]  # one per week: the week's first day
    questions_title: str
    questions_axis: str
    answered: str
    declined: str
    day_ticks: Sequence[str]  # one per day
    suggested: str = ""

    def characters(self) -> str:
        words = [
            self.suggested,
            self.expiring_title,
            self.documents_axis,
            self.questions_title,
            self.questions_axis,
            self.answered,
            self.declined,
            *self.week_ticks,
            *self.day_ticks,
        ]
        return "".join(sorted({c for c in "".join(words) if not c.isspace()}))


@cache
def font_for(characters: str) -> str | None:
    """The family name of an installed font with a glyph for every one of `characters`, or None."""
    from matplotlib import font_manager, ft2font

    wanted = {ord(c) for c in characters}
    entries = {e.fname: e.name for e in font_manager.fontManager.ttflist}
    rank = {name: i for i, name in enumerate((DEFAULT_FONT, *PREFERRED_FONTS))}
    for fname, name in sorted(entries.items(), key=lambda e: (rank.get(e[1], len(rank)), e[0])):
        if name.startswith(PLACEHOLDER_FONTS):
            continue
        try:
            charmap = ft2font.FT2Font(fname).get_charmap()
        except (OSError, RuntimeError, ValueError):
            continue
        if wanted <= charmap.keys():
            return str(name)
    return None


def draw_stats_chart(
    expiring_per_week: Sequence[int],
    questions_per_day: Sequence[tuple[int, int]],
    labels: ChartLabels,
    fallback: ChartLabels,
    suggested_per_day: Sequence[int] = (),
) -> bytes:
    """Two panels as a PNG: documents expiring per week, and questions per day (answered,
    suggestions offered, declined). Titles and legend carry each total, the same figures the
    /stats text gives. `fallback` (English) is used when no installed font can show `labels`."""
    font = font_for(labels.characters())
    if font is None:
        log.warning("no installed font can show the chart's labels: drawing them in English")
        labels, font = fallback, DEFAULT_FONT
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with _drawing, matplotlib.rc_context({"font.family": [font, DEFAULT_FONT]}):
        figure = Figure(figsize=(9, 7.5), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        top, bottom = figure.subplots(2, 1)

        weeks = range(len(expiring_per_week))
        bars = top.bar(weeks, expiring_per_week, color="#3b7dd8")
        top.bar_label(bars, labels=[str(n) if n else "" for n in expiring_per_week], fontsize=8)
        top.set_title(f"{labels.expiring_title}: {sum(expiring_per_week)}")
        top.set_ylabel(labels.documents_axis)
        top.set_xticks(list(weeks), list(labels.week_ticks), rotation=45, ha="right", fontsize=8)
        top.yaxis.set_major_locator(MaxNLocator(integer=True))
        top.set_ylim(0, max(1, *expiring_per_week) * 1.15)
        top.grid(axis="y", alpha=0.3)

        days = range(len(questions_per_day))
        answered = [a for a, _ in questions_per_day]
        declined = [d for _, d in questions_per_day]
        series = [(answered, "#2e9e4f", labels.answered)]
        if suggested_per_day:
            series.append((list(suggested_per_day), "#e0a526", labels.suggested))
        series.append((declined, "#d64541", labels.declined))
        for values, color, name in series:
            bottom.plot(
                days, values, marker="o", markersize=3, color=color, label=f"{name}: {sum(values)}"
            )
        bottom.set_title(labels.questions_title)
        bottom.set_ylabel(labels.questions_axis)
        shown = [i for i in days if (len(days) - 1 - i) % 3 == 0]  # every third day, ending today
        bottom.set_xticks(
            shown, [labels.day_ticks[i] for i in shown], rotation=45, ha="right", fontsize=8
        )
        bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
        bottom.set_ylim(0, max(1, *answered, *suggested_per_day, *declined) * 1.15)
        bottom.set_xlim(-0.5, len(days) - 0.5)
        bottom.grid(alpha=0.3)
        bottom.legend(loc="upper left")

        out = io.BytesIO()
        figure.savefig(out, format="png")
    return out.getvalue()
