"""Dates and numbers as each edition writes them: "16 March 1837" and "12,345.6" in English,
"16 de marzo de 1837" and "12.345,6" in Spanish (the decimal comma and the thousands dot used in
Bolivia)."""

from __future__ import annotations

import datetime as dt

from . import current

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
SHORT_MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "es": "ene feb mar abr may jun jul ago sept oct nov dic".split(),
}
DAYS = {
    "en": "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(),
    "es": "domingo lunes martes miércoles jueves viernes sábado".split(),
}
SHORT_DAYS = {"en": "Sun Mon Tue Wed Thu Fri Sat".split(), "es": "dom lun mar mié jue vie sáb".split()}
SEPARATORS = {"en": (",", "."), "es": (".", ",")}  # thousands, decimal


def day_month_year(day: dt.date) -> str:
    """'16 March 1837' / '16 de marzo de 1837'."""
    month = MONTHS[current()][day.month - 1]
    return f"{day.day} de {month} de {day.year}" if current() == "es" else f"{day.day} {month} {day.year}"


def month_year(day: dt.date) -> str:
    """'August 2009' / 'agosto de 2009'."""
    month = MONTHS[current()][day.month - 1]
    return f"{month} de {day.year}" if current() == "es" else f"{month} {day.year}"


def number(value: float, decimals: int = 0) -> str:
    """A number with the edition's separators: '12,345.6' / '12.345,6'."""
    text = f"{value:,.{decimals}f}"
    thousands, decimal = SEPARATORS[current()]
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def vega_locale() -> dict | None:
    """Vega-Lite's ``config.locale`` for the language in use (None for English, Vega's default):
    the charts' axes then print "1.500" and "ene 2020" in the Spanish edition."""
    if current() == "en":
        return None
    thousands, decimal = SEPARATORS["es"]
    return {
        "number": {"decimal": decimal, "thousands": thousands, "grouping": [3], "currency": ["US$ ", ""]},
        "time": {
            "dateTime": "%A, %e de %B de %Y, %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["a. m.", "p. m."],
            "days": DAYS["es"],
            "shortDays": SHORT_DAYS["es"],
            "months": MONTHS["es"],
            "shortMonths": SHORT_MONTHS["es"],
        },
    }
