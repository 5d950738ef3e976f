"""Dates as the datasets give them (a day, a month or a year) placed on a time axis."""

from __future__ import annotations

import pandas as pd

from ..data.datasets import parse_partial_date, precision_of


def with_start_date(frame: pd.DataFrame, date_col: str = "date", precision_col: str = "date_precision") -> pd.DataFrame:
    """Add ``start``: the first day each partially known date can mean, for placing it on a time axis."""
    out = frame.copy()
    out["start"] = pd.to_datetime(
        [parse_partial_date(d, p) for d, p in zip(out[date_col], out[precision_col], strict=False)]
    )
    return out


def first_day(text) -> pd.Timestamp:
    """The first day a dataset date can mean ('1952-04' -> 1 April 1952); missing stays missing."""
    return pd.NaT if pd.isna(text) else pd.Timestamp(parse_partial_date(text, precision_of(text)))


def year_to_date(years: pd.Series) -> pd.Series:
    """Calendar years as 1 January dates, to share a time axis with dated events."""
    return pd.to_datetime(years.astype("Int64").astype(str), format="%Y")


def between(frame: pd.DataFrame, column: str, first: int, last: int) -> pd.DataFrame:
    """Rows whose year column lies between ``first`` and ``last``, inclusive (a chapter's window)."""
    years = frame[column]
    if years.dtype == "string" or years.dtype == object:
        years = years.str[:4].astype("Int64")
    inside = ((years >= first) & (years <= last)).fillna(False)  # a row with no date is outside any window
    return frame[inside.astype(bool)]
