"""The map: Bolivia, its neighbours and the places the report returns to."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .labels import label
from .style import MUTED, PALETTE, TEXT


def places_map(shapes: dict, places: pd.DataFrame) -> alt.LayerChart:
    """Bolivia and its neighbours, with the places the report keeps returning to.

    The view is fitted to Bolivia and the lost coast; Bolivia is shaded darker than its neighbours.
    Each place is a labelled dot whose tooltip says why it matters and where its coordinates come
    from.
    """
    window = {
        "type": "Feature",
        "properties": {},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[-72.5, -8.5], [-56.5, -8.5], [-56.5, -25.5], [-72.5, -25.5], [-72.5, -8.5]]],
        },
    }
    projection = {"type": "mercator", "fit": window}
    outlines = alt.Data(values=shapes["features"])
    countries = (
        alt.Chart(outlines)
        .mark_geoshape(stroke="#ffffff", strokeWidth=0.8, clip=True)
        .encode(
            color=alt.condition("datum.properties.name == 'Bolivia'", alt.value("#c9d9e8"), alt.value("#ececec")),
            tooltip=[alt.Tooltip("properties.name:N", title=label("Country"))],
        )
        .project(**projection)
    )
    data = places[["place", "role", "lat", "lon", "source_title"]].copy()
    # A label goes left of its dot on the coast, or when another place sits just to the east.
    near_east = [
        ((data["lon"] > lon) & (data["lon"] - lon < 0.6) & ((data["lat"] - lat).abs() < 0.6)).any()
        for lon, lat in zip(data["lon"], data["lat"], strict=True)
    ]
    data["west"] = (data["lon"] < -69.5) | pd.Series(near_east, index=data.index)
    # In the east of the map a label would run past its right edge on a phone: it goes under its dot.
    data["below"] = ~data["west"] & (data["lon"] > -64.5)
    dots = (
        alt.Chart(data)
        .mark_circle(size=70, color=PALETTE[5], opacity=0.9)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            tooltip=[
                alt.Tooltip("place:N", title=label("Place")),
                alt.Tooltip("role:N", title=label("Why it matters")),
                alt.Tooltip("source_title:N", title=label("Coordinates from")),
            ],
        )
        .project(**projection)
    )
    east_labels = (
        dots.mark_text(align="left", dx=7, fontSize=11, color=TEXT)
        .encode(text="place:N")
        .transform_filter("!datum.west && !datum.below")
    )
    labels_below = (
        dots.mark_text(align="center", baseline="top", dy=7, fontSize=11, color=TEXT)
        .encode(text="place:N")
        .transform_filter("datum.below")
    )
    west_labels = (
        dots.mark_text(align="right", dx=-7, fontSize=11, color=TEXT)
        .encode(text="place:N")
        .transform_filter("datum.west")
    )
    names = pd.DataFrame(
        {
            "name": ["BOLIVIA", "PERU", "BRAZIL", "CHILE", "ARGENTINA", "PARAGUAY"],
            "lon": [-64.8, -71.3, -59.5, -69.9, -64.5, -58.8],
            "lat": [-13.8, -12.5, -12.5, -19.0, -24.5, -22.5],
        }
    )
    country_names = (
        alt.Chart(names)
        .mark_text(fontSize=11, fontWeight="bold", color=MUTED, opacity=0.8)
        .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
        .project(**projection)
    )
    return alt.layer(countries, country_names, dots, east_labels, west_labels, labels_below).properties(height=460)
