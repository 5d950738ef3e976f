"""Every dataset loads, validates against data/datapackage.json, and names its sources."""

import pytest

from bolivia_us import as_of, data_dir, dataset_names, dataset_path, load_dataset, package

NAMES = dataset_names()


def test_every_csv_in_data_is_described_and_every_description_has_a_file():
    described = {dataset_path(n).name for n in NAMES}
    on_disk = {p.name for p in data_dir().glob("*.csv")}
    assert described == on_disk


def test_descriptor_is_a_tabular_data_package_with_licences_and_as_of():
    pkg = package()
    assert pkg["profile"] == "tabular-data-package"
    assert pkg["licenses"], "the package states its licence"
    assert as_of().isoformat() == pkg["as_of"]
    for res in pkg["resources"]:
        assert res["profile"] == "tabular-data-resource", res["name"]
        assert res["schema"]["fields"], res["name"]
        assert "primaryKey" in res["schema"], f"{res['name']} has no primary key"


@pytest.mark.parametrize("name", NAMES)
def test_dataset_loads_and_validates(name):
    frame = load_dataset(name)
    assert len(frame) > 0
    fields = [f["name"] for f in package()["resources"][NAMES.index(name)]["schema"]["fields"]]
    assert list(frame.columns) == fields


@pytest.mark.parametrize("name", [n for n in NAMES if n != "eras"])
def test_every_row_names_its_source(name):
    frame = load_dataset(name)
    assert frame["source_url"].notna().all()
    assert frame["source_url"].str.match(r"https?://").all()
    assert (frame["source_title"].str.len() > 5).all()


def test_events_fall_inside_their_era_and_not_after_as_of():
    events = load_dataset("events")
    eras = load_dataset("eras").set_index("era_id")
    years = events["date"].str[:4].astype(int)
    assert (years <= as_of().year).all()
    for era, year in zip(events["era"], years, strict=False):
        assert eras.loc[era, "start_year"] <= year <= eras.loc[era, "end_year"]


def test_eras_cover_the_whole_period_without_holes():
    eras = load_dataset("eras")
    for prev_end, start in zip(eras["end_year"][:-1], eras["start_year"][1:], strict=False):
        assert start - prev_end in (0, 1), "eras follow one another"
    assert eras["start_year"].min() == 1836
    assert eras["end_year"].max() == as_of().year


def test_loading_returns_a_fresh_copy_each_time():
    a = load_dataset("events")
    a.loc[0, "title"] = "changed by a student"
    assert load_dataset("events").loc[0, "title"] != "changed by a student"
