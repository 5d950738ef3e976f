"""Every built page, opened in headless Chromium with every host but 127.0.0.1 unreachable,
draws every chart it holds and logs no console errors."""

from urllib.parse import urlparse

import pytest

from bolivia_us import load_dataset
from bolivia_us.book.renderer import CHART_CLASS
from conftest import built_pages

pytest.importorskip("playwright.sync_api")


# For every chart on a page: how many marks (SVG shapes inside Vega's mark groups) it drew, and
# whether it showed the report's "could not be drawn" message.
COUNT_MARKS = f"""() => Array.from(document.querySelectorAll('.{CHART_CLASS}')).map(el => ({{
    marks: el.querySelectorAll('svg g.role-mark > *').length,
    symbols: el.querySelectorAll('svg g.mark-symbol.role-mark > path').length,
    error: el.querySelector('.chart-error') ? el.innerText : null,
    label: el.getAttribute('aria-label') || (el.querySelector('[role="graphics-document"][aria-label]') || {{getAttribute: () => null}}).getAttribute('aria-label'),
}}))"""

ALL_DRAWN = f"""() => Array.from(document.querySelectorAll('.{CHART_CLASS}')).every(
    el => el.querySelector('svg g.role-mark') || el.querySelector('.chart-error'))"""


def open_page(browser, url):
    """Open a page, recording console errors, page errors and any request that leaves 127.0.0.1."""
    context = browser.new_context()
    page = context.new_page()
    log = {"console": [], "offsite": []}

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            log["offsite"].append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page.on("console", lambda m: log["console"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["console"].append(f"page error: {e}"))
    page.goto(url, wait_until="load")
    page.wait_for_function(ALL_DRAWN, timeout=20_000)
    return context, page, log


def test_every_page_draws_every_chart_offline_without_console_errors(browser, site_url, built_book):
    failures, charts_seen = [], 0
    for path in built_pages(built_book):
        rel = path.relative_to(built_book).as_posix()
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="Refresh"' in html[:2000]:
            continue  # the root's redirect: the browser may already be on the landing page, tested itself
        expected = html.count(f'class="{CHART_CLASS}"')
        context, page, log = open_page(browser, f"{site_url}/{rel}")
        charts = page.evaluate(COUNT_MARKS)
        context.close()
        charts_seen += len(charts)
        if len(charts) != expected:
            failures.append(f"{rel}: {expected} charts in the HTML, {len(charts)} in the page")
        for i, chart in enumerate(charts, 1):
            if chart["error"] or chart["marks"] == 0:
                failures.append(f"{rel}: chart {i} drew no marks ({chart['error'] or 'empty'})")
            if not chart["label"]:
                failures.append(f"{rel}: chart {i} has no text description (aria-label)")
        failures += [f"{rel}: console error: {m}" for m in log["console"]]
        failures += [f"{rel}: tried to load from another host: {u}" for u in log["offsite"]]
    assert charts_seen >= 1, "no chart found on any page"
    assert not failures, "\n".join(failures)


def test_overview_timeline_draws_one_dot_per_event(browser, site_url, built_book):
    context, page, _ = open_page(browser, f"{site_url}/notebooks/00-overview.html")
    charts = page.evaluate(COUNT_MARKS)
    context.close()
    assert charts[0]["symbols"] == len(load_dataset("events"))


def test_the_contacts_chart_draws_one_mark_per_contact_offline(browser, site_url, built_book):
    contacts = len(load_dataset("contacts"))
    for page_name, figure in (("00-overview", "fig-overview-contacts"), ("06-present", "fig-c06-contacts")):
        context, page, log = open_page(browser, f"{site_url}/notebooks/{page_name}.html")
        symbols = page.evaluate(
            f"() => document.querySelectorAll('#{figure} svg g.mark-symbol.role-mark > path').length"
        )
        context.close()
        assert symbols == contacts, f"{page_name}: {symbols} marks for {contacts} contacts"
        assert not log["offsite"], log["offsite"]


def test_chart_download_holds_exactly_the_charted_rows(browser, site_url, tmp_path):
    import csv

    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{site_url}/notebooks/00-overview.html", wait_until="load")
    page.wait_for_function(ALL_DRAWN, timeout=20_000)
    with page.expect_download() as info:
        page.click(".bolivia-us-figure >> nth=0 >> a.chart-download >> nth=0")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    context.close()
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    events = load_dataset("events")
    assert len(rows) == len(events)
    assert {r["title"] for r in rows} == set(events["title"])
    assert all(r["source_title"] for r in rows), "every downloaded row keeps its source"


def test_a_citation_shows_its_full_entry_on_hover_and_focus(browser, site_url):
    """Each chapter cites its sources ~150 times; the entry is read from the page's own list when
    the reader hovers or tabs to a citation, instead of being copied into every link."""
    context, page, log = open_page(browser, f"{site_url}/notebooks/02-tin-oil-war.html")
    citations = page.locator("span.bibtex-citation a.reference.internal")
    assert citations.count() > 50
    first, last = citations.first, citations.last
    assert first.get_attribute("title") is None, "entries should not be copied into the page's links"
    first.hover()
    last.focus()
    for link in (first, last):
        target = link.get_attribute("href").lstrip("#")
        entry = page.evaluate(f"document.getElementById('{target}').querySelector('p').textContent")
        assert link.get_attribute("title") == " ".join(entry.split()), f"citation #{target} shows no entry"
    context.close()
    assert not log["console"], log["console"]


def test_with_scripts_off_each_chart_says_what_it_shows(browser, site_url):
    """A reader with scripts off (or a notebook preview) gets each chart's description in words."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/notebooks/04-drug-policy.html")
    texts = page.locator(f".{CHART_CLASS}").all_inner_texts()
    context.close()
    assert len(texts) >= 4
    assert all(t.startswith("Chart: ") and len(t) > 60 for t in texts), texts


def test_every_chart_offers_its_data_and_its_notebook(browser, site_url, built_book):
    failures = []
    for path in built_pages(built_book):
        rel = path.relative_to(built_book).as_posix()
        if 'class="bolivia-us-chart"' not in path.read_text(encoding="utf-8"):
            continue
        context, page, _ = open_page(browser, f"{site_url}/{rel}")
        tools = page.evaluate("""() => Array.from(document.querySelectorAll('.bolivia-us-figure')).map(f => ({
            downloads: Array.from(f.querySelectorAll('a.chart-download')).map(a => Number(a.dataset.rows)),
            launch: Array.from(f.querySelectorAll('a.chart-launch')).map(a => a.href)}))""")
        context.close()
        notebook = rel.replace(".html", ".ipynb")
        from_a_notebook = rel.startswith("notebooks/")  # the landing page shows one chart of the overview
        for i, t in enumerate(tools, 1):
            if not t["downloads"] or min(t["downloads"]) < 1:
                failures.append(f"{rel}: chart {i} offers no data download")
            if from_a_notebook and (len(t["launch"]) != 2 or not all(notebook in href for href in t["launch"])):
                failures.append(f"{rel}: chart {i} launch links {t['launch']} do not open {notebook}")
    assert not failures, "\n".join(failures)


def test_linked_views_share_category_and_era_with_no_kernel(browser, site_url):
    """On the overview, a category picked on the timeline, and an era picked once, apply to the
    trade, aid and coca charts below it (dashed rules, one per matching event and chart)."""
    events = load_dataset("events")
    eras = load_dataset("eras").set_index("era_id")
    context, page, log = open_page(browser, f"{site_url}/notebooks/00-overview.html")
    figure = [f for f in page.query_selector_all(".bolivia-us-figure") if "pick years, an era" in f.inner_text()][0]
    count = "f => f.querySelectorAll('g.mark-rule.role-mark path, g.mark-rule.role-mark line').length"
    assert figure.evaluate(count) == 0, "no category picked: no event rules"
    # The five panels (events, visits, trade, aid, coca) cover the same years: a year's label sits
    # at the same place in each.
    years = figure.evaluate("""f => { const at = {};
        f.querySelectorAll('g.role-axis-label text').forEach(t => { if (/^\\d{4}$/.test(t.textContent)) {
            const r = t.getBoundingClientRect(); (at[t.textContent] = at[t.textContent] || []).push(r.left + r.width / 2); } });
        return at; }""")
    assert years and all(len(xs) == 5 for xs in years.values()), f"each year labelled once per panel: {years}"
    assert all(max(xs) - min(xs) < 1.5 for xs in years.values()), f"panels not aligned: {years}"
    [label for label in figure.query_selector_all("g.role-legend-label text") if label.text_content() == "Drugs"][
        0
    ].click()
    page.wait_for_timeout(500)
    drugs = events[events["category"] == "drugs"]
    assert figure.evaluate(count) == 3 * len(drugs)
    figure.query_selector("select").select_option("drug-war")
    page.wait_for_timeout(500)
    lo, hi = eras.loc["drug-war", "start_year"], eras.loc["drug-war", "end_year"]
    in_era = drugs[drugs["date"].str[:4].astype(int).between(lo, hi)]
    assert figure.evaluate(count) == 3 * len(in_era)
    context.close()
    assert not log["console"], log["console"]


AXE = __import__("pathlib").Path(__file__).resolve().parent.parent / ".cache" / "axe-core-4.14.1" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_serious_accessibility_violations(browser, site_url, built_book, scheme):
    """axe-core, WCAG 2.1 A and AA rules, in light and dark mode: zero serious or critical."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `bash scripts/install-axe` (the test command does)")
    axe = AXE.read_text(encoding="utf-8")
    failures = []
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    for path in built_pages(built_book):
        rel = path.relative_to(built_book).as_posix()
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.wait_for_function(ALL_DRAWN, timeout=20_000)
        page.wait_for_timeout(300)  # icons and charts finish replacing their placeholders
        page.add_script_tag(content=axe)
        found = page.evaluate("""async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}) x${v.nodes.length}: ${v.nodes[0].target.join(' ')}`); }""")
        failures += [f"{scheme} {rel}: {f}" for f in found]
    context.close()
    assert not failures, "\n".join(failures)
