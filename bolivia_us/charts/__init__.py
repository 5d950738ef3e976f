"""The report's charts: the house style and one module per family, all under one name.

>>> from bolivia_us import charts
>>> charts.use_house_style()  # doctest: +SKIP
>>> chart = charts.finish(charts.events_timeline(events, eras), title=..., source=..., description=...)  # doctest: +SKIP

``style`` (theme, renderer, ``finish``) · ``encodings`` (colours, shapes, dashes) · ``blocks``
(era bands, event rules, lines, terms) · ``timeline`` · ``people`` · ``aid_and_trade`` · ``coca`` · ``contacts``
· ``opinion`` · ``places`` · ``overview`` · ``explorer``.
"""

from .aid_and_trade import aid_chart, aid_split_chart, counter_narcotics_chart, trade_chart
from .blocks import annotate, era_bands, event_rules, lines_over_time, terms_chart
from .coca import coca_chart
from .contacts import contacts_chart
from .explorer import explorer_chart, widget_explorer
from .opinion import opinion_chart
from .overview import linked_overview
from .people import envoy_journeys, envoys_chart, leaders_chart
from .places import places_map
from .style import PALETTE, WIDTH, finish, use_house_style
from .timeline import events_timeline

__all__ = [
    "PALETTE",
    "WIDTH",
    "aid_chart",
    "aid_split_chart",
    "annotate",
    "coca_chart",
    "contacts_chart",
    "counter_narcotics_chart",
    "envoy_journeys",
    "envoys_chart",
    "era_bands",
    "event_rules",
    "events_timeline",
    "explorer_chart",
    "finish",
    "leaders_chart",
    "lines_over_time",
    "linked_overview",
    "opinion_chart",
    "places_map",
    "terms_chart",
    "trade_chart",
    "use_house_style",
    "widget_explorer",
]
