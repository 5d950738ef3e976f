"""Keeping the Spanish edition in step with the English one.

Each Spanish page (``es/<path>``) translates the English page at ``<path>``. Two things are kept:

* **Structure** (:func:`structure`): the same sections (by level), figures, glued values,
  exercises and solutions, citation keys and datasets, page for page; a test compares them, so a
  figure added to one edition only, or a citation dropped, fails.
* **Version** (:func:`drift`): each Spanish page records which version of its English page it
  translates (``translation_of``: the English page's path and the SHA-256 of its text, outputs
  excluded). When the English text changes, the page is listed, so drift is visible before a
  release.

    python -m bolivia_us.book.translations                 # pages whose English changed since
    python -m bolivia_us.book.translations --stamp es/notebooks/01-confederation.ipynb

Stamp a page only once its translation has been checked against the English page it names.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPANISH = "es"

CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
EVAL = re.compile(r"\{eval\}`glued\.([A-Za-z_0-9]+)`")
GLUE = re.compile(r"\{glue(?::[a-z]+)?\}`([^`]+)`|```\{glue(?::[a-z]+)?\}\s+(\S+)")
NAME = re.compile(r"^:name:\s*(\S+)", re.M)
LABEL = re.compile(r"^:label:\s*(\S+)", re.M)
DIRECTIVE = re.compile(r"^(?:```|:::)\{(exercise|solution|figure|glossary|bibliography)\}[ \t]*(\S*)", re.M)
HEADING = re.compile(r"^(#{1,6})\s", re.M)
FENCE = re.compile(r"^(```|~~~)(?!\{).*?^\1", re.M | re.S)  # code shown in the prose: no headings in it
DATASET = re.compile(r"load_dataset\(\s*[\"']([a-z_]+)[\"']")
GLUE_CALL = re.compile(r"\bglue\(\s*[\"']([A-Za-z_0-9]+)[\"']")


@dataclass(frozen=True)
class Structure:
    """What must be the same in a page and its translation."""

    headings: tuple[int, ...]  # the level of each heading, in order
    figures: tuple[str, ...]
    glued: tuple[str, ...]  # names glued by code, and names the prose shows
    exercises: tuple[str, ...]  # exercise and solution directives with their labels, in order
    citations: frozenset[str]
    datasets: frozenset[str]

    def differences(self, other: Structure) -> list[str]:
        found = []
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine != theirs:
                if isinstance(mine, frozenset):
                    found.append(
                        f"{name}: only in English {sorted(mine - theirs)}, only in Spanish {sorted(theirs - mine)}"
                    )
                else:
                    found.append(f"{name}: English {list(mine)} / Spanish {list(theirs)}")
        return found


def _cells(path: Path) -> list[tuple[str, str, dict]]:
    """(kind, source, metadata) of each cell; a Markdown page is one markdown cell."""
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        return [
            (
                c["cell_type"],
                "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
                c.get("metadata", {}),
            )
            for c in nb["cells"]
        ]
    return [("markdown", _without_front_matter(path.read_text(encoding="utf-8")), {})]


def prose(path: Path) -> str:
    """A page's markdown text (a notebook's markdown cells, one after another)."""
    return "\n\n".join(source for kind, source, _ in _cells(path) if kind == "markdown")


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def structure(path: Path) -> Structure:
    headings, figures, glued, exercises, citations, datasets = [], [], [], [], set(), set()
    for kind, source, metadata in _cells(path):
        if kind == "markdown":
            prose = FENCE.sub("", source)
            headings += [len(h) for h in HEADING.findall(prose)]
            figures += NAME.findall(source)
            glued += EVAL.findall(source) + [a or b for a, b in GLUE.findall(source)]
            for directive, argument in DIRECTIVE.findall(source):
                if directive in ("exercise", "solution"):
                    exercises.append(f"{directive} {argument}".strip())
            exercises += [f"label {x}" for x in LABEL.findall(source)]
            for keys in CITE.findall(source):
                citations.update(k.strip() for k in keys.split(","))
        elif kind == "code":
            datasets.update(DATASET.findall(source))
            glued += GLUE_CALL.findall(source)
            figure = metadata.get("mystnb", {}).get("figure", {})
            if figure.get("name"):
                figures.append(figure["name"])
    return Structure(
        tuple(headings), tuple(figures), tuple(glued), tuple(exercises), frozenset(citations), frozenset(datasets)
    )


def english_page(spanish_page: Path) -> Path:
    relative = Path(spanish_page).resolve().relative_to(ROOT / SPANISH)
    return ROOT / relative


def spanish_pages() -> list[Path]:
    folder = ROOT / SPANISH
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix in (".md", ".ipynb")
        and p.name != "TRANSLATING.md"
        and "_build" not in p.parts
        and ".ipynb_checkpoints" not in p.parts
    )


def text_hash(path: Path) -> str:
    """The SHA-256 of a page's text: a notebook's cell sources and their kinds (not its outputs)."""
    digest = hashlib.sha256()
    for kind, source, _ in _cells(path):
        digest.update(f"{kind}\n{source}\n\0".encode())
    return digest.hexdigest()


def recorded(spanish_page: Path) -> dict | None:
    """The ``translation_of`` a Spanish page records, or None."""
    path = Path(spanish_page)
    if path.suffix == ".ipynb":
        return json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("translation_of")
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not match:
        return None
    page = re.search(r"^translation_of:\n  page: (\S+)\n  sha256: ([0-9a-f]{64})$", match.group(1), re.M)
    return {"page": page.group(1), "sha256": page.group(2)} if page else None


def stamp(spanish_page: Path) -> dict:
    """Record, in the Spanish page, the English page's version it now translates."""
    path = Path(spanish_page).resolve()
    english = english_page(path)
    record = {"page": english.relative_to(ROOT).as_posix(), "sha256": text_hash(english)}
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        nb.setdefault("metadata", {})["translation_of"] = record
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return record
    text = path.read_text(encoding="utf-8")
    block = f"translation_of:\n  page: {record['page']}\n  sha256: {record['sha256']}"
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if match:
        inner = re.sub(r"^translation_of:\n  page: \S+\n  sha256: [0-9a-f]{64}$\n?", "", match.group(1), flags=re.M)
        inner = (inner.rstrip("\n") + "\n" if inner.strip() else "") + block
        text = f"---\n{inner}\n---\n" + text[match.end() :]
    else:
        text = f"---\n{block}\n---\n" + text
    path.write_text(text, encoding="utf-8")
    return record


def drift() -> list[str]:
    """Spanish pages that record no English version, or an older one than the English page's."""
    found = []
    for page in spanish_pages():
        name = page.relative_to(ROOT).as_posix()
        record = recorded(page)
        if record is None:
            found.append(f"{name}: records no English version (stamp it once checked)")
        elif record["sha256"] != text_hash(ROOT / record["page"]):
            found.append(f"{name}: its English page {record['page']} changed since it was translated")
    return found


def main(argv: list[str]) -> int:
    if argv[:1] == ["--stamp"]:
        for page in argv[1:]:
            print(f"{page}: translates {stamp(Path(page))['page']} as it is now")
        return 0
    late = drift()
    for line in late:
        print(line)
    print(
        f"{len(late)} of {len(spanish_pages())} Spanish pages behind their English page"
        if late
        else "every Spanish page translates its English page as it is now"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
