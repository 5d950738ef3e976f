"""Chapter 4, drug policy (1982–2005): the facts its prose states."""

from __future__ import annotations

from ..data.datasets import load_dataset
from .contacts import contact_dates
from .lookups import envoy_dates, event_dates, greenbook_by_year, president, trade_by_year
from .revolution_cold_war import share
from .wording import hectares, long_date, usd_millions

INCLE = "International Narcotics Control and Law Enforcement"
COCA_YEARS = {
    "bolivia-government": (1977, 1987),
    "us-government": (1989, 1997, 2000, 2003, 2005),
    "unodc-bolivia": (2003, 2005),
}
COCA_KEYS = {"bolivia-government": "bo", "us-government": "us", "unodc-bolivia": "unodc"}  # in glue names
AID_YEARS_NAMED, INCLE_YEARS_NAMED, IMPORT_YEARS_NAMED = (1985, 1988), (1986, 1988), (1992, 1996, 2002, 2005)
EVENTS = [
    "1985-decree-21060",
    "1988-villa-tunari-shooting",
    "1990-cartagena-summit",
    "1991-atpa-enacted",
    "2005-morales-elected",
]
CONTACTS = [
    "1988-08-shultz-to-bolivia",
    "1990-02-bush-cartagena",
    "1990-05-paz-zamora-to-us",
    "2000-08-albright-to-bolivia",
    "2002-11-sanchez-de-lozada-to-us",
]
#: envoy id -> {glue name: which of its dates}
ENVOY_DATES = {
    "us-1981-corr": {"c04_corr_start": "credentials_presented"},
    "us-2000-rocha": {"c04_rocha_start": "credentials_presented", "c04_rocha_end": "mission_ended"},
    "us-2002-greenlee": {"c04_greenlee_start": "credentials_presented"},
}


def coca_hectares(series: str, year: int) -> float:
    """One source's coca estimate for a year: its exact figure where it also gives bounds."""
    coca = load_dataset("coca")
    rows = coca[(coca["series"] == series) & (coca["year"] == year)]
    if len(rows) > 1:
        rows = rows[rows["bound"] == "exact"]
    if len(rows) != 1:
        raise LookupError(f"coca: {len(rows)} rows for {series!r} in {year}; the prose needs one")
    return float(rows["hectares"].iloc[0])


def legal_limit(law_starts: str, scope: str | None = None):
    """The coca-limits row of a law, by the start of its name ('Law 1008') and, where the law sets
    national and regional limits, its ``scope``."""
    limits = load_dataset("coca_limits")
    rows = limits[limits["law"].str.startswith(law_starts)]
    if scope is not None:
        rows = rows[rows["scope"] == scope]
    if len(rows) != 1:
        raise LookupError(f"coca_limits: {len(rows)} rows for a law named {law_starts!r}…")
    return rows.iloc[0]


def chapter_facts() -> dict[str, object]:
    book = greenbook_by_year()
    accounts = load_dataset("aid_by_account")
    accounts = accounts[accounts["period"] == "FY"]
    incle = accounts[accounts["account"] == INCLE].set_index("fiscal_year")["obligations"]
    counter_narcotics_2000 = accounts.loc[accounts["fiscal_year"] == 2000, "obligations"].sum()
    gap = coca_hectares("us-government", 2003) / coca_hectares("unodc-bolivia", 2003) - 1
    census = trade_by_year("census")
    law_1008 = legal_limit("Law 1008")
    coca = {
        f"c04_coca_{COCA_KEYS[series]}_{year}": hectares(coca_hectares(series, year))
        for series, years in COCA_YEARS.items()
        for year in years
    }
    return {
        **coca,
        "c04_coca_gap_2003": f"{gap:.0%}",
        "c04_limit_1008": hectares(law_1008["hectares"]),
        "c04_law1008_date": long_date(law_1008["from_date"]),
        "c04_limit_chapare_2004": hectares(legal_limit("Chapare agreement")["hectares"]),
        **{f"c04_aid_fy{y}": usd_millions(book.loc[y, "total_obligations"]) for y in AID_YEARS_NAMED},
        "c04_mil_fy1990": usd_millions(book.loc[1990, "military_obligations"]),
        "c04_mil_share_fy1990": share(book.loc[1990, "military_obligations"], book.loc[1990, "total_obligations"]),
        **{f"c04_incle_fy{y}": usd_millions(incle.loc[y]) for y in INCLE_YEARS_NAMED},
        "c04_cn_fy2000": usd_millions(counter_narcotics_2000),
        "c04_cn_share_fy2000": share(counter_narcotics_2000, book.loc[2000, "total_obligations"]),
        **{f"c04_imports_{y}": usd_millions(census.loc[y, "us_imports"] * 1e6, 0) for y in IMPORT_YEARS_NAMED},
        "c04_paz_1985_start": long_date(president("Víctor Paz Estenssoro", starting="1985")["term_start"]),
        "c04_goni_end": long_date(president("Gonzalo Sánchez de Lozada", starting="2002")["term_end"]),
        "c04_morales_start": long_date(president("Evo Morales")["term_start"]),
        **envoy_dates(ENVOY_DATES),
        **event_dates(EVENTS),
        **contact_dates(CONTACTS),
    }
