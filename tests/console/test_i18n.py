"""Every string the console shows exists in French and Spanish, placeholders intact."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from sync_server.console import i18n

CONSOLE = Path(i18n.__file__).resolve().parent
# _("...") or N_("...") in templates and code, with adjacent string literals joined.
_CALL = re.compile(r"""(?<![A-Za-z0-9_])N?_\(\s*((?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*)+)""")
_LITERAL = re.compile(r""""((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'""")


def source_messages() -> list[str]:
    found: list[str] = []
    files = sorted(CONSOLE.glob("templates/*.html")) + sorted(CONSOLE.glob("*.py"))
    for f in files:
        for call in _CALL.finditer(f.read_text(encoding="utf-8")):
            text = "".join(
                (a or b).replace("\\'", "'").replace('\\"', '"') for a, b in _LITERAL.findall(call.group(1))
            )
            if text and text not in found:
                found.append(text)
    return found


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_the_extractor_finds_the_strings() -> None:
    messages = source_messages()
    assert "Log in" in messages and "active" in messages
    assert len(messages) > 150


@pytest.mark.parametrize("lang", [code for code in i18n.LANGUAGES if code != "en"])
def test_catalog_is_complete_and_keeps_placeholders(lang: str) -> None:
    catalog = i18n.catalog(lang)
    missing = [m for m in source_messages() if not catalog.get(m)]
    assert not missing, f"{lang}: {len(missing)} untranslated, e.g. {missing[:5]}"
    for source, translated in catalog.items():
        assert _fields(source) == _fields(translated), (lang, source, translated)


def test_negotiation() -> None:
    assert i18n.negotiate("fr-HT,fr;q=0.9,en;q=0.8") == "fr"
    assert i18n.negotiate("de-DE,es;q=0.5") == "es"
    assert i18n.negotiate("de") == "en"
    assert i18n.negotiate(None) == "en"
    assert i18n.translator("fr")("Log in") != "Log in"
