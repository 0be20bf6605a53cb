"""The post's desktop user interface (PySide6): screens, table models, background tasks."""
