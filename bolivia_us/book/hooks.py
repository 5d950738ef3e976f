"""Every hook this book puts into another extension's internals, in one place.

Each hook names the internal it needs and the versions it was written for (``HOOKS``). When the
installed extension no longer has that internal, the build stops and says which hook and which
pin to update, instead of quietly losing the hook (thebe's CDN scripts back on every page, or
every bibliography formatted on each build). ``tests/test_book.py`` checks each hook still works.

Where configuration can do the job, it does: the book asks for no live-code button
(``launch_buttons: thebe: false``), but Jupyter Book 1 loads sphinx-thebe anyway and its
``init_thebe_core`` still writes an ``unpkg.com`` script into every page, which no setting stops.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version as installed_version
from pathlib import Path

from sphinx.errors import ExtensionError

#: extension -> (the internal the hook uses, the versions it was written for, what it does)
HOOKS = {
    "sphinx_thebe": (
        "init_thebe_core (a config-inited listener)",
        "sphinx-thebe >=0.3.1,<0.4",
        "keeps unpkg.com scripts out of every page",
    ),
    "sphinxcontrib.bibtex": (
        "env_updated (an env-updated listener)",
        "sphinxcontrib-bibtex >=2.6,<2.8",
        "formats the bibliographies only when a page was read or removed",
    ),
    "myst_nb": (
        "myst_nb.ext.glue.roles.PasteTextRole and myst_nb.ext.glue.utils.glue_warning",
        "myst-nb >=1.1,<1.5",
        "lets {eval}`glued.name` read a glued value from the stored outputs",
    ),
    "pybtex": (
        "pybtex.plugin.register_plugin and find_plugin",
        "pybtex >=0.24,<0.27",
        "looks each bibliography plugin up once instead of on every citation",
    ),
    "sphinx_multitoc_numbering": (
        "its setup, audited as safe to read pages in parallel",
        "sphinx-multitoc-numbering ==0.1.3",
        "lets Sphinx read (and execute) the pages in parallel",
    ),
    "sphinx_jupyterbook_latex": (
        "its setup, audited as safe to read pages in parallel",
        "sphinx-jupyterbook-latex ==1.0.0",
        "lets Sphinx read (and execute) the pages in parallel",
    ),
    "sphinx_book_theme": (
        "the download menu in the page context (header_buttons, 'download-pdf-button')",
        "sphinx-book-theme >=1.1,<1.4",
        "offers the print edition's PDFs instead of the browser's print dialog",
    ),
    "jupyter_cache": (
        "jupyter_cache.get_cache",
        "jupyter-cache >=1.0,<1.1",
        "creates the execution cache before parallel readers race to create it",
    ),
}


def _gone(extension: str, detail: str = "") -> ExtensionError:
    internal, written_for, purpose = HOOKS[extension]
    return ExtensionError(
        f"bolivia_us.book.hooks uses {extension}'s {internal} (it {purpose}), which the installed "
        f"{extension} no longer has{detail}; the hook was written for {written_for}: update the hook "
        "or the pin in requirements.txt."
    )


def listeners(app, module: str, name: str) -> list:
    """Every event listener another extension connected with the function ``module.name``; an
    error if that extension is loaded but no longer connects such a function."""
    found = [
        listener
        for listeners in app.events.listeners.values()
        for listener in listeners
        if getattr(listener.handler, "__module__", "") == module and listener.handler.__name__ == name
    ]
    if not found and module in app.extensions:
        raise _gone(module)
    return found


# --------------------------------------------------------------------------- sphinx-thebe


def drop_thebe_cdn(app, config) -> None:
    """Disconnect sphinx-thebe's handler that adds ``unpkg.com`` script tags to every page."""
    for listener in listeners(app, "sphinx_thebe", "init_thebe_core"):
        app.disconnect(listener.id)


# --------------------------------------------------------------------------- sphinxcontrib-bibtex
#
# sphinxcontrib-bibtex formats every entry of every bibliography (some 470 sources, about 1,070
# entries across the chapters' lists and the references page) on each build, even when no page
# changed: about 6 s of a no-change rebuild. Its formatted citations are kept in the pickled
# environment, and they can only change when a page is read again or removed, or when what the
# formatting depends on changed (``bibliography_inputs``). Otherwise the stored citations are reused.


