"""Keep the book offline: charts drawn with no network, and no page loading another host.

* ``render`` is an Altair renderer. Its ``text/html`` output holds the chart's title, source line
  and spec (as JSON, its rows packed by column); the book's ``static/chart-tools.js`` draws it
  with ``window.vegaEmbed``. It names no other host and no random id, so stored notebook
  outputs are the same on every run. ``render_live`` draws the same chart as SVG for a running
  kernel, where the book's script does not run (``front_ends`` picks one of the two).
* ``setup`` is a Sphinx extension. At build time it writes the Vega, Vega-Lite and vega-embed
  JavaScript that ``vl-convert-python`` ships (the versions Altair's specs name) into the site's
  ``_static`` folder, once per site, and adds it only to the pages that hold a chart. It also
  turns off the part of ``sphinx-thebe`` (bundled with Jupyter Book) that writes a CDN address
  into every page: the report has no live-code button.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from importlib.metadata import version as installed_version
from pathlib import Path

from .paths import ENV_VAR, data_dir

# Altair, pandas and the dataset code are imported only where they are used: this module is
# loaded by every build, and a no-change rebuild should not pay a second for imports.

BUNDLE_NAME = "vega-bundle.js"
CHART_CLASS = "bolivia-us-chart"


def vega_lite_version() -> str:
    """The Vega-Lite version Altair writes into every spec's ``$schema`` (e.g. ``6.4.1``)."""
    import altair as alt

    return alt.SCHEMA_VERSION.lstrip("v")


def _json_for_script(obj) -> str:
    # "</" would end the <script> element early; "<\/" means the same thing to JavaScript.
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def pack_rows(rows: list) -> dict | list:
    """Store a chart's rows by column, each repeated text once, for the page.

    Altair writes data as a list of records, which repeats every column name on every row and
    every source title on every row that shares it: most of a chapter's chart bytes. Packed,
    ``{"rows": n, "columns": [[name, values] or [name, distinct values, codes], ...]}`` holds the
    same table in about half the space; ``chart-tools.js`` unpacks it (``unpackRows``) before the
    chart is drawn or its CSV is offered. Rows that do not all have the same columns are left as
    they are.
    """
    if not rows or not all(isinstance(row, dict) for row in rows):
        return rows
    names = list(rows[0])
    if any(list(row) != names for row in rows):
        return rows
    columns = []
    for name in names:
        values = [row[name] for row in rows]
        text = all(v is None or isinstance(v, str) for v in values)
        distinct = list(dict.fromkeys(values)) if text else []
        if text and len(distinct) < len(values):
            index = {v: i for i, v in enumerate(distinct)}
            columns.append([name, distinct, [index[v] for v in values]])
        else:
            columns.append([name, values])
    return {"rows": len(rows), "columns": columns}


def unpack_rows(packed: dict | list) -> list:
    """The rows ``pack_rows`` packed (the Python twin of ``unpackRows`` in chart-tools.js)."""
    if isinstance(packed, list):
        return packed
    rows = [{} for _ in range(packed["rows"])]
    for column in packed["columns"]:
        name = column[0]
        values = column[1] if len(column) == 2 else [column[1][code] for code in column[2]]
        for row, value in zip(rows, values, strict=True):
            row[name] = value
    return rows


