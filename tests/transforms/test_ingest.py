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


def test_an_empty_file_and_a_whitespace_only_file_are_told_apart(tmp_path):
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", "  \n\t\n\u200b")  # spaces, a tab and a zero-width space
    _, errors = read_folder(tmp_path)
    details = {e.source_name: e.detail for e in errors}
    assert details == {"empty.txt": "the file is empty",
                       "blank.txt": "no text after normalisation (whitespace only)"}


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


# -- hostile inputs ------------------------------------------------------------------------------------------
def test_a_50_mb_file_is_refused_by_the_default_limit_without_being_read(tmp_path):
    import tracemalloc

    from transforms.ingest import DEFAULT_MAX_FILE_BYTES

    block = ("Russia launched 40 drones at Kyiv overnight, officials said. " * 16 + "\n").encode() * 1024
    with (tmp_path / "huge.txt").open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    write(tmp_path / "good.txt", "Headline\nA good article.")
    tracemalloc.start()
    try:
        docs, errors = read_folder(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert DEFAULT_MAX_FILE_BYTES == 20 * 1024 * 1024
    assert [d.source_name for d in docs] == ["good.txt"]
    assert reasons(errors) == {"huge.txt": "too_large"}
    assert "over the limit of 20,971,520 bytes" in errors[0].detail and "--max-file-mb" in errors[0].detail
    assert peak < 5 * 1024 * 1024  # the 50 MB were never loaded


def test_a_file_that_grows_after_its_size_check_is_read_only_up_to_the_limit(tmp_path, monkeypatch):
    import pathlib

    from transforms.ingest import read_source

    path = write(tmp_path / "growing.txt", "Headline\n" + "more text " * 500)
    found = discover(tmp_path)
    real_stat = pathlib.Path.stat

    def stale_stat(self, *args, **kwargs):  # the size seen before the file grew
        result = real_stat(self, *args, **kwargs)
        return os.stat_result((*result[:6], 100, *result[7:])) if self == path else result

    monkeypatch.setattr(pathlib.Path, "stat", stale_stat)
    docs, errors = read_source(found.files[0], found.manifest, max_bytes=1000)
    assert docs == [] and errors[0].reason == "too_large"


def test_a_2_mb_single_line_is_ingested_and_its_facts_found(tmp_path):
    import time

    from transforms.extract import extract_document
    from transforms.sentences import split_sentences

    filler = "Officials in the capital said repairs to the grid would continue through the week. "
    fact = "Russia launched 40 drones at the Poltava region. "
    line = "".join(fact if n % 250 == 0 else filler for n in range(25_000))
    assert len(line) > 2_000_000 and "\n" not in line
    write(tmp_path / "one_line.txt", "Grid repairs continue\n" + line)
    (doc,), errors = read_folder(tmp_path)
    assert errors == [] and len(doc.text) > 2_000_000
    rows = extract_document(doc, only=("weapon_counts",))["weapon_counts"]
    assert len(rows) == 100
    assert all(doc.text[r["char_start"]:r["char_end"]] == r["mention"] == "40 drones" for r in rows)
    assert {r["sentence"] for r in rows} == {fact.strip()}
    # sentence splitting is linear in the line's length: twice the text, about twice the time
    timings = {}
    for text in (line[: len(line) // 2], line):
        runs = []
        for _ in range(3):  # the fastest of three: a busy machine only ever adds time
            started = time.perf_counter()
            split_sentences(text)
            runs.append(time.perf_counter() - started)
        timings[len(text)] = min(runs)
    small, large = sorted(timings)
    assert timings[large] < 4 * timings[small] + 0.05, timings


FOREIGN_NEWS = {
    "uk": "Росія атакувала Україну: 300 дронів і 37 ракет\nУ ніч на четвер, 16 жовтня 2025 року, Росія "
          "випустила понад 300 ударних дронів та 37 ракет. Сили ППО збили 283 дрони. Знеструмлення "
          "зафіксовано у восьми областях, зокрема на Полтавщині. Мита на індійські товари зросли до 50%. "
          "Інфляція сягнула 12,5 % у вересні.",
    "ru": "Россия выпустила более 300 беспилотников и 37 ракет\nВ ночь на четверг ПВО сбила 283 беспилотника "
          "над 8 регионами. США повысили пошлины на индийские товары до 50% с 25%. Рост цен составил "
          "3,4 процента в октябре 2025 года.",
    "de": "Russland greift mit 300 Drohnen und 37 Raketen an\nIn der Nacht zum Donnerstag, dem 16. Oktober "
          "2025, feuerte Russland mehr als 300 Drohnen und 37 Marschflugkörper ab. In acht Regionen fiel der "
          "Strom aus. Die USA erhöhten die Zölle auf indische Waren auf 50 Prozent, zuvor waren es 25 %. "
          "Am Montag stieg der DAX um 1,5%.",
}


@pytest.mark.parametrize(("language", "encoding"),
                         [("uk", "utf-8"), ("uk", "cp1251"), ("ru", "koi8_r"), ("de", "latin-1")],
                         ids=["ukrainian_utf8", "ukrainian_cp1251", "russian_koi8r", "german_latin1"])
def test_news_in_other_languages_is_ingested_and_gives_no_false_facts(tmp_path, language, encoding):
    from transforms.extract import extract_document

    write(tmp_path / f"{language}.txt", FOREIGN_NEWS[language].encode(encoding))
    (doc,), errors = read_folder(tmp_path)
    assert errors == []
    assert doc.text == FOREIGN_NEWS[language]
    assert doc.encoding.replace("_", "-").lower() in {encoding.replace("_", "-"), "cp1252"}
    assert extract_document(doc) == {"date_mentions": [], "regions_affected": [], "tariff_rates": [],
                                     "weapon_counts": []}


@pytest.mark.parametrize("html", [
    "<html><body><p>Russia fired 12 missiles.</p><script>var x = '300 drones';",
    "<body><script>document.write('<p>500 drones</p>')</script><p>Russia fired 12 missiles.</p></body>",
    "<p>Russia fired 12 missiles.</p><!-- 400 drones --><![CDATA[ 800 drones ]]>",
    "<body onload=\"alert('60 drones')\"><p>Russia fired 12 missiles.</p>"
    "<img src=x onerror=\"n='70 drones'\">",
    "<head><script type='application/ld+json'>{\"headline\": \"90 drones\"}</script></head>"
    "<body><article><p>Russia fired 12 missiles.</p></article></body>",
], ids=["unclosed_script", "markup_inside_script", "comment_and_cdata", "event_handler_attributes",
        "json_ld"])
def test_html_never_lets_scripts_comments_or_attributes_into_the_text(tmp_path, html):
    write(tmp_path / "page.html", html)
    (doc,), errors = read_folder(tmp_path)
    assert errors == [] and doc.text == "Russia fired 12 missiles."


def test_numeric_and_named_entities_are_decoded(tmp_path):
    write(tmp_path / "page.html",
          "<p>Duties rose to 50&#37; &#8212; from 25&#x25; &amp; &euro;3bn&nbsp;more.</p>")
    (doc,), _ = read_folder(tmp_path)
    assert doc.text == "Duties rose to 50% — from 25% & €3bn more."


@pytest.mark.parametrize("entry", ["/etc/passwd", "sub/../../outside.txt", "leak.txt"],
                         ids=["absolute_path", "dotdot_inside_a_subfolder", "symlink_named_in_the_manifest"])
def test_manifest_entries_that_lead_outside_are_never_read(tmp_path, entry):
    outside = write(tmp_path / "outside.txt", "Secret\nnot for ingestion")
    root = tmp_path / "in"
    write(root / "sub" / "a.txt", "Headline\nBody.")
    os.symlink(outside, root / "leak.txt")
    write(root / "manifest.jsonl", json.dumps({"file": entry, "title": "stolen"}))
    docs, errors = read_folder(root)
    assert [d.source_name for d in docs] == ["sub/a.txt"] and docs[0].title != "stolen"
    assert reasons(errors)["manifest.jsonl:1"] == "outside_input"
    assert all("Secret" not in d.text for d in docs)


def test_a_symlinked_folder_outside_the_input_is_not_read(tmp_path):
    write(tmp_path / "elsewhere" / "secret.txt", "Secret\nnot for ingestion")
    root = tmp_path / "in"
    write(root / "a.txt", "Headline\nBody.")
    os.symlink(tmp_path / "elsewhere", root / "linked")
    docs, errors = read_folder(root)
    assert [d.source_name for d in docs] == ["a.txt"]
    assert reasons(errors) == {"linked": "outside_input"}


# -- transient and permanent read errors ---------------------------------------------------------------------
def failing_open(monkeypatch, name: str, errors: list[OSError]) -> list[str]:
    """Make opening files called `name` raise the given errors, one per attempt; returns the attempts."""
    import pathlib

    real_open = pathlib.Path.open
    attempts: list[str] = []

    def open_(self, *args, **kwargs):
        if self.name == name:
            attempts.append(self.name)
            if errors:
                raise errors.pop(0)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", open_)
    return attempts


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    import transforms.ingest as ingest

    delays: list[float] = []
    monkeypatch.setattr(ingest.time, "sleep", delays.append)
    return delays


@pytest.mark.parametrize("code", ["EIO", "EAGAIN", "ESTALE"])
def test_a_transient_read_error_is_retried(tmp_path, monkeypatch, sleeps, code):
    import errno

    write(tmp_path / "flaky.txt", "Headline\nRussia launched 40 drones.")
    number = getattr(errno, code)
    attempts = failing_open(monkeypatch, "flaky.txt", [OSError(number, os.strerror(number))])
    (doc,), errors = read_folder(tmp_path)
    assert errors == [] and "40 drones" in doc.text
    assert len(attempts) == 2 and len(sleeps) == 1


def test_retries_are_bounded_with_a_growing_delay(tmp_path, monkeypatch, sleeps):
    import errno

    from transforms.ingest import READ_ATTEMPTS

    write(tmp_path / "broken.txt", "Headline\nBody.")
    eio = [OSError(errno.EIO, "Input/output error") for _ in range(10)]
    attempts = failing_open(monkeypatch, "broken.txt", eio)
    docs, errors = read_folder(tmp_path)
    assert docs == [] and reasons(errors) == {"broken.txt": "unreadable"}
    assert errors[0].detail == f"Input/output error (after {READ_ATTEMPTS} attempts)"
    assert len(attempts) == READ_ATTEMPTS == 3
    assert sleeps == sorted(sleeps) and len(sleeps) == READ_ATTEMPTS - 1 and sleeps[-1] > sleeps[0]


@pytest.mark.parametrize(("error", "reason"), [
    (PermissionError(13, "Permission denied"), "unreadable"),
    (IsADirectoryError(21, "Is a directory"), "unreadable"),
    (FileNotFoundError(2, "No such file or directory"), "vanished"),
], ids=["permission_denied", "is_a_directory", "not_found"])
def test_permanent_read_errors_are_not_retried(tmp_path, monkeypatch, sleeps, error, reason):
    write(tmp_path / "bad.txt", "Headline\nBody.")
    write(tmp_path / "good.txt", "Headline\nA good article.")
    attempts = failing_open(monkeypatch, "bad.txt", [error])
    docs, errors = read_folder(tmp_path)
    assert [d.source_name for d in docs] == ["good.txt"]
    assert reasons(errors) == {"bad.txt": reason}
    assert attempts == ["bad.txt"] and sleeps == []


def test_a_jsonl_file_failing_midway_is_read_again_from_the_start_once(tmp_path, monkeypatch, sleeps):
    import errno
    import pathlib

    lines = [json.dumps({"id": f"r{n}", "text": f"Article number {n}."}) for n in range(5)]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    real_open = pathlib.Path.open
    opened = []

    class FailsAfterTwoLines:
        """A file handle whose third readline fails with EIO (a network mount dropping out)."""

        def __init__(self, handle):
            self.handle, self.lines_read = handle, 0

        def readline(self, *args):
            if self.lines_read == 2:
                raise OSError(errno.EIO, "Input/output error")
            self.lines_read += 1
            return self.handle.readline(*args)

        def __enter__(self):
            return self

        def __exit__(self, *exc_info):
            self.handle.close()

    def open_(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        if self.name == "feed.jsonl":
            opened.append(1)
            if len(opened) == 1:
                return FailsAfterTwoLines(handle)
        return handle

    monkeypatch.setattr(pathlib.Path, "open", open_)
    docs, errors = read_folder(tmp_path)
    assert errors == [] and len(opened) == 2 and len(sleeps) == 1
    assert [d.source_name for d in docs] == [f"feed.jsonl#r{n}" for n in range(5)]


def test_a_file_without_read_permission_is_an_error_even_as_root(tmp_path, monkeypatch, sleeps):
    """chmod 000 does not stop root; the same PermissionError is simulated where the test runs as root."""
    path = write(tmp_path / "locked.txt", "Headline\nBody.")
    path.chmod(0)
    if os.geteuid() == 0:
        failing_open(monkeypatch, "locked.txt", [PermissionError(13, "Permission denied")])
    docs, errors = read_folder(tmp_path)
    assert docs == [] and reasons(errors) == {"locked.txt": "unreadable"}
    assert "Permission denied" in errors[0].detail and sleeps == []
