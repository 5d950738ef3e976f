"""Bolivians' views of the United States, poll by poll."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import ANSWERS, opinion_measures
from .labels import label
from .style import PALETTE, TEXT


def opinion_chart(opinion: pd.DataFrame) -> alt.LayerChart:
    """Bolivians' views of the United States: one row per poll question, one dot per answer.

    Questions that measure different things (opinion of the country, its influence, approval of
    its leadership) never share a row; each row is headed by what it measures, the pollster and
    the year, and all rows share one scale of per cent of respondents.
    """
    measures = opinion_measures()  # in the order the schema lists them (datapackage.json)
    data = opinion.assign(
        answer=opinion["response"].map(ANSWERS).fillna(opinion["response"]),
        row=opinion["measure"] + ": " + opinion["pollster"].str.split(" ").str[0] + ", " + opinion["year"].astype(str),
        order=opinion["measure"].map({m: i for i, m in enumerate(measures)}).fillna(len(measures)) * 10000
        + opinion["year"],
    )
    answers = [a for a in ANSWERS.values() if a in set(data["answer"])] + sorted(
        set(data["answer"]) - set(ANSWERS.values())
    )
    rows = data[["row", "order", "measure", "year", "pollster", "question", "answer", "percent", "source_title"]]
    base = alt.Chart(rows).encode(
        y=alt.Y("row:N", title=None, sort=alt.SortField("order"), axis=None),
        tooltip=[
            alt.Tooltip("measure:N", title=label("Measures")),
            alt.Tooltip("year:O", title=label("Year")),
            alt.Tooltip("pollster:N", title=label("Pollster")),
            alt.Tooltip("question:N", title=label("Question")),
            alt.Tooltip("answer:N", title=label("Answer")),
            alt.Tooltip("percent:Q", title=label("Per cent")),
            alt.Tooltip("source_title:N", title=label("Source")),
        ],
    )
    legend = alt.Legend(title=label("Answer"), columns=1)
    dots = base.mark_point(filled=True, size=110, opacity=0.95, yOffset=7).encode(
        x=alt.X("percent:Q", title=label("Per cent of respondents"), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("answer:N", scale=alt.Scale(domain=answers, range=PALETTE[: len(answers)]), legend=legend),
        shape=alt.Shape("answer:N", scale=alt.Scale(domain=answers), legend=legend),
    )
    # Each row is headed by its question's measure, pollster and year, written above its dots.
    heads = (
        alt.Chart(rows)  # the same rows (one dataset, one CSV), one heading per row
        .transform_aggregate(groupby=["row", "order"])
        .mark_text(align="left", baseline="bottom", fontSize=11, color=TEXT, limit=alt.expr("width"))
        .encode(y=alt.Y("row:N", sort=alt.SortField("order"), axis=None), x=alt.value(0), text="row:N")
    )
    return alt.layer(dots, heads).properties(height=alt.Step(38))