def _note_docs_to_read(app, env, docnames) -> None:
    app.bolivia_us_docs_read = len(docnames)


def _note_docs_removed(app, env, added, changed, removed) -> list:
    app.bolivia_us_docs_removed = bool(removed)
    return []


def bibliography_inputs(app) -> str:
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
    if previous is None or previous == bibliography_inputs(app):
        return []
    return sorted(env.found_docs - set(added) - set(changed) - set(removed))


def _format_bibliography_when_pages_changed(app, env):
    domain = env.get_domain("cite")
    inputs = bibliography_inputs(app)
    nothing_read = getattr(app, "bolivia_us_docs_read", None) == 0
    nothing_removed = not getattr(app, "bolivia_us_docs_removed", True)
    same_inputs = getattr(env, "bolivia_us_bibliography_inputs", None) == inputs
    if nothing_read and nothing_removed and same_inputs and domain.citations:
        return []
    env.bolivia_us_bibliography_inputs = inputs  # kept with the pickled environment
    return domain.env_updated()


def take_over_bibliography_formatting(app, config) -> None:
    """Replace sphinxcontrib-bibtex's ``env-updated`` handler by one that skips no-change builds."""
    replaced = listeners(app, "sphinxcontrib.bibtex", "env_updated")
    for listener in replaced:
        app.disconnect(listener.id)
    if replaced:
        app.connect("env-updated", _format_bibliography_when_pages_changed)


# --------------------------------------------------------------------------- myst-nb


def glued_value_role():
    """``{eval}`glued.name``` in the prose pastes the value the notebook glued as ``name``.

    jupyterlab-myst draws the same role in JupyterLab by evaluating ``glued.name`` in the kernel
    (see ``front_ends.glue``), so one source reads well in both. myst-nb's own ``eval`` needs a
    kernel during the build, which the cached execution does not keep, so a role built on
    myst-nb's glue role, reading the stored outputs, takes its place."""
    try:
        from myst_nb.ext.glue.roles import PasteTextRole
        from myst_nb.ext.glue.utils import glue_warning
    except ImportError as err:
        raise _gone("myst_nb", f" ({err})") from None

    class GluedValue(PasteTextRole):
        def run(self):
            prefix = "glued."
            if not self.text.startswith(prefix):
                message = f"{{eval}} in this book takes a glued value, `{prefix}name`, not {self.text!r}"
                return [], [glue_warning(message, self.document, self.line)]
            self.text = self.text[len(prefix) :]
            return super().run()

    return GluedValue()


# --------------------------------------------------------------------------- pybtex
#
# pybtex finds a plugin by reading every installed package's entry points, on every call (about
# 12 ms here), and sphinxcontrib-bibtex asks for the plain-text backend once per citation (some
# 900 a build) and for the name, label and sorting styles once per bibliography: about 11 s of a
# clean build. Registered once at start-up, each is then found in a dict.

PYBTEX_PLUGINS_USED = [
    ("pybtex.backends", "plaintext"),
    ("pybtex.backends", "docutils"),
    ("pybtex.style.names", "plain"),
    ("pybtex.style.labels", "number"),
    ("pybtex.style.sorting", "none"),
]


def remember_pybtex_plugins() -> None:
    try:
        from pybtex.plugin import find_plugin, register_plugin
    except ImportError as err:
        raise _gone("pybtex", f" ({err})") from None
    for group, name in PYBTEX_PLUGINS_USED:
        register_plugin(group, name, find_plugin(group, name), force=True)


# --------------------------------------------------------------------------- parallel reading
#
# Sphinx reads the pages (and so myst-nb executes the notebooks) several at a time only if every
# extension says it may; these two say nothing, so Sphinx would warn (an error under -W) and read
# one page at a time. Both were read at the versions pinned: neither keeps anything in the
# environment while a page is read (multitoc-numbering renumbers sections afterwards, in the main
# process; jupyterbook-latex acts only for the LaTeX builder, before any page is read). Another
# version is left undeclared, so Sphinx warns and the audit is redone.

PARALLEL_READ_AUDITED = {"sphinx_multitoc_numbering": "0.1.3", "sphinx_jupyterbook_latex": "1.0.0"}


