"""Data and charts for the report *Bolivia–United States relations*.

>>> from bolivia_us import load_dataset, charts
>>> events = load_dataset("events")
"""

from .front_ends import glue
from .paths import data_dir

_DATASET_API = [
    "DatasetError",
    "as_of",
    "dataset_names",
    "dataset_path",
    "latest_development",
    "load_all",
    "load_dataset",
    "package",
]
__all__ = ["data_dir", "glue", *_DATASET_API]


def __getattr__(name):
    # The dataset functions are imported on first use, so that the Sphinx extension (which
    # imports this package on every build) does not pay for pandas when nothing needs it.
    if name in _DATASET_API:
        from . import datasets

        return getattr(datasets, name)
    raise AttributeError(f"module 'bolivia_us' has no attribute {name!r}")
