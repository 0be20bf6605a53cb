"""border_client.domain stays pure Python: no Qt, SQL, HTTP or OpenCV."""

from __future__ import annotations

import ast
from pathlib import Path

import border_client.domain

FORBIDDEN = (
    "PySide6",
    "sqlalchemy",
    "sqlite3",
    "sqlcipher3",
    "requests",
    "httpx",
    "cv2",
    "fastapi",
    "border_client.storage",
    "border_client.services",
    "border_client.ui",
    "border_client.scanning",
    "border_client.sync",
)


def test_domain_imports_no_framework() -> None:
    root = Path(border_client.domain.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
    assert len(list(root.glob("*.py"))) >= 5
