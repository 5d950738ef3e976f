"""The print edition: a PDF of the overview and of each chapter, one of the whole book, and a
teacher's packet, each on A4 and on US Letter, made from the built site.

    python -m bolivia_us.book.print_edition            # after the HTML build (scripts/build-book)

Why this route: the charts are drawn by the same Vega code as on the web and kept as vector
graphics, so the printed chart is the published chart; the headless Chromium the tests already
drive is the only tool added (no LaTeX, no second chart export); and nothing is fetched: the
site is served from 127.0.0.1 with every other host unresolvable.

Two steps:

1. **Compose** (``compose``): for each document, a print page under ``_build/html/print/`` made
   of the built pages' articles: a title block (title, era, the date the sources were checked,
   how to cite it), the prose, the figures, tables, notes and sources, the exercises (their
   solutions only in the teacher's packet), and every link's address collected as a numbered
   note. Code cells, menus and download links are left out: a printed chart has no controls.
2. **Print** (``print_documents``): Chromium lays each print page out at the width of the paper's
   text block, waits until every chart has drawn, checks that nothing is wider than the page, and
   prints it. Running heads and page numbers come from the print style's ``@page`` rules
   (``static/print.css``). Every PDF gets bookmarks, one per heading (``tidy_outline``); the whole
   report and the packet are printed twice, the second time with the contents' page numbers
   read from the first printing's bookmarks (``part_start_pages``).
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..language import Words, current, use

#: paper -> (Chromium's name for it, width and height in millimetres)
PAPERS = {"a4": ("A4", 210.0, 297.0), "letter": ("Letter", 215.9, 279.4)}
#: what the teacher's packet keeps of each chapter: the objectives box (by its title), and the
#: exercises and discussion questions (by their sections' ids), in each edition
PACKET_SECTIONS = {
    "en": ["Learning objectives", "exercises", "discussion-questions"],
    "es": ["Objetivos de aprendizaje", "ejercicios", "preguntas-para-el-debate"],
}

#: page margins in millimetres (the running heads sit in the top margin, page numbers in the bottom)
MARGINS_MM = {"top": 20.0, "bottom": 18.0, "left": 18.0, "right": 18.0}
PX_PER_MM = 96 / 25.4

#: What the print edition writes itself, in each edition's language (``language.use`` picks one).
WORDS = Words(
    {
        "report-title": ("Bolivia–United States relations", "Relaciones entre Bolivia y Estados Unidos"),
        "report-subtitle": ("an open, interactive report", "un informe abierto e interactivo"),
        "author": (
            "The editors of the Bolivia–United States relations report",
            "Los editores del informe Relaciones entre Bolivia y Estados Unidos",
        ),
        "printed-chapter": ("printed chapter", "capítulo impreso"),
        "whole-report": ("the whole report", "el informe completo"),
        "for-teachers": ("for teachers", "para docentes"),
        "era": ("Era", "Época"),
        "sources-checked": ("Sources checked to", "Fuentes revisadas al"),
        "how-to-cite": ("How to cite", "Cómo citarlo"),
        "holds": ("Holds", "Contiene"),
        "note": ("Note", "Nota"),
        "in": ("In", "En"),
        "version-of": ("Version of", "Versión del"),
        "packet-holds": (
            "the timeline handout, the guide for teachers and, for each chapter, its learning objectives, "
            "exercises with their solutions, and discussion questions",
            "la hoja de cronología, la guía para docentes y, de cada capítulo, sus objetivos de aprendizaje, "
            "los ejercicios con sus soluciones y las preguntas para el debate",
        ),
        "book-holds": (
            "every page of the report in reading order; exercises without their solutions (they are in the "
            "teacher's packet)",
            "todas las páginas del informe en orden de lectura; los ejercicios sin sus soluciones (están en la "
            "carpeta del docente)",
        ),
        "left-out": ("Left out: {why}; it needs a screen.", "Se omite {why}: necesita una pantalla."),
        "explorer": (
            "the explorer, which is the overview's charts with controls to move them",
            "el explorador, que son los gráficos del panorama con controles para moverlos",
        ),
        "packet": ("Teacher's packet", "Carpeta del docente"),
        "contents": ("Contents", "Índice"),
        "link-addresses": ("Addresses of the links", "Direcciones de los enlaces"),
        "page-n-of-m": ('"Page " counter(page) " of " counter(pages)', '"Página " counter(page) " de " counter(pages)'),
        "figures": ("Figures", "las figuras"),
        "and": ("and", "y"),
        "linked-note": (
            "On paper this figure is left out: it stacks the timeline, the contacts, trade, aid and coca "
            "charts so that picking years, an era or a category in one picks them in all, which only a "
            "screen can do, and it is taller than a page. Each of its panels is printed on its own in "
            "this chapter, as {figures}.",
            "En papel se omite esta figura: apila la línea de tiempo y los gráficos de contactos, comercio, "
            "ayuda y coca para que elegir años, una época o una categoría en uno los elija en todos, cosa "
            "que solo una pantalla permite, y es más alta que una página. Cada uno de sus paneles se "
            "imprime por separado en este capítulo, como {figures}.",
        ),
    }
)

CHAPTER_PAGES = [
    "notebooks/00-overview",
    "notebooks/01-confederation",
    "notebooks/02-tin-oil-war",
    "notebooks/03-revolution-cold-war",
    "notebooks/04-drug-policy",
    "notebooks/05-morales-rupture",
    "notebooks/06-present",
]
#: pages of the table of contents left out of the whole book, and why (said in its contents)
NOT_IN_THE_BOOK = {"notebooks/explorer": "explorer"}  # a key of WORDS
#: figures that exist to be used with a mouse, and what the printed page says in their place
#: ({figures} is filled in with the numbers of the figures named, as the page numbers them)
SCREEN_ONLY_FIGURES = {
    "fig-overview-linked": (
        "linked-note",  # a key of WORDS
        [
            "fig-overview-timeline",
            "fig-overview-contacts",
            "fig-overview-trade",
            "fig-overview-aid",
            "fig-overview-coca",
        ],
    ),
}


def _figure_numbers(article, figure_ids: list[str]) -> str:
    """'Figures 1, 5, 7, 8 and 9', as the page's own captions number them."""
    numbers = []
    for figure_id in figure_ids:
        caption = article.select_one(f"figure#{figure_id} figcaption .caption-number")
        if caption is None:
            raise ValueError(f"the print edition names {figure_id}, which the page does not have")
        numbers.append(caption.get_text(strip=True).split()[-1])
    return f"{WORDS['figures']} " + ", ".join(numbers[:-1]) + f" {WORDS['and']} " + numbers[-1]


