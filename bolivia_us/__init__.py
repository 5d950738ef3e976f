"""Data and charts for the report *Bolivia–United States relations*.

>>> from bolivia_us import load_dataset, charts
>>> events = load_dataset("events")
"""

from .datasets import DATA_DIR, DatasetError, as_of, dataset_names, dataset_path, load_all, load_dataset, package

__all__ = ["DATA_DIR", "DatasetError", "as_of", "dataset_names", "dataset_path", "load_all", "load_dataset", "package"]
