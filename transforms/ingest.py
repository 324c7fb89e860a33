"""Reading an input folder: discovery, decoding, the manifest and every input format, with errors as data.

Nothing here raises on bad input: every file or line that cannot become a Document becomes an
IngestError (file, reason, detail) and the good documents beside it are kept.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import itertools
import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from transforms.documents import Document, make_document
from transforms.html_text import html_to_text

T = TypeVar("T")

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MANIFEST_NAME = "manifest.jsonl"
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# Errors that a second attempt may not meet (a flaky network or FUSE mount, a busy device). Missing
# files, permissions and folders are permanent: they become ingest_errors at once.
TRANSIENT_ERRNOS = frozenset({errno.EIO, errno.EAGAIN, errno.EBUSY, errno.ETIMEDOUT, errno.ESTALE,
                              errno.ECONNRESET, errno.ENOLCK})
READ_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 0.1  # doubled after each failed attempt
READ_CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True)
class IngestError:
    """An input that could not be ingested, and why."""

    source_name: str
    reason: str
    detail: str
    fingerprint: str = ""

    @property
    def error_id(self) -> str:
        raw = f"{self.source_name}|{self.reason}|{self.fingerprint}".encode()
        return hashlib.sha256(raw).hexdigest()[:32]


@dataclass(frozen=True)
class SourceFile:
    """A discovered input file: its absolute path and its name relative to the input folder."""

    location: str  # the absolute path as a string: a Path per file costs a second of an idle 100k run
    name: str
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        return Path(self.location)

    @property
    def fingerprint(self) -> str:
        return f"{self.size}:{self.mtime_ns}"


@dataclass(frozen=True)
class ManifestEntry:
    """Metadata for one file, from a manifest.jsonl."""

    published_date: dt.date | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class Discovery:
    """What a folder holds: the input files, the manifest metadata and the errors met on the way."""

    files: list[SourceFile] = field(default_factory=list)
    manifest: dict[str, ManifestEntry] = field(default_factory=dict)
    errors: list[IngestError] = field(default_factory=list)


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?\s*")


def parse_date(value: object) -> dt.date | None:
    """A date from an ISO string ("2025-10-16", "2025-10-16T08:00:00Z"); ValueError when malformed."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a date string: {value!r}")
    match = _ISO_DATE.fullmatch(value)
    if not match:
        raise ValueError(f"not an ISO date: {value!r}")
    return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def discover(input_dir: Path) -> Discovery:
    """Every supported file under `input_dir` (recursively), its manifests' metadata, and what was refused.

    Symlinks are followed only when they resolve inside the input folder; a directory reached twice
    (a symlink loop) is read once.
    """
    root = input_dir.resolve()
    found = Discovery()
    visited_dirs: set[Path] = set()
    pending = [root]
    while pending:
        directory = pending.pop()
        real_dir = directory.resolve()
        if real_dir in visited_dirs:
            continue
        visited_dirs.add(real_dir)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            found.errors.append(IngestError(_relative(directory, root), "unreadable", f"cannot list folder: {exc}"))
            continue
        # names relative to the input folder, built as strings: pathlib's relative_to on each of 100k files
        # costs seconds of a run that finds nothing new
        prefix = _name_prefix(directory, root)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = prefix + entry.name
            try:
                if entry.is_symlink():
                    try:
                        target = Path(entry.path).resolve(strict=True)
                    except (OSError, RuntimeError) as exc:
                        reason = "symlink_loop" if "loop" in str(exc).lower() or isinstance(exc, RuntimeError) \
                            else "vanished"
                        found.errors.append(IngestError(name, reason, f"broken or looping symlink: {exc}"))
                        continue
                    if not _inside(target, root):
                        found.errors.append(IngestError(name, "outside_input",
                                                        f"symlink leads outside the input folder ({target})"))
                        continue
                    if target.is_dir():
                        if target in visited_dirs or _inside(real_dir, target):
                            found.errors.append(IngestError(name, "symlink_loop",
                                                            f"symlink to a folder already read ({target})"))
                        else:
                            pending.append(Path(entry.path))
                        continue
                if entry.is_dir():
                    pending.append(Path(entry.path))
                    continue
                if not entry.is_file():
                    continue
                file_stat = entry.stat()
            except OSError as exc:
                found.errors.append(IngestError(name, "unreadable", str(exc)))
                continue
            if entry.name == MANIFEST_NAME:
                _load_manifest(Path(entry.path), root, found, real_dir if directory == real_dir else None)
            elif os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES:
                found.files.append(SourceFile(entry.path, name, file_stat.st_size, file_stat.st_mtime_ns))
    found.files.sort(key=lambda f: f.name)
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return path.as_posix()