PDF_FOLDER = "pdf"
PRINT_FOLDER = "print"


@dataclass
class Part:
    """One page of the site in a printed document, and what of it is kept."""

    page: str  # docname, e.g. "notebooks/03-revolution-cold-war"
    sections: list[str] | None = None  # keep only these (by id or admonition title); None: all
    heading: str | None = None  # a heading put before the kept sections


@dataclass
class Document:
    stem: str
    title: str
    running_head: str
    parts: list[Part]
    with_solutions: bool = False
    kind: str = "chapter"  # "chapter", "book" or "packet"
    source_page: str | None = None  # the page it prints, for its download links and citation
    notes: list[str] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)  # the parts' titles, listed with their pages

    def pdf_name(self, paper: str) -> str:
        return f"{self.stem}-{paper}.pdf"


def pdf_names_for_page(page: str) -> dict[str, str]:
    """The PDFs a page's download menu offers (paper -> file name), by docname."""
    if page in CHAPTER_PAGES:
        stem = page.split("/")[-1]
        return {paper: f"{stem}-{paper}.pdf" for paper in PAPERS}
    return {}


def whole_book_pdf_names() -> dict[str, str]:
    return {paper: f"{BOOK_STEM}-{paper}.pdf" for paper in PAPERS}


BOOK_STEM = "bolivia-us-relations"
PACKET_STEM = "teachers-packet"


# --------------------------------------------------------------------------- documents


