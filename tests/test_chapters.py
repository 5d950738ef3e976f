"""What a teacher relies on when assigning a chapter: objectives, a narrative of the promised
length, charts with their evidence, a quotation, sources that disagree, exercises with hidden
solutions, discussion questions and the chapter's own list of sources."""

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "notebooks").glob("0[1-6]-*.ipynb"))


def notebook_id(path: Path) -> str:
    return ("es/" if path.parent.parent.name == "es" else "") + path.stem


NARRATIVE_STOP = ("## Key takeaways", "## Exercises", "## Discussion questions", "## Sources")


def test_there_is_one_chapter_per_era():
    from bolivia_us import load_dataset

    assert [p.stem for p in CHAPTERS] == list(load_dataset("eras")["chapter"])


def markdown(path):
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "markdown"], [
        c.source for c in nb.cells if c.cell_type == "code"
    ]


def narrative_words(cells):
    words, reading = 0, True
    for text in cells:
        if text.startswith(NARRATIVE_STOP):
            reading = False
        if reading:
            plain = re.sub(r"\{[a-z:]+\}`[^`]*`", "", text)  # roles (citations, glue) are not words
            words += len(re.findall(r"[A-Za-zÀ-ÿ']+", plain))
    return words


@pytest.mark.parametrize("path", CHAPTERS, ids=notebook_id)
def test_chapter_has_what_a_teacher_assigns(path):
    md, code = markdown(path)
    text = "\n".join(md)
    assert "Learning objectives" in md[0], "learning objectives open the chapter"
    short = re.search(r"```\{admonition\} In short\n:class: note\n(.+?)\n```", md[0], re.S)
    assert short and md[0].index("In short") < md[0].index("Learning objectives"), "an 'In short' leads"
    assert 2 <= len(re.findall(r"(?<!U\.S)[.!?](?:\s|$)", short.group(1))) <= 3, "'In short' is two or three sentences"
    assert "## Key takeaways" in text
    exercises = re.findall(r"(?m)^(?:`{3,}|:{3,})\{exercise\}", text)
    solutions = re.findall(r"(?m)^(?:`{3,}|:{3,})\{solution\}[^\n]*\n:class: dropdown", text)
    assert len(exercises) >= 3, "at least three exercises"
    assert len(solutions) == len(exercises), "every exercise has a solution hidden in a dropdown"
    discussion = text.split("## Discussion questions", 1)[1].split("##", 1)[0]
    assert len(re.findall(r"(?m)^\d+\. ", discussion)) >= 2, "at least two discussion questions"
    assert "Sources disagree" in text, "a sources-disagree box"
    quoted = re.findall(r"(?ms)^```\{epigraph\}\n(.*?)^```|^(>.*)$", text)
    assert any(re.search(r"[“\"]", "".join(q)) for q in quoted), "a quoted primary source (an epigraph or block quote)"
    assert "{bibliography}" in text and ":filter: docname in docnames" in text, "the chapter lists its own sources"
    assert 1500 <= narrative_words(md) <= 4200, f"narrative length {narrative_words(md)} words"


@pytest.mark.parametrize("path", CHAPTERS, ids=notebook_id)
def test_chapter_charts_carry_title_source_description_and_caption(path):
    nb = nbformat.read(path, as_version=4)
    finished = [c for c in nb.cells if c.cell_type == "code" and "charts.finish(" in c.source]
    assert len(finished) >= 3, "at least three charts"
    for cell in finished:
        for part in ("title=", "source=", "description="):
            assert part in cell.source, f"a chart without {part[:-1]}"
        # The cell ends with the chart, so a student who runs it sees it; the book makes its
        # output a numbered figure with the caption and name in the cell's metadata.
        last = cell.source.strip().splitlines()[-1]
        assert re.fullmatch(r"[a-z_]+", last), f"a chart cell should end with the chart, not {last!r}"
        figure = cell.metadata.get("mystnb", {}).get("figure", {})
        assert figure.get("name", "").startswith("fig-"), "every chart is a named, numbered figure"
        assert len(figure.get("caption", "").strip()) > 40, "every figure has a caption"


