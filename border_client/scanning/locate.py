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


def _angle_diff(a: float, b: float) -> float:
    d = abs(a - b) % 180.0
    return min(d, 180.0 - d)


def find_bands(gray: np.ndarray, directions: tuple[bool, ...] = (True, False)) -> list[Band]:
    """Long thin text bands in a (small) grayscale image (horizontal-ish and/or vertical-ish)."""
    h, w = gray.shape[:2]
    bh = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, cv2.getStructuringElement(cv2.MORPH_RECT, (17, 17)))
    t, _ = cv2.threshold(bh, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    t = float(min(max(t, 18.0), 90.0))
    ink = (bh > t).astype(np.uint8) * 255
    bands: list[Band] = []
    for horizontal in directions:
        for k in (11, 25):
            kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1) if horizontal else (1, k))
            closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, kernel)
            n, labels, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
            if n <= 1:
                continue
            bw, bhh, area = stats[1:, 2], stats[1:, 3], stats[1:, 4]
            big = np.maximum(bw, bhh)
            small_side = np.minimum(bw, bhh)
            # a band at up to ~30 degrees: its box is long one way; cheap filter before the exact one
            cand = np.where((big >= 40) & (big >= 1.25 * small_side) & (area >= 0.25 * big * 3))[0] + 1
            for j in cand:
                x, y, w, h = stats[j, :4]
                mask = (labels[y : y + h, x : x + w] == j).astype(np.uint8)
                contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
                (cx, cy), (rw, rh), ang = cv2.minAreaRect(max(contours, key=len))
                cx, cy = cx + x, cy + y
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
                if stats[j, 4] < 0.45 * length * thick:
                    continue
                if length < MIN_BAND_ASPECT * thick:
                    continue
                bands.append(Band(float(cx), float(cy), float(length), float(thick), float(direction)))
    return _dedupe(bands)


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
    zones: list[Zone] = []
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
                zones.append(_zone([b for _, b in chain], a.angle))
        zones.append(_zone([a], a.angle, lone=True))
    zones.sort(key=lambda z: -z.score)
    out: list[Zone] = []
    for z in zones:
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


def _zone(bands: list[Band], angle: float, lone: bool = False) -> Zone:
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
    lengths = [b.length for b in bands]
    regular = 1.0 - (max(lengths) - min(lengths)) / max(lengths)
    # MRZ lines are the longest, thinnest text on a page: weigh each band by its aspect.
    aspect = sum(min(b.length / max(b.thickness, 1.0), 60.0) for b in bands)
    score = aspect * (0.4 if lone else 1.0) + 10.0 * regular
    return Zone(
        bands=tuple(sorted(bands, key=lambda b: (b.cx - cx) * vx + (b.cy - cy) * vy)),
        center=(float(cx), float(cy)),
        angle=ang,
        length=length,
        u_range=(float(us.min()), float(us.max())),
        v_range=(float(vs.min()), float(vs.max())),
        thickness=thick,
        score=score,
    )


def locate_zones(small: np.ndarray, max_zones: int = 4) -> list[Zone]:
    """Zones in a downscaled image: horizontal text first, turned text only when needed."""
    zones = find_zones(find_bands(small, (True,)), max_zones)
    if zones and len(zones[0].bands) >= 2:
        vertical = find_zones(find_bands(small, (False,)), max_zones) if zones[0].score < 60 else []
    else:
        vertical = find_zones(find_bands(small, (False,)), max_zones)
    merged = sorted(zones + vertical, key=lambda z: -z.score)
    return merged[:max_zones]


def downscale(gray: np.ndarray, long_side: int = WORK_LONG_SIDE) -> tuple[np.ndarray, float]:
    h, w = gray.shape[:2]
    s = min(1.0, long_side / float(max(h, w)))
    if s < 1.0:
        gray = cv2.resize(
            gray, (max(1, int(round(w * s))), max(1, int(round(h * s)))), interpolation=cv2.INTER_AREA
        )
    return gray, s
