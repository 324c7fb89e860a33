"""What the benchmarks share: fresh documents of (text, publication date) pairs, and rates over them."""

from __future__ import annotations

import datetime as dt

from transforms.documents import Document, make_document


def fresh_documents(texts: list[tuple[str, dt.date | None]]) -> list[Document]:
    """New Document objects (no cached sentences or dates), so that each measurement does all the work."""
    return [make_document(text, source_name=str(i), source_uri="bench:", published_date=published)
            for i, (text, published) in enumerate(texts)]


def rate(seconds: float, texts: list[tuple[str, dt.date | None]]) -> dict:
    """Articles and MB (UTF-8) per second for `texts` processed in `seconds`."""
    size = sum(len(text.encode("utf-8")) for text, _ in texts)
    return {"articles": len(texts), "seconds": round(seconds, 3),
            "articles_per_s": round(len(texts) / seconds, 2), "mb_per_s": round(size / seconds / 1e6, 4)}
