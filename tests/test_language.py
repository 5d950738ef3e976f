"""The Spanish edition speaks Spanish from the package down: dates, numbers, the vocabulary and
every word a chart writes itself; the English edition is unchanged."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bolivia_us import language
from bolivia_us.language import Words, formats


@pytest.fixture
def spanish():
    language.use("es")
    yield
    language.use("en")


def test_dates_and_numbers_as_each_edition_writes_them(spanish):
    from bolivia_us.facts.wording import count_of, hectares, long_date, usd_millions

    assert long_date("1837-03-16") == "16 de marzo de 1837"
    assert long_date("2009-08") == "agosto de 2009"
    assert long_date("1941") == "1941"
    assert usd_millions(12_345_678) == "US$ 12,3 millones"
    assert usd_millions(1_234_000_000) == "US$ 1,2 mil millones"
    assert hectares(22000) == "22.000"
    assert [count_of(n, "trip") for n in (0, 1, 4)] == ["ningún viaje", "un viaje", "cuatro viajes"]
    language.use("en")
    assert long_date("1837-03-16") == "16 March 1837"
    assert usd_millions(12_345_678) == "$12.3 million"
    assert hectares(22000) == "22,000"
    assert [count_of(n, "trip") for n in (0, 1, 4)] == ["no trip", "one trip", "four trips"]


def test_a_language_the_report_has_not_is_refused():
    with pytest.raises(ValueError, match="no 'fr' edition"):
        language.use("fr")


def test_one_vocabulary_answers_in_the_language_in_use(spanish):
    from bolivia_us.data import vocabulary

    words = [v for v in vars(vocabulary).values() if isinstance(v, Words)]
    assert len(words) >= 10
    for mapping in words:
        assert list(mapping.values()) == list(mapping.in_language("es").values())
    assert vocabulary.CATEGORY_LABELS["drugs"] == "Drogas"
    with pytest.raises(ValueError, match="must be"):
        Words({"x": ("only English",)})


def _titles(spec) -> list[str]:
    """Every title a chart spec writes itself: axes, legends, tooltips, controls."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "name") and isinstance(value, str):
                found.append(value)
            elif key == "labels" and isinstance(value, list):
                found.append(value[0]) if value and isinstance(value[0], str) else None
            else:
                found += _titles(value)
    elif isinstance(spec, list):
        for item in spec:
            found += _titles(item)
    return found


def _every_chart():
    from bolivia_us import charts, load_dataset
    from bolivia_us.frames.money import in_constant_dollars

    events, eras = load_dataset("events"), load_dataset("eras")
    aid = in_constant_dollars(
        load_dataset("aid"), ["total_obligations", "economic_obligations", "military_obligations"]
    )
    return {
        "timeline": charts.events_timeline(events, eras),
        "envoys": charts.envoys_chart(load_dataset("envoys"), "2026-12-01"),
        "leaders": charts.leaders_chart(load_dataset("leaders"), "2026-12-01"),
        "journeys": charts.envoy_journeys(load_dataset("envoys")),
        "trade": charts.trade_chart(load_dataset("trade")),
        "aid": charts.aid_chart(aid),
        "aid split": charts.aid_split_chart(aid),
        "coca": charts.coca_chart(load_dataset("coca"), load_dataset("coca_limits")),
        "contacts": charts.contacts_chart(load_dataset("contacts"), "2024-12-31"),
        "opinion": charts.opinion_chart(load_dataset("opinion")),
    }


def test_every_word_a_chart_writes_itself_is_spanish_in_the_spanish_edition(spanish):
    from bolivia_us.charts.labels import SPANISH

    english = set(SPANISH) - set(SPANISH.values())
    for name, chart in _every_chart().items():
        spec = json.loads(chart.to_json(validate=False))
        left = sorted({t for t in _titles(spec) if t in english})
        assert not left, f"the {name} chart still says {left} in the Spanish edition"


def test_spanish_charts_print_numbers_and_months_in_spanish(spanish):
    from bolivia_us import charts

    charts.use_house_style()
    spec = _every_chart()["trade"].to_dict(validate=False)
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["time"]["months"][0] == "enero"
    language.use("en")
    assert "locale" not in _every_chart()["trade"].to_dict(validate=False)["config"]


def test_a_chart_word_without_spanish_stops_the_chart(spanish):
    from bolivia_us.charts.labels import label

    with pytest.raises(KeyError, match="labels.py"):
        label("A word nobody translated")
    assert formats.number(1234.5, 1) == "1.234,5"
    assert formats.day_month_year(dt.date(2025, 11, 8)) == "8 de noviembre de 2025"
