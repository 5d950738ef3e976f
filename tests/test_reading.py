"""Reading the book as a reader does, on a phone (390 px, touch) and a laptop (1280 px), with the
network cut: the menus open, nothing scrolls sideways, and charts stay legible after a resize."""

import re
from urllib.parse import urlparse

import pytest

from bolivia_us.book.renderer import CHART_CLASS
from conftest import built_pages

PlaywrightTimeout = pytest.importorskip("playwright.sync_api").TimeoutError

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
LAPTOP = {"viewport": {"width": 1280, "height": 900}}
ALL_DRAWN = f"""() => Array.from(document.querySelectorAll('.{CHART_CLASS}')).every(
    el => el.querySelector('svg g.role-mark') || el.querySelector('.chart-error'))"""


def new_page(browser, device):
    context = browser.new_context(**device)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlparse(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith(("data:", "blob:"))
            else route.abort()
        ),
    )
    return context, context.new_page()


def wait_for_charts_to_settle(page, condition: str) -> None:
    """Charts are fitted to their column after a first draw or a resize, which takes longer on a
    busy machine: wait (up to 5 s) until ``condition`` holds; what still fails is reported after."""
    try:
        page.wait_for_function(condition, timeout=5_000)
    except PlaywrightTimeout:
        pass


def visible(page, selector) -> bool:
    return page.evaluate(
        """s => { const el = document.querySelector(s); if (!el) return false;
                  const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
                  return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'; }""",
        selector,
    )


def pages(built_book):
    """Every page a reader reads (not the root's redirect to the landing page)."""
    return [
        p.relative_to(built_book).as_posix()
        for p in built_pages(built_book)
        if 'http-equiv="Refresh"' not in p.read_text(encoding="utf-8")[:2000]
    ]


def test_menus_open_on_a_phone(browser, site_url, built_book):
    failures = []
    context, page = new_page(browser, PHONE)
    for rel in pages(built_book):
        for button, drawer in (
            (".header-article-items .primary-toggle", "#pst-primary-sidebar-modal"),
            (".header-article-items .secondary-toggle", "#pst-secondary-sidebar-modal"),
        ):
            page.goto(f"{site_url}/{rel}", wait_until="load")
            if not visible(page, button):
                if "secondary" in button and not page.query_selector("#pst-secondary-sidebar .toc-entry"):
                    continue  # a page without sections has no contents to open
                failures.append(f"{rel}: {button} is not visible")
                continue
            page.tap(button)
            page.wait_for_timeout(200)
            if not visible(page, f"{drawer}[open]"):
                failures.append(f"{rel}: tapping {button} opened no drawer")
    context.close()
    assert not failures, "\n".join(failures)


def test_the_menu_collapses_the_sidebar_on_a_laptop(browser, site_url):
    context, page = new_page(browser, LAPTOP)
    page.goto(f"{site_url}/notebooks/01-confederation.html", wait_until="load")
    assert visible(page, "#pst-primary-sidebar")
    page.click(".header-article-items .primary-toggle")
    page.wait_for_timeout(300)
    hidden = not visible(page, "#pst-primary-sidebar")
    page.click(".header-article-items .primary-toggle")
    page.wait_for_timeout(300)
    back = visible(page, "#pst-primary-sidebar")
    context.close()
    assert hidden and back, "the menu button should hide the sidebar and bring it back"


@pytest.mark.parametrize("width", [320, 390])
def test_nothing_scrolls_sideways_on_a_phone(browser, site_url, built_book, width):
    failures = []
    device = {**PHONE, "viewport": {"width": width, "height": 844}}
    context, page = new_page(browser, device)
    for rel in pages(built_book):
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.wait_for_function(ALL_DRAWN, timeout=20_000)
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        if wide > width:
            culprit = page.evaluate(
                f"""() => Array.from(document.querySelectorAll('article *')).filter(el => {{
                      const r = el.getBoundingClientRect(); return r.right > {width} + 1 && r.width > 0; }})
                    .map(el => el.tagName + '.' + el.className + ': ' + (el.textContent || '').slice(0, 60))
                    .slice(-1)[0]"""
            )
            failures.append(f"{rel}: {wide} px wide ({culprit})")
    context.close()
    assert not failures, "\n".join(failures)


CHART_TEXT_SIZES = f"""() => Array.from(document.querySelectorAll('.{CHART_CLASS}')).map(el => {{
    const svg = el.querySelector('svg'); if (!svg) return null;
    const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || svg.width.baseVal.value);
    const sizes = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim())
      .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    return sizes.length ? Math.min(...sizes) : null; }})"""


def test_charts_stay_legible_after_a_resize(browser, site_url, built_book):
    """Opened narrow (a tablet held upright), then widened: every chart's text is 10 CSS px or more."""
    failures = []
    context, page = new_page(browser, {"viewport": {"width": 900, "height": 900}})
    for rel in pages(built_book):
        if f'class="{CHART_CLASS}"' not in (built_book / rel).read_text(encoding="utf-8"):
            continue
        page.set_viewport_size({"width": 900, "height": 900})
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.wait_for_function(ALL_DRAWN, timeout=20_000)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_timeout(800)
        wait_for_charts_to_settle(page, f"() => ({CHART_TEXT_SIZES})().every(s => s === null || s >= 9.9)")
        for i, smallest in enumerate(page.evaluate(CHART_TEXT_SIZES), 1):
            if smallest is not None and smallest < 9.9:  # 10 px, less rounding of the drawn width
                failures.append(f"{rel}: chart {i} has text {smallest:.1f} px high after the resize")
    context.close()
    assert not failures, "\n".join(failures)


