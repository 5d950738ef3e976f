"""The events timeline: every event of the report, by category, over the eras."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import CATEGORIES, CATEGORY_LABELS
from ..frames import with_start_date
from .blocks import era_bands
from .encodings import category_scales, year_axis
from .labels import label


def events_timeline(events: pd.DataFrame, eras: pd.DataFrame, *, only_era: str | None = None) -> alt.LayerChart:
    """Every event as a dot on a time axis, one row per category, over shaded eras.

    The legend filters by category (click; shift-click for several) and, for the whole period, a
    dropdown under the chart picks an era; hovering a dot shows the event, its summary and its
    source. ``only_era`` draws one era's events alone (a chapter's own timeline).
    """
    if only_era is not None:
        if only_era not in set(eras["era_id"]):
            raise KeyError(f"no era {only_era!r}")
        events = events[events["era"] == only_era]
        eras = eras[eras["era_id"] == only_era]
    data = with_start_date(events).merge(
        eras[["era_id", "title"]].rename(columns={"era_id": "era", "title": "era_title"}), on="era"
    )
    data["category_label"] = data["category"].map(CATEGORY_LABELS)
    data = data[["start", "date", "category_label", "era", "era_title", "title", "summary", "source_title"]]
    labels = [CATEGORY_LABELS[c] for c in CATEGORIES]
    colours, shapes = category_scales()
    legend = alt.Legend(title=label("Category"), columns=2)
    pick_category = alt.selection_point(fields=["category_label"], bind="legend", name="category")
    pick_era = alt.param(
        name="era_choice",
        value="all",
        bind=alt.binding_select(
            options=["all", *eras["era_id"]], labels=[label("All eras"), *eras["title"]], name=label("Era: ")
        ),
    )
    dots = (
        alt.Chart(data)
        .mark_point(filled=True, size=80)
        .encode(
            x=alt.X("start:T", title=None, axis=year_axis(data["start"])),
            y=alt.Y("category_label:N", title=None, sort=labels),
            # one legend for colour and symbol: the same field, domain and legend merge them
            color=alt.Color("category_label:N", scale=colours, legend=legend),
            shape=alt.Shape("category_label:N", scale=shapes, legend=legend),
            opacity=alt.condition(pick_category, alt.value(0.9), alt.value(0.08)),
            tooltip=[
                alt.Tooltip("date:N", title=label("Date")),
                alt.Tooltip("title:N", title=label("Event")),
                alt.Tooltip("summary:N", title=label("What happened")),
                alt.Tooltip("era_title:N", title=label("Era")),
                alt.Tooltip("source_title:N", title=label("Source")),
            ],
        )
    )
    if only_era is None:
        dots = dots.add_params(pick_category, pick_era).transform_filter(
            "era_choice == 'all' || datum.era == era_choice"
        )
        return alt.layer(era_bands(eras), dots).properties(height=260)
    return dots.add_params(pick_category).properties(height=240)