def declare_audited_extensions_parallel_safe(app, env, docnames) -> None:
    if app.parallel <= 1:
        return
    for module, audited in PARALLEL_READ_AUDITED.items():
        extension = app.extensions.get(module)
        if extension is None or extension.parallel_read_safe is not None:
            continue  # not loaded, or it now says for itself
        if installed_version(module.replace("_", "-")) == audited:
            extension.parallel_read_safe = True


def create_execution_cache(app, env, docnames) -> None:
    """Create the execution cache's database before the pages are read. Read in parallel, each
    process that executes a notebook would otherwise create it if missing, and two at once fail
    ("table settings already exists")."""
    if getattr(app.config, "nb_execution_mode", None) != "cache" or app.parallel <= 1:
        return
    try:
        from jupyter_cache import get_cache
    except ImportError as err:
        raise _gone("jupyter_cache", f" ({err})") from None
    get_cache(str(execution_cache_dir(app))).db.dispose()


def execution_cache_dir(app) -> Path:
    """Where myst-nb keeps the execution cache (its default unless ``execute: cache`` is set)."""
    configured = getattr(app.config, "nb_execution_cache_path", "")
    return Path(configured) if configured else Path(app.outdir).parent / ".jupyter_cache"


# --------------------------------------------------------------------------- sphinx-book-theme
#
# The theme's download menu has a ".pdf" entry that opens the browser's print dialog, which prints
# whatever the screen shows. It is replaced by links to the print edition (print_edition), made
# after the HTML build: the chapter's own PDF on pages that have one, and the whole report's.


def offer_print_edition(app, pagename, templatename, context, doctree) -> None:
    from .print_edition import PAPERS, PDF_FOLDER, pdf_names_for_page, whole_book_pdf_names

    group = next((b for b in context.get("header_buttons", []) if b.get("label") == "download-buttons"), None)
    if group is None:
        return  # a page with no source file (the index of terms, the search page) has no menu
    buttons = group["buttons"]
    printed = [i for i, b in enumerate(buttons) if b.get("label") == "download-pdf-button"]
    if not printed:
        raise _gone("sphinx_book_theme")
    pathto = context["pathto"]
    spanish = (app.config.language or "en").startswith("es")
    names = {"a4": "A4", "letter": "Carta (EE. UU.)" if spanish else "US Letter"}
    chapter, chapter_tip = (
        (".pdf", "Descargar este capítulo, para imprimir") if spanish else (".pdf", "Download this chapter, printable")
    )
    whole, whole_tip = (
        ("informe completo .pdf", "Descargar el informe completo, para imprimir")
        if spanish
        else ("whole report .pdf", "Download the whole report, printable")
    )
    offers = []
    own = pdf_names_for_page(pagename)
    for paper in PAPERS:
        if own:
            offers.append((f"{own[paper]}", f"{chapter}, {names.get(paper, paper.upper())}", chapter_tip))
    for paper, name in whole_book_pdf_names().items():
        offers.append((name, f"{whole}, {names.get(paper, paper.upper())}", whole_tip))
    buttons[printed[0] : printed[0] + 1] = [
        {
            "type": "link",
            "url": pathto(f"{PDF_FOLDER}/{name}", 1),
            "text": text,
            "tooltip": tooltip,
            "icon": "fas fa-file-pdf",
            "label": f"download-pdf-{name.removesuffix('.pdf')}",
        }
        for name, text, tooltip in offers
    ]


def install(app) -> None:
    """Connect every hook (called from the book's extension ``setup``)."""
    remember_pybtex_plugins()
    app.add_role("eval", glued_value_role(), override=True)
    app.connect("config-inited", drop_thebe_cdn)
    app.connect("config-inited", take_over_bibliography_formatting)
    app.connect("env-get-outdated", _note_docs_removed)
    app.connect("env-get-outdated", _reread_pages_when_bibliography_inputs_changed)
    app.connect("env-before-read-docs", _note_docs_to_read)
    app.connect("env-before-read-docs", declare_audited_extensions_parallel_safe)
    app.connect("env-before-read-docs", create_execution_cache)
    app.connect("html-page-context", offer_print_edition, priority=502)  # after the theme's (501)
