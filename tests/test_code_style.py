"""The code a student reads and copies is formatted and linted one way: the package, the tests, the
tools and the notebooks' code cells (ruff, at the version requirements.txt pins)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ["bolivia_us", "tests", "tools", "notebooks", "es/notebooks", "conftest.py"]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args, *CODE], cwd=ROOT, capture_output=True, text=True)


def test_the_code_and_the_notebooks_are_formatted():
    result = ruff("format", "--check")
    assert result.returncode == 0, f"run `ruff format {' '.join(CODE)}`:\n{result.stdout}{result.stderr}"


def test_the_code_and_the_notebooks_pass_the_linter():
    result = ruff("check", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr
