"""People over time: presidents, envoys and the envoys' journeys to their posts."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import (
    COUNTRY_NAMES,
    PATH_LABELS,
    PATH_NOT_STATED,
    PATHS,
    RANK_LABELS,
    RANKS,
    US_ENVOY_DIRECTIONS,
    envoy_rank,
)
from ..frames import first_day
from ..language import say
from .blocks import terms_chart
from .encodings import PATH_COLOURS, PATH_SHAPES, RANK_COLOURS, RANK_SHAPES
from .labels import label
from .style import PALETTE, TEXT


def envoys_chart(envoys: pd.DataFrame, until) -> alt.LayerChart:
    """U.S. chiefs of mission as bars over time, coloured by rank, from credentials to departure."""
    us = envoys[envoys["direction"].isin(US_ENVOY_DIRECTIONS)].copy()
    us["rank"] = us["title"].map(envoy_rank).map(RANK_LABELS)
    us["start"] = us["credentials_presented"].fillna(us["appointed"])
    us["row"] = say("U.S. chief of mission in La Paz", "Jefe de misión de EE. UU. en La Paz")
    return terms_chart(
        us,
        start="start",
        end="mission_ended",
        label="name",
        row="row",
        color="rank",
        color_title=say("Rank", "Rango"),
        until=until,
        domain=[RANK_LABELS[r] for r in RANKS],
        colours=RANK_COLOURS,
        shapes=RANK_SHAPES,
    ).properties(height=70)


def leaders_chart(leaders: pd.DataFrame, until) -> alt.LayerChart:
    """Presidents of both countries as bars over time, coloured by how each came to power."""
    main = leaders[leaders["record"] == "main"].copy()
    main["path_to_power"] = main["path_to_power"].fillna(PATH_NOT_STATED).map(PATH_LABELS)
    main["row"] = main["country"].map(COUNTRY_NAMES)
    return terms_chart(
        main,
        start="term_start",
        end="term_end",
        label="name",
        row="row",
        color="path_to_power",
        color_title=say("Came to power by", "Llegó al poder por"),
        until=until,
        domain=[PATH_LABELS[p] for p in PATHS],
        colours=PATH_COLOURS,
        shapes=PATH_SHAPES,
    ).properties(height=110)


def envoy_journeys(envoys: pd.DataFrame) -> alt.LayerChart:
    """One row per envoy: a light bar from appointment to credentials (the journey and the wait),
    then a dark bar from credentials to the end of the mission. Partial dates sit on their first day."""
    data = envoys.copy()
    data["appointed_day"] = data["appointed"].map(first_day)
    data["credentials_day"] = data["credentials_presented"].map(first_day)
    data["ended_day"] = data["mission_ended"].map(first_day)
    data["label"] = data["name"] + " (" + data["title"] + ")"
    data["wait_days"] = (data["credentials_day"] - data["appointed_day"]).dt.days
    keep = [
        "label",
        "appointed",
        "credentials_presented",
        "mission_ended",
        "end_note",
        "source_title",
        "appointed_day",
        "credentials_day",
        "ended_day",
        "wait_days",
    ]
    # Each envoy's name is written above their bars, not beside them as an axis label: the bars
    # keep the chart's whole width, on a phone too.
    base = alt.Chart(data[keep]).encode(
        y=alt.Y("label:N", title=None, sort=alt.SortField("appointed_day"), axis=None),
        tooltip=[
            alt.Tooltip("label:N", title=label("Envoy")),
            alt.Tooltip("appointed:N", title=label("Appointed")),
            alt.Tooltip("credentials_presented:N", title=label("Received")),
            alt.Tooltip("wait_days:Q", title=label("Days from appointment to reception")),
            alt.Tooltip("mission_ended:N", title=label("Mission ended")),
            alt.Tooltip("end_note:N", title=label("How it ended")),
            alt.Tooltip("source_title:N", title=label("Source")),
        ],
    )
    wait = base.mark_bar(height=9, color=PALETTE[1], opacity=0.55, yOffset=6).encode(
        x=alt.X("appointed_day:T", title=None, axis=alt.Axis(format="%Y", labelOverlap=True)), x2="credentials_day:T"
    )
    post = base.mark_bar(height=9, color=PALETTE[0], yOffset=6).encode(x="credentials_day:T", x2="ended_day:T")
    names = base.mark_text(align="left", baseline="bottom", fontSize=11, color=TEXT, limit=alt.expr("width")).encode(
        x=alt.value(0), text="label:N"
    )
    return alt.layer(wait, post, names).properties(height=alt.Step(34))
