"""The Spanish edition (es/) is the English one in Spanish: the same pages in the same order,
each with the same structure as its English page (sections, figures, glued values, exercises,
citations, datasets), the same book settings apart from its language, and a record of which
English version it translates."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bolivia_us.book import translations

ROOT = Path(__file__).resolve().parent.parent
ES = ROOT / "es"


def toc_files(toc_path: Path) -> list[str]:
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


def source_of(root: Path, page: str) -> Path:
    return next(root / f"{page}{suffix}" for suffix in (".md", ".ipynb") if (root / f"{page}{suffix}").exists())


ENGLISH_PAGES = toc_files(ROOT / "_toc.yml")


def test_the_spanish_edition_has_every_page_in_the_same_order():
    assert toc_files(ES / "_toc.yml") == ENGLISH_PAGES
    missing = [p for p in ENGLISH_PAGES if not any((ES / f"{p}{s}").exists() for s in (".md", ".ipynb"))]
    assert not missing, f"pages with no Spanish translation: {missing}"


@pytest.mark.parametrize("page", ENGLISH_PAGES)
def test_a_translation_has_the_structure_of_its_english_page(page):
    english, spanish = source_of(ROOT, page), source_of(ES, page)
    assert english.suffix == spanish.suffix
    differences = translations.structure(english).differences(translations.structure(spanish))
    assert not differences, f"{spanish.relative_to(ROOT)} differs from {english.relative_to(ROOT)}: " + "; ".join(
        differences
    )


def test_the_structure_check_catches_a_dropped_figure_and_citation(tmp_path):
    import re

    english = source_of(ROOT, "notebooks/01-confederation")
    nb = json.loads(english.read_text(encoding="utf-8"))
    text = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    once = next(k for k in sorted(translations.structure(english).citations) if text.count(k) == 1)
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and once in source:
            cell["source"] = re.sub(r"\{cite:p\}`[^`]*" + re.escape(once) + "[^`]*`", "", source)
        if cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("name") == "fig-c01-timeline":
            del cell["metadata"]["mystnb"]["figure"]
    changed = tmp_path / "x.ipynb"
    changed.write_text(json.dumps(nb), encoding="utf-8")
    differences = translations.structure(english).differences(translations.structure(changed))
    assert any(d.startswith("citations") and once in d for d in differences), differences
    assert any(d.startswith("figures") for d in differences), differences


def test_the_spanish_book_differs_from_the_english_only_in_its_language():
    english = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    spanish = yaml.safe_load((ES / "_config.yml").read_text(encoding="utf-8"))
    assert spanish["sphinx"]["config"]["language"] == "es"
    assert spanish["repository"]["path_to_book"] == "es"
    for key in ("execute", "parse", "launch_buttons"):
        assert spanish[key] == english[key], f"es/_config.yml: {key} differs from _config.yml"
    assert spanish["sphinx"]["extra_extensions"] == english["sphinx"]["extra_extensions"]
    same = {"bibtex_reference_style", "bibtex_default_style", "nb_execution_raise_on_error", "html_css_files"}
    for key in same:
        assert spanish["sphinx"]["config"][key] == english["sphinx"]["config"][key], key


def test_every_spanish_page_records_the_english_version_it_translates():
    unstamped = [str(p.relative_to(ROOT)) for p in translations.spanish_pages() if translations.recorded(p) is None]
    assert not unstamped, f"Spanish pages that do not say which English version they translate: {unstamped}"


def test_the_drift_report_names_a_page_whose_english_changed(tmp_path, monkeypatch):
    root = tmp_path / "report"
    (root / "es" / "book").mkdir(parents=True)
    (root / "book").mkdir()
    (root / "book" / "cite.md").write_text("# Cite\n\nText.\n", encoding="utf-8")
    shutil.copy(ROOT / "es" / "book" / "cite.md", root / "es" / "book" / "cite.md")
    monkeypatch.setattr(translations, "ROOT", root)
    translations.stamp(root / "es" / "book" / "cite.md")
    assert translations.drift() == []
    (root / "book" / "cite.md").write_text("# Cite\n\nText, changed.\n", encoding="utf-8")
    assert translations.drift() == ["es/book/cite.md: its English page book/cite.md changed since it was translated"]


def test_the_spanish_book_loads_every_script_of_the_shared_static_folder():
    """Jupyter Book loads the scripts in a book's own _static folder by itself; the Spanish book
    shares the English one's (../_static), so it must name them, or its pages lose the
    accessibility repairs and the citation previews."""
    spanish = yaml.safe_load((ES / "_config.yml").read_text(encoding="utf-8"))
    scripts = sorted(p.name for p in (ROOT / "_static").glob("*.js"))
    assert sorted(spanish["sphinx"]["config"].get("html_js_files", [])) == scripts


# The English edition quotes Spanish-language sources in English only when it says so. A
# quotation whose citation is a Spanish-language source (its title, outlet or author in Spanish)
# must be marked "translated from Spanish", or stay in Spanish. These quotations from such
# citations are neither, each with the reason (a Spanish phrase the check cannot tell from
# English, or English at its origin).
QUOTED_AS_IS = {
    "golpe blando": "kept in Spanish, with '(soft coup)' after it",
    "from the parallel 23 to the mouth of the Loa River": "the ICJ's English text of the truce, cited as such",
    "strategic mineral products and the contribution of Bolivian agriculture are indi": "a FRUS telegram",
    "on June 10, 2023": "an English-language blog",
    "reciprocal": "the U.S. tariff's own name",
    "Shield of the Americas": "the U.S. initiative's own name",
    "open skies": "the policy's usual English name, not a quotation of the source",
    "white elephant in asphalt": "John Hillman's English article in EIAL",
    "by a factor of 623": "Juan Antonio Morales's English paper",
    "by a factor of 625": "Juan Antonio Morales's English paper",
    "in some manner connected with narco-trafficking and terrorism": "Narco News, in English",
    "coup": "RT's English report",
    "failed demonstrably": "the U.S. presidential determination's own words",
}
SPANISH_WORDS = {"el", "la", "los", "las", "del", "que", "por", "con", "una", "para", "y", "se", "en", "de", "al"}


def looks_spanish(text: str, words_needed: int = 2) -> bool:
    """Spanish by its letters (an accent, ñ, ¿ or ¡) or by its little words (el, de, que…)."""
    words = [w.strip("\"',.:;()[]¿?¡!").lower() for w in text.split()]
    return any(ch in text for ch in "áéíóúñ¿¡") or sum(w in SPANISH_WORDS for w in words) >= words_needed


def _spanish_titled_sources() -> set[str]:
    from pybtex.database import parse_file

    bib = parse_file(str(ROOT / "book" / "references.bib"))
    spanish = set()
    for key, entry in bib.entries.items():
        outlet = " ".join(entry.fields.get(f, "") for f in ("publisher", "journal")) + " ".join(
            str(p) for p in entry.persons.get("author", [])
        )
        if looks_spanish(entry.fields.get("title", "").strip("{}")) or looks_spanish(outlet, words_needed=99):
            spanish.add(key)
    return spanish


def _untranslated_quotations(text: str, spanish_sources: set[str]) -> list[str]:
    found = []
    for quote in re.finditer(r'"([^"\n]{2,300})"', text):
        cited = re.search(r"\{cite:[pt]\}`([^`]+)`", text[quote.end() : quote.end() + 250])
        if not cited or cited.group(1).split(",")[0].strip() not in spanish_sources:
            continue
        words = quote.group(1)
        in_spanish = looks_spanish(words, words_needed=1)
        marked = "translated from spanish" in text[quote.start() : quote.end() + 300].lower()
        if not (in_spanish or marked or words[:80] in QUOTED_AS_IS):
            found.append(words)
    return found


def test_english_quotations_of_spanish_sources_say_they_are_translated():
    spanish_sources = _spanish_titled_sources()
    unmarked = {
        page: quotes
        for page in ENGLISH_PAGES
        if (quotes := _untranslated_quotations(translations.prose(source_of(ROOT, page)), spanish_sources))
    }
    assert not unmarked, (
        f"quotations of Spanish sources given in English without '(translated from Spanish)': {unmarked}"
    )


def test_the_quotation_check_finds_an_unmarked_translation():
    text = 'a relationship that was "agonising" while business carried on {cite:p}`eldeber-2018-relations-agonise`.'
    assert _untranslated_quotations(text, _spanish_titled_sources()) == ["agonising"]


def test_event_summaries_quote_spanish_sources_only_when_marked():
    """The same rule for the events dataset, whose titles and summaries are the charts' tooltips:
    a quotation in an event sourced to a Spanish-language publication is marked or in Spanish."""
    unmarked = []
    with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not looks_spanish(row["source_title"]):
                continue
            for field in ("title", "summary"):
                for quote in re.findall(r'"([^"\n]{2,300})"', row[field]):
                    marked = "translated from spanish" in row[field].lower()
                    if not (marked or looks_spanish(quote, words_needed=1) or quote in QUOTED_AS_IS):
                        unmarked.append(f"{row['event_id']} ({field}): {quote!r}")
    assert not unmarked, f"events quoting Spanish sources in English without '(translated from Spanish)': {unmarked}"
