"""Read-only access to the bundled place store, eventcoder/data/places.sqlite.

The store (built by tools/build_places.py from GeoNames data, CC BY 4.0) holds
towns of about 1,000 people or more, capitals and first-level regions, and a
table from normalised phrase keys (`eventcoder.text.phrase_key`, space-joined)
to the places they name. Nothing is read until the first question; a lookup is
one indexed query. The connection is opened read-only and immutable, and again
in a forked worker (an SQLite connection must not cross a fork).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Collection
from functools import lru_cache
from importlib import resources
from pathlib import Path

import attrs

from eventcoder.text.tokens import phrase_key

KINDS = ("town", "capital", "admin1", "admin2")
_MEMO = 50_000  # tokens remembered by max_len before it starts over
_COLUMNS = "id, geonameid, name, iso3, admin1, admin2, lat, lon, population, kind, alternates"


@attrs.frozen(slots=True)
class PlaceRow:
    """One place of the store. `kind` is "town", "capital", "admin1" (a first-level region) or "admin2" (a
    second-level area: zone, district, county; `admin1` is its region, `admin2` its own name)."""

    id: int
    name: str
    iso3: str
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int
    kind: str
    geonameid: int | None = None
    alternates: tuple[str, ...] = ()

    @classmethod
    def _from_sql(cls, r: tuple) -> PlaceRow:
        pid, gid, name, iso3, admin1, admin2, lat, lon, pop, kind, alts = r
        return cls(pid, name, iso3, admin1, admin2, lat, lon, pop, kind, gid, tuple(alts.split("|")) if alts else ())


def bundled_path() -> Path:
    """Where the package's places.sqlite is (a real file: SQLite cannot read from a zip)."""
    return Path(str(resources.files("eventcoder.data").joinpath("places.sqlite")))


