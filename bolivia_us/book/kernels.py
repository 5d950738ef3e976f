"""How the kernels that execute the book's notebooks start.

The build (and ``tools/refresh_outputs.py``) start each notebook's kernel with the book's own
IPython profile, written under ``_build/``, instead of the profile of whoever runs the build:

* a contributor's personal start-up files can never change the book's outputs;
* its one start-up file spares every kernel about 1.3 s (2.5 s on a busy 2-core machine).
  jsonschema, which Altair imports, loads ``rfc3987_syntax`` when it is installed (JupyterLab's
  ``jupyter-events`` asks for it) only to check strings declared ``"format": "iri"``, and that
  module builds its Earley parsers as it is imported. Neither the Vega-Lite schema nor any
  schema of this book uses that format, and Altair does not check formats, so the module is
  marked as absent in the book's kernels; jsonschema then leaves out that one check.

A student's kernel (JupyterLab, Binder, Colab) keeps the normal profile: nothing here runs there.
"""

from __future__ import annotations

import os
from pathlib import Path

#: the environment variable IPython reads to find its profiles
IPYTHON_DIR_ENV = "IPYTHONDIR"

STARTUP = """\
# Written by bolivia_us.book.kernels for the book's build: see that module.
import sys

sys.modules.setdefault("rfc3987_syntax", None)
"""


def book_kernel_profile(build_dir: Path) -> Path:
    """Write the book's IPython directory under ``build_dir`` and return it."""
    ipython_dir = Path(build_dir) / ".kernel-ipython"
    startup = ipython_dir / "profile_default" / "startup" / "00-book-build.py"
    startup.parent.mkdir(parents=True, exist_ok=True)
    if not startup.exists() or startup.read_text(encoding="utf-8") != STARTUP:
        startup.write_text(STARTUP, encoding="utf-8")
    return ipython_dir


def use_book_kernel_profile(build_dir: Path) -> None:
    """Make every kernel this process starts from now on use the book's profile."""
    os.environ[IPYTHON_DIR_ENV] = str(book_kernel_profile(build_dir))
