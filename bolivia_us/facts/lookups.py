"""Look up one row of a dataset by what the prose calls it, and fail clearly when it is not there.

Each function returns a value from exactly one row: an id that is missing, or a name that matches
several rows, raises an error naming the dataset and what was asked, instead of quietly picking
the first match.
"""

from __future__ import annotations

import difflib

import pandas as pd

from ..data.datasets import load_dataset
from ..frames.money import in_constant_dollars
from .wording import long_date

AID_COLUMNS = ["economic_obligations", "military_obligations", "total_obligations"]


def _one(frame: pd.DataFrame, dataset: str, asked: str) -> pd.Series:
    if len(frame) != 1:
        found = "no row" if frame.empty else f"{len(frame)} rows"
        raise LookupError(f"{dataset}: {found} for {asked}; the prose needs exactly one")
    return frame.iloc[0]


def event_dates(event_ids: list[str]) -> dict[str, str]:
    """``ev_<event id>`` -> the event's date in words, for each event the prose mentions."""
    dates = load_dataset("events").set_index("event_id")["date"]
    unknown = [i for i in event_ids if i not in dates.index]
    if unknown:
        hints = [f"{i!r} (did you mean {difflib.get_close_matches(i, list(dates.index), n=1)}?)" for i in unknown]
        raise LookupError(f"events: no event with id {', '.join(hints)}")
    return {"ev_" + i.replace("-", "_"): long_date(dates[i]) for i in event_ids}


def envoy(envoy_id: str) -> pd.Series:
    """One row of the envoys dataset, by its id."""
    envoys = load_dataset("envoys")
    return _one(envoys[envoys["envoy_id"] == envoy_id], "envoys", f"envoy_id {envoy_id!r}")


def envoy_date(envoy_id: str, field: str) -> str:
    """A date of one envoy's mission in words: ``field`` is appointed, credentials_presented,
    mission_ended or left_post."""
    value = envoy(envoy_id)[field]
    if pd.isna(value):
        raise LookupError(f"envoys: {envoy_id!r} has no {field} in the data")
    return long_date(value)


def envoy_dates(wanted: dict[str, dict[str, str]]) -> dict[str, str]:
    """``{envoy id: {glue name: field}}`` -> ``{glue name: date in words}``."""
    return {name: envoy_date(envoy_id, field) for envoy_id, names in wanted.items() for name, field in names.items()}


def president(name: str, *, starting: str | None = None, record: str = "main", **columns) -> pd.Series:
    """One presidential term: ``name`` as the leaders dataset spells it; ``starting`` a prefix of the
    term's start date ('1985' or '1952-04') where the same person served several terms; other
    columns (``party=...``, ``path_to_power=...``) narrow it further."""
    leaders = load_dataset("leaders")
    rows = leaders[(leaders["name"] == name) & (leaders["record"] == record)]
    if starting is not None:
        rows = rows[rows["term_start"].str.startswith(starting)]
    for column, value in columns.items():
        rows = rows[rows[column] == value]
    asked = (
        f"{name!r}" + (f" from {starting}" if starting else "") + "".join(f", {k}={v!r}" for k, v in columns.items())
    )
    return _one(rows, "leaders", asked + f" ({record} record)")


def greenbook_by_year() -> pd.DataFrame:
    """USAID Greenbook obligations per fiscal year (current and constant dollars), by fiscal year."""
    aid = in_constant_dollars(load_dataset("aid"), AID_COLUMNS)
    book = aid[(aid["series"] == "greenbook") & (aid["period"] == "FY")].set_index("fiscal_year")
    book.attrs.update(aid.attrs)
    return book


def trade_by_year(series: str) -> pd.DataFrame:
    """One trade series ('census' or 'imf-dots'), by year, in million current dollars."""
    trade = load_dataset("trade")
    return trade[trade["series"] == series].set_index("year")


def days_between(first: str, last: str) -> int:
    """Days from one ISO date to another."""
    return (pd.Timestamp(last) - pd.Timestamp(first)).days
