"""The print edition (bolivia_us/book/print_edition.py): what a teacher hands out must hold the
chapter, its figures and its page numbers, fit the paper, keep the solutions out of the
students' copies and in the teacher's packet, and be made with the network cut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bolivia_us.book import print_edition

MM = 72 / 25.4  # PDF points per millimetre


def pdf_path(printed_book: Path, stem: str, paper: str) -> Path:
    return printed_book / print_edition.PDF_FOLDER / f"{stem}-{paper}.pdf"


def page_texts(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def flat(text: str) -> str:
    """Text as compared: hyphenation at line ends undone, every run of spaces one space."""
    return re.sub(r"\s+", " ", text.replace("-\n", "-")).strip()


def html_of(printed_book: Path, page: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup((printed_book / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def captions(printed_book: Path, page: str) -> list[str]:
    """Every figure's caption on the built page as print states it: 'Figure 3.1 ...' (without
    what it says about hovering and clicking, which paper cannot do)."""
    soup = html_of(printed_book, page)
    found = []
    for caption in soup.select("article figure figcaption"):
        for link in caption.select("a.headerlink"):
            link.decompose()
        print_edition._drop_screen_instructions(caption.parent)
        found.append(flat(caption.get_text("")))
    return found


def squeezed(text: str) -> str:
    """Text with no spaces at all: line breaks and the spacing of extracted PDF text never matter."""
    return re.sub(r"\s+", "", text)


def solution_snippets(printed_book: Path, page: str) -> list[str]:
    """A line of prose from each solution on the built page."""
    soup = html_of(printed_book, page)
    snippets = []
    for solution in soup.select("div.solution section#solution-content"):
        paragraph = next((p for p in solution.find_all("p") if len(p.get_text(strip=True)) > 40), None)
        if paragraph is not None:
            snippets.append(flat(paragraph.get_text(" "))[:60])
    return snippets


CHAPTERS = print_edition.CHAPTER_PAGES
PAPERS = list(print_edition.PAPERS)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.split("/")[-1])
def test_a_printed_chapter_holds_its_title_figures_and_page_numbers_but_no_solutions(printed_book, page, paper):
    path = pdf_path(printed_book, page.split("/")[-1], paper)
    assert path.exists(), f"{path.name} was not printed"
    texts = page_texts(path)
    whole = flat("\n".join(texts))
    title = print_edition.page_title(html_of(printed_book, page))
    assert title in whole, f"{path.name}: the chapter's title is missing"
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text, f"{path.name}: page {number} has no page number"
    missing = [c[:50] for c in captions(printed_book, page) if squeezed(c) not in squeezed(whole)]
    assert not missing, f"{path.name}: figure captions missing: {missing}"
    on_screen = re.findall(r"[^.]*(?<![/\w.])(?:[Hh]over|[Cc]lick)\b(?!/)[^.]*", whole)
    assert not on_screen, f"{path.name}: tells a reader of paper to hover or click: {on_screen[:2]}"
    leaked = [s for s in solution_snippets(printed_book, page) if s in whole]
    assert not leaked, f"{path.name}: solutions printed in a student's copy: {leaked}"
    assert "Sources checked to" in whole and "How to cite" in whole, "no title block"


def test_the_teachers_packet_holds_every_solution_objective_and_question(printed_book):
    whole = flat("\n".join(page_texts(pdf_path(printed_book, print_edition.PACKET_STEM, "a4"))))
    for page in CHAPTERS[1:]:
        missing = [s for s in solution_snippets(printed_book, page) if s not in whole]
        assert not missing, f"the packet lacks solutions of {page}: {missing}"
    assert whole.count("Learning objectives") >= 6 and whole.count("Discussion questions") >= 6
    assert "Lesson plans" in whole, "the guide's lesson plans are missing"


def test_the_whole_report_prints_every_chapter_in_order(printed_book):
    whole = flat("\n".join(page_texts(pdf_path(printed_book, print_edition.BOOK_STEM, "a4"))))
    titles = [print_edition.page_title(html_of(printed_book, page)) for page in CHAPTERS]
    positions = [whole.find(t) for t in titles]
    assert -1 not in positions and positions == sorted(positions), titles


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("stem", [print_edition.BOOK_STEM, print_edition.PACKET_STEM])
def test_the_contents_page_gives_the_page_each_part_starts_on(printed_book, stem, paper):
    """The whole report and the packet open with a contents list whose numbers are right: the
    page it names is the first whose running head (its first line) carries that part's title."""
    texts = page_texts(pdf_path(printed_book, stem, paper))
    first = flat(texts[0])
    assert "Contents" in first, f"{stem}-{paper}: no contents on the first page"
    contents = first.split("Contents", 1)[1]
    running_heads = [flat(text.split("\n", 1)[0]) for text in texts]
    chapters = CHAPTERS if stem == print_edition.BOOK_STEM else CHAPTERS[1:]  # the packet has no overview
    toc_titles = [print_edition.page_title(html_of(printed_book, page)) for page in chapters]
    checked = 0
    for title in toc_titles:
        listed = re.search(re.escape(title) + r"\s*\.*\s*(\d+)", contents)
        assert listed, f"{stem}-{paper}: {title!r} is not in the contents"
        number = int(listed.group(1))
        starts = next(n for n, head in enumerate(running_heads, start=1) if n > 1 and head.endswith(title))
        assert number == starts, (
            f"{stem}-{paper}: contents say {title!r} starts on page {number}; it starts on {starts}"
        )
        checked += 1
    assert checked == len(chapters)


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.split("/")[-1])
def test_a_chapters_bookmarks_are_its_headings(printed_book, page):
    """A PDF reader's bookmarks list the chapter's headings, each once and as written."""
    from pypdf import PdfReader

    reader = PdfReader(pdf_path(printed_book, page.split("/")[-1], "a4"))
    titles = []

    def walk(entries):
        for entry in entries:
            walk(entry) if isinstance(entry, list) else titles.append(entry.title)

    walk(reader.outline)
    soup = html_of(printed_book, page)
    for link in soup.select("article a.headerlink"):
        link.decompose()
    headings = [flat(h.get_text("")) for h in soup.select("article h1, article h2, article h3")]
    headings.append("Addresses of the links")  # the print edition's own last section
    assert titles, f"{page}: the PDF has no bookmarks"
    assert titles[0] == headings[0]
    strays = [t for t in titles if t not in headings]
    assert not strays, f"{page}: bookmarks that are not the page's headings: {strays[:3]}"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.split("/")[-1])
