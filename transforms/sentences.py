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

# A sentence end: a line break (headlines, list items), or terminal punctuation with optional closing
# quotes/brackets, then spaces on the same line and what can open a sentence. One pass over the text.
# The pattern opens with one character set (the "\n" branch is the lookbehind) so that the regex engine
# skips to the next candidate character at C speed: as "\n|[.!?…]+..." it tried every position (4x slower).
_END = re.compile(r"""[\n.!?…](?:(?<=\n)|[.!?…]*["'”’)\]]*(?=[^\S\n]+["'“‘(\[]?[A-Z0-9]))""")
_SPACES = re.compile(r"[^\S\n]*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LONGEST_WORD = 64


def _is_abbreviation(text: str, dot_index: int, end: int) -> bool:
    """Whether the full stop at `dot_index` (its end of sentence match ending at `end`) is an abbreviation's."""
    # A bounded window: searching from 0 would rescan the whole text before every full stop (quadratic).
    # The word cannot reach back past a space, so the search starts after the last one.
    window = max(0, dot_index - _LONGEST_WORD)
    match = _WORD_BEFORE.search(text, max(window, text.rfind(" ", window, dot_index) + 1), dot_index)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    if word in _NUMBER_ABBREVIATIONS:
        next_start = _SPACES.match(text, end).end()
        return next_start < len(text) and text[next_start].isdigit()
    # A single capital letter is an initial ("Donald J. Trump"), not the end of a sentence.
    return len(word) == 1 and match.group(1).isupper()


# The marks that open an item of a bulleted list: "— 27 over the Kursk region;", "• Brazil: 50%"
LIST_BULLETS = frozenset({"—", "–", "-", "•", "*", "·"})


def opens_line(text: str, position: int) -> bool:
    """Whether `position` is the start of a line of `text` (a headline, a list item, a timeline entry)."""
    return position == 0 or text[position - 1] == "\n"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; a line break always ends a sentence (headlines, list items)."""
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        at = match.start()
        if text[at] == "\n":
            end = at
        elif text[at] != "." or not _is_abbreviation(text, at, match.end()):
            end = match.end()
        else:
            continue
        if start < end:  # blank lines between paragraphs give empty pieces
            _append(sentences, text, start, end)
        start = end + 1 if end == at else end
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    left = piece.lstrip()
    sentence = left.rstrip()
    if sentence:
        start += len(piece) - len(left)
        # tuple.__new__ directly: a NamedTuple's own __new__ is a Python function, called ~25 times a document
        sentences.append(_new_sentence(Sentence, (len(sentences), start, start + len(sentence), sentence)))


_new_sentence = tuple.__new__
