"""The house chart style, shared by every chapter.

Import this module once at the top of a notebook (``from bolivia_us import charts``) and every
Altair chart gets the report's theme, a renderer that draws offline in the built book and in a running kernel, and
the helpers below: a title that states the finding, a source line under the chart, and a text
description for screen readers.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .datasets import parse_partial_date
from .front_ends import use_house_renderer

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
            # Legends sit under the chart in two columns, so they fit a phone's width.
            "legend": {
                "labelColor": MUTED,
                "titleColor": MUTED,
                "labelFontSize": 11,
                "orient": "bottom",
                "columns": 2,
                "labelLimit": 240,
                "symbolLimit": 40,
            },
            "header": {"labelColor": TEXT, "titleColor": TEXT},
            "text": {"color": TEXT},
            # A missing value breaks a line instead of being bridged: gaps stay gaps. Marks are not
            # announced one by one to screen readers: each chart has a text description instead.
            "mark": {"invalid": "break-paths-filter-domains", "aria": False},
            "line": {"point": {"filled": True, "size": 18}},
        },
    }


# In the book, charts are drawn by the book's own script; in JupyterLab, Binder and Colab, as SVG.
use_house_renderer()


def finish(
    chart: alt.TopLevelMixin, *, title: str, subtitle: str | None = None, source: str, description: str
) -> alt.TopLevelMixin:
    """Give a chart its finding as a title, its source line underneath and a screen-reader text.

    ``title`` states what the chart shows ("Aid collapsed after 2008"), ``source`` names where the
    numbers come from, and ``description`` says in words what a sighted reader would see.
    """
    if not source.strip():
        raise ValueError("every chart needs a source line")
    if not description.strip():
        raise ValueError("every chart needs a text description for screen readers")
    props = dict(
        title=alt.TitleParams(
            text=_wrap(title, TITLE_CHARS), subtitle=_wrap(subtitle, SUBTITLE_CHARS) if subtitle else alt.Undefined
        ),
        description=description,
        usermeta={"source": source, "title": title, "subtitle": subtitle or ""},
    )
    if isinstance(chart, alt.Chart | alt.LayerChart):
        props["width"] = "container"  # fill the column, down to a phone's width
    return chart.properties(**props)


TITLE_CHARS = 58  # a title line longer than this would be cut off in the book's text column
SUBTITLE_CHARS = 90


def _wrap(text: str, width: int) -> list[str] | str:
    import textwrap

    lines = textwrap.wrap(text, width)
    return lines if len(lines) > 1 else text


def with_start_date(frame: pd.DataFrame, date_col: str = "date", precision_col: str = "date_precision") -> pd.DataFrame:
    """Add ``start``: the first day each partially known date can mean, for placing it on a time axis."""
    out = frame.copy()
    out["start"] = pd.to_datetime(
        [parse_partial_date(d, p) for d, p in zip(out[date_col], out[precision_col], strict=False)]
    )
    return out


CATEGORIES = ["diplomacy", "coups-politics", "drugs", "trade-investment", "aid", "security"]
CATEGORY_LABELS = {
    "diplomacy": "Diplomacy",
    "coups-politics": "Coups, politics",
    "drugs": "Drugs",
    "trade-investment": "Trade, investment",
    "aid": "Aid",
    "security": "Security",
}
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


def era_bands(eras: pd.DataFrame) -> alt.Chart:
    """Background bands, one per era, parted by a white line; hovering a band names its era."""
    bands = eras.assign(
        band_start=pd.to_datetime(eras["start_year"].astype(str) + "-01-01"),
        band_end=pd.to_datetime(eras["end_year"].astype(str) + "-12-31"),
    )[["era_id", "title", "band_start", "band_end"]]
    return (
        alt.Chart(bands)
        .mark_rect(color="#ececec", opacity=0.6, stroke="white", strokeWidth=3)
        .encode(x="band_start:T", x2="band_end:T", tooltip=[alt.Tooltip("title:N", title="Era")])
    )


def year_axis(dates: pd.Series, ticks: int = 8) -> alt.Axis:
    """A time axis labelled in whole years, about ``ticks`` of them: a span of a few years would
    otherwise get half-year ticks, each labelled with its year ("2020 2020 2021 2021")."""
    span = max(1, int(dates.max().year) - int(dates.min().year))
    step = max(1, round(span / ticks))
    return alt.Axis(format="%Y", labelOverlap=True, tickCount={"interval": "year", "step": step})


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
    legend = alt.Legend(title="Category", columns=2)
    pick_category = alt.selection_point(fields=["category_label"], bind="legend", name="category")
    pick_era = alt.param(
        name="era_choice",
        value="all",
        bind=alt.binding_select(options=["all", *eras["era_id"]], labels=["All eras", *eras["title"]], name="Era: "),
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
                alt.Tooltip("date:N", title="Date"),
                alt.Tooltip("title:N", title="Event"),
                alt.Tooltip("summary:N", title="What happened"),
                alt.Tooltip("era_title:N", title="Era"),
                alt.Tooltip("source_title:N", title="Source"),
            ],
        )
    )
    if only_era is None:
        dots = dots.add_params(pick_category, pick_era).transform_filter(
            "era_choice == 'all' || datum.era == era_choice"
        )
        return alt.layer(era_bands(eras), dots).properties(height=260)
    return dots.add_params(pick_category).properties(height=240)


def _legend_columns(values: pd.Series, domain: list[str] | None = None) -> int:
    """Two legend columns fit a phone only when the labels are short."""
    labels = list(domain or []) + [str(v) for v in values.dropna().unique()]
    return 1 if max((len(label) for label in labels), default=0) > 24 else 2


def year_to_date(years: pd.Series) -> pd.Series:
    """Calendar years as 1 January dates, to share a time axis with dated events."""
    return pd.to_datetime(years.astype("Int64").astype(str), format="%Y")


def with_missing_years(frame: pd.DataFrame, year_column: str, by: list[str] | str | None = None) -> pd.DataFrame:
    """Add an empty row for every year a series lacks between its first and last year.

    Nothing is filled in: the added rows hold missing values, so a line chart breaks there and
    shows the gap instead of drawing a straight line across it. ``missing`` marks the added rows.
    """
    by = [by] if isinstance(by, str) else (by or [])
    parts = []
    groups = frame.groupby(by, sort=False) if by else [((), frame)]
    for key, part in groups:
        years = part[year_column].dropna().astype(int)
        full = pd.DataFrame({year_column: range(years.min(), years.max() + 1)})
        if by:
            for col, value in zip(by, key if isinstance(key, tuple) else (key,), strict=False):
                full[col] = value
        merged = full.merge(part, on=[year_column, *by], how="left", indicator=True)
        merged["missing"] = merged.pop("_merge") == "left_only"
        parts.append(merged)
    out = pd.concat(parts, ignore_index=True)
    out[year_column] = out[year_column].astype("Int64")
    return out


def missing_years(frame: pd.DataFrame, year_column: str, value_column: str) -> list[int]:
    """The years between the first and last observation that have no value: to name gaps in the text."""
    have = frame.loc[frame[value_column].notna(), year_column].astype(int)
    return sorted(set(range(have.min(), have.max() + 1)) - set(have))


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
        alt.Tooltip("date:N", title="Date"),
        alt.Tooltip("title:N", title="Event"),
        alt.Tooltip("source_title:N", title="Source"),
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


def lines_over_time(
    data: pd.DataFrame,
    *,
    year: str,
    value: str,
    series: str,
    value_title: str,
    series_title: str,
    value_format: str = ",.0f",
    extra_tooltip: list[str] | None = None,
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
        alt.Tooltip(f"{year}:O", title="Year"),
        alt.Tooltip(f"{value}:Q", title=value_title, format=value_format),
        alt.Tooltip(f"{series}:N", title=series_title),
    ]
    tooltip += [alt.Tooltip(f"{c}:N") for c in (extra_tooltip or [])]
    if "source_title" in filled.columns:
        tooltip.append(alt.Tooltip("source_title:N", title="Source"))
    keep = [
        "when",
        year,
        value,
        series,
        *(extra_tooltip or []),
        *(["source_title"] if "source_title" in filled.columns else []),
    ]
    legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5, columns=_legend_columns(filled[series], domain))
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
    from .datasets import parse_partial_date, precision_of

    def first_day(text):
        return pd.NaT if pd.isna(text) else pd.Timestamp(parse_partial_date(text, precision_of(text)))

    out = terms.copy()
    out["from"] = out[start].map(first_day)
    out["to"] = out[end].map(first_day).fillna(pd.Timestamp(until))
    out["until"] = out[end].fillna("no end date in the sources")  # drawn to `until`, not known to be ongoing
    pick = alt.selection_point(fields=[color], bind="legend")
    legend = alt.Legend(title=color_title, columns=_legend_columns(out[color], domain))
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
            alt.Tooltip(f"{label}:N", title="Name"),
            alt.Tooltip(f"{start}:N", title="From"),
            alt.Tooltip("until:N", title="Until"),
            alt.Tooltip(f"{color}:N", title=color_title),
        ]
        + ([alt.Tooltip("source_title:N", title="Source")] if "source_title" in out else []),
    )
    bars = base.mark_bar(height=12, cornerRadius=2).encode(x2="to:T").add_params(pick)
    starts = base.mark_point(filled=True, size=50, stroke="white", strokeWidth=0.8, yOffset=-11).encode(
        shape=alt.Shape(f"{color}:N", title=color_title, scale=alt.Scale(domain=domain, range=shapes), legend=legend),
    )
    return alt.layer(bars, starts)


# --------------------------------------------------------------------------- one builder per dataset


def envoy_rank(title: str) -> str:
    """Group a chief of mission's title into the three ranks a reader needs: ambassador, minister, chargé."""
    t = title.lower()
    if "ambassador" in t or "embajador" in t:
        return "Ambassador"
    if "minister" in t:
        return "Minister"
    if "chargé" in t or "charge" in t or "encargad" in t:
        return "Chargé d'affaires"
    raise ValueError(f"no rank known for the title {title!r}")


