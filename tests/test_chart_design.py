"""Every chart says what colour says in a second way too (position, shape, dash, text or a panel
heading), so a reader who cannot tell the colours apart loses nothing (WCAG 2.1, 1.4.1)."""

import json
import re

from conftest import built_pages

# Channels other than colour that can carry a category: a reader sees them without telling hues apart.
# A filled mark against a hollow one (fillOpacity by a field) is a cue that does not need colour.
NON_COLOUR = {
    "x",
    "y",
    "x2",
    "y2",
    "shape",
    "strokeDash",
    "fillOpacity",
    "text",
    "row",
    "column",
    "facet",
    "xOffset",
    "yOffset",
}
SPEC = re.compile(r'<script type="application/json" class="bolivia-us-spec">(.*?)</script>', re.S)


def _fields(encoding: dict, channel: str) -> set[str]:
    definition = encoding.get(channel)
    if not isinstance(definition, dict):
        return set()
    found = {definition["field"]} if "field" in definition else set()
    conditions = definition.get("condition", [])
    for condition in conditions if isinstance(conditions, list) else [conditions]:
        if isinstance(condition, dict) and "field" in condition:
            found.add(condition["field"])
    return found


def _views(spec: dict, inherited: dict | None = None):
    """(mark type, encoding) of every single view, with the encodings of the layers around it."""
    encoding = {**(inherited or {}), **(spec.get("encoding") or {})}
    if "mark" in spec:
        mark = spec["mark"]
        yield (mark["type"] if isinstance(mark, dict) else mark), encoding
    for layer in spec.get("layer", []):
        yield from _views(layer, encoding)
    if "spec" in spec:
        yield from _views(spec["spec"], encoding)


def _panels(spec: dict):
    """The parts of a chart drawn on one set of axes: a single or layered chart, or each panel of a concatenation."""
    for key in ("vconcat", "hconcat", "concat"):
        if key in spec:
            for part in spec[key]:
                yield from _panels(part)
            return
    yield spec


def colour_only_fields(spec: dict) -> list[tuple[str, str]]:
    """(mark, field) pairs where colour is the only thing that tells a category apart."""
    offenders = []
    for panel in _panels(spec):
        views = list(_views(panel))
        carried = set()
        for mark, encoding in views:
            for channel in NON_COLOUR:
                carried |= _fields(encoding, channel)
            if mark == "text":  # text coloured by a field names what the colour shows
                carried |= _fields(encoding, "color")
        facet = panel.get("facet")
        if isinstance(facet, dict):
            carried |= {v["field"] for v in facet.values() if isinstance(v, dict) and "field" in v}
        for mark, encoding in views:
            offenders += [(mark, f) for f in _fields(encoding, "color") | _fields(encoding, "fill") if f not in carried]
    return offenders


def test_the_check_itself_catches_a_colour_only_chart():
    colour_only = {"mark": "bar", "encoding": {"x": {"field": "year"}, "color": {"field": "account"}}}
    assert colour_only_fields(colour_only) == [("bar", "account")]
    with_shape = {"layer": [colour_only, {"mark": "point", "encoding": {"shape": {"field": "account"}}}]}
    assert colour_only_fields(with_shape) == []


def test_no_chart_in_the_book_tells_categories_apart_by_colour_alone(built_book):
    charts = 0
    for page in built_pages(built_book):
        for raw in SPEC.findall(page.read_text(encoding="utf-8")):
            spec = json.loads(raw.replace("<\\/", "</"))
            charts += 1
            title = (spec.get("usermeta") or {}).get("title", "untitled chart")
            offenders = colour_only_fields(spec)
            assert not offenders, f"{page.name}, '{title}': colour alone carries {sorted(set(offenders))}"
    assert charts >= 30, f"only {charts} charts were found in the built pages"


def _colour_scales(spec: dict):
    """(field, domain, range) of every colour scale with a fixed domain, anywhere in a chart."""
    for panel in _panels(spec):
        for _, encoding in _views(panel):
            colour = encoding.get("color")
            if isinstance(colour, dict) and "field" in colour:
                scale = colour.get("scale") or {}
                if isinstance(scale.get("domain"), list) and isinstance(scale.get("range"), list):
                    yield colour["field"], scale["domain"], scale["range"]
                else:
                    yield colour["field"], None, None


def test_one_event_category_has_one_colour_in_every_chart(built_book):
    """ "Trade" must not be green in one chapter and pink in the next: every chart that colours
    events by category fixes the same colour for each."""
    seen, charts = {}, 0
    for page in built_pages(built_book):
        for raw in SPEC.findall(page.read_text(encoding="utf-8")):
            spec = json.loads(raw.replace("<\\/", "</"))
            title = (spec.get("usermeta") or {}).get("title", "untitled chart")
            for field, domain, colours in _colour_scales(spec):
                if field != "category_label":
                    continue
                charts += 1
                assert domain is not None, f"{page.name}, '{title}': categories coloured in order of appearance"
                for label, colour in zip(domain, colours, strict=False):
                    seen.setdefault(label, {}).setdefault(colour, []).append(f"{page.name}: {title}")
    assert charts >= 7, "every chapter and the overview colour events by category"
    clashes = {label: list(by_colour) for label, by_colour in seen.items() if len(by_colour) > 1}
    assert not clashes, f"categories drawn in more than one colour: {clashes}"
