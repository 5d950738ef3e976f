"""Country outlines for the report's map (derived from Natural Earth; see data/geo/SOURCE.md)."""

from __future__ import annotations

import json

from .datasets import DatasetError
from .folder import data_dir

SHAPES_FILE = "geo/bolivia-and-neighbours.geojson"
COUNTRIES = {"068": "Bolivia", "604": "Peru", "152": "Chile", "032": "Argentina", "600": "Paraguay", "076": "Brazil"}


def country_shapes() -> dict:
    """The GeoJSON FeatureCollection of Bolivia and its five neighbours, checked before use."""
    path = data_dir() / SHAPES_FILE
    try:
        shapes = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"{path}: the map's country outlines are missing") from None
    except json.JSONDecodeError as err:
        raise DatasetError(f"{path}: not valid JSON (line {err.lineno}, column {err.colno}): {err.msg}") from None
    features = shapes.get("features") if isinstance(shapes, dict) else None
    if shapes.get("type") != "FeatureCollection" or not isinstance(features, list):
        raise DatasetError(f"{path}: not a GeoJSON FeatureCollection")
    found = {}
    for i, feature in enumerate(features):
        code = (feature.get("properties") or {}).get("iso_numeric")
        kind = (feature.get("geometry") or {}).get("type")
        if code not in COUNTRIES or kind not in ("Polygon", "MultiPolygon"):
            raise DatasetError(f"{path}: feature {i} is not one of the six countries with a polygon outline")
        found[code] = feature
    if set(found) != set(COUNTRIES):
        missing = sorted(COUNTRIES[c] for c in set(COUNTRIES) - set(found))
        raise DatasetError(f"{path}: outlines missing for {', '.join(missing)}")
    return shapes
