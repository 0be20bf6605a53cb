"""Finding the MRZ in an image: text bands on a downscaled copy, grouped into 2- or 3-line zones.

Dark text is isolated with a black-hat filter (robust to uneven light), characters are
joined along a line by a closing that runs horizontally and, for images turned by 90 or 270
degrees, vertically; each blob's minimum-area rectangle gives a band (centre, direction,
length, thickness).  MRZ lines are long, thin, parallel, of equal length and evenly spaced,
which is what :func:`find_zones` looks for.  All geometry is returned in the coordinates of
the image that was passed in, so the caller can crop from the full-resolution original.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

WORK_LONG_SIDE = 1000
# An MRZ line is 30-44 characters of about square pitch: far longer than thick.
MIN_BAND_ASPECT = 9.0


@dataclass(frozen=True)
class Band:
    cx: float
    cy: float
    length: float
    thickness: float
    angle: float  # direction of the long axis in degrees, in (-90, 90]

    @property
    def unit(self) -> tuple[float, float]:
        a = math.radians(self.angle)
        return math.cos(a), math.sin(a)


@dataclass(frozen=True)
class Zone:
    """A candidate MRZ: its bands (top to bottom in reading direction) and a rotated box."""

    bands: tuple[Band, ...]
    center: tuple[float, float]
    angle: float  # reading direction (degrees); the caller also tries angle + 180
    length: float
    u_range: tuple[float, float]
    v_range: tuple[float, float]
    thickness: float
    score: float

    def corners(self, u_margin: float = 0.0, v_margin: float = 0.0) -> np.ndarray:
        """Four corners (tl, tr, br, bl in reading direction) as a 4x2 float array."""
        ux, uy = math.cos(math.radians(self.angle)), math.sin(math.radians(self.angle))
        vx, vy = -uy, ux
        u0, u1 = self.u_range[0] - u_margin, self.u_range[1] + u_margin
        v0, v1 = self.v_range[0] - v_margin, self.v_range[1] + v_margin
        cx, cy = self.center
        pts = [(u0, v0), (u1, v0), (u1, v1), (u0, v1)]
        return np.array([[cx + u * ux + v * vx, cy + u * uy + v * vy] for u, v in pts], np.float64)


def label_components(binary: np.ndarray) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """8-connected components with stats, as ``cv2.connectedComponentsWithStats``.

    Grana's block-based algorithm gives the same labels and stats; OpenCV's default one
    (Spaghetti) computes the stats 2-3x slower in a single thread (8.5 vs 3.9 ms on a
    1000-px page), and this runs several times per image.
    """
    n, labels, stats, cents = cv2.connectedComponentsWithStatsWithAlgorithm(
        binary, 8, cv2.CV_32S, cv2.CCL_GRANA
    )
    return int(n), labels, stats, cents


def _angle_diff(a: float, b: float) -> float:
    d = abs(a - b) % 180.0
    return min(d, 180.0 - d)


def find_bands(gray: np.ndarray, directions: tuple[bool, ...] = (True, False)) -> list[Band]:
    """Long thin text bands in a (small) grayscale image (horizontal-ish and/or vertical-ish)."""
    return _bands(_dark_detail(gray), directions)


def _dark_detail(gray: np.ndarray) -> np.ndarray:
    """Dark text as 255 on 0: black-hat (robust to uneven light), then an Otsu threshold."""
    bh = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_RECT, (17, 17)))
    t, ink = cv2.threshold(bh, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)  # (bh > t) * 255
    if not 18.0 <= t <= 90.0:
        _, ink = cv2.threshold(bh, float(min(max(t, 18.0), 90.0)), 255, cv2.THRESH_BINARY)
    return ink


def _bands(ink: np.ndarray, directions: tuple[bool, ...]) -> list[Band]:
    bands: list[Band] = []
    for horizontal in directions:
        for k in (11, 25):
            kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1) if horizontal else (1, k))
            closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, kernel)
            for contour, box in _long_blobs(closed):
                (cx, cy), (rw, rh), ang = cv2.minAreaRect(contour)
                if rw >= rh:
                    length, thick, direction = rw, rh, ang
                else:
                    length, thick, direction = rh, rw, ang + 90.0
                if thick < 3.0 or length < 40.0 or length < 7.0 * thick:
                    continue
                direction = ((direction + 90.0) % 180.0) - 90.0  # (-90, 90]
                if horizontal and abs(direction) > 32.0:
                    continue
                if not horizontal and abs(direction) < 58.0:
                    continue
                if length < MIN_BAND_ASPECT * thick:
                    continue
                # the pixel count last: it is the one test that costs a labelling
                area = _pixel_count(closed, contour, box)
                if area < 0.25 * max(box[2], box[3]) * 3 or area < 0.45 * length * thick:
                    continue
                bands.append(Band(float(cx), float(cy), float(length), float(thick), float(direction)))
    return _dedupe(bands)


def _long_blobs(binary: np.ndarray) -> list[tuple[np.ndarray, tuple[int, int, int, int]]]:
    """Blobs whose bounding box is long one way (a band at up to ~30 degrees), as
    (outer contour, bounding box), in the order of their first pixel (raster order).

    The same blobs and contours as labelling the whole image would give, at a fraction of
    the cost (one border-following pass; islands inside another blob's holes included).
    """
    contours, hierarchy = cv2.findContours(binary, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    out = []
    for contour, (_nxt, _prev, _child, parent) in zip(contours, hierarchy[0], strict=True):
        if parent != -1:
            continue  # the border of a hole
        x, y, w, h = cv2.boundingRect(contour)
        big = max(w, h)
        if big < 40 or big < 1.25 * min(w, h):
            continue
        out.append((contour, (int(x), int(y), int(w), int(h))))
    out.sort(key=lambda t: (int(t[0][0, 0, 1]), int(t[0][0, 0, 0])))
    return out


def _pixel_count(binary: np.ndarray, contour: np.ndarray, box: tuple[int, int, int, int]) -> int:
    """Pixels of the blob with this outer contour (labelled within its bounding box only)."""
    x, y, w, h = box
    n, labels, stats, _ = label_components(binary[y : y + h, x : x + w])
    px, py = contour[0, 0]  # a pixel of this blob
    return int(stats[labels[py - y, px - x], cv2.CC_STAT_AREA]) if n > 1 else 0


def _dedupe(bands: list[Band]) -> list[Band]:
    # thin, long bands first: a line found alone beats the same line merged with its neighbour
    bands = sorted(bands, key=lambda b: -b.length / max(b.thickness, 1.0))
    kept: list[Band] = []
    for b in bands:
        dup = False
        for k in kept:
            if _angle_diff(b.angle, k.angle) < 6.0:
                ux, uy = k.unit
                dx, dy = b.cx - k.cx, b.cy - k.cy
                across = abs(-uy * dx + ux * dy)
                along = abs(ux * dx + uy * dy)
                if across < 0.6 * k.thickness and along + b.length / 2 <= k.length / 2 + 2 * k.thickness:
                    dup = True
                    break
        if not dup:
            kept.append(b)
    return kept


def find_zones(bands: list[Band], max_zones: int = 4) -> list[Zone]:
    """Groups of 2-3 parallel, equally long, evenly spaced bands (best first); lone long bands last."""
    groups: list[tuple[list[Band], bool]] = []  # (bands, alone)
    n = len(bands)
    for i in range(n):
        a = bands[i]
        ux, uy = a.unit
        mates: list[tuple[float, Band]] = [(0.0, a)]
        for j in range(n):
            if j == i:
                continue
            b = bands[j]
            if _angle_diff(a.angle, b.angle) > 5.0:
                continue
            if not (0.62 < b.thickness / a.thickness < 1.6 and 0.8 < b.length / a.length < 1.25):
                continue
            dx, dy = b.cx - a.cx, b.cy - a.cy
            along = ux * dx + uy * dy
            across = -uy * dx + ux * dy
            if abs(along) > 0.12 * a.length:
                continue
            if abs(across) > 3.6 * max(a.thickness, b.thickness) * 2:
                continue
            mates.append((across, b))
        mates.sort(key=lambda t: t[0])
        # consecutive chains with regular spacing
        for start in range(len(mates)):
            chain = [mates[start]]
            for nxt in mates[start + 1 :]:
                gap = nxt[0] - chain[-1][0]
                thick = max(nxt[1].thickness, chain[-1][1].thickness)
                if 1.05 * thick <= gap <= 2.9 * thick:
                    if len(chain) >= 2:
                        prev_gap = chain[-1][0] - chain[-2][0]
                        if not 0.75 < gap / prev_gap < 1.33:
                            break
                    chain.append(nxt)
                    if len(chain) == 3:
                        break
                elif gap > 2.9 * thick:
                    break
            if len(chain) >= 2 and any(b is a for _, b in chain):
                groups.append(([b for _, b in chain], False))
        groups.append(([a], True))
    # Rank by score first and build a zone's geometry only when it is looked at: most
    # groups (every band alone, the same chain found from each of its bands) never are.
    scores = [_zone_score(g, lone) for g, lone in groups]
    out: list[Zone] = []
    for k in sorted(range(len(groups)), key=lambda k: -scores[k]):
        z = _zone(*groups[k])
        if any(_same_zone(z, o) for o in out):
            continue
        out.append(z)
        if len(out) >= max_zones:
            break
    return out


def _same_zone(a: Zone, b: Zone) -> bool:
    if len(a.bands) != len(b.bands) or _angle_diff(a.angle, b.angle) > 5:
        return False
    return math.hypot(a.center[0] - b.center[0], a.center[1] - b.center[1]) < 0.5 * a.thickness


def _zone_score(bands: list[Band], lone: bool) -> float:
    lengths = [b.length for b in bands]
    regular = 1.0 - (max(lengths) - min(lengths)) / max(lengths)
    # MRZ lines are the longest, thinnest text on a page: weigh each band by its aspect.
    aspect = sum(min(b.length / max(b.thickness, 1.0), 60.0) for b in bands)
    return aspect * (0.4 if lone else 1.0) + 10.0 * regular


def _zone(bands: list[Band], lone: bool = False) -> Zone:
    ang = float(np.median([b.angle for b in bands]))
    # keep a consistent direction: the one nearest to the anchor's
    ux, uy = math.cos(math.radians(ang)), math.sin(math.radians(ang))
    vx, vy = -uy, ux
    pts: list[tuple[float, float]] = []
    for b in bands:
        bx, by = b.unit
        half = b.length / 2
        t = b.thickness / 2
        for su in (-half, half):
            for sv in (-t, t):
                pts.append((b.cx + su * bx - sv * by, b.cy + su * by + sv * bx))
    arr = np.array(pts)
    cx, cy = arr.mean(axis=0)
    us = (arr[:, 0] - cx) * ux + (arr[:, 1] - cy) * uy
    vs = (arr[:, 0] - cx) * vx + (arr[:, 1] - cy) * vy
    thick = float(np.median([b.thickness for b in bands]))
    length = float(us.max() - us.min())
    return Zone(
        bands=tuple(sorted(bands, key=lambda b: (b.cx - cx) * vx + (b.cy - cy) * vy)),
        center=(float(cx), float(cy)),
        angle=ang,
        length=length,
        u_range=(float(us.min()), float(us.max())),
        v_range=(float(vs.min()), float(vs.max())),
        thickness=thick,
        score=_zone_score(bands, lone),
    )


def locate_zones(small: np.ndarray, max_zones: int = 4) -> list[Zone]:
    """Zones in a downscaled image: horizontal text first, turned text only when needed."""
    ink = _dark_detail(small)
    zones = find_zones(_bands(ink, (True,)), max_zones)
    if zones and len(zones[0].bands) >= 2:
        vertical = find_zones(_bands(ink, (False,)), max_zones) if zones[0].score < 60 else []
    else:
        vertical = find_zones(_bands(ink, (False,)), max_zones)
    merged = sorted(zones + vertical, key=lambda z: -z.score)
    return merged[:max_zones]


def downscale(gray: np.ndarray, long_side: int = WORK_LONG_SIDE) -> tuple[np.ndarray, float]:
    """A copy at most *long_side* pixels long, and the scale factor applied.

    Area averaging by a whole factor first (OpenCV's fast path), then a bilinear step of less
    than 2x: a fractional INTER_AREA resize of a large photo costs 5-7x more (~20 ms for
    2500 px), and the bands found on the copy do not need its exact averaging.
    """
    h, w = gray.shape[:2]
    s = min(1.0, long_side / float(max(h, w)))
    if s < 1.0:
        size = (max(1, int(round(w * s))), max(1, int(round(h * s))))
        k = int(1.0 / s)
        if k >= 2:
            gray = cv2.resize(gray, None, fx=1.0 / k, fy=1.0 / k, interpolation=cv2.INTER_AREA)
        if gray.shape[1] != size[0] or gray.shape[0] != size[1]:
            gray = cv2.resize(gray, size, interpolation=cv2.INTER_LINEAR)
    return gray, s
