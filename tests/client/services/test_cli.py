"""The store's CLI contract, run in-process through the real dispatcher."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from border_client.cli import main
from border_client.domain.mrz import MrzFormat, compose_mrz

ADMIN_PW = "admin-password"
INSP_PW = "inspector-pw"


def run(capsys, monkeypatch, argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def post_dir(tmp_path: Path, capsys, monkeypatch) -> Path:
    d = tmp_path / "post"
    code, out, _ = run(
        capsys,
        monkeypatch,
        [
            "--data-dir",
            str(d),
            "init",
            "--post-code",
            "HTI-CAP",
            "--post-name",
            "Cap-Haïtien",
            "--admin",
            "chief",
            "--password-stdin",
            "--json",
        ],
        ADMIN_PW + "\n",
    )
    assert code == 0
    assert len(json.loads(out)["recovery_key"].split("-")) == 8
    code, _, err = run(
        capsys,
        monkeypatch,
        [
            "--data-dir",
            str(d),
            "user",
            "add",
            "ian",
            "--role",
            "inspector",
            "--user",
            "chief",
            "--password-stdin",
        ],
        f"{ADMIN_PW}\n{INSP_PW}\n",
    )
    assert code == 0, err
    return d


def mrz_file(tmp_path: Path, number: str = "AB1234567") -> Path:
    lines = compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state="FRA",
        surname="DUPONT",
        given_names="MARIE",
        document_number=number,
        nationality="FRA",
        birth_date_raw="850312",
        sex="F",
        expiry_date_raw="320101",
    )
    path = tmp_path / f"{number}.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_register_records_verify_export(post_dir: Path, tmp_path: Path, capsys, monkeypatch):
    d = ["--data-dir", str(post_dir)]
    code, out, err = run(
        capsys,
        monkeypatch,
        d
        + [
            "register",
            "--user",
            "ian",
            "--password-stdin",
            "--direction",
            "entry",
            "--mrz-file",
            str(mrz_file(tmp_path)),
            "--mode",
            "land",
            "--purpose",
            "tourism",
        ],
        INSP_PW + "\n",
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["crossing"]["direction"] == "entry" and result["alerts"] == []
    code, out, _ = run(
        capsys,
        monkeypatch,
        d
        + [
            "records",
            "--json",
            "--user",
            "ian",
            "--password-stdin",
            "--nationality",
            "FRA",
        ],
        INSP_PW + "\n",
    )
    records = json.loads(out)
    assert code == 0 and records["total"] == 1
    assert records["records"][0]["crossing_id"] == result["crossing"]["crossing_id"]
    code, out, _ = run(
        capsys,
        monkeypatch,
        d + ["verify-audit", "--json", "--user", "chief", "--password-stdin"],
        ADMIN_PW + "\n",
    )
    assert code == 0 and json.loads(out)["ok"] is True
    code, out, err = run(
        capsys,
        monkeypatch,
        d + ["export", "--format", "csv", "--user", "chief", "--password-stdin"],
        ADMIN_PW + "\n",
    )
    assert code == 0 and out.splitlines()[0].startswith("crossing_id,") and len(out.splitlines()) == 2
    code, out, _ = run(
        capsys, monkeypatch, d + ["overstays", "--json", "--user", "ian", "--password-stdin"], INSP_PW + "\n"
    )
    assert code == 0 and json.loads(out) == []
    code, out, err = run(
        capsys,
        monkeypatch,
        d + ["backup", str(tmp_path / "usb"), "--json", "--user", "chief", "--password-stdin"],
        ADMIN_PW + "\n",
    )
    assert code == 0, err
    assert (Path(json.loads(out)["backup"]) / "keyslots.json").exists()


def test_watchlist_import_then_hit(post_dir: Path, tmp_path: Path, capsys, monkeypatch):
    d = ["--data-dir", str(post_dir)]
    csv_path = tmp_path / "list.csv"
    csv_path.write_text(
        "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"
        "document,AB1234567,FRA,,,,,stolen\n"
    )
    code, out, err = run(
        capsys,
        monkeypatch,
        d
        + [
            "watchlist",
            "import",
            str(csv_path),
            "--json",
            "--user",
            "chief",
            "--password-stdin",
        ],
        ADMIN_PW + "\n",
    )
    assert code == 0, err
    assert json.loads(out)["entries"] == 1
    code, out, _ = run(
        capsys,
        monkeypatch,
        d
        + [
            "register",
            "--user",
            "ian",
            "--password-stdin",
            "--direction",
            "entry",
            "--mrz-file",
            str(mrz_file(tmp_path)),
        ],
        INSP_PW + "\n",
    )
    assert code == 0 and json.loads(out)["alerts"][0]["kind"] == "document"
    code, out, err = run(
        capsys,
        monkeypatch,
        d + ["watchlist", "import", str(csv_path), "--user", "ian", "--password-stdin"],
        INSP_PW + "\n",
    )
    assert code == 4 and "supervisor" in err


def test_errors_are_one_clear_line(post_dir: Path, tmp_path: Path, capsys, monkeypatch):
    d = ["--data-dir", str(post_dir)]
    code, out, err = run(
        capsys,
        monkeypatch,
        d + ["records", "--json", "--user", "ian", "--password-stdin"],
        "wrong-password\n",
    )
    assert code == 3 and json.loads(out) == {"error": "wrong user name or password"}
    assert "Traceback" not in err
    bad = tmp_path / "bad.txt"
    bad.write_text("HELLO WORLD\n")
    code, _, err = run(
        capsys,
        monkeypatch,
        d + ["register", "--user", "ian", "--password-stdin", "--direction", "exit", "--mrz-file", str(bad)],
        INSP_PW + "\n",
    )
    assert code == 2 and "not an MRZ" in err
    code, _, err = run(
        capsys,
        monkeypatch,
        d
        + [
            "register",
            "--user",
            "ian",
            "--password-stdin",
            "--direction",
            "exit",
            "--mrz-file",
            str(tmp_path / "missing.txt"),
        ],
        INSP_PW + "\n",
    )
    assert code == 2 and "missing.txt" in err
    (post_dir / "keyslots.json").write_text("{ not json")
    code, _, err = run(
        capsys, monkeypatch, d + ["records", "--user", "ian", "--password-stdin"], INSP_PW + "\n"
    )
    assert code == 5 and "keyslots.json" in err and "Traceback" not in err
    code, _, err = run(
        capsys,
        monkeypatch,
        ["--data-dir", str(tmp_path / "nowhere"), "records", "--user", "ian", "--password-stdin"],
        INSP_PW + "\n",
    )
    assert code == 2 and "init" in err


def test_user_passwd_remove_rekey_and_recover(post_dir: Path, capsys, monkeypatch):
    d = ["--data-dir", str(post_dir)]
    code, _, err = run(
        capsys,
        monkeypatch,
        d + ["user", "passwd", "--user", "ian", "--password-stdin"],
        f"{INSP_PW}\nnew-inspector-pw\n",
    )
    assert code == 0, err
    code, _, _ = run(
        capsys, monkeypatch, d + ["records", "--user", "ian", "--password-stdin"], "new-inspector-pw\n"
    )
    assert code == 0
    code, _, err = run(
        capsys, monkeypatch, d + ["rekey", "--user", "chief", "--password-stdin"], ADMIN_PW + "\n"
    )
    assert code == 0, err
    code, _, _ = run(
        capsys,
        monkeypatch,
        d + ["user", "remove", "ian", "--user", "chief", "--password-stdin"],
        ADMIN_PW + "\n",
    )
    assert code == 0
    code, _, _ = run(
        capsys, monkeypatch, d + ["records", "--user", "ian", "--password-stdin"], "new-inspector-pw\n"
    )
    assert code == 3
    # The database stays unreadable to plain SQLite after all this.
    conn = sqlite3.connect(post_dir / "post.db")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT 1 FROM sqlite_master").fetchall()
    conn.close()


def test_recover_with_the_recovery_key(tmp_path: Path, capsys, monkeypatch):
    d = ["--data-dir", str(tmp_path / "p")]
    code, out, _ = run(
        capsys,
        monkeypatch,
        d
        + [
            "init",
            "--post-code",
            "BLZ-SEL",
            "--post-name",
            "Santa Elena",
            "--timezone",
            "America/Belize",
            "--admin",
            "boss",
            "--password-stdin",
            "--json",
        ],
        ADMIN_PW + "\n",
    )
    key = json.loads(out)["recovery_key"]
    code, _, err = run(
        capsys, monkeypatch, d + ["recover", "boss", "--password-stdin"], f"{key}\nforgot-and-reset\n"
    )
    assert code == 0, err
    code, _, _ = run(
        capsys, monkeypatch, d + ["records", "--user", "boss", "--password-stdin"], "forgot-and-reset\n"
    )
    assert code == 0


def test_register_from_a_real_passport_image(post_dir: Path, real_specimens_dir: Path, capsys, monkeypatch):
    """`--mrz-file` also takes a document image: scanned, then registered only if read whole."""
    from border_client.scanning.engine import scan_file

    manifest = json.loads((real_specimens_dir / "manifest.json").read_text())
    chosen = None
    for item in manifest["items"]:
        if len(item["lines"]) != 2 or len(item["lines"][0]) != 44:
            continue  # a passport (TD3)
        path = real_specimens_dir / item["file"]
        result = scan_file(path)
        if result.valid and not result.uncertain and list(result.lines) == item["lines"]:
            chosen = path, result
            break
    if chosen is None:
        pytest.skip("the scanner read no TD3 specimen whole")
    path, result = chosen
    code, out, err = run(
        capsys,
        monkeypatch,
        [
            "--data-dir",
            str(post_dir),
            "register",
            "--user",
            "ian",
            "--password-stdin",
            "--direction",
            "entry",
            "--mrz-file",
            str(path),
        ],
        INSP_PW + "\n",
    )
    assert code == 0, err
    crossing = json.loads(out)["crossing"]
    assert crossing["mrz_lines"] == list(result.lines)
    assert crossing["document_number"] == result.document.document_number


def test_damaged_database_page_is_one_clear_line(post_dir: Path, tmp_path: Path, capsys, monkeypatch):
    d = ["--data-dir", str(post_dir)]
    for i in range(30):
        code, _, err = run(
            capsys,
            monkeypatch,
            d
            + [
                "register",
                "--user",
                "ian",
                "--password-stdin",
                "--direction",
                "entry",
                "--mrz-file",
                str(mrz_file(tmp_path, f"D{i:08d}")),
                "--remarks",
                "x" * 2000,
            ],
            INSP_PW + "\n",
        )
        assert code == 0, err
    db = post_dir / "post.db"
    data = bytearray(db.read_bytes())
    assert len(data) > 40 * 4096
    for page in range(10, len(data) // 4096):  # every page past the schema, scrambled
        data[page * 4096 + 100 : page * 4096 + 200] = bytes(100)
    db.write_bytes(bytes(data))
    code, out, err = run(
        capsys, monkeypatch, d + ["records", "--json", "--user", "ian", "--password-stdin"], INSP_PW + "\n"
    )
    assert code == 5, err
    assert "post.db" in err and "Traceback" not in err
    assert "damaged" in json.loads(out)["error"]
