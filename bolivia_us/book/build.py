"""The book's build command: ``jupyter-book build`` with the pages read, and so the notebooks
executed, several at a time.

    python -m bolivia_us.book.build . -W --keep-going     # what scripts/build-book runs
    BOOK_JOBS=1 python -m bolivia_us.book.build . -W      # one page at a time

It builds both editions: the English book into ``_build/html``, then the Spanish one (``es/``, its
own book) into ``_build/es`` and copies it to ``_build/html/es``, so the site publishes them side
by side. ``BOOK_EDITIONS=en`` builds the English one only.

Jupyter Book 1's command line has no ``-j``, but the function it calls takes ``jobs``; every other
option, ``_config.yml`` and ``_toc.yml`` are read exactly as by ``jupyter-book build``, so there is
no generated ``conf.py`` to keep in step. Two extensions that do not declare themselves safe to read
in parallel were audited at their pinned versions (``hooks.PARALLEL_READ_AUDITED``).

Four jobs by default: each spends much of its time waiting for its kernel, so on a 2-core machine
four are faster than two (measured: see the README's "Build speed").
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
from pathlib import Path

DEFAULT_JOBS = 4


def jobs() -> int:
    """``BOOK_JOBS`` if set (a whole number, at least 1), else :data:`DEFAULT_JOBS`."""
    wanted = os.environ.get("BOOK_JOBS", "").strip() or str(DEFAULT_JOBS)
    if not wanted.isdigit() or int(wanted) < 1:
        raise SystemExit(f"BOOK_JOBS must be a whole number of at least 1, not {wanted!r}")
    return int(wanted)


def _run(jupyter_book_command, args: list[str]) -> int:
    try:
        jupyter_book_command(["build", *args], standalone_mode=False)
    except SystemExit as stop:
        return int(stop.code or 0)
    return 0


def editions(args: list[str]) -> list[tuple[str, list[str], Path | None]]:
    """Each edition's ``jupyter-book build`` arguments and where its site is copied to."""
    from .editions import SPANISH_FOLDER

    wanted = os.environ.get("BOOK_EDITIONS", "en,es").split(",")
    path = next((a for a in args if not a.startswith("-")), ".")
    rest = [a for a in args if a != path]
    root = Path(path)
    out = [("en", args, None)]
    if "es" in wanted and (root / SPANISH_FOLDER / "_config.yml").is_file():
        built = root / "_build" / SPANISH_FOLDER
        out.append(("es", [str(root / SPANISH_FOLDER), "--path-output", str(built), *rest], built / "_build" / "html"))
    return [e for e in out if e[0] in wanted]


def main(argv: list[str] | None = None) -> None:
    # This process's own jsonschema (Jupyter Book validates _config.yml with it) need not build
    # rfc3987_syntax's parsers either: see bolivia_us.book.kernels. Set here, in the command's own
    # process, never on import.
    sys.modules.setdefault("rfc3987_syntax", None)
    import jupyter_book.sphinx
    from jupyter_book.cli.main import main as jupyter_book_command

    # `jupyter-book build` imports build_sphinx from that module when it runs.
    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx, jobs=jobs())
    args = sys.argv[1:] if argv is None else argv
    root = Path(next((a for a in args if not a.startswith("-")), "."))
    for edition, edition_args, site in editions(args):
        code = _run(jupyter_book_command, edition_args)
        if code:
            raise SystemExit(f"the {edition} edition did not build (exit {code})")
        if site is not None:
            target = root / "_build" / "html" / "es"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(site, target)


if __name__ == "__main__":
    main()
