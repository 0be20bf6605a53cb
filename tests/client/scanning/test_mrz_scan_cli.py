"""The `border-client mrz scan --json` contract (issue 3): JSON Lines in input order, per-image
errors, exit 0 when every image was processed."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest

from border_client.cli import main
from border_client.domain.mrz import MrzFormat
from border_client.scanning.engine import scan_file

from .mrz_images import document_image

PARSE_KEYS = {
    "format",
    "document_code",
    "issuing_state",
    "surname",
    "given_names",
    "document_number",
    "nationality",
    "birth_date",
    "birth_date_raw",
    "sex",
    "expiry_date",
    "expiry_date_raw",
    "optional_data",
    "optional_data_2",
    "checks",
    "warnings",
}


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    d = tmp_path_factory.mktemp("scan")
    img, lines = document_image(MrzFormat.TD3, 3)
    good = d / "passport.jpg"
    cv2.imwrite(str(good), img, [cv2.IMWRITE_JPEG_QUALITY, 92])
    img2, lines2 = document_image(MrzFormat.TD1, 4, rotation=90)
    good2 = d / "card.png"
    cv2.imwrite(str(good2), img2)
    blank = d / "blank.png"
    cv2.imwrite(str(blank), img[:200, :200] * 0 + 255)
    text = d / "notes.jpg"
    text.write_text("this is not an image")
    empty = d / "empty.png"
    empty.write_bytes(b"")
    return {
        "good": good,
        "lines": lines,
        "good2": good2,
        "lines2": lines2,
        "blank": blank,
        "text": text,
        "empty": empty,
        "missing": d / "missing.jpg",
    }


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, list[dict[str, object]]]:
    code = main(argv)
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines() if line.strip()]


def test_json_lines_in_input_order(images: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    paths = [
        images["good"],
        images["missing"],
        images["text"],
        images["empty"],
        images["blank"],
        images["good2"],
    ]
    code, rows = _run(capsys, ["mrz", "scan", "--json", *map(str, paths)])
    assert code == 0
    assert [r["path"] for r in rows] == [str(p) for p in paths]
    first = rows[0]
    assert first["found"] is True
    assert first["lines"] == images["lines"]
    assert first["valid"] is True
    assert first["uncertain"] == []
    assert first["engine"] == "builtin"
    assert isinstance(first["elapsed_ms"], float) and first["elapsed_ms"] > 0
    assert set(first) >= PARSE_KEYS
    assert first["format"] == "TD3"
    for bad in rows[1:4]:
        assert bad["found"] is False
        assert isinstance(bad["error"], str) and bad["error"]
    assert Path(str(paths[1])).name in str(rows[1]["error"])
    blank = rows[4]
    assert blank["found"] is False and "error" not in blank and blank["valid"] is False
    assert rows[5]["lines"] == images["lines2"]
    assert rows[5]["format"] == "TD1"


def test_unknown_engine_is_a_usage_error(images: dict[str, object]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["mrz", "scan", "--engine", "magic", "--json", str(images["good"])])
    assert exc.value.code == 2


def test_human_output(images: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mrz", "scan", str(images["good"]), str(images["missing"])]) == 0
    out = capsys.readouterr().out
    assert "VALID" in out and "error" in out


def test_scan_file_never_raises(images: dict[str, object], tmp_path: Path) -> None:
    truncated = tmp_path / "cut.jpg"
    data = Path(str(images["good"])).read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    for p in (images["missing"], images["text"], images["empty"], truncated, tmp_path):
        r = scan_file(p)
        assert r.found is False or r.error is None
        assert r.to_json(p)["path"] == str(p)
