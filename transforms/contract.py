"""The table contract: every table's columns, types, descriptions, keys and enumerations, declared once.

The Parquet schemas, the base expectation suites, the data dictionary (docs/data_dictionary.md) and the
staging SQL models all derive from these declarations; tests fail when any of them drifts.
Fact tables are declared next to their extractor (transforms/extract/<table>.py) from the common
columns below, so that a new fact type is one new file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pyarrow as pa

CONTRACT_VERSION = "1"


@dataclass(frozen=True)
class Column:
    """One column: name, Arrow type, nullability, description and (for enumerations) its values."""

    name: str
    type: pa.DataType
    description: str
    nullable: bool = True
    values: tuple[str, ...] | None = None
    # A column that must equal the text of the document at [char_start, char_end)
    is_span_text: bool = False

    def arrow_field(self) -> pa.Field:
        metadata = {"description": self.description}
        if self.values:
            metadata["accepted_values"] = ",".join(self.values)
        return pa.field(self.name, self.type, nullable=self.nullable, metadata=metadata)


@dataclass(frozen=True)
class Table:
    """A lake table: its grain, columns and primary key."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: str
    version: str = "1"
    is_fact: bool = False
    extra_rules: dict = field(default_factory=dict)

    @property
    def schema(self) -> pa.Schema:
        return pa.schema(
            [c.arrow_field() for c in self.columns],
            metadata={"table": self.name, "description": self.description, "contract_version": CONTRACT_VERSION},
        )

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    def empty(self) -> pa.Table:
        return self.schema.empty_table()

    def to_arrow(self, rows: list[dict]) -> pa.Table:
        """Rows (dicts keyed by column name) as an Arrow table of exactly this schema."""
        if not rows:
            return self.empty()
        columns = {name: [row.get(name) for row in rows] for name in self.column_names}
        return pa.Table.from_pydict(columns, schema=self.schema)


STRING = pa.string()
INT32 = pa.int32()
INT64 = pa.int64()
DOUBLE = pa.float64()
DATE = pa.date32()
TIMESTAMP_UTC = pa.timestamp("us", tz="UTC")
BOOL = pa.bool_()

DOCUMENTS = Table(
    name="documents",
    description="One row per distinct article text (the same text read twice is one row).",
    key="doc_id",
    columns=(
        Column("doc_id", STRING, "Stable id: the first 32 hex digits of the SHA-256 of the normalised text.",
               nullable=False),
        Column("source_name", STRING,
               "The file's path relative to the input folder; for JSONL `file.jsonl#<id or line number>`.",
               nullable=False),
        Column("source_uri", STRING, "URL from the metadata, else the absolute file URI.", nullable=False),
        Column("title", STRING, "Headline: metadata title, else the first non-empty line (HTML: <title>/<h1>)."),
        Column("text", STRING, "The normalised text that every character offset in the fact tables refers to.",
               nullable=False),
        Column("published_date", DATE, "Publication date; null when unknown."),
        Column("published_date_source", STRING,
               "Where published_date came from: `metadata` (manifest or record), `inferred` (from the text) "
               "or null.", values=("metadata", "inferred")),
        Column("ingested_at", TIMESTAMP_UTC, "First time this text was ingested (UTC).", nullable=False),
        Column("encoding", STRING, "Encoding the raw bytes were decoded from (`utf-8`, or the detected one).",
               nullable=False),
        Column("char_count", INT32, "Length of `text` in characters.", nullable=False),
    ),
)

INGEST_ERRORS = Table(
    name="ingest_errors",
    description="One row per input that could not be ingested (file and reason); a rerun does not repeat it.",
    key="error_id",
    columns=(
        Column("error_id", STRING, "Deterministic id of (source, reason, content fingerprint).", nullable=False),
        Column("source_name", STRING, "The input's path relative to the input folder (JSONL: `file#line`).",
               nullable=False),
        Column("reason", STRING, "Machine-readable reason.", nullable=False,
               values=("empty", "binary", "undecodable", "unreadable", "too_large", "malformed_json",
                       "missing_text", "manifest_error", "outside_input", "symlink_loop", "vanished",
                       "unsupported_encoding")),
        Column("detail", STRING, "Human-readable explanation."),
        Column("first_seen_at", TIMESTAMP_UTC, "When the error was first recorded (UTC).", nullable=False),
        Column("run_id", STRING, "The run that first recorded it.", nullable=False),
    ),
)

REJECTED_FACTS = Table(
    name="rejected_facts",
    description="One row per fact row that failed validation: quarantined, not published, not lost.",
    key="rejection_id",
    columns=(
        Column("rejection_id", STRING, "Deterministic id of (table, row): the same bad row is recorded once.",
               nullable=False),
        Column("table_name", STRING, "The table the row was meant for.", nullable=False),
        Column("fact_id", STRING, "The row's fact_id (or key), when it had one."),
        Column("doc_id", STRING, "The row's document, when it had one."),
        Column("row_json", STRING, "The whole row as JSON.", nullable=False),
        Column("failed_expectations", STRING,
               "Comma-separated names of the failed expectations, each with its column: "
               "`expect_column_values_to_be_between(count_value)`.", nullable=False),
        Column("run_id", STRING, "The run that quarantined the row.", nullable=False),
        Column("rejected_at", TIMESTAMP_UTC, "When it was quarantined (UTC).", nullable=False),
    ),
)