def read_toc(root: Path) -> list[str]:
    """The docnames of the table of contents, in reading order."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [chapter["file"] for chapter in part.get("chapters", [])]
    return pages


def documents(root: Path, titles: dict[str, str]) -> list[Document]:
    """Every document of the print edition. ``titles``: each page's title, by docname."""
    docs = []
    for page in CHAPTER_PAGES:
        docs.append(
            Document(
                stem=page.split("/")[-1],
                title=titles[page],
                running_head=titles[page],
                parts=[Part(page)],
                source_page=page,
            )
        )
    book_pages = [p for p in read_toc(root) if p not in NOT_IN_THE_BOOK]
    docs.append(
        Document(
            stem=BOOK_STEM,
            title=f"{WORDS['report-title']}: {WORDS['report-subtitle']}",
            running_head=WORDS["report-title"],
            parts=[Part(p) for p in book_pages],
            kind="book",
            notes=[WORDS["left-out"].format(why=WORDS[why]) for why in NOT_IN_THE_BOOK.values()],
        )
    )
    packet = [Part("notebooks/timeline-handout"), Part("book/teachers-guide")]
    for page in CHAPTER_PAGES[1:]:
        packet.append(
            Part(
                page,
                sections=PACKET_SECTIONS[current()],
                heading=titles[page],
            )
        )
    docs.append(
        Document(
            stem=PACKET_STEM,
            title=WORDS["packet"],
            running_head=WORDS["packet"],
            parts=packet,
            with_solutions=True,
            kind="packet",
        )
    )
    return docs


# --------------------------------------------------------------------------- compose


def page_title(soup) -> str:
    heading = soup.select_one("article.bd-article h1")
    if heading is None:
        return ""
    for link in heading.select("a.headerlink"):
        link.decompose()
    return heading.get_text(" ", strip=True)


def _depth(page: str) -> int:
    return page.count("/")


def _rebase(fragment, page: str) -> None:
    """Make the fragment's relative addresses right from ``print/``, one folder deep."""
    prefix = "../" * (1 - _depth(page))
    folder = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    for tag, attribute in (("a", "href"), ("img", "src"), ("source", "src")):
        for element in fragment.find_all(tag):
            value = element.get(attribute)
            if not value or re.match(r"^([a-z]+:|#|/)", value):
                continue
            if _depth(page) == 0:
                element[attribute] = prefix + value
            elif value.startswith("../"):
                element[attribute] = value
            else:
                element[attribute] = "../" + folder + value


def _keep_sections(article, wanted: list[str]):
    """The parts of an article named in ``wanted``: a section id, or an admonition's title."""
    kept = []
    for name in wanted:
        found = article.find("section", id=name)
        if found is None:
            for admonition in article.select("div.admonition"):
                title = admonition.select_one(".admonition-title")
                if title is not None and title.get_text(strip=True) == name:
                    found = admonition
                    break
        if found is None:
            raise ValueError(f"the print edition wants '{name}' but the page has no such section")
        kept.append(found)
    return kept


def _strip_for_print(article, with_solutions: bool) -> None:
    from bs4 import BeautifulSoup

    for selector in (
        "details.above-input",  # hidden code and its toggle
        "div.cell_input",  # shown code
        "a.headerlink",
        "p.chart-tools",
        "script:not(.bolivia-us-spec)",
        ".jupyter-widgets",
        ".widget-subarea",
        "button",
    ):
        for element in article.select(selector):
            element.decompose()
    for figure_id, (note, panels) in SCREEN_ONLY_FIGURES.items():
        figure = article.find(id=figure_id)
        if figure is None:
            continue
        note = WORDS[note].format(figures=_figure_numbers(article, panels))
        for child in list(figure.children):
            if getattr(child, "name", None) != "figcaption":
                child.extract()
        replacement = BeautifulSoup(f'<p class="print-note">{html.escape(note)}</p>', "html.parser")
        figure.insert(0, replacement)
    for solution in article.select("div.solution"):
        if with_solutions:
            classes = [c for c in solution.get("class", []) if c != "dropdown"]
            solution["class"] = classes  # printed open, never as a toggle
        else:
            solution.decompose()


