"""The package's computations that charts and prose rely on: constant dollars and gaps."""

import json

import pandas as pd
import pytest

from bolivia_us import load_dataset
from bolivia_us.frames import missing_years, with_missing_years
from bolivia_us.frames.money import in_constant_dollars


def test_constant_dollars_follow_the_named_deflator():
    aid = load_dataset("aid")
    index = load_dataset("deflator").set_index("year")["index_value"]
    out = in_constant_dollars(aid, ["total_obligations"], base_year=2017)
    row = out[(out["fiscal_year"] == 1990) & (out["series"] == "greenbook")].iloc[0]
    assert row["total_obligations_constant"] == pytest.approx(row["total_obligations"] * index[2017] / index[1990])
    assert out.attrs["constant_dollars_base_year"] == 2017
    assert index[2017] == pytest.approx(100, abs=0.01), "the index is based 2017 = 100"


def test_constant_dollars_are_never_extrapolated():
    frame = pd.DataFrame({"fiscal_year": pd.array([1900, 2000], dtype="Int64"), "usd": [1.0, 1.0]})
    out = in_constant_dollars(frame, ["usd"])
    assert pd.isna(out.loc[0, "usd_constant"]), "a year the index lacks gets no value"
    assert not pd.isna(out.loc[1, "usd_constant"])


def test_missing_years_become_empty_rows_not_values():
    frame = pd.DataFrame({"year": [2000, 2001, 2004], "series": "a", "value": [1.0, 2.0, 5.0]})
    filled = with_missing_years(frame, "year", "series")
    assert list(filled["year"]) == [2000, 2001, 2002, 2003, 2004]
    assert filled["value"].isna().tolist() == [False, False, True, True, False]
    assert filled["missing"].tolist() == [False, False, True, True, False]
    assert missing_years(frame, "year", "value") == [2002, 2003]


def test_trade_gaps_are_reported_not_filled():
    trade = load_dataset("trade")
    census = trade[trade["series"] == "census"]
    assert missing_years(census, "year", "us_exports") == []
    assert not ((trade["year"] == 1991) & (trade["series"] == "census")).any(), "no Census row before 1992 is invented"


def test_chart_rows_stored_by_column_come_back_unchanged():
    # The page stores each chart's rows by column (each repeated text once); the chart and its
    # CSV download must see exactly the rows Altair wrote, nulls and numbers included.
    from bolivia_us import charts
    from bolivia_us.book.renderer import pack_rows, render, unpack_rows

    aid = in_constant_dollars(load_dataset("aid"), ["total_obligations"])
    chart = charts.annotate(charts.aid_chart(aid), load_dataset("events"), {"1952-mnr-revolution": "1952 revolution"})
    datasets = chart.to_dict()["datasets"]
    for rows in datasets.values():
        packed = pack_rows(rows)
        assert isinstance(packed, dict), "uniform rows should be packed"
        assert unpack_rows(packed) == rows
    page = render(chart.to_dict())["text/html"]
    assert sum(len(json.dumps(r)) for r in datasets.values()) > 1.8 * sum(
        len(json.dumps(pack_rows(r))) for r in datasets.values()
    ), "packing should at least halve the stored rows"
    assert '"rows":' in page
    ragged = [{"a": 1}, {"a": 2, "b": "x"}]
    assert pack_rows(ragged) == ragged, "rows with differing columns are kept as records"
    assert unpack_rows(pack_rows([{"t": None}, {"t": "x"}, {"t": None}])) == [{"t": None}, {"t": "x"}, {"t": None}]


def test_a_misspelt_event_id_says_how_to_find_the_right_one():
    # Students annotate charts with event ids; a typo should point them to the id they meant.
    from bolivia_us import charts

    events = load_dataset("events")
    aid = in_constant_dollars(load_dataset("aid"), ["total_obligations"])
    with pytest.raises(KeyError) as info:
        charts.annotate(charts.aid_chart(aid), events, {"1952-mnr-revolutoin": "1952"})
    message = str(info.value)
    assert "'1952-mnr-revolution'" in message, "the closest real id is suggested"
    assert "load_dataset('events')[['event_id', 'date', 'title']]" in message


