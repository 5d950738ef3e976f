"""Building blocks that the dataset charts share: era bands, event rules, lines over the years and
terms as bars."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import PHRASES
from ..frames import first_day, with_missing_years, with_start_date, year_to_date
from .encodings import DASH_PATTERNS, legend_columns
from .labels import label as chart_word  # `label` is a parameter of terms_chart
from .style import MUTED, PALETTE


def era_bands(eras: pd.DataFrame) -> alt.Chart:
    """Background bands, one per era, parted by a white line; hovering a band names its era."""
    bands = eras.assign(
        band_start=pd.to_datetime(eras["start_year"].astype(str) + "-01-01"),
        band_end=pd.to_datetime(eras["end_year"].astype(str) + "-12-31"),
    )[["era_id", "title", "band_start", "band_end"]]
    return (
        alt.Chart(bands)
        .mark_rect(color="#ececec", opacity=0.6, stroke="white", strokeWidth=3)
        .encode(x="band_start:T", x2="band_end:T", tooltip=[alt.Tooltip("title:N", title=chart_word("Era"))])
    )


def event_rules(events: pd.DataFrame, labels: dict[str, str] | list[str]) -> alt.LayerChart:
    """Vertical rules with short labels for chosen events, to annotate a time chart.

    ``labels`` maps event ids to the short label drawn on the chart (a list uses the events'
    titles). The events come from the events dataset, so each annotation's tooltip names its source.
    """
    if not isinstance(labels, dict):
        labels = {i: None for i in labels}
    chosen = with_start_date(events[events["event_id"].isin(list(labels))])
    unknown = sorted(set(labels) - set(chosen["event_id"]))
    if unknown:
        import difflib

        hints = []
        for wrong in unknown:
            close = difflib.get_close_matches(wrong, list(events["event_id"]), n=3)
            hints.append(f"{wrong!r}" + (f" (did you mean {', '.join(map(repr, close))}?)" if close else ""))
        raise KeyError(
            f"no events with ids {', '.join(hints)}. Event ids are the 'event_id' column of the events "
            "dataset: load_dataset('events')[['event_id', 'date', 'title']] lists them."
        )
    chosen["label"] = [labels[i] or t for i, t in zip(chosen["event_id"], chosen["title"], strict=False)]
    chosen = chosen.sort_values("start")
    chosen["label_y"] = [2 + 13 * (i % 3) for i in range(len(chosen))]  # stagger neighbouring labels
    chosen = chosen[["start", "date", "title", "source_title", "label", "label_y"]]
    tooltip = [
        alt.Tooltip("date:N", title=chart_word("Date")),
        alt.Tooltip("title:N", title=chart_word("Event")),
        alt.Tooltip("source_title:N", title=chart_word("Source")),
    ]
    rule = alt.Chart(chosen).mark_rule(color=MUTED, strokeDash=[3, 3]).encode(x="start:T", tooltip=tooltip)
    # A label sits right of its rule, or left of it where it would run past the chart's right edge
    # (about 6 px a character at 10 px).
    past_edge = "scale('x', datum.start) + 6 * length(datum.label) + 6 > width"
    text = (
        alt.Chart(chosen)
        .mark_text(
            align=alt.expr(f"{past_edge} ? 'right' : 'left'"),
            dx=alt.expr(f"{past_edge} ? -3 : 3"),
            baseline="top",
            dy=2,
            fontSize=10,
            color=MUTED,
            angle=0,
        )
        .encode(x="start:T", y=alt.Y("label_y:Q", scale=None, axis=None), text="label:N", tooltip=tooltip)
    )
    return rule + text


def annotate(chart: alt.TopLevelMixin, events: pd.DataFrame, labels: dict[str, str] | list[str]) -> alt.LayerChart:
    """Layer dashed, labelled rules for chosen events over a time chart.

    ``labels`` maps an event's id to the short label drawn on the chart, for example
    ``{"1952-mnr-revolution": "1952 revolution"}``; a list of ids uses the events' own titles.
    The ids are the ``event_id`` column of the events dataset: to find one, list
    ``events[["event_id", "date", "title"]]`` (or filter it, e.g. ``events[events["era"] == "drug-war"]``).
    """
    return alt.layer(chart, event_rules(events, labels))


def lines_over_time(
    data: pd.DataFrame,
    *,
    year: str,
    value: str,
    series: str,
    value_title: str,
    series_title: str,
    value_format: str = ",.0f",
    extra_tooltip: dict[str, str] | None = None,  # column -> its title in the tooltip
    domain: list[str] | None = None,
    colours: list[str] | None = None,
    dashes: list[list[int]] | None = None,
) -> alt.Chart:
    """One line per series over the years, broken wherever a year has no value.

    ``domain`` fixes the series' order, colours and dashes (the house palette and Vega-Lite's
    dashes unless ``colours`` and ``dashes`` give one per series).

    Click a series in the legend to pick it out. Hovering a point shows the year, the value, the
    series and its source (when ``source_title`` is a column).
    """
    filled = with_missing_years(data, year, series)
    filled["when"] = year_to_date(filled[year])
    pick = alt.selection_point(fields=[series], bind="legend")
    tooltip = [
        alt.Tooltip(f"{year}:O", title=chart_word("Year")),
        alt.Tooltip(f"{value}:Q", title=value_title, format=value_format),
        alt.Tooltip(f"{series}:N", title=series_title),
    ]
    tooltip += [alt.Tooltip(f"{c}:N", title=t) for c, t in (extra_tooltip or {}).items()]
    if "source_title" in filled.columns:
        tooltip.append(alt.Tooltip("source_title:N", title=chart_word("Source")))
    keep = [
        "when",
        year,
        value,
        series,
        *(extra_tooltip or []),
        *(["source_title"] if "source_title" in filled.columns else []),
    ]
    legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5, columns=legend_columns(filled[series], domain))
    return (
        alt.Chart(filled[keep])
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("when:T", title=None, axis=alt.Axis(format="%Y")),
            y=alt.Y(f"{value}:Q", title=value_title),
            color=alt.Color(
                f"{series}:N",
                title=series_title,
                legend=legend,
                # a fixed domain keeps each series in the same colour in every chart
                scale=alt.Scale(domain=domain, range=colours or PALETTE[: len(domain)]) if domain else alt.Undefined,
            ),
            # and in the same dash pattern, shown in the legend too: colour is not the only cue
            strokeDash=alt.StrokeDash(
                f"{series}:N",
                title=series_title,
                legend=legend,
                scale=alt.Scale(domain=domain, range=dashes or DASH_PATTERNS[: len(domain)])
                if domain
                else alt.Undefined,
            ),
            opacity=alt.condition(pick, alt.value(1), alt.value(0.15)),
            tooltip=tooltip,
        )
        .add_params(pick)
    )


def terms_chart(
    terms: pd.DataFrame,
    *,
    start: str,
    end: str,
    label: str,
    row: str,
    color: str,
    color_title: str,
    until,
    domain: list[str],
    colours: list[str],
    shapes: list[str],
) -> alt.LayerChart:
    """Horizontal bars from ``start`` to ``end`` (an open term runs to ``until``), one row per ``row`` value.

    Each term also starts with a marker whose shape, like the bar's colour, says its ``color``
    category: colour is never the only way to tell the categories apart.
    """
    out = terms.copy()
    out["from"] = out[start].map(first_day)
    out["to"] = out[end].map(first_day).fillna(pd.Timestamp(until))
    out["until"] = out[end].fillna(PHRASES["no-end-date"])  # drawn to `until`, not known to be ongoing
    pick = alt.selection_point(fields=[color], bind="legend")
    legend = alt.Legend(title=color_title, columns=legend_columns(out[color], domain))
    category = alt.Color(f"{color}:N", title=color_title, scale=alt.Scale(domain=domain, range=colours), legend=legend)
    base = alt.Chart(
        out[["from", "to", start, "until", label, row, color] + (["source_title"] if "source_title" in out else [])]
    ).encode(
        x=alt.X("from:T", title=None, axis=alt.Axis(format="%Y", labelOverlap=True, labelSeparation=6)),
        # a single row needs no label (the chart's subtitle names it), which leaves a phone more width
        y=alt.Y(f"{row}:N", title=None, axis=None if out[row].nunique() == 1 else alt.Axis()),
        color=category,
        opacity=alt.condition(pick, alt.value(0.9), alt.value(0.12)),
        tooltip=[
            alt.Tooltip(f"{label}:N", title=chart_word("Name")),
            alt.Tooltip(f"{start}:N", title=chart_word("From")),
            alt.Tooltip("until:N", title=chart_word("Until")),
            alt.Tooltip(f"{color}:N", title=color_title),
        ]
        + ([alt.Tooltip("source_title:N", title=chart_word("Source"))] if "source_title" in out else []),
    )
    bars = base.mark_bar(height=12, cornerRadius=2).encode(x2="to:T").add_params(pick)
    starts = base.mark_point(filled=True, size=50, stroke="white", strokeWidth=0.8, yOffset=-11).encode(
        shape=alt.Shape(f"{color}:N", title=color_title, scale=alt.Scale(domain=domain, range=shapes), legend=legend),
    )
    return alt.layer(bars, starts)
