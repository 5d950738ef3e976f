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
