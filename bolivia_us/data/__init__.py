"""The datasets: where they live (``folder``), how they are loaded and validated (``datasets``),
the words a reader sees for their codes (``vocabulary``) and the map's outlines (``geo``)."""

from .datasets import (
    DatasetError,
    as_of,
    dataset_names,
    dataset_path,
    latest_development,
    load_all,
    load_dataset,
    package,
)
from .folder import data_dir

__all__ = [
    "DatasetError",
    "as_of",
    "data_dir",
    "dataset_names",
    "dataset_path",
    "latest_development",
    "load_all",
    "load_dataset",
    "package",
]
