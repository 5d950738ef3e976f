"""Chapter 1, the confederation and the first legations (1836–1879): the facts its prose states."""

from __future__ import annotations

import pandas as pd

from ..data.datasets import load_dataset
from ..data.vocabulary import US_ENVOY_DIRECTIONS
from .lookups import days_between, envoy, envoy_dates, event_dates, president
from .wording import long_date, number_in_words

#: The chapter ends where the War of the Pacific begins: envoys received before it.
BEFORE_THE_WAR = "1879-01-01"
#: From the first U.S. minister to Bolivia to the last received before the war.
FIRST_MINISTER, LAST_BEFORE_THE_WAR = "us-1848-appleton", "us-1878-pettis"
#: No U.S. minister in La Paz from Reynolds's departure to Pettis's reception.
VACANCY = ("us-1874-reynolds", LAST_BEFORE_THE_WAR)
EVENTS = [
    "1836-confederation-decreed",
    "1836-confederation-treaty-signed",
    "1837-thornton-received",
    "1839-yungay",
    "1839-confederation-ends",
    "1848-us-recognizes-bolivia",
    "1858-treaty-signed",
    "1862-treaty-ratifications-exchanged",
    "1873-secret-alliance",
    "1879-antofagasta-occupied",
]
#: envoy id -> {glue name: which of its dates}
ENVOY_DATES = {
    "us-1836-thornton": {
        "thornton_appointed": "appointed",
        "thornton_received": "credentials_presented",
        "thornton_left": "mission_ended",
    },
    FIRST_MINISTER: {
        "appleton_appointed": "appointed",
        "appleton_credentials": "credentials_presented",
        "appleton_left": "mission_ended",
    },
    "us-1854-dana": {"dana_minister_appointed": "appointed", "dana_minister_credentials": "credentials_presented"},
    "us-1861-cartter": {"cartter_left": "mission_ended"},
    VACANCY[0]: {"reynolds_received": "credentials_presented", "reynolds_left": "mission_ended"},
    LAST_BEFORE_THE_WAR: {"pettis_received": "credentials_presented"},
}


def early_us_envoys() -> pd.DataFrame:
    """U.S. envoys to the confederation and to Bolivia received before the War of the Pacific."""
    envoys = load_dataset("envoys")
    return envoys[envoys["direction"].isin(US_ENVOY_DIRECTIONS) & (envoys["credentials_presented"] < BEFORE_THE_WAR)]


def median_wait_days(envoys: pd.DataFrame) -> int:
    """The median number of days from appointment to reception, over the envoys whose two dates
    are both known to the day (a month or a year alone cannot give a count of days)."""
    to_the_day = envoys[(envoys["appointed"].str.len() == 10) & (envoys["credentials_presented"].str.len() == 10)]
    waits = [
        days_between(a, c) for a, c in zip(to_the_day["appointed"], to_the_day["credentials_presented"], strict=True)
    ]
    return int(round(pd.Series(waits).median()))


def died_in_office(envoys: pd.DataFrame) -> int:
    """Envoys whose mission ended with their death, as the dataset's end note records it."""
    return int(envoys["end_note"].str.contains("died", na=False).sum())


def chapter_facts() -> dict[str, object]:
    early = early_us_envoys()
    to_bolivia = early[early["direction"] == "us-to-bolivia"]
    last_received = envoy(LAST_BEFORE_THE_WAR)["credentials_presented"]
    first_minister = envoy(FIRST_MINISTER)
    return {
        **envoy_dates(ENVOY_DATES),
        "appleton_days_in_post": days_between(first_minister["credentials_presented"], first_minister["mission_ended"]),
        "belzu_start": long_date(president("Manuel Isidoro Belzú Humerez")["term_start"]),
        "melgarejo_start": long_date(president("Mariano Melgarejo Valencia")["term_start"]),
        "median_wait_days_pre1879": median_wait_days(early),
        "envoy_rank_year": envoy("us-1890-anderson")["appointed"][:4],
        "hall_died_year": envoy("us-1863-hall")["mission_ended"][:4],
        "croxton_died_year": envoy("us-1872-croxton")["mission_ended"][:4],
        "n_died_in_office_pre1879": number_in_words(died_in_office(to_bolivia)),
        "n_chiefs_1848_1879": to_bolivia[to_bolivia["credentials_presented"] <= last_received]["name"].nunique(),
        "vacancy_months_1876_1879": int(
            round(days_between(envoy(VACANCY[0])["mission_ended"], envoy(VACANCY[1])["credentials_presented"]) / 30.44)
        ),
        **event_dates(EVENTS),
    }
