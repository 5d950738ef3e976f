"""The datasets' text columns in the Spanish edition's words, kept beside the data.

The charts show some text columns of the datasets in their tooltips (an event's title and summary,
an era's name, what a contact was about). The Spanish versions of those columns live in
``data/translations/<dataset>.es.csv``: the dataset's key column(s), then one ``<column>_es`` per
translated column, one row per row of the dataset and in its order. Under
``language.use("es")``, :func:`bolivia_us.data.load_dataset` returns the dataset with those
columns in Spanish (the figures, dates and codes are the dataset's own: only words are translated).

A translation file that does not match its dataset (a row missing or out of order, a key changed,
an empty translation of a non-empty text) stops the build and the tests, naming file, row and
column, like a malformed dataset.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pandas as pd

from ..language import current

#: dataset -> (its key columns, the text columns translated)
TRANSLATED = {
    "events": (["event_id"], ["title", "summary"]),
    "eras": (["era_id"], ["title"]),
    "contacts": (["contact_id"], ["role", "description"]),
    "places": (["place"], ["role"]),
    "envoys": (["envoy_id"], ["end_note"]),
    "opinion": (["year", "pollster", "measure", "response"], ["question", "measure"]),
}
FOLDER = "translations"


def translation_path(name: str, data_dir: Path, language: str = "es") -> Path:
    return Path(data_dir) / FOLDER / f"{name}.{language}.csv"


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@cache
def _read(path: Path, mtime: float) -> tuple[list[str], list[list[str]]]:
    from .datasets import DatasetError

    try:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except FileNotFoundError:
        raise DatasetError(f"{path}: the translation file is missing") from None
    except UnicodeDecodeError as err:
        raise DatasetError(f"{path}: not UTF-8 text (byte {err.start})") from None
    try:
        rows = list(csv.reader(text.splitlines(keepends=True), strict=True))
    except csv.Error as err:
        raise DatasetError(f"{path}: malformed CSV: {err}") from None
    if not rows:
        raise DatasetError(f"{path}: the file is empty")
    return rows[0], rows[1:]


def check(name: str, frame: pd.DataFrame, data_dir: Path, language: str = "es") -> pd.DataFrame:
    """The dataset's translated columns, checked against ``frame`` (the dataset as loaded): one
    row per dataset row, same keys in the same order, a translation wherever the text is not empty."""
    from .datasets import _Problems

    keys, columns = TRANSLATED[name]
    path = translation_path(name, data_dir, language)
    header, rows = _read(path, path.stat().st_mtime if path.exists() else 0.0)
    problems = _Problems(path)
    wanted = keys + [f"{c}_{language}" for c in columns]
    missing = [c for c in wanted if c not in header]
    extra = [c for c in header if c not in wanted and not c.endswith("_source")]
    for column in missing:
        problems.add(1, column, "this column is missing from the header")
    for column in extra:
        problems.add(1, column, f"unexpected column (expected {', '.join(wanted)})")
    problems.raise_if_any()
    if len(rows) != len(frame):
        problems.add(
            None, None, f"{len(rows)} rows, but the dataset {name!r} has {len(frame)}: one row per dataset row"
        )
    at = {c: header.index(c) for c in wanted}
    out = {c: [] for c in columns}
    for number, (row, (_, original)) in enumerate(zip(rows, frame.iterrows(), strict=False), start=2):
        if len(row) != len(header):
            problems.add(number, None, f"{len(row)} fields, the header has {len(header)}")
            continue
        for key in keys:
            if row[at[key]] != _text(original[key]):
                problems.add(number, key, f"{row[at[key]]!r} where the dataset's row has {_text(original[key])!r}")
        for column in columns:
            value = row[at[f"{column}_{language}"]].strip()
            if _text(original[column]).strip() and not value:
                problems.add(number, f"{column}_{language}", "empty, but the dataset's text is not")
            if value and not _text(original[column]).strip():
                problems.add(number, f"{column}_{language}", "a translation of an empty text")
            out[column].append(value or None)
    problems.raise_if_any()
    return pd.DataFrame(out, index=frame.index)


def in_language_in_use(name: str, frame: pd.DataFrame, data_dir: Path) -> pd.DataFrame:
    """``frame`` with its translated text columns in the language in use."""
    if current() == "en" or name not in TRANSLATED:
        return frame
    words = check(name, frame, data_dir, current())
    frame = frame.copy()
    for column in words:
        frame[column] = words[column].astype(frame[column].dtype)
    return frame


def check_all(data_dir: Path, datasets: dict[str, pd.DataFrame]) -> None:
    """Check every translation file against its dataset (the build does, in either edition)."""
    for name in TRANSLATED:
        if translation_path(name, data_dir).exists() or (Path(data_dir) / FOLDER).exists():
            check(name, datasets[name], data_dir)
