"""The package reads the data of the report it is run in, however it was installed: found from the
working folder (a notebook runs in notebooks/), set by the build, or else the checkout the package
sits in; and a clear error that says where it looked when there is none."""

import os
import shutil
import subprocess
import sys

from bolivia_us.data.folder import data_dir

ROOT = data_dir().parent


def fake_checkout(where, marker):
    """A second copy of the report: its own configuration and a data package with its own date."""
    (where / "data").mkdir(parents=True)
    shutil.copy(ROOT / "_config.yml", where / "_config.yml")
    text = (ROOT / "data" / "datapackage.json").read_text(encoding="utf-8")
    (where / "data" / "datapackage.json").write_text(text.replace('"as_of"', f'"x-marker": "{marker}", "as_of"', 1))
    (where / "notebooks").mkdir()
    return where


def test_found_from_the_working_folder_of_another_checkout(tmp_path, monkeypatch):
    other = fake_checkout(tmp_path / "fork", "fork")
    monkeypatch.delenv("BOLIVIA_US_DATA", raising=False)
    monkeypatch.chdir(other / "notebooks")
    assert data_dir() == other / "data", "a notebook run in another checkout reads that checkout's data"


def test_the_build_or_the_tests_can_set_it(tmp_path, monkeypatch):
    monkeypatch.setenv("BOLIVIA_US_DATA", str(tmp_path))
    assert data_dir() == tmp_path


def test_outside_any_checkout_an_editable_install_reads_its_own(tmp_path, monkeypatch):
    monkeypatch.delenv("BOLIVIA_US_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert data_dir() == ROOT / "data"


def test_no_data_folder_names_where_it_looked(tmp_path, monkeypatch):
    """A normal install (the package in site-packages) run outside any checkout."""
    installed = tmp_path / "site-packages"
    shutil.copytree(ROOT / "bolivia_us", installed / "bolivia_us", ignore=shutil.ignore_patterns("__pycache__"))
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    code = "import bolivia_us; bolivia_us.load_dataset('events')"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(installed)}
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert "DataFolderNotFound" in message
    for place in (str(elsewhere), str(installed), "BOLIVIA_US_DATA"):
        assert place in message, f"the error should name {place}"


def test_a_normal_install_reads_the_checkout_it_runs_in(tmp_path):
    installed = tmp_path / "site-packages"
    shutil.copytree(ROOT / "bolivia_us", installed / "bolivia_us", ignore=shutil.ignore_patterns("__pycache__"))
    code = "import bolivia_us; print(bolivia_us.data_dir()); print(len(bolivia_us.load_dataset('events')))"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(installed)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT / "notebooks", env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == str(ROOT / "data")


def test_the_book_build_points_its_kernels_at_its_own_data(tmp_path, monkeypatch):
    from bolivia_us.book.extension import _set_up_the_books_kernels

    class App:
        srcdir = str(tmp_path)
        outdir = str(tmp_path / "_build" / "html")

    environ = {k: v for k, v in os.environ.items() if k != "BOLIVIA_US_DATA"}
    monkeypatch.setattr(os, "environ", environ)  # the build's settings stay in this test
    _set_up_the_books_kernels(App, None)
    assert environ["BOLIVIA_US_DATA"] == str(tmp_path / "data")
    assert environ["BOLIVIA_US_BOOK"] == "1", "the kernels draw charts for the book"


def test_the_spanish_book_reads_the_reports_data(tmp_path, monkeypatch):
    """es/ is a book inside the report's checkout with no data of its own: its kernels read the
    report's data, not an es/data folder that does not exist."""
    from bolivia_us.book.extension import _set_up_the_books_kernels

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "datapackage.json").write_text("{}", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    (tmp_path / "es").mkdir()

    class App:
        srcdir = str(tmp_path / "es")
        outdir = str(tmp_path / "_build" / "es" / "_build" / "html")

    environ = {k: v for k, v in os.environ.items() if k != "BOLIVIA_US_DATA"}
    monkeypatch.setattr(os, "environ", environ)
    _set_up_the_books_kernels(App, None)
    assert environ["BOLIVIA_US_DATA"] == str(tmp_path / "data")
