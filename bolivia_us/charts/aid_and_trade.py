"""Money between the two countries: trade flows and U.S. aid, by source and by account."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.vocabulary import AID_KINDS, AID_SOURCES, TRADE_FLOWS, TRADE_SOURCES
from ..frames import year_to_date
from .blocks import lines_over_time
from .encodings import DASHED, SOLID, TRADE_COLOURS
from .labels import label, million_dollars_of
from .style import PALETTE


def trade_chart(trade: pd.DataFrame) -> alt.Chart:
    """U.S. exports to and imports from Bolivia, one line per flow and source series."""
    annual = trade[trade["series"].isin(list(TRADE_SOURCES))]
    long = annual.melt(
        id_vars=["year", "series", "source_title"],
        value_vars=["us_exports", "us_imports"],
        var_name="flow",
        value_name="million_usd",
    )
    long["line"] = long["flow"].map(TRADE_FLOWS) + " (" + long["series"].map(TRADE_SOURCES) + ")"
    lines = [f"{f} ({s})" for f in TRADE_FLOWS.values() for s in TRADE_SOURCES.values()]
    # Direction first: exports in blues, imports in oranges; the source second, as the dash
    # (Census solid, IMF dashed), so the two flows read apart at a glance.
    return lines_over_time(
        long,
        year="year",
        value="million_usd",
        series="line",
        value_title=label("Million U.S. dollars"),
        series_title=label("Flow (source)"),
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
    fy["source_series"] = fy["series"].map(AID_SOURCES)
    return lines_over_time(
        fy,
        year="fiscal_year",
        value="million",
        series="source_series",
        value_title=million_dollars_of(base),
        series_title=label("Source"),
        value_format=",.1f",
        domain=list(AID_SOURCES.values()),
    )


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
    long["kind"] = long["kind"].str.removesuffix("_constant").map(AID_KINDS)
    base = aid_constant.attrs.get("constant_dollars_base_year")
    return lines_over_time(
        long,
        year="fiscal_year",
        value="million",
        series="kind",
        value_title=million_dollars_of(base),
        series_title=label("Assistance"),
        value_format=",.1f",
        domain=list(AID_KINDS.values()),
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
            y=alt.Y("sum(million):Q", title=label("All accounts")),
            tooltip=[
                alt.Tooltip("fiscal_year:O", title=label("Fiscal year")),
                alt.Tooltip("sum(million):Q", title=label("All accounts, million USD"), format=",.1f"),
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
                alt.Tooltip("fiscal_year:O", title=label("Fiscal year")),
                alt.Tooltip("account:N", title=label("Account")),
                alt.Tooltip("million:Q", title=label("Million USD"), format=",.1f"),
                alt.Tooltip("source_title:N", title=label("Source")),
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
