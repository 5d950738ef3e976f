"""The report's shared vocabulary: the names a reader sees for the datasets' codes, in one place.

Charts, the explorer and the prose all label categories, ranks, roads to power and series with
these words, so a category is called the same thing (and, in ``charts.encodings``, drawn in the
same colour) everywhere. Each word is given in English and Spanish (:class:`bolivia_us.language.Words`);
a mapping answers in the language in use.
"""

from __future__ import annotations

from ..language import Words

CATEGORIES = ["diplomacy", "coups-politics", "drugs", "trade-investment", "aid", "security"]


CATEGORY_LABELS = Words(
    {
        "diplomacy": ("Diplomacy", "Diplomacia"),
        "coups-politics": ("Coups, politics", "Golpes, política"),
        "drugs": ("Drugs", "Drogas"),
        "trade-investment": ("Trade, investment", "Comercio, inversión"),
        "aid": ("Aid", "Ayuda"),
        "security": ("Security", "Seguridad"),
    }
)


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
#: The ranks as a reader of each edition names them.
RANK_LABELS = Words(
    {
        "Ambassador": ("Ambassador", "Embajador"),
        "Minister": ("Minister", "Ministro"),
        "Chargé d'affaires": ("Chargé d'affaires", "Encargado de negocios"),
    }
)


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


#: The roads to power as a reader of each edition names them.
PATH_LABELS = Words(
    {
        "election": ("election", "elección"),
        "succession": ("succession", "sucesión"),
        "congress": ("congress", "Congreso"),
        "constitutional-assembly": ("constitutional-assembly", "asamblea constituyente"),
        "interim": ("interim", "interinato"),
        "revolution": ("revolution", "revolución"),
        "coup": ("coup", "golpe"),
        "not stated by the sources": ("not stated by the sources", "no consta en las fuentes"),
    }
)

#: The road to power of a president whose sources do not say how they came to office.
PATH_NOT_STATED = PATHS[-1]
#: Phrases the charts write into their data.
PHRASES = Words(
    {
        # how a term with no end date in the sources is labelled (it is drawn to the chart's end)
        "no-end-date": ("no end date in the sources", "sin fecha de fin en las fuentes"),
        "aid-obligations": ("U.S. aid obligations", "Obligaciones de ayuda de EE. UU."),
        "coca-cultivation": ("Coca cultivation", "Cultivo de coca"),
    }
)

#: Where the U.S. envoys' rows start: the legation to the confederation, then to Bolivia.
US_ENVOY_DIRECTIONS = ["us-to-bolivia", "us-to-confederation"]
COUNTRY_NAMES = Words({"bolivia": ("Bolivia", "Bolivia"), "united-states": ("United States", "Estados Unidos")})

#: The trade dataset's annual series, and its flows, as a reader names them.
# "Censo" is short, so a legend entry ("Exportaciones de EE. UU. (Censo)") fits a phone's width;
# the chart's source line names the U.S. Census Bureau in full.
TRADE_SOURCES = Words({"census": ("Census", "Censo"), "imf-dots": ("IMF DOTS", "FMI DOTS")})
TRADE_FLOWS = Words(
    {
        "us_exports": ("U.S. exports", "Exportaciones de EE. UU."),
        "us_imports": ("U.S. imports", "Importaciones de EE. UU."),
    }
)
TRADE_FLOWS_WITH_BOLIVIA = Words(
    {
        "us_exports": ("U.S. exports to Bolivia", "Exportaciones de EE. UU. a Bolivia"),
        "us_imports": ("U.S. imports from Bolivia", "Importaciones de EE. UU. desde Bolivia"),
    }
)

#: The aid dataset's sources.
AID_SOURCES = Words(
    {
        "greenbook": ("USAID Greenbook", "USAID Greenbook"),
        "foreignassistance-gov": ("ForeignAssistance.gov", "ForeignAssistance.gov"),
    }
)
AID_KINDS = Words({"economic_obligations": ("Economic", "Económica"), "military_obligations": ("Military", "Militar")})


COCA_SERIES = Words(
    {
        "unodc-bolivia": ("UNODC with Bolivia's government", "UNODC con el gobierno de Bolivia"),
        "us-government": ("U.S. government (ONDCP/INCSR)", "Gobierno de EE. UU. (ONDCP/INCSR)"),
        "bolivia-government": ("Bolivian government (other)", "Gobierno de Bolivia (otras cifras)"),
    }
)

#: How exact a coca figure is (the coca dataset's ``bound``): a tooltip says it in words.
BOUNDS = Words(
    {
        "exact": ("exact", "exacta"),
        "lower": ("at least (a lower bound)", "al menos (cota inferior)"),
        "approx": ("approximate (converted from another unit)", "aproximada (convertida de otra unidad)"),
    }
)


ANSWERS = Words(
    {
        "favorable": ("Favourable", "Favorable"),
        "good-opinion": ("Good or very good", "Buena o muy buena"),
        "unfavorable": ("Unfavourable", "Desfavorable"),
        "great-deal-or-fair-amount": ("A great deal or a fair amount", "Mucha o bastante"),
        "approve": ("Approve", "Aprueba"),
        "disapprove": ("Disapprove", "Desaprueba"),
        "dont-know": ("Don't know", "No sabe"),
    }
)


def opinion_measures() -> list[str]:
    """What each poll question measures, in the order the schema lists them (``datapackage.json``)."""
    from .datasets import package

    fields = next(r for r in package()["resources"] if r["name"] == "opinion")["schema"]["fields"]
    return next(f for f in fields if f["name"] == "measure")["constraints"]["enum"]


#: Where a high-level contact took place, as the contacts chart's rows name it.
CONTACT_DIRECTIONS = Words(
    {
        "to-united-states": ("Bolivians to the U.S.", "Bolivianos a EE. UU."),
        "to-bolivia": ("Americans to Bolivia", "Estadounidenses a Bolivia"),
        "third-country": ("Met elsewhere", "En un tercer país"),
    }
)
#: The kinds of contact, as a reader names them (the contacts schema's enum, in its order).
CONTACT_KINDS = Words(
    {
        "state-visit": ("State visit", "Visita de Estado"),
        "official-working-visit": ("Official working visit", "Visita oficial de trabajo"),
        "working-visit": ("Working visit", "Visita de trabajo"),
        "informal-visit": ("Informal visit", "Visita informal"),
        "guest-of-the-president": ("Guest of the President", "Invitado del presidente"),
        "treaty-signing": ("Treaty signing", "Firma de un tratado"),
        "summit": ("Summit", "Cumbre"),
        "multilateral-meeting": ("Multilateral meeting", "Reunión multilateral"),
        "bilateral-meeting": ("Bilateral meeting", "Reunión bilateral"),
        "inauguration": ("Inauguration", "Posesión presidencial"),
    }
)
CONTACT_RECORDS = Words(
    {
        "office-of-the-historian": ("Office of the Historian", "Office of the Historian"),
        "press": ("Press reports (after the series)", "Prensa (después de la serie)"),
    }
)
CONTACT_LEVELS = Words(
    {
        "head-of-state": ("President", "Presidente"),
        "head-of-state-elect": ("President-elect", "Presidente electo"),
        "secretary-of-state": ("Secretary of State", "Secretario de Estado"),
        "deputy-secretary-of-state": ("Deputy Secretary of State", "Subsecretario de Estado"),
        "foreign-minister": ("Foreign minister", "Canciller"),
    }
)
