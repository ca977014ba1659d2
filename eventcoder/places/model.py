"""A place an event can happen in: a curated place from the dictionaries or a place of the store (town, capital, region)."""

from __future__ import annotations

import re
import unicodedata

import attrs

from eventcoder.values import SourceRef, by_fields

STORE_FILE = "eventcoder/data/places.sqlite"


@by_fields
@attrs.frozen(slots=True)
class Place:
    name: str
    kind: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    ref: SourceRef
    population: int = 0
    gazetteer: bool = False  # from the place store (eventcoder/data/places.sqlite), not curated


def store_place(key: str, row) -> Place:
    """A store row (places.store.PlaceRow) as a Place: a first- or second-level area is a region (a second-level one
    with its admin2 filled), a capital a town."""
    region = row.kind in ("admin1", "admin2")
    return Place(key, "region" if region else "town", row.iso3, row.admin1 or (row.name if row.kind == "admin1" else ""),
                 row.name if row.kind == "admin2" else ("" if region else row.admin2), "", row.name, row.lat, row.lon,
                 (row.name, *row.alternates),
                 SourceRef(STORE_FILE, row.id), row.population, True)


_NOT_CONSONANT = str.maketrans("", "", "aeiouy" + "".join(chr(c) for c in range(128) if not chr(c).isalpha()))
_REPEAT = re.compile(r"(.)\1+")
# letters that transliterations of one name swap: the ejective q of Ethiopian and Somali names is written k as often
# ("Neqemte" / "Nekemte", "Qellem" / "Kellem", "Haiq" / "Hayk")
_SAME_CONSONANT = str.maketrans("q", "k")


def skeleton(name: str) -> str:
    """A name's consonants, accents and doubled letters dropped: transliterations of one name often share it
    ("Woldiya" and "Weldiya", "Jima" and "Jimma", "Shashamene" and "Shashemene", "Neqemte" and "Nekemte" give the same)."""
    letters = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower().translate(_NOT_CONSONANT)
    return _REPEAT.sub(r"\1", letters.translate(_SAME_CONSONANT))


_PLAIN_LETTERS = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ħ": "h"})


def plain(key: str) -> str:
    """A key without accents and apostrophes, as English news writes GeoNames' transliterations ("Gīnch'ī" -> "ginchi")."""
    # NFKD leaves the dotless i (Turkish "Altındağ") and a few such letters whole
    folded = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c)).translate(_PLAIN_LETTERS)
    return folded.replace("'", "").lower()


# the apostrophes and glottal/ayn marks of GeoNames' transliterations (Mek'ele, Nek'emte, 'Alemaya); news and ACLED
# write the same names without them (Mekele, Marib, Sanaa)
_TRANSLITERATION_MARKS = str.maketrans("", "", "'`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4")


def written(name: str) -> str:
    """A place's name as a row writes it: the store's spelling without transliteration marks."""
    out = " ".join(name.translate(_TRANSLITERATION_MARKS).split())
    return out or name


GLOBAL_SKELETON = 5  # consonants an area's name needs before it is looked for by its spelling in every country
_H_AFTER_CONSONANT = re.compile(r"(?<=[b-df-hj-np-tv-z])h")


def without_area_word(name: str, area_words: frozenset[str] | set[str]) -> str:
    """ "Girawa District" -> "Girawa": the type word says nothing of which area it is."""
    parts = name.split()
    return " ".join(parts[:-1]) if len(parts) > 1 and parts[-1].lower() in area_words else name


def loose(key: str) -> str:
    """A skeleton without the h of digraphs, which transliterations add or drop ("Harerghe" / "Hararge")."""
    return _REPEAT.sub(r"\1", _H_AFTER_CONSONANT.sub("", key))


def area_spelling_keys(name: str, area_words: frozenset[str] | set[str]) -> list[str]:
    """The keys an area is found by its spelling in any country: its skeleton without the type word, then the
    same without digraph h's, marked "~" (asked only when the first finds nothing); none when too short."""
    strict = skeleton(without_area_word(name, area_words))
    if len(strict) < GLOBAL_SKELETON:
        return []
    return list(dict.fromkeys((strict, "~" + loose(strict))))
