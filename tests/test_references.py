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
    for key, entry in bib_entries().items():
        assert re.search(r"url\s*=\s*\{https?://", entry), f"{key} has no http(s) address"


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
