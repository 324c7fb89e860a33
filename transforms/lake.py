"""The Parquet lake: staged writes, one atomic commit per run, and consistent reads.

Layout (see docs/lake.md):

    <lake>/_manifest.json            the commit point: the list of live files of every table
    <lake>/<table>/part-<run>-<n>.parquet
    <lake>/_staging/<run>/...        files of a run that has not committed (never read)
    <lake>/_lock                     held (flock) by the one process writing

A run writes its files under _staging/<run>/, then replaces _manifest.json in one atomic rename
(the commit point), then moves the staged files to their final names. A reader that goes through
the manifest (the warehouse views do) sees a run entirely or not at all. After a crash, the next
writer completes the moves of a committed run and deletes what an uncommitted run left behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import itertools
import json
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from transforms.contract import Table

MANIFEST = "_manifest.json"
STAGING = "_staging"
LOCK = "_lock"
# Staged files end in ".parquet.part" so that no "*.parquet" glob ever matches a file being written.
PART_SUFFIX = ".parquet.part"
# How often a reader re-reads the manifest when a file it lists moved or went away under it.
READ_ATTEMPTS = 5


class LakeBusy(RuntimeError):
    """Another process holds the lake's write lock."""


class SchemaDrift(RuntimeError):
    """A file's schema differs from the table's contract."""


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus random suffix."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + uuid.uuid4().hex[:8]


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


