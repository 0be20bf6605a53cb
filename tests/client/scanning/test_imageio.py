"""load_image: every accepted format, EXIF orientation, size guards, and every kind of bad file."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from border_client.scanning import imageio
from border_client.scanning.imageio import MAX_PIXELS, ImageLoadError, load_image


def _quadrants(w: int = 240, h: int = 160) -> Image.Image:
    """Red top-left, green top-right, blue bottom-left, white bottom-right."""
    arr = np.zeros((h, w, 3), np.uint8)
    arr[: h // 2, : w // 2] = (255, 0, 0)
    arr[: h // 2, w // 2 :] = (0, 255, 0)
    arr[h // 2 :, : w // 2] = (0, 0, 255)
    arr[h // 2 :, w // 2 :] = (255, 255, 255)
    return Image.fromarray(arr, "RGB")


def _centre_bgr(img: np.ndarray, fy: float, fx: float) -> tuple[int, ...]:
    h, w = img.shape[:2]
    return tuple(int(v) for v in img[int(h * fy), int(w * fx)])


def _assert_close(actual: tuple[int, ...], expected: tuple[int, ...], tol: int = 40) -> None:
    assert all(abs(a - e) <= tol for a, e in zip(actual, expected, strict=True)), (actual, expected)


@pytest.mark.parametrize(
    ("fmt", "suffix", "kwargs"),
    [
        ("JPEG", ".jpg", {"quality": 95}),
        ("PNG", ".png", {}),
        ("TIFF", ".tif", {"compression": "tiff_lzw"}),
        ("BMP", ".bmp", {}),
    ],
)
def test_formats_load_as_bgr(tmp_path: Path, fmt: str, suffix: str, kwargs: dict) -> None:
    path = tmp_path / f"page{suffix}"
    _quadrants().save(path, fmt, **kwargs)
    img = load_image(path)
    assert img.dtype == np.uint8 and img.shape == (160, 240, 3)
    assert img.flags["C_CONTIGUOUS"]
    _assert_close(_centre_bgr(img, 0.25, 0.25), (0, 0, 255))  # red, in BGR order
    _assert_close(_centre_bgr(img, 0.25, 0.75), (0, 255, 0))
    _assert_close(_centre_bgr(img, 0.75, 0.25), (255, 0, 0))  # blue
    # the same bytes from memory give the same pixels
    assert np.array_equal(load_image(path.read_bytes()), img)


@pytest.mark.parametrize(
    ("orientation", "shape", "red_at"),
    [
        (1, (160, 240), (0.25, 0.25)),
        (3, (160, 240), (0.75, 0.75)),  # upside down: red ends bottom-right
        (6, (240, 160), (0.25, 0.75)),  # turn 90 clockwise: red top-right
        (8, (240, 160), (0.75, 0.25)),  # turn 90 counter-clockwise: red bottom-left
    ],
)
def test_exif_orientation_is_applied(
    tmp_path: Path, orientation: int, shape: tuple[int, int], red_at: tuple[float, float]
) -> None:
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / "phone.jpg"
    _quadrants().save(path, "JPEG", quality=95, exif=exif.tobytes())
    img = load_image(path)
    assert img.shape[:2] == shape
    _assert_close(_centre_bgr(img, *red_at), (0, 0, 255))


def test_exif_orientation_matches_pillow_exif_transpose(tmp_path: Path) -> None:
    from PIL import ImageOps

    exif = Image.Exif()
    exif[0x0112] = 5  # transpose: the mirrored case is easy to get wrong
    path = tmp_path / "mirror.jpg"
    _quadrants().save(path, "JPEG", quality=95, exif=exif.tobytes())
    reference = np.asarray(ImageOps.exif_transpose(Image.open(path)).convert("RGB"))[:, :, ::-1]
    assert np.array_equal(load_image(path), reference)


def test_modes_grey_rgba_16bit_cmyk_palette(tmp_path: Path) -> None:
    grey = Image.new("L", (50, 40), 128)
    grey.save(tmp_path / "g.png")
    assert load_image(tmp_path / "g.png").shape == (40, 50, 3)
    assert int(load_image(tmp_path / "g.png")[0, 0, 0]) == 128

    rgba = Image.new("RGBA", (50, 40), (0, 0, 0, 0))  # fully transparent: white paper
    rgba.save(tmp_path / "a.png")
    assert load_image(tmp_path / "a.png")[5, 5].tolist() == [255, 255, 255]

    deep = Image.fromarray(np.full((40, 50), 65535 // 2, np.uint16))  # 16-bit scan, mid grey
    deep.save(tmp_path / "d.png")
    assert 120 <= int(load_image(tmp_path / "d.png")[0, 0, 0]) <= 135

    Image.new("CMYK", (50, 40), (0, 255, 255, 0)).save(tmp_path / "c.jpg")  # red in CMYK
    _assert_close(tuple(int(v) for v in load_image(tmp_path / "c.jpg")[5, 5]), (0, 0, 255), 60)

    _quadrants().convert("P").save(tmp_path / "p.bmp")
    assert load_image(tmp_path / "p.bmp").shape == (160, 240, 3)


@pytest.mark.parametrize(
    ("fmt", "suffix", "kwargs"),
    [("JPEG", ".jpg", {"quality": 95}), ("PNG", ".png", {}), ("TIFF", ".tif", {}), ("BMP", ".bmp", {})],
)
def test_gray_is_the_luma_of_the_colour_image(tmp_path: Path, fmt: str, suffix: str, kwargs: dict) -> None:
    import cv2

    path = tmp_path / f"page{suffix}"
    _quadrants().save(path, fmt, **kwargs)
    gray = load_image(path, gray=True)
    assert gray.dtype == np.uint8 and gray.shape == (160, 240) and gray.flags["C_CONTIGUOUS"]
    luma = cv2.cvtColor(load_image(path), cv2.COLOR_BGR2GRAY)
    # equal but at colour edges of a JPEG (the luma plane skips chroma upsampling)
    assert float(np.abs(gray.astype(int) - luma).mean()) <= 1.0
    # red (76), green (150), blue (29), white (255): the quadrants are told apart
    for (fy, fx), value in {(0.25, 0.25): 76, (0.25, 0.75): 150, (0.75, 0.25): 29, (0.75, 0.75): 255}.items():
        assert abs(int(gray[int(160 * fy), int(240 * fx)]) - value) <= 6


@pytest.mark.parametrize(
    ("orientation", "shape"), [(1, (160, 240)), (3, (160, 240)), (6, (240, 160)), (5, (240, 160))]
)
def test_gray_honours_exif_orientation(tmp_path: Path, orientation: int, shape: tuple[int, int]) -> None:
    import cv2

    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / "phone.jpg"
    _quadrants().save(path, "JPEG", quality=95, exif=exif.tobytes())
    gray = load_image(path, gray=True)
    assert gray.shape == shape
    luma = cv2.cvtColor(load_image(path), cv2.COLOR_BGR2GRAY)
    assert float(np.abs(gray.astype(int) - luma).mean()) <= 1.0  # turned the same way


def test_gray_modes_and_huge_jpeg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Image.new("RGBA", (50, 40), (0, 0, 0, 0)).save(tmp_path / "a.png")
    assert load_image(tmp_path / "a.png", gray=True)[5, 5] == 255  # transparent: white paper
    Image.fromarray(np.full((40, 50), 65535 // 2, np.uint16)).save(tmp_path / "d.png")
    assert 120 <= int(load_image(tmp_path / "d.png", gray=True)[0, 0]) <= 135
    Image.new("CMYK", (50, 40), (0, 255, 255, 0)).save(tmp_path / "c.jpg")  # red in CMYK
    assert abs(int(load_image(tmp_path / "c.jpg", gray=True)[5, 5]) - 76) <= 25

    big = _quadrants(600, 400).resize((6000, 4000), Image.Resampling.NEAREST)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "big.jpg"
    big.save(path, "JPEG", quality=85, exif=exif.tobytes())
    reduced = load_image(path, max_pixels=4_000_000, gray=True)  # DCT-scaled, luma only
    assert reduced.ndim == 2 and reduced.shape[0] * reduced.shape[1] <= 4_000_000
    assert reduced.shape[0] > reduced.shape[1]
    assert abs(int(reduced[int(reduced.shape[0] * 0.25), int(reduced.shape[1] * 0.75)]) - 76) <= 10
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 5_000_000)  # the OpenCV path for huge JPEGs
    huge = load_image(path, max_pixels=4_000_000, gray=True)
    assert huge.ndim == 2 and huge.shape[0] * huge.shape[1] <= 4_000_000
    assert huge.shape[0] > huge.shape[1]
    assert abs(int(huge[int(huge.shape[0] * 0.25), int(huge.shape[1] * 0.75)]) - 76) <= 10


def test_multipage_tiff_gives_first_page(tmp_path: Path) -> None:
    first = Image.new("RGB", (60, 40), (255, 0, 0))
    second = Image.new("RGB", (80, 30), (0, 0, 255))
    first.save(tmp_path / "two.tif", save_all=True, append_images=[second])
    img = load_image(tmp_path / "two.tif")
    assert img.shape == (40, 60, 3)
    assert img[0, 0].tolist() == [0, 0, 255]


def test_huge_jpeg_is_downscaled_within_limit(tmp_path: Path) -> None:
    w, h = 8200, 6150  # 50.4 MP, a modern phone's full-resolution photo
    rng = np.random.default_rng(1)
    small = rng.integers(0, 255, (h // 50, w // 50, 3), np.uint8)
    big = Image.fromarray(small, "RGB").resize((w, h), Image.Resampling.NEAREST)
    path = tmp_path / "huge.jpg"
    big.save(path, "JPEG", quality=80)
    del big
    img = load_image(path)
    assert img.shape[0] * img.shape[1] <= MAX_PIXELS
    assert img.shape[0] * img.shape[1] >= MAX_PIXELS // 4  # still detailed enough to read
    assert abs(img.shape[1] / img.shape[0] - w / h) < 0.01


def test_huge_jpeg_peak_memory_stays_bounded(tmp_path: Path) -> None:
    """Decoding the 50 MP photo must not need its full-size buffer (150 MB) plus copies."""
    w, h = 8200, 6150
    path = tmp_path / "huge.jpg"
    Image.new("RGB", (w, h), (200, 190, 180)).save(path, "JPEG", quality=80)
    code = textwrap.dedent(
        f"""
        import json, resource
        from border_client.scanning.imageio import load_image
        import numpy, PIL.Image
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        img = load_image({str(path)!r})
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"grew_kb": after - before, "shape": list(img.shape)}}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    report = json.loads(out.stdout)
    # full decode alone would be 150 MB; half-scale decode + BGR copy is about 75 MB
    assert report["grew_kb"] < 120_000, report


