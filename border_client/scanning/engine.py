"""The scanner's contract: one result type, one engine protocol, engines by name.

Every way of reading an MRZ from pixels (our own OCR-B reader, PassportEye as a second
opinion, the live camera) returns a :class:`ScanResult`, so the GUI, the CLI and the
benchmarks treat them alike.  Parsing and check digits are never done here: they belong
to :mod:`border_client.domain.mrz`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    import numpy

    from border_client.domain.mrz import MrzDocument

Point = tuple[float, float]

DEFAULT_ENGINE = "builtin"
ENGINE_NAMES = ("builtin", "passporteye")


@dataclass
class ScanResult:
    """What one engine read from one image.

    ``valid`` is True only when every check digit passed *and* no field is uncertain;
    ``uncertain`` names the fields whose characters were not confidently read.
    ``quad`` holds the MRZ's four corners (top-left, top-right, bottom-right, bottom-left)
    in the coordinates of the image that was passed in, or None.
    """

    found: bool
    engine: str
    lines: list[str] = field(default_factory=list)
    document: MrzDocument | None = None
    valid: bool = False
    uncertain: list[str] = field(default_factory=list)
    elapsed_ms: float = 0.0
    error: str | None = None
    quad: list[Point] | None = None

    def to_json(self, path: str | Path | None = None) -> dict[str, Any]:
        """The `border-client mrz scan --json` object for this image (issue 3 contract)."""
        out: dict[str, Any] = {}
        if path is not None:
            out["path"] = str(path)
        out["found"] = self.found
        if self.error is not None and not self.found:
            out["error"] = self.error
            out["engine"] = self.engine
            out["elapsed_ms"] = round(self.elapsed_ms, 2)
            return out
        out["lines"] = list(self.lines)
        out["valid"] = bool(self.valid)
        out["uncertain"] = list(self.uncertain)
        out["elapsed_ms"] = round(self.elapsed_ms, 2)
        out["engine"] = self.engine
        if self.error is not None:
            out["error"] = self.error
        if self.document is not None:
            parsed = self.document.to_dict()
            for key, value in parsed.items():
                # The scan's own verdict wins: a document whose checks pass but whose
                # characters are in doubt is not valid.
                if key in ("valid", "lines"):
                    continue
                out.setdefault(key, value)
        return out


@runtime_checkable
class MrzEngine(Protocol):
    """Anything that reads an MRZ from a BGR or grayscale image."""

    name: str

    def read(self, image: numpy.ndarray) -> ScanResult: ...


_ENGINES: dict[str, MrzEngine] = {}


def get_engine(name: str | None = None) -> MrzEngine:
    """The engine called *name* ("builtin", the default, or "passporteye"); cached."""
    key = (name or DEFAULT_ENGINE).strip().lower()
    engine = _ENGINES.get(key)
    if engine is not None:
        return engine
    if key == "builtin":
        from border_client.scanning.reader import BuiltinEngine

        engine = BuiltinEngine()
    elif key == "passporteye":
        from border_client.scanning.passporteye_engine import PassportEyeEngine

        engine = PassportEyeEngine()
    else:
        raise ValueError(f"unknown MRZ engine {name!r}; choose one of: {', '.join(ENGINE_NAMES)}")
    _ENGINES[key] = engine
    return engine


def scan_file(path: str | Path, engine: MrzEngine | str | None = None) -> ScanResult:
    """Open *path* and read its MRZ.  Never raises for a bad file: the error is in the result.

    ``elapsed_ms`` covers opening the file up to the result, in this process.
    """
    started = time.perf_counter()
    try:
        eng = engine if engine is not None and not isinstance(engine, str) else get_engine(engine)
    except (ValueError, ImportError) as exc:
        return ScanResult(found=False, engine=str(engine), error=str(exc))
    try:
        from border_client.scanning.imageio import load_image

        # An engine that reads luma only gets it straight from the decoder: a JPEG decodes to
        # its luma plane about twice as fast as to BGR.  PassportEye keeps its colour input.
        image = load_image(path, gray=bool(getattr(eng, "reads_gray", False)))
    except Exception as exc:  # noqa: BLE001 - any load failure is reported per image
        return ScanResult(
            found=False,
            engine=eng.name,
            error=str(exc) or f"{path}: could not be read as an image",
            elapsed_ms=(time.perf_counter() - started) * 1000.0,
        )
    try:
        result = eng.read(image)
    except Exception as exc:  # noqa: BLE001 - an engine failure must not stop a batch
        result = ScanResult(found=False, engine=eng.name, error=f"{path}: {type(exc).__name__}: {exc}")
    result.elapsed_ms = (time.perf_counter() - started) * 1000.0
    return result
