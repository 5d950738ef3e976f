"""Students open the notebooks in Binder, Colab or their own JupyterLab: there too every notebook
finds its data, every chart draws, and the prose reads as prose.

* The set-up each notebook carries follows one place: the Colab cell clones the repository and
  branch in ``_config.yml``; Binder's pins agree with ``requirements.txt``; the values JupyterLab
  shows for ``{eval}`glued.name``` are the ones the notebook glues.
* A Binder rehearsal: a fresh virtual environment installed as repo2docker 2026.4.0 installs a
  repository with a ``.binder/`` folder (``jupyter-repo2docker --no-build`` prints these steps:
  ``pip install -r .binder/requirements.txt``, then ``./.binder/postBuild``), on top of what
  Binder's base image brings (the kernel and nbclient); then every notebook run from
  ``notebooks/`` as JupyterLab's "Run All" runs it, every cell included.
* A Colab rehearsal: one notebook alone in an empty folder, its set-up cell run with the clone
  replaced by a local copy of the repository, then the rest in the same kernel, no restart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
#: both editions' notebooks (the Spanish edition's in es/notebooks)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "es" / "notebooks").glob("*.ipynb"))


def notebook_id(path: Path) -> str:
    return ("es/" if path.parent.parent.name == "es" else "") + path.stem


sys.path.insert(0, str(ROOT / "tools"))
import notebook_sync  # noqa: E402

from conftest import copy_of_repository, student_environment  # noqa: E402


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            name, version = line.split("==", 1)
            found[name.strip().lower().replace("_", "-")] = version.strip()
    return found


# --------------------------------------------------------------------------- one place each


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_colab_cell_clones_the_repository_the_book_is_built_from(path):
    nb = nbformat.read(path, as_version=4)
    cell = notebook_sync.setup_cell(nb)
    assert cell is not None, "the first code cell is the Colab set-up cell"
    assert "remove-cell" in cell.metadata.get("tags", []), "the book leaves the set-up cell out"
    assert cell.source == notebook_sync.colab_cell(spanish=notebook_sync.is_spanish(path)), (
        "the set-up cell differs from the repository and branch in _config.yml: run tools/refresh_outputs.py"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_values_jupyterlab_shows_are_the_glued_ones(path):
    nb = nbformat.read(path, as_version=4)
    expected = notebook_sync.user_expressions(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            assert cell.metadata.get("user_expressions") == expected.get(index), (
                f"cell {index}: the values stored for JupyterLab are stale: run tools/refresh_outputs.py"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_dollar_signs_stay_money_in_jupyterlab(path):
    """jupyterlab-myst reads "$...$" as mathematics: "a $88 million programme ... $4 million"
    would lose its words. Prose writes "\\$", which is a dollar sign in the book as well."""
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            bare = notebook_sync.unescaped_dollars(cell.source)
            assert not bare, f"cell {index}: write \\$ for a dollar sign: …{cell.source[bare[0] - 40 : bare[0] + 40]}…"


def test_binder_installs_what_the_notebooks_import_at_the_pinned_versions():
    binder, book = pins(ROOT / ".binder" / "requirements.txt"), pins(ROOT / "requirements.txt")
    for name in ("altair", "vl-convert-python", "pandas", "ipywidgets", "jupyterlab-myst"):
        assert name in binder, f"Binder must install {name}"
    for name, version in binder.items():
        assert book.get(name) == version, f"{name}: Binder pins {version}, requirements.txt {book.get(name)}"
    assert not {"playwright", "pytest", "jupyter-book", "sphinx"} & set(binder), "test and build tools stay out"
    assert (ROOT / ".binder" / "runtime.txt").read_text().strip() == (ROOT / "runtime.txt").read_text().strip()
    assert os.access(ROOT / ".binder" / "postBuild", os.X_OK), "postBuild must be executable"


# --------------------------------------------------------------------------- rehearsals


@pytest.fixture(scope="module")
def student_venv(tmp_path_factory) -> Path:
    """A fresh environment with what Binder's image and .binder/requirements.txt install."""
    venv = tmp_path_factory.mktemp("student") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    book = pins(ROOT / "requirements.txt")
    base_image = [f"{name}=={book[name]}" for name in ("ipykernel", "nbclient", "nbformat")]
    install = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    for args in (base_image, ["-r", str(ROOT / ".binder" / "requirements.txt")]):
        done = subprocess.run([*install, *args], capture_output=True, text=True, env=student_environment())
        assert done.returncode == 0, done.stderr[-3000:]
    return venv


