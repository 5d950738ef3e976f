"""Chapter 5, the Morales rupture (2006–2019): the facts its prose states."""

from __future__ import annotations

from ..data.datasets import load_dataset
from .contacts import latest_contacts
from .drug_policy import legal_limit
from .lookups import envoy_dates, event_dates, greenbook_by_year, president, trade_by_year
from .wording import hectares, long_date, usd_millions

#: From the ambassadors' expulsions to Morales's resignation: chargés led both embassies.
CHARGE_YEARS = ("2008-09-14", "2019-11-09")
AID_YEARS_NAMED = (2006, 2008, 2013, 2016)
EVENTS = [
    "2011-framework-agreement",
    "2006-hydrocarbons-nationalised",
    "2008-failed-demonstrably",
    "2008-dea-suspended",
    "2009-constitution-approved",
    "2009-high-level-dialogue",
    "2013-usaid-expelled",
    "2013-morales-plane-grounded",
    "2019-election-disputed",
    "2019-morales-resigns",
]
#: What the chapter says of visits at the top: none in its years.
CONTACT_FACTS = ["contacts_visits_series_end", "last_official_bolivian_visit_date", "last_secretary_in_bolivia_date"]
#: envoy id -> {glue name: which of its dates}
ENVOY_DATES = {
    "us-2006-goldberg": {"c05_goldberg_credentials": "credentials_presented", "c05_goldberg_left": "mission_ended"},
    "bo-2008-guzman": {"c05_guzman_png": "mission_ended"},
    "us-2009-creamer": {"c05_creamer_start": "credentials_presented"},
    "us-2017-williamson": {"c05_williamson_start": "credentials_presented"},
    "bo-2017-canedo": {"c05_canedo_start": "credentials_presented"},
}


def us_charges_between(first: str, last: str) -> int:
    """U.S. chargés d'affaires who took charge in La Paz between two dates."""
    envoys = load_dataset("envoys")
    us = envoys[envoys["direction"] == "us-to-bolivia"]
    return len(us[us["title"].str.contains("Chargé") & us["credentials_presented"].between(first, last)])


def chapter_facts() -> dict[str, object]:
    morales = president("Evo Morales")
    book = greenbook_by_year()
    dots = trade_by_year("imf-dots")
    return {
        "c05_morales_start": long_date(morales["term_start"]),
        "c05_morales_end": long_date(morales["term_end"]),
        **envoy_dates(ENVOY_DATES),
        "c05_n_us_charges": us_charges_between(*CHARGE_YEARS),
        **{f"c05_aid_fy{y}": usd_millions(book.loc[y, "total_obligations"]) for y in AID_YEARS_NAMED},
        "c05_imports_2008": usd_millions(dots.loc[2008, "us_imports"] * 1e6, 0),
        "c05_imports_2014": usd_millions(dots.loc[2014, "us_imports"] * 1e6, 0),
        "c05_exports_2014": usd_millions(dots.loc[2014, "us_exports"] * 1e6, 0),
        "c05_coca_limit_1008": hectares(legal_limit("Law 1008", "national")["hectares"]),
        "c05_coca_limit_906": hectares(legal_limit("Law 906", "national")["hectares"]),
        **event_dates(EVENTS),
        **{name: latest_contacts()[name] for name in CONTACT_FACTS},
    }