@dataclass
class Manifest:
    """The committed state of the lake: live files per table (paths relative to the lake root)."""

    version: int = 0
    run_id: str | None = None
    tables: dict[str, list[str]] = field(default_factory=dict)
    pending_moves: list[tuple[str, str]] = field(default_factory=list)
    # Files a commit replaced (full refresh) that the warehouse views may still read: a run killed
    # before it re-pointed the views leaves them in use. Deleted only when a later run has committed
    # and re-pointed the warehouse (RunWriter's block ends), never by recovery.
    retired: list[str] = field(default_factory=list)

    def to_json(self) -> bytes:
        return json.dumps({"version": self.version, "run_id": self.run_id, "tables": self.tables,
                           "pending_moves": self.pending_moves, "retired": self.retired},
                          indent=1, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        raw = json.loads(data)
        return cls(version=raw["version"], run_id=raw.get("run_id"), tables=raw["tables"],
                   pending_moves=[tuple(m) for m in raw.get("pending_moves", [])],
                   retired=list(raw.get("retired", [])))


class Lake:
    """A lake folder: read the committed tables, and write a run's files with one atomic commit."""

    def __init__(self, root: Path | str):
        self.root = Path(root).expanduser().resolve()

    # -- reading ---------------------------------------------------------------------------------------
    def manifest(self) -> Manifest:
        try:
            return Manifest.from_json((self.root / MANIFEST).read_bytes())
        except FileNotFoundError:
            return Manifest()

    def exists(self) -> bool:
        return (self.root / MANIFEST).exists()

    def files(self, table: str, manifest: Manifest | None = None) -> list[Path]:
        """Absolute paths of the committed files of `table` (in the current manifest, or in `manifest`).

        A committed file that its run has not moved to its final name yet (the run is moving it right
        now, or died between its commit point and the moves) is read from its staged name.
        """
        manifest = manifest or self.manifest()
        staged = {final: source for source, final in manifest.pending_moves}
        paths = []
        for rel in manifest.tables.get(table, []):
            path = self.root / rel
            if rel in staged and not path.exists() and (self.root / staged[rel]).exists():
                path = self.root / staged[rel]
            paths.append(path)
        return paths

    def read(self, table: Table, columns: list[str] | None = None,
             manifest: Manifest | None = None) -> pa.Table:
        """The committed rows of a table (optionally only some columns) as one Arrow table.

        A writer may move a committed file, or delete a replaced one, between our reading the manifest
        and opening the file: then the manifest is read again (a few times), so the result is always
        one committed state, never an error or a mix. Pass the same `manifest` to read several tables
        of one version (a full refresh deletes its replaced files: then reading that version fails).
        """
        schema = table.schema if columns is None else pa.schema([table.schema.field(c) for c in columns])
        for attempt in itertools.count(1):
            paths = self.files(table.name, manifest)
            if not paths:
                return schema.empty_table()
            try:
                return pa.concat_tables([pq.read_table(p, columns=columns, schema=schema) for p in paths])
            except FileNotFoundError:
                if attempt >= READ_ATTEMPTS:
                    raise
                time.sleep(0.05 * attempt)

    def iter_batches(self, table: Table, columns: list[str] | None = None,
                     batch_size: int = 2000) -> Iterator[pa.RecordBatch]:
        """The committed rows of a table in record batches (bounded memory)."""
        for path in self.files(table.name):
            yield from pq.ParquetFile(path).iter_batches(batch_size=batch_size, columns=columns)

    def count(self, table: str) -> int:
        return sum(pq.ParquetFile(p).metadata.num_rows for p in self.files(table))

    # -- writing ---------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def writer(self, run_id: str | None = None, wait_seconds: float = 0.0) -> Iterator[RunWriter]:
        """Hold the write lock, recover from any crashed run, and yield a writer for one run.

        Nothing is visible to readers until `RunWriter.commit()`; leaving the block without
        committing discards the run's staged files.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        with self.lock(wait_seconds):
            self.recover()
            run_writer = RunWriter(self, run_id or new_run_id())
            try:
                yield run_writer
            finally:
                run_writer.discard_staging()
            # Replaced files go only after the block, once the warehouse points at the new ones.
            if run_writer.committed:
                self.collect_garbage(keep_retired=False)

    @contextlib.contextmanager
    def lock(self, wait_seconds: float = 0.0) -> Iterator[None]:
        """The lake's write lock: an flock that the kernel releases when its process dies (never stale)."""
        self.root.mkdir(parents=True, exist_ok=True)
        handle = open(self.root / LOCK, "a+")
        deadline = time.monotonic() + max(0.0, wait_seconds)
        try:
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        holder = handle.read().strip() if handle.seek(0) == 0 else ""
                        raise LakeBusy(f"another newsfacts run is writing to {self.root}"
                                       f"{f' ({holder})' if holder else ''}") from None
                    time.sleep(0.2)
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}\n")
            handle.flush()
            yield
        finally:
            handle.close()  # closing the descriptor releases the flock

    def recover(self) -> list[str]:
        """Finish a committed run's moves and delete what uncommitted runs left. Returns what was done.

        Files that a commit replaced stay: the warehouse may still read them (see Manifest.retired).
        """
        done = self.complete_moves()
        staging = self.root / STAGING
        if staging.exists():
            for leftover in staging.iterdir():
                _remove_tree(leftover)
                done.append(f"discarded {STAGING}/{leftover.name}")
        done.extend(self.collect_garbage(keep_retired=True))
        for path in self.root.glob(f"{MANIFEST}.*.tmp"):
            path.unlink()
        return done

    def complete_moves(self) -> list[str]:
        """Move a committed run's staged files to their final names (idempotent)."""
        manifest = self.manifest()
        done = []
        for staged, final in manifest.pending_moves:
            source, target = self.root / staged, self.root / final
            if source.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
                done.append(f"moved {staged}")
        if manifest.pending_moves:
            manifest.pending_moves = []
            _write_atomically(self.root / MANIFEST, manifest.to_json())
        return done

    def collect_garbage(self, keep_retired: bool = False) -> list[str]:
        """Delete table files the manifest no longer lists (replaced by a full refresh, or orphaned).

        With keep_retired, the files replaced by a commit stay (the warehouse may still read them).
        """
        manifest = self.manifest()
        keep = {rel for rels in manifest.tables.values() for rel in rels}
        if keep_retired:
            keep.update(manifest.retired)
        done = []
        for table_dir in self.root.iterdir():
            if not table_dir.is_dir() or table_dir.name.startswith("_"):
                continue
            for path in table_dir.iterdir():
                rel = path.relative_to(self.root).as_posix()
                if rel not in keep and (path.name.endswith(".parquet") or path.name.endswith(PART_SUFFIX)):
                    path.unlink()
                    done.append(f"deleted {rel}")
        if manifest.retired and not keep_retired:
            manifest.retired = []
            _write_atomically(self.root / MANIFEST, manifest.to_json())
        return done


