"""The report's shared vocabulary: the names a reader sees for the datasets' codes, in one place.

Charts, the explorer and the prose all label categories, ranks, roads to power and series with
these words, so a category is called the same thing (and, in ``charts.encodings``, drawn in the
same colour) everywhere.
"""

from __future__ import annotations

CATEGORIES = ["diplomacy", "coups-politics", "drugs", "trade-investment", "aid", "security"]


CATEGORY_LABELS = {
    "diplomacy": "Diplomacy",
    "coups-politics": "Coups, politics",
    "drugs": "Drugs",
    "trade-investment": "Trade, investment",
    "aid": "Aid",
    "security": "Security",
}


def envoy_rank(title: str) -> str:
    """Group a chief of mission's title into the three ranks a reader needs: ambassador, minister, chargé."""
    t = title.lower()
    if "ambassador" in t or "embajador" in t:
        return "Ambassador"
    if "minister" in t:
        return "Minister"
    if "chargé" in t or "charge" in t or "encargad" in t:
        return "Chargé d'affaires"
    raise ValueError(f"no rank known for the title {title!r}")


RANKS = ["Ambassador", "Minister", "Chargé d'affaires"]


# One colour per road to power, the same in every chart of the book.
PATHS = [
    "election",
    "succession",
    "congress",
    "constitutional-assembly",
    "interim",
    "revolution",
    "coup",
    "not stated by the sources",
]


#: The road to power of a president whose sources do not say how they came to office.
PATH_NOT_STATED = PATHS[-1]
#: How a term with no end date in the sources is labelled (it is drawn to the chart's end).
NO_END_DATE = "no end date in the sources"

#: Where the U.S. envoys' rows start: the legation to the confederation, then to Bolivia.
US_ENVOY_DIRECTIONS = ["us-to-bolivia", "us-to-confederation"]
COUNTRY_NAMES = {"bolivia": "Bolivia", "united-states": "United States"}

#: The trade dataset's annual series, and its flows, as a reader names them.
TRADE_SOURCES = {"census": "Census", "imf-dots": "IMF DOTS"}
TRADE_FLOWS = {"us_exports": "U.S. exports", "us_imports": "U.S. imports"}
TRADE_FLOWS_WITH_BOLIVIA = {"us_exports": "U.S. exports to Bolivia", "us_imports": "U.S. imports from Bolivia"}

#: The aid dataset's sources.
AID_SOURCES = {"greenbook": "USAID Greenbook", "foreignassistance-gov": "ForeignAssistance.gov"}
AID_KINDS = {"economic_obligations": "Economic", "military_obligations": "Military"}


COCA_SERIES = {
    "unodc-bolivia": "UNODC with Bolivia's government",
    "us-government": "U.S. government (ONDCP/INCSR)",
    "bolivia-government": "Bolivian government (other)",
}


ANSWERS = {
    "favorable": "Favourable",
    "good-opinion": "Good or very good",
    "unfavorable": "Unfavourable",
    "great-deal-or-fair-amount": "A great deal or a fair amount",
    "approve": "Approve",
    "disapprove": "Disapprove",
    "dont-know": "Don't know",
}


def opinion_measures() -> list[str]:
    """What each poll question measures, in the order the schema lists them (``datapackage.json``)."""
    from .datasets import package

    fields = next(r for r in package()["resources"] if r["name"] == "opinion")["schema"]["fields"]
    return next(f for f in fields if f["name"] == "measure")["constraints"]["enum"]


#: Where a high-level contact took place, as the contacts chart's rows name it.
CONTACT_DIRECTIONS = {
    "to-united-states": "Bolivians to the U.S.",
    "to-bolivia": "Americans to Bolivia",
    "third-country": "Met elsewhere",
}
#: The kinds of contact, as a reader names them (the contacts schema's enum, in its order).
CONTACT_KINDS = {
    "state-visit": "State visit",
    "official-working-visit": "Official working visit",
    "working-visit": "Working visit",
    "informal-visit": "Informal visit",
    "guest-of-the-president": "Guest of the President",
    "treaty-signing": "Treaty signing",
    "summit": "Summit",
    "multilateral-meeting": "Multilateral meeting",
    "bilateral-meeting": "Bilateral meeting",
    "inauguration": "Inauguration",
}
CONTACT_RECORDS = {"office-of-the-historian": "Office of the Historian", "press": "Press reports (after the series)"}
CONTACT_LEVELS = {
    "head-of-state": "President",
    "head-of-state-elect": "President-elect",
    "secretary-of-state": "Secretary of State",
    "deputy-secretary-of-state": "Deputy Secretary of State",
    "foreign-minister": "Foreign minister",
}
