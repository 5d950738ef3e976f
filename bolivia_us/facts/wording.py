"""Format numbers and dates from the datasets for the report's prose (glued, never typed), in the
language in use (``bolivia_us.language``): "13 October 2006" or "13 de octubre de 2006",
"$12.3 million" or "US$ 12,3 millones"."""

from __future__ import annotations

import math

from ..data.datasets import parse_partial_date, precision_of
from ..language import current, say
from ..language.formats import day_month_year, month_year, number


def long_date(text: str) -> str:
    """A dataset date in words, to the precision it is known: '13 October 2006', 'August 2009', '1941'."""
    day = parse_partial_date(text, precision_of(text))
    precision = precision_of(text)
    if precision == "day":
        return day_month_year(day)
    if precision == "month":
        return month_year(day)
    return f"{day:%Y}"


def usd_millions(amount: float, decimals: int = 1) -> str:
    """An amount in dollars as '$12.3 million' (or '$1.2 billion' from a thousand million up);
    in Spanish 'US$ 12,3 millones' ('US$ 1,2 mil millones')."""
    if amount is None or (isinstance(amount, float) and math.isnan(amount)):
        raise ValueError("no amount to format: the dataset has no value here")
    if abs(amount) >= 1e9:
        figure = number(amount / 1e9, decimals)
        return say(f"${figure} billion", f"US$ {figure} mil millones")
    figure = number(amount / 1e6, decimals)
    return say(f"${figure} million", f"US$ {figure} millones")


def hectares(value: float) -> str:
    """Hectares with a thousands separator: '22,000' ('22.000' in Spanish)."""
    return number(value, 0)


def legal_limits_in_words(limits) -> str:
    """The coca-limits rows in words, oldest first: '12,000 hectares from 1988 and 22,000 hectares
    from 2017', for chart descriptions that must not type numbers the data hold."""
    rows = limits.sort_values("from_date")
    unit, both = say("hectares from", "hectáreas desde"), say(" and ", " y ")
    parts = [f"{hectares(h)} {unit} {str(d)[:4]}" for h, d in zip(rows["hectares"], rows["from_date"], strict=True)]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + both + parts[-1]


NUMBER_WORDS = {
    "en": "zero one two three four five six seven eight nine".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split(),
}

#: The nouns the facts count, in both languages: singular and plural.
NOUNS = {
    "trip": {"en": ("trip", "trips"), "es": ("viaje", "viajes")},
}


def number_in_words(count: int) -> str | int:
    """A small count as a word, as prose writes it ('three', 'tres'); ten and more stay figures."""
    return NUMBER_WORDS[current()][count] if 0 <= count < 10 else count


def count_of(count: int, noun: str) -> str:
    """A count with its noun, as prose says it: 'no trip', 'one trip', 'four trips'; in Spanish
    'ningún viaje', 'un viaje', 'cuatro viajes'."""
    if noun not in NOUNS:
        raise KeyError(f"no Spanish words for the noun {noun!r}: add it to facts.wording.NOUNS")
    singular, plural = NOUNS[noun][current()]
    if current() == "es":
        if count == 0:
            return f"ningún {singular}"
        return f"un {singular}" if count == 1 else f"{number_in_words(count)} {plural}"
    if count == 0:
        return f"no {singular}"
    return f"{number_in_words(count)} {singular if count == 1 else plural}"