def _remove_tree(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        for child in path.iterdir():
            _remove_tree(child)
        path.rmdir()
    else:
        path.unlink(missing_ok=True)


class RunWriter:
    """The files one run adds (or replaces), published together by `commit()`."""

    def __init__(self, lake: Lake, run_id: str):
        self.lake = lake
        self.run_id = run_id
        self.staging = lake.root / STAGING / run_id
        self.staged: dict[str, list[str]] = {}
        self.replaced: set[str] = set()
        self.rows: dict[str, int] = {}
        self.committed = False
        self._written: set[tuple[str, str]] = set()  # (table, fingerprint of the keys) of every staged file

    def write(self, table: Table, data: pa.Table) -> None:
        """Stage one Parquet file of `table` (schema checked against the contract).

        Staging the same rows (the same keys) again is a no-op, so that a retried task that had staged
        part of its batch before it failed never publishes a row twice.
        """
        if not data.schema.equals(table.schema, check_metadata=False):
            raise SchemaDrift(f"{table.name}: rows do not match the contract schema:\n"
                              f"expected {table.schema}\ngot {data.schema}")
        written = (table.name, _keys_fingerprint(data, table.key))
        if written in self._written:
            return
        data = data.replace_schema_metadata(table.schema.metadata)
        data = pa.Table.from_batches(data.to_batches(), schema=table.schema)
        number = len(self.staged.get(table.name, []))
        rel = f"{table.name}/part-{self.run_id}-{number:05d}.parquet"
        staged_path = self.staging / (rel + ".part")
        staged_path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(data, staged_path, compression="zstd")
        self.staged.setdefault(table.name, []).append(rel)
        self.rows[table.name] = self.rows.get(table.name, 0) + data.num_rows
        self._written.add(written)

    def replace(self, table: Table) -> None:
        """On commit, the files staged for `table` replace all its current files (a full refresh)."""
        self.replaced.add(table.name)

    def ensure_tables(self, tables: Iterable[Table]) -> None:
        """Stage an empty file for every table that has none yet, so each exists with its real schema."""
        current = self.lake.manifest().tables
        for table in tables:
            has_files = bool(current.get(table.name)) and table.name not in self.replaced
            if not has_files and not self.staged.get(table.name):
                self.write(table, table.empty())

    def commit(self) -> int:
        """Publish every staged file at once. Returns the new manifest version.

        Committing again (a retried publish task) only finishes the moves: the run is published once.
        """
        if self.committed:
            self.lake.complete_moves()
            self.discard_staging()
            return self.lake.manifest().version
        old = self.lake.manifest()
        tables = {name: list(files) for name, files in old.tables.items()}
        moves = []
        retired = list(old.retired)
        for name in self.replaced:
            retired.extend(tables.get(name, []))
            tables[name] = []
        for name, rels in self.staged.items():
            tables.setdefault(name, []).extend(rels)
            moves.extend((f"{STAGING}/{self.run_id}/{rel}.part", rel) for rel in rels)
        new = Manifest(version=old.version + 1, run_id=self.run_id, tables=tables, pending_moves=moves,
                       retired=retired)
        if self.staging.exists():
            for path in self.staging.rglob("*" + PART_SUFFIX):
                with open(path, "rb") as handle:
                    os.fsync(handle.fileno())
        _write_atomically(self.lake.root / MANIFEST, new.to_json())  # the commit point
        self.committed = True
        self.lake.complete_moves()
        self.discard_staging()  # only empty folders are left of a committed run's staging
        return new.version

    def discard_staging(self) -> None:
        """Delete the run's staging folder: all of it before the commit, only its empty folders after."""
        if self.staging.exists():
            if self.committed:
                _remove_empty_dirs(self.staging)
            else:
                _remove_tree(self.staging)
        with contextlib.suppress(OSError):
            (self.lake.root / STAGING).rmdir()


def _keys_fingerprint(data: pa.Table, key: str) -> str:
    """A digest of a table's key column (its row count when it has none): equal for the same rows."""
    digest = hashlib.sha256(str(data.num_rows).encode())
    if key in data.column_names:
        for value in data.column(key).to_pylist():
            digest.update(b"\x1f" + str(value).encode())
    return digest.hexdigest()


def _remove_empty_dirs(path: Path) -> None:
    """Remove `path` and the folders below it that hold no file (files, if any, stay where they are)."""
    for child in path.iterdir():
        if child.is_dir() and not child.is_symlink():
            _remove_empty_dirs(child)
    with contextlib.suppress(OSError):
        path.rmdir()
