"""pytest's settings for the whole repository, so that `pytest notebooks/…` alone compares like
with like: nbval runs the notebooks as the book build does (charts for the book's script, glue
records), which is how their stored outputs were made (tools/refresh_outputs.py)."""

import os

os.environ["BOLIVIA_US_BOOK"] = "1"
