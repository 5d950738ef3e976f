"""Every yearly series of the report in one tidy table (the explorer's and the overview's)."""

from __future__ import annotations

import pandas as pd

from ..data.datasets import load_dataset
from ..data.vocabulary import AID_SOURCES, COCA_SERIES, PHRASES, TRADE_FLOWS_WITH_BOLIVIA, TRADE_SOURCES
from ..language import say
from .money import in_constant_dollars


def yearly_series() -> pd.DataFrame:
    """One row per series and year: trade flows, aid (current and constant dollars), coca hectares."""
    parts = []
    trade = load_dataset("trade")
    trade = trade[trade["series"].isin(list(TRADE_SOURCES))]
    for column, flow in TRADE_FLOWS_WITH_BOLIVIA.items():
        parts.append(
            pd.DataFrame(
                {
                    "series": flow + " (" + trade["series"].map(TRADE_SOURCES) + ")",
                    "year": trade["year"],
                    "value": trade[column],
                    "unit": "million current USD",
                    "topic": "trade",
                    "source_title": trade["source_title"],
                }
            )
        )
    aid = in_constant_dollars(load_dataset("aid"), ["total_obligations"])
    aid = aid[aid["period"] == "FY"]
    base = aid.attrs["constant_dollars_base_year"]
    parts.append(
        pd.DataFrame(
            {
                "series": PHRASES["aid-obligations"] + " (" + aid["series"].map(AID_SOURCES) + ")",
                "year": aid["fiscal_year"],
                "value": aid["total_obligations_constant"] / 1e6,
                "unit": say(f"million {base} USD", f"millones de USD de {base}"),
                "topic": "aid",
                "source_title": aid["source_title"],
            }
        )
    )
    coca = load_dataset("coca").drop_duplicates(["year", "series"])
    parts.append(
        pd.DataFrame(
            {
                "series": PHRASES["coca-cultivation"] + " (" + coca["series"].map(COCA_SERIES) + ")",
                "year": coca["year"],
                "value": coca["hectares"],
                "unit": say("hectares", "hectáreas"),
                "topic": "coca",
                "source_title": coca["source_title"],
            }
        )
    )
    out = pd.concat(parts, ignore_index=True)
    out["year"] = out["year"].astype(int)
    return out.sort_values(["series", "year"]).reset_index(drop=True)
