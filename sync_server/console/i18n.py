"""The console's languages: English source strings, French and Spanish catalogs (JSON per language).

Catalogs map the English text to its translation; a missing entry falls back to English and is
caught by the catalog-completeness test, which extracts every translated call from templates and code.
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


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Mark a string for the catalogs where it is defined; it is translated where shown."""
    return text


class TranslatableError(ValueError):
    """An error whose message the console shows in the user's language.

    ``str(exc)`` is the English text (for logs, the CLI and the API); pages show
    ``_(exc.template, **exc.values)``.
    """

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template.format(**values) if values else template)
        self.template = template
        self.values = values

    def translated(self, _: Callable[..., str]) -> str:
        return _(self.template, **self.values)


# Strings the templates translate from data (statuses, directions, roles, page titles).
DYNAMIC_MESSAGES = (
    N_("active"),
    N_("revoked"),
    N_("entry"),
    N_("exit"),
    N_("analyst"),
    N_("admin"),
    N_("all"),
    N_("pending"),
    N_("allowed"),
    N_("refused"),
    N_("referred"),
    N_("document"),
    N_("person"),
    N_("land"),
    N_("sea"),
    N_("air"),
    N_("Posts"),
    N_("Flows"),
    N_("Travelers"),
    N_("Matching and overstays"),
    N_("Alerts"),
    N_("Watchlists"),
    N_("Quarantine"),
    N_("Audit"),
    N_("Users"),
    N_("Request refused"),
    N_("Not allowed"),
    N_("Not found"),
    N_(
        "This form was not sent from a page of this console session (its security token is "
        "missing or out of date). Reload the page and try again."
    ),
    N_("This needs an administrator account."),
    N_("There is no such device."),
    N_("No crossings are recorded for this traveler."),
)


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
