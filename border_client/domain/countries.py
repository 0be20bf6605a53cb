"""Issuing states and nationalities: ISO 3166-1 alpha-3 plus ICAO Doc 9303's own codes."""

from __future__ import annotations

from functools import lru_cache

import pycountry

__all__ = ["ICAO_SPECIAL_CODES", "country_name", "is_known_code", "all_codes"]

# Codes ICAO Doc 9303 Part 3 adds to (or uses instead of) ISO 3166-1 alpha-3.
ICAO_SPECIAL_CODES: dict[str, str] = {
    "D": "Germany",
    "GBD": "British Overseas Territories Citizen",
    "GBN": "British National (Overseas)",
    "GBO": "British Overseas Citizen",
    "GBP": "British Protected Person",
    "GBS": "British Subject",
    "UNO": "United Nations Organization (official)",
    "UNA": "United Nations specialized agency (official)",
    "UNK": "Resident of Kosovo (UNMIK)",
    "RKS": "Kosovo",
    "XXA": "Stateless person",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other)",
    "XXX": "Unspecified nationality",
    "EUE": "European Union",
    "XBA": "African Development Bank",
    "XIM": "African Export-Import Bank",
    "XCC": "Caribbean Community (CARICOM)",
    "XCE": "Council of Europe",
    "XCO": "Common Market for Eastern and Southern Africa",
    "XEC": "Economic Community of West African States",
    "XES": "Organisation of Eastern Caribbean States",
    "XMP": "Parliamentary Assembly of the Mediterranean",
    "XOM": "Sovereign Military Order of Malta",
    "XDC": "Southern African Development Community",
    "XPO": "INTERPOL",
}


@lru_cache(maxsize=1)
def _iso_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        names[country.alpha_3] = getattr(country, "common_name", None) or country.name
    return names


def country_name(code: str) -> str | None:
    """Display name for an MRZ state code ('<' fillers ignored), or None when unknown."""
    key = code.replace("<", "").strip().upper()
    if not key:
        return None
    return ICAO_SPECIAL_CODES.get(key) or _iso_names().get(key)


def is_known_code(code: str) -> bool:
    return country_name(code) is not None


def all_codes() -> dict[str, str]:
    """Every known code with its display name, for pickers and filters."""
    merged = dict(_iso_names())
    merged.update(ICAO_SPECIAL_CODES)
    return dict(sorted(merged.items()))
