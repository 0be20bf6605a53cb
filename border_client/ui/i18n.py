"""Languages: English (source), French (Haiti) and Spanish (Central America) from Qt .qm files.

Installing a translator makes Qt send a ``LanguageChange`` event to every widget; each screen
re-sets its texts in ``retranslate_ui()`` from ``changeEvent``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

__all__ = ["LANGUAGES", "I18N_DIR", "QT_TRANSLATE_NOOP", "LanguageManager", "language_name"]

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
# code -> (name in that language, Qt locale used for dates and numbers)
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "en_US"),
    "fr": ("Français (Haïti)", "fr_HT"),
    "es": ("Español (Centroamérica)", "es_GT"),
}
DEFAULT_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``source`` for translation in ``context`` and return it unchanged.

    PySide6's own marker is typed as returning ``object``; this one is typed ``str`` so the
    marked tables type-check. lupdate finds the strings by this name either way.
    """
    return source


def language_name(code: str) -> str:
    return LANGUAGES.get(code, (code, ""))[0]


class LanguageManager(QObject):
    """Owns the application's translators and switches them at run time."""

    languageChanged = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours = QTranslator(self)
        self._qt = QTranslator(self)  # Qt's own strings (standard buttons, dialogs)
        self._installed = False
        self.language = DEFAULT_LANGUAGE

    def set_language(self, code: str) -> bool:
        """Switch to *code*; False (and English kept) when its .qm file is missing."""
        if code not in LANGUAGES:
            log.warning("unknown language %r, keeping %s", code, self.language)
            return False
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("set_language needs a QApplication")
        if self._installed:
            app.removeTranslator(self._ours)
            app.removeTranslator(self._qt)
            self._installed = False
        ok = True
        if code != "en":
            qm = I18N_DIR / f"{code}.qm"
            if not self._ours.load(str(qm)):
                log.error("translation %s not found or unreadable (run `make` to build it)", qm)
                ok = False
                code = "en"
            else:
                qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
                self._qt.load(QLocale(LANGUAGES[code][1]), "qtbase", "_", qt_dir)
                app.installTranslator(self._qt)
                app.installTranslator(self._ours)
                self._installed = True
        self.language = code
        QLocale.setDefault(QLocale(LANGUAGES[code][1]))
        self.languageChanged.emit(code)
        return ok
