"""Data and charts for the report *Bolivia–United States relations*.

The package has four parts, each a folder:

* ``data``: the datasets, loaded and validated (``load_dataset``), and the words a reader sees
  for their codes (``data.vocabulary``);
* ``frames``: tables shaped for a chart or a sentence (dates on a time axis, gaps kept as gaps,
  constant dollars, the yearly series);
* ``charts``: the house style (``charts.use_house_style()``) and one module per family of charts;
* ``facts``: the numbers and dates each chapter's prose glues, computed by named functions;

and the book machinery apart (``book``: renderers, the Sphinx extension, its hooks).

Importing the package changes nothing (no theme, no renderer): a notebook starts with

>>> from bolivia_us import charts, glue, load_dataset
>>> charts.use_house_style()  # doctest: +SKIP
>>> events = load_dataset("events")
"""

_EXPORTS = {
    "DatasetError": "data",
    "as_of": "data",
    "data_dir": "data",
    "dataset_names": "data",
    "dataset_path": "data",
    "latest_development": "data",
    "load_all": "data",
    "load_dataset": "data",
    "package": "data",
    "glue": "book.front_ends",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    # Imported on first use, so that the Sphinx extension (which imports this package on every
    # build) does not pay for pandas when nothing needs it.
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'bolivia_us' has no attribute {name!r}")
