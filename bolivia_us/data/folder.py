"""Where the datasets live; kept apart so that the build can find them without importing pandas.

The data belong to the report's checkout, not to the installed package: a student may install
the package normally (Binder does), in editable mode, or use one environment for two checkouts.
So the data folder is looked for, in this order:

1. ``BOLIVIA_US_DATA``, when set: the book build sets it to its own ``data/`` folder (its
   notebooks' kernels inherit it), and the tests set it to validate corrupted copies;
2. the working folder and each folder above it, for the report's checkout (a folder holding
   ``_config.yml`` and ``data/datapackage.json``): a notebook runs in ``notebooks/``;
3. the checkout this package's own files sit in (an editable install, or the repository on
   ``sys.path`` as in Colab).

Nothing else is guessed: when none of these holds the data, :class:`DataFolderNotFound` says
where it looked.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "BOLIVIA_US_DATA"
DESCRIPTOR = "datapackage.json"


class DataFolderNotFound(FileNotFoundError):
    """No data folder was found; the message lists every place that was looked at."""


def is_checkout(folder: Path) -> bool:
    """A folder holding the report: its book configuration and its data package."""
    return (folder / "_config.yml").is_file() and (folder / "data" / DESCRIPTOR).is_file()


def data_dir(start: Path | None = None) -> Path:
    """The data folder of the report being built or run (see the module's docstring for the order)."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    here = Path(start or Path.cwd()).resolve()
    looked = []
    for folder in (here, *here.parents):
        looked.append(folder)
        if is_checkout(folder):
            return folder / "data"
    own = Path(__file__).resolve().parents[2]  # bolivia_us/data/folder.py -> the checkout
    looked.append(own)
    if is_checkout(own):
        return own / "data"
    raise DataFolderNotFound(
        "the report's data folder was not found. Looked for a checkout of the report (a folder with "
        f"_config.yml and data/{DESCRIPTOR}) in the working folder {here}, the folders above it, and "
        f"the folder the package was installed from ({own}). Run the notebook from inside the "
        f"report's folder, or set {ENV_VAR} to the path of its data/ folder."
    )