# Runs inside the student's environment: execute a notebook as JupyterLab's "Run All" does (every
# cell, "skip-execution" ones too), in the notebook's folder, then report what a student sees.
RUNNER = textwrap.dedent(
    """
    import json, sys
    import nbformat
    from nbclient import NotebookClient

    path, workdir = sys.argv[1], sys.argv[2]
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import json as _j\\n"
        "print(_j.dumps({k: str(v) for k, v in vars(glued).items()}) if 'glued' in dir() else '{}')"
    ))
    NotebookClient(nb, timeout=300, kernel_name="python3", skip_cells_with_tag="no-such-tag",
                   resources={"metadata": {"path": workdir}}).execute()
    charts, html_charts = 0, 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/svg+xml" in data and "role-mark" in data["image/svg+xml"]:
                charts += 1
            if "bolivia-us-chart" in data.get("text/html", ""):
                html_charts += 1
    glued = json.loads(nb.cells[-1].outputs[0]["text"])
    print(json.dumps({"svg_charts": charts, "book_charts": html_charts, "glued": glued}))
    """
)


def run_as_student(venv: Path, notebook: Path, workdir: Path) -> dict:
    runner = workdir / "_run_as_student.py"
    runner.write_text(RUNNER, encoding="utf-8")
    done = subprocess.run(
        [str(venv / "bin" / "python"), str(runner), str(notebook), str(workdir)],
        cwd=workdir,
        capture_output=True,
        text=True,
        env=student_environment(),
    )
    runner.unlink()
    assert done.returncode == 0, f"{notebook.name} failed as a student runs it:\n{done.stderr[-4000:]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def stored_charts(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum(
        "bolivia-us-chart" in out.get("data", {}).get("text/html", "")
        for cell in nb.cells
        for out in cell.get("outputs", [])
    )


def test_colab_first_run_needs_no_restart(student_venv, tmp_path):
    python = str(student_venv / "bin" / "python")
    # Colab has no copy of the report's package: make sure this environment has none either.
    subprocess.run([python, "-m", "pip", "uninstall", "--quiet", "-y", "bolivia-us"], capture_output=True)
    probe = subprocess.run([python, "-c", "import bolivia_us"], cwd=tmp_path, capture_output=True)
    assert probe.returncode != 0, "the rehearsal needs an environment without the report's package"

    report = copy_of_repository(tmp_path / "report")
    alone = tmp_path / "content"
    alone.mkdir()
    source = ROOT / "notebooks" / "04-drug-policy.ipynb"
    nb = nbformat.read(source, as_version=4)
    cell = notebook_sync.setup_cell(nb)
    assert '"/content/report"' in cell.source
    cell.source = cell.source.replace('"/content/report"', repr(str(report)))
    # What Colab's kernel has loaded before the first cell runs.
    nb.cells.insert(
        0,
        nbformat.v4.new_code_cell("import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')"),
    )
    nbformat.write(nb, alone / source.name)

    seen = run_as_student(student_venv, alone / source.name, alone)
    assert seen["svg_charts"] == stored_charts(source) > 0, "every chart draws as SVG in Colab"
    assert seen["book_charts"] == 0, "no chart is left for the book's script, which Colab does not have"
    assert seen["glued"], "the glued values exist in the kernel"


def test_colab_says_plainly_when_the_clone_fails(student_venv, tmp_path):
    nb = nbformat.read(ROOT / "notebooks" / "01-confederation.ipynb", as_version=4)
    cell = notebook_sync.setup_cell(nb)
    source = cell.source.replace('"/content/report"', repr(str(tmp_path / "report")))
    config_url = notebook_sync.colab_cell().split('REPOSITORY, BRANCH, REPORT = "', 1)[1].split('"', 1)[0]
    source = source.replace(config_url, str(tmp_path / "no-such-repository"))
    script = "import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')\n" + source
    done = subprocess.run(
        [str(student_venv / "bin" / "python"), "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=student_environment(),
    )
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("RuntimeError: Could not download the report from"), last
    assert "run this cell again" in last


def test_binder_runs_every_notebook_and_draws_every_chart(student_venv, tmp_path):
    repo = copy_of_repository(tmp_path / "repo")
    env = student_environment()
    env["PATH"] = f"{student_venv / 'bin'}{os.pathsep}{env['PATH']}"
    built = subprocess.run(["./.binder/postBuild"], cwd=repo, capture_output=True, text=True, env=env)
    assert built.returncode == 0, built.stderr[-3000:]
    where = subprocess.run(
        [str(student_venv / "bin" / "python"), "-c", "import bolivia_us; print(bolivia_us.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert "site-packages" in where.stdout, "Binder installs the package normally, not from the checkout"
    for notebook in NOTEBOOKS:
        copy = repo / notebook.relative_to(ROOT)  # notebooks/ or es/notebooks/
        seen = run_as_student(student_venv, copy, copy.parent)
        assert seen["svg_charts"] >= stored_charts(notebook), f"{notebook.name}: every chart draws as SVG"
        assert seen["book_charts"] == 0, f"{notebook.name}: a chart drawn for the book's script shows nothing here"
        nb = nbformat.read(notebook, as_version=4)
        stored = notebook_sync.glued_text(nb)
        shown = {n for c in nb.cells if c.cell_type == "markdown" for n in notebook_sync.EVAL_ROLE.findall(c.source)}
        assert {k: seen["glued"].get(k) for k in shown} == {k: str(stored[k]) for k in shown}, (
            f"{notebook.name}: the kernel's values differ from the ones the book shows"
        )