def _name_prefix(directory: Path, root: Path) -> str:
    """What goes before an entry's name to make its name relative to the input folder ("" or "sub/")."""
    relative = _relative(directory, root)
    return "" if relative == "." else relative + "/"


def _load_manifest(path: Path, root: Path, found: Discovery, real_dir: Path | None = None) -> None:
    """Read a manifest's entries into found.manifest; `real_dir` is its folder when reached without a symlink."""
    manifest_name = _relative(path, root)
    base = path.parent
    real_prefix = _name_prefix(real_dir, root) if real_dir is not None else None
    plain_folders: dict[str, bool] = {}
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError as exc:
        found.errors.append(IngestError(manifest_name, "unreadable", str(exc)))
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{manifest_name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            found.errors.append(IngestError(where, "manifest_error", f"malformed JSON: {exc.msg}", line[:200]))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("file"), str) or not record["file"]:
            found.errors.append(IngestError(where, "manifest_error", 'entry without a "file" string', line[:200]))
            continue
        name = _plain_file_name(real_dir, real_prefix, record["file"], plain_folders)
        if name is None:
            target = (base / record["file"]).resolve()
            if not _inside(target, root):
                found.errors.append(IngestError(where, "outside_input",
                                                f"manifest names a file outside the input folder: {record['file']!r}"))
                continue
            if not target.is_file():
                found.errors.append(IngestError(where, "manifest_error", f"manifest names a missing file: "
                                                                         f"{record['file']!r}", line[:200]))
                continue
            name = _relative(target, root)
        try:
            published = parse_date(record.get("published_date"))
        except ValueError as exc:
            found.errors.append(IngestError(where, "manifest_error", f"bad published_date ({exc}); "
                                                                     "the file is read without it", line[:200]))
            published = None
        found.manifest[name] = ManifestEntry(
            published_date=published,
            url=record.get("url") if isinstance(record.get("url"), str) else None,
            title=record.get("title") if isinstance(record.get("title"), str) else None,
        )


def _plain_file_name(real_dir: Path | None, real_prefix: str | None, file: str,
                     plain_folders: dict[str, bool]) -> str | None:
    """The input-folder name of a manifest entry that is a regular file reached through plain folders (no
    symlink, no "..") from the manifest's folder, itself reached without a symlink: one lstat per entry and
    per folder (cached in `plain_folders`), where resolving the path walks every component of every entry.
    None when the entry needs the full check (a symlink, anything missing or odd)."""
    if real_dir is None or "\\" in file:
        return None
    parts = file.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    for depth in range(1, len(parts)):
        folder = "/".join(parts[:depth])
        plain = plain_folders.get(folder)
        if plain is None:
            plain = plain_folders[folder] = _lstat_mode(os.path.join(real_dir, folder)) in _DIRECTORY_MODE
        if not plain:
            return None
    return real_prefix + file if _lstat_mode(os.path.join(real_dir, file)) in _FILE_MODE else None