def render(spec: dict, **metadata) -> dict:
    """Altair renderer for the book: an offline ``text/html`` view that the book's script draws."""
    usermeta = spec.get("usermeta", {}) or {}
    source = usermeta.get("source")
    source_html = f'<p class="chart-source">Source: {html.escape(source)}</p>' if source else ""
    extra = usermeta.get("links_html", "")
    heading = ""
    if usermeta.get("title"):
        # In the page the title is HTML text: it wraps on a phone and reads as text. The chart
        # itself then carries no title (JupyterLab's view below keeps the spec's own).
        heading = f'<p class="chart-title">{html.escape(usermeta["title"])}</p>'
        if usermeta.get("subtitle"):
            heading += f'<p class="chart-subtitle">{html.escape(usermeta["subtitle"])}</p>'
        page_spec = {k: v for k, v in spec.items() if k != "title"}
    else:
        page_spec = dict(spec)
    if isinstance(page_spec.get("datasets"), dict):
        page_spec["datasets"] = {name: pack_rows(rows) for name, rows in page_spec["datasets"].items()}
    # The spec is stored once, as JSON. The book's chart-tools.js draws it, replacing the
    # placeholder, and reads the same data to offer it as a CSV download. Where no script runs
    # (a notebook preview, a reader with scripts off) the placeholder says what the chart shows.
    described = f": {spec['description']}" if spec.get("description") else ""
    placeholder = f'<p class="chart-placeholder">Chart{html.escape(described)}</p>'
    page = (
        '<div class="bolivia-us-figure">'
        f"{heading}"
        f'<div class="{CHART_CLASS}" style="width:100%">{placeholder}</div>'
        f"{source_html}{extra}"
        '<p class="chart-tools"></p>'
        f'<script type="application/json" class="bolivia-us-spec">{_json_for_script(page_spec)}</script>'
        "</div>"
    )
    return {"text/html": page}


def render_live(spec: dict, **metadata) -> dict:
    """Altair renderer for a running kernel (JupyterLab, Jupyter Notebook, VS Code, Colab).

    Those front ends cannot run the book's script, and JupyterLab 4 has no renderer for Vega-Lite
    6 specs, so the chart is drawn here, by vl-convert, as SVG, which every front end shows with no
    network. The chart keeps its title and subtitle; its source line is added under the subtitle,
    and a chart that fills its container in the book gets the house width instead.
    """
    import vl_convert

    usermeta = spec.get("usermeta", {}) or {}
    drawn = dict(spec)
    if drawn.get("width") == "container":
        from .charts import WIDTH

        drawn["width"] = WIDTH
    if usermeta.get("source") and isinstance(drawn.get("title"), dict):
        title = dict(drawn["title"])
        subtitle = title.get("subtitle") or []
        subtitle = [subtitle] if isinstance(subtitle, str) else list(subtitle)
        title["subtitle"] = [*subtitle, f"Source: {usermeta['source']}"]
        drawn["title"] = title
    major_minor = ".".join(vega_lite_version().split(".")[:2])
    svg = vl_convert.vegalite_to_svg(drawn, vl_version=major_minor)
    described = spec.get("description") or usermeta.get("title") or "a chart"
    return {"image/svg+xml": svg, "text/plain": f"<Chart: {described}>"}


# --------------------------------------------------------------------------- Sphinx extension


def _bundle_text() -> str:
    import vl_convert

    wanted = vega_lite_version()
    major_minor = ".".join(wanted.split(".")[:2])
    available = vl_convert.get_vegalite_versions()
    if major_minor not in available:
        raise RuntimeError(
            f"Altair writes Vega-Lite {wanted} specs but vl-convert-python ships {available}: "
            "pin versions of altair and vl-convert-python that agree (requirements.txt)"
        )
    bundle = vl_convert.javascript_bundle(vl_version=major_minor)
    # The bundle declares top-level constants (e.g. `const _`) that collide with Sphinx's own
    # scripts: wrapping it in a function keeps them private; it still sets window.vegaEmbed.
    return f"/* Vega, Vega-Lite {major_minor}, vega-embed: generated by vl-convert-python */\n(function(){{\n{bundle}\n}})();\n"


TOOLS_NAME = "chart-tools.js"


def _write_bundle(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    import shutil

    shutil.copyfile(Path(__file__).parent / "static" / TOOLS_NAME, Path(app.outdir) / "_static" / TOOLS_NAME)
    target = Path(app.outdir) / "_static" / BUNDLE_NAME
    stamp = target.with_suffix(".version")
    version = f"altair {installed_version('altair')} vl-convert {installed_version('vl-convert-python')}"
    if target.exists() and stamp.exists() and stamp.read_text() == version:
        return  # already written for these versions: a no-change rebuild stays fast
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_bundle_text(), encoding="utf-8")
    stamp.write_text(version)


