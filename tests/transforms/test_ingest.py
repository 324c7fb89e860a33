"""Ingestion reads every supported format and turns each bad input into an error row, never an exception."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from transforms.ingest import decode_bytes, discover, read_folder


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def reasons(errors) -> dict[str, str]:
    return {e.source_name: e.reason for e in errors}


def test_plain_text_and_markdown_take_their_first_line_as_headline(tmp_path):
    write(tmp_path / "a.txt", "Russia fires 37 missiles\nThe attack came overnight.")
    write(tmp_path / "sub" / "b.md", "# Kyiv without power\n\nOutages in eight regions.")
    docs, errors = read_folder(tmp_path)
    assert errors == []
    by_name = {d.source_name: d for d in docs}
    assert set(by_name) == {"a.txt", "sub/b.md"}
    assert by_name["a.txt"].title == "Russia fires 37 missiles"
    assert by_name["sub/b.md"].title == "Kyiv without power"
    assert by_name["a.txt"].source_uri == (tmp_path / "a.txt").resolve().as_uri()


def test_html_keeps_the_main_text_without_scripts_and_decodes_entities(tmp_path):
    write(tmp_path / "page.html", """<html><head><title>Site | Strike on Kyiv</title>
        <script>var tracking = "more than 300 drones";</script><style>p {color: red}</style></head>
        <body><nav>Home &middot; World</nav><article><h1>Strike on Kyiv</h1>
        <p>Russia launched 40 drones &amp; 3 missiles.</p><p>Officials said&nbsp;damage was light.</p></article>
        <footer>Copyright</footer></body></html>""")
    (doc,), errors = read_folder(tmp_path)
    assert errors == []
    assert doc.title == "Strike on Kyiv"
    assert "Russia launched 40 drones & 3 missiles." in doc.text
    assert "Officials said damage was light." in doc.text
    for absent in ("tracking", "color", "Home", "Copyright", "<p>"):
        assert absent not in doc.text


def test_jsonl_gives_one_document_per_line_and_reports_the_malformed_one(tmp_path):
    lines = [
        json.dumps({"id": "x1", "title": "One", "text": "First article.", "published_date": "2025-10-16",
                    "url": "https://example.org/1"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Third article."}),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    docs, errors = read_folder(tmp_path)
    assert [d.source_name for d in docs] == ["feed.jsonl#x1", "feed.jsonl#4"]
    assert docs[0].published_date == dt.date(2025, 10, 16)
    assert docs[0].source_uri == "https://example.org/1"
    assert docs[0].title == "One"
    assert reasons(errors) == {"feed.jsonl#2": "malformed_json", "feed.jsonl#3": "missing_text"}


def test_manifest_gives_dates_urls_and_titles(tmp_path):
    write(tmp_path / "a.txt", "Headline\nBody.")
    write(tmp_path / "manifest.jsonl", json.dumps({"file": "a.txt", "published_date": "2024-10-16",
                                                   "url": "https://news.example/a", "title": "Real title"}))
    (doc,), errors = read_folder(tmp_path)
    assert errors == []
    assert (doc.published_date, doc.published_date_source) == (dt.date(2024, 10, 16), "metadata")
    assert doc.source_uri == "https://news.example/a"
    assert doc.title == "Real title"


def test_manifest_errors_are_reported_and_the_files_still_read(tmp_path):
    write(tmp_path / "a.txt", "Headline\nBody.")
    write(tmp_path / "manifest.jsonl", "\n".join([
        json.dumps({"file": "a.txt", "published_date": "16/10/2024"}),
        json.dumps({"file": "missing.txt", "published_date": "2024-10-16"}),
        json.dumps({"file": "../../etc/passwd"}),
        "garbage",
    ]))
    docs, errors = read_folder(tmp_path)
    assert len(docs) == 1 and docs[0].published_date_source != "metadata"
    assert reasons(errors) == {"manifest.jsonl:1": "manifest_error", "manifest.jsonl:2": "manifest_error",
                               "manifest.jsonl:3": "outside_input", "manifest.jsonl:4": "manifest_error"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
    ids=["empty_file", "whitespace_only", "binary_bytes", "png_header"],
)
def test_unusable_files_become_errors(tmp_path, content, reason):
    write(tmp_path / "bad.txt", content)
    write(tmp_path / "good.txt", "Headline\nA good article.")
    docs, errors = read_folder(tmp_path)
    assert [d.source_name for d in docs] == ["good.txt"]
    assert reasons(errors) == {"bad.txt": reason}


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        ("Kyiv — Київ, “quoted”".encode("utf-16"), "utf-16"),
        (("Zürich café, déjà vu, Genève: les tarifs ont été relevés à 39 %. " * 3).encode("latin-1"), "latin"),
        ("Headline\nbody".encode("utf-8-sig"), "utf-8"),
    ],
    ids=["utf16_with_bom", "latin1", "utf8_bom"],
)
def test_other_encodings_are_decoded_and_recorded(raw, encoding):
    text, detected = decode_bytes(raw)
    assert "\ufeff" not in text
    assert encoding in detected.lower().replace("_", "-") or (encoding == "latin" and "125" in detected)
    assert text.strip()


def test_latin1_file_is_ingested_with_its_encoding(tmp_path):
    write(tmp_path / "fr.txt", ("Genève: les droits de douane passent à 39 % sur les montres suisses. " * 3)
          .encode("latin-1"))
    (doc,), errors = read_folder(tmp_path)
    assert errors == []
    assert "Genève" in doc.text and doc.encoding != "utf-8"


def test_too_large_files_are_rejected_with_the_limit(tmp_path):
    write(tmp_path / "big.txt", "word " * 1000)
    docs, errors = read_folder(tmp_path, max_bytes=1000)
    assert docs == []
    assert errors[0].reason == "too_large" and "1,000" in errors[0].detail


def test_symlinks_outside_the_folder_and_loops_are_refused(tmp_path):
    outside = write(tmp_path / "secret.txt", "Secret\nnot for ingestion")
    root = tmp_path / "in"
    write(root / "a.txt", "Headline\nBody.")
    os.symlink(outside, root / "leak.txt")
    os.symlink(root, root / "loop")
    docs, errors = read_folder(root)
    assert [d.source_name for d in docs] == ["a.txt"]
    assert reasons(errors) == {"leak.txt": "outside_input", "loop": "symlink_loop"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_unreadable_file_is_an_error(tmp_path):
    path = write(tmp_path / "locked.txt", "Headline\nBody.")
    path.chmod(0)
    docs, errors = read_folder(tmp_path)
    assert docs == [] and reasons(errors) == {"locked.txt": "unreadable"}


def test_a_file_that_vanishes_after_discovery_is_an_error(tmp_path):
    from transforms.ingest import read_source

    path = write(tmp_path / "gone.txt", "Headline\nBody.")
    found = discover(tmp_path)
    path.unlink()
    docs, errors = read_source(found.files[0], found.manifest)
    assert docs == [] and errors[0].reason == "vanished"


def test_unsupported_and_hidden_files_are_ignored(tmp_path):
    write(tmp_path / "notes.csv", "a,b")
    write(tmp_path / ".hidden.txt", "Headline\nBody.")
    write(tmp_path / "a.txt", "Headline\nBody.")
    assert [f.name for f in discover(tmp_path).files] == ["a.txt"]