def test_jpeg_beyond_pillows_bomb_limit_is_decoded_reduced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 200 MP phone photo exceeds Pillow's hard limit; it is decoded at a reduced scale.

    Pillow's limit is lowered here so a 24 MP file stands in for the 200 MP one.
    """
    w, h = 6000, 4000
    exif = Image.Exif()
    exif[0x0112] = 6  # taken in portrait: the loader must still turn it upright
    big = _quadrants(600, 400).resize((w, h), Image.Resampling.NEAREST)
    path = tmp_path / "phone200mp.jpg"
    big.save(path, "JPEG", quality=85, exif=exif.tobytes())
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 5_000_000)  # 24 MP > 2 x 5 MP: bomb error
    img = load_image(path, max_pixels=4_000_000)
    assert img.shape[0] * img.shape[1] <= 4_000_000
    assert img.shape[0] > img.shape[1]  # EXIF orientation applied (portrait)
    _assert_close(_centre_bgr(img, 0.25, 0.75), (0, 0, 255))  # red now top-right
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.6)])  # a cut-short one is still an error
    with pytest.raises(ImageLoadError, match="truncated"):
        load_image(path)


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height (the pixel data is a tiny stub)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


@pytest.mark.timeout(30)
@pytest.mark.parametrize(("w", "h"), [(11_000, 10_000), (40_000, 40_000)])
def test_oversized_png_refused_before_decoding(tmp_path: Path, w: int, h: int) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_only(w, h))
    with pytest.raises(ImageLoadError) as err:
        load_image(path)
    msg = str(err.value)
    assert str(path) in msg and ("too large" in msg or "MP" in msg), msg


@pytest.mark.timeout(60)
@pytest.mark.parametrize("keep", [0.05, 0.5, 0.95])
def test_truncated_jpeg(tmp_path: Path, keep: float) -> None:
    rng = np.random.default_rng(7)
    noise = Image.fromarray(rng.integers(0, 255, (600, 800, 3), np.uint8), "RGB")
    buf = io.BytesIO()
    noise.save(buf, "JPEG", quality=90)
    data = buf.getvalue()
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ImageLoadError) as err:
        load_image(path)
    assert str(path) in str(err.value)
    assert "truncated" in str(err.value) or "corrupt" in str(err.value)


@pytest.mark.timeout(60)
def test_truncated_png_and_tiff(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    noise = Image.fromarray(rng.integers(0, 255, (300, 400, 3), np.uint8), "RGB")
    for fmt, suffix in (("PNG", ".png"), ("TIFF", ".tif"), ("BMP", ".bmp")):
        buf = io.BytesIO()
        noise.save(buf, fmt)
        path = tmp_path / f"cut{suffix}"
        path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
        with pytest.raises(ImageLoadError) as err:
            load_image(path)
        assert str(path) in str(err.value), fmt


def test_zero_bytes(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    with pytest.raises(ImageLoadError, match=r"empty\.jpg: file is empty \(0 bytes\)"):
        load_image(path)
    with pytest.raises(ImageLoadError, match="0 bytes"):
        load_image(b"")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ImageLoadError, match=r"nope\.png: file not found"):
        load_image(tmp_path / "nope.png")
    with pytest.raises(ImageLoadError, match="is a directory"):
        load_image(tmp_path)


@pytest.mark.timeout(30)
def test_pipes_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "camera.jpg"
    os.mkfifo(fifo)  # opening a FIFO for reading would block until a writer appears
    with pytest.raises(ImageLoadError, match="not a regular file"):
        load_image(fifo)
    with pytest.raises(ImageLoadError, match="not a regular file"):
        load_image("/dev/zero")


def test_text_pdf_and_random_bytes_are_not_images(tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nthis is not a photo\n")
    with pytest.raises(ImageLoadError, match=r"notes\.jpg: not an image: this is a text file"):
        load_image(text)

    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    with pytest.raises(ImageLoadError, match="PDF"):
        load_image(pdf)

    noise = tmp_path / "noise.bmp"
    noise.write_bytes(np.random.default_rng(5).integers(0, 256, 4096, np.uint8).tobytes())
    with pytest.raises(ImageLoadError, match="not a recognised image"):
        load_image(noise)


def test_iphone_heic_gets_a_useful_message(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200)
    with pytest.raises(ImageLoadError, match=r"IMG_0001\.HEIC: not an image: this is a HEIC"):
        load_image(path)


def test_bad_header_with_valid_magic(tmp_path: Path) -> None:
    path = tmp_path / "liar.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(ImageLoadError) as err:
        load_image(path)
    assert str(path) in str(err.value)


def test_in_memory_label_and_max_pixels_argument() -> None:
    buf = io.BytesIO()
    _quadrants(400, 300).save(buf, "PNG")
    img = load_image(buf.getvalue(), max_pixels=30_000)
    assert img.shape[0] * img.shape[1] <= 30_000
    assert img.shape[1] > img.shape[0]
    with pytest.raises(ImageLoadError, match="^frame-7: "):
        load_image(b"garbage", name="frame-7")


def test_error_is_a_value_error_with_parts(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as err:
        load_image(tmp_path / "x.tif")
    assert isinstance(err.value, ImageLoadError)
    assert err.value.source == str(tmp_path / "x.tif")
    assert err.value.reason == "file not found"


def test_accepted_formats_exclude_ghostscript_decoders() -> None:
    assert "EPS" not in imageio.ACCEPTED_FORMATS and "PDF" not in imageio.ACCEPTED_FORMATS
