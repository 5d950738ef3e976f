"""The report's two editions, built side by side: the English at the site's root and the Spanish
under ``es/`` (its own book: ``es/_config.yml``, ``es/_toc.yml``, pages at the same paths as their
English originals).

Every page whose counterpart exists gets a language switch in its header, which opens the same
page in the other edition, and ``<link rel="alternate" hreflang>`` links for both.
"""

from __future__ import annotations

from pathlib import Path

#: The folder the Spanish edition's book and built site live in, under the English ones.
SPANISH_FOLDER = "es"
EDITIONS = {
    "en": {"switch_to": "es", "label": "Español", "title": "Esta página en español"},
    "es": {"switch_to": "en", "label": "English", "title": "This page in English"},
}
SOURCE_SUFFIXES = (".md", ".ipynb")


def edition_of(config) -> str:
    return "es" if (config.language or "en").startswith("es") else "en"


def other_edition_root(srcdir: Path, edition: str) -> Path:
    """The other edition's book folder: ``es/`` under the English book, the parent of ``es/``."""
    return Path(srcdir) / SPANISH_FOLDER if edition == "en" else Path(srcdir).parent


def counterpart_exists(srcdir: Path, edition: str, docname: str) -> bool:
    root = other_edition_root(srcdir, edition)
    return any((root / f"{docname}{suffix}").is_file() for suffix in SOURCE_SUFFIXES)


def counterpart_href(edition: str, docname: str) -> str:
    """The other edition's page, relative to this one (the Spanish site sits in ``es/``)."""
    up = "../" * docname.count("/")
    if edition == "en":
        return f"{up}{SPANISH_FOLDER}/{docname}.html"
    return f"{up}../{docname}.html"


def _add_language_switch(app, pagename, templatename, context, doctree) -> None:
    edition = edition_of(app.config)
    if not counterpart_exists(Path(app.srcdir), edition, pagename):
        context["language_switch"] = None
        return
    other = EDITIONS[edition]["switch_to"]
    href = counterpart_href(edition, pagename)
    context["language_switch"] = {"href": href, "language": other, **EDITIONS[edition]}
    own = f"{pagename.split('/')[-1]}.html"
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{edition}" href="{own}">'
        f'\n<link rel="alternate" hreflang="{other}" href="{href}">'
    )


def _place_the_switch(app, config) -> None:
    """The switch sits first among the article header's buttons, on every page."""
    templates = str(Path(__file__).parent / "templates")
    if templates not in config.templates_path:
        config.templates_path.append(templates)
    options = config.html_theme_options
    end = options.get("article_header_end", ["article-header-buttons.html"])
    end = [end] if isinstance(end, str) else list(end)
    if "language-switch.html" not in end:
        options["article_header_end"] = ["language-switch.html", *end]


def setup(app) -> None:
    app.connect("config-inited", _place_the_switch)
    app.connect("html-page-context", _add_language_switch)
