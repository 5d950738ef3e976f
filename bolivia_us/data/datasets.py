"""Load the report's datasets from ``data/`` and validate them against ``data/datapackage.json``.

Every table is read as text first and checked cell by cell against its Table Schema
(types, required cells, enumerations, ranges, patterns, primary and foreign keys) and against
the report's own rules (dates with their precision, nothing after the "as of" date, events
inside their era).  Any fault raises :class:`DatasetError`, whose message names the file, the
row and the column.  Nothing is dropped or coerced: a value either parses exactly or stops
the build.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

import pandas as pd

from .folder import data_dir as default_data_dir

MAX_ERRORS_SHOWN = 20

_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_YEAR = re.compile(r"\d{4}")
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*")
_PARTIAL_DATE = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
}


class DatasetError(ValueError):
    """A dataset does not match its schema. The message names file, row and column."""


class _Problems:
    """Collects faults in one file so the reader sees all of them at once."""

    def __init__(self, path: Path):
        self.path = path
        self.items: list[str] = []

    def add(self, row: int | None, column: str | None, message: str) -> None:
        where = [f"{self.path.parent.name}/{self.path.name}"]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        self.items.append(f"{', '.join(where)}: {message}")

    def raise_if_any(self) -> None:
        if not self.items:
            return
        shown = self.items[:MAX_ERRORS_SHOWN]
        more = len(self.items) - len(shown)
        tail = f"\n  ... and {more} more" if more > 0 else ""
        raise DatasetError(f"{len(self.items)} problem(s) in {self.path}:\n  " + "\n  ".join(shown) + tail)


# --------------------------------------------------------------------------- package


@cache
def _package(data_dir: str) -> dict:
    path = Path(data_dir) / "datapackage.json"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"{path}: the data package descriptor is missing") from None
    try:
        package = json.loads(text)
    except json.JSONDecodeError as err:
        raise DatasetError(f"{path}: not valid JSON (line {err.lineno}, column {err.colno}): {err.msg}") from None
    if "as_of" not in package:
        raise DatasetError(f"{path}: the descriptor has no 'as_of' date")
    return package


def package(data_dir: Path | None = None) -> dict:
    """The parsed ``datapackage.json``."""
    return _package(str(data_dir or default_data_dir()))


def as_of(data_dir: Path | None = None) -> dt.date:
    """The date the report's sources were last checked for new developments, set once in
    ``data/datapackage.json``. No dated row may fall after it. It is not the date of the latest
    development found: see ``latest_development``."""
    return dt.date.fromisoformat(package(data_dir)["as_of"])


def latest_development(data_dir: Path | None = None) -> pd.Series:
    """The most recent event in the events dataset (its row): the latest development the
    sources found, which may lie months before ``as_of``."""
    events = load_dataset("events", data_dir)
    starts = events["date"].map(lambda text: parse_partial_date(text, precision_of(text)))
    return events.loc[starts.idxmax()]


def dataset_names(data_dir: Path | None = None) -> list[str]:
    """Names of every dataset the package describes, in the package's order."""
    return [r["name"] for r in package(data_dir)["resources"]]


def resource(name: str, data_dir: Path | None = None) -> dict:
    """The descriptor of one dataset."""
    for r in package(data_dir)["resources"]:
        if r["name"] == name:
            return r
    raise KeyError(f"no dataset named {name!r}; known: {', '.join(dataset_names(data_dir))}")


def dataset_path(name: str, data_dir: Path | None = None) -> Path:
    """Where the CSV of a dataset lives."""
    return Path(data_dir or default_data_dir()) / resource(name, data_dir)["path"]


# --------------------------------------------------------------------------- reading


