"""Sentences carry exact character offsets; abbreviations and initials do not end a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia fired 37 missiles. Ukraine shot down 30.", ["Russia fired 37 missiles.", "Ukraine shot down 30."]),
        ("U.S. President Donald J. Trump spoke. He left.", ["U.S. President Donald J. Trump spoke.", "He left."]),
        ("Speaking on Oct. 13, he said so. Then he left.", ["Speaking on Oct. 13, he said so.", "Then he left."]),
        ("Headline without period\nBody starts here.", ["Headline without period", "Body starts here."]),
        ("“We need air defense.” Zelensky said.", ["“We need air defense.”", "Zelensky said."]),
        ("Is it over? No. It is not!", ["Is it over?", "No.", "It is not!"]),
        ("prices rose 2.5 percent in May.", ["prices rose 2.5 percent in May."]),
    ],
    ids=["two_sentences", "initials_and_us", "month_abbreviation", "line_break", "closing_quote", "question",
         "decimal_number"],
)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@given(st.text(alphabet=st.sampled_from("ab .?!\n\"”U.S"), max_size=200))
def test_offsets_point_at_the_sentence_text(text):
    sentences = split_sentences(text)
    for number, sentence in enumerate(sentences):
        assert sentence.no == number
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