class PlaceStore:
    """Places by phrase key, region name or country, from one SQLite file."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path) if path is not None else bundled_path()
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._first: dict[str, int] | None = None
        self._seen: dict[str, int] = {}  # max_len answers already asked: words of news text repeat a lot

    def __reduce__(self) -> tuple:
        # a store travels to another process as its path (the package's own one as the shared store): no connection
        if self.path == bundled_path():
            return (bundled_store, ())
        return (PlaceStore, (str(self.path),))

    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            if not self.path.is_file():
                raise FileNotFoundError(f"place store not found: {self.path}")
            uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    def candidates(self, key: str, kinds: Collection[str] | None = None) -> list[PlaceRow]:
        """Every place a normalised key (space-joined `phrase_key` tokens) names, most populous first.

        A region's population is that of its towns added up, so "Khartoum" the
        state comes before Khartoum the capital; `kinds` keeps only some kinds
        (e.g. ("town", "capital")).
        """
        rows = self._db().execute(
            f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} FROM keys k JOIN places p ON p.id = k.place"
            " WHERE k.key = ? ORDER BY p.population DESC, p.id", (key,)).fetchall()
        if kinds is not None:
            rows = [r for r in rows if r[9] in kinds]
        return [PlaceRow._from_sql(r) for r in rows]

    def lookup(self, phrase: str, kinds: Collection[str] | None = None) -> list[PlaceRow]:
        """`candidates` of a phrase as written ("Lower Shabelle", "Palma")."""
        return self.candidates(" ".join(phrase_key(phrase)), kinds)

    def first_tokens(self) -> dict[str, int]:
        """Each token that starts some key -> the most tokens a key starting with it has.

        Loaded once (about 280,000 entries); the matcher asks it before any query,
        so most tokens of a text cost one dict look-up and no SQL.
        """
        if self._first is None:
            self._first = dict(self._db().execute("SELECT token, max_len FROM first_tokens"))
        return self._first

    def max_len(self, token: str) -> int:
        """The most tokens a place name starting with `token` has; 0 if none starts with it.

        One indexed query the first time a token is asked (a few microseconds),
        a dict look-up after that, without loading `first_tokens` whole.
        """
        if self._first is not None:
            return self._first.get(token, 0)
        seen = self._seen.get(token)
        if seen is not None:
            return seen
        row = self._db().execute("SELECT max_len FROM first_tokens WHERE token = ?", (token,)).fetchone()
        if len(self._seen) >= _MEMO:
            self._seen.clear()
        self._seen[token] = n = row[0] if row else 0
        return n

    def marked_keys(self) -> list[tuple[str, int]]:
        """(key, place) of every key written with an accent or an apostrophe ("gīnch'ī"): the keys English text
        seldom matches as written (one scan of the key table, about 0.3 s; `Lexicon.plain_places` caches it)."""
        return self._db().execute("SELECT key, place FROM keys WHERE key GLOB '*[^ -~]*' OR key GLOB '*''*'").fetchall()

    def place(self, place_id: int) -> PlaceRow | None:
        """The place of an id from `candidates`."""
        r = self._db().execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,)).fetchone()
        return PlaceRow._from_sql(r) if r else None

    def region(self, iso3: str, name: str) -> PlaceRow | None:
        """The first-level region of a country that `name` (or a variant: "Oromia Region") names."""
        for row in self.lookup(name, ("admin1",)):
            if row.iso3 == iso3:
                return row
        return None

    def regions(self, iso3: str) -> list[PlaceRow]:
        """Every first-level region of a country, by name."""
        rows = self._db().execute(f"SELECT {_COLUMNS} FROM places WHERE iso3 = ? AND kind = 'admin1' ORDER BY name",
                                  (iso3,)).fetchall()
        return [PlaceRow._from_sql(r) for r in rows]

    def areas(self, iso3: str | None = None) -> list[PlaceRow]:
        """Every first- and second-level area of a country (of every country when None), most populous first."""
        where, args = ("iso3 = ? AND ", (iso3,)) if iso3 is not None else ("", ())
        rows = self._db().execute(f"SELECT {_COLUMNS} FROM places WHERE {where}kind IN ('admin1', 'admin2')"
                                  " ORDER BY population DESC, id", args).fetchall()
        return [PlaceRow._from_sql(r) for r in rows]

    def areas_spelt(self, key: str) -> list[PlaceRow]:
        """The first- and second-level areas of every country an `area_spelling_keys` key names, most populous
        first (empty for a store built before the table existed)."""
        try:
            rows = self._db().execute(
                f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} FROM area_keys k"
                " JOIN places p ON p.id = k.place WHERE k.key = ? ORDER BY p.population DESC, p.id", (key,)).fetchall()
        except sqlite3.OperationalError:
            return []
        return [PlaceRow._from_sql(r) for r in rows]

    def capital(self, iso3: str) -> PlaceRow | None:
        """The capital of a country (GeoNames' PPLC), or None where the store has none (Western Sahara)."""
        r = self._db().execute(f"SELECT {_COLUMNS} FROM places WHERE iso3 = ? AND kind = 'capital'"
                               " ORDER BY population DESC LIMIT 1", (iso3,)).fetchone()
        return PlaceRow._from_sql(r) if r else None

    def largest_town(self, iso3: str, admin1: str) -> PlaceRow | None:
        """The most populous town or capital of a country's first-level region (the store's name of it), or None."""
        r = self._db().execute(f"SELECT {_COLUMNS} FROM places WHERE iso3 = ? AND admin1 = ? AND kind IN ('town', 'capital')"
                               " ORDER BY population DESC LIMIT 1", (iso3, admin1)).fetchone()
        return PlaceRow._from_sql(r) if r else None

    def admin2_areas(self, iso3: str) -> list[tuple[str, str]]:
        """The (admin1, admin2) pairs of a country's second-level areas and of its towns with admin2 filled."""
        return self._db().execute("SELECT DISTINCT admin1, admin2 FROM places WHERE iso3 = ? AND admin2 != ''"
                                  " AND kind IN ('town', 'capital', 'admin2')", (iso3,)).fetchall()

    def towns(self, iso3: str) -> list[tuple[int, str, str, str, str]]:
        """(id, kind, admin1, name, alternates joined by "|") of every town and capital of a country, most populous
        first: one indexed query, plain tuples (a country can have 20,000 towns)."""
        return self._db().execute("SELECT id, kind, admin1, name, alternates FROM places WHERE iso3 = ?"
                                  " AND kind IN ('town', 'capital') ORDER BY population DESC", (iso3,)).fetchall()

    def large_towns(self, population: int) -> list[tuple[int, str, str, str, str, str]]:
        """(id, iso3, admin1, kind, name, alternates joined by "|") of every town and capital of any country of
        at least `population` people, most populous first: one query, plain tuples."""
        return self._db().execute("SELECT id, iso3, admin1, kind, name, alternates FROM places WHERE population >= ?"
                                  " AND kind IN ('town', 'capital') ORDER BY population DESC", (population,)).fetchall()

    def count(self, kind: str | None = None) -> int:
        """How many places (of one kind) the store holds."""
        if kind is None:
            return self._db().execute("SELECT count(*) FROM places").fetchone()[0]
        return self._db().execute("SELECT count(*) FROM places WHERE kind = ?", (kind,)).fetchone()[0]

    def meta(self) -> dict[str, str]:
        """Build figures, sources and the licence line, as the build tool wrote them."""
        return dict(self._db().execute("SELECT key, value FROM meta"))


@lru_cache(maxsize=1)
def bundled_store() -> PlaceStore:
    """The package's store, shared by the process (opened on first use)."""
    return PlaceStore()