def _read_rows(path: Path, problems: _Problems) -> tuple[list[str], list[list[str]]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.add(None, None, "file not found")
        problems.raise_if_any()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.add(None, None, f"not UTF-8 text (byte {err.start}, line {line})")
        problems.raise_if_any()
    text = text.removeprefix("\ufeff")
    if not text.strip():
        problems.add(None, None, "the file is empty")
        problems.raise_if_any()
    try:
        rows = list(csv.reader(text.splitlines(keepends=True), strict=True))
    except csv.Error as err:
        problems.add(None, None, f"malformed CSV: {err}")
        problems.raise_if_any()
    return rows[0], rows[1:]


def _parse(value: str, field: dict) -> tuple[object, str | None]:
    """Parse one non-empty cell. Returns (value, error message or None)."""
    kind = field.get("type", "string")
    if value != value.strip():
        return None, f"{value!r} has leading or trailing spaces"
    if kind == "integer":
        if not _INTEGER.fullmatch(value):
            return None, f"{value!r} is not an integer"
        return int(value), None
    if kind == "number":
        if not _NUMBER.fullmatch(value):
            return None, f"{value!r} is not a plain number (digits, optional minus and decimal point)"
        return float(value), None
    if kind == "year":
        if not _YEAR.fullmatch(value):
            return None, f"{value!r} is not a four-digit year"
        return int(value), None
    if kind == "date":
        try:
            if not _PARTIAL_DATE["day"].fullmatch(value):
                raise ValueError
            return dt.date.fromisoformat(value), None
        except ValueError:
            return None, f"{value!r} is not a date of the form YYYY-MM-DD"
    if kind == "string":
        fmt = field.get("format")
        if fmt == "uri" and not _URL.fullmatch(value):
            return None, f"{value!r} is not an http(s) URL"
        return value, None
    raise DatasetError(f"unsupported field type {kind!r} for field {field['name']!r} in datapackage.json")


def _check_constraints(value: object, raw: str, field: dict) -> str | None:
    c = field.get("constraints", {})
    if "enum" in c and raw not in c["enum"]:
        return f"{raw!r} is not one of: {', '.join(map(str, c['enum']))}"
    if "pattern" in c and not re.fullmatch(c["pattern"], raw):
        return f"{raw!r} does not match the pattern {c['pattern']}"
    if "minimum" in c and value < _bound(c["minimum"], field):
        return f"{raw} is below the minimum {c['minimum']}"
    if "maximum" in c and value > _bound(c["maximum"], field):
        return f"{raw} is above the maximum {c['maximum']}"
    if "maxLength" in c and len(raw) > c["maxLength"]:
        return f"is {len(raw)} characters long, more than the limit of {c['maxLength']}"
    return None


def _bound(bound, field):
    if field.get("type") == "date":
        return dt.date.fromisoformat(bound)
    return bound


def parse_partial_date(text: str, precision: str) -> dt.date:
    """The first day a partial date can mean: ``1837`` -> 1837-01-01, ``1837-03`` -> 1837-03-01."""
    if precision not in _PARTIAL_DATE:
        raise ValueError(f"unknown date precision {precision!r}")
    if not _PARTIAL_DATE[precision].fullmatch(text):
        raise ValueError(f"{text!r} is not a date of precision '{precision}'")
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _partial_dates(rule: dict, records: list[dict], problems: _Problems, today: dt.date) -> None:
    """A date column whose precision (day, month, year) is named by another column."""
    col, prec_col = rule["field"], rule["precision_field"]
    for row_no, rec in records:
        text, precision = rec.get(col), rec.get(prec_col)
        if text is None or precision is None:
            continue
        try:
            day = parse_partial_date(text, precision)
        except ValueError:
            problems.add(row_no, col, f"{text!r} does not have the form its precision '{precision}' names")
            continue
        if day > today:
            problems.add(row_no, col, f"{text} is after the report's as-of date {today.isoformat()}")


def precision_of(text: str) -> str:
    """The precision an ISO partial date is written to: ``year``, ``month`` or ``day``."""
    for precision, form in _PARTIAL_DATE.items():
        if form.fullmatch(text):
            return precision
    raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")


def _iso_partial_dates(rule: dict, records, problems: _Problems, today: dt.date) -> None:
    """Columns holding YYYY, YYYY-MM or YYYY-MM-DD: a real calendar date, not after the as-of date."""
    for field in rule["fields"]:
        for row_no, rec in records:
            text = rec.get(field)
            if text is None:
                continue
            try:
                day = parse_partial_date(text, precision_of(text))
            except ValueError:
                problems.add(row_no, field, f"{text!r} is not a real date of the form YYYY, YYYY-MM or YYYY-MM-DD")
                continue
            if day > today:
                problems.add(row_no, field, f"{text} is after the report's as-of date {today.isoformat()}")


def _not_before(rule: dict, records, problems: _Problems, today: dt.date) -> None:
    """``field`` may not come before ``other`` (partial dates compare by the years and months both give)."""
    later, earlier = rule["field"], rule["other"]
    for row_no, rec in records:
        a, b = rec.get(later), rec.get(earlier)
        if a is None or b is None:
            continue
        if isinstance(a, str) and isinstance(b, str):
            n = min(len(a), len(b))
            a_cmp, b_cmp = a[:n], b[:n]
        else:
            a_cmp, b_cmp = a, b
        try:
            wrong = a_cmp < b_cmp
        except TypeError:
            continue
        if wrong:
            problems.add(row_no, later, f"{a} is before {earlier} {b}")


def _official_series_coverage(rule: dict, records, problems: _Problems, today: dt.date) -> None:
    """A row taken from an official series must fall inside the years that series covers, for the
    traveller's rank; a row reported by the press must not stand in for that series inside them."""
    covers = rule["resource"]["x-official-series"]["covers"]
    field, record_field, level_field = rule["field"], rule["record_field"], rule["level_field"]
    for row_no, rec in records:
        start, record, level = rec.get(field), rec.get(record_field), rec.get(level_field)
        if start is None or record is None or level is None:
            continue
        span = covers.get(level)
        if record == rule["official"]:
            if span is None:
                problems.add(row_no, level_field, f"the official series do not record the rank {level!r}")
            elif not span["from"] <= start <= span["to"]:
                problems.add(
                    row_no,
                    field,
                    f"{start} is outside the official series for {level} ({span['from']} to {span['to']})",
                )
        elif span is not None and start <= span["to"]:
            problems.add(
                row_no,
                record_field,
                f"{start} falls inside the official series for {level} (to {span['to']}): take the row from that record",
            )


_RULES = {
    "official-series-coverage": _official_series_coverage,
    "partial-date": _partial_dates,
    "iso-partial-dates": _iso_partial_dates,
    "not-before": _not_before,
}


# --------------------------------------------------------------------------- validation


def _validate(name: str, data_dir: Path) -> tuple[list[str], list[tuple[int, dict]]]:
    desc = resource(name, data_dir)
    path = Path(data_dir) / desc["path"]
    problems = _Problems(path)
    schema = desc["schema"]
    fields = schema["fields"]
    expected = [f["name"] for f in fields]
    header, rows = _read_rows(path, problems)
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = []
        if missing:
            detail.append(f"missing {missing}")
        if extra:
            detail.append(f"unexpected {extra}")
        if not detail:
            detail.append("columns out of order")
        problems.add(1, None, f"header does not match the schema ({'; '.join(detail)}); expected {expected}")
        problems.raise_if_any()
    if not rows:
        problems.add(None, None, "the file has a header but no rows")
    records: list[tuple[int, dict]] = []
    for i, row in enumerate(rows):
        row_no = i + 2  # the header is row 1, as in a spreadsheet
        if len(row) != len(fields):
            problems.add(row_no, None, f"has {len(row)} cells, the header has {len(fields)}")
            continue
        rec: dict = {}
        for field, raw in zip(fields, row, strict=False):
            col = field["name"]
            if raw == "":
                if field.get("constraints", {}).get("required"):
                    problems.add(row_no, col, "is empty but required")
                rec[col] = None
                continue
            value, err = _parse(raw, field)
            if err is None:
                err = _check_constraints(value, raw, field)
            if err:
                problems.add(row_no, col, err)
                rec[col] = None
            else:
                rec[col] = value
        records.append((row_no, rec))
    # unique fields and primary key
    keys = schema.get("primaryKey")
    keys = [keys] if isinstance(keys, str) else keys
    unique_sets = [[f["name"]] for f in fields if f.get("constraints", {}).get("unique")]
    for cols in ([keys] if keys else []) + unique_sets:
        seen: dict[tuple, int] = {}
        for row_no, rec in records:
            key = tuple(rec.get(c) for c in cols)
            if key in seen:
                problems.add(row_no, ", ".join(cols), f"duplicate key {key} (first seen in row {seen[key]})")
            else:
                seen[key] = row_no
    today = as_of(data_dir)
    for rule in desc.get("x-checks", []):
        _RULES[rule["rule"]]({**rule, "resource": desc}, records, problems, today)
    for fk in schema.get("foreignKeys", []):
        _check_foreign_key(fk, records, problems, data_dir)
    for rule in desc.get("x-within", []):
        _check_within(rule, records, problems, data_dir)
    problems.raise_if_any()
    return expected, records


def _check_foreign_key(fk: dict, records, problems: _Problems, data_dir: Path) -> None:
    col = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
    ref = fk["reference"]
    ref_col = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
    allowed = set(load_dataset(ref["resource"], data_dir)[ref_col])
    for row_no, rec in records:
        value = rec.get(col)
        if value is not None and value not in allowed:
            problems.add(
                row_no,
                col,
                f"{value!r} is not a known {ref['resource']}.{ref_col} ({', '.join(sorted(map(str, allowed)))})",
            )


def _check_within(rule: dict, records, problems: _Problems, data_dir: Path) -> None:
    """A partial date must fall inside the year range of the row it points to (events inside eras)."""
    table = load_dataset(rule["resource"], data_dir).set_index(rule["key"])
    for row_no, rec in records:
        key, text, prec = rec.get(rule["field"]), rec.get(rule["date_field"]), rec.get(rule["precision_field"])
        if key is None or text is None or prec is None or key not in table.index:
            continue
        year = int(text[:4])
        lo, hi = table.loc[key, rule["start"]], table.loc[key, rule["end"]]
        if not lo <= year <= hi:
            problems.add(row_no, rule["date_field"], f"{text} lies outside the era '{key}' ({lo}-{hi})")


# --------------------------------------------------------------------------- loading

_DTYPES = {"integer": "Int64", "year": "Int64", "number": "Float64", "string": "string"}


@cache
def _load(name: str, data_dir: str, mtime: float) -> pd.DataFrame:
    columns, records = _validate(name, Path(data_dir))
    fields = {f["name"]: f for f in resource(name, Path(data_dir))["schema"]["fields"]}
    frame = pd.DataFrame([rec for _, rec in records], columns=columns)
    for col, field in fields.items():
        kind = field.get("type", "string")
        if kind == "date":
            frame[col] = pd.to_datetime(frame[col])
        else:
            frame[col] = frame[col].astype(_DTYPES[kind])
    frame.attrs["source_file"] = str(Path(data_dir) / resource(name, Path(data_dir))["path"])
    return frame


def load_dataset(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Validate one dataset and return it as a typed DataFrame (a fresh copy each call); in the
    Spanish edition (``language.use("es")``), with its text columns in Spanish (``data.translations``)."""
    data_dir = Path(data_dir or default_data_dir())
    path = dataset_path(name, data_dir)
    mtime = path.stat().st_mtime if path.exists() else 0.0
    from .translations import in_language_in_use

    return in_language_in_use(name, _load(name, str(data_dir), mtime).copy(), data_dir)


def load_all(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """Validate and load every dataset the package describes."""
    return {name: load_dataset(name, data_dir) for name in dataset_names(data_dir)}


# --------------------------------------------------------------------------- coverage


def year_of(name: str, frame: pd.DataFrame | None = None) -> pd.Series:
    """The year each row of a dataset refers to, from the column its descriptor names (``x-year-field``)."""
    field = resource(name).get("x-year-field")
    if field is None:
        raise KeyError(f"the descriptor of {name!r} names no x-year-field")
    frame = load_dataset(name) if frame is None else frame
    column = frame[field]
    if column.dtype == "string" or column.dtype == object:
        return column.str[:4].astype("Int64")
    return column.astype("Int64")


def coverage(name: str) -> dict:
    """Rows, first and last year (none for a dataset without dates), and number of distinct sources."""
    frame = load_dataset(name)
    years = year_of(name, frame) if "x-year-field" in resource(name) else pd.Series([], dtype="Int64")
    return {
        "dataset": name,
        "rows": len(frame),
        "first_year": int(years.min()) if len(years.dropna()) else None,
        "last_year": int(years.max()) if len(years.dropna()) else None,
        "sources": int(frame["source_url"].nunique()) if "source_url" in frame else 0,
    }