@pytest.mark.parametrize("path", CHAPTERS, ids=notebook_id)
def test_numbers_in_the_prose_come_from_glue(path):
    """The prose pastes its dataset numbers with glue, read as ``{eval}`glued.name``` (the build
    fails on any name that no cell glues, so here it is enough that the chapter uses them)."""
    md, _ = markdown(path)
    assert len(re.findall(r"\{eval\}`glued\.([^`]+)`", "\n".join(md))) >= 5


@pytest.mark.parametrize("path", CHAPTERS, ids=notebook_id)
def test_chapter_links_its_terms_to_the_glossary(path):
    md, _ = markdown(path)
    terms = re.findall(r"\{term\}`([^`]+)`", "\n".join(md))
    assert len(terms) >= 3, "the chapter links the glossary where its terms first appear"
    assert len(terms) == len(set(terms)), "each term is linked once, where it first appears"
    glossary = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    for term in terms:
        assert re.search(rf"(?m)^{re.escape(term)}$", glossary), f"{term} is not defined in the glossary"


def test_chart_texts_do_not_type_numbers_the_data_hold():
    """A chart's title, subtitle and description take their figures from the data (f-strings), as
    the prose does through glue: a typed '12,000 hectares' would not follow a corrected dataset."""
    typed = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            for literal in re.findall(r"(?<![{\w])(?:f)?\"([^\"\n]*)\"", source):
                outside_braces = re.sub(r"\{[^{}]*\}", "", literal)
                if re.search(r"\b\d{1,3}(?:,\d{3})+\b", outside_braces) and re.search(
                    r"(title|subtitle|description)\s*=\s*\(?\s*f?\"[^\n]*" + re.escape(literal[:30]), source
                ):
                    typed.append(f"{path.name}: {literal[:80]}")
    assert not typed, "numbers typed into chart texts: " + "; ".join(typed)


#: both editions' notebooks (the Spanish edition's in es/notebooks)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "es" / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_the_prose_refers_to_every_figure_before_it_appears(path):
    """As in a printed book, the text leads the reader to each chart ("Figure 1.2 shows…"), which
    the book numbers and links, so the reader knows why the chart is there before seeing it."""
    nb = nbformat.read(path, as_version=4)
    text_so_far = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            text_so_far += cell.source
        name = cell.metadata.get("mystnb", {}).get("figure", {}).get("name")
        if cell.cell_type == "code" and name:
            assert re.search(rf"\{{numref\}}`[^`]*<{re.escape(name)}>`|\{{numref\}}`{re.escape(name)}`", text_so_far), (
                f"{path.name}: no {{numref}} to {name} before the figure"
            )


SOLUTION = re.compile(r"```\{solution\}.*?\n```[ \t]*$", re.S | re.M)
PYTHON_IN_A_SOLUTION = re.compile(r"```python\n(.*?)```", re.S)


def solution_code(nb) -> list[str]:
    """The Python code blocks of every solution in a notebook, in order."""
    return [
        code
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for block in SOLUTION.findall(cell.source)
        for code in PYTHON_IN_A_SOLUTION.findall(block)
    ]


WITH_SOLUTION_CODE = [p for p in NOTEBOOKS if solution_code(nbformat.read(p, as_version=4))]


@pytest.fixture(scope="module")
def notebook_kernel():
    """Runs a notebook's code in a fresh kernel, in the notebook's folder, as a student would."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    def run(nb, folder: Path = ROOT / "notebooks") -> str | None:
        try:
            NotebookClient(
                nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
            ).execute()
        except CellExecutionError as err:
            return str(err)[-1500:]
        return None

    return run


@pytest.mark.parametrize("path", WITH_SOLUTION_CODE, ids=notebook_id)
def test_every_solutions_code_runs_after_its_chapter(path, notebook_kernel):
    """A teacher or student who runs the chapter and then a solution's code gets its answer, not
    an error (a solution once imported a module the package had moved)."""
    nb = nbformat.read(path, as_version=4)
    solutions = solution_code(nb)
    cells = [c for c in nb.cells if c.cell_type == "code" and "skip-execution" not in c.metadata.get("tags", [])]
    nb.cells = cells + [nbformat.v4.new_code_cell(code) for code in solutions]
    error = notebook_kernel(nb, path.parent)
    assert error is None, f"{path.name}: a solution's code fails after the chapter runs:\n{error}"
