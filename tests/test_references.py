"""The bibliography and the citations agree: every entry is cited, every citation has an entry,
and every entry gives the reader an address to follow."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bib_entries() -> dict[str, str]:
    text = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    starts = [(m.group(1), m.start()) for m in re.finditer(r"@\w+\{([^,\s]+),", text)]
    return {key: text[a:b] for (key, a), (_, b) in zip(starts, starts[1:] + [("", len(text))], strict=True)}


def cited_keys() -> set[str]:
    keys = set()
    for path in list((ROOT / "book").glob("*.md")) + list((ROOT / "notebooks").glob("*.ipynb")):
        for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", path.read_text(encoding="utf-8")):
            keys.update(k.strip() for k in group.split(","))
    return keys


def test_every_citation_has_an_entry_and_every_entry_is_cited():
    entries, cited = set(bib_entries()), cited_keys()
    assert cited - entries == set(), "cited but not in references.bib"
    assert entries - cited == set(), "in references.bib but cited nowhere"


def test_every_entry_names_an_address_the_reader_can_follow():
    """The publisher's or an archive's copy (url), or at least the copy that was read (copyread)."""
    for key, entry in bib_entries().items():
        assert re.search(r"(url|copyread)\s*=\s*\{https?://", entry), f"{key} has no http(s) address"


def field(entry: str, name: str) -> str | None:
    found = re.search(rf"^\s*{name}\s*=\s*\{{(.*)\}},?\s*$", entry, re.M)
    return found.group(1).strip() if found else None


def test_no_mirror_proxy_shortener_or_staging_copy_is_given_as_a_source():
    """A copy on a bare IP address, a link shortener, a Wikipedia mirror, a pirate or
    document-sharing site or a staging host may be named only as the copy read, never as the
    source: the entry's url is the publisher's or an archive's."""
    from bolivia_us.book.references import why_not_a_source

    bad = {key: why_not_a_source(url) for key, entry in bib_entries().items() if (url := field(entry, "url"))}
    bad = {key: why for key, why in bad.items() if why}
    assert not bad, f"{len(bad)} entries: " + "; ".join(f"{k}: {w}" for k, w in list(bad.items())[:8])


def test_every_entry_says_what_kind_of_source_it_is_and_who_published_it():
    from bolivia_us.book.references import KINDS

    problems = []
    for key, entry in bib_entries().items():
        if field(entry, "kind") not in KINDS:
            problems.append(f"{key}: kind {field(entry, 'kind')!r} is not one of {', '.join(KINDS)}")
        if not field(entry, "publisher"):
            problems.append(f"{key}: no publisher")
    assert not problems, f"{len(problems)} problems: " + "; ".join(problems[:8])


def test_the_reference_lists_print_each_sources_kind_and_the_copy_read(built_book):
    """Readers see the kind of each source, and a copy read elsewhere is named as such."""
    html = (built_book / "book" / "references.html").read_text(encoding="utf-8")
    assert html.count("Kind of source:") == len(bib_entries())
    with_copy = sum(1 for entry in bib_entries().values() if field(entry, "copyread"))
    assert with_copy and html.count("Copy read at") == with_copy


def test_no_two_sources_share_a_citation_label():
    """Citations read "(Author, year)": two sources by the same author in the same year must be
    told apart in the text ("1942a", "1942b"; "n.d.-a"), as the entries in the lists are."""
    from collections import defaultdict

    from pybtex.database import parse_file

    bib = parse_file(str(ROOT / "book" / "references.bib"))
    labels = defaultdict(list)
    for key, entry in bib.entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        labels[(" and ".join(str(p) for p in people), entry.fields.get("year", "n.d."))].append(key)
    shared = {label: keys for label, keys in labels.items() if len(keys) > 1}
    assert not shared, f"{len(shared)} labels name more than one source, e.g. {next(iter(shared.items()))}"


def test_every_citation_leads_to_the_list_on_its_own_page(built_book):
    """A note number means the entry of that number in the page's own list of sources: a page
    that cites without a list of its own sent its notes to another page's list, where the same
    number names a different source (and which page it was changed from build to build)."""
    stray = []
    for page in sorted(built_book.rglob("*.html")):
        if "_static" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        for citation in re.findall(r'<span class="bibtex-citation"[^>]*>.*?</span>', html, re.S):
            for href in re.findall(r'href="([^"]*)"', citation):
                if not href.startswith("#"):
                    stray.append(f"{page.relative_to(built_book)} -> {href}")
    assert not stray, f"{len(stray)} citations lead off their page: " + "; ".join(stray[:6])
