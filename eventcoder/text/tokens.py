"""Normalising and tokenising text: the one place that decides what a token is.

Dictionary phrases and article sentences go through the same tokenizer, so a
phrase written in YAML matches the text exactly when their tokens agree.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array
from typing import Iterator, NamedTuple, Sequence, overload

import attrs

# Typographic variants are folded so "Kata’ib" in an article matches "Kata'ib" in YAML.
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)

_TOKEN_RE = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}                     # initialisms: U.S. U.N. e.g.
  | \d+(?:[.,:]\d+)*(?:st|nd|rd|th)?       # 20,000  3.5  10:30  25th
  | [^\W\d_](?:[^\W_]|'(?=[^\W\d_]))*      # words, with inner apostrophes (Kata'ib)
  | \S                                     # any other visible character
    """,
    re.VERBOSE,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Quotation marks carry no meaning for coding and would break phrase matches
# ("one-way attack drone" strike), so they are not tokens at all.
_SKIP = frozenset({'"', "'"})


class Token(NamedTuple):
    """One token: surface text, normalised form and character span in the sentence.

    A named tuple, not an attrs class: every sentence makes one per word, and a tuple is made ~4x faster than a
    frozen attrs instance (tokenising was the largest single cost of analysing a sentence)."""

    text: str
    norm: str
    start: int
    end: int


@attrs.frozen(slots=True, eq=False)
class TokenArray(Sequence[Token]):
    """An analysed sentence's tokens kept as parallel arrays: what a long article's sentences keep until it is done.

    A `Token` object and its two strings cost ~180 bytes; here a token costs two list slots and two ints, and its
    words are interned, so an article's memory grows with its vocabulary, not with every word it repeats. Reading
    gives back `Token` values equal to the ones it was made of.
    """

    texts: list[str]
    norms: list[str]
    spans: array  # start, end, start, end, ... (character offsets in the sentence)

    @classmethod
    def of(cls, tokens: Sequence[Token], norms: list[str] | None = None) -> "TokenArray":
        """`norms`: the sentence's list of token norms, interned in place and shared rather than copied."""
        intern = sys.intern
        if norms is None:
            norms = [t.norm for t in tokens]
        norms[:] = [intern(w) for w in norms]
        spans = array("l", [k for t in tokens for k in (t.start, t.end)])
        return cls([intern(t.text) for t in tokens], norms, spans)

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.texts)))]
        if i < 0:
            i += len(self.texts)
        if not 0 <= i < len(self.texts):
            raise IndexError("token index out of range")
        return Token(self.texts[i], self.norms[i], self.spans[2 * i], self.spans[2 * i + 1])

    def __iter__(self) -> Iterator[Token]:
        spans = self.spans
        for i, (text, norm) in enumerate(zip(self.texts, self.norms)):
            yield Token(text, norm, spans[2 * i], spans[2 * i + 1])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def normalize(text: str) -> str:
    """Fold Unicode and typography to the forms the dictionaries use.

    >>> normalize("Kata\u2019ib \u201cdrone\u201d")
    'Kata\\'ib "drone"'
    """
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD)
    # control characters (NUL and friends) have no place in a CSV cell or a note
    return _CONTROL.sub(" ", folded)


def tokenize(text: str) -> list[Token]:
    """Split already-normalised text into tokens; possessive 's becomes its own token.

    >>> [t.norm for t in tokenize("Israel's U.S.-backed strikes")]
    ['israel', "'s", 'u.s.', '-', 'backed', 'strikes']
    """
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        if word in _SKIP:
            continue
        start, end = m.span()
        low = word.lower()
        if len(low) > 2 and low.endswith("'s"):
            append(Token(word[:-2], low[:-2], start, end - 2))
            append(Token(word[-2:], "'s", end - 2, end))
        else:
            append(Token(word, low, start, end))
    return out


# words of ASCII letters (digits after the first letter) or plain numbers, one space apart: each is exactly one token
_PLAIN = re.compile(r"(?:[A-Za-z][A-Za-z0-9]*|[0-9]+)(?: (?:[A-Za-z][A-Za-z0-9]*|[0-9]+))*")


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token sequence a dictionary phrase matches.

    >>> phrase_key("Kata’ib Hezbollah")
    ("kata'ib", 'hezbollah')
    """
    if _PLAIN.fullmatch(phrase):
        return tuple(phrase.lower().split(" "))  # same result as tokenize for plain words, much cheaper
    return tuple(t.norm for t in tokenize(normalize(phrase)))