#: a sentence or clause that tells a screen reader what to do with the mouse
ON_SCREEN_ONLY = re.compile(
    r"(?<![/\w.])(hover|click|tap|drag)\b(?!/)|\bthe legend and the era menu\b"
    r"|\b(clic|cursor|arrastr[ea]\w*|toque|pulse)\b|\bla leyenda y el menú de épocas\b",
    re.I,
)


def _without_screen_instructions(text: str) -> str:
    """``text`` without its sentences and clauses about hovering and clicking (a printed chart
    has no tooltip or legend to click), the rest kept word for word."""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    parts = re.split(r"(?<=[.;])\s+", text.strip())
    kept = [part for part in parts if not ON_SCREEN_ONLY.search(part)]
    if len(kept) == len(parts):
        return text
    joined = " ".join(kept)
    if joined.endswith(";"):
        joined = joined[:-1] + "."
    return lead + joined + (trail if joined else "")


def _drop_screen_instructions(container) -> None:
    from bs4 import NavigableString

    for holder in container.select(".chart-subtitle, figcaption, p"):
        if holder.find_parent(["figcaption"]) or holder.find_parent(class_=["citation", "bibliography"]):
            continue
        for node in list(holder.find_all(string=True)):
            if isinstance(node, NavigableString) and ON_SCREEN_ONLY.search(node):
                node.replace_with(_without_screen_instructions(str(node)))
        if holder.name == "p" and not holder.get_text(strip=True):
            holder.decompose()  # a paragraph that was only an instruction


def _collect_link_addresses(container, soup, addresses: list[str]) -> None:
    """A link whose text is not its own address gets a note number, and its address is listed at
    the end of the document; addresses printed as text (the sources) are left as they are."""
    for link in container.select("a.reference.external, a.external"):
        href = link.get("href", "")
        if not href.startswith(("http://", "https://", "mailto:")):
            continue
        shown = link.get_text(strip=True)
        if shown.rstrip("/") == href.rstrip("/") or shown.startswith(("http://", "https://", "www.")):
            continue
        if href not in addresses:
            addresses.append(href)
        note = soup.new_tag("sup", attrs={"class": "print-link-note"})
        note.string = f"[{addresses.index(href) + 1}]"
        link.insert_after(note)


