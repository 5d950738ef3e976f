"""Where the datasets live; kept apart so that the build can find them without importing pandas."""

import os
from pathlib import Path

#: The folder holding the CSV files and ``datapackage.json``.  ``BOLIVIA_US_DATA`` overrides it
#: (the tests use this to validate corrupted copies).
DATA_DIR = Path(os.environ.get("BOLIVIA_US_DATA", Path(__file__).resolve().parent.parent / "data"))
