"""Format numbers and dates from the datasets for the report's prose (glued, never typed)."""

from __future__ import annotations

import math

from ..data.datasets import parse_partial_date, precision_of


def long_date(text: str) -> str:
    """A dataset date in words, to the precision it is known: '13 October 2006', 'August 2009', '1941'."""
    day = parse_partial_date(text, precision_of(text))
    precision = precision_of(text)
    if precision == "day":
        return f"{day.day} {day:%B %Y}"
    if precision == "month":
        return f"{day:%B %Y}"
    return f"{day:%Y}"


def usd_millions(amount: float, decimals: int = 1) -> str:
    """An amount in dollars as '$12.3 million' (or '$1.2 billion' from a thousand million up)."""
    if amount is None or (isinstance(amount, float) and math.isnan(amount)):
        raise ValueError("no amount to format: the dataset has no value here")
    if abs(amount) >= 1e9:
        return f"${amount / 1e9:,.{decimals}f} billion"
    return f"${amount / 1e6:,.{decimals}f} million"


def hectares(value: float) -> str:
    """Hectares with a thousands separator: '22,000'."""
    return f"{value:,.0f}"


def legal_limits_in_words(limits) -> str:
    """The coca-limits rows in words, oldest first: '12,000 hectares from 1988 and 22,000 hectares
    from 2017', for chart descriptions that must not type numbers the data hold."""
    rows = limits.sort_values("from_date")
    parts = [
        f"{hectares(h)} hectares from {str(d)[:4]}" for h, d in zip(rows["hectares"], rows["from_date"], strict=True)
    ]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def number_in_words(count: int) -> str | int:
    """A small count as a word, as prose writes it ('three'); ten and more stay figures."""
    words = "zero one two three four five six seven eight nine".split()
    return words[count] if 0 <= count < 10 else count


def count_of(count: int, noun: str) -> str:
    """A count with its noun, as prose says it: 'no trip', 'one trip', 'four trips'."""
    if count == 0:
        return f"no {noun}"
    return f"{number_in_words(count)} {noun}{'' if count == 1 else 's'}"
