"""The console's languages: English source strings, French and Spanish catalogs (JSON per language).

Catalogs map the English text to its translation; a missing entry falls back to English and is
caught by the catalog-completeness test, which extracts every ``_("...")`` from templates and code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français", "es": "Español"}
DEFAULT_LANGUAGE = "en"
_CATALOG_DIR = Path(__file__).resolve().parent / "i18n"


@cache
def catalog(lang: str) -> dict[str, str]:
    if lang == DEFAULT_LANGUAGE or lang not in LANGUAGES:
        return {}
    path = _CATALOG_DIR / f"{lang}.json"
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def translator(lang: str) -> Callable[..., str]:
    messages = catalog(lang)

    def _(text: str, **values: object) -> str:
        translated = messages.get(text) or text
        return translated.format(**values) if values else translated

    return _


def negotiate(accept_language: str | None) -> str:
    """Pick a supported language from an Accept-Language header (quality values honoured)."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    choices: list[tuple[float, str]] = []
    for part in accept_language.split(","):
        piece = part.strip()
        if not piece:
            continue
        tag, _sep, params = piece.partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        choices.append((quality, tag.strip().lower()[:2]))
    for _quality, code in sorted(choices, key=lambda c: -c[0]):
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
