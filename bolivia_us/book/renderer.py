"""Two Altair renderers, one for each place a chart is drawn.

* ``render``: the book's ``text/html`` output holds the chart's title, source line and spec (as
  JSON, its rows packed by column); the book's ``static/chart-tools.js`` draws it with
  ``window.vegaEmbed``. It names no other host and no random id, so stored notebook outputs are
  the same on every run.
* ``render_live``: the same chart as SVG for a running kernel, where the book's script does not
  run (``front_ends.in_book_build`` picks one of the two).
"""

from __future__ import annotations

import html
import json

from .front_ends import in_book_build

CHART_CLASS = "bolivia-us-chart"
#: The width a chart that fills its container in the book is drawn at in a live kernel.
DEFAULT_LIVE_WIDTH = 640


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


#: The words the renderers write around a chart, by the language the chart was finished in.
CHART_WORDS = {"en": {"source": "Source", "chart": "Chart"}, "es": {"source": "Fuente", "chart": "Gráfico"}}


def render(spec: dict, **metadata) -> dict:
    """Altair renderer for the book: an offline ``text/html`` view that the book's script draws."""
    usermeta = spec.get("usermeta", {}) or {}
    source = usermeta.get("source")
    words = CHART_WORDS[usermeta.get("language", "en")]
    source_html = f'<p class="chart-source">{words["source"]}: {html.escape(source)}</p>' if source else ""
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
    placeholder = f'<p class="chart-placeholder">{words["chart"]}{html.escape(described)}</p>'
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


def render_live(spec: dict, *, width: int = DEFAULT_LIVE_WIDTH, **metadata) -> dict:
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
        drawn["width"] = width
    if usermeta.get("source") and isinstance(drawn.get("title"), dict):
        title = dict(drawn["title"])
        subtitle = title.get("subtitle") or []
        subtitle = [subtitle] if isinstance(subtitle, str) else list(subtitle)
        source_word = CHART_WORDS[usermeta.get("language", "en")]["source"]
        title["subtitle"] = [*subtitle, f"{source_word}: {usermeta['source']}"]
        drawn["title"] = title
    major_minor = ".".join(vega_lite_version().split(".")[:2])
    svg = vl_convert.vegalite_to_svg(drawn, vl_version=major_minor)
    described = spec.get("description") or usermeta.get("title") or "a chart"
    return {"image/svg+xml": svg, "text/plain": f"<Chart: {described}>"}


def use_house_renderer(live_width: int = DEFAULT_LIVE_WIDTH) -> str:
    """Register both chart renderers and turn on the one this front end can draw; in a live
    kernel a chart that fills its container in the book is drawn ``live_width`` pixels wide."""
    from functools import partial

    import altair as alt

    alt.renderers.register("bolivia_us", render)
    alt.renderers.register("bolivia_us_live", partial(render_live, width=live_width))
    name = "bolivia_us" if in_book_build() else "bolivia_us_live"
    alt.renderers.enable(name)
    return name
