"""Current and constant dollars.

The datasets store money as the sources give it, in current (nominal) dollars. To compare years,
``in_constant_dollars`` divides by a named U.S. price index from the ``deflator`` dataset. A year
the index does not cover gets no constant-dollar value: nothing is extrapolated.
"""

from __future__ import annotations

import pandas as pd

from ..data.datasets import load_dataset

DEFAULT_DEFLATOR = "bea-gdp-implicit-price-deflator"


def in_constant_dollars(
    frame: pd.DataFrame,
    columns: list[str],
    *,
    year_column: str = "fiscal_year",
    base_year: int | None = None,
    deflator_series: str = DEFAULT_DEFLATOR,
) -> pd.DataFrame:
    """Add ``<column>_constant`` for each column: the amount in ``base_year`` dollars.

    ``base_year`` defaults to the latest year the index covers. A fiscal year is deflated with the
    calendar year of the same number, the usual approximation. The base year and the index are
    recorded in ``frame.attrs`` so that a chart can name them in its source line.
    """
    index = load_dataset("deflator")
    index = index[index["series"] == deflator_series].set_index("year")["index_value"]
    if index.empty:
        raise KeyError(f"no deflator series named {deflator_series!r}")
    base_year = int(base_year or index.index.max())
    if base_year not in index.index:
        raise KeyError(f"the deflator {deflator_series!r} has no value for the base year {base_year}")
    factor = index.loc[base_year] / frame[year_column].map(index)
    out = frame.copy()
    for col in columns:
        out[f"{col}_constant"] = (out[col] * factor).astype("Float64")
    out.attrs.update(constant_dollars_base_year=base_year, deflator_series=deflator_series)
    return out