RANKS = ["Ambassador", "Minister", "Chargé d'affaires"]
RANK_COLOURS = ["#0072B2", "#E69F00", "#009E73"]
RANK_SHAPES = ["circle", "diamond", "triangle-up"]

# One colour per road to power, the same in every chart of the book.
PATHS = [
    "election",
    "succession",
    "congress",
    "constitutional-assembly",
    "interim",
    "revolution",
    "coup",
    "not stated by the sources",
]
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


def envoys_chart(envoys: pd.DataFrame, until) -> alt.LayerChart:
    """U.S. chiefs of mission as bars over time, coloured by rank, from credentials to departure."""
    us = envoys[envoys["direction"].isin(["us-to-bolivia", "us-to-confederation"])].copy()
    us["rank"] = us["title"].map(envoy_rank)
    us["start"] = us["credentials_presented"].fillna(us["appointed"])
    us["row"] = "U.S. chief of mission in La Paz"
    return terms_chart(
        us,
        start="start",
        end="mission_ended",
        label="name",
        row="row",
        color="rank",
        color_title="Rank",
        until=until,
        domain=RANKS,
        colours=RANK_COLOURS,
        shapes=RANK_SHAPES,
    ).properties(height=70)


def leaders_chart(leaders: pd.DataFrame, until) -> alt.LayerChart:
    """Presidents of both countries as bars over time, coloured by how each came to power."""
    main = leaders[leaders["record"] == "main"].copy()
    main["path_to_power"] = main["path_to_power"].fillna("not stated by the sources")
    main["row"] = main["country"].map({"bolivia": "Bolivia", "united-states": "United States"})
    return terms_chart(
        main,
        start="term_start",
        end="term_end",
        label="name",
        row="row",
        color="path_to_power",
        color_title="Came to power by",
        until=until,
        domain=PATHS,
        colours=PATH_COLOURS,
        shapes=PATH_SHAPES,
    ).properties(height=110)


