"""Chapter 6, the present (2019 to the sources' last check): the facts its prose states."""

from __future__ import annotations

import pandas as pd

from ..data.datasets import as_of, latest_development, load_dataset
from ..language.formats import number
from .contacts import latest_contacts
from .lookups import envoy, envoy_dates, event_dates, president, trade_by_year
from .wording import long_date, usd_millions

#: The last U.S. ambassador to serve in La Paz before the 2008 expulsion.
LAST_AMBASSADOR = "us-2006-goldberg"
PAZ = "Rodrigo Paz"
#: Fiscal years the text names, by the source that reports them.
AID_NAMED = {
    "c06_aid_fy2019_gb": ("greenbook", 2019),
    "c06_aid_fy2020_gb": ("greenbook", 2020),
    "c06_aid_fy2020_fa": ("foreignassistance-gov", 2020),
    "c06_aid_fy2021": ("foreignassistance-gov", 2021),
    "c06_aid_fy2023": ("foreignassistance-gov", 2023),
}
EVENTS = [
    "2025-ambassador-level-announced",
    "2024-zuniga-coup-attempt",
    "2025-reciprocal-tariff-10",
    "2025-tariff-15",
    "2026-dea-no-us-personnel",
    "2026-section-122-surcharge",
    "2026-paz-rubio-doral",
]
#: What the chapter says of the latest visits at the top.
CONTACT_FACTS = [
    "contacts_visits_series_end",
    "contacts_secretary_series_end",
    "last_secretary_in_bolivia",
    "last_secretary_in_bolivia_date",
    "us_president_trips_to_bolivia",
    "last_bolivian_president_in_us",
    "last_bolivian_president_in_us_date",
    "last_bolivian_president_in_us_place",
    "presidential_gap_years",
    "presidential_gap_from",
]
#: envoy id -> {glue name: which of its dates}
ENVOY_DATES = {
    "bo-2019-serrate": {"c06_serrate_sworn": "appointed"},
    "us-2020-phillips": {"c06_phillips_start": "credentials_presented"},
    "us-2023-hevia": {"c06_hevia_start": "credentials_presented"},
}


def years_without_ambassador() -> float:
    """Years from the last U.S. ambassador's departure to the era's latest event."""
    events = load_dataset("events")
    latest = events.loc[events["era"] == "present", "date"].max()
    days = (pd.Timestamp(latest) - pd.Timestamp(envoy(LAST_AMBASSADOR)["mission_ended"])).days
    return days / 365.25


def chapter_facts() -> dict[str, object]:
    aid = load_dataset("aid")
    by_source = aid[aid["period"] == "FY"].set_index(["series", "fiscal_year"])["total_obligations"]
    return {
        "sources_checked": long_date(as_of().isoformat()),
        "latest_development": long_date(latest_development()["date"]),
        "c06_anez_start": long_date(president("Jeanine Áñez")["term_start"]),
        "c06_arce_start": long_date(president("Luis Arce")["term_start"]),
        "c06_paz_start": long_date(president(PAZ)["term_start"]),
        "c06_paz_start_alt": long_date(president(PAZ, record="alternative")["term_start"]),
        **envoy_dates(ENVOY_DATES),
        "c06_years_no_ambassador": number(years_without_ambassador(), 1),
        **{name: usd_millions(by_source[series, year]) for name, (series, year) in AID_NAMED.items()},
        "c06_imports_2022": usd_millions(trade_by_year("imf-dots").loc[2022, "us_imports"] * 1e6, 0),
        **event_dates(EVENTS),
        **{name: latest_contacts()[name] for name in CONTACT_FACTS},
    }
