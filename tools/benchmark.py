"""Measure the report on this machine and print each figure against its budget.

    python tools/benchmark.py            (or: bash scripts/benchmark)

Clean build, no-change rebuild, rebuild after one data change, largest page and total site
size, time until every chart of each chapter is drawn in headless Chromium, and the test suite.
The data change is made in a copy of data/ (BOLIVIA_US_DATA), so the repository is never touched.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
BUILD = [sys.executable, "-m", "bolivia_us.book.build"]  # as scripts/build-book runs it


def timed(cmd, env=None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def build(env=None) -> float:
    return timed([*BUILD, str(ROOT), "-W", "--keep-going"], env=env)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a tab closed once its charts were drawn, while the icon font was still on its way


def chart_times(rounds: int = 3) -> dict[str, float]:
    """Seconds from asking for each chapter page until every chart on it has drawn its marks.

    The clock stops when the charts are drawn, not at the page's load event, which also waits for
    the theme's icon font and images.

    Each page is loaded ``rounds`` times in a fresh tab (the browser's cache kept, as for a reader
    moving between chapters) and the median is reported, so one slow start does not decide it.
    """
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=str(HTML))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    samples: dict[str, list[float]] = {}
    chapters = sorted((HTML / "notebooks").glob("0[1-6]-*.html"))
    # every chart the page holds, so that a half-parsed page with none yet does not count as drawn
    expected = {p.name: p.read_text(encoding="utf-8").count('class="bolivia-us-chart"') for p in chapters}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        )
        for _ in range(rounds):
            for page_path in chapters:
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(
                    f"http://127.0.0.1:{server.server_address[1]}/notebooks/{page_path.name}", wait_until="commit"
                )
                page.wait_for_function(
                    """n => { const charts = document.querySelectorAll('.bolivia-us-chart');
                        return charts.length === n && Array.from(charts).every(el => el.querySelector('svg g.role-mark')); }""",
                    arg=expected[page_path.name],
                    timeout=30_000,
                    polling=20,
                )
                samples.setdefault(page_path.stem, []).append(time.perf_counter() - start)
                page.close()
        browser.close()
    server.shutdown()
    return {name: statistics.median(times) for name, times in samples.items()}


def main() -> None:
    rows = []

    def report(what, value, unit, budget=None):
        verdict = "" if budget is None else ("within budget" if value <= budget else "OVER BUDGET")
        limit = "" if budget is None else f"{budget:g} {unit}"
        rows.append((what, f"{value:,.1f} {unit}", limit, verdict))

    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    clean = build()
    pages = [p for p in HTML.rglob("*.html") if "_static" not in p.parts]
    report("clean build (all notebooks executed)", clean, "s")
    report("clean build per page", clean / len(pages), "s", 3.5)
    # median of three: one rebuild takes 2.3-3.6 s on a 2-core machine, depending on what else runs
    report("no-change rebuild (median of 3)", statistics.median(build() for _ in range(3)), "s", 3.0)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        events = data / "events.csv"
        events.write_text(events.read_text(encoding="utf-8").replace("Thornton", "Thornton ", 1), encoding="utf-8")
        report("rebuild after one data change", build(env={**os.environ, "BOLIVIA_US_DATA": str(data)}), "s")
    build()  # back to the real data
    sizes = {p: p.stat().st_size / 1024 for p in pages}
    largest = max(sizes, key=sizes.get)
    report(f"largest page ({largest.relative_to(HTML)})", sizes[largest], "KB")
    for chapter in sorted((HTML / "notebooks").glob("0[1-6]-*.html")):
        report(f"chapter HTML, {chapter.stem}", sizes[chapter], "KB", 200)
    chapters = sorted((HTML / "notebooks").glob("0[1-6]-*.html"))
    zipped = max(len(gzip.compress(c.read_bytes())) / 1024 for c in chapters)
    report("largest chapter HTML as a server sends it (gzip)", zipped, "KB")
    total = sum(f.stat().st_size for f in HTML.rglob("*") if f.is_file()) / 1024 / 1024
    report("total site size", total, "MB")
    for name, seconds in chart_times().items():
        report(f"all charts drawn, {name}", seconds, "s", 1.5)
    report("test suite", timed([sys.executable, "-m", "pytest", "-q"]), "s")

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>12}  {'budget':>10}  verdict")
    for what, value, budget, verdict in rows:
        print(f"{what:<{width}}  {value:>12}  {budget:>10}  {verdict}")


if __name__ == "__main__":
    main()