def trade_chart(trade: pd.DataFrame) -> alt.Chart:
    """U.S. exports to and imports from Bolivia, one line per flow and source series."""
    annual = trade[trade["series"].isin(["census", "imf-dots"])]
    long = annual.melt(
        id_vars=["year", "series", "source_title"],
        value_vars=["us_exports", "us_imports"],
        var_name="flow",
        value_name="million_usd",
    )
    names = {"census": "Census", "imf-dots": "IMF DOTS", "us_exports": "U.S. exports", "us_imports": "U.S. imports"}
    long["line"] = long["flow"].map(names) + " (" + long["series"].map(names) + ")"
    lines = [f"{f} ({s})" for f in ("U.S. exports", "U.S. imports") for s in ("Census", "IMF DOTS")]
    # Direction first: exports in blues, imports in oranges; the source second, as the dash
    # (Census solid, IMF dashed), so the two flows read apart at a glance.
    return lines_over_time(
        long,
        year="year",
        value="million_usd",
        series="line",
        value_title="Million U.S. dollars",
        series_title="Flow (source)",
        value_format=",.1f",
        domain=lines,
        colours=[*TRADE_COLOURS["exports"], *TRADE_COLOURS["imports"]],
        dashes=[SOLID, DASHED, SOLID, DASHED],
    )


