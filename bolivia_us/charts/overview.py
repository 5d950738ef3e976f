"""The overview's linked views: a timeline that drives the trade, aid and coca charts below it."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import AID_SOURCES, CATEGORIES, CATEGORY_LABELS, COCA_SERIES, TRADE_FLOWS, TRADE_SOURCES
from ..frames import with_missing_years, with_start_date, year_to_date
from ..frames.contacts import contacts_on_a_time_axis
from ..language import current
from .contacts import contact_marks
from .encodings import DASH_PATTERNS, DASHED, SOLID, TRADE_COLOURS, category_scales
from .labels import label
from .style import MUTED, PALETTE


def _panel_styles(topic: str, names) -> tuple[list[str], list[str], list[list[int]]]:
    """The overview's series in the colours and dashes of the chapters' own charts: trade by
    direction (exports blue, imports orange) then source (Census solid, IMF dashed); aid and coca
    in the order of ``aid_chart`` and ``coca_chart``."""
    names = sorted(names)
    if topic == "trade":
        imports, census = TRADE_FLOWS["us_imports"], f"({TRADE_SOURCES['census']})"
        domain = sorted(names, key=lambda n: (imports in n, census not in n))
        colours = [TRADE_COLOURS["imports" if imports in n else "exports"][0 if census in n else 1] for n in domain]
        dashes = [SOLID if census in n else DASHED for n in domain]
        return domain, colours, dashes
    order = {"aid": list(AID_SOURCES.values()), "coca": list(COCA_SERIES.values())}[topic]
    domain = sorted(names, key=lambda n: next((i for i, o in enumerate(order) if f"({o})" in n), len(order)))
    return domain, PALETTE[: len(domain)], DASH_PATTERNS[: len(domain)]


def linked_overview(
    events: pd.DataFrame, eras: pd.DataFrame, series: pd.DataFrame, contacts: pd.DataFrame | None = None
) -> alt.VConcatChart:
    """The timeline on top drives the charts below it, in the static page with no kernel.

    Brush a span of years on the timeline to zoom the trade, aid and coca charts to it; the era
    menu filters every chart to that era's years; a category picked in the legend shows only that
    category's events, on the timeline and as dashed rules on every chart below. ``series`` is
    ``frames.series.yearly_series()``; ``contacts`` (the contacts dataset) adds a panel of
    high-level visits under the timeline, which follows the same years.
    """
    labels = [CATEGORY_LABELS[c] for c in CATEGORIES]
    brush = alt.selection_interval(encodings=["x"], name="years")
    pick_category = alt.selection_point(fields=["category_label"], bind="legend", name="linked_category")
    pick_era = alt.param(
        name="linked_era",
        value="all",
        bind=alt.binding_select(
            options=["all", *eras["era_id"]], labels=[label("All eras"), *eras["title"]], name=label("Era: ")
        ),
    )
    era_years = " || ".join(
        f"(linked_era == '{e}' && datum.year >= {int(a)} && datum.year <= {int(b)})"
        for e, a, b in zip(eras["era_id"], eras["start_year"], eras["end_year"], strict=True)
    )
    in_era = f"linked_era == 'all' || {era_years}"
    dated = with_start_date(events)
    dated["category_label"] = dated["category"].map(CATEGORY_LABELS)
    dated["year"] = dated["start"].dt.year
    dated = dated[["start", "year", "date", "era", "category_label", "title", "source_title"]]
    # All four panels cover the same years, so a year sits at the same place in each: the whole
    # period, the era picked, or the years brushed. Each panel holds an invisible pair of marks at
    # the ends of that span (a panel stays empty before its first figure).
    first = min(int(dated["year"].min()), int(series["year"].min()))
    last = max(int(dated["year"].max()), int(series["year"].max()))
    spans = [("all", first, last)] + [
        (e, int(a), int(b)) for e, a, b in zip(eras["era_id"], eras["start_year"], eras["end_year"], strict=True)
    ]
    ends = [
        {"span": e, "when": f"{year}-{month_day}"}
        for e, a, b in spans
        for year, month_day in ((a, "01-01"), (b, "12-31"))
    ]
    # Inline values, not a dataset: the chart's CSV downloads offer only rows a reader can see.
    span_ends = (
        alt.Chart(alt.Data(values=ends))
        .mark_point(opacity=0)
        .encode(x=alt.X("when:T", title=None))
        .transform_filter("datum.span == linked_era")
    )
    events_dots = (
        alt.Chart(dated)
        .mark_point(filled=True, size=60)
        .encode(
            x=alt.X("start:T", title=label("Drag across the timeline to pick years"), axis=alt.Axis(format="%Y")),
            y=alt.Y("category_label:N", title=None, sort=labels),
            color=alt.Color("category_label:N", title=label("Category"), scale=category_scales()[0]),
            opacity=alt.condition(pick_category, alt.value(0.9), alt.value(0.08)),
            tooltip=[
                alt.Tooltip("date:N", title=label("Date")),
                alt.Tooltip("title:N", title=label("Event")),
                alt.Tooltip("source_title:N", title=label("Source")),
            ],
        )
        .add_params(brush, pick_category, pick_era)
        .transform_filter(in_era)
    )
    timeline = alt.layer(events_dots, span_ends).properties(height=170, width=520)
    data = series.drop(columns=["unit"])

    def panel(topic: str, title: str, unit: str) -> alt.LayerChart:
        rows = with_missing_years(data[data["topic"] == topic], "year", "series")  # gaps break the lines
        rows["when"] = year_to_date(rows["year"])
        # Aid and coca series differ only by source: their legends name the source alone, so they
        # fit a phone ("Coca cultivation (UNODC with Bolivia's government)" is 280 px long).
        source_only = "slice(datum.label, indexof(datum.label, '(') + 1, -1)" if topic != "trade" else alt.Undefined
        if topic == "trade" and current() == "es":
            # "Importaciones de EE. UU. desde Bolivia (FMI DOTS)" is 280 px long: the panel's title
            # says whose trade it is ("Comercio de EE. UU."), so its legend keeps the flow and source.
            source_only = (
                "replace(replace(replace(datum.label, ' desde Bolivia', ''), ' a Bolivia', ''), ' de EE. UU.', '')"
            )
        legend = alt.Legend(
            orient="bottom",
            labelLimit=300,
            columns=1,
            symbolType="stroke",
            symbolStrokeWidth=2.5,
            labelExpr=source_only,
        )
        domain, colours, dashes = _panel_styles(topic, rows["series"].dropna().unique())
        lines = (
            alt.Chart(rows)
            .mark_line(point=alt.OverlayMarkDef(size=14), clip=True)
            .encode(
                x=alt.X("when:T", title=None, axis=alt.Axis(format="%Y"), scale=alt.Scale(domain=brush)),
                y=alt.Y("value:Q", title=unit),
                color=alt.Color("series:N", title=title, legend=legend, scale=alt.Scale(domain=domain, range=colours)),
                strokeDash=alt.StrokeDash(
                    "series:N", title=title, legend=legend, scale=alt.Scale(domain=domain, range=dashes)
                ),
                tooltip=[
                    alt.Tooltip("series:N", title=label("series")),
                    alt.Tooltip("year:O", title=label("Year")),
                    alt.Tooltip("value:Q", format=",.1f", title=unit),
                    alt.Tooltip("source_title:N", title=label("Source")),
                ],
            )
            .transform_filter(in_era)
        )
        rules = (
            alt.Chart(dated)
            .mark_rule(strokeDash=[2, 3], opacity=0.5)
            .encode(
                x=alt.X("start:T", scale=alt.Scale(domain=brush)),
                color=alt.value(MUTED),
                tooltip=[alt.Tooltip("date:N", title=label("date")), alt.Tooltip("title:N", title=label("Event"))],
            )
            .transform_filter(pick_category)
            .transform_filter(in_era)
            .transform_filter("length(data('linked_category_store')) > 0")
        )
        return (
            alt.layer(lines, rules, span_ends)
            # the lines' colour and dash share one legend
            .resolve_scale(color="independent", strokeDash="independent")
            .properties(height=150, width=520)
        )

    panels = [timeline]
    if contacts is not None:
        visits = contacts_on_a_time_axis(contacts)
        visits = visits[
            ["start", "year", "start_date", "end_date", "person", "role", "place", "where"]
            + ["kind_label", "record", "record_label", "description", "source_title"]
        ]
        x = alt.X("start:T", title=None, axis=alt.Axis(format="%Y"), scale=alt.Scale(domain=brush))
        marks = (
            contact_marks(visits, x)
            .mark_point(size=60, strokeWidth=1.5, clip=True, filled=True)
            .transform_filter(in_era)
        )
        panels.append(
            alt.layer(marks, span_ends)
            .resolve_scale(color="independent", shape="independent")
            .properties(height=90, width=520)
        )
    return (
        alt.vconcat(
            *panels,
            panel("trade", label("Trade"), label("Million current USD")),
            panel(
                "aid",
                label("Aid, by source"),
                series.loc[series["topic"] == "aid", "unit"].iloc[0].replace("million", "Million"),
            ),
            panel("coca", label("Coca, estimated by"), label("Hectares")),
        )
        # each panel keeps its own legend (a shared dash scale made a fifth, stray legend)
        .resolve_scale(x="independent", color="independent", strokeDash="independent", shape="independent")
        .properties(autosize=alt.AutoSizeParams(type="pad"))
    )
