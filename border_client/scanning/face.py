"""Crop the holder's photo from a document page, for the crossing record.

OpenCV's bundled Haar cascade finds frontal faces.  A data page often holds more than one
(the main photo, a small "ghost" copy, faces in the guilloche or on a visa's background), so
candidates are scored: larger and more confident is better, and when the MRZ's outline is
known the photo must sit above the MRZ, within its width, at a size that fits the page.
Knowing the MRZ also tells which way is up, so the crop comes out upright even from a
photo of a passport lying sideways on the desk.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np

__all__ = ["FaceCrop", "crop_face", "crop_face_jpeg", "find_face"]

Point = tuple[float, float]

# Detection runs on a copy this size (long side); the crop is cut from the full image.
_WORK_LONG_SIDE = 700
_CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_frontalface_alt2.xml")
_EYE_CASCADE = "haarcascade_eye.xml"


@dataclass(frozen=True)
class FaceCrop:
    """A face found on an upright page: ``box`` is the detector's (x, y, w, h) and ``crop``
    the photo with its margin, both in the coordinates of ``page`` (the upright image)."""

    box: tuple[int, int, int, int]
    crop_box: tuple[int, int, int, int]
    score: float
    rotation: int  # degrees the input was turned (counter-clockwise) to make it upright
    page: np.ndarray

    @property
    def crop(self) -> np.ndarray:
        x, y, w, h = self.crop_box
        return self.page[y : y + h, x : x + w]


@cache
def _cascade(name: str) -> cv2.CascadeClassifier:
    path = Path(cv2.data.haarcascades) / name  # type: ignore[attr-defined]
    cascade = cv2.CascadeClassifier(str(path))
    if cascade.empty():
        raise RuntimeError(f"OpenCV face detector data missing or unreadable: {path}")
    return cascade


def _to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        gray = image
    elif image.ndim == 3 and image.shape[2] == 4:
        gray = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    elif image.ndim == 3 and image.shape[2] == 3:
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    elif image.ndim == 3 and image.shape[2] == 1:
        gray = image[:, :, 0]
    else:
        raise ValueError(f"expected a BGR or grayscale image, got shape {image.shape}")
    if gray.dtype != np.uint8:
        g = gray.astype(np.float64)
        lo, hi = float(g.min()), float(g.max())
        gray = ((g - lo) * (255.0 / max(hi - lo, 1e-9))).astype(np.uint8)
    return gray


def _upright(image: np.ndarray, quad: Sequence[Point] | None) -> tuple[np.ndarray, int, np.ndarray]:
    """Rotate so the MRZ reads left to right (multiples of 90 degrees, then the small skew).

    Returns the upright image, the quarter-turn applied, and the quad in its coordinates.
    """
    pts = np.asarray(quad, dtype=np.float64).reshape(4, 2)
    dx, dy = pts[1] - pts[0]
    angle = math.degrees(math.atan2(dy, dx))  # direction of the text baseline
    quarter = int(round(angle / 90.0)) % 4  # 0: right, 1: down, 2: left, 3: up
    rotate_codes = {
        1: cv2.ROTATE_90_COUNTERCLOCKWISE,
        2: cv2.ROTATE_180,
        3: cv2.ROTATE_90_CLOCKWISE,
    }
    h, w = image.shape[:2]
    if quarter:
        image = cv2.rotate(image, rotate_codes[quarter])
        if quarter == 1:  # (x, y) -> (y, w - 1 - x)
            pts = np.stack([pts[:, 1], w - 1 - pts[:, 0]], axis=1)
        elif quarter == 2:
            pts = np.stack([w - 1 - pts[:, 0], h - 1 - pts[:, 1]], axis=1)
        else:  # (x, y) -> (h - 1 - y, x)
            pts = np.stack([h - 1 - pts[:, 1], pts[:, 0]], axis=1)
    residual = angle - quarter * 90.0
    residual = (residual + 180.0) % 360.0 - 180.0
    if abs(residual) > 1.0:
        hh, ww = image.shape[:2]
        m = cv2.getRotationMatrix2D((ww / 2.0, hh / 2.0), residual, 1.0)
        image = cv2.warpAffine(image, m, (ww, hh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        pts = np.hstack([pts, np.ones((4, 1))]) @ m.T
    # corners re-ordered by position: top-left, top-right, bottom-right, bottom-left
    s, d = pts.sum(axis=1), pts[:, 1] - pts[:, 0]
    ordered = np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]])
    return image, quarter * 90, ordered


def _detect(gray: np.ndarray, thorough: bool = True) -> list[tuple[tuple[int, int, int, int], float]]:
    """Face boxes (in *gray*'s coordinates) with the cascade's confidence.

    *thorough* also tries the equalised image and the second cascade when the first run
    finds nothing; the guessed-rotation fallbacks skip them to bound the time.
    """
    h, w = gray.shape[:2]
    scale = min(1.0, _WORK_LONG_SIDE / max(h, w))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    min_side = max(24, int(min(small.shape[:2]) * 0.06))
    found: list[tuple[tuple[int, int, int, int], float]] = []
    # As scanned first; equalised only if that finds nothing: on a page that is mostly flat
    # paper, global equalisation wrecks the contrast of the photo itself.
    variants = (small, cv2.equalizeHist(small)) if thorough else (small,)
    for variant in variants:
        for name in _CASCADES if thorough else _CASCADES[:1]:
            boxes, _levels, weights = _cascade(name).detectMultiScale3(
                variant,
                scaleFactor=1.05,
                minNeighbors=4,
                minSize=(min_side, min_side),
                outputRejectLevels=True,
            )
            for (x, y, bw, bh), weight in zip(boxes, np.ravel(weights), strict=False):
                box = (int(x / scale), int(y / scale), int(bw / scale), int(bh / scale))
                # alt2's stage sums run near 55 for true and false hits alike: put them
                # below the no-eyes threshold so only an eye-confirmed alt2 hit is kept.
                conf = float(weight) if name == _CASCADES[0] else min(float(weight) / 10.0, 4.0)
                found.append((box, conf))
            if found:
                return found
    return found


def _eyes(gray: np.ndarray, box: tuple[int, int, int, int]) -> int:
    """Eyes the eye cascade sees in the upper part of a face box (text and print have none)."""
    x, y, w, h = box
    roi = gray[max(0, y) : y + int(h * 0.6), max(0, x) : x + w]
    if roi.size == 0:
        return 0
    f = 160.0 / max(w, 1)
    roi = cv2.equalizeHist(cv2.resize(roi, None, fx=f, fy=f, interpolation=cv2.INTER_LINEAR))
    eyes = _cascade(_EYE_CASCADE).detectMultiScale(roi, 1.1, 3, minSize=(16, 16))
    return len(eyes)


def _score(
    box: tuple[int, int, int, int],
    weight: float,
    eyes: int,
    mrz: np.ndarray | None,
    rotated: bool,
) -> float:
    """How plausible a detection is as the holder's photo; 0 rejects it.

    Measured on the real specimens: true photos have cascade weights of about 5-55 and the
    eye cascade finds 1-3 eyes in most of them; false hits on print and text have weights up
    to about 6 and almost never eyes.  A detection without eyes is therefore only kept with
    a high weight, and on a page turned by guesswork (no MRZ to tell which way is up) only
    with both eyes.
    """
    x, y, w, h = box
    if weight < 1.0:
        return 0.0
    if rotated and eyes < 2:
        return 0.0
    if eyes == 0 and weight < (4.5 if mrz is not None else 7.0):
        return 0.0
    score = math.sqrt(w * h) * min(weight, 20.0) * (1.0 if eyes else 0.5)
    if mrz is None:
        return score
    mrz_left, mrz_right = float(mrz[:, 0].min()), float(mrz[:, 0].max())
    mrz_top = float(mrz[:, 1].min())
    mrz_width = max(mrz_right - mrz_left, 1.0)
    cx, cy = x + w / 2.0, y + h / 2.0
    if cy > mrz_top:  # the holder's photo is never below or inside the MRZ
        return 0.0
    if cx < mrz_left - 0.1 * mrz_width or cx > mrz_right + 0.1 * mrz_width:
        return 0.0
    # The photo's face is 12-45% of the MRZ's width on passports and ID cards; a face much
    # smaller is a ghost image or a face in the background print, a larger one is not on
    # this document.
    rel = w / mrz_width
    if rel < 0.07 or rel > 0.6:
        return 0.0
    if rel < 0.12:
        score *= 0.3
    return score


def find_face(image: np.ndarray, mrz_quad: Sequence[Point] | None = None) -> FaceCrop | None:
    """The most plausible holder's face on a document image, or None.

    *mrz_quad* (top-left, top-right, bottom-right, bottom-left of the MRZ in *image*) makes
    the search orientation-aware and position-aware; without it the image is tried as it is
    and then turned by 90, 270 and 180 degrees.
    """
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3) or min(image.shape[:2]) < 32:
        return None
    attempts: list[tuple[np.ndarray, int, np.ndarray | None]]
    if mrz_quad is not None:
        attempts = [_upright(image, mrz_quad)]
    else:
        attempts = [(image, 0, None)]
        for code, degrees in (
            (cv2.ROTATE_90_COUNTERCLOCKWISE, 90),
            (cv2.ROTATE_90_CLOCKWISE, 270),
            (cv2.ROTATE_180, 180),
        ):
            attempts.append((cv2.rotate(image, code), degrees, None))
    for page, rotation, mrz in attempts:
        gray = _to_gray(page)
        rotated = mrz is None and rotation != 0
        best: tuple[tuple[int, int, int, int], float] | None = None
        # the strongest few only: the eye check costs a cascade run per candidate
        detections = sorted(_detect(gray, thorough=not rotated), key=lambda d: -d[1])[:6]
        for box, weight in detections:
            score = _score(box, weight, _eyes(gray, box), mrz, rotated)
            if score > 0 and (best is None or score > best[1]):
                best = (box, score)
        if best is not None:
            box, score = best
            return FaceCrop(
                box=box,
                crop_box=_with_margin(box, page.shape),
                score=score,
                rotation=rotation,
                page=page,
            )
    return None


def _with_margin(box: tuple[int, int, int, int], shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    """Head and shoulders around the detector's tight face box, in ID-photo proportions."""
    x, y, w, h = box
    img_h, img_w = shape[:2]
    cx, cy = x + w / 2.0, y + h * 0.62  # the box is forehead-to-chin; centre the whole head
    crop_w, crop_h = w * 1.7, h * 2.1
    x0 = int(max(0, cx - crop_w / 2))
    y0 = int(max(0, cy - crop_h / 2))
    x1 = int(min(img_w, cx + crop_w / 2))
    y1 = int(min(img_h, cy + crop_h / 2))
    return x0, y0, x1 - x0, y1 - y0


def crop_face(image: np.ndarray, mrz_quad: Sequence[Point] | None = None) -> np.ndarray | None:
    """The holder's photo (BGR, upright, with margin), or None when no face is found."""
    found = find_face(image, mrz_quad)
    return None if found is None else np.ascontiguousarray(found.crop)


def crop_face_jpeg(
    image: np.ndarray, mrz_quad: Sequence[Point] | None = None, *, quality: int = 90
) -> bytes | None:
    """The holder's photo as JPEG bytes for the record, or None when no face is found."""
    crop = crop_face(image, mrz_quad)
    if crop is None or crop.size == 0:
        return None
    ok, buf = cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    return bytes(buf) if ok else None