def aid_chart(aid_constant: pd.DataFrame) -> alt.Chart:
    """Total U.S. aid obligations per fiscal year in constant dollars, one line per source.

    Takes the output of ``money.in_constant_dollars(aid, ["total_obligations"])``; the 1976
    transition quarter is left out of a per-year line (it is a quarter, not a year).
    """
    fy = aid_constant[aid_constant["period"] == "FY"].copy()
    base = aid_constant.attrs.get("constant_dollars_base_year")
    fy["million"] = fy["total_obligations_constant"] / 1e6
    fy["source_series"] = fy["series"].map(
        {"greenbook": "USAID Greenbook", "foreignassistance-gov": "ForeignAssistance.gov"}
    )
    return lines_over_time(
        fy,
        year="fiscal_year",
        value="million",
        series="source_series",
        value_title=f"Million {base} U.S. dollars",
        series_title="Source",
        value_format=",.1f",
        domain=["USAID Greenbook", "ForeignAssistance.gov"],
    )


def annotate(chart: alt.TopLevelMixin, events: pd.DataFrame, labels: dict[str, str] | list[str]) -> alt.LayerChart:
    """Layer dashed, labelled rules for chosen events over a time chart.

    ``labels`` maps an event's id to the short label drawn on the chart, for example
    ``{"1952-mnr-revolution": "1952 revolution"}``; a list of ids uses the events' own titles.
    The ids are the ``event_id`` column of the events dataset: to find one, list
    ``events[["event_id", "date", "title"]]`` (or filter it, e.g. ``events[events["era"] == "drug-war"]``).
    """
    return alt.layer(chart, event_rules(events, labels))


def between(frame: pd.DataFrame, column: str, first: int, last: int) -> pd.DataFrame:
    """Rows whose year column lies between ``first`` and ``last``, inclusive (a chapter's window)."""
    years = frame[column]
    if years.dtype == "string" or years.dtype == object:
        years = years.str[:4].astype("Int64")
    inside = ((years >= first) & (years <= last)).fillna(False)  # a row with no date is outside any window
    return frame[inside.astype(bool)]


def aid_split_chart(aid_constant: pd.DataFrame) -> alt.Chart:
    """Greenbook economic and military obligations per fiscal year, constant dollars, one line each."""
    book = aid_constant[(aid_constant["series"] == "greenbook") & (aid_constant["period"] == "FY")]
    long = book.melt(
        id_vars=["fiscal_year", "source_title"],
        value_vars=["economic_obligations_constant", "military_obligations_constant"],
        var_name="kind",
        value_name="usd",
    )
    long["million"] = long["usd"] / 1e6
    long["kind"] = long["kind"].map(
        {"economic_obligations_constant": "Economic", "military_obligations_constant": "Military"}
    )
    base = aid_constant.attrs.get("constant_dollars_base_year")
    return lines_over_time(
        long,
        year="fiscal_year",
        value="million",
        series="kind",
        value_title=f"Million {base} U.S. dollars",
        series_title="Assistance",
        value_format=",.1f",
        domain=["Economic", "Military"],
    )


