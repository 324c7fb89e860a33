"""The Document every extractor reads, and the normalisation that fixes its text and id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from transforms.sentences import Sentence, split_sentences

_HORIZONTAL_SPACE = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(raw: str) -> str:
    """Text in the one canonical form that doc ids and character offsets refer to.

    NFC; byte-order marks and zero-width characters removed; every line ending becomes "\\n";
    runs of spaces, tabs and non-breaking spaces become one space; lines are stripped; more than one
    blank line in a row becomes one; leading and trailing blank lines are dropped.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def doc_id_for(text: str) -> str:
    """Stable id of a normalised text: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def first_line(text: str) -> str | None:
    """The first non-empty line, used as the headline of plain-text articles."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line
    return None


@dataclass
class Document:
    """A normalised article: the unit every extractor works on."""

    doc_id: str
    text: str
    source_name: str
    source_uri: str
    title: str | None = None
    published_date: dt.date | None = None
    published_date_source: str | None = None
    encoding: str = "utf-8"
    ingested_at: dt.datetime | None = None
    # Extractors share derived views of the text (sentences, resolved dates) through this cache.
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing character `offset` (the last one starting at or before it)."""
        return self.sentences[max(0, bisect_right(self.sentence_starts, offset) - 1)]

    def forget_derived(self) -> None:
        """Drop the sentences and extractor caches: once a document's facts are extracted they only cost
        memory (several times the text) and time to send between processes."""
        self.cache.clear()
        self.__dict__.pop("sentences", None)
        self.__dict__.pop("sentence_starts", None)

    def as_row(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "source_name": self.source_name,
            "source_uri": self.source_uri,
            "title": self.title,
            "text": self.text,
            "published_date": self.published_date,
            "published_date_source": self.published_date_source,
            "ingested_at": self.ingested_at,
            "encoding": self.encoding,
            "char_count": len(self.text),
        }

    @classmethod
    def from_row(cls, row: dict) -> Document:
        return cls(
            doc_id=row["doc_id"],
            text=row["text"],
            source_name=row["source_name"],
            source_uri=row["source_uri"],
            title=row.get("title"),
            published_date=row.get("published_date"),
            published_date_source=row.get("published_date_source"),
            encoding=row.get("encoding") or "utf-8",
            ingested_at=row.get("ingested_at"),
        )


def make_document(
    raw_text: str,
    *,
    source_name: str,
    source_uri: str,
    title: str | None = None,
    published_date: dt.date | None = None,
    encoding: str = "utf-8",
) -> Document:
    """A Document from raw text and metadata: normalised text, id, headline and publication date.

    A publication date from metadata wins; otherwise one is inferred from the text when it is
    unambiguous (marked `inferred`); otherwise it stays unknown.
    """
    from transforms.normalize.calendar import infer_published_date

    text = normalize_text(raw_text)
    date_source = "metadata" if published_date else None
    if published_date is None:
        published_date = infer_published_date(text)
        date_source = "inferred" if published_date else None
    return Document(
        doc_id=doc_id_for(text),
        text=text,
        source_name=source_name,
        source_uri=source_uri,
        title=normalize_text(title) if title else first_line(text),
        published_date=published_date,
        published_date_source=date_source,
        encoding=encoding,
    )
