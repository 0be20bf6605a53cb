"""Safe image loading for the scanner: an image file in, a bounded BGR array or a clear error out.

A border post sees phone photos (EXIF-rotated, up to 50-200 MP), flatbed scans (TIFF, BMP,
16-bit PNG), files cut short by a full disk or a dropped USB stick, and things that are not
images at all.  :func:`load_image` turns each of these into either an upright 8-bit BGR array
no larger than :data:`MAX_PIXELS`, or an :class:`ImageLoadError` whose message names the file
and what is wrong.  It never decodes more than :data:`MAX_DECODE_PIXELS` pixels: a JPEG is
decoded at a reduced DCT scale (Pillow's ``draft``) so a 50 MP photo costs a fraction of its
full size; other formats larger than the decode limit are refused before any pixel is read.
"""

from __future__ import annotations

import io
import math
import os
import stat
import struct
import warnings
from pathlib import Path
from typing import IO

import numpy as np
from PIL import Image, UnidentifiedImageError

__all__ = [
    "ACCEPTED_FORMATS",
    "MAX_DECODE_PIXELS",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "ImageLoadError",
    "ImageSource",
    "load_image",
]

ImageSource = str | os.PathLike[str] | bytes | bytearray | memoryview

#: Largest image handed to the engines (about 4900 x 3260).  An MRZ character is already
#: 40+ px tall at this size on a full-page photo; more pixels only cost time.
MAX_PIXELS = 16_000_000
#: Most pixels ever decoded at once (3 bytes each: 300 MB).  JPEGs above it are decoded at
#: 1/2, 1/4 or 1/8 scale; other formats above it are refused.
MAX_DECODE_PIXELS = 100_000_000
#: Files above this size are refused without being read (a scan is a few MB; 1 GB is not a scan).
MAX_FILE_BYTES = 1 << 30

#: Pillow format names we decode (phone JPEGs that Pillow reports as "MPO" open through
#: "JPEG").  The list is closed on purpose so that PDF/EPS (Ghostscript) and other exotic
#: decoders never run on a file someone dropped on the scanner.
ACCEPTED_FORMATS = ("JPEG", "PNG", "TIFF", "BMP", "DIB", "WEBP", "PPM", "GIF")
_FORMAT_HINT = "expected JPEG, PNG, TIFF or BMP"

# Magic numbers of things people commonly drop on the scanner that are not raster images,
# so the error can say what the file is rather than only what it is not.
_KNOWN_NON_IMAGES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"GIF8", None),  # handled by Pillow
    (b"\x1f\x8b", "a gzip archive"),
    (b"%!PS", "a PostScript file"),
    (b"<svg", "an SVG drawing (vector, not a scan)"),
    (b"<?xml", "an XML file"),
)