def counter_narcotics_chart(by_account: pd.DataFrame) -> alt.VConcatChart:
    """Greenbook counter-narcotics obligations per fiscal year, current dollars: all accounts
    together on top, then one panel per account on the same scale, named in its heading."""
    data = by_account[by_account["period"] == "FY"].assign(million=lambda d: d["obligations"] / 1e6)
    data["when"] = year_to_date(data["fiscal_year"])
    first, last = int(data["fiscal_year"].min()), int(data["fiscal_year"].max())
    years = alt.Scale(domain=[alt.DateTime(year=first), alt.DateTime(year=last, month=12, date=31)])
    base = alt.Chart(data[["when", "fiscal_year", "account", "million", "source_title"]]).encode(
        x=alt.X("when:T", title=None, axis=alt.Axis(format="%Y"), scale=years)
    )
    total = (
        base.mark_bar(color=PALETTE[0])
        .encode(
            y=alt.Y("sum(million):Q", title="All accounts"),
            tooltip=[
                alt.Tooltip("fiscal_year:O", title="Fiscal year"),
                alt.Tooltip("sum(million):Q", title="All accounts, million USD", format=",.1f"),
            ],
        )
        .properties(width=520, height=120)
    )
    accounts = (
        base.mark_bar()
        .encode(
            y=alt.Y("million:Q", title=None, axis=alt.Axis(tickCount=2)),
            color=alt.Color("account:N", legend=None),
            tooltip=[
                alt.Tooltip("fiscal_year:O", title="Fiscal year"),
                alt.Tooltip("account:N", title="Account"),
                alt.Tooltip("million:Q", title="Million USD", format=",.1f"),
                alt.Tooltip("source_title:N", title="Source"),
            ],
        )
        .properties(width=520, height=45)
        .facet(
            row=alt.Row(
                "account:N",
                title=None,
                header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top"),
            )
        )
    )
    # fixed-width panels: a composite chart cannot take the container's width, it scales down instead
    return alt.vconcat(total, accounts, spacing=18).properties(autosize=alt.AutoSizeParams(type="pad"))


COCA_SERIES = {
    "unodc-bolivia": "UNODC with Bolivia's government",
    "us-government": "U.S. government (ONDCP/INCSR)",
    "bolivia-government": "Bolivian government (other)",
}


def coca_chart(coca: pd.DataFrame, limits: pd.DataFrame | None = None) -> alt.LayerChart:
    """Coca cultivation in hectares, one line per source, with the legal limits as steps.

    Rows marked ``lower`` (an "at least" figure) or ``approx`` (converted from acres) are drawn as
    hollow points so the reader sees they are not exact; the tooltip says which.
    """
    data = coca.copy()
    data["source_series"] = data["series"].map(COCA_SERIES).fillna(data["series"])
    # One value per year and series for the line: where a source revised a year, both readings
    # are rows in the data; the line follows the first listed and the points show every reading.
    lines = lines_over_time(
        data.drop_duplicates(["year", "series"]),
        year="year",
        value="hectares",
        series="source_series",
        value_title="Hectares",
        series_title="Estimate by",
        extra_tooltip=["bound"],
        domain=list(COCA_SERIES.values()),
    )
    points = (
        alt.Chart(
            data.assign(when=year_to_date(data["year"]))[
                ["when", "year", "hectares", "source_series", "bound", "source_title"]
            ]
        )
        .mark_point(size=40)
        .encode(
            x="when:T",
            y="hectares:Q",
            color=alt.Color("source_series:N", legend=None),  # the lines' legend names the series
            fill=alt.condition("datum.bound == 'exact'", alt.Color("source_series:N", legend=None), alt.value("white")),
            tooltip=[
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("hectares:Q", format=",.0f", title="Hectares"),
                alt.Tooltip("source_series:N", title="Estimate by"),
                alt.Tooltip("bound:N", title="Exact, lower bound or approximate"),
                alt.Tooltip("source_title:N", title="Source"),
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
                    alt.Tooltip("law:N", title="Legal limit"),
                    alt.Tooltip("hectares:Q", format=",.0f"),
                    alt.Tooltip("source_title:N", title="Source"),
                ],
            )
        )
    return alt.layer(*layers)


ANSWERS = {
    "favorable": "Favourable",
    "good-opinion": "Good or very good",
    "unfavorable": "Unfavourable",
    "great-deal-or-fair-amount": "A great deal or a fair amount",
    "approve": "Approve",
    "disapprove": "Disapprove",
    "dont-know": "Don't know",
}