def _as_of_in_words() -> str:
    """The date the report is current to (``as_of`` in the data the build read), in words."""
    from ..data.datasets import package
    from ..facts.wording import long_date

    return long_date(package()["as_of"])


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _title_block(doc: Document, as_of: str, site_url: str) -> str:
    report = f"{WORDS['report-title']}: {WORDS['report-subtitle']}"
    era = re.search(r"\(([^()]*\d{4}[^()]*)\)\s*$", doc.title)
    if doc.kind == "chapter":
        citation = (
            f"{WORDS['author']}. “{html.escape(doc.title)}”. {WORDS['in']} <em>{report}</em>. "
            f"{WORDS['version-of']} {as_of}. {html.escape(site_url)}"
        )
        kicker = f"{WORDS['report-title']} · {WORDS['printed-chapter']}"
    else:
        citation = f"{WORDS['author']}. <em>{report}</em>. {WORDS['version-of']} {as_of}. {html.escape(site_url)}"
        kicker = f"{WORDS['report-title']} · {WORDS['whole-report'] if doc.kind == 'book' else WORDS['for-teachers']}"
    rows = [
        *([(WORDS["era"], html.escape(era.group(1)))] if era and doc.kind == "chapter" else []),
        (WORDS["sources-checked"], as_of),
        (WORDS["how-to-cite"], citation),
    ]
    if doc.kind == "packet":
        rows.insert(
            0,
            (WORDS["holds"], WORDS["packet-holds"]),
        )
    if doc.kind == "book":
        rows.insert(
            0,
            (WORDS["holds"], WORDS["book-holds"]),
        )
    rows += [(WORDS["note"], note) for note in doc.notes]
    cells = "".join(f"<dt>{html.escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    heading = f"<h1>{html.escape(doc.title)}</h1>" if doc.kind != "chapter" else ""
    return (
        f'<header class="print-title-block"><p class="print-kicker">{html.escape(kicker)}</p>'
        f"{heading}<dl>{cells}</dl></header>"
    )


def compose(html_dir: Path, root: Path, site_url: str) -> list[tuple[Document, Path]]:
    """Write each document's print page under ``html_dir/print`` and return them."""
    from bs4 import BeautifulSoup

    html_dir, root = Path(html_dir), Path(root)
    soups, titles = {}, {}
    for page in read_toc(root):
        path = html_dir / f"{page}.html"
        soups[page] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        titles[page] = page_title(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
    head = _print_head(soups["notebooks/00-overview"])
    as_of = _as_of_in_words()
    out = html_dir / PRINT_FOLDER
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    written = []
    for doc in documents(root, titles):
        body = BeautifulSoup("", "html.parser")
        addresses: list[str] = []
        pieces = [_title_block(doc, as_of, site_url)]
        if doc.kind != "chapter":
            pieces.append(_contents(doc, titles))
        for number, part in enumerate(doc.parts):
            source = BeautifulSoup(str(soups[part.page].select_one("article.bd-article")), "html.parser")
            article = source.select_one("article")
            kept = [article] if part.sections is None else _keep_sections(article, part.sections)
            wrapper = body.new_tag(
                "section", attrs={"class": "print-part", "id": f"print-part-{number}", "style": f"page: part{number}"}
            )
            if part.heading:
                heading = body.new_tag("h1")
                heading.string = part.heading
                wrapper.append(heading)
            for piece in kept:
                wrapper.append(piece)
            _strip_for_print(wrapper, doc.with_solutions)
            _drop_screen_instructions(wrapper)
            _rebase(wrapper, part.page)
            _collect_link_addresses(wrapper, body, addresses)
            if doc.kind == "chapter":
                _place_after_first_heading(wrapper, pieces.pop(0))
            pieces.append(str(wrapper))
        if addresses:
            items = "".join(f"<li>{html.escape(a)}</li>" for a in addresses)
            pieces.append(f'<section class="print-links"><h2>{WORDS["link-addresses"]}</h2><ol>{items}</ol></section>')
        heads = "\n".join(
            f"@page part{n} {{ @top-right {{ content: {_css_string(_running_head(doc, part, titles))}; }} }}"
            for n, part in enumerate(doc.parts)
        )
        page_html = (
            f'<!DOCTYPE html>\n<html lang="{current()}" data-theme="light" data-mode="light">\n<head>\n'
            f"{head}\n<title>{html.escape(doc.title)}</title>\n"
            f"<style>@page {{ @top-left {{ content: {_css_string(WORDS['report-title'])}; }} "
            f"@bottom-right {{ content: {WORDS['page-n-of-m']}; }} }}\n{heads}</style>\n"
            f'</head>\n<body class="print-edition print-{doc.kind}">\n<main class="bd-main"><article class="bd-article">\n'
            + "\n".join(pieces)
            + "\n</article></main>\n</body>\n</html>\n"
        )
        path = out / f"{doc.stem}.html"
        path.write_text(page_html, encoding="utf-8")
        written.append((doc, path))
    return written


def _contents(doc: Document, titles: dict[str, str]) -> str:
    """The contents of the whole report or the packet: each part's title and the page it starts on.
    The numbers are filled in after a first printing (``FILL_CONTENTS``, in ``print_documents``); until then each is a
    placeholder of the same width, so filling them in moves nothing."""
    doc.contents = [part.heading or titles[part.page] for part in doc.parts]
    items = "".join(
        f'<li><a href="#print-part-{n}">{html.escape(title)}</a>'
        f'<span class="print-contents-page" data-part="{n}">000</span></li>'
        for n, title in enumerate(doc.contents)
    )
    words = WORDS["contents"]
    return f'<nav class="print-contents" aria-label="{words}"><h2>{words}</h2><ol>{items}</ol></nav>'


def _running_head(doc: Document, part: Part, titles: dict[str, str]) -> str:
    if doc.kind == "chapter":
        return doc.running_head
    return part.heading or titles.get(part.page) or doc.running_head


def _place_after_first_heading(wrapper, block_html: str) -> None:
    """The chapter's title block goes under its own title."""
    from bs4 import BeautifulSoup

    block = BeautifulSoup(block_html, "html.parser")
    heading = wrapper.find("h1")
    if heading is None:
        wrapper.insert(0, block)
    else:
        heading.insert_after(block)


def _print_head(soup) -> str:
    """The style sheets of a chart page and the two scripts that draw charts; nothing else runs."""
    tags = []
    for link in soup.select('head link[rel="stylesheet"]'):
        tags.append(str(link))
    for script in soup.select("head script[src]"):
        if any(name in script["src"] for name in ("vega-bundle.js", "chart-tools.js")):
            tags.append(str(script))
    tags.append('<meta charset="utf-8">')
    return "\n".join(tags)


# --------------------------------------------------------------------------- print


class PrintError(RuntimeError):
    pass


def text_block_px(paper: str) -> int:
    _, width, _ = PAPERS[paper]
    return int((width - MARGINS_MM["left"] - MARGINS_MM["right"]) * PX_PER_MM)


OVERFLOW_CHECK = """width => {
  // Elements of the page (a chart's svg included) that end beyond the text block; what lies
  // inside an svg is clipped by it, so it is not counted.
  const wide = [];
  for (const el of document.querySelectorAll('article *')) {
    if (el.ownerSVGElement) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) {
      const name = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
      wide.push(`${name} ends at ${Math.round(box.right)} px: ${(el.textContent || '').trim().slice(0, 60)}`);
    }
  }
  return wide.slice(0, 5);
}"""


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def part_start_pages(pdf: Path, titles: list[str]) -> list[int]:
    """The page (counted from 1, as the page numbers are) on which each part starts, read from the
    PDF's bookmarks: each part opens with its title as a first-level heading, in order."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    pages, at = [], 0
    for title in titles:
        while at < len(top) and _normal(top[at].title) != _normal(title):
            at += 1
        if at == len(top):
            raise PrintError(f"{pdf.name}: no bookmark for the part {title!r}, so the contents cannot number it")
        pages.append(reader.get_destination_page_number(top[at]) + 1)
        at += 1
    return pages


HEADINGS = """() => Array.from(document.querySelectorAll('article h1, article h2, article h3, article h4, article h5, article h6'))
  .filter(el => el.getClientRects().length > 0)
  .map(el => el.textContent.replace(/\\s+/g, ' ').trim())"""


def tidy_outline(pdf: Path, headings: list[str]) -> None:
    """Give each bookmark its heading's text. Chromium (150) writes some bookmarks with every
    piece of the heading twice ("1.7. 1.7. ExercisesExercises"), seemingly those of headings
    that open a page, and drops the space where a heading wraps; ``headings`` are the page's
    visible headings in order, one per bookmark."""
    from collections import Counter

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(str(pdf)))
    entries = []

    def walk(node):
        while node is not None:
            node = node.get_object()
            entries.append(node)
            if "/First" in node:
                walk(node["/First"])
            node = node.get("/Next")

    outlines = writer._root_object.get("/Outlines")
    if outlines is None:
        return
    walk(outlines.get_object().get("/First"))
    if len(entries) != len(headings):
        raise PrintError(f"{pdf.name}: {len(entries)} bookmarks for {len(headings)} headings")
    changed = False
    for entry, heading in zip(entries, headings, strict=True):
        title = str(entry.get("/Title", ""))
        if title == heading:
            continue
        letters, wanted = re.sub(r"\s", "", title), re.sub(r"\s", "", heading)
        # a space lost where the heading wrapped, or pieces of it written twice: the bookmark holds
        # every letter of the heading, and at most twice as many
        if Counter(wanted) - Counter(letters) or len(letters) > 2 * len(wanted):
            raise PrintError(f"{pdf.name}: the bookmark {title!r} is not the heading {heading!r}")
        entry[NameObject("/Title")] = TextStringObject(heading)
        changed = True
    if changed:
        with open(pdf, "wb") as out:
            writer.write(out)


FILL_CONTENTS = """numbers => { for (const el of document.querySelectorAll('.print-contents-page'))
  el.textContent = String(numbers[Number(el.dataset.part)]); }"""

CHARTS_DRAWN = """() => { const charts = document.querySelectorAll('.bolivia-us-chart');
  return Array.from(charts).every(el => el.querySelector('svg g.role-mark')); }"""


def print_documents(html_dir: Path, composed: list[tuple[Document, Path]], chromium: str) -> list[Path]:
    """Print every composed document on every paper into ``html_dir/pdf``; return the PDFs."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    html_dir = Path(html_dir)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(html_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    target = Path(html_dir) / PDF_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    made = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
            )
            for doc, path in composed:
                for paper, (name, _, _) in PAPERS.items():
                    width = text_block_px(paper)
                    page = browser.new_page(viewport={"width": width, "height": 1000})
                    page.emulate_media(media="print", color_scheme="light")
                    elsewhere: list[str] = []
                    page.on(
                        "request",
                        lambda request, seen=elsewhere: (
                            seen.append(request.url)
                            if not request.url.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))
                            else None
                        ),
                    )
                    relative = path.relative_to(html_dir).as_posix()
                    page.goto(f"http://127.0.0.1:{server.server_address[1]}/{relative}", wait_until="load")
                    if elsewhere:
                        raise PrintError(
                            f"{path.name} asks for another host, which the print edition never reaches: {elsewhere[:3]}"
                        )
                    page.wait_for_function(CHARTS_DRAWN, timeout=60_000, polling=50)
                    wide = page.evaluate(OVERFLOW_CHECK, width)
                    if wide:
                        raise PrintError(f"{path.name} on {name}: wider than the page: " + "; ".join(wide))
                    pdf = target / doc.pdf_name(paper)
                    options = dict(
                        path=str(pdf),
                        format=name,
                        margin={k: f"{v}mm" for k, v in MARGINS_MM.items()},
                        print_background=True,
                        outline=True,
                        tagged=True,
                    )
                    headings = page.evaluate(HEADINGS)
                    page.pdf(**options)
                    tidy_outline(pdf, headings)
                    if doc.contents:
                        numbers = part_start_pages(pdf, doc.contents)
                        page.evaluate(FILL_CONTENTS, numbers)
                        page.pdf(**options)
                        tidy_outline(pdf, headings)
                        if part_start_pages(pdf, doc.contents) != numbers:
                            raise PrintError(f"{pdf.name}: filling in the contents moved the parts")
                    page.close()
                    made.append(pdf)
            browser.close()
    finally:
        server.shutdown()
    return made


