"""High-level contacts shaped for a chart or a sentence: placed on a time axis, and the gaps between
them measured."""

from __future__ import annotations

import pandas as pd

from ..data.vocabulary import CONTACT_DIRECTIONS, CONTACT_KINDS, CONTACT_LEVELS, CONTACT_RECORDS
from .dates import first_day


def contacts_on_a_time_axis(contacts: pd.DataFrame) -> pd.DataFrame:
    """The contacts with their first day (``start``), year, and the reader's words for their codes."""
    out = contacts.copy()
    out["start"] = out["start_date"].map(first_day)
    out["year"] = out["start"].dt.year
    out["where"] = out["direction"].map(CONTACT_DIRECTIONS)
    out["kind_label"] = out["kind"].map(CONTACT_KINDS)
    out["level_label"] = out["level"].map(CONTACT_LEVELS)
    out["record_label"] = out["record"].map(CONTACT_RECORDS)
    return out.sort_values("start").reset_index(drop=True)


def longest_gap(contacts: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The two consecutive contacts (by first day) with the most time between them."""
    rows = contacts_on_a_time_axis(contacts)
    if len(rows) < 2:
        raise ValueError("a gap needs at least two contacts")
    gaps = rows["start"].diff()
    after = int(gaps.idxmax())
    return rows.loc[after - 1], rows.loc[after]