def opinion_chart(opinion: pd.DataFrame) -> alt.LayerChart:
    """Bolivians' views of the United States: one row per poll question, one dot per answer.

    Questions that measure different things (opinion of the country, its influence, approval of
    its leadership) never share a row; each row is headed by what it measures, the pollster and
    the year, and all rows share one scale of per cent of respondents.
    """
    from .datasets import package

    # the measures in the order the schema lists them (one list, in datapackage.json)
    fields = next(r for r in package()["resources"] if r["name"] == "opinion")["schema"]["fields"]
    measures = next(f for f in fields if f["name"] == "measure")["constraints"]["enum"]
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
            alt.Tooltip("measure:N", title="Measures"),
            alt.Tooltip("year:O", title="Year"),
            alt.Tooltip("pollster:N", title="Pollster"),
            alt.Tooltip("question:N", title="Question"),
            alt.Tooltip("answer:N", title="Answer"),
            alt.Tooltip("percent:Q", title="Per cent"),
            alt.Tooltip("source_title:N", title="Source"),
        ],
    )
    legend = alt.Legend(title="Answer", columns=1)
    dots = base.mark_point(filled=True, size=110, opacity=0.95, yOffset=7).encode(
        x=alt.X("percent:Q", title="Per cent of respondents", scale=alt.Scale(domain=[0, 100])),
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


def envoy_journeys(envoys: pd.DataFrame) -> alt.LayerChart:
    """One row per envoy: a light bar from appointment to credentials (the journey and the wait),
    then a dark bar from credentials to the end of the mission. Partial dates sit on their first day."""
    from .datasets import parse_partial_date, precision_of

    def first_day(text):
        return pd.NaT if pd.isna(text) else pd.Timestamp(parse_partial_date(text, precision_of(text)))

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
            alt.Tooltip("label:N", title="Envoy"),
            alt.Tooltip("appointed:N", title="Appointed"),
            alt.Tooltip("credentials_presented:N", title="Received"),
            alt.Tooltip("wait_days:Q", title="Days from appointment to reception"),
            alt.Tooltip("mission_ended:N", title="Mission ended"),
            alt.Tooltip("end_note:N", title="How it ended"),
            alt.Tooltip("source_title:N", title="Source"),
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


def places_map(shapes: dict, places: pd.DataFrame) -> alt.LayerChart:
    """Bolivia and its neighbours, with the places the report keeps returning to.

    The view is fitted to Bolivia and the lost coast; Bolivia is shaded darker than its neighbours.
    Each place is a labelled dot whose tooltip says why it matters and where its coordinates come
    from.
    """
    window = {
        "type": "Feature",
        "properties": {},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[-72.5, -8.5], [-56.5, -8.5], [-56.5, -25.5], [-72.5, -25.5], [-72.5, -8.5]]],
        },
    }
    projection = {"type": "mercator", "fit": window}
    outlines = alt.Data(values=shapes["features"])
    countries = (
        alt.Chart(outlines)
        .mark_geoshape(stroke="#ffffff", strokeWidth=0.8, clip=True)
        .encode(
            color=alt.condition("datum.properties.name == 'Bolivia'", alt.value("#c9d9e8"), alt.value("#ececec")),
            tooltip=[alt.Tooltip("properties.name:N", title="Country")],
        )
        .project(**projection)
    )
    data = places[["place", "role", "lat", "lon", "source_title"]].copy()
    # A label goes left of its dot on the coast, or when another place sits just to the east.
    near_east = [
        ((data["lon"] > lon) & (data["lon"] - lon < 0.6) & ((data["lat"] - lat).abs() < 0.6)).any()
        for lon, lat in zip(data["lon"], data["lat"], strict=True)
    ]
    data["west"] = (data["lon"] < -69.5) | pd.Series(near_east, index=data.index)
    # In the east of the map a label would run past its right edge on a phone: it goes under its dot.
    data["below"] = ~data["west"] & (data["lon"] > -64.5)
    dots = (
        alt.Chart(data)
        .mark_circle(size=70, color=PALETTE[5], opacity=0.9)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            tooltip=[
                alt.Tooltip("place:N", title="Place"),
                alt.Tooltip("role:N", title="Why it matters"),
                alt.Tooltip("source_title:N", title="Coordinates from"),
            ],
        )
        .project(**projection)
    )
    east_labels = (
        dots.mark_text(align="left", dx=7, fontSize=11, color=TEXT)
        .encode(text="place:N")
        .transform_filter("!datum.west && !datum.below")
    )
    labels_below = (
        dots.mark_text(align="center", baseline="top", dy=7, fontSize=11, color=TEXT)
        .encode(text="place:N")
        .transform_filter("datum.below")
    )
    west_labels = (
        dots.mark_text(align="right", dx=-7, fontSize=11, color=TEXT)
        .encode(text="place:N")
        .transform_filter("datum.west")
    )
    names = pd.DataFrame(
        {
            "name": ["BOLIVIA", "PERU", "BRAZIL", "CHILE", "ARGENTINA", "PARAGUAY"],
            "lon": [-64.8, -71.3, -59.5, -69.9, -64.5, -58.8],
            "lat": [-13.8, -12.5, -12.5, -19.0, -24.5, -22.5],
        }
    )
    country_names = (
        alt.Chart(names)
        .mark_text(fontSize=11, fontWeight="bold", color=MUTED, opacity=0.8)
        .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
        .project(**projection)
    )
    return alt.layer(countries, country_names, dots, east_labels, west_labels, labels_below).properties(height=460)