def test_every_figure_is_printed_as_a_drawing_between_its_title_and_source(printed_book, page, paper):
    """Between each chart's title and its source line, on one page, lie the chart's vector
    graphics (marks, axes, outlines); a chart that failed to draw leaves only its placeholder
    sentence there, and no shapes."""
    import pdfplumber
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((printed_book / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    titles = [
        squeezed(t.get_text())
        for t in soup.select("article figure .chart-title")
        if t.find_parent("figure").get("id") not in print_edition.SCREEN_ONLY_FIGURES
    ]
    assert titles, f"{page} has no chart titles"
    path = pdf_path(printed_book, page.split("/")[-1], paper)
    drawn = {}
    with pdfplumber.open(path) as pdf:
        for pdf_page in pdf.pages:
            lines = pdf_page.extract_text_lines()
            shapes = pdf_page.curves + pdf_page.rects + pdf_page.lines
            for i, line in enumerate(lines):
                title = next((t for t in titles if t.startswith(squeezed(line["text"])[:25])), None)
                if title is None or len(squeezed(line["text"])) < 10:
                    continue
                source = next((below for below in lines[i + 1 :] if below["text"].startswith("Source")), None)
                if source is None:
                    continue
                between = [o for o in shapes if o["top"] >= line["bottom"] - 1 and o["bottom"] <= source["top"] + 1]
                drawn[title] = max(drawn.get(title, 0), len(between))
    not_found = [t[:40] for t in titles if t not in drawn]
    assert not not_found, f"{path.name}: no chart title with its source line below it on one page: {not_found}"
    flat_charts = {t[:40]: n for t, n in drawn.items() if n < 10}
    assert not flat_charts, f"{path.name}: charts printed without drawings: {flat_charts}"


@pytest.mark.parametrize("paper", PAPERS)
def test_every_page_of_every_pdf_has_the_papers_size_and_no_text_outside_it(printed_book, paper):
    import pdfplumber

    _, width_mm, height_mm = print_edition.PAPERS[paper]
    outside = []
    pdfs = sorted((printed_book / print_edition.PDF_FOLDER).glob(f"*-{paper}.pdf"))
    assert len(pdfs) == len(CHAPTERS) + 2
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                assert abs(page.width - width_mm * MM) < 1 and abs(page.height - height_mm * MM) < 1, path.name
                for char in page.chars:
                    if char["x0"] < 0 or char["x1"] > page.width or char["top"] < 0 or char["bottom"] > page.height:
                        outside.append(f"{path.name} p{number}: {char['text']!r}")
    assert not outside, f"{len(outside)} characters outside the page: {outside[:5]}"


def test_fonts_are_embedded_and_spanish_names_survive(printed_book):
    from pypdf import PdfReader

    path = pdf_path(printed_book, "02-tin-oil-war", "a4")
    reader = PdfReader(path)
    not_embedded = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                not_embedded.add(str(font.get("/BaseFont")))
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    whole = flat("\n".join(page_texts(path)))
    for name in ("Peñaranda", "Bolivia’s"):
        assert name in whole, f"{name} did not survive printing"


def test_the_print_step_refuses_a_page_that_reaches_another_host(printed_book, chromium_path, tmp_path):
    """The PDFs are made with the network cut: a page asking another host stops the print step."""
    import shutil

    site = tmp_path / "html"
    shutil.copytree(printed_book, site, ignore=shutil.ignore_patterns("pdf"))
    page = site / "print-check.html"
    page.write_text('<html><body><img src="https://example.org/x.png"><p>x</p></body></html>', encoding="utf-8")
    doc = print_edition.Document(stem="check", title="check", running_head="check", parts=[])
    with pytest.raises(print_edition.PrintError, match="example.org"):
        print_edition.print_documents(site, [(doc, page)], chromium_path)


def test_the_teachers_guide_offers_every_printed_pdf(printed_book):
    """The guide's table of PDFs is typed by hand: it must name every file the print step made,
    on both papers, and no file it did not make."""
    soup = html_of(printed_book, "book/teachers-guide")
    linked = {a["href"].split("/")[-1] for a in soup.select("article a[href$='.pdf']")}
    printed = {p.name for p in (printed_book / print_edition.PDF_FOLDER).glob("*.pdf")}
    assert linked == printed, f"not in the guide: {sorted(printed - linked)}; not printed: {sorted(linked - printed)}"


# --------------------------------------------------------------------------- the Spanish edition


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.split("/")[-1])
def test_a_spanish_chapter_prints_in_spanish_without_its_solutions(printed_book, page):
    spanish = printed_book / "es"
    path = pdf_path(spanish, page.split("/")[-1], "a4")
    assert path.exists(), f"es/{path.name} was not printed"
    texts = page_texts(path)
    whole = flat("\n".join(texts))
    assert print_edition.page_title(html_of(spanish, page)) in whole, f"es/{path.name}: the chapter's title is missing"
    for number, text in enumerate(texts, start=1):
        assert f"Página {number} de {len(texts)}" in text, f"es/{path.name}: page {number} has no page number"
    assert "Fuentes revisadas al" in whole and "Cómo citarlo" in whole, "no Spanish title block"
    assert "Sources checked to" not in whole
    leaked = [s for s in solution_snippets(spanish, page) if s in whole]
    assert not leaked, f"es/{path.name}: solutions printed in a student's copy: {leaked}"
    missing = [c[:50] for c in captions(spanish, page) if squeezed(c) not in squeezed(whole)]
    assert not missing, f"es/{path.name}: figure captions missing: {missing}"


def test_the_spanish_packet_holds_every_solution(printed_book):
    spanish = printed_book / "es"
    whole = flat("\n".join(page_texts(pdf_path(spanish, print_edition.PACKET_STEM, "letter"))))
    for page in CHAPTERS[1:]:
        missing = [s for s in solution_snippets(spanish, page) if s not in whole]
        assert not missing, f"the Spanish packet lacks solutions of {page}: {missing}"
    assert whole.count("Objetivos de aprendizaje") >= 6 and "Índice" in whole


def test_the_spanish_teachers_guide_offers_every_spanish_pdf(printed_book):
    test_the_teachers_guide_offers_every_printed_pdf(printed_book / "es")
