"""High-level contacts: who travelled to whom, on one time axis, with the gaps left visible."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import CONTACT_DIRECTIONS, CONTACT_KINDS, CONTACT_RECORDS
from ..frames.contacts import contacts_on_a_time_axis
from .encodings import CONTACT_SHAPES, year_axis
from .labels import label
from .style import MUTED, PALETTE

TOOLTIP = [
    alt.Tooltip("start_date:N", title=label("From")),
    alt.Tooltip("end_date:N", title=label("To")),
    alt.Tooltip("person:N", title=label("Who")),
    alt.Tooltip("role:N", title=label("Office")),
    alt.Tooltip("place:N", title=label("Where")),
    alt.Tooltip("kind_label:N", title=label("Kind")),
    alt.Tooltip("description:N", title=label("What happened")),
    alt.Tooltip("source_title:N", title=label("Source")),
]


def contact_marks(data: pd.DataFrame, x: alt.X) -> alt.Chart:
    """One mark per contact: the row says where it took place, the shape its kind, a filled mark
    the Office of the Historian's record and a hollow one a press report."""
    kinds = [k for k in CONTACT_KINDS.values() if k in set(data["kind_label"])]
    records = list(CONTACT_RECORDS.values())
    return (
        alt.Chart(data)
        .mark_point(size=90, strokeWidth=1.8, filled=True)
        .encode(
            x=x,
            y=alt.Y("where:N", title=None, sort=list(CONTACT_DIRECTIONS.values())),
            shape=alt.Shape(
                "kind_label:N",
                title=label("Kind"),
                scale=alt.Scale(
                    domain=kinds, range=[CONTACT_SHAPES[list(CONTACT_KINDS.values()).index(k)] for k in kinds]
                ),
                legend=alt.Legend(symbolStrokeColor=MUTED, symbolFillColor=MUTED, symbolOpacity=1, columns=1),
            ),
            # Filled or hollow, blue or orange: the record. The caption says so; a second legend
            # would sit beside the first and run off a phone's screen.
            color=alt.Color(
                "record_label:N", legend=None, scale=alt.Scale(domain=records, range=[PALETTE[0], PALETTE[5]])
            ),
            stroke=alt.Color(
                "record_label:N", legend=None, scale=alt.Scale(domain=records, range=[PALETTE[0], PALETTE[5]])
            ),
            # and filled (the record) or hollow (a press report): not colour alone
            fillOpacity=alt.FillOpacity(
                "record_label:N", legend=None, scale=alt.Scale(domain=records, range=[0.85, 0])
            ),
            tooltip=TOOLTIP,
        )
    )


def contacts_chart(contacts: pd.DataFrame, series_end: str) -> alt.LayerChart:
    """Every contact on one time axis, one row per place (in the United States, in Bolivia,
    elsewhere); a dashed rule marks ``series_end``, the last date the official series cover."""
    data = contacts_on_a_time_axis(contacts)
    keep = ["start", "start_date", "end_date", "person", "role", "place", "where", "kind_label", "record"]
    keep += ["record_label", "description", "source_title"]
    data = data[keep]
    x = alt.X("start:T", title=None, axis=year_axis(data["start"]))
    # Inline values, not a dataset: the chart's CSV downloads offer only the contacts.
    end = alt.Data(values=[{"when": series_end, "label": label("Official series end")}])
    rule = alt.Chart(end).mark_rule(color=MUTED, strokeDash=[4, 3]).encode(x="when:T")
    end_label = (
        alt.Chart(end)
        .mark_text(align="right", dx=-4, dy=-6, baseline="bottom", fontSize=10, color=MUTED)
        .encode(x="when:T", y=alt.value(0), text="label:N")
    )
    return alt.layer(rule, end_label, contact_marks(data, x)).properties(height=170)