def editions(html_dir: Path, root: Path) -> list[tuple[str, Path, Path]]:
    """(language, built site, book folder) of each edition built: the English at the site's root,
    the Spanish under ``es/`` when it was built."""
    from .editions import SPANISH_FOLDER

    found = [("en", Path(html_dir), Path(root))]
    if (Path(html_dir) / SPANISH_FOLDER / "index.html").exists():
        found.append(("es", Path(html_dir) / SPANISH_FOLDER, Path(root) / SPANISH_FOLDER))
    return found


def build(html_dir: Path, root: Path, chromium: str, keep_print_pages: bool = False) -> list[Path]:
    """Print every edition built: each edition's PDFs go into its own site's ``pdf/`` folder."""
    import yaml

    config = yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8"))
    site_url = config.get("repository", {}).get("url", "")
    made = []
    for edition, site, book in editions(html_dir, root):
        use(edition)
        try:
            made += print_documents(site, compose(site, book, site_url), chromium)
        finally:
            use("en")
        if not keep_print_pages:
            shutil.rmtree(site / PRINT_FOLDER, ignore_errors=True)
    return made


def main() -> None:
    import os
    import sys

    root = Path.cwd()
    html_dir = root / "_build" / "html"
    if not (html_dir / "index.html").exists():
        sys.exit("build the book first (scripts/build-book): _build/html has no index.html")
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        sys.exit(f"Chromium not found at {chromium}: run `bash scripts/install-chromium`")
    os.environ.setdefault("BOLIVIA_US_DATA", str(root / "data"))
    made = build(html_dir, root, chromium, keep_print_pages="--keep" in sys.argv)
    total = sum(p.stat().st_size for p in made) / 1024 / 1024
    folders = sorted({str(p.parent.relative_to(root)) for p in made})
    print(f"Printed {len(made)} PDFs into {', '.join(folders)} ({total:.1f} MB)")


if __name__ == "__main__":
    main()
