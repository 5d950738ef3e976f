"""A malformed dataset stops loading (and so the notebooks, the build and the tests) with a
message naming the file, the row and the column. Each test corrupts one copy of data/."""

import os
import shutil

import pytest
from conftest import build_book

from bolivia_us import DatasetError, data_dir, load_dataset

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


def test_wrong_type(data_copy):
    replace_in(data_copy / "eras.csv", ",1836,", ",18x6,")
    msg = load_error("eras", data_copy)
    assert "eras.csv, row 2, column 'start_year'" in msg and "'18x6' is not a four-digit year" in msg


def test_value_out_of_range(data_copy):
    replace_in(data_copy / "eras.csv", ",1836,", ",1700,")
    msg = load_error("eras", data_copy)
    assert "eras.csv, row 2, column 'start_year'" in msg and "below the minimum 1836" in msg


def test_duplicate_key(data_copy):
    path = data_copy / "events.csv"
    first = second_line(path)
    path.write_text(path.read_text(encoding="utf-8") + first + "\n", encoding="utf-8")
    n_rows = len(path.read_text(encoding="utf-8").splitlines())
    msg = load_error("events", data_copy)
    assert (
        f"events.csv, row {n_rows}, column 'event_id'" in msg
        and "duplicate key" in msg
        and "first seen in row 2" in msg
    )


def test_unknown_era(data_copy):
    replace_in(data_copy / "events.csv", ",confederation,", ",cold-war,")
    msg = load_error("events", data_copy)
    assert "events.csv, row 2, column 'era'" in msg and "'cold-war' is not a known eras.era_id" in msg


def test_unknown_category(data_copy):
    replace_in(data_copy / "events.csv", ",diplomacy,", ",gossip,")
    msg = load_error("events", data_copy)
    assert "events.csv, row 2, column 'category'" in msg and "'gossip' is not one of" in msg


def test_missing_source(data_copy):
    path = data_copy / "events.csv"
    url = second_line(path).rsplit(",", 1)[1]
    replace_in(path, "," + url + "\n", ",\n")
    msg = load_error("events", data_copy)
    assert "events.csv, row 2, column 'source_url'" in msg and "is empty but required" in msg


def test_source_that_is_not_a_url(data_copy):
    path = data_copy / "events.csv"
    url = second_line(path).rsplit(",", 1)[1]
    replace_in(path, "," + url + "\n", ",see the library\n")
    msg = load_error("events", data_copy)
    assert "events.csv, row 2, column 'source_url'" in msg and "is not an http(s) URL" in msg


def test_date_after_as_of(data_copy):
    path = data_copy / "events.csv"
    date = second_line(path).split(",")[1]
    replace_in(path, f",{date},", ",2031-01-01,")
    msg = load_error("events", data_copy)
    assert "events.csv, row 2, column 'date'" in msg and "after the report's as-of date" in msg


def test_date_that_does_not_match_its_precision(data_copy):
    path = data_copy / "events.csv"
    date = second_line(path).split(",")[1]
    replace_in(path, f",{date},day,", f",{date[:7]},day,")
    msg = load_error("events", data_copy)
    assert "events.csv, row 2, column 'date'" in msg and "precision 'day'" in msg


def test_event_outside_its_era(data_copy):
    path = data_copy / "events.csv"
    date = second_line(path).split(",")[1]
    replace_in(path, f",{date},", ",1990-01-01,")
    msg = load_error("events", data_copy)
    assert "events.csv, row 2, column 'date'" in msg and "outside the era" in msg


def test_row_with_a_missing_cell(data_copy):
    path = data_copy / "eras.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rsplit(",", 1)[0]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    msg = load_error("eras", data_copy)
    assert "eras.csv, row 3" in msg and "has 4 cells, the header has 5" in msg


def test_header_that_does_not_match_the_schema(data_copy):
    replace_in(data_copy / "eras.csv", "start_year", "from_year")
    msg = load_error("eras", data_copy)
    assert "eras.csv, row 1" in msg and "missing ['start_year']" in msg and "unexpected ['from_year']" in msg


def test_file_that_is_not_utf8(data_copy):
    path = data_copy / "eras.csv"
    path.write_bytes(path.read_bytes().replace(b"Tin", b"T\xefn"))
    msg = load_error("eras", data_copy)
    assert "eras.csv" in msg and "not UTF-8" in msg and "line 3" in msg


