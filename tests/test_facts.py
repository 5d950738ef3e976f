"""The facts layer: every number and date a chapter's prose states is computed by a named function
in ``bolivia_us.facts``, glued by a glue cell of a few lines, and used by the prose."""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from bolivia_us import facts, load_dataset
from bolivia_us.facts import confederation, drug_policy, lookups, present, tin_oil_war
from bolivia_us.facts.wording import long_date, number_in_words

ROOT = Path(__file__).resolve().parent.parent
PROSE_NAME = re.compile(r"\{eval\}`glued\.([A-Za-z_][A-Za-z0-9_]*)`")
GLUED_IN_CODE = re.compile(r"""\bglue\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']""")


def cells(stem: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]


@pytest.fixture(scope="module")
def chapter_facts() -> dict[str, dict]:
    return {stem: module.chapter_facts() for stem, module in facts.CHAPTERS.items()}


@pytest.mark.parametrize("stem", list(facts.CHAPTERS))
def test_the_prose_states_every_fact_and_every_glued_name_is_computed(stem, chapter_facts):
    text = "".join("".join(c["source"]) for c in cells(stem) if c["cell_type"] == "markdown")
    in_prose = set(PROSE_NAME.findall(text))
    code = "".join("".join(c["source"]) for c in cells(stem) if c["cell_type"] == "code")
    glued_elsewhere = set(GLUED_IN_CODE.findall(code))
    computed = set(chapter_facts[stem])
    assert not in_prose - computed - glued_elsewhere, f"the prose reads names nobody glues: {in_prose - computed}"
    assert not computed - in_prose, f"facts computed but never stated: {sorted(computed - in_prose)}"


@pytest.mark.parametrize("stem", list(facts.CHAPTERS))
def test_a_chapters_glue_cell_is_a_few_readable_lines(stem):
    glue_cells = [
        "".join(c["source"])
        for c in cells(stem)
        if c["cell_type"] == "code" and "chapter_facts()" in "".join(c["source"])
    ]
    assert len(glue_cells) == 1, "one cell glues the chapter's facts"
    lines = glue_cells[0].splitlines()
    assert len(lines) <= 5 and max(map(len, lines)) <= 100, glue_cells[0]


@pytest.mark.parametrize("module", list(facts.CHAPTERS.values()), ids=list(facts.CHAPTERS))
def test_no_id_or_name_is_typed_twice_in_a_chapters_facts(module):
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    ids = [s for s in strings if re.fullmatch(r"(us|bo)-\d{4}-[a-z0-9-]+|\d{4}-[a-z0-9-]+[a-z]", s)]
    names = [s for s in strings if re.fullmatch(r"[A-ZÁÉÍÓÚ][\wáéíóúñ]+( [A-ZÁÉÍÓÚ][\wáéíóúñ]+)+", s)]
    repeated = [s for s, n in Counter(ids + names).items() if n > 1]
    assert not repeated, f"typed more than once (name it once, as a constant): {repeated}"


def test_no_fact_is_pulled_out_of_free_text():
    # A date read with a regular expression from a note broke silently when the note was reworded;
    # a date the prose needs is a column of its own (envoys.left_post).
    for path in (ROOT / "bolivia_us" / "facts").glob("*.py"):
        assert not re.search(r"^import re$|re\.search", path.read_text(encoding="utf-8"), re.M), path.name
    boal = load_dataset("envoys").set_index("envoy_id").loc["us-1942-boal"]
    assert tin_oil_war.chapter_facts()["boal_left"] == long_date(boal["left_post"]) == "5 February 1944"


def test_the_median_wait_counts_only_dates_known_to_the_day():
    envoys = pd.DataFrame(
        {
            "appointed": ["1848-01-01", "1850-03", "1860-01-01", "1870-01-01"],
            "credentials_presented": ["1848-01-11", "1850-06-01", "1860-01-31", "1870"],
        }
    )
    assert confederation.median_wait_days(envoys) == 20  # 10 and 30 days; the other two are not to the day