def test_the_package_declares_what_it_imports_within_the_pinned_versions():
    """pyproject.toml names the third-party packages the package imports, and the pins in
    requirements.txt (the one tested set) satisfy every declared range."""
    import ast
    from pathlib import Path

    from packaging.requirements import Requirement

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+, as pinned
    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [Requirement(r) for r in project["dependencies"]]
    declared += [Requirement(r) for extra in project["optional-dependencies"].values() for r in extra]
    names = {r.name.lower().replace("_", "-") for r in declared}
    imported = set()
    for module in (root / "bolivia_us").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    distributions = {
        "altair": "altair",
        "pandas": "pandas",
        "vl_convert": "vl-convert-python",
        "ipywidgets": "ipywidgets",
        "pybtex": "pybtex",
        "sphinx": "jupyter-book",
        "myst_nb": "jupyter-book",
        "docutils": "jupyter-book",
    }
    missing = {m for m in imported if m in distributions and distributions[m] not in names}
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"
    pins = {}
    for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[name.strip().lower()] = version.split()[0]
    for requirement in declared:
        pinned = pins.get(requirement.name.lower())
        assert pinned and requirement.specifier.contains(pinned, prereleases=True), (
            f"{requirement} is not met by requirements.txt ({pinned})"
        )


def test_a_hook_into_another_extension_fails_loudly_when_its_target_is_gone():
    """The book's hooks into sphinx-thebe and sphinxcontrib-bibtex find their targets by name; after
    an upgrade that renames one, the build must stop with a message, not lose the hook quietly."""
    from types import SimpleNamespace

    from sphinx.errors import ExtensionError

    from bolivia_us.book import hooks

    def init_thebe_core(app, config):
        pass

    init_thebe_core.__module__ = "sphinx_thebe"
    listener = SimpleNamespace(id=1, handler=init_thebe_core)
    with_hook = SimpleNamespace(
        events=SimpleNamespace(listeners={"config-inited": [listener]}), extensions={"sphinx_thebe": 0}
    )
    assert hooks.listeners(with_hook, "sphinx_thebe", "init_thebe_core") == [listener]
    renamed = SimpleNamespace(events=SimpleNamespace(listeners={"config-inited": []}), extensions={"sphinx_thebe": 0})
    with pytest.raises(ExtensionError, match=r"sphinx-thebe >=0.3.1,<0.4"):
        hooks.listeners(renamed, "sphinx_thebe", "init_thebe_core")
    not_loaded = SimpleNamespace(events=SimpleNamespace(listeners={}), extensions={})
    assert hooks.listeners(not_loaded, "sphinx_thebe", "init_thebe_core") == []


def test_importing_the_package_changes_no_global_state():
    """A student who imports a helper keeps Altair's own theme and renderer until they ask for the
    house style; the chapters ask for it explicitly (``charts.use_house_style()``)."""
    import subprocess
    import sys

    code = (
        "import altair as alt\n"
        "import bolivia_us, bolivia_us.charts, bolivia_us.data, bolivia_us.frames, bolivia_us.facts.wording\n"
        "import bolivia_us.book.extension\n"
        "print(alt.theme.active, alt.renderers.active)\n"
        "bolivia_us.charts.use_house_style()\n"
        "print(alt.theme.active, alt.renderers.active)\n"
        "import sys, bolivia_us.book.build, bolivia_us.book.kernels\n"
        "print(type(sys.modules['rfc3987_syntax']).__name__)\n"  # jsonschema's iri check left alone
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PATH": "/usr/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:3] == ["default default", "bolivia_us bolivia_us_live", "module"]


