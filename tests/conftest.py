"""Shared fixtures: the built book (built once per test session) and a local web server for it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"

# nbval runs the notebooks as the book build does (charts for the book's script, glue records),
# so that it compares like with like: the stored outputs are the book's (tools/refresh_outputs.py).
os.environ["BOLIVIA_US_BOOK"] = "1"


# Test tiers. A plain `pytest` runs the fast tier (datasets, bad input, package, chapters' text,
# references: about a minute); the README's test command and CI run every tier (`-m ""`), and
# `pytest -m book`, `-m nbval`, `-m browser` or `-m rehearsal` runs one. A test's tier follows
# from what it needs, so a new test lands in the right one without being told.
TIERS = {
    "book": {"built_book", "site_url", "rebuilt_copy", "printed_book"},  # a built book (about a minute, once)
    "browser": {"browser", "chromium_path"},  # Chromium on the built book, with the network cut
    "rehearsal": {"student_venv"},  # a fresh environment as Binder or Colab would make it
    "nbval": {"notebook_kernel"},  # the notebooks run in a kernel
}


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(config, items):
    notebooks = {ROOT / "notebooks", ROOT / "es" / "notebooks"}  # both editions'
    for item in items:
        if notebooks & set(Path(str(item.path)).parents):
            item.add_marker("nbval")
        needs = set(getattr(item, "fixturenames", ()))
        for tier, fixtures in TIERS.items():
            if needs & fixtures:
                item.add_marker(tier)


#: the book's build command, as scripts/build-book runs it (jupyter-book build, pages read in parallel)
BUILD_COMMAND = [sys.executable, "-m", "bolivia_us.book.build"]


#: the print edition's command, which scripts/build-book runs after the HTML build
PRINT_COMMAND = [sys.executable, "-m", "bolivia_us.book.print_edition"]


def build_book(
    *extra: str, env: dict | None = None, root: Path = ROOT, print_edition: bool = False
) -> subprocess.CompletedProcess:
    """Build the book as the README does: every notebook executed, Sphinx warnings are errors;
    with ``print_edition``, the PDFs too."""
    result = subprocess.run(
        [*BUILD_COMMAND, str(root), "-W", "--keep-going", *extra],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not print_edition:
        return result
    return subprocess.run(PRINT_COMMAND, cwd=root, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The built site, with its print edition. Fails with the build's own log if the build fails."""
    result = build_book(print_edition=True)
    if result.returncode != 0:
        pytest.fail(
            f"the book did not build (exit {result.returncode}):\n{result.stdout[-6000:]}\n{result.stderr[-6000:]}"
        )
    return HTML


@pytest.fixture(scope="session")
def printed_book(built_book) -> Path:
    """The built site whose pdf/ folder holds the print edition (made with the build)."""
    return built_book


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_book: Path):
    """Serve the built site on 127.0.0.1 (a free port) for the browser tests."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def built_pages(html_dir: Path) -> list[Path]:
    """Every HTML page of the built site, except Sphinx's generated index and search pages."""
    skip = {"genindex.html", "search.html"}
    return sorted(p for p in html_dir.rglob("*.html") if p.name not in skip and "_static" not in p.parts)


# Every host but 127.0.0.1 unreachable: the book (and JupyterLab) must work with the network cut.
CHROMIUM_ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def browser(chromium_path):
    """Headless Chromium (Debian's, driven by Playwright) with the network cut."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        pytest.fail(f"Chromium not found at {path}: run `bash scripts/install-chromium` (the test command does)")
    return path


def student_environment() -> dict:
    """The environment of a student's kernel: nothing the book build or the tests set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOLIVIA_US_") and k != "VIRTUAL_ENV"}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return env


def copy_of_repository(target: Path) -> Path:
    """The repository's files as a clone has them (tracked and new, not ignored ones)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target
