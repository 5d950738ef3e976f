"""The words the charts write themselves (axis, legend and tooltip titles, control names), in
both editions' languages. ``label("Source")`` is "Source", or "Fuente" after
``language.use("es")``; a chart word missing here stops the chart with a KeyError, so no English
word slips into a Spanish chart unnoticed."""

from __future__ import annotations

from ..language import current

SPANISH = {
    "Account": "Cuenta",
    "All accounts": "Todas las cuentas",
    "All accounts, million USD": "Todas las cuentas, millones de USD",
    "All eras": "Todas las épocas",
    "Answer": "Respuesta",
    "Appointed": "Nombrado",
    "Assistance": "Asistencia",
    "Category": "Categoría",
    "Coca, estimated by": "Coca, estimada por",
    "Coordinates from": "Coordenadas de",
    "Country": "País",
    "Date": "Fecha",
    "Days from appointment to reception": "Días del nombramiento a la recepción",
    "Drag across the timeline to pick years": "Arrastre sobre la línea para elegir años",
    "Envoy": "Enviado",
    "Era": "Época",
    "Era: ": "Época: ",
    "Estimate by": "Estimación de",
    "Event": "Acontecimiento",
    "Exact, lower bound or approximate": "Exacta, cota inferior o aproximada",
    "Fiscal year": "Año fiscal",
    "Flow (source)": "Flujo (fuente)",
    "From": "Desde",
    "Hectares": "Hectáreas",
    "How it ended": "Cómo terminó",
    "Kind": "Tipo",
    "Legal limit": "Límite legal",
    "Measures": "Mide",
    "Million current USD": "Millones de USD corrientes",
    "Million U.S. dollars": "Millones de dólares estadounidenses",
    "Million USD": "Millones de USD",
    "Mission ended": "Fin de la misión",
    "Name": "Nombre",
    "Office": "Cargo",
    "Official series end": "Fin de la serie oficial",
    "Per cent": "Por ciento",
    "Per cent of respondents": "Por ciento de los encuestados",
    "Place": "Lugar",
    "Pollster": "Encuestadora",
    "Question": "Pregunta",
    "Received": "Recibido",
    "Source": "Fuente",
    "To": "Hasta",
    "Trade": "Comercio de EE. UU.",
    "Aid, by source": "Ayuda, por fuente",
    "Until": "Hasta",
    "What happened": "Qué ocurrió",
    "Where": "Dónde",
    "Who": "Quién",
    "Why it matters": "Por qué importa",
    "Year": "Año",
    "series": "serie",
    # field names a tooltip used to show as they are (so the English edition's tooltips read the same)
    "date": "fecha",
    "unit": "unidad",
    "year": "año",
    "value": "valor",
    "source_title": "fuente",
}


def label(english: str) -> str:
    """A chart word in the language in use."""
    if current() == "en":
        return english
    try:
        return SPANISH[english]
    except KeyError:
        raise KeyError(f"no Spanish for the chart word {english!r}: add it to bolivia_us/charts/labels.py") from None


def million_dollars_of(base: int) -> str:
    """The axis title of constant dollars: 'Million 2024 U.S. dollars'."""
    return f"Millones de dólares estadounidenses de {base}" if current() == "es" else f"Million {base} U.S. dollars"
