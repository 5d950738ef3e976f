"""High-level contacts: the visits each chapter names, and when the last ones happened."""

from __future__ import annotations

import pandas as pd

from ..data.datasets import load_dataset, resource
from ..frames.contacts import longest_gap
from .wording import count_of, long_date

OFFICIAL = "office-of-the-historian"
PRESIDENTS = ["head-of-state", "head-of-state-elect"]


def series_ends() -> dict[str, str]:
    """The last date each official series covers, by rank (``datapackage.json``)."""
    return {level: span["to"] for level, span in resource("contacts")["x-official-series"]["covers"].items()}


def last_contact(direction: str, levels: list[str], *, official_only: bool = False) -> pd.Series | None:
    """The most recent contact in one direction at the given ranks (None when there is none)."""
    contacts = load_dataset("contacts")
    rows = contacts[(contacts["direction"] == direction) & contacts["level"].isin(levels)]
    if official_only:
        rows = rows[rows["record"] == OFFICIAL]
    return None if rows.empty else rows.sort_values("start_date").iloc[-1]


def contact_date(contact_id: str) -> str:
    """The first day of one contact, in words."""
    contacts = load_dataset("contacts").set_index("contact_id")
    if contact_id not in contacts.index:
        raise LookupError(f"contacts: no contact with id {contact_id!r}")
    return long_date(contacts.loc[contact_id, "start_date"])


def contact_dates(contact_ids: list[str]) -> dict[str, str]:
    """``visit_<contact id>`` -> the contact's first day in words, for each contact the prose names."""
    return {"visit_" + i.replace("-", "_"): contact_date(i) for i in contact_ids}


def presidential_visits_gap() -> tuple[pd.Series, pd.Series]:
    """The longest stretch between two visits of Bolivian presidents (or presidents-elect) to the
    United States: the visits on either side of it."""
    contacts = load_dataset("contacts")
    return longest_gap(contacts[(contacts["direction"] == "to-united-states") & contacts["level"].isin(PRESIDENTS)])


def us_presidents_in_bolivia() -> int:
    """Trips by a U.S. president to Bolivia in the contacts data."""
    contacts = load_dataset("contacts")
    return int(((contacts["direction"] == "to-bolivia") & (contacts["level"] == "head-of-state")).sum())


def secretaries_in_bolivia() -> int:
    """Trips by a U.S. Secretary of State to Bolivia in the contacts data."""
    contacts = load_dataset("contacts")
    return int(((contacts["direction"] == "to-bolivia") & (contacts["level"] == "secretary-of-state")).sum())


def latest_contacts() -> dict[str, object]:
    """The facts the present chapter and the overview state about the latest contacts."""
    ends = series_ends()
    secretary = last_contact("to-bolivia", ["secretary-of-state"])
    bolivian = last_contact("to-united-states", PRESIDENTS)
    bolivian_official = last_contact("to-united-states", PRESIDENTS, official_only=True)
    before, after = presidential_visits_gap()
    return {
        "contacts_visits_series_end": long_date(ends["head-of-state"]),
        "contacts_secretary_series_end": long_date(ends["secretary-of-state"]),
        "last_secretary_in_bolivia": secretary["person"],
        "last_secretary_in_bolivia_date": long_date(secretary["start_date"]),
        "us_president_trips_to_bolivia": count_of(us_presidents_in_bolivia(), "trip"),
        "secretary_trips_to_bolivia": count_of(secretaries_in_bolivia(), "trip"),
        "last_bolivian_president_in_us": bolivian["person"],
        "last_bolivian_president_in_us_date": long_date(bolivian["start_date"]),
        "last_bolivian_president_in_us_place": bolivian["place"],
        "last_official_bolivian_visit": bolivian_official["person"],
        "last_official_bolivian_visit_date": long_date(bolivian_official["start_date"]),
        "presidential_gap_years": int(after["start"].year - before["start"].year),
        "presidential_gap_from": long_date(before["start_date"]),
        "presidential_gap_to": long_date(after["start_date"]),
        "presidential_gap_to_person": after["person"],
        "presidential_gap_to_role": after["role"][0].lower() + after["role"][1:],
        "presidential_gap_to_place": after["place"],
    }