class ImageLoadError(ValueError):
    """An image could not be loaded; ``str()`` names the file and what is wrong."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def _describe(source: ImageSource) -> str:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return f"<{len(source)} bytes in memory>"
    return os.fspath(source)


def _sniff_non_image(head: bytes) -> str | None:
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif"):
            return "a HEIC/AVIF photo (iPhone format): export or share it as JPEG"
        return "a video or MP4/QuickTime file"
    stripped = head.lstrip()
    for magic, what in _KNOWN_NON_IMAGES:
        if what and stripped.startswith(magic):
            return what
    if head and all(32 <= b < 127 or b in (9, 10, 13) for b in head[:512]):
        return "a text file"
    return None


def _open_stream(source: ImageSource, name: str) -> IO[bytes]:
    """The file (or buffer) as a binary stream, after the cheap checks on its size."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if not data:
            raise ImageLoadError(name, "no image data (0 bytes)")
        return io.BytesIO(data)
    path = Path(source)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImageLoadError(name, "file not found") from None
    except PermissionError:
        raise ImageLoadError(name, "permission denied") from None
    except OSError as exc:
        raise ImageLoadError(name, f"cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise ImageLoadError(name, "is a directory, not an image file")
    if not stat.S_ISREG(st.st_mode):
        # a pipe or device could block for ever or never end: refuse before opening it
        raise ImageLoadError(name, "is not a regular file (a device, pipe or socket)")
    if st.st_size == 0:
        raise ImageLoadError(name, "file is empty (0 bytes)")
    if st.st_size > MAX_FILE_BYTES:
        raise ImageLoadError(
            name, f"file is {st.st_size / 1e6:.0f} MB, over the {MAX_FILE_BYTES >> 20} MB limit"
        )
    try:
        return path.open("rb")
    except PermissionError:
        raise ImageLoadError(name, "permission denied") from None
    except OSError as exc:
        raise ImageLoadError(name, f"cannot be opened ({exc.strerror or exc})") from None


def _target_size(width: int, height: int, max_pixels: int) -> tuple[int, int]:
    if width * height <= max_pixels:
        return width, height
    scale = math.sqrt(max_pixels / (width * height))
    return max(1, int(width * scale)), max(1, int(height * scale))


def _to_bgr(img: Image.Image) -> np.ndarray:
    """Any Pillow mode as a contiguous uint8 BGR array; alpha is flattened onto white paper."""
    mode = img.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        # 16/32-bit scans: scale to 8 bits rather than clip (Pillow's convert("L") clips).
        arr = np.asarray(img, dtype=np.float64)
        if mode.startswith("I;16"):
            arr = arr / 257.0
        else:
            lo, hi = float(np.nanmin(arr)), float(np.nanmax(arr))
            if mode == "F" and lo >= 0.0 and hi <= 1.0:
                arr = arr * 255.0
            elif hi > 255.0 or lo < 0.0:
                arr = (arr - lo) * (255.0 / max(hi - lo, 1e-9))
        gray = np.clip(np.nan_to_num(arr), 0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.repeat(gray[:, :, None], 3, axis=2))
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or (mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(paper, rgba).convert("RGB")
    elif mode != "RGB":
        img = img.convert("RGB")
    import cv2  # the scanner has it; imported here so that loading this module stays light

    # cvtColor, not rgb[:, :, ::-1].copy(): the strided copy costs ~10x more on a photo.
    return cv2.cvtColor(np.asarray(img, dtype=np.uint8), cv2.COLOR_RGB2BGR)


def _to_gray(img: Image.Image) -> np.ndarray:
    """Any Pillow mode as a contiguous uint8 gray array (BT.601 luma, as OpenCV's BGR2GRAY)."""
    if img.mode == "L":
        return np.ascontiguousarray(np.asarray(img, dtype=np.uint8))
    import cv2

    bgr = _to_bgr(img)
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)


def load_image(
    source: ImageSource,
    *,
    max_pixels: int = MAX_PIXELS,
    name: str | None = None,
    gray: bool = False,
) -> np.ndarray:
    """Load *source* (a path or the file's bytes) as an upright uint8 BGR array.

    With *gray*, a 2-D uint8 luma array instead: what the MRZ engines read, and cheaper to
    get (a JPEG is decoded straight to its luma plane: no colour conversion, a third of the
    pixels to move).

    EXIF orientation is applied.  Images over *max_pixels* are downscaled to fit (keeping the
    aspect ratio); images that would need more than :data:`MAX_DECODE_PIXELS` decoded pixels
    and cannot be decoded at a reduced scale are refused.  *name* labels in-memory data in
    error messages.

    Raises :class:`ImageLoadError` for a missing, empty, truncated, corrupt, unsupported or
    oversized file; never another exception for bad data.
    """
    label = name or _describe(source)
    stream = _open_stream(source, label)
    try:
        return _decode(stream, label, max_pixels, gray)
    except ImageLoadError:
        raise
    except MemoryError:
        raise ImageLoadError(label, "not enough memory to decode this image") from None
    except Exception as exc:  # noqa: BLE001 - decoders raise anything on hostile data
        raise ImageLoadError(label, f"corrupt image data ({type(exc).__name__}: {exc})") from None
    finally:
        stream.close()


def _decode(stream: IO[bytes], label: str, max_pixels: int, gray: bool) -> np.ndarray:
    head = stream.read(1024)
    stream.seek(0)
    Image.init()  # registers TIFF/WEBP openers; idempotent and cheap after the first call
    with warnings.catch_warnings():
        # We enforce our own pixel limits below; Pillow's bomb warning would only be noise.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            img: Image.Image = Image.open(stream, formats=ACCEPTED_FORMATS)
        except Image.DecompressionBombError as exc:
            if head.startswith(b"\xff\xd8"):
                # A 200 MP phone photo trips Pillow's limit before draft() can help;
                # libjpeg's scaled decode through OpenCV reads it at 1/2..1/8 instead.
                return _decode_huge_jpeg(stream, label, max_pixels, gray)
            raise ImageLoadError(label, f"image is too large to decode safely ({exc})") from None
        except UnidentifiedImageError:
            what = _sniff_non_image(head)
            reason = f"not an image: this is {what}" if what else "not a recognised image"
            raise ImageLoadError(label, f"{reason} ({_FORMAT_HINT})") from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageLoadError(label, f"corrupt image header ({exc})") from None

        fmt = img.format or "image"
        width, height = img.size
        if width <= 0 or height <= 0:
            raise ImageLoadError(label, f"{fmt} reports an empty size {width}x{height}")
        if getattr(img, "n_frames", 1) > 1:
            img.seek(0)  # multi-page TIFF / MPO: the first page is the document

        # Read the orientation before the reduced decode and apply it to the reduced image
        # (what ImageOps.exif_transpose does, but without decoding at full size first).
        try:
            orientation = int(img.getexif().get(0x0112, 1))
        except Exception:  # noqa: BLE001 - a broken EXIF block must not lose the image
            orientation = 1

        target = _target_size(width, height, max_pixels)
        if fmt in ("JPEG", "MPO"):
            request = (width, height)
            if (width, height) != target:
                # DCT-domain reduction (1/2..1/8 scale).  Asking for 0.7x the target per side
                # lets a 50 MP photo decode at half scale (12.5 MP) instead of at full size.
                request = (max(1, int(target[0] * 0.7)), max(1, int(target[1] * 0.7)))
            # draft("L") makes libjpeg output the luma plane of a colour JPEG directly.
            mode = "L" if gray and img.mode == "RGB" else img.mode
            if mode != img.mode or request != (width, height):
                img.draft(mode, request)
                target = _target_size(*img.size, max_pixels)
        decoded_w, decoded_h = img.size
        if decoded_w * decoded_h > MAX_DECODE_PIXELS:
            raise ImageLoadError(
                label,
                f"{fmt} image is {width}x{height} ({width * height / 1e6:.0f} MP), over the "
                f"{MAX_DECODE_PIXELS / 1e6:.0f} MP this reader decodes; rescan at a lower "
                "resolution",
            )
        try:
            img.load()
        except OSError as exc:
            msg = str(exc)
            if "truncated" in msg.lower() or "broken data stream" in msg.lower():
                raise ImageLoadError(label, f"{fmt} file is truncated or cut short ({msg})") from None
            raise ImageLoadError(label, f"corrupt {fmt} data ({msg})") from None
        except (SyntaxError, ValueError, EOFError, IndexError, struct.error) as exc:
            raise ImageLoadError(label, f"corrupt {fmt} data ({exc})") from None

        if img.size != target:
            img = img.resize(target, Image.Resampling.BILINEAR, reducing_gap=2.0)
        if orientation != 1:
            img = _apply_orientation(img, orientation)
        return _to_gray(img) if gray else _to_bgr(img)


def _apply_orientation(img: Image.Image, orientation: int) -> Image.Image:
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    if method is None:
        return img
    return img.transpose(method)


def _decode_huge_jpeg(stream: IO[bytes], label: str, max_pixels: int, gray: bool) -> np.ndarray:
    """A JPEG too large for Pillow, decoded at the smallest DCT scale that keeps its detail."""
    import cv2  # only for this rare path; the scanner has it anyway

    stream.seek(0)
    raw = stream.read()
    # libjpeg through OpenCV fills a cut-short file with grey instead of failing: check that
    # the last scan is followed by its end-of-image marker (0xFFD9 cannot occur inside
    # entropy-coded data, where every 0xFF byte is stuffed).
    last_scan = raw.rfind(b"\xff\xda")
    if last_scan < 0 or raw.find(b"\xff\xd9", last_scan) < 0:
        raise ImageLoadError(label, "JPEG file is truncated or cut short (no end-of-image marker)")
    data = np.frombuffer(raw, np.uint8)
    # 1/8 first: cheap, and tells the full size (within 8 px) without decoding it.
    eighth = cv2.imdecode(data, cv2.IMREAD_REDUCED_COLOR_8)
    if eighth is None:
        raise ImageLoadError(label, "corrupt JPEG data (cannot decode even at 1/8 scale)")
    full = eighth.shape[0] * eighth.shape[1] * 64
    if full > 64 * MAX_DECODE_PIXELS:
        raise ImageLoadError(label, f"JPEG image is about {full / 1e6:.0f} MP, too large to decode")
    img = eighth
    flags = (
        ((2, cv2.IMREAD_REDUCED_GRAYSCALE_2), (4, cv2.IMREAD_REDUCED_GRAYSCALE_4))
        if gray
        else ((2, cv2.IMREAD_REDUCED_COLOR_2), (4, cv2.IMREAD_REDUCED_COLOR_4))
    )
    for factor, flag in flags:
        if full / (factor * factor) <= max(max_pixels, MAX_DECODE_PIXELS // 4):
            decoded = cv2.imdecode(data, flag)  # EXIF orientation is applied by OpenCV
            if decoded is not None:
                img = decoded
            break
    if gray and img.ndim == 3:
        img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)  # only the 1/8 preview was decoded
    h, w = img.shape[:2]
    tw, th = _target_size(w, h, max_pixels)
    if (tw, th) != (w, h):
        img = cv2.resize(img, (tw, th), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(img)
