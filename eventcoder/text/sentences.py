"""Sentence splitting that knows news abbreviations (U.S., Gen., Mr., Jan.)."""

from __future__ import annotations

import re
import unicodedata

import attrs

from eventcoder.lang import Language, language
from eventcoder.text.tokens import normalize

_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_WORD_AFTER = re.compile(r"""\s+["'(\[]?([A-Za-z]+)""")
# possessive, and only from the start of a run of punctuation: 50 KB of "." made the plain `[.!?]+` backtrack from
# every dot (quadratic); this finds the same boundaries in one pass
_BOUNDARY = re.compile(r"""(?<![.!?])[.!?]++["')\]]*+(?=\s+["'(\[]?[A-Z0-9])""")
_BOUNDARY_CASELESS = re.compile(r"""(?<![.!?])[.!?]++["')\]]*+(?=\s+["'(\[]?[a-z0-9])""")  # text written all in lower case
# a longer stretch without a sentence end is cut (at a space when there is one): no news sentence is this long, and
# every stage after this one may look at all pairs of words in a sentence
MAX_SENTENCE_CHARS = 10_000
_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")


@attrs.frozen(slots=True)
class Sentence:
    """A sentence of an article: its position, text (normalised) and span in the article body."""

    index: int
    text: str
    start: int
    end: int


def _ends_sentence(text: str, dot: int, lang: Language) -> bool:
    """Whether the punctuation at `dot` closes a sentence."""
    if text[dot] in "!?":
        return True
    # look only at a short window on each side: slicing the whole text here made long articles quadratic
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    word = m.group(1) if m else ""
    nxt = _WORD_AFTER.match(text, dot + 1, dot + 60)
    following = nxt.group(1).lower() if nxt else ""
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return following in lang.words["openers"]  # initialisms such as U.S. end a sentence only before an opener
    if word.lower() in lang.words["abbreviations"]:
        return False
    if len(word) == 1 and word.isupper():  # a middle initial: "George W. Bush"
        return False
    return True


def written_in_lower_case(text: str) -> bool:
    """Whether a text is written in lower case throughout (a capital or two in a header aside): then sentences and
    proper names cannot be told by their capitals.

    >>> written_in_lower_case("from March 4. police held two men in kano on monday and freed them on bail on tuesday, "
    ...                       "their lawyer said after the hearing at the high court.")
    True
    >>> written_in_lower_case("Police held two men in Kano on Monday.")
    False
    """
    letters = sum(map(str.isalpha, text))  # map over a C method: a generator here was a fifth of a long article's time
    return letters > 0 and sum(map(str.isupper, text)) * 100 < letters


def split_sentences(body: str, lang: Language | None = None, caseless: bool | None = None) -> list[Sentence]:
    """Split an article body into sentences (English unless another `lang` is given).

    `caseless`: whether the body is written in lower case, when the caller has counted it already (the count of
    `body` holds for its normalised text when `body` is NFKC-normalised: folding changes no letter).

    >>> [s.text for s in split_sentences("Gen. Smith met U.S. envoys. They left on Jan. 3.")]
    ['Gen. Smith met U.S. envoys.', 'They left on Jan. 3.']
    >>> [s.text for s in split_sentences("police held two men. they were freed on monday.")]  # text all in lower case
    ['police held two men.', 'they were freed on monday.']
    """
    lang = lang or language()
    text = normalize(body)
    if caseless is None or not unicodedata.is_normalized("NFKC", body):
        caseless = written_in_lower_case(text)
    boundary = _BOUNDARY_CASELESS if caseless else _BOUNDARY
    out: list[Sentence] = []
    para_start = 0
    paragraphs = []
    for m in _PARAGRAPH.finditer(text):
        paragraphs.append((para_start, m.start()))
        para_start = m.end()
    paragraphs.append((para_start, len(text)))
    for p_start, p_end in paragraphs:
        start = p_start
        for m in boundary.finditer(text, p_start, p_end):
            dot = m.start() + len(m.group().rstrip("\"')]")) - 1
            if _ends_sentence(text, dot, lang):
                _emit(text, start, m.end(), out)
                start = m.end()
        _emit(text, start, p_end, out)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > 0 else start + MAX_SENTENCE_CHARS
        _emit_one(text, start, cut, out)
        start = cut
    _emit_one(text, start, end, out)


def _emit_one(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(len(out), " ".join(stripped.split()), s, s + len(stripped)))
