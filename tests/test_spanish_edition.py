"""The Spanish edition as a reader meets it: every page built under es/, in Spanish (the theme's
words included), a language switch on every page of both editions that opens the same page in
the other language, and no English left in the prose or the charts except names, titles of works
and quotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, built_pages

ES = "es"

#: Words that only English sentences use: a run of them in a Spanish page is untranslated text.
ENGLISH = set(
    """the and of with which from this that were was is are for by have has their been into would
    could should there these those when where while after before between about against during without
    within under over also only than then they them his her its our your not but or if because
    shows show chart figure source sources year years million billion ambassador president
    january february march april june july august september october november december""".split()
)
#: Phrases in English that the Spanish edition keeps on purpose: names of institutions, titles of
#: works and of datasets' publishers, which stay in their own language.
KEPT = [
    "Foreign Relations of the United States",
    "Office of the Historian",
    "Office of National Drug Control Policy",
    "International Narcotics Control Strategy Report",
    "U.S. Overseas Loans and Grants",
    "Principal Officers and Chiefs of Mission",
    "Drug Enforcement Administration",
    "Millennium Challenge Corporation",
    "Metals Reserve Company",
    "Direction of Trade Statistics",
    "Andean Trade Preference Act",
    "Andean Trade Promotion and Drug Eradication Act",
]


def spanish_pages(built_book: Path) -> list[Path]:
    return [p for p in built_pages(built_book / ES) if p.name != "index.html" or p.parent != built_book / ES]


def visible_prose(path: Path) -> str:
    """The article's text a reader sees, without code, the lists of sources (titles of works),
    quotations and emphasised titles."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    if article is None:
        return ""
    for hidden in article.select(
        "pre, code, script, style, .cell_input, details.above-input, .bibliography, .citation, div.citation, "
        "blockquote, em, cite, q, .headerlink, .chart-source, .output.text_html table"
    ):
        hidden.decompose()
    text = article.get_text(" ")
    text = re.sub(r"[“\"«][^”\"»]{0,400}[”\"»]", " ", text)  # quotations, in their own language
    return without_kept_names(text)


def without_kept_names(text: str) -> str:
    for phrase in KEPT:
        text = text.replace(phrase, " ")
    return text


def english_runs(text: str, least: int = 3) -> list[str]:
    """Stretches of ``least`` or more English-only words in a row: untranslated English."""
    words = re.findall(r"[A-Za-zÁÉÍÓÚáéíóúñÑü']+|[.;:!?]", text)
    runs, current = [], []
    for word in words:
        if word.lower() in ENGLISH:
            current.append(word)
        elif word.isalpha() and word[0].isupper() and current:
            current.append(word)  # a name inside an English phrase
        else:
            if sum(w.lower() in ENGLISH for w in current) >= least:
                runs.append(" ".join(current))
            current = []
    if sum(w.lower() in ENGLISH for w in current) >= least:
        runs.append(" ".join(current))
    return runs


def test_the_english_check_finds_an_english_sentence():
    assert english_runs("La ayuda cayó. The aid fell after the coup of 2008, which the data show.")
    assert not english_runs("La ayuda de Estados Unidos cayó después del golpe de 2008, según los datos.")


def test_every_page_of_the_toc_is_built_in_spanish(built_book):
    toc = yaml.safe_load((ROOT / ES / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    for page in pages:
        built = built_book / ES / f"{page}.html"
        assert built.exists(), f"{page} has no Spanish page"
        assert '<html lang="es"' in built.read_text(encoding="utf-8"), f"es/{page}.html is not marked as Spanish"


def test_every_page_switches_to_its_counterpart_in_the_other_language(built_book):
    from bs4 import BeautifulSoup

    checked = 0
    for path in built_pages(built_book):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("article.bd-article") is None or path.name in ("genindex.html", "search.html"):
            continue
        switch = soup.select_one("a.language-switch")
        assert switch is not None, f"{path.relative_to(built_book)} has no language switch"
        target = (path.parent / switch["href"]).resolve()
        assert target.exists(), (
            f"{path.relative_to(built_book)}: the switch leads to {switch['href']}, which is missing"
        )
        back = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").select_one("a.language-switch")
        assert back is not None and (target.parent / back["href"]).resolve() == path.resolve(), (
            f"{path.relative_to(built_book)} and {target.relative_to(built_book)} do not switch to each other"
        )
        languages = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert languages == {"en", "es"}, f"{path.relative_to(built_book)}: hreflang links {languages}"
        checked += 1
    assert checked >= 30


def test_no_english_is_left_in_the_spanish_prose(built_book):
    left = {}
    for path in spanish_pages(built_book):
        runs = english_runs(visible_prose(path))
        if runs:
            left[str(path.relative_to(built_book))] = runs[:3]
    assert not left, f"English left in the Spanish edition: {json.dumps(left, ensure_ascii=False)[:1500]}"


SPEC = re.compile(r'<script type="application/json" class="bolivia-us-spec">(.*?)</script>', re.S)
#: columns of the charts' data a reader sees in tooltips and labels (titles of works excepted)
SHOWN = {"title", "summary", "label", "role", "description", "end_note", "question", "answer", "measure", "kind_label"}


def _chart_words(spec, found: list[str]) -> None:
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "subtitle", "description", "text") and isinstance(value, str | list):
                found += [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
            else:
                _chart_words(value, found)
    elif isinstance(spec, list):
        for item in spec:
            _chart_words(item, found)


def test_no_english_is_left_in_the_spanish_charts(built_book):
    from bolivia_us.book.renderer import unpack_rows

    left = {}
    for path in spanish_pages(built_book):
        for raw in SPEC.findall(path.read_text(encoding="utf-8")):
            spec = json.loads(raw)
            words: list[str] = []
            _chart_words({k: v for k, v in spec.items() if k != "datasets"}, words)
            for rows in (spec.get("datasets") or {}).values():
                for row in unpack_rows(rows):
                    words += [str(v) for k, v in row.items() if k in SHOWN and isinstance(v, str)]
            runs = [r for w in words for r in english_runs(without_kept_names(w))]
            if runs:
                left.setdefault(str(path.relative_to(built_book)), []).extend(runs[:2])
    assert not left, f"English left in the Spanish charts: {json.dumps(left, ensure_ascii=False)[:1500]}"


@pytest.mark.parametrize("page", ["notebooks/01-confederation.html", "notebooks/05-morales-rupture.html"])
def test_glued_dates_and_numbers_read_as_spanish_writes_them(built_book, page):
    text = (built_book / ES / page).read_text(encoding="utf-8")
    assert re.search(
        r"\b\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}\b",
        text,
    )
    english_date = re.search(
        r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b",
        visible_prose(built_book / ES / page),
    )
    assert english_date is None, f"es/{page}: an English date {english_date.group(0)!r}"


def test_a_spanish_charts_own_links_are_in_spanish(browser, site_url):
    """The links the book's script writes under each chart (its data, Binder, Colab) follow the
    page's language."""
    page = browser.new_page()
    page.goto(f"{site_url}/es/notebooks/04-drug-policy.html", wait_until="load")
    page.wait_for_selector(".chart-tools a.chart-download", timeout=30_000)
    words = page.eval_on_selector_all(".chart-tools a", "links => links.map(a => a.textContent)")
    page.close()
    assert words and all(w.startswith(("Descargar los datos", "Datos, parte", "Abrir en")) for w in words), words[:4]
