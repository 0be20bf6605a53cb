"""PassportEye (Boone's MRZ locator + tesseract) behind the MrzEngine interface, as a second opinion.

PassportEye is what most people would reach for; we keep it for comparison in the benchmark
and as a fallback reader.  Its own validity verdict is not trusted: the lines it read are
parsed by :func:`border_client.domain.mrz.parse_mrz` so the check-digit rules are the same as
for our engine, and patterns that check digits cannot see (a '<' filler read as K, C or S,
mostly in names and padding) mark the field uncertain, which keeps the document from being
reported valid.  tesseract runs with one thread (``OMP_THREAD_LIMIT=1``): with its default
threading it is several times slower on a shared 2-core post PC.
"""

from __future__ import annotations

import os
import re
import time
import warnings
from typing import Any

import numpy as np

from border_client.domain.mrz import FIELD_LAYOUTS, MrzError, MrzFormat, parse_mrz
from border_client.scanning.engine import Point, ScanResult

__all__ = ["PassportEyeEngine", "filler_doubts"]

# PassportEye 2.2.2 calls scikit-image APIs deprecated in 0.25; the warning on every image
# would bury the CLI's output and says nothing an operator can act on.
warnings.filterwarnings("ignore", category=FutureWarning, module=r"passporteye(\.|$)")

# Characters that OCR confuses with the '<' filler (K and '<' also weigh the same mod 10).
_FILLER_LOOKALIKES = "KCSX"
_LOOKALIKE_RUN_AT_END = re.compile(r"[KCS]{3,}<*$")
_LOOKALIKE_AFTER_FILLER = re.compile(rf"<[{_FILLER_LOOKALIKES}<]*[{_FILLER_LOOKALIKES}]")


def filler_doubts(field: str, kind: str) -> bool:
    """True when *field* shows the usual signs of a '<' filler misread as a letter.

    For a name: any letter after the padding has begun (the second '<<' after the
    surname separator), or a one-letter name part that is itself a filler look-alike.
    For data fields: look-alike letters inside the trailing padding, or a run of three or
    more look-alikes at the end, which keeps a check digit's sum (K - '<' = 20).
    """
    if kind == "name":
        if _LOOKALIKE_RUN_AT_END.search(field):
            return True  # "ANNAKKKKKKKK": padding read as letters, no separator left
        primary, sep, rest = field.partition("<<")
        if sep:
            given, pad_sep, padding = rest.partition("<<")
            if pad_sep and padding.strip("<"):
                return True
            parts = [p for p in given.split("<") if p]
        else:
            parts = []
        parts += [p for p in primary.split("<") if p]
        return any(len(p) == 1 and p in _FILLER_LOOKALIKES for p in parts)
    body = field.rstrip("<")
    if _LOOKALIKE_RUN_AT_END.search(field):
        return True
    # letters after a filler inside the field: "AB12<<K<" - real data is left-aligned
    tail = body[body.find("<") :] if "<" in body else ""
    return bool(tail and _LOOKALIKE_AFTER_FILLER.search(tail))


def _order_quad(points: np.ndarray) -> list[Point]:
    """Corners as top-left, top-right, bottom-right, bottom-left in image (x, y)."""
    pts = np.asarray(points, dtype=np.float64).reshape(4, 2)
    s = pts.sum(axis=1)
    d = pts[:, 1] - pts[:, 0]
    tl, br = pts[int(np.argmin(s))], pts[int(np.argmax(s))]
    tr, bl = pts[int(np.argmin(d))], pts[int(np.argmax(d))]
    return [(float(p[0]), float(p[1])) for p in (tl, tr, br, bl)]


def _to_gray_float(image: np.ndarray) -> np.ndarray:
    """What PassportEye's loader produces: 2-D float64 in [0, 1] (skimage's rgb2gray weights)."""
    arr = np.asarray(image)
    if arr.ndim == 3 and arr.shape[2] == 4:
        arr = arr[:, :, :3]
    if arr.ndim == 3 and arr.shape[2] == 3:
        b, g, r = arr[:, :, 0], arr[:, :, 1], arr[:, :, 2]
        gray = 0.2125 * r.astype(np.float64) + 0.7154 * g + 0.0721 * b
    elif arr.ndim == 3 and arr.shape[2] == 1:
        gray = arr[:, :, 0].astype(np.float64)
    elif arr.ndim == 2:
        gray = arr.astype(np.float64)
    else:
        raise ValueError(f"expected a BGR or grayscale image, got an array of shape {arr.shape}")
    if arr.dtype == np.uint16:
        gray = gray / 65535.0
    elif not (arr.dtype.kind == "f" and gray.size and float(np.nanmax(gray)) <= 1.0):
        gray = gray / 255.0
    # Rounding can leave 1.0000000000000002, and PassportEye's OCR step only converts floats
    # that lie within [0, 1] to 8 bits before writing its BMP.
    return np.clip(np.nan_to_num(gray), 0.0, 1.0)


