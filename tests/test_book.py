"""The book builds with warnings as errors, every table-of-contents entry becomes a page, and no
built page loads anything from another host."""

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from bolivia_us.book.extension import BUNDLE_NAME
from bolivia_us.book.renderer import CHART_CLASS
from conftest import ROOT, built_pages


def toc_files(node) -> list[str]:
    found = []
    if isinstance(node, dict):
        for key in ("root", "file"):
            if key in node:
                found.append(node[key])
        for value in node.values():
            if isinstance(value, list | dict):
                found += toc_files(value)
    elif isinstance(node, list):
        for item in node:
            found += toc_files(item)
    return found


def test_every_toc_entry_produced_its_page(built_book):
    entries = toc_files(yaml.safe_load((ROOT / "_toc.yml").read_text()))
    assert len(entries) >= 4
    missing = [e for e in entries if not (built_book / f"{Path(e).with_suffix('')}.html").exists()]
    assert not missing, f"table-of-contents entries with no built page: {missing}"


# Tags and attributes through which a page loads something (anchors only link, so they may point anywhere).
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
}
OFFSITE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.offsite: list[str] = []
        self.inline_styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for attr in LOADING_ATTRIBUTES.get(tag, []):
            value = attrs.get(attr) or ""
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                continue
            if any(OFFSITE.match(part) for part in value.split(",")):
                self.offsite.append(f"<{tag} {attr}={value!r}>")
        if "style" in attrs:
            self.inline_styles.append(attrs["style"] or "")
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.inline_styles.append(data)


CSS_OFFSITE = re.compile(r"(url\(\s*['\"]?\s*(https?:)?//|@import\s+['\"]?(https?:)?//)", re.IGNORECASE)


def test_no_built_page_loads_anything_from_another_host(built_book):
    problems = []
    for page in built_pages(built_book):
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(built_book)}: {o}" for o in parser.offsite]
        problems += [
            f"{page.relative_to(built_book)}: CSS {s[:80]}" for s in parser.inline_styles if CSS_OFFSITE.search(s)
        ]
    for css in built_book.rglob("*.css"):
        if CSS_OFFSITE.search(css.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{css.relative_to(built_book)} loads a stylesheet or font from another host")
    assert not problems, "\n".join(problems)


class _InlineScripts(HTMLParser):
    """The text of every script that runs in the page (not the charts' JSON specs)."""

    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        kind = dict(attrs).get("type") or "text/javascript"
        self._inside = tag == "script" and "json" not in kind

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside and data.strip():
            self.scripts.append(data)


def offsite_addresses_in_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    return [m.group(0) for script in parser.scripts for m in re.finditer(r"https?://[^\s\"'`]+", script)]


def test_no_script_in_a_page_names_another_host():
    """sphinx-thebe writes unpkg.com's address into an inline script on every page, which the check
    of loaded files above does not see (no src attribute): the book's thebe hook removes it."""
    thebe = '<script>const THEBE_JS_URL = "https://unpkg.com/thebe@0.8.2/lib/index.js"; const x = 1</script>'
    assert offsite_addresses_in_scripts(thebe) == ["https://unpkg.com/thebe@0.8.2/lib/index.js"]
    spec = '<script type="application/json">{"$schema": "https://vega.github.io/schema/vega-lite/v6.json"}</script>'
    assert offsite_addresses_in_scripts(spec) == []


def test_no_built_page_has_a_script_naming_another_host(built_book):
    problems = []
    for page in built_pages(built_book):
        found = offsite_addresses_in_scripts(page.read_text(encoding="utf-8"))
        problems += [f"{page.relative_to(built_book)}: {address}" for address in found]
    assert not problems, "\n".join(problems)


def test_the_chart_library_is_served_once_by_the_site_and_only_where_charts_are(built_book):
    bundle = built_book / "_static" / BUNDLE_NAME
    assert bundle.exists() and bundle.stat().st_size > 500_000
    text = bundle.read_text(encoding="utf-8")
    assert "window.vegaEmbed" in text
    with_charts = 0
    for page in built_pages(built_book):
        html = page.read_text(encoding="utf-8")
        has_chart = CHART_CLASS in html
        loads_bundle = f"_static/{BUNDLE_NAME}" in html
        assert has_chart == loads_bundle, page.name
        with_charts += has_chart
        assert html.count(f'src="{"../" * (len(page.relative_to(built_book).parts) - 1)}_static/{BUNDLE_NAME}') <= 1
    assert with_charts >= 1


def test_launch_buttons_follow_the_repository_url(built_book):
    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    page = (built_book / "notebooks" / "00-overview.html").read_text(encoding="utf-8")
    repo = url.split("github.com/")[1]
    assert f"mybinder.org/v2/gh/{repo}/main" in page
    assert f"colab.research.google.com/github/{repo}/blob/main/notebooks/00-overview.ipynb" in page


def test_every_dataset_is_published_with_the_site_unchanged(built_book):
    from bolivia_us import dataset_names, dataset_path

    for name in dataset_names():
        source = dataset_path(name)
        published = built_book / "data" / source.name
        assert published.exists(), f"{source.name} is not published with the site"
        assert published.read_bytes() == source.read_bytes(), f"the published {source.name} differs from data/"
    assert (built_book / "data" / "datapackage.json").exists()


def test_data_and_methods_page_links_a_download_for_every_dataset(built_book):
    from bolivia_us import dataset_names, dataset_path

    page = (built_book / "notebooks" / "data-and-methods.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.(?:csv|json))"', page)
    linked = {Path(link).name for link in links}
    for name in dataset_names():
        if name == "eras":
            continue
        assert dataset_path(name).name in linked, f"no download link for {name}"
    for link in links:
        assert (built_book / "notebooks" / link).resolve().exists(), f"broken download link {link}"


@pytest.fixture(scope="module")
def rebuilt_copy(built_book, tmp_path_factory):
    """A copy of the built project, rebuilt after one event's title was changed in its data.

    The copy has its own source folder, so this first build in it reads every page again."""
    import shutil

    from conftest import build_book

    copy = tmp_path_factory.mktemp("rebuild") / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "venv", "*.egg-info"))
    events = copy / "data" / "events.csv"
    first_title = events.read_text(encoding="utf-8").splitlines()[1].split(",")[5]
    marker = "Stale-output check: a title changed in the data"
    events.write_text(events.read_text(encoding="utf-8").replace(first_title, marker, 1), encoding="utf-8")
    env = {**os.environ, "BOLIVIA_US_DATA": str(copy / "data")}
    result = build_book(env=env, root=copy)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return copy, env, marker, result