def _lstat_mode(path: str) -> int | None:
    """The file type bits of `path` itself (a symlink is not followed); None when it cannot be read."""
    try:
        return stat.S_IFMT(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return None


_DIRECTORY_MODE, _FILE_MODE = (stat.S_IFDIR,), (stat.S_IFREG,)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of raw bytes: a BOM, else UTF-8, else the detected encoding.

    Raises ValueError with reason "binary" or "undecodable" in args[0].
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ValueError("undecodable", f"invalid {encoding} after its byte-order mark: {exc}") from exc
    head = data[:8192]
    if b"\x00" in head:
        raise ValueError("binary", "contains NUL bytes: not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text, encoding = _detect(data)
    if _control_ratio(text) > 0.05:
        raise ValueError("binary", f"decodes as {encoding} only to control characters: not a text file")
    return text, encoding


# Legacy encodings of English-language news, most likely first. Single-byte Latin code pages decode
# the same bytes equally "cleanly", so the detector's tie is broken towards the common one.
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")
_LATIN_LOOKALIKES = frozenset({"cp1250", "cp1257", "iso8859_2", "iso8859_10", "iso8859_13", "iso8859_4",
                               "cp775", "cp850", "cp852", "hp_roman8", "mac_roman", "mac_latin2"})


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise ValueError("undecodable", "not UTF-8 and no encoding could be detected")
    tied = {match.encoding for match in results if match.chaos <= best.chaos + 0.01}
    for encoding in _PREFERRED_LEGACY:
        if encoding in tied:
            return data.decode(encoding), encoding
    if best.encoding in _LATIN_LOOKALIKES:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample)


def read_source(source: SourceFile, manifest: dict[str, ManifestEntry],
                max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> tuple[list[Document], list[IngestError]]:
    """The documents of one input file, and the errors of the parts that could not be read."""
    suffix = source.path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(source, max_bytes)
    try:
        size = _with_retries(source.path.stat).st_size
    except FileNotFoundError:
        return [], [IngestError(source.name, "vanished", "the file disappeared before it could be read",
                                source.fingerprint)]
    except OSError as exc:
        return [], [IngestError(source.name, "unreadable", _os_error_detail(exc), source.fingerprint)]
    if size > max_bytes:
        return [], [IngestError(source.name, "too_large",
                                f"{size:,} bytes is over the limit of {max_bytes:,} bytes "
                                "(raise it with --max-file-mb)", source.fingerprint)]
    try:
        data = _read_bounded(source.path, max_bytes, size)
    except FileNotFoundError:
        return [], [IngestError(source.name, "vanished", "the file disappeared before it could be read",
                                source.fingerprint)]
    except OSError as exc:
        return [], [IngestError(source.name, "unreadable", _os_error_detail(exc), source.fingerprint)]
    if len(data) > max_bytes:  # it grew after the size check: still never more than the limit in memory
        return [], [IngestError(source.name, "too_large",
                                f"over the limit of {max_bytes:,} bytes (raise it with --max-file-mb)",
                                source.fingerprint)]
    fingerprint = hashlib.sha256(data).hexdigest()[:16]
    try:
        raw, encoding = decode_bytes(data)
    except ValueError as exc:
        return [], [IngestError(source.name, exc.args[0], exc.args[1], fingerprint)]
    meta = manifest.get(source.name, ManifestEntry())
    title = meta.title
    if suffix in HTML_SUFFIXES:
        html_title, raw = html_to_text(raw)
        title = title or html_title
    doc = make_document(raw, source_name=source.name, source_uri=meta.url or source.path.resolve().as_uri(),
                        title=title, published_date=meta.published_date, encoding=encoding)
    if not doc.text:
        reason_detail = "the file is empty" if not data else "no text after normalisation (whitespace only)"
        return [], [IngestError(source.name, "empty", reason_detail, fingerprint)]
    return [doc], []


def is_transient(exc: OSError) -> bool:
    """Whether an OSError is worth another attempt."""
    return exc.errno in TRANSIENT_ERRNOS and not isinstance(exc, (FileNotFoundError, PermissionError,
                                                                  IsADirectoryError, NotADirectoryError))


def _with_retries(read: Callable[[], T]) -> T:
    """read(), attempted up to READ_ATTEMPTS times with a doubling delay while it fails transiently."""
    delay = RETRY_DELAY_SECONDS
    for attempt in itertools.count(1):
        try:
            return read()
        except OSError as exc:
            if attempt >= READ_ATTEMPTS or not is_transient(exc):
                if attempt > 1:
                    exc.add_note(f"after {attempt} attempts")
                raise
        time.sleep(delay)
        delay *= 2


def _read_bounded(path: Path, max_bytes: int, expected_size: int) -> bytes:
    """At most max_bytes + 1 bytes of a file (more means too large), retrying transient errors.

    The first read asks for the size the file had when it was checked (a buffer of max_bytes would be
    allocated for every small file); a file that has grown since is read on in chunks up to the limit.
    """

    def read() -> bytes:
        with path.open("rb") as handle:
            chunks = [handle.read(min(expected_size, max_bytes) + 1)]
            total = len(chunks[0])
            while chunks[-1] and total <= max_bytes:
                chunks.append(handle.read(min(READ_CHUNK_BYTES, max_bytes + 1 - total)))
                total += len(chunks[-1])
        chunks = [chunk for chunk in chunks if chunk]
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)  # one chunk: no copy

    return _with_retries(read)


def _os_error_detail(exc: OSError) -> str:
    notes = "; ".join(getattr(exc, "__notes__", ()))
    return f"{exc.strerror or exc}" + (f" ({notes})" if notes else "")


def _read_jsonl(source: SourceFile, max_bytes: int) -> tuple[list[Document], list[IngestError]]:
    """The records of a JSONL file; a transient read error starts the file again (bounded attempts)."""
    try:
        return _with_retries(lambda: _read_jsonl_once(source, max_bytes))
    except FileNotFoundError:
        return [], [IngestError(source.name, "vanished", "the file disappeared before it could be read",
                                source.fingerprint)]
    except OSError as exc:
        return [], [IngestError(source.name, "unreadable", _os_error_detail(exc), source.fingerprint)]


def _read_jsonl_once(source: SourceFile, max_bytes: int) -> tuple[list[Document], list[IngestError]]:
    docs: list[Document] = []
    errors: list[IngestError] = []
    with source.path.open("rb") as handle:
        for number, line in enumerate(_bounded_lines(handle, max_bytes), start=1):
            where = f"{source.name}#{number}"
            if line is None:
                errors.append(IngestError(where, "too_large", f"line over the limit of {max_bytes:,} bytes",
                                          source.fingerprint))
                continue
            if not line.strip():
                continue
            fingerprint = hashlib.sha256(line).hexdigest()[:16]
            try:
                raw_line, _ = decode_bytes(line)
                record = json.loads(raw_line)
            except ValueError as exc:
                detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc.args[-1])
                errors.append(IngestError(where, "malformed_json", f"line {number}: {detail}", fingerprint))
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                errors.append(IngestError(where, "missing_text", f'line {number} has no "text" string',
                                          fingerprint))
                continue
            record_id = record.get("id")
            name = f"{source.name}#{record_id}" if record_id not in (None, "") else where
            try:
                published = parse_date(record.get("published_date"))
            except ValueError as exc:
                errors.append(IngestError(name, "manifest_error", f"bad published_date ({exc}); "
                                                                  "the record is read without it", fingerprint))
                published = None
            url = record.get("url") if isinstance(record.get("url"), str) else None
            title = record.get("title") if isinstance(record.get("title"), str) else None
            doc = make_document(record["text"], source_name=name,
                                source_uri=url or f"{source.path.resolve().as_uri()}#{record_id or number}",
                                title=title, published_date=published)
            if not doc.text:
                errors.append(IngestError(name, "empty", f"line {number} has an empty text", fingerprint))
                continue
            docs.append(doc)
    return docs, errors


def _bounded_lines(handle, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary file; None in place of a line longer than max_bytes (skipped in bounded memory)."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # discard the rest of the oversized line
                rest = handle.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def read_folder(input_dir: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> tuple[list[Document], list[IngestError]]:
    """Every document of a folder and every error, in file order (convenience for tests and tools)."""
    discovery = discover(input_dir)
    docs: list[Document] = []
    errors = list(discovery.errors)
    for source in discovery.files:
        found, failed = read_source(source, discovery.manifest, max_bytes)
        docs.extend(found)
        errors.extend(failed)
    return docs, errors