def _add_bundle_to_chart_pages(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if CHART_CLASS in body:
        app.add_js_file(BUNDLE_NAME, priority=100)
        app.add_js_file(TOOLS_NAME, priority=101)


_SPACE_BEFORE_NOTE = re.compile(r"\s+(<span class=\"bibtex-citation\")")
_NOTES_IN_A_ROW = re.compile(r'(</sup></span>)(<span class="bibtex-citation")')
_BRACKETS = {'<span class="fn-bracket">[</span>': "[", '<span class="fn-bracket">]</span>': "]"}


def _tidy_citation_markup(app, pagename, templatename, context, doctree) -> None:
    """Docutils wraps each bracket of a citation label in a span that lets a theme hide it; no
    style of this book uses it, and a chapter's 100-odd source labels pay 7 KB for the spans.
    Note numbers also lose the space before them."""
    body = context.get("body", "")
    for span, bracket in _BRACKETS.items():
        body = body.replace(span, bracket)
    # Citations are superscript note numbers, set against the word they follow ("1825⁵"), as in
    # history writing; the source text keeps a space before each role for readability.
    body = _SPACE_BEFORE_NOTE.sub(r"\1", body)
    # Two notes in a row are parted by a superscript comma ("⁵⁷,⁵⁸"), or they would read as one
    # number ("⁵⁷⁵⁸").
    body = _NOTES_IN_A_ROW.sub(r'\1<sup class="note-separator">,</sup>\2', body)
    context["body"] = body


# Hooks into other extensions' internals, each written for the version requirements.txt pins. If
# an upgrade renames what a hook needs, the build stops and says so, instead of quietly losing
# the hook (thebe's CDN scripts back on every page, or every bibliography formatted each build).
HOOKED = {
    "sphinx_thebe": ("init_thebe_core", "sphinx-thebe 0.3.1"),
    "sphinxcontrib.bibtex": ("env_updated", "sphinxcontrib-bibtex 2.7.0"),
}


def _listeners(app, module: str, name: str) -> list:
    """Every event listener another extension connected with the function ``module.name``; an
    error if that extension is loaded but no longer connects such a function."""
    found = [
        listener
        for listeners in app.events.listeners.values()
        for listener in listeners
        if getattr(listener.handler, "__module__", "") == module and listener.handler.__name__ == name
    ]
    if not found and module in app.extensions:
        from sphinx.errors import ExtensionError

        written_for = HOOKED.get(module, (name, "the pinned version"))[1]
        raise ExtensionError(
            f"bolivia_us.offline_book hooks {module}.{name}, which the installed {module} no longer "
            f"connects (the hook was written for {written_for}): update the hook or the pin."
        )
    return found


def _drop_thebe_cdn(app, config) -> None:
    """Disconnect sphinx-thebe's handler that adds ``unpkg.com`` script tags to every page."""
    for listener in _listeners(app, "sphinx_thebe", "init_thebe_core"):
        app.disconnect(listener.id)


# --------------------------------------------------------------------------- bibliography
#
# sphinxcontrib-bibtex formats every entry of every bibliography (some 470 sources, about 1,070
# entries across the chapters' lists and the references page) on each build, even when no page
# changed: about 6 s of a no-change rebuild. Its formatted citations are kept in the pickled
# environment, and they can only change when a page is read again (a page with a bibliography
# is re-read when the .bib file or the configuration changes) or removed. So when nothing was
# read or removed, the stored citations are reused.


def _note_docs_to_read(app, env, docnames) -> None:
    app.bolivia_us_docs_read = len(docnames)


def _note_docs_removed(app, env, added, changed, removed) -> list:
    app.bolivia_us_docs_removed = bool(removed)
    return []


def _bibliography_inputs(app) -> str:
    """A fingerprint of everything the formatted citations depend on besides the pages: the
    bibtex settings, the .bib files, the book's pybtex style and the installed formatters. A
    changed setting does not make Sphinx read the pages again, so without this a changed style
    was never applied (the old entries were reused)."""
    from .references import __file__ as style_source

    digest = hashlib.sha1()
    for name in sorted(n for n in app.config.values if n.startswith("bibtex_")):
        digest.update(f"{name}={getattr(app.config, name, None)!r}\n".encode())
    for path in sorted(app.config.bibtex_bibfiles):
        digest.update((Path(app.srcdir) / path).read_bytes())
    digest.update(Path(style_source).read_bytes())
    for package in ("pybtex", "sphinxcontrib-bibtex"):
        digest.update(installed_version(package).encode())
    return digest.hexdigest()


def _reread_pages_when_bibliography_inputs_changed(app, env, added, changed, removed) -> list:
    """sphinxcontrib-bibtex fixes a bibliography's style when it reads the page, so a changed
    setting or .bib file must send every page back to be read, as a changed configuration would."""
    previous = getattr(env, "bolivia_us_bibliography_inputs", None)
    if previous is None or previous == _bibliography_inputs(app):
        return []
    return sorted(env.found_docs - set(added) - set(changed) - set(removed))


def _format_bibliography_when_pages_changed(app, env):
    domain = env.get_domain("cite")
    inputs = _bibliography_inputs(app)
    nothing_read = getattr(app, "bolivia_us_docs_read", None) == 0
    nothing_removed = not getattr(app, "bolivia_us_docs_removed", True)
    same_inputs = getattr(env, "bolivia_us_bibliography_inputs", None) == inputs
    if nothing_read and nothing_removed and same_inputs and domain.citations:
        return []
    env.bolivia_us_bibliography_inputs = inputs  # kept with the pickled environment
    return domain.env_updated()


def _take_over_bibliography_formatting(app, config) -> None:
    """Replace sphinxcontrib-bibtex's ``env-updated`` handler by one that skips no-change builds."""
    replaced = _listeners(app, "sphinxcontrib.bibtex", "env_updated")
    for listener in replaced:
        app.disconnect(listener.id)
    if replaced:
        app.connect("env-updated", _format_bibliography_when_pages_changed)


def _validate_datasets(app) -> None:
    """Validate every dataset before anything is read: a malformed file stops the build here,
    even when the notebooks' outputs come from the execution cache.

    Validation depends only on the data and this package's code, which the data fingerprint
    covers, and the fingerprint is recorded only after a build that succeeded; so when it is
    unchanged, the same files already passed and are not checked again."""
    if not getattr(app, "bolivia_us_data_changed", True):
        return
    from sphinx.errors import ExtensionError

    from .datasets import DatasetError, load_all

    try:
        load_all()
    except DatasetError as err:
        raise ExtensionError(f"a dataset is malformed, so the book is not built.\n{err}") from None


def _publish_datasets(app, exception) -> None:
    """Copy every dataset and its descriptor into the site's ``data/`` folder for download."""
    if exception is not None or app.builder.format != "html":
        return
    import shutil

    # The descriptor names every file (read here without the dataset code, which needs pandas).
    folder = data_dir()
    descriptor = folder / "datapackage.json"
    resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
    target = Path(app.outdir) / "data"
    target.mkdir(parents=True, exist_ok=True)
    for path in [descriptor, *(folder / resource["path"] for resource in resources)]:
        shutil.copyfile(path, target / path.name)
    shutil.copytree(folder / "geo", target / "geo", dirs_exist_ok=True)  # the map's outlines and their provenance


# --------------------------------------------------------------------------- stale outputs
#
# The execution cache (jupyter-cache) keys a notebook on its own code only, so a changed data
# file, or a change in this package's charts, would otherwise leave old outputs in the book. The
# build fingerprints data/ and the package; when the fingerprint changes, the cache is emptied
# and every notebook is read and executed again.


def data_fingerprint() -> str:
    """A digest of every file in the data folder and of this package's Python source."""
    digest = hashlib.sha256()
    files = sorted(data_dir().rglob("*")) + sorted(Path(__file__).parent.glob("*.py"))
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _fingerprint_file(app) -> Path:
    return Path(app.outdir).parent / ".data-fingerprint"


def _cache_dir(app) -> Path:
    configured = getattr(app.config, "nb_execution_cache_path", "")
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


def _forget_outputs_if_data_changed(app) -> None:
    import shutil

    stamp = _fingerprint_file(app)
    app.bolivia_us_fingerprint = data_fingerprint()
    previous = stamp.read_text().strip() if stamp.exists() else None
    app.bolivia_us_data_changed = previous != app.bolivia_us_fingerprint
    if app.bolivia_us_data_changed and _cache_dir(app).exists():
        shutil.rmtree(_cache_dir(app))


def _notebooks_outdated_by_data(app, env, added, changed, removed):
    if not getattr(app, "bolivia_us_data_changed", False):
        return []
    return [doc for doc in env.found_docs if str(env.doc2path(doc)).endswith(".ipynb") and doc not in added]


def _remember_fingerprint(app, exception) -> None:
    if exception is None and getattr(app, "bolivia_us_fingerprint", None):
        _fingerprint_file(app).write_text(app.bolivia_us_fingerprint)


def _use_this_books_data(app, config) -> None:
    """The build reads the data of the book it builds: its notebooks' kernels inherit this, so a
    package installed from another checkout (or normally, into site-packages) never reads other
    data. A folder set beforehand (the tests' corrupted copies) is kept."""
    import os

    from .front_ends import BOOK_BUILD_ENV

    os.environ.setdefault(ENV_VAR, str(Path(app.srcdir) / "data"))
    os.environ[BOOK_BUILD_ENV] = "1"  # the kernels draw charts for the book (see front_ends)


def _prose_evaluates_glued_names(app) -> None:
    """``{eval}`glued.name``` in the prose pastes the value the notebook glued as ``name``.

    jupyterlab-myst draws the same role in JupyterLab by evaluating ``glued.name`` in the kernel
    (see ``front_ends.glue``), so one source reads well in both. myst-nb's own ``eval`` needs a
    kernel during the build, which the cached execution does not keep, so a glue role that reads
    the stored outputs takes its place."""
    from myst_nb.ext.glue.roles import PasteTextRole

    class GluedValue(PasteTextRole):
        def run(self):
            prefix = "glued."
            if not self.text.startswith(prefix):
                from myst_nb.ext.glue.utils import glue_warning

                message = f"{{eval}} in this book takes a glued value, `{prefix}name`, not {self.text!r}"
                return [], [glue_warning(message, self.document, self.line)]
            self.text = self.text[len(prefix) :]
            return super().run()

    app.add_role("eval", GluedValue(), override=True)


def setup(app):
    from .references import register_style

    register_style()  # the bibliography's "report" style, named in _config.yml
    app.connect("config-inited", _use_this_books_data, priority=0)
    _prose_evaluates_glued_names(app)
    app.connect("builder-inited", _forget_outputs_if_data_changed)
    app.connect("env-get-outdated", _notebooks_outdated_by_data)
    app.connect("build-finished", _remember_fingerprint)
    app.connect("build-finished", _publish_datasets)
    app.connect("config-inited", _drop_thebe_cdn)
    app.connect("config-inited", _take_over_bibliography_formatting)
    app.connect("env-get-outdated", _note_docs_removed)
    app.connect("env-get-outdated", _reread_pages_when_bibliography_inputs_changed)
    app.connect("env-before-read-docs", _note_docs_to_read)
    app.connect("builder-inited", _validate_datasets)
    app.connect("html-page-context", _add_bundle_to_chart_pages)
    app.connect("html-page-context", _tidy_citation_markup)
    app.connect("build-finished", _write_bundle)
    digest = hashlib.sha1(installed_version("altair").encode()).hexdigest()[:8]
    return {"version": digest, "parallel_read_safe": True, "parallel_write_safe": True}
