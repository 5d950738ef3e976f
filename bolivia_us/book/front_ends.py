"""The two places a notebook runs, and what each needs from it.

* **The book build** (Jupyter Book executing the notebooks, and the stored outputs that the
  tests compare): charts are ``text/html`` that the book's own script draws, with tooltips, menus
  and downloads; numbers reach the prose through myst-nb's ``glue``.
* **A live kernel** (JupyterLab, Binder, Jupyter Notebook, VS Code, Colab): charts are drawn as
  SVG, which those front ends show offline; a glued number is also kept on ``glued``,
  so that ``{eval}`glued.name``` in the prose (rendered by jupyterlab-myst) shows it.

The build says which is which by setting ``BOLIVIA_US_BOOK=1`` before it starts the kernels.
"""

from __future__ import annotations

import os

BOOK_BUILD_ENV = "BOLIVIA_US_BOOK"


def in_book_build() -> bool:
    """True while the book (or the tests' copy of its outputs) executes the notebook."""
    return os.environ.get(BOOK_BUILD_ENV) == "1"


class Glued:
    """Every value a notebook has glued, by name: ``glued.n_sources``."""

    def __repr__(self) -> str:
        return f"glued values: {', '.join(sorted(vars(self)))}"


#: The values glued so far in this kernel; the prose reads them as ``{eval}`glued.name```.
glued = Glued()


def glue(name: str, value) -> None:
    """Make ``value`` available to the prose as ``{eval}`glued.name```.

    In the book the role reads myst-nb's glue record; in a live kernel jupyterlab-myst evaluates
    ``glued.name`` in the kernel, so the value is kept on :data:`glued`, which is bound in the
    notebook's namespace (apart from the notebook's own variables, which may share a name).
    Where myst-nb is not installed (Binder and Colab do without it) only ``glued`` is set.
    """
    if not name.isidentifier():
        raise ValueError(f"a glue name must be a Python name, so the prose can evaluate it: {name!r}")
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        pass
    else:
        myst_glue(name, value, display=False)
    setattr(glued, name, value)
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.user_ns["glued"] = glued