def test_unterminated_quote(data_copy):
    replace_in(data_copy / "eras.csv", '"Tin, oil and war"', '"Tin, oil and war')
    msg = load_error("eras", data_copy)
    assert "eras.csv" in msg and ("malformed CSV" in msg or "cells" in msg)


def test_cell_with_stray_spaces(data_copy):
    replace_in(data_copy / "eras.csv", ",1836,", ", 1836,")
    msg = load_error("eras", data_copy)
    assert "eras.csv, row 2, column 'start_year'" in msg and "leading or trailing spaces" in msg


def test_empty_file(data_copy):
    (data_copy / "eras.csv").write_text("", encoding="utf-8")
    assert "the file is empty" in load_error("eras", data_copy)


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


def test_number_with_a_thousands_separator_is_refused_not_coerced(data_copy):
    path = data_copy / "aid.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[5] = '"400,000"'  # total_obligations
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    msg = load_error("aid", data_copy)
    assert "aid.csv, row 2, column 'total_obligations'" in msg and "'400,000' is not a plain number" in msg


def test_negative_trade_value_is_out_of_range(data_copy):
    path = data_copy / "trade.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[2] = "-" + cells[2]  # us_exports
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    msg = load_error("trade", data_copy)
    assert "trade.csv, row 2, column 'us_exports'" in msg and "below the minimum 0" in msg


def test_duplicate_year_and_series_in_trade(data_copy):
    path = data_copy / "trade.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    msg = load_error("trade", data_copy)
    assert f"trade.csv, row {len(lines) + 1}, column 'year, series'" in msg and "duplicate key" in msg


def test_unknown_aid_series(data_copy):
    replace_in(data_copy / "aid.csv", ",FY,greenbook,", ",FY,guesswork,")
    msg = load_error("aid", data_copy)
    assert "aid.csv" in msg and "column 'series'" in msg and "'guesswork' is not one of" in msg


def test_fiscal_year_after_as_of(data_copy):
    replace_in(data_copy / "aid.csv", "1946,FY,greenbook,", "2031,FY,greenbook,")
    msg = load_error("aid", data_copy)
    assert "column 'fiscal_year'" in msg and "above the maximum 2026" in msg


def test_envoy_leaving_before_arriving(data_copy):
    replace_in(data_copy / "envoys.csv", "1849-01-03,1849-05-04", "1849-01-03,1848-05-04")
    msg = load_error("envoys", data_copy)
    assert "envoys.csv, row 3, column 'mission_ended'" in msg and "is before credentials_presented" in msg


def test_impossible_calendar_date(data_copy):
    replace_in(data_copy / "envoys.csv", "1849-01-03", "1849-02-30")
    msg = load_error("envoys", data_copy)
    assert "envoys.csv, row 3, column 'credentials_presented'" in msg and "not a real date" in msg


def test_broken_descriptor(data_copy):
    (data_copy / "datapackage.json").write_text('{"resources": [', encoding="utf-8")
    from bolivia_us.datasets import _package

    _package.cache_clear()
    msg = load_error("events", data_copy)
    assert "datapackage.json" in msg and "not valid JSON" in msg


def test_map_outlines_load_and_hold_the_six_countries():
    from bolivia_us.geo import COUNTRIES, country_shapes

    names = {f["properties"]["name"] for f in country_shapes()["features"]}
    assert names == set(COUNTRIES.values())


def test_broken_map_outlines_are_named(data_copy, monkeypatch):
    import bolivia_us.geo as geo

    (data_copy / "geo" / "bolivia-and-neighbours.geojson").write_text(
        '{"type": "FeatureCollection", "features": [', encoding="utf-8"
    )
    monkeypatch.setenv("BOLIVIA_US_DATA", str(data_copy))
    with pytest.raises(DatasetError) as info:
        geo.country_shapes()
    assert "bolivia-and-neighbours.geojson" in str(info.value) and "not valid JSON" in str(info.value)


def test_map_outlines_missing_a_country(data_copy, monkeypatch):
    import json

    import bolivia_us.geo as geo

    path = data_copy / "geo" / "bolivia-and-neighbours.geojson"
    shapes = json.loads(path.read_text(encoding="utf-8"))
    shapes["features"] = [f for f in shapes["features"] if f["properties"]["name"] != "Bolivia"]
    path.write_text(json.dumps(shapes), encoding="utf-8")
    monkeypatch.setenv("BOLIVIA_US_DATA", str(data_copy))
    with pytest.raises(DatasetError) as info:
        geo.country_shapes()
    assert "outlines missing for Bolivia" in str(info.value)
