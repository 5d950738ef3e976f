"""The facts the prose states: numbers and dates computed from the datasets by named functions and
worded for a sentence, so that a chapter's glue cell only glues them.

* ``wording``: dates and amounts in words ('13 October 2006', '$12.3 million');
* ``lookups``: one row of a dataset by what the prose calls it (an event, an envoy, a president);
* one module per chapter (``confederation``, ``tin_oil_war``, ``revolution_cold_war``,
  ``drug_policy``, ``morales_rupture``, ``present``), each with ``chapter_facts()``: every value
  its text glues, by name.

>>> from bolivia_us import facts, glue
>>> for name, value in facts.confederation.chapter_facts().items():  # doctest: +SKIP
...     glue(name, value)
"""

from . import confederation, drug_policy, morales_rupture, present, revolution_cold_war, tin_oil_war

CHAPTERS = {
    "01-confederation": confederation,
    "02-tin-oil-war": tin_oil_war,
    "03-revolution-cold-war": revolution_cold_war,
    "04-drug-policy": drug_policy,
    "05-morales-rupture": morales_rupture,
    "06-present": present,
}
__all__ = ["CHAPTERS", *sorted(m.__name__.rsplit(".", 1)[1] for m in CHAPTERS.values())]