TRADE_COLOURS = {"exports": ["#0072B2", "#56B4E9"], "imports": ["#D55E00", "#E69F00"]}


def _panel_styles(topic: str, names) -> tuple[list[str], list[str], list[list[int]]]:
    """The overview's series in the colours and dashes of the chapters' own charts: trade by
    direction (exports blue, imports orange) then source (Census solid, IMF dashed); aid and coca
    in the order of ``aid_chart`` and ``coca_chart``."""
    names = sorted(names)
    if topic == "trade":
        domain = sorted(names, key=lambda n: ("imports" in n, "Census" not in n))
        colours = [TRADE_COLOURS["imports" if "imports" in n else "exports"][0 if "Census" in n else 1] for n in domain]
        dashes = [SOLID if "Census" in n else DASHED for n in domain]
        return domain, colours, dashes
    order = {"aid": ["USAID Greenbook", "ForeignAssistance.gov"], "coca": list(COCA_SERIES.values())}[topic]
    domain = sorted(names, key=lambda n: next((i for i, o in enumerate(order) if f"({o})" in n), len(order)))
    return domain, PALETTE[: len(domain)], DASH_PATTERNS[: len(domain)]


def linked_overview(events: pd.DataFrame, eras: pd.DataFrame, series: pd.DataFrame) -> alt.VConcatChart:
    """The timeline on top drives the charts below it, in the static page with no kernel.

    Brush a span of years on the timeline to zoom the trade, aid and coca charts to it; the era
    menu filters every chart to that era's years; a category picked in the legend shows only that
    category's events, on the timeline and as dashed rules on every chart below. ``series`` is
    ``explore.yearly_series()``.
    """
    labels = [CATEGORY_LABELS[c] for c in CATEGORIES]
    brush = alt.selection_interval(encodings=["x"], name="years")
    pick_category = alt.selection_point(fields=["category_label"], bind="legend", name="linked_category")
    pick_era = alt.param(
        name="linked_era",
        value="all",
        bind=alt.binding_select(options=["all", *eras["era_id"]], labels=["All eras", *eras["title"]], name="Era: "),
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
            x=alt.X("start:T", title="Drag across the timeline to pick years", axis=alt.Axis(format="%Y")),
            y=alt.Y("category_label:N", title=None, sort=labels),
            color=alt.Color("category_label:N", title="Category", scale=category_scales()[0]),
            opacity=alt.condition(pick_category, alt.value(0.9), alt.value(0.08)),
            tooltip=[
                alt.Tooltip("date:N", title="Date"),
                alt.Tooltip("title:N", title="Event"),
                alt.Tooltip("source_title:N", title="Source"),
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
                    alt.Tooltip("series:N"),
                    alt.Tooltip("year:O", title="Year"),
                    alt.Tooltip("value:Q", format=",.1f", title=unit),
                    alt.Tooltip("source_title:N", title="Source"),
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
                tooltip=[alt.Tooltip("date:N"), alt.Tooltip("title:N", title="Event")],
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

    return (
        alt.vconcat(
            timeline,
            panel("trade", "Trade", "Million current USD"),
            panel(
                "aid",
                "Aid, by source",
                series.loc[series["topic"] == "aid", "unit"].iloc[0].replace("million", "Million"),
            ),
            panel("coca", "Coca, estimated by", "Hectares"),
        )
        # each panel keeps its own legend (a shared dash scale made a fifth, stray legend)
        .resolve_scale(x="independent", color="independent", strokeDash="independent")
        .properties(autosize=alt.AutoSizeParams(type="pad"))
    )
