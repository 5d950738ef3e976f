"""Chapter 2, tin, oil and war (1879–1951): the facts its prose states."""

from __future__ import annotations

from ..language import say
from .contacts import contact_dates
from .lookups import envoy, envoy_dates, event_dates, greenbook_by_year
from .wording import usd_millions

#: The first postwar fiscal years of the Greenbook, before the revolution.
POSTWAR_AID_YEARS = (1946, 1951)
EVENTS = [
    "1879-pettis-mediation-report",
    "1879-antofagasta-occupied",
    "1884-truce-pact",
    "1904-treaty-chile",
    "1932-chaco-war-begins",
    "1935-chaco-peace-protocol",
    "1938-chaco-treaty",
    "1922-standard-oil-contract",
    "1937-standard-oil-confiscated",
    "1942-standard-oil-paid",
    "1942-embassy-announcement",
    "1942-catavi-massacre",
    "1943-declaration-of-war",
    "1943-villarroel-coup",
    "1944-us-recognizes-villarroel",
]
#: The visits of leaders the chapter names (contacts dataset).
CONTACTS = ["1943-05-penaranda-to-us"]
#: envoy id -> {glue name: which of its dates}
ENVOY_DATES = {
    "bo-1942-guachalla": {"guachalla_credentials": "credentials_presented"},
    "us-1942-boal": {"boal_credentials": "credentials_presented", "boal_left": "left_post"},
    "us-1944-thurston": {"thurston_received": "credentials_presented"},
}


def aid_range(first: int, last: int) -> str:
    """The smallest and largest yearly Greenbook total over a span of fiscal years, in words."""
    totals = greenbook_by_year().loc[first:last, "total_obligations"]
    low, high = usd_millions(totals.min()), usd_millions(totals.max())
    return say(f"between {low} and {high}", f"entre {low} y {high}")


def chapter_facts() -> dict[str, object]:
    return {
        "envoy_rank_year": envoy("us-1890-anderson")["appointed"][:4],
        **envoy_dates(ENVOY_DATES),
        "aid_1946_1951_range": aid_range(*POSTWAR_AID_YEARS),
        **event_dates(EVENTS),
        **contact_dates(CONTACTS),
    }
