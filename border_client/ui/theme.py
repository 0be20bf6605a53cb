"""The look: a light, high-contrast palette for bright rooms and one stylesheet for every screen.

Status is never shown by colour alone: every badge also carries a word and a symbol.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["apply_theme", "monospace_font", "OK", "FAIL", "WARN", "NEUTRAL", "ACCENT"]

INK = "#101418"
PAPER = "#ffffff"
PANEL = "#eef1f5"
LINE = "#8a94a3"
ACCENT = "#0b4f8a"
OK = ("#0b5d1e", "#dcf3e2")  # (text, background): contrast ratio > 7:1
FAIL = ("#9b000e", "#fde2e4")
WARN = ("#6b4200", "#fff1cc")
NEUTRAL = ("#3a4350", "#e6e9ee")

STYLESHEET = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QDialog, QWizard {{ background: {PANEL}; }}
QGroupBox {{
    background: {PAPER}; border: 1px solid {LINE}; border-radius: 6px;
    margin-top: 14px; padding: 10px 8px 8px 8px; font-weight: 600;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QSpinBox, QTextEdit {{
    background: {PAPER}; border: 1px solid {LINE}; border-radius: 4px; padding: 4px 6px;
    selection-background-color: {ACCENT}; selection-color: white;
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateEdit:focus, QSpinBox:focus,
QTextEdit:focus {{
    border: 2px solid {ACCENT};
}}
QPushButton {{
    background: {PAPER}; border: 1px solid {LINE}; border-radius: 4px; padding: 6px 14px;
}}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:default, QPushButton[primary="true"] {{
    background: {ACCENT}; color: white; border: 1px solid {ACCENT}; font-weight: 600;
}}
QPushButton:disabled {{ color: #6b7380; background: #e3e6ea; border-color: #c3c8cf; }}
QTabBar::tab {{ padding: 6px 14px; }}
QTabBar::tab:selected {{ font-weight: 600; }}
QHeaderView::section {{
    background: {PANEL}; border: none; border-bottom: 1px solid {LINE}; padding: 4px 6px;
    font-weight: 600;
}}
QTableView {{ background: {PAPER}; gridline-color: #d0d5dc; selection-background-color: {ACCENT};
    selection-color: white; alternate-background-color: #f5f7fa; }}
QListWidget#navigation {{
    background: #1d2733; color: white; border: none; font-size: 11pt; outline: none;
}}
QListWidget#navigation::item {{ padding: 10px 12px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QLabel[role="heading"] {{ font-size: 14pt; font-weight: 700; }}
QLabel[role="hint"] {{ color: #3a4350; }}
QLabel[role="field"] {{ font-weight: 600; }}
QLabel[status="ok"] {{ color: {OK[0]}; background: {OK[1]}; border-radius: 4px; padding: 2px 8px; }}
QLabel[status="fail"] {{ color: {FAIL[0]}; background: {FAIL[1]}; border-radius: 4px;
    padding: 2px 8px; font-weight: 600; }}
QLabel[status="warn"] {{ color: {WARN[0]}; background: {WARN[1]}; border-radius: 4px;
    padding: 2px 8px; }}
QLabel[status="none"] {{ color: {NEUTRAL[0]}; background: {NEUTRAL[1]}; border-radius: 4px;
    padding: 2px 8px; }}
QFrame[banner="ok"] {{ background: {OK[1]}; border: 1px solid {OK[0]}; border-radius: 6px; }}
QFrame[banner="fail"] {{ background: {FAIL[1]}; border: 1px solid {FAIL[0]}; border-radius: 6px; }}
QFrame[banner="warn"] {{ background: {WARN[1]}; border: 1px solid {WARN[0]}; border-radius: 6px; }}
QFrame[banner="none"] {{ background: {NEUTRAL[1]}; border: 1px solid {LINE}; border-radius: 6px; }}
QStatusBar {{ background: {PAPER}; border-top: 1px solid {LINE}; }}
"""


def monospace_font(point_size: int = 13) -> QFont:
    """OCR-B when installed (it is what the MRZ is printed in), else the system fixed font."""
    for family in ("OCR-B", "OCRB", "OCR B", "DejaVu Sans Mono"):
        if family in QFontDatabase.families():
            font = QFont(family, point_size)
            break
    else:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(point_size)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def apply_theme(app: QApplication, base_point_size: int = 11) -> None:
    """Set the style, palette, font and stylesheet once per application."""
    if app.property("borderThemeApplied"):
        return
    app.setProperty("borderThemeApplied", True)
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PANEL))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Base, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f5f7fa"))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.Button, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(INK))
    app.setPalette(palette)
    font = app.font()
    font.setPointSize(base_point_size)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def set_status(widget: object, status: str) -> None:
    """Switch a label or frame's ``status``/``banner`` property and re-polish it."""
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    prop = "banner" if widget.property("banner") is not None else "status"
    widget.setProperty(prop, status)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