def test_a_changed_data_file_reaches_the_rebuilt_page(rebuilt_copy):
    """The execution cache keys notebooks on code only; the build must still re-execute them when
    a dataset changes. Copy the built project, change one event's title, rebuild, find it."""
    copy, _, marker, result = rebuilt_copy
    page = (copy / "_build" / "html" / "notebooks" / "00-overview.html").read_text(encoding="utf-8")
    assert marker in page, "the rebuilt page still shows the old data (stale execution cache)"
    assert "Executing notebook" in result.stdout, "the notebooks were not executed again"


def test_a_rebuild_that_reads_no_page_writes_the_same_citations(rebuilt_copy):
    """A no-change rebuild reuses the formatted bibliography kept from the last build instead of
    formatting some 470 sources again. A page written by such a build (here: deleted, so Sphinx writes
    it again without reading anything) must come out byte for byte as before."""
    from conftest import build_book

    copy, env, _, _ = rebuilt_copy
    html = copy / "_build" / "html"
    pages = [html / "book" / "references.html", html / "notebooks" / "02-tin-oil-war.html"]
    before = {page: page.read_bytes() for page in pages}
    for page in pages:
        page.unlink()
    result = build_book(env=env, root=copy)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "0 added, 0 changed, 0 removed" in result.stdout, "this rebuild was meant to read no page"
    for page in pages:
        assert page.read_bytes() == before[page], f"{page.name} differs after a rebuild that read no page"
    assert before[pages[0]].count(b'role="doc-biblioentry"') == len(cited_keys_in_bib())


def test_a_page_that_cites_a_new_source_lists_it_after_a_rebuild(rebuilt_copy):
    """When a page changes, its list of sources is formatted again: a chapter that newly cites a
    source lists that source under its Sources heading after an incremental rebuild."""
    import json

    from conftest import build_book

    copy, env, _, _ = rebuilt_copy
    notebook = copy / "notebooks" / "01-confederation.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    chapter_text = "".join("".join(cell["source"]) for cell in nb["cells"])
    key = next(k for k in cited_keys_in_bib() if k not in chapter_text and "pocom" not in k)
    nb["cells"].insert(-1, {"cell_type": "markdown", "metadata": {}, "source": [f"A test citation {{cite:p}}`{key}`."]})
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
    result = build_book(env=env, root=copy)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "0 added, 1 changed, 0 removed" in result.stdout, result.stdout[-2000:]
    page = (copy / "_build" / "html" / "notebooks" / "01-confederation.html").read_text(encoding="utf-8")
    sources = page[page.index('id="sources"') :]
    target = re.search(
        r'A test citation<span class="bibtex-citation"[^>]*><sup><a class="reference internal" href="#([^"]+)"', page
    )
    assert target, "the new citation did not become a link"
    assert f'id="{target.group(1)}"' in sources, "the chapter's Sources list does not hold the newly cited source"


