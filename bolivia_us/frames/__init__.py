"""Shaping helpers: tables made ready for a chart or a sentence, with nothing filled in."""

from .dates import between, first_day, with_start_date, year_to_date
from .gaps import missing_years, with_missing_years

__all__ = ["between", "first_day", "missing_years", "with_missing_years", "with_start_date", "year_to_date"]
