"""The report's two languages: English (the default) and Spanish.

A notebook of the Spanish edition calls ``language.use("es")`` once, next to
``charts.use_house_style()``; from then on the package speaks Spanish in that kernel: the words of
the vocabulary (categories, ranks, series), the charts' axes, legends and tooltips, the datasets'
text columns that tooltips show (from ``data/translations/``), and every date and number the facts
glue into the prose ("16 de marzo de 1837", "US$ 12,3 millones").

>>> from bolivia_us import language
>>> language.use("es")
>>> language.say("Year", "Año")
'Año'
>>> language.use("en")

One vocabulary holds both languages (:class:`Words`): a word is never kept in two copies.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

LANGUAGES = ("en", "es")
_state = {"language": "en"}


def use(language: str) -> None:
    """Speak ``language`` ("en" or "es") from now on in this kernel."""
    if language not in LANGUAGES:
        raise ValueError(f"the report has no {language!r} edition: choose one of {', '.join(LANGUAGES)}")
    _state["language"] = language


def current() -> str:
    """The language the package speaks now: "en" unless ``use("es")`` was called."""
    return _state["language"]


def say(en: str, es: str) -> str:
    """The same words in the language in use."""
    return es if _state["language"] == "es" else en


class Words(Mapping):
    """Codes and the words a reader sees for them, in both languages:
    ``Words({"aid": ("Aid", "Ayuda")})["aid"]`` is "Aid", or "Ayuda" after ``use("es")``.
    Its values, items and ``dict(words)`` follow the language in use when they are read."""

    def __init__(self, entries: Mapping[str, tuple[str, str]]):
        for code, pair in entries.items():
            if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(w, str) and w for w in pair)):
                raise ValueError(f"the words for {code!r} must be (English, Spanish), not {pair!r}")
        self._entries = dict(entries)

    def __getitem__(self, code: str) -> str:
        en, es = self._entries[code]
        return say(en, es)

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def in_language(self, language: str) -> dict[str, str]:
        """The codes and their words in ``language``, whatever language is in use."""
        index = LANGUAGES.index(language)
        return {code: pair[index] for code, pair in self._entries.items()}

    def code_of(self, word: str) -> str:
        """The code a word (in either language) stands for."""
        for code, pair in self._entries.items():
            if word in pair:
                return code
        raise KeyError(f"no code is called {word!r}")

    def __repr__(self) -> str:
        return f"Words({dict(self)!r})"
