"""How the vocabulary is drawn: one colour, shape and dash per category, rank, road to power and
series, the same in every chart of the book (a scale without a fixed domain would hand out colours
in the order it meets the values)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import CATEGORIES, CATEGORY_LABELS
from .style import PALETTE

#: One colour and one symbol per event category in every chart of the book, whatever subset of
#: categories a chart shows (a scale without a fixed domain would hand out colours in order).
CATEGORY_COLOURS = dict(zip(CATEGORIES, PALETTE, strict=False))


CATEGORY_SHAPES = dict(
    zip(CATEGORIES, ["circle", "square", "diamond", "triangle-up", "triangle-down", "cross"], strict=True)
)


SOLID, DASHED = [1, 0], [6, 3]


DASH_PATTERNS = [SOLID, DASHED, [2, 2], [8, 2, 2, 2], [1, 3]]  # the series of one chart, in order


def category_scales() -> tuple[alt.Scale, alt.Scale]:
    """The colour and shape scales of the event categories (by their labels)."""
    labels = [CATEGORY_LABELS[c] for c in CATEGORIES]
    colours = alt.Scale(domain=labels, range=[CATEGORY_COLOURS[c] for c in CATEGORIES])
    shapes = alt.Scale(domain=labels, range=[CATEGORY_SHAPES[c] for c in CATEGORIES])
    return colours, shapes


RANK_COLOURS = ["#0072B2", "#E69F00", "#009E73"]


RANK_SHAPES = ["circle", "diamond", "triangle-up"]


PATH_COLOURS = ["#009E73", "#56B4E9", "#0072B2", "#8C6D31", "#CC79A7", "#E69F00", "#D55E00", "#BBBBBB"]


PATH_SHAPES = [
    "circle",
    "square",
    "diamond",
    "triangle-down",
    "triangle-left",
    "triangle-right",
    "triangle-up",
    "cross",
]


TRADE_COLOURS = {"exports": ["#0072B2", "#56B4E9"], "imports": ["#D55E00", "#E69F00"]}


def legend_columns(values: pd.Series, domain: list[str] | None = None) -> int:
    """Two legend columns fit a phone only when the labels are short."""
    labels = list(domain or []) + [str(v) for v in values.dropna().unique()]
    return 1 if max((len(label) for label in labels), default=0) > 24 else 2


def year_axis(dates: pd.Series, ticks: int = 8) -> alt.Axis:
    """A time axis labelled in whole years, about ``ticks`` of them: a span of a few years would
    otherwise get half-year ticks, each labelled with its year ("2020 2020 2021 2021")."""
    span = max(1, int(dates.max().year) - int(dates.min().year))
    step = max(1, round(span / ticks))
    return alt.Axis(format="%Y", labelOverlap=True, tickCount={"interval": "year", "step": step})


#: One symbol per kind of contact (in the order of the contacts schema's kinds): visits are round or
#: square, meetings pointed; a star is a bilateral meeting, a hexagon an inauguration.
STAR = "M0,-1L0.24,-0.31L0.95,-0.31L0.38,0.12L0.59,0.81L0,0.38L-0.59,0.81L-0.38,0.12L-0.95,-0.31L-0.24,-0.31Z"
HEXAGON = "M-1,0L-0.5,-0.87L0.5,-0.87L1,0L0.5,0.87L-0.5,0.87Z"
CONTACT_SHAPES = [
    "circle",
    "square",
    "diamond",
    "triangle-left",
    "triangle-right",
    "cross",
    "triangle-up",
    "triangle-down",
    STAR,
    HEXAGON,
]
