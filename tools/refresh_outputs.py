"""Re-execute notebooks in place so their stored outputs match the code and the data.

    python tools/refresh_outputs.py                # every notebook in notebooks/ and es/notebooks/
    python tools/refresh_outputs.py notebooks/00-overview.ipynb

The tests (nbval) compare these stored outputs with a fresh run, so run this after changing a
notebook, the package or a dataset, and commit the result. Timing metadata is not recorded, so
an unchanged notebook stays byte-for-byte unchanged. The outputs are the book's (charts for the
book's script); the Colab set-up cell and the values JupyterLab shows in the prose are brought
in step too (tools/notebook_sync.py).
"""

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebook_sync  # noqa: E402

from bolivia_us.book.kernels import use_book_kernel_profile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def refresh(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    os.environ["BOLIVIA_US_BOOK"] = "1"  # outputs as the book build makes them
    os.environ["BOLIVIA_US_DATA"] = str(ROOT / "data")
    use_book_kernel_profile(ROOT / "_build")  # the kernels start as the book build's do
    notebook_sync.sync_setup_cell(nb, path)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    nb.metadata.pop("widgets", None)  # widget state would make the book load a widget manager from a CDN
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if "skip-execution" in cell.metadata.get("tags", []):
            cell.outputs = []  # the book never runs it; its output only makes sense with a live kernel
    notebook_sync.sync_user_expressions(nb)
    nbformat.write(nb, path)
    print(f"refreshed {path.relative_to(ROOT)}")


if __name__ == "__main__":
    paths = [Path(p).resolve() for p in sys.argv[1:]] or (
        sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "es" / "notebooks").glob("*.ipynb"))
    )
    for p in paths:
        refresh(p)