class _ArrayLoader:
    """A PassportEye pipeline component that provides 'img' from memory instead of a file."""

    __depends__: list[str] = []
    __provides__ = ["img"]

    def __init__(self, img: np.ndarray) -> None:
        self.img = img

    def __call__(self) -> np.ndarray:
        return self.img


class PassportEyeEngine:
    """The PassportEye 2.x pipeline on an in-memory image; results judged by our domain rules."""

    name = "passporteye"

    def __init__(self, extra_tesseract_params: str = "") -> None:
        # tesseract is a subprocess and inherits this; an operator's explicit value is kept.
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        self.extra_tesseract_params = extra_tesseract_params

    def read(self, image: np.ndarray) -> ScanResult:
        started = time.perf_counter()
        try:
            result = self._read(image)
        except Exception as exc:  # noqa: BLE001 - the engine contract: never raise on bad input
            result = ScanResult(found=False, engine=self.name, error=f"{type(exc).__name__}: {exc}")
        result.elapsed_ms = (time.perf_counter() - started) * 1000.0
        return result

    def _read(self, image: np.ndarray) -> ScanResult:
        if not isinstance(image, np.ndarray) or image.size == 0 or min(image.shape[:2]) < 8:
            shape = getattr(image, "shape", None)
            return ScanResult(found=False, engine=self.name, error=f"no image to read ({shape})")
        from passporteye.mrz.image import MRZPipeline
        from passporteye.mrz.text import MRZOCRCleaner

        pipeline: Any = MRZPipeline(None, self.extra_tesseract_params)
        pipeline.replace_component("loader", _ArrayLoader(_to_gray_float(image)))
        mrz = pipeline.result
        if mrz is None or pipeline["text"] is None:
            return ScanResult(found=False, engine=self.name)

        quad = self._quad(pipeline)
        lines = MRZOCRCleaner.apply(pipeline["text"])
        try:
            document = parse_mrz(lines)
        except MrzError as exc:
            # A zone was found but what tesseract read is not an MRZ of any layout.
            return ScanResult(
                found=True,
                engine=self.name,
                lines=list(lines),
                quad=quad,
                uncertain=["mrz"],
                error=f"unreadable MRZ: {exc}",
            )
        uncertain = self._uncertain(document.format, list(document.lines), document.failed_checks)
        return ScanResult(
            found=True,
            engine=self.name,
            lines=list(document.lines),
            document=document,
            valid=document.valid and not uncertain,
            uncertain=uncertain,
            quad=quad,
        )

    @staticmethod
    def _uncertain(fmt: MrzFormat, lines: list[str], failed_checks: tuple[str, ...]) -> list[str]:
        names = {"composite": "composite_check"}
        out = [names.get(check, check) for check in failed_checks]
        layout = FIELD_LAYOUTS[fmt]
        covered = {(ln, i) for spec in layout for ln, a, b in spec.covers for i in range(a, b)}
        for spec in layout:
            if spec.kind not in ("name", "alnum") or spec.name in out:
                continue
            text = lines[spec.line][spec.start : spec.end]
            unchecked = spec.kind == "alnum" and not any(
                (spec.line, i) in covered for i in range(spec.start, spec.end)
            )
            # No check digit looks at a visa's optional data and tesseract gives no
            # per-character confidence: any content there is unverified (O/0, I/1, Q/0 ...).
            if (unchecked and text.strip("<")) or filler_doubts(text, spec.kind):
                out.append(spec.name)
        return out

    @staticmethod
    def _quad(pipeline: Any) -> list[Point] | None:
        try:
            idx = pipeline["box_idx"]
            if idx is None:
                return None
            box = pipeline["boxes"][idx]
            scale = float(pipeline["scale_factor"])
            poly = np.asarray(box.as_poly(), dtype=np.float64) / scale  # (row, col) pairs
            return _order_quad(poly[:, ::-1])
        except Exception:  # noqa: BLE001 - the outline is a nicety, never a failure
            return None
