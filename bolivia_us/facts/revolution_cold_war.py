"""Chapter 3, the 1952 revolution and the Cold War (1952–1982): the facts its prose states."""

from __future__ import annotations

from ..data.datasets import load_dataset
from ..language import say
from .contacts import contact_dates
from .lookups import envoy_dates, event_dates, greenbook_by_year, president
from .wording import long_date, usd_millions

PAZ = "Víctor Paz Estenssoro"
#: The English and Spanish Wikipedia date Paz's 1952 take-over a day apart: the leaders dataset
#: keeps the English as its main record and the Spanish as the alternative, and the text gives both.
RECORD_BY_LANGUAGE = {"en": "main", "es": "alternative"}
COLD_WAR_YEARS = (1952, 1982)
AID_YEARS_NAMED = (1953, 1954, 1964, 1971, 1972, 1979, 1981)
EVENTS = [
    "1952-mnr-revolution",
    "1952-tin-nationalised",
    "1964-coup-barrientos",
    "1967-che-executed",
    "1971-banzer-coup",
    "1980-garcia-meza-coup",
]
CONTACTS = ["1963-10-paz-estenssoro-to-us", "1968-07-barrientos-to-us", "1976-06-kissinger-to-bolivia"]
#: envoy id -> {glue name: which of its dates}
ENVOY_DATES = {
    "us-1951-sparks": {"c03_sparks_start": "credentials_presented"},
    "us-1981-corr": {"c03_corr_appointed": "appointed", "c03_corr_start": "credentials_presented"},
    "us-1980-weissman": {"c03_weissman_end": "mission_ended"},
    "us-1980-watson": {"c03_watson_start": "credentials_presented"},
}


def share(part: float, whole: float) -> str:
    """A share as a whole percentage: '83%'."""
    return f"{part / whole:.0%}"


def aid_peak() -> tuple[int, int]:
    """The fiscal year of the largest Greenbook total in constant dollars, and those dollars' year."""
    book = greenbook_by_year()
    return int(book["total_obligations_constant"].idxmax()), int(book.attrs["constant_dollars_base_year"])


def chapter_facts() -> dict[str, object]:
    book = greenbook_by_year()
    peak, base_year = aid_peak()
    aid = load_dataset("aid")
    cold_war = aid[(aid["series"] == "greenbook") & aid["fiscal_year"].between(*COLD_WAR_YEARS)]
    return {
        **{
            f"c03_paz_1952_start_{language}": long_date(president(PAZ, starting="1952-04", record=record)["term_start"])
            for language, record in RECORD_BY_LANGUAGE.items()
        },
        "c03_torres_start": long_date(president("Juan José Torres")["term_start"]),
        "c03_barrientos_start": long_date(president("René Barrientos", path_to_power="coup")["term_start"]),
        "c03_siles_start": long_date(president("Hernán Siles Zuazo", starting="1982")["term_start"]),
        **envoy_dates(ENVOY_DATES),
        **{f"c03_aid_fy{year}": usd_millions(book.loc[year, "total_obligations"]) for year in AID_YEARS_NAMED},
        "c03_aid_peak_fy": say(f"fiscal year {peak}", f"año fiscal {peak}"),
        "c03_aid_peak_const": say(
            f"{usd_millions(book.loc[peak, 'total_obligations_constant'], 0)} in {base_year} dollars",
            f"{usd_millions(book.loc[peak, 'total_obligations_constant'], 0)} en dólares de {base_year}",
        ),
        "c03_aid_1954_1964": usd_millions(book.loc[1954:1964, "total_obligations"].sum()),
        "c03_econ_share_1952_1982": share(cold_war["economic_obligations"].sum(), cold_war["total_obligations"].sum()),
        "c03_mil_share_fy1976": share(book.loc[1976, "military_obligations"], book.loc[1976, "total_obligations"]),
        **event_dates(EVENTS),
        **contact_dates(CONTACTS),
    }
