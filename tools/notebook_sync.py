"""What every notebook must carry besides its own content, derived from one place each.

* The Colab set-up cell (the first code cell): it fetches the repository and branch named in
  ``_config.yml`` and installs the chart packages at the versions ``requirements.txt`` pins.
* The values JupyterLab shows for ``{eval}`glued.name``` before the kernel runs: stored in each
  markdown cell's ``user_expressions`` metadata (the format jupyterlab-myst reads), taken from
  the glue records of the notebook's stored outputs.

``tools/refresh_outputs.py`` applies both; ``tests/test_front_ends.py`` checks them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL_ROLE = re.compile(r"\{eval\}`glued\.([^`]+)`")
GLUE_TEXT = "application/papermill.record/text/plain"

# Colab has its own pandas and numpy, already loaded when the notebook starts: upgrading them
# would need a restart. The report needs only newer chart packages there.
COLAB_PACKAGES = ("altair", "vl-convert-python")

COLAB_CELL = """\
# {opens}
# {elsewhere}
import sys

if "google.colab" in sys.modules:
    import os
    import subprocess

    REPOSITORY, BRANCH, REPORT = "{url}", "{branch}", "/content/report"
    if not os.path.isdir(REPORT):
        clone = ["git", "clone", "--quiet", "--depth", "1", "--branch", BRANCH, REPOSITORY, REPORT]
        fetched = subprocess.run(clone, capture_output=True, text=True)
        if fetched.returncode != 0:
            raise RuntimeError(
                {clone_failed}
            )
    packages = [{packages}]
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *packages])
    if installed.returncode != 0:
        raise RuntimeError({install_failed})
    sys.path.insert(0, REPORT)  # {importable}
    os.chdir(f"{{REPORT}}/{folder}")  # {data_found}
"""

#: The cell's words in each edition's language (the code is the same in both); the error
#: messages are the cell's own f-strings, written here as the cell shows them.
COLAB_WORDS = {
    "en": {
        "opens": "Colab opens a notebook on its own, without the report's code and data: this cell fetches them.",
        "elsewhere": "In the built book, in Binder and on your own computer it does nothing.",
        "clone_failed": (
            'f"Could not download the report from {REPOSITORY} (branch {BRANCH}), so this notebook "\n'
            '                f"cannot run. Git said: {fetched.stderr.strip()} Check that Colab is online and that the "\n'
            '                "address is right, then run this cell again."'
        ),
        "install_failed": "f\"Could not install {', '.join(packages)}: see pip's message above.\"",
        "importable": "the report's package, importable at once (no restart needed)",
        "data_found": "where the notebooks find the data",
    },
    "es": {
        "opens": "Colab abre un cuaderno solo, sin el código ni los datos del informe: esta celda los descarga.",
        "elsewhere": "En el libro publicado, en Binder y en su propia computadora no hace nada.",
        "clone_failed": (
            'f"No se pudo descargar el informe de {REPOSITORY} (rama {BRANCH}), así que este cuaderno "\n'
            '                f"no puede ejecutarse. Git dijo: {fetched.stderr.strip()} Compruebe que Colab tiene conexión y "\n'
            '                "que la dirección es correcta, y ejecute de nuevo esta celda."'
        ),
        "install_failed": "f\"No se pudo instalar {', '.join(packages)}: vea el mensaje de pip más arriba.\"",
        "importable": "el paquete del informe, importable enseguida (sin reiniciar)",
        "data_found": "donde los cuadernos encuentran los datos",
    },
}
SETUP_MARKS = tuple("# " + words["opens"].split(",")[0] for words in COLAB_WORDS.values())


def pinned(names=COLAB_PACKAGES) -> list[str]:
    """``name==version`` for each package, as requirements.txt pins it."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[name.strip().lower()] = version.strip()
    return [f"{name}=={pins[name]}" for name in names]


def is_spanish(path: Path) -> bool:
    """A notebook of the Spanish edition (es/notebooks/)."""
    return Path(path).resolve().parent.parent.name == "es"


def colab_cell(spanish: bool = False) -> str:
    """The set-up cell, for the repository and branch the book is built from, in the notebook's
    edition's language and changing into its folder."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
    packages = ", ".join(f'"{p}"' for p in pinned())
    words = COLAB_WORDS["es" if spanish else "en"]
    folder = "es/notebooks" if spanish else "notebooks"
    return COLAB_CELL.format(
        url=config["url"], branch=config.get("branch", "main"), packages=packages, folder=folder, **words
    ).rstrip("\n")


def setup_cell(nb):
    """The notebook's Colab set-up cell, or None."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            ours = cell.source.startswith(SETUP_MARKS)
            # a translator may have reworded its first comment: it is still the set-up cell
            reworded = '"google.colab" in sys.modules' in cell.source and "REPOSITORY, BRANCH, REPORT" in cell.source
            return cell if ours or reworded else None
    return None


def glued_text(nb) -> dict[str, str]:
    """Every text value the notebook's stored outputs glue, as the prose shows it."""
    values = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name and GLUE_TEXT in output.get("data", {}):
                text = output["data"][GLUE_TEXT]
                try:
                    value = ast.literal_eval(text)
                    text = value if isinstance(value, str) else text
                except (ValueError, SyntaxError):
                    pass
                values[name] = text
    return values


def user_expressions(nb) -> dict[int, list[dict]]:
    """For each markdown cell that uses ``{eval}``, the stored results jupyterlab-myst shows."""
    values = glued_text(nb)
    found = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        names = list(dict.fromkeys(EVAL_ROLE.findall(cell.source)))
        if not names:
            continue
        missing = [n for n in names if n not in values]
        if missing:
            raise KeyError(f"cell {index} uses {missing} but no code cell glues them")
        found[index] = [
            {"expression": f"glued.{n}", "result": {"status": "ok", "data": {"text/plain": values[n]}, "metadata": {}}}
            for n in names
        ]
    return found


def sync_setup_cell(nb, path: Path | None = None) -> None:
    """Write the Colab set-up cell for the repository and branch in ``_config.yml``."""
    cell = setup_cell(nb)
    if cell is not None:
        cell.source = colab_cell(spanish=path is not None and is_spanish(path))


def sync_user_expressions(nb) -> None:
    """Store, for JupyterLab, the value of each ``{eval}`` in the prose (outputs must be fresh)."""
    stored = user_expressions(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        if index in stored:
            cell.metadata["user_expressions"] = stored[index]
        else:
            cell.metadata.pop("user_expressions", None)


# In the book, "$" is money (dollarmath is off); jupyterlab-myst reads "$...$" as mathematics and
# garbles the text between two prices. Written "\$", a dollar sign is a dollar sign everywhere.
_CODE = re.compile(r"(`{3,}|~{3,})[^\n]*\n.*?\n\1|`+[^`\n]*`+", re.S)
_BARE_DOLLAR = re.compile(r"(?<!\\)\$")


def unescaped_dollars(text: str) -> list[int]:
    """Offsets of dollar signs in prose (outside code) that are not written ``\\$``."""
    found, start = [], 0
    for code in [*_CODE.finditer(text), None]:
        end = code.start() if code else len(text)
        found += [start + m.start() for m in _BARE_DOLLAR.finditer(text[start:end])]
        start = code.end() if code else end
    return found


def escape_dollars(text: str) -> str:
    for offset in reversed(unescaped_dollars(text)):
        text = text[:offset] + "\\" + text[offset:]
    return text
