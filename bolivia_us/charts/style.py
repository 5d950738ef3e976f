"""The house style: the theme, the renderer, and the title/source/description every chart carries.

Importing this changes nothing: a notebook turns the style on with :func:`use_house_style`, once,
at the top (every chapter's set-up cell does).
"""

from __future__ import annotations

import altair as alt

from ..language import current

THEME = "bolivia_us"

#: Colours chosen to stay distinct for common colour-vision deficiencies (Okabe–Ito) and legible
#: on light and dark backgrounds.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]


TEXT = "#333333"


MUTED = "#666666"


FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


WIDTH = 640  # the charts also shrink to a phone's width, see ``autosize`` below


@alt.theme.register(THEME, enable=False)
def house_theme() -> alt.theme.ThemeConfig:
    """Typography, colours and sizes every chart of the report shares; in the Spanish edition, the
    axes' numbers and months in Spanish (Vega's ``locale``: "1.500", "ene 2020")."""
    from ..language.formats import vega_locale

    theme = {
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": {
            "background": "transparent",
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 300},
            "range": {"category": PALETTE},
            "title": {
                "anchor": "start",
                "fontSize": 16,
                "fontWeight": 600,
                "color": TEXT,
                "subtitleColor": MUTED,
                "subtitleFontSize": 12,
                "offset": 12,
            },
            "axis": {
                "labelColor": MUTED,
                "titleColor": MUTED,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "gridColor": "#dddddd",
                "domainColor": "#999999",
                "tickColor": "#999999",
            },
            # Legends sit under the chart in two columns, so they fit a phone's width.
            "legend": {
                "labelColor": MUTED,
                "titleColor": MUTED,
                "labelFontSize": 11,
                "orient": "bottom",
                "columns": 2,
                "labelLimit": 240,
                "symbolLimit": 40,
            },
            "header": {"labelColor": TEXT, "titleColor": TEXT},
            "text": {"color": TEXT},
            # A missing value breaks a line instead of being bridged: gaps stay gaps. Marks are not
            # announced one by one to screen readers: each chart has a text description instead.
            "mark": {"invalid": "break-paths-filter-domains", "aria": False},
            "line": {"point": {"filled": True, "size": 18}},
        },
    }
    locale = vega_locale()
    if locale:
        theme["config"]["locale"] = locale
    return theme


def use_house_style() -> str:
    """Turn on the report's theme and the renderer for this front end; return the renderer's name.

    In the book build, charts become HTML that the book's own script draws offline; in JupyterLab,
    Binder, VS Code or Colab they are drawn as SVG, which those front ends show with no network.
    """
    from ..book.renderer import use_house_renderer

    alt.theme.enable(THEME)
    return use_house_renderer(live_width=WIDTH)


def finish(
    chart: alt.TopLevelMixin, *, title: str, subtitle: str | None = None, source: str, description: str
) -> alt.TopLevelMixin:
    """Give a chart its finding as a title, its source line underneath and a screen-reader text.

    ``title`` states what the chart shows ("Aid collapsed after 2008"), ``source`` names where the
    numbers come from, and ``description`` says in words what a sighted reader would see.
    """
    if not source.strip():
        raise ValueError("every chart needs a source line")
    if not description.strip():
        raise ValueError("every chart needs a text description for screen readers")
    props = dict(
        title=alt.TitleParams(
            text=_wrap(title, TITLE_CHARS), subtitle=_wrap(subtitle, SUBTITLE_CHARS) if subtitle else alt.Undefined
        ),
        description=description,
        usermeta={"source": source, "title": title, "subtitle": subtitle or "", "language": current()},
    )
    if isinstance(chart, alt.Chart | alt.LayerChart):
        props["width"] = "container"  # fill the column, down to a phone's width
    return chart.properties(**props)


TITLE_CHARS = 58  # a title line longer than this would be cut off in the book's text column


SUBTITLE_CHARS = 90


def _wrap(text: str, width: int) -> list[str] | str:
    import textwrap

    lines = textwrap.wrap(text, width)
    return lines if len(lines) > 1 else text
