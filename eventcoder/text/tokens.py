"""Normalising and tokenising text: the one place that decides what a token is.

Dictionary phrases and article sentences go through the same tokenizer, so a
phrase written in YAML matches the text exactly when their tokens agree.
"""

from __future__ import annotations

import re
import unicodedata

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


@attrs.frozen(slots=True)
class Token:
    """One token: surface text, normalised form and character span in the sentence."""

    text: str
    norm: str
    start: int
    end: int


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
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        if word in _SKIP:
            continue
        start, end = m.start(), m.end()
        low = word.lower()
        if len(low) > 2 and low.endswith("'s"):
            out.append(Token(word[:-2], low[:-2], start, end - 2))
            out.append(Token(word[-2:], "'s", end - 2, end))
        else:
            out.append(Token(word, low, start, end))
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
