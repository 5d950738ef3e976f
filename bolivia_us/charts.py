"""The house chart style, shared by every chapter.

Import this module once at the top of a notebook (``from bolivia_us import charts``) and every
Altair chart gets the report's theme, an SVG renderer that works offline in the built book, and
the helpers below: a title that states the finding, a source line under the chart, and a text
description for screen readers.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import offline_book
from .datasets import parse_partial_date

#: Colours chosen to stay distinct for common colour-vision deficiencies (Okabe–Ito) and legible
#: on light and dark backgrounds.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
TEXT = "#333333"
MUTED = "#666666"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
WIDTH = 640  # the charts also shrink to a phone's width, see ``autosize`` below


@alt.theme.register("bolivia_us", enable=True)
def house_theme() -> alt.theme.ThemeConfig:
    """Typography, colours and sizes every chart of the report shares."""
    return {
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": {
            "background": "transparent",
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 300},
            "range": {"category": PALETTE},
            "title": {
                "anchor": "start",
                "fontSize": 16,
                "fontWeight": 600,
                "color": TEXT,
                "subtitleColor": MUTED,
                "subtitleFontSize": 12,
                "offset": 12,
            },
            "axis": {
                "labelColor": MUTED,
                "titleColor": MUTED,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "gridColor": "#dddddd",
                "domainColor": "#999999",
                "tickColor": "#999999",
            },
            "legend": {"labelColor": MUTED, "titleColor": MUTED, "labelFontSize": 11, "orient": "top"},
            "header": {"labelColor": TEXT, "titleColor": TEXT},
            "text": {"color": TEXT},
        },
    }


def _in_colab() -> bool:
    import sys

    return "google.colab" in sys.modules


# In the book, JupyterLab and Binder, charts draw from the Vega bundle the site serves (or the
# one JupyterLab ships). Colab has neither, so there Altair's own renderer fetches Vega online.
if not _in_colab():
    alt.renderers.enable("bolivia_us")


def finish(chart: alt.TopLevelMixin, *, title: str, subtitle: str | None = None, source: str, description: str) -> alt.TopLevelMixin:
    """Give a chart its finding as a title, its source line underneath and a screen-reader text.

    ``title`` states what the chart shows ("Aid collapsed after 2008"), ``source`` names where the
    numbers come from, and ``description`` says in words what a sighted reader would see.
    """
    if not source.strip():
        raise ValueError("every chart needs a source line")
    if not description.strip():
        raise ValueError("every chart needs a text description for screen readers")
    props = dict(
        title=alt.TitleParams(text=title, subtitle=subtitle or alt.Undefined),
        description=description,
        usermeta={"source": source},
    )
    if isinstance(chart, (alt.Chart, alt.LayerChart)):
        props["width"] = "container"  # fill the column, down to a phone's width
    return chart.properties(**props)


def with_start_date(frame: pd.DataFrame, date_col: str = "date", precision_col: str = "date_precision") -> pd.DataFrame:
    """Add ``start``: the first day each partially known date can mean, for placing it on a time axis."""
    out = frame.copy()
    out["start"] = pd.to_datetime(
        [parse_partial_date(d, p) for d, p in zip(out[date_col], out[precision_col])]
    )
    return out


CATEGORIES = ["diplomacy", "coups-politics", "drugs", "trade-investment", "aid", "security"]
CATEGORY_LABELS = {
    "diplomacy": "Diplomacy",
    "coups-politics": "Coups and politics",
    "drugs": "Drugs",
    "trade-investment": "Trade and investment",
    "aid": "Aid",
    "security": "Security",
}


def era_bands(eras: pd.DataFrame) -> alt.Chart:
    """Shaded background bands, one per era, labelled with the era's title."""
    bands = eras.assign(
        band_start=pd.to_datetime(eras["start_year"].astype(str) + "-01-01"),
        band_end=pd.to_datetime(eras["end_year"].astype(str) + "-12-31"),
        shade=[i % 2 for i in range(len(eras))],
    )[["era_id", "title", "band_start", "band_end", "shade"]]
    rect = alt.Chart(bands).mark_rect(opacity=0.35).encode(
        x="band_start:T",
        x2="band_end:T",
        color=alt.Color("shade:N", scale=alt.Scale(range=["#e8e8e8", "#f6f6f6"]), legend=None),
        tooltip=[alt.Tooltip("title:N", title="Era")],
    )
    return rect


def events_timeline(events: pd.DataFrame, eras: pd.DataFrame) -> alt.LayerChart:
    """Every event as a dot on a time axis, one row per category, over shaded eras.

    The legend filters by category (click; shift-click for several) and a dropdown under the chart
    picks an era; hovering a dot shows the event, its summary and its source.
    """
    data = with_start_date(events).merge(
        eras[["era_id", "title"]].rename(columns={"era_id": "era", "title": "era_title"}), on="era"
    )
    data["category_label"] = data["category"].map(CATEGORY_LABELS)
    data = data[["start", "date", "category_label", "era", "era_title", "title", "summary", "source_title"]]
    labels = [CATEGORY_LABELS[c] for c in CATEGORIES]
    pick_category = alt.selection_point(fields=["category_label"], bind="legend", name="category")
    pick_era = alt.param(
        name="era_choice",
        value="all",
        bind=alt.binding_select(
            options=["all", *eras["era_id"]], labels=["All eras", *eras["title"]], name="Era: "
        ),
    )
    dots = (
        alt.Chart(data)
        .mark_point(filled=True, size=80)
        .encode(
            x=alt.X("start:T", title=None, axis=alt.Axis(format="%Y", labelOverlap=True)),
            y=alt.Y("category_label:N", title=None, sort=labels),
            color=alt.Color(
                "category_label:N",
                sort=labels,
                legend=alt.Legend(title="Category (click to filter)", columns=3),
            ),
            shape=alt.Shape("category_label:N", sort=labels, legend=None),
            opacity=alt.condition(pick_category, alt.value(0.9), alt.value(0.08)),
            tooltip=[
                alt.Tooltip("date:N", title="Date"),
                alt.Tooltip("title:N", title="Event"),
                alt.Tooltip("summary:N", title="What happened"),
                alt.Tooltip("era_title:N", title="Era"),
                alt.Tooltip("source_title:N", title="Source"),
            ],
        )
        .add_params(pick_category, pick_era)
        .transform_filter("era_choice == 'all' || datum.era == era_choice")
    )
    return alt.layer(era_bands(eras), dots).resolve_scale(color="independent").properties(height=260)