CHART_FIT = f"""() => Array.from(document.querySelectorAll('.{CHART_CLASS}')).map(el => {{
    const svg = el.querySelector('svg'); if (!svg) return null;
    const box = el.getBoundingClientRect(), drawn = svg.getBoundingClientRect();
    const left = Math.max(box.left, drawn.left), right = Math.min(box.right, drawn.right);
    const scale = drawn.width / (svg.viewBox.baseVal.width || svg.width.baseVal.value);
    const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim());
    const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    const outside = texts.filter(t => {{ const r = t.getBoundingClientRect(); return r.width > 0 && (r.left < left - 1 || r.right > right + 1); }})
      .map(t => t.textContent.trim().slice(0, 40));
    return {{smallest: sizes.length ? Math.min(...sizes) : null, outside}}; }})"""


@pytest.mark.parametrize("device", [PHONE, LAPTOP], ids=["phone-390", "laptop-1280"])
def test_every_chart_fits_its_box_with_legible_text(browser, site_url, built_book, device):
    """On a phone and a laptop, every chart is drawn at a size its text can be read (10 CSS px or
    more: a composite chart is laid out for the column, not shrunk), and no legend entry, label or
    annotation runs past the chart's edge."""
    failures = []
    context, page = new_page(browser, device)
    for rel in pages(built_book):
        if f'class="{CHART_CLASS}"' not in (built_book / rel).read_text(encoding="utf-8"):
            continue
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.wait_for_function(ALL_DRAWN, timeout=20_000)
        wait_for_charts_to_settle(
            page,
            f"() => ({CHART_FIT})().every(c => c === null || ((c.smallest === null || c.smallest >= 9.9) && !c.outside.length))",
        )
        for i, chart in enumerate(page.evaluate(CHART_FIT), 1):
            if chart is None:
                continue
            if chart["smallest"] is not None and chart["smallest"] < 9.9:
                failures.append(f"{rel}: chart {i} has text {chart['smallest']:.1f} px high")
            if chart["outside"]:
                failures.append(f"{rel}: chart {i} is cut at its edge: {chart['outside']}")
    context.close()
    assert not failures, "\n".join(failures)


NOTES = """() => { const article = document.querySelector('article');
  const lists = Array.from(article.querySelectorAll('div.citation-list')).map(e => e.innerText.length).reduce((a, b) => a + b, 0);
  const markers = Array.from(article.querySelectorAll('span.bibtex-citation'));
  return {text: article.innerText.length - lists, markers: markers.map(m => m.innerText).join('').length,
          count: markers.length,
          unresolved: markers.flatMap(m => Array.from(m.querySelectorAll('a'))).filter(a => {
            const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
            return !target || !target.classList.contains('citation'); }).map(a => a.getAttribute('href'))}; }"""


def test_citations_are_short_notes_that_lead_to_their_entry(browser, site_url, built_book):
    """History is cited with note numbers (as the Office of the Historian and Wikipedia do), which
    take little of the text; each leads to its entry in the page's own list."""
    failures = []
    context, page = new_page(browser, LAPTOP)
    for rel in pages(built_book):
        if not re.match(r"notebooks/0[1-6]-", rel):
            continue
        page.goto(f"{site_url}/{rel}", wait_until="load")
        notes = page.evaluate(NOTES)
        share = notes["markers"] / notes["text"]
        if notes["count"] < 20 or share > 0.08:
            failures.append(f"{rel}: {notes['count']} citations take {share:.1%} of the text")
        failures += [f"{rel}: citation {href} has no entry on the page" for href in notes["unresolved"]]
    context.close()
    assert not failures, "\n".join(failures)


def test_a_tapped_note_number_opens_its_entry_in_place(browser, site_url):
    """On a phone the list of sources is thousands of pixels below: a tap shows the entry where
    the reader is, and a second tap closes it."""
    context, page = new_page(browser, PHONE)
    page.goto(f"{site_url}/notebooks/02-tin-oil-war.html", wait_until="load")
    marker = page.locator(".bibtex-citation a.reference.internal").nth(5)
    marker.scroll_into_view_if_needed()
    before = page.evaluate("() => window.scrollY")
    entry_id = marker.get_attribute("href").lstrip("#")
    entry = page.evaluate(f"document.getElementById('{entry_id}').querySelector('p').textContent")
    marker.tap()
    note = page.locator(".note-entry")
    opened = note.count() == 1 and note.first.is_visible() and " ".join(entry.split()) in note.first.inner_text()
    stayed = abs(page.evaluate("() => window.scrollY") - before) < 200
    fits = page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
    marker.tap()
    closed = page.locator(".note-entry").count() == 0
    context.close()
    assert opened, "tapping a note number should show its entry in place"
    assert stayed, "the page should not jump to the list of sources"
    assert fits, "an open entry, long address included, should fit the phone's width"
    assert closed, "a second tap should close the entry"