def run_in_kernel(code: str, env: dict) -> str:
    """What ``code`` prints in a fresh Python kernel started with ``env``."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    client = NotebookClient(nb, kernel_name="python3", timeout=120)
    client.km = client.create_kernel_manager()
    client.start_new_kernel(env=env)  # (nbclient passes env on to the kernel's process)
    try:
        client.start_new_kernel_client()
        client.execute_cell(nb.cells[0], 0)
    finally:
        client._cleanup_kernel()
    return "".join(o.get("text", "") for o in nb.cells[0].outputs)


def test_the_books_kernels_start_without_the_iri_parsers_and_a_students_kernel_is_untouched(tmp_path):
    """The build's kernels skip about 1.3 s of parser building each (bolivia_us.book.kernels),
    through the book's own IPython profile; a kernel started as a student's is left as it was."""
    import os

    from bolivia_us.book.kernels import book_kernel_profile

    code = "import altair, sys; print(repr(sys.modules.get('rfc3987_syntax', 'not imported'))[:20])"
    student = {k: v for k, v in os.environ.items() if k != "IPYTHONDIR"} | {"IPYTHONDIR": str(tmp_path / "own")}
    book = student | {"IPYTHONDIR": str(book_kernel_profile(tmp_path / "_build"))}
    assert run_in_kernel(code, book).strip() == "None"
    assert run_in_kernel(code, student).startswith("<module 'rfc3987_syn")


def test_every_chapter_turns_the_house_style_on_before_its_first_chart():
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
        sources = ["".join(c["source"]) for c in cells]
        first_chart = next((i for i, s in enumerate(sources) if "charts." in s and "use_house_style" not in s), None)
        if first_chart is None:
            continue
        turned_on = next((i for i, s in enumerate(sources) if "charts.use_house_style()" in s), None)
        assert turned_on is not None and turned_on < first_chart, f"{path.name}: charts before use_house_style()"


def test_the_glue_hook_fails_loudly_when_myst_nb_moves_its_role(monkeypatch):
    import sys

    from sphinx.errors import ExtensionError

    from bolivia_us.book import hooks

    assert hooks.glued_value_role() is not None  # the pinned myst-nb has what the hook needs
    monkeypatch.setitem(sys.modules, "myst_nb.ext.glue.roles", None)  # as if an upgrade removed it
    with pytest.raises(ExtensionError, match=r"myst-nb >=1.1,<1.5"):
        hooks.glued_value_role()


def test_parallel_reading_is_declared_only_for_the_extension_versions_audited(monkeypatch):
    """Two extensions say nothing about parallel reading; the book declares them safe only at the
    versions whose code was read, so an upgrade brings Sphinx's warning (an error under -W) back."""
    from types import SimpleNamespace

    from bolivia_us.book import hooks

    def app_with(version: str):
        monkeypatch.setattr(hooks, "installed_version", lambda name: version)
        extensions = {m: SimpleNamespace(parallel_read_safe=None) for m in hooks.PARALLEL_READ_AUDITED}
        app = SimpleNamespace(parallel=4, extensions=extensions)
        hooks.declare_audited_extensions_parallel_safe(app, None, [])
        return {m: e.parallel_read_safe for m, e in extensions.items()}

    audited = app_with("0.1.3")
    assert audited["sphinx_multitoc_numbering"] is True
    assert audited["sphinx_jupyterbook_latex"] is None  # audited at 1.0.0, not 0.1.3
    assert set(app_with("9.9.9").values()) == {None}


def test_pybtex_plugins_are_looked_up_once_not_on_every_citation(monkeypatch):
    import pybtex.plugin

    from bolivia_us.book import hooks

    hooks.remember_pybtex_plugins()
    looked_up = []
    real = pybtex.plugin.entry_points
    monkeypatch.setattr(pybtex.plugin, "entry_points", lambda **kw: looked_up.append(kw) or real(**kw))
    for group, name in hooks.PYBTEX_PLUGINS_USED:
        assert pybtex.plugin.find_plugin(group, name) is not None
    assert looked_up == [], "pybtex read the installed packages' entry points again"
