"""Years a series lacks, kept as gaps: found, named and left empty, never filled in."""

from __future__ import annotations

import pandas as pd


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
