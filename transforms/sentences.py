"""Sentence splitting with character offsets, shared by every extractor."""

from __future__ import annotations

import re
from typing import NamedTuple


class Sentence(NamedTuple):
    """A sentence of a document: its 0-based number and its span [start, end) in the text."""

    no: int
    start: int
    end: int
    text: str


# Words whose trailing period does not end a sentence ("Oct. 13", "U.S. President", "Mr. Smith").
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st sr jr gen lt col maj capt sgt adm cmdr gov sen rep pres rev fr hon
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    vs etc approx est inc co corp ltd dept univ
    u.s u.k u.n e.u d.c a.m p.m e.g i.e u.s.a
    """.split()
)

# Abbreviations only when a number follows ("No. 4", "Fig. 2"); otherwise "No." ends a sentence.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "fig", "vol", "art"})

# A boundary candidate: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LONGEST_WORD = 64


def _is_abbreviation(text: str, dot_index: int, next_start: int) -> bool:
    if text[dot_index] != ".":
        return False
    # A bounded window: searching from 0 would rescan the whole text before every full stop (quadratic).
    match = _WORD_BEFORE.search(text, max(0, dot_index - _LONGEST_WORD), dot_index)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    if word in _NUMBER_ABBREVIATIONS:
        return next_start < len(text) and text[next_start].isdigit()
    # A single capital letter is an initial ("Donald J. Trump"), not the end of a sentence.
    return len(word) == 1 and match.group(1).isupper()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; a line break always ends a sentence (headlines, list items)."""
    sentences: list[Sentence] = []
    line_start = 0
    length = len(text)
    while line_start <= length:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = length
        start = line_start
        for match in _BOUNDARY.finditer(text, line_start, line_end):
            next_start = match.end()
            while next_start < line_end and text[next_start].isspace():
                next_start += 1
            if _is_abbreviation(text, match.start(), next_start):
                continue
            _append(sentences, text, start, match.end())
            start = match.end()
        _append(sentences, text, start, line_end)
        line_start = line_end + 1
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
