"""Coca cultivation by source, with the legal limits."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import BOUNDS, COCA_SERIES
from ..frames import year_to_date
from .blocks import lines_over_time
from .labels import label


def coca_chart(coca: pd.DataFrame, limits: pd.DataFrame | None = None) -> alt.LayerChart:
    """Coca cultivation in hectares, one line per source, with the legal limits as steps.

    Rows marked ``lower`` (an "at least" figure) or ``approx`` (converted from acres) are drawn as
    hollow points so the reader sees they are not exact; the tooltip says which.
    """
    data = coca.copy()
    data["source_series"] = data["series"].map(COCA_SERIES).fillna(data["series"])
    data["bound_label"] = data["bound"].map(BOUNDS)  # what the reader sees; the marks test the code
    # One value per year and series for the line: where a source revised a year, both readings
    # are rows in the data; the line follows the first listed and the points show every reading.
    lines = lines_over_time(
        data.drop_duplicates(["year", "series"]),
        year="year",
        value="hectares",
        series="source_series",
        value_title=label("Hectares"),
        series_title=label("Estimate by"),
        extra_tooltip={"bound_label": label("Exact, lower bound or approximate")},
        domain=list(COCA_SERIES.values()),
    )
    points = (
        alt.Chart(
            data.assign(when=year_to_date(data["year"]))[
                ["when", "year", "hectares", "source_series", "bound", "bound_label", "source_title"]
            ]
        )
        .mark_point(size=40)
        .encode(
            x="when:T",
            y="hectares:Q",
            color=alt.Color("source_series:N", legend=None),  # the lines' legend names the series
            fill=alt.condition("datum.bound == 'exact'", alt.Color("source_series:N", legend=None), alt.value("white")),
            tooltip=[
                alt.Tooltip("year:O", title=label("Year")),
                alt.Tooltip("hectares:Q", format=",.0f", title=label("Hectares")),
                alt.Tooltip("source_series:N", title=label("Estimate by")),
                alt.Tooltip("bound_label:N", title=label("Exact, lower bound or approximate")),
                alt.Tooltip("source_title:N", title=label("Source")),
            ],
        )
    )
    layers = [lines, points]
    if limits is not None and len(limits):
        lim = limits.copy()
        first, last = pd.Timestamp(int(data["year"].min()), 1, 1), pd.Timestamp(int(data["year"].max()), 12, 31)
        # Draw each limit only over the years the chart shows, so it does not stretch the axis.
        lim["from"] = pd.to_datetime(lim["from_date"]).clip(lower=first)
        lim["to"] = pd.to_datetime(lim["to_date"]).fillna(last).clip(upper=last)
        lim = lim[lim["from"] < lim["to"]]
        layers.append(
            alt.Chart(lim[["from", "to", "hectares", "law", "source_title"]])
            .mark_rule(color="#b00020", strokeWidth=2, strokeDash=[6, 3])
            .encode(
                x="from:T",
                x2="to:T",
                y="hectares:Q",
                tooltip=[
                    alt.Tooltip("law:N", title=label("Legal limit")),
                    alt.Tooltip("hectares:Q", format=",.0f"),
                    alt.Tooltip("source_title:N", title=label("Source")),
                ],
            )
        )
    return alt.layer(*layers)
