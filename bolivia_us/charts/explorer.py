"""The explorer: every yearly series of the report in one tidy table, and two ways to browse it.

``explorer_chart`` works in the static book (Altair controls, no kernel). ``widget_explorer``
builds ipywidgets controls for people running a kernel (Binder, JupyterLab); the book removes its
output, because widgets need a live kernel to respond.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..frames import with_missing_years, year_to_date
from ..language import say
from .labels import label
from .style import PALETTE, finish


def units_title(table: pd.DataFrame) -> str:
    """An axis title naming the unit of each kind of series: "million current USD (trade), ..."."""
    pairs = table[["topic", "unit"]].drop_duplicates()
    return "; ".join(f"{unit} ({topic})" for topic, unit in zip(pairs["topic"], pairs["unit"], strict=True))


def explorer_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Pick a series from a menu and a span of years with two sliders; no kernel needed."""
    series = sorted(table["series"].unique())
    first, last = int(table["year"].min()), int(table["year"].max())
    pick = alt.param(name="series_choice", value=series[0], bind=alt.binding_select(options=series, name="Series: "))
    start = alt.param(name="from_year", value=first, bind=alt.binding_range(min=first, max=last, step=1, name="From: "))
    end = alt.param(name="to_year", value=last, bind=alt.binding_range(min=first, max=last, step=1, name="To: "))
    # Years a series lacks become empty rows, so its line breaks there (nothing is filled in).
    data = with_missing_years(table, "year", "series")
    data = data.assign(when=year_to_date(data["year"]))
    base = (
        alt.Chart(data)
        .transform_filter("datum.series == series_choice && datum.year >= from_year && datum.year <= to_year")
        .encode(
            x=alt.X("when:T", title=None, axis=alt.Axis(format="%Y")),
            y=alt.Y("value:Q", title=units_title(table)),
            tooltip=[
                alt.Tooltip("series:N", title=label("series")),
                alt.Tooltip("year:O", title=label("Year")),
                alt.Tooltip("value:Q", format=",.1f"),
                alt.Tooltip("unit:N", title=label("unit")),
                alt.Tooltip("source_title:N", title=label("Source")),
            ],
        )
    )
    return alt.layer(
        base.mark_line(strokeWidth=2, color=PALETTE[0]),
        base.mark_point(filled=True, size=40, color=PALETTE[0]),
    ).add_params(pick, start, end)


def widget_explorer(table: pd.DataFrame):
    """ipywidgets controls (series, years) driving a chart and a table; needs a running kernel."""
    import ipywidgets as widgets
    from IPython.display import display

    series = widgets.Dropdown(options=sorted(table["series"].unique()), description=say("Series", "Serie"))
    years = widgets.IntRangeSlider(
        value=(int(table["year"].min()), int(table["year"].max())),
        min=int(table["year"].min()),
        max=int(table["year"].max()),
        description=say("Years", "Años"),
    )
    out = widgets.Output()

    def draw(*_):
        rows = table[(table["series"] == series.value) & table["year"].between(*years.value)]
        with out:
            out.clear_output(wait=True)
            if rows.empty:
                span = f"{years.value[0]}–{years.value[1]}"
                print(say(f"No values for {series.value} in {span}.", f"No hay valores de {series.value} en {span}."))
                return
            # Years without a value become empty rows, so the line breaks there instead of
            # bridging the gap (nothing is filled in).
            drawn = with_missing_years(rows, "year")
            unit = rows["unit"].iloc[0]
            gaps = int(drawn["missing"].sum())
            display(
                finish(
                    alt.Chart(drawn)
                    .mark_line(point=True, color=PALETTE[0])
                    .encode(
                        x=alt.X("year:Q", title=None, axis=alt.Axis(format="d")),
                        y=alt.Y("value:Q", title=unit),
                        tooltip=[
                            alt.Tooltip("year:Q", title=label("year")),
                            alt.Tooltip("value:Q", title=label("value")),
                            alt.Tooltip("source_title:N", title=label("source_title")),
                        ],
                    ),
                    title=series.value,
                    subtitle=say(f"{len(rows)} yearly values, {unit}", f"{len(rows)} valores anuales, {unit}")
                    + (say(f"; {gaps} years without one", f"; {gaps} años sin valor") if gaps else ""),
                    source="; ".join(sorted(rows["source_title"].unique())),
                    description=f"{series.value}, {years.value[0]}–{years.value[1]}",
                )
            )
            display(rows[["year", "value", "unit", "source_title"]].reset_index(drop=True))

    series.observe(draw, "value")
    years.observe(draw, "value")
    draw()
    return widgets.VBox([widgets.HBox([series, years]), out])