def test_deaths_in_office_are_read_from_the_end_note():
    envoys = pd.DataFrame({"end_note": ["died at post", None, "recalled", "Died in La Paz"]})
    assert confederation.died_in_office(envoys) == 1  # the note says "died"; capitalised notes are not counted
    assert number_in_words(3) == "three" and number_in_words(12) == 12


def test_a_lookup_that_is_not_one_row_says_so():
    with pytest.raises(LookupError, match=r"leaders: 3 rows for 'Víctor Paz Estenssoro'"):
        lookups.president("Víctor Paz Estenssoro")  # three main terms: which one must be said
    with pytest.raises(LookupError, match=r"did you mean \['1952-mnr-revolution'\]"):
        lookups.event_dates(["1952-mnr-revolutoin"])
    with pytest.raises(LookupError, match=r"coca_limits: 3 rows for a law named 'Law 906'"):
        drug_policy.legal_limit("Law 906")
    assert drug_policy.legal_limit("Law 906", "national")["hectares"] == 22000


def test_years_without_an_ambassador_run_to_the_latest_event(chapter_facts):
    goldberg_left = pd.Timestamp(lookups.envoy(present.LAST_AMBASSADOR)["mission_ended"])
    events = load_dataset("events")
    latest = pd.Timestamp(events.loc[events["era"] == "present", "date"].max())
    assert present.years_without_ambassador() == pytest.approx((latest - goldberg_left).days / 365.25)
    assert chapter_facts["06-present"]["c06_years_no_ambassador"] == f"{(latest - goldberg_left).days / 365.25:.1f}"


def test_every_contact_lies_inside_its_official_series_or_names_another_source():
    from bolivia_us.data.datasets import resource

    covers = resource("contacts")["x-official-series"]["covers"]
    contacts = load_dataset("contacts")
    for row in contacts.itertuples():
        span = covers.get(row.level)
        if row.record == "office-of-the-historian":
            assert span and span["from"] <= row.start_date <= span["to"], row.contact_id
            assert row.source_url.startswith("https://history.state.gov/") and row.record_id, row.contact_id
        else:
            assert not row.source_url.startswith("https://history.state.gov/"), row.contact_id
            assert span is None or row.start_date > span["to"], f"{row.contact_id} stands in for the official series"


def test_the_present_chapter_says_when_the_last_visits_were_from_the_data(chapter_facts):
    contacts = load_dataset("contacts")
    to_bolivia = contacts[(contacts["direction"] == "to-bolivia") & (contacts["level"] == "secretary-of-state")]
    secretary = to_bolivia.sort_values("start_date").iloc[-1]
    to_us = contacts[
        (contacts["direction"] == "to-united-states") & contacts["level"].isin(["head-of-state", "head-of-state-elect"])
    ]
    bolivian = to_us.sort_values("start_date").iloc[-1]
    facts_06 = chapter_facts["06-present"]
    assert facts_06["last_secretary_in_bolivia"] == secretary["person"]
    assert facts_06["last_secretary_in_bolivia_date"] == long_date(secretary["start_date"])
    assert facts_06["last_bolivian_president_in_us_date"] == long_date(bolivian["start_date"])
    presidents = ((contacts["direction"] == "to-bolivia") & (contacts["level"] == "head-of-state")).sum()
    assert facts_06["us_president_trips_to_bolivia"] == (
        "no trip" if presidents == 0 else facts_06["us_president_trips_to_bolivia"]
    )
    text = "".join("".join(c["source"]) for c in cells("06-present") if c["cell_type"] == "markdown")
    for name in (
        "last_secretary_in_bolivia",
        "last_secretary_in_bolivia_date",
        "last_bolivian_president_in_us_date",
        "us_president_trips_to_bolivia",
    ):
        assert f"{{eval}}`glued.{name}`" in text, name
