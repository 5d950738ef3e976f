"""A student in JupyterLab (the pinned version, with jupyterlab-myst as Binder installs it): with
the network cut, two chapters and the explorer open with their prose rendered, run every cell,
and show every chart drawn; no raw MyST is left in the prose, before or after running."""

from __future__ import annotations

import base64
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from conftest import ROOT, copy_of_repository, student_environment

sys.path.insert(0, str(ROOT / "tools"))
import notebook_sync  # noqa: E402

pytest.importorskip("playwright.sync_api")

#: notebooks a student opens, by their path in the repository (one of the Spanish edition's too)
NOTEBOOKS = [
    "notebooks/01-confederation.ipynb",
    "notebooks/04-drug-policy.ipynb",
    "notebooks/explorer.ipynb",
    "es/notebooks/05-morales-rupture.ipynb",
]
RAW_MYST = ["{cite", "{glue", "{eval", "glued.", "{admonition", "{exercise", "{solution", "Unknown Directive", "```"]
SCREENSHOTS = ROOT / "tests" / "screenshots"

# Ask the page (via the app object JupyterLab exposes when told to) for the open notebook's cells.
CELLS = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.sessionContext.session) return null;
  return {
    kernel: panel.sessionContext.session.kernel ? panel.sessionContext.session.kernel.status : 'none',
    cells: panel.content.widgets.map(c => ({type: c.model.type,
      count: c.model.type === 'code' ? c.model.executionCount : null}))
  };
}"""

# Every SVG image JupyterLab shows in an output (charts are image/svg+xml), with its marks.
SVG_OUTPUTS = """() => Array.from(document.querySelectorAll('.jp-OutputArea-output img, .jp-RenderedSVG svg'))
  .filter(el => el.tagName === 'svg' || (el.src || '').startsWith('data:image/svg+xml'))
  .map(el => ({loaded: el.tagName === 'svg' || (el.complete && el.naturalWidth > 0),
               svg: el.tagName === 'svg' ? el.outerHTML : el.src}))"""


def slug(name: str) -> str:
    """A notebook's path as one word: es/notebooks/05-x.ipynb -> es-05-x."""
    return "-".join(p for p in Path(name).with_suffix("").parts if p != "notebooks")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a copy of the repository (running cells must not touch the real notebooks)."""
    home = tmp_path_factory.mktemp("lab")
    repo = copy_of_repository(home / "repo")
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    notebook_settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True)
    # Keep every cell in the page, so the test can read all of them (the look is the same).
    (notebook_settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    port = free_port()
    env = student_environment()
    env.update(JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_CONFIG_DIR=str(home / "config"))
    jupyter = str(Path(sys.executable).with_name("jupyter"))
    command = [
        jupyter, "lab", "--no-browser", "--allow-root", f"--port={port}", "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={repo}",
        "--LabApp.expose_app_in_browser=True", f"--LabApp.user_settings_dir={home / 'settings'}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
    ]  # fmt: skip
    log = (home / "lab.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=repo)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=1)
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab did not start:\n{(home / 'lab.log').read_text()[-3000:]}")
            time.sleep(0.5)
    else:
        pytest.fail("JupyterLab did not answer within 60 s")
    yield url, repo
    server.terminate()
    server.wait(timeout=30)


def open_notebook(browser, url, name):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlparse(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith("data:")
            else route.abort()
        ),
    )
    page = context.new_page()
    # A workspace of its own, so that only this notebook is open (hidden tabs keep their cells).
    page.goto(f"{url}/lab/workspaces/{slug(name)}/tree/{name}?reset")
    page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook .jp-Cell')", timeout=60_000)
    page.wait_for_function(f"() => {{ const s = ({CELLS})(); return s && s.kernel === 'idle'; }}", timeout=60_000)
    return context, page


def rendered_prose(page) -> str:
    """The text of every markdown cell as JupyterLab shows it (each is drawn when scrolled to)."""
    cells = page.locator(".jp-MarkdownCell")
    texts = []
    for i in range(cells.count()):
        cell = cells.nth(i)
        cell.evaluate("el => el.scrollIntoView()")
        shown = cell.locator(".jp-RenderedMarkdown, .myst").first
        shown.wait_for(state="attached", timeout=10_000)
        page.wait_for_function("el => el.textContent.trim().length > 0", arg=shown.element_handle(), timeout=10_000)
        texts.append(shown.text_content())  # folded solutions included
    return "\n".join(texts)


def prose_problems(page, name: str, values: dict[str, str]) -> list[str]:
    """Raw MyST left in the rendered markdown, and glued values that do not show."""
    for _ in range(20):  # jupyterlab-myst fills in {eval} values just after it draws a cell
        text = rendered_prose(page)
        if all(v in text for v in values.values()):
            break
        time.sleep(0.5)
    problems = [
        f"{name}: the prose shows raw {raw!r}: …{text[max(0, text.find(raw) - 80) : text.find(raw) + 80]}…"
        for raw in RAW_MYST
        if raw in text
    ]
    problems += [f"{name}: the glued value {v!r} ({k}) does not show" for k, v in values.items() if v not in text]
    maths = page.locator(".jp-MarkdownCell .katex, .jp-MarkdownCell .math").count()
    problems += [f"{name}: {maths} passages of prose set as mathematics (a bare $?)"] if maths else []
    return problems


def svg_marks(svg: str) -> int:
    if svg.startswith("data:"):
        header, payload = svg.split(",", 1)
        svg = base64.b64decode(payload).decode() if ";base64" in header else unquote(payload)
    return len(re.findall(r'class="[^"]*role-mark', svg))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_student_runs_the_notebook_in_jupyterlab(lab, browser, name):
    url, repo = lab
    nb = nbformat.read(ROOT / name, as_version=4)
    used = set().union(*(set(notebook_sync.EVAL_ROLE.findall(c.source)) for c in nb.cells if c.cell_type == "markdown"))
    values = {k: v for k, v in notebook_sync.glued_text(nb).items() if k in used}
    charts = sum("charts.finish(" in c.source for c in nb.cells if c.cell_type == "code")
    widgets = sum("widget_explorer(" in c.source for c in nb.cells if c.cell_type == "code")

    context, page = open_notebook(browser, url, name)
    problems = prose_problems(page, f"{name} (opened)", values)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        f"""() => {{ const s = ({CELLS})(); return s && s.kernel === 'idle' &&
            s.cells.every(c => c.type !== 'code' || (c.count !== null && c.count > 0)); }}""",
        timeout=240_000,
    )
    page.wait_for_function(
        f"() => ({SVG_OUTPUTS})().filter(o => o.loaded).length >= {charts + widgets}", timeout=60_000
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, selector in (("chart", ".jp-OutputArea-output img"), ("prose", ".jp-MarkdownCell >> nth=2")):
        page.locator(selector).last.evaluate("el => el.scrollIntoView({block: 'center'})")
        page.screenshot(path=str(SCREENSHOTS / f"jupyterlab-{slug(name)}-{label}.png"))
    problems += prose_problems(page, f"{name} (after Run All)", values)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").all_inner_texts()
    outputs = page.evaluate(SVG_OUTPUTS)
    context.close()

    assert not problems, "\n".join(problems[:10]) + f"\n... {len(problems)} in all"
    assert not [e for e in errors if "Traceback" in e or "Error" in e], errors
    assert len(outputs) == charts + widgets, f"{len(outputs)} SVG outputs for {charts} charts and {widgets} explorer"
    assert all(svg_marks(o["svg"]) > 0 for o in outputs), "a chart drew no marks"
    saved = json.loads((repo / name).read_text(encoding="utf-8"))
    assert saved["cells"], "the notebook is still readable"