SOURCE_FILES = Table(
    name="source_files",
    description="One row per version (size and modification time) of an input file that was read to the end: "
                "a file whose size and mtime are unchanged is not read again by the next run. Files refused "
                "for a reason outside their content (unreadable, too large, vanished) are read again.",
    key="source_version_id",
    columns=(
        Column("source_version_id", STRING, "Deterministic id of (source_name, size_bytes, mtime_ns).",
               nullable=False),
        Column("source_name", STRING, "The file's path relative to the input folder.", nullable=False),
        Column("size_bytes", INT64, "Size of the file when it was read.", nullable=False),
        # nanoseconds as an integer, because a timestamp column would round away what the comparison needs
        Column("mtime_ns", INT64, "Modification time when it was read, in nanoseconds since the Unix epoch.",
               nullable=False),
        Column("documents", INT32, "Documents the file held (new or already known).", nullable=False),
        Column("inputs_rejected", INT32, "The file or its lines refused for their content (see ingest_errors).",
               nullable=False),
        Column("run_id", STRING, "The run that read it.", nullable=False),
        Column("read_at", TIMESTAMP_UTC, "When it was read (UTC).", nullable=False),
    ),
)

PIPELINE_RUNS = Table(
    name="pipeline_runs",
    description="One row per pipeline run: what it read, published and quarantined, and whether it succeeded.",
    key="run_id",
    columns=(
        Column("run_id", STRING, "newsfacts run id (UTC start time + random suffix).", nullable=False),
        Column("flow_run_id", STRING, "Prefect flow run id; null for runs outside Prefect (`newsfacts validate`, "
                                      "and a `newsfacts run` that found nothing new and so started no flow)."),
        Column("command", STRING, "What ran: `run` or `run --full-refresh`.", nullable=False),
        Column("started_at", TIMESTAMP_UTC, "Start (UTC).", nullable=False),
        Column("finished_at", TIMESTAMP_UTC, "End (UTC).", nullable=False),
        Column("status", STRING, "Outcome.", nullable=False,
               values=("completed", "completed_with_rejections", "failed")),
        Column("documents_seen", INT64, "Documents read from the input (including already known ones).",
               nullable=False),
        Column("documents_new", INT64, "Documents ingested for the first time.", nullable=False),
        Column("documents_skipped", INT64, "Documents already ingested (same text), skipped.", nullable=False),
        Column("inputs_rejected", INT64, "Input files or lines that could not be ingested (ingest_errors).",
               nullable=False),
        Column("facts_published", INT64, "Fact rows published, all tables.", nullable=False),
        Column("facts_quarantined", INT64, "Fact rows quarantined to rejected_facts, all tables.", nullable=False),
        Column("validation_success", BOOL, "Every expectation suite passed with no quarantined row."),
        Column("model_tests_failed", INT64, "SQL model data tests that failed; null when models were not built."),
        Column("details_json", STRING, "Per table rows published and quarantined, per suite success, seconds per "
                                       "step, model test results (JSON).", nullable=False),
        Column("message", STRING, "Error message of a failed run; a note for a run that found nothing new."),
    ),
)

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def fact_columns(*specific: Column) -> tuple[Column, ...]:
    """The columns every fact table shares, followed by the table's own."""
    common = (
        Column("fact_id", STRING, "Deterministic id: hash of table, document, span and ordinal at that span.",
               nullable=False),
        Column("doc_id", STRING, "The document the fact was read from (references documents.doc_id).",
               nullable=False),
        Column("sentence_no", INT32, "0-based index of the sentence within the document.", nullable=False),
        Column("char_start", INT32, "Start of `mention` in documents.text (0-based, inclusive).", nullable=False),
        Column("char_end", INT32, "End of `mention` in documents.text (exclusive).", nullable=False),
        Column("mention", STRING, "The text span the fact was read from.", nullable=False, is_span_text=True),
        Column("sentence", STRING, "The whole sentence, as evidence.", nullable=False),
        Column("extractor_version", STRING, "Changes whenever the extractor's behaviour changes.",
               nullable=False),
    )
    return common + specific


def fact_id(table: str, doc_id: str, char_start: int, char_end: int, ordinal: int = 0) -> str:
    """Deterministic id of a fact: the same document and span give the same id on every run."""
    raw = f"{table}|{doc_id}|{char_start}|{char_end}|{ordinal}".encode()
    return hashlib.sha256(raw).hexdigest()[:32]


def source_version_id(source_name: str, size_bytes: int, mtime_ns: int) -> str:
    return hashlib.sha256(f"{source_name}|{size_bytes}|{mtime_ns}".encode()).hexdigest()[:32]


def base_tables() -> tuple[Table, ...]:
    """Tables that are not produced by an extractor."""
    return (DOCUMENTS, INGEST_ERRORS, REJECTED_FACTS, SOURCE_FILES, PIPELINE_RUNS)


def all_tables() -> tuple[Table, ...]:
    """Every lake table: documents, ingest_errors and one per registered extractor."""
    from transforms.extract import registry  # the extractors declare the fact tables

    return base_tables() + tuple(ext.table for ext in registry())


def table(name: str) -> Table:
    for candidate in all_tables():
        if candidate.name == name:
            return candidate
    raise KeyError(f"no table named {name!r}")
