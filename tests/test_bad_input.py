"""A malformed dataset stops loading (and so the notebooks, the build and the tests) with a
message naming the file, the row and the column. Each test corrupts one copy of data/."""

import os
import shutil

import pytest

from bolivia_us import DatasetError, data_dir, load_dataset
from conftest import build_book

ROOT = data_dir().parent


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def replace_in(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def second_line(path):
    return path.read_text(encoding="utf-8").splitlines()[1]


def load_error(name, data_dir) -> str:
    with pytest.raises(DatasetError) as info:
        load_dataset(name, data_dir)
    return str(info.value)


# ---------------------------------------------------------------- one fault per case
# Each case corrupts one file of a copy of data/ and names what the error must say: the file, the
# row and the column, and the fault in words. The corruptions are small functions of the file.


def replace(old, new):
    return lambda path: replace_in(path, old, new)


def in_second_row(build):
    """Corrupt the first data row with ``build(cells, text)``, which returns (old, new)."""

    def corrupt(path):
        old, new = build(second_line(path).split(","), second_line(path))
        replace_in(path, old, new)

    return corrupt


def set_cell(row, column, value):
    def corrupt(path):
        lines = path.read_text(encoding="utf-8").splitlines()
        cells = lines[row].split(",")
        cells[column] = value(cells[column])
        lines[row] = ",".join(cells)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    return corrupt


def repeat_first_row(path):
    path.write_text(path.read_text(encoding="utf-8") + second_line(path) + "\n", encoding="utf-8")


def drop_last_cell_of_row_3(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def not_utf8(path):
    path.write_bytes(path.read_bytes().replace(b"Tin", b"T\xefn"))


def emptied(path):
    path.write_text("", encoding="utf-8")


def last_row(name):
    return len((data_dir() / f"{name}.csv").read_text(encoding="utf-8").splitlines()) + 1


CASES = {
    "wrong type": (
        "eras",
        replace(",1836,", ",18x6,"),
        ["eras.csv, row 2, column 'start_year'", "'18x6' is not a four-digit year"],
    ),
    "value out of range": (
        "eras",
        replace(",1836,", ",1700,"),
        ["eras.csv, row 2, column 'start_year'", "below the minimum 1836"],
    ),
    "duplicate key": (
        "events",
        repeat_first_row,
        [f"events.csv, row {last_row('events')}, column 'event_id'", "duplicate key", "first seen in row 2"],
    ),
    "unknown era": (
        "events",
        replace(",confederation,", ",cold-war,"),
        ["events.csv, row 2, column 'era'", "'cold-war' is not a known eras.era_id"],
    ),
    "unknown category": (
        "events",
        replace(",diplomacy,", ",gossip,"),
        ["events.csv, row 2, column 'category'", "'gossip' is not one of"],
    ),
    "missing source": (
        "events",
        in_second_row(lambda c, t: ("," + c[-1] + "\n", ",\n")),
        ["events.csv, row 2, column 'source_url'", "is empty but required"],
    ),
    "source that is not a URL": (
        "events",
        in_second_row(lambda c, t: ("," + c[-1] + "\n", ",see the library\n")),
        ["events.csv, row 2, column 'source_url'", "is not an http(s) URL"],
    ),
    "date after as_of": (
        "events",
        in_second_row(lambda c, t: (f",{c[1]},", ",2031-01-01,")),
        ["events.csv, row 2, column 'date'", "after the report's as-of date"],
    ),
    "date finer than its precision": (
        "events",
        in_second_row(lambda c, t: (f",{c[1]},day,", f",{c[1][:7]},day,")),
        ["events.csv, row 2, column 'date'", "precision 'day'"],
    ),
    "official contact after the series ends": (
        "contacts",
        replace("2002-11-sanchez-de-lozada-to-us,2002-11-09,", "2002-11-sanchez-de-lozada-to-us,2025-11-09,"),
        ["contacts.csv, row 18, column 'start_date'", "outside the official series for head-of-state"],
    ),
    "press report standing in for the official series": (
        "contacts",
        replace("2025-10-paz-rubio-washington,2025-10-31,", "2025-10-paz-rubio-washington,2024-10-31,"),
        ["contacts.csv, row 19, column 'record'", "falls inside the official series for head-of-state-elect"],
    ),
    "contact ending before it starts": (
        "contacts",
        replace("2000-08-18,2000-08-18,Madeleine", "2000-08-18,2000-07-18,Madeleine"),
        ["contacts.csv, row 14, column 'end_date'", "is before start_date"],
    ),
    "event outside its era": (
        "events",
        in_second_row(lambda c, t: (f",{c[1]},", ",1990-01-01,")),
        ["events.csv, row 2, column 'date'", "outside the era"],
    ),
    "row with a missing cell": ("eras", drop_last_cell_of_row_3, ["eras.csv, row 3", "has 4 cells, the header has 5"]),
    "header that does not match the schema": (
        "eras",
        replace("start_year", "from_year"),
        ["eras.csv, row 1", "missing ['start_year']", "unexpected ['from_year']"],
    ),
    "file that is not UTF-8": ("eras", not_utf8, ["eras.csv", "not UTF-8", "line 3"]),
    "cell with stray spaces": (
        "eras",
        replace(",1836,", ", 1836,"),
        ["eras.csv, row 2, column 'start_year'", "leading or trailing spaces"],
    ),
    "empty file": ("eras", emptied, ["the file is empty"]),
    "number with a thousands separator": (
        "aid",
        set_cell(1, 5, lambda v: '"400,000"'),
        ["aid.csv, row 2, column 'total_obligations'", "'400,000' is not a plain number"],
    ),
    "negative trade value": (
        "trade",
        set_cell(1, 2, lambda v: "-" + v),
        ["trade.csv, row 2, column 'us_exports'", "below the minimum 0"],
    ),
    "duplicate year and series": (
        "trade",
        repeat_first_row,
        [f"trade.csv, row {last_row('trade')}, column 'year, series'", "duplicate key"],
    ),
    "unknown aid series": (
        "aid",
        replace(",FY,greenbook,", ",FY,guesswork,"),
        ["aid.csv", "column 'series'", "'guesswork' is not one of"],
    ),
    "fiscal year after as_of": (
        "aid",
        replace("1946,FY,greenbook,", "2031,FY,greenbook,"),
        ["column 'fiscal_year'", "above the maximum 2026"],
    ),
    "envoy leaving before arriving": (
        "envoys",
        replace("1849-01-03,1849-05-04", "1849-01-03,1848-05-04"),
        ["envoys.csv, row 3, column 'mission_ended'", "is before credentials_presented"],
    ),
    "impossible calendar date": (
        "envoys",
        replace("1849-01-03", "1849-02-30"),
        ["envoys.csv, row 3, column 'credentials_presented'", "not a real date"],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=lambda case: case.replace(" ", "-"))
def test_a_malformed_file_is_refused_with_its_row_and_column(data_copy, case):
    name, corrupt, expected = CASES[case]
    corrupt(data_copy / f"{name}.csv")
    msg = load_error(name, data_copy)
    missing = [text for text in expected if text not in msg]
    assert not missing, f"the error for a {case} does not say {missing}: {msg}"


def test_an_unterminated_quote_is_refused(data_copy):
    replace_in(data_copy / "eras.csv", '"Tin, oil and war"', '"Tin, oil and war')
    msg = load_error("eras", data_copy)
    assert "eras.csv" in msg and ("malformed CSV" in msg or "cells" in msg)


def test_every_fault_in_a_file_is_reported_at_once(data_copy):
    replace_in(data_copy / "events.csv", ",diplomacy,", ",gossip,")
    replace_in(data_copy / "events.csv", ",confederation,", ",cold-war,")
    msg = load_error("events", data_copy)
    assert "2 problem(s)" in msg or msg.count("events.csv, row") >= 2


@pytest.mark.book
def test_a_malformed_dataset_stops_the_book_build(data_copy, tmp_path):
    """The build validates every dataset before it reads a page, cache or no cache."""
    replace_in(data_copy / "events.csv", ",diplomacy,", ",gossip,")
    env = {**os.environ, "BOLIVIA_US_DATA": str(data_copy)}
    result = build_book("--path-output", str(tmp_path / "out"), env=env)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "a dataset is malformed" in log
    assert "events.csv, row 2, column 'category'" in log


def test_broken_descriptor(data_copy):
    (data_copy / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    from bolivia_us.data.datasets import _package

    _package.cache_clear()
    msg = load_error("events", data_copy)
    assert "datapackage.json" in msg and "not valid JSON" in msg


def test_map_outlines_load_and_hold_the_six_countries():
    from bolivia_us.data.geo import COUNTRIES, country_shapes

    names = {f["properties"]["name"] for f in country_shapes()["features"]}
    assert names == set(COUNTRIES.values())


def test_broken_map_outlines_are_named(data_copy, monkeypatch):
    import bolivia_us.data.geo as geo

    (data_copy / "geo" / "bolivia-and-neighbours.geojson").write_text(
        '{"type": "FeatureCollection", "features": [', encoding="utf-8"
    )
    monkeypatch.setenv("BOLIVIA_US_DATA", str(data_copy))
    with pytest.raises(DatasetError) as info:
        geo.country_shapes()
    assert "bolivia-and-neighbours.geojson" in str(info.value) and "not valid JSON" in str(info.value)


def test_map_outlines_missing_a_country(data_copy, monkeypatch):
    import json

    import bolivia_us.data.geo as geo

    path = data_copy / "geo" / "bolivia-and-neighbours.geojson"
    shapes = json.loads(path.read_text(encoding="utf-8"))
    shapes["features"] = [f for f in shapes["features"] if f["properties"]["name"] != "Bolivia"]
    path.write_text(json.dumps(shapes), encoding="utf-8")
    monkeypatch.setenv("BOLIVIA_US_DATA", str(data_copy))
    with pytest.raises(DatasetError) as info:
        geo.country_shapes()
    assert "outlines missing for Bolivia" in str(info.value)


# ---------------------------------------------------------------- the Spanish edition's words


@pytest.fixture
def spanish_words():
    from bolivia_us import language

    language.use("es")
    yield
    language.use("en")


def spanish_error(data_dir) -> str:
    with pytest.raises(DatasetError) as info:
        load_dataset("events", data_dir)
    return str(info.value)


def test_a_translation_row_out_of_step_with_its_dataset_is_refused(data_copy, spanish_words):
    path = data_copy / "translations" / "events.es.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2], lines[3] = lines[3], lines[2]  # two rows swapped
    path.write_text("".join(lines), encoding="utf-8")
    message = spanish_error(data_copy)
    assert "translations/events.es.csv" in message and "row 3" in message and "column 'event_id'" in message


def test_an_empty_translation_of_a_text_is_refused(data_copy, spanish_words):
    import csv
    import io

    path = data_copy / "translations" / "events.es.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[4][rows[0].index("title_es")] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    message = spanish_error(data_copy)
    assert "row 5" in message and "column 'title_es'" in message and "empty" in message


def test_a_missing_translation_file_is_refused(data_copy, spanish_words):
    (data_copy / "translations" / "events.es.csv").unlink()
    assert "events.es.csv: the translation file is missing" in spanish_error(data_copy)


def test_the_spanish_edition_reads_the_datasets_words_in_spanish(spanish_words):
    events = load_dataset("events")
    from bolivia_us import language

    language.use("en")
    english = load_dataset("events")
    assert (events["date"] == english["date"]).all() and (events["event_id"] == english["event_id"]).all()
    assert (events["title"] != english["title"]).mean() > 0.9, "the Spanish edition shows English event titles"