def cited_keys_in_bib() -> list[str]:
    return re.findall(r"^@\w+\{([^,]+),", (ROOT / "book" / "references.bib").read_text(encoding="utf-8"), re.M)


def test_no_page_holds_a_widget_that_needs_a_kernel(built_book):
    """ipywidgets need a live kernel; in the static book they would be blank or dead."""
    for page in built_pages(built_book):
        html = page.read_text(encoding="utf-8")
        assert "widget-state+json" not in html and "jupyter-widgets" not in html, page.name
        assert "widget-view+json" not in html, page.name


class _ReadableText(HTMLParser):
    """The text a reader sees in a page's article: no scripts, styles, code or code blocks."""

    SKIP = {"script", "style", "code", "pre", "template"}

    def __init__(self):
        super().__init__()
        self.depth, self.inside, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        if tag == "article":
            self.inside += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.depth = max(0, self.depth - 1)
        if tag == "article":
            self.inside -= 1

    def handle_data(self, data):
        if self.inside and not self.depth:
            self.parts.append(data)


RAW_MARKUP = ["```", ":::", "{admonition}", ":class:", "{cite", "{glue", "{eval", "{exercise", "{solution", "{term}"]


def test_no_page_shows_raw_markup(built_book):
    """MyST that did not parse (a fence whose title holds a role, say) prints as text."""
    found = []
    for path in built_pages(built_book):
        reader = _ReadableText()
        reader.feed(path.read_text(encoding="utf-8"))
        text = "".join(reader.parts)
        for raw in RAW_MARKUP:
            at = text.find(raw)
            if at >= 0:
                found.append(f"{path.relative_to(built_book)}: {raw!r} in …{text[max(0, at - 60) : at + 60]}…")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("page", ["notebooks/00-overview.html", "notebooks/06-present.html"])
def test_the_report_says_when_sources_were_checked_and_how_recent_its_news_is(built_book, page):
    """Two dates, both from the data and both shown: when the sources were last checked (set once
    in datapackage.json) and the latest development found (the newest event); the book never
    claims to be 'current to' a date its news does not reach."""
    from bolivia_us import as_of, latest_development
    from bolivia_us.facts.wording import long_date

    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (built_book / page).read_text(encoding="utf-8")))
    checked, latest = long_date(as_of().isoformat()), long_date(latest_development()["date"])
    assert "last checked" in text and checked in text, f"{page} does not say the sources were last checked on {checked}"
    assert "latest development" in text and latest in text, f"{page} does not give the latest development, {latest}"
    assert "current to" not in text, f"{page} still says it is 'current to' a date"


def test_a_changed_bibliography_setting_reaches_the_rebuilt_lists(rebuilt_copy):
    """The formatted bibliography kept from the last build is reused only while nothing it depends
    on changed: switching the style in _config.yml (here from the book's 'report' style, which prints
    each source's kind, to plain 'unsrt') must show in every list after an incremental rebuild."""
    from conftest import build_book

    copy, env, _, _ = rebuilt_copy
    config = copy / "_config.yml"
    original = config.read_text(encoding="utf-8")
    assert "bibtex_default_style: report" in original
    config.write_text(original.replace("bibtex_default_style: report", "bibtex_default_style: unsrt"), encoding="utf-8")
    try:
        result = build_book(env=env, root=copy)
    finally:
        config.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    references = (copy / "_build" / "html" / "book" / "references.html").read_text(encoding="utf-8")
    assert "Kind of source:" not in references, "the references page still shows the old style's output"


def test_two_notes_in_a_row_read_as_two_numbers(built_book):
    """Note numbers sit against the word they follow; two in a row are parted by a comma, or
    notes 57 and 58 would read as note 5758."""
    joined = []
    for page in built_pages(built_book):
        html = page.read_text(encoding="utf-8")
        if re.search(r'</sup></span>\s*<span class="bibtex-citation"', html):
            joined.append(page.relative_to(built_book).as_posix())
    assert not joined, f"note numbers run together on {joined}"
