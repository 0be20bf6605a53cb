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
    """A face found on a page: ``box`` is the detector's (x, y, w, h) and ``crop_box`` the
    photo with its margin, both in the coordinates of the upright page (the input turned by
    ``rotation`` degrees and, with an MRZ, straightened), whose (height, width) is
    ``page_size``; ``crop`` holds those pixels at the input's full resolution."""

    box: tuple[int, int, int, int]
    crop_box: tuple[int, int, int, int]
    score: float
    rotation: int  # degrees the input was turned (counter-clockwise) to make it upright
    page_size: tuple[int, int]
    crop: np.ndarray


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


def _upright(
    shape: tuple[int, ...], quad: Sequence[Point]
) -> tuple[np.ndarray, tuple[int, int], int, np.ndarray]:
    """How to turn the page so the MRZ reads left to right (quarter turns, then the small skew).

    Returns the 2x3 affine map from input to upright-page coordinates, the upright page's
    (height, width), the quarter turn applied (degrees) and the MRZ corners in the upright
    page (top-left, top-right, bottom-right, bottom-left).  Nothing is warped here: only
    the parts that are looked at are (the photo's neighbourhood, the crop).
    """
    pts = np.asarray(quad, dtype=np.float64).reshape(4, 2)
    dx, dy = pts[1] - pts[0]
    angle = math.degrees(math.atan2(dy, dx))  # direction of the text baseline
    quarter = int(round(angle / 90.0)) % 4  # 0: right, 1: down, 2: left, 3: up
    h, w = shape[:2]
    # (x, y) -> upright after the quarter turn (what cv2.rotate does)
    turns = {
        0: ((1, 0, 0), (0, 1, 0)),
        1: ((0, 1, 0), (-1, 0, w - 1)),  # counter-clockwise: (x, y) -> (y, w - 1 - x)
        2: ((-1, 0, w - 1), (0, -1, h - 1)),
        3: ((0, -1, h - 1), (1, 0, 0)),  # clockwise: (x, y) -> (h - 1 - y, x)
    }
    m = np.array(turns[quarter], dtype=np.float64)
    hh, ww = (h, w) if quarter % 2 == 0 else (w, h)
    residual = angle - quarter * 90.0
    residual = (residual + 180.0) % 360.0 - 180.0
    if abs(residual) > 1.0:
        rot = cv2.getRotationMatrix2D((ww / 2.0, hh / 2.0), residual, 1.0)
        m = rot @ np.vstack([m, [0.0, 0.0, 1.0]])
    up = np.hstack([pts, np.ones((4, 1))]) @ m.T
    # corners re-ordered by position: top-left, top-right, bottom-right, bottom-left
    s, d = up.sum(axis=1), up[:, 1] - up[:, 0]
    ordered = np.array([up[np.argmin(s)], up[np.argmin(d)], up[np.argmax(s)], up[np.argmax(d)]])
    return m, (hh, ww), quarter * 90, ordered


def _cut(
    source: np.ndarray, to_page: np.ndarray, box: tuple[float, float, float, float], scale: float = 1.0
) -> np.ndarray:
    """The upright page's *box* (x, y, w, h) cut from *source* at *scale*, in one warp.

    A quarter turn with no skew and scale 1 is an exact copy of the pixels.
    """
    x, y, w, h = box
    m = np.vstack([to_page, [0.0, 0.0, 1.0]])
    shift = np.array([[scale, 0.0, -x * scale], [0.0, scale, -y * scale]])
    m = shift @ m
    size = (max(1, int(round(w * scale))), max(1, int(round(h * scale))))
    src = source
    if scale < 0.5:
        # shrink by a whole factor first (area averaging): a warp alone would alias
        k = int(1.0 / scale)
        src = cv2.resize(source, None, fx=1.0 / k, fy=1.0 / k, interpolation=cv2.INTER_AREA)
        # pixel i of the shrunk copy averages source pixels k*i .. k*i + k - 1
        m = m @ np.array([[k, 0.0, (k - 1) / 2.0], [0.0, k, (k - 1) / 2.0], [0.0, 0.0, 1.0]])
    return cv2.warpAffine(src, m, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _detect(
    gray: np.ndarray,
    thorough: bool = True,
    sizes: tuple[float, float] | None = None,
) -> list[tuple[tuple[int, int, int, int], float]]:
    """Face boxes (in *gray*'s coordinates) with the cascade's confidence.

    *thorough* also tries the equalised image and the second cascade when the first run
    finds nothing; the guessed-rotation fallbacks skip them to bound the time.  *sizes*
    (smallest, largest face width in *gray*'s pixels) is given when the MRZ tells how large
    the photo can be; *gray* is then searched as it is (the caller scaled it), otherwise on
    a copy at most ``_WORK_LONG_SIDE`` long for faces from 6% of its short side.
    """
    h, w = gray.shape[:2]
    if sizes is None:
        scale = min(1.0, _WORK_LONG_SIDE / max(h, w))
        small = (
            cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
        )
        min_side = max(24, int(min(small.shape[:2]) * 0.06))
        max_side = 0
    else:
        scale, small = 1.0, gray
        min_side = max(24, int(sizes[0]))
        max_side = max(min_side + 1, int(math.ceil(sizes[1])))
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
                maxSize=(max_side, max_side),
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
    return _eyes_in(cv2.resize(roi, None, fx=f, fy=f, interpolation=cv2.INTER_LINEAR))


def _eyes_in(roi: np.ndarray) -> int:
    """Eyes in the upper 60% of a face box already scaled to 160 px wide."""
    if roi.size == 0:
        return 0
    eyes = _cascade(_EYE_CASCADE).detectMultiScale(cv2.equalizeHist(roi), 1.1, 3, minSize=(16, 16))
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


# Where the holder's photo can be, in MRZ widths: its face is 7-60% of the MRZ's width
# (12-45% on real documents; 15-28% on the 31 real specimens where it was found), its
# centre above the MRZ, at most about a page's height above it (a TD3 page is 0.75 MRZ
# widths tall; found 0.18-0.33 above) and within the MRZ's width (+-10%).
_FACE_MIN, _FACE_MAX = 0.1, 0.45
_REACH_ABOVE = 0.7
# Detection on the photo's neighbourhood scaled so that the smallest face is this wide.
_MIN_FACE_PX = 24


def find_face(image: np.ndarray, mrz_quad: Sequence[Point] | None = None) -> FaceCrop | None:
    """The most plausible holder's face on a document image, or None.

    *mrz_quad* (top-left, top-right, bottom-right, bottom-left of the MRZ in *image*) makes
    the search orientation-aware and position-aware; without it the image is tried as it is
    and then turned by 90, 270 and 180 degrees.
    """
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3) or min(image.shape[:2]) < 32:
        return None
    if mrz_quad is not None:
        return _find_above_mrz(image, mrz_quad)
    attempts: list[tuple[np.ndarray, int]] = [(image, 0)]
    for code, degrees in (
        (cv2.ROTATE_90_COUNTERCLOCKWISE, 90),
        (cv2.ROTATE_90_CLOCKWISE, 270),
        (cv2.ROTATE_180, 180),
    ):
        attempts.append((cv2.rotate(image, code), degrees))
    for page, rotation in attempts:
        gray = _to_gray(page)
        rotated = rotation != 0
        best: tuple[tuple[int, int, int, int], float] | None = None
        # the strongest few only: the eye check costs a cascade run per candidate
        detections = sorted(_detect(gray, thorough=not rotated), key=lambda d: -d[1])[:6]
        for box, weight in detections:
            score = _score(box, weight, _eyes(gray, box), None, rotated)
            if score > 0 and (best is None or score > best[1]):
                best = (box, score)
        if best is not None:
            box, score = best
            x, y, w, h = crop_box = _with_margin(box, page.shape)
            return FaceCrop(
                box=box,
                crop_box=crop_box,
                score=score,
                rotation=rotation,
                page_size=(page.shape[0], page.shape[1]),
                crop=np.ascontiguousarray(page[y : y + h, x : x + w]),
            )
    return None


