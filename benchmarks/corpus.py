"""A deterministic corpus of N realistic, distinct news articles for benchmarks.

Each article is built from the bundled sample and the dev articles: one base article, often extended with
paragraphs of a second one (news wires run about 2.5 KB), paragraphs after the headline shuffled, numbers
varied (years and ordinals kept), Ukrainian regions swapped for other regions, and a publication date drawn
from two years. So every article has a distinct text and real facts of every table, and the same seed always
gives the same corpus.

    python -m benchmarks.corpus OUT_DIR --n 10000 [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = (REPO / "data" / "raw", REPO / "tests" / "golden" / "dev" / "articles")
FILES_PER_FOLDER = 1000
TARGET_CHARS = 2500

_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?![\d,]*\.\d)(?!\d)(?!(?:st|nd|rd|th)\b)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
REGIONS = ("Kharkiv", "Poltava", "Sumy", "Chernihiv", "Odesa", "Dnipropetrovsk", "Zaporizhzhia", "Kyiv",
           "Lviv", "Mykolaiv", "Kherson", "Vinnytsia", "Zhytomyr", "Rivne", "Volyn", "Khmelnytskyi",
           "Cherkasy", "Kirovohrad", "Ternopil", "Ivano-Frankivsk", "Zakarpattia", "Donetsk")
_REGION = re.compile(r"\b(" + "|".join(re.escape(r) for r in REGIONS) + r")(?= (?:region|oblast|province)\b)")


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published_date: dt.date


def source_texts() -> list[str]:
    """The seed and dev articles the corpus is made from, in a stable order."""
    return [path.read_text(encoding="utf-8") for folder in SOURCE_FOLDERS for path in sorted(folder.glob("*.txt"))]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _vary_number(match: re.Match, rng: random.Random) -> str:
    digits = match.group(0)
    value = int(digits.replace(",", ""))
    if _YEAR.match(digits) or value == 0:
        return digits
    varied = max(1, round(value * rng.uniform(0.6, 1.6)))
    return f"{varied:,}" if "," in digits else str(varied)


def _vary(text: str, rng: random.Random) -> str:
    text = _NUMBER.sub(lambda m: _vary_number(m, rng), text)
    return _REGION.sub(lambda m: rng.choice(REGIONS), text)


def compose(sources: list[str], rng: random.Random) -> str:
    """One article: a base with a headline, maybe paragraphs of a second source, shuffled and varied."""
    base = _paragraphs(rng.choice(sources))
    headline, body = base[0], base[1:]
    while sum(len(p) for p in body) < TARGET_CHARS - len(headline) and rng.random() < 0.8:
        body += _paragraphs(rng.choice(sources))[1:]
    rng.shuffle(body)
    length, kept = len(headline), []
    for paragraph in body:
        if kept and length + len(paragraph) > TARGET_CHARS * 1.3:
            break
        kept.append(paragraph)
        length += len(paragraph) + 2
    return _vary("\n\n".join([headline, *kept]), rng) + "\n"


def generate(n: int, seed: int = 7) -> Iterator[Article]:
    """N distinct articles (deterministic for a seed)."""
    sources = source_texts()
    rng = random.Random(seed)
    seen: set[str] = set()
    first_day = dt.date(2024, 1, 1)
    produced = 0
    while produced < n:
        text = compose(sources, rng)
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        published = first_day + dt.timedelta(days=rng.randrange(730))
        yield Article(f"{produced // FILES_PER_FOLDER:04d}/article_{produced:07d}.txt", text, published)
        produced += 1


def write_corpus(out_dir: Path, n: int, seed: int = 7, start: int = 0) -> int:
    """Write articles [start, n) of the seeded corpus as files with a manifest; returns bytes written.

    Calling it again with a larger `n` and `start` = the old n adds new articles to an existing corpus,
    which is how the incremental benchmark gets its 1 % of new documents.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    with (out_dir / "manifest.jsonl").open("a" if start else "w", encoding="utf-8") as manifest:
        for number, article in enumerate(generate(n, seed)):
            if number < start:
                continue
            path = out_dir / article.name
            path.parent.mkdir(exist_ok=True)
            data = article.text.encode("utf-8")
            path.write_bytes(data)
            total += len(data)
            manifest.write(json.dumps({"file": article.name,
                                       "published_date": article.published_date.isoformat()}) + "\n")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    size = write_corpus(args.out_dir, args.n, args.seed)
    print(f"wrote {args.n:,} articles ({size / 1e6:.1f} MB) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