def _find_above_mrz(image: np.ndarray, mrz_quad: Sequence[Point]) -> FaceCrop | None:
    """The holder's face where the MRZ says the photo is.

    Only that part of the page is turned upright, scaled so that the smallest plausible face
    fills the detector's 24-px window, and searched for faces of plausible sizes only: on
    the real specimens 159 ms median CPU instead of 583 ms for the whole page, the same
    faces found (and far less for a large photo, which is never turned or warped whole).
    """
    to_page, page_size, rotation, mrz = _upright(image.shape, mrz_quad)
    page_h, page_w = page_size
    left, right = float(mrz[:, 0].min()), float(mrz[:, 0].max())
    top = float(mrz[:, 1].min())
    width = max(right - left, 1.0)
    half_max = 0.5 * _FACE_MAX * width  # a face box reaches this far from its centre
    x0 = max(0.0, left - 0.1 * width - half_max)
    x1 = min(float(page_w), right + 0.1 * width + half_max)
    y0 = max(0.0, top - _REACH_ABOVE * width - half_max)
    y1 = min(float(page_h), top + half_max)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    scale = min(1.0, _MIN_FACE_PX / (_FACE_MIN * width))
    region = _to_gray(_cut(image, to_page, (x0, y0, x1 - x0, y1 - y0), scale))
    if min(region.shape[:2]) < 24:
        return None
    sizes = (_FACE_MIN * width * scale, _FACE_MAX * width * scale)
    detections = sorted(_detect(region, thorough=True, sizes=sizes), key=lambda d: -d[1])[:6]
    best: tuple[tuple[int, int, int, int], float] | None = None
    for (bx, by, bw, bh), weight in detections:
        box = (
            int(round(x0 + bx / scale)),
            int(round(y0 + by / scale)),
            int(round(bw / scale)),
            int(round(bh / scale)),
        )
        # the eye check on the upper part of the face box, cut at 160 px wide
        eye_scale = 160.0 / max(box[2], 1)
        eyes = _eyes_in(_to_gray(_cut(image, to_page, (box[0], box[1], box[2], box[3] * 0.6), eye_scale)))
        score = _score(box, weight, eyes, mrz, False)
        if score > 0 and (best is None or score > best[1]):
            best = (box, score)
    if best is None:
        return None
    box, score = best
    crop_box = _with_margin(box, (page_h, page_w))
    crop = _cut(image, to_page, crop_box)
    return FaceCrop(
        box=box, crop_box=crop_box, score=score, rotation=rotation, page_size=page_size, crop=crop
    )


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
    return None if found is None else found.crop


def crop_face_jpeg(
    image: np.ndarray, mrz_quad: Sequence[Point] | None = None, *, quality: int = 90
) -> bytes | None:
    """The holder's photo as JPEG bytes for the record, or None when no face is found."""
    crop = crop_face(image, mrz_quad)
    if crop is None or crop.size == 0:
        return None
    ok, buf = cv2.imencode(".jpg", crop, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    return bytes(buf) if ok else None
