"""The bundled GeoNames towns (eventcoder/data/gazetteer.tsv, CC BY 4.0), indexed by the token keys that name them.

Loading reads the file once per process into plain strings and tuples; a Place
value is only built for a town that a text actually names.
"""

from __future__ import annotations

from functools import lru_cache

from eventcoder import resources
from eventcoder.places.model import Place
from eventcoder.values import SourceRef

_FILE = "eventcoder/data/gazetteer.tsv"


class Gazetteer:
    """Towns by `gn:` key, and the keys (space-joined tokens) that name them."""

    def __init__(self, text: str):
        # only the id and the keys are split now; the other columns wait until a town is named.
        # Keys are the space-joined tokens: building 100,000 tuples was most of the load time.
        self._rows: dict[str, tuple[str, int]] = {}
        self.keys: dict[str, list[str]] = {}
        keys = self.keys
        for lineno, line in enumerate(text.splitlines()[2:], 3):
            gid = "gn:" + line[: line.index("\t")]
            self._rows[gid] = (line, lineno)
            for key in line[line.rindex("\t") + 1 :].split("|"):
                if key:
                    found = keys.get(key)
                    if found is None:
                        keys[key] = [gid]
                    else:
                        found.append(gid)
        self.max_len = max((k.count(" ") + 1 for k in keys), default=0)
        self.first_tokens = frozenset(k.partition(" ")[0] for k in keys)
        self._places: dict[str, Place] = {}

    def __reduce__(self) -> tuple:
        return (bundled_gazetteer, ())  # the package's own file: read again on arrival, not copied through a pipe

    def __contains__(self, key: str) -> bool:
        return key in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def country(self, key: str) -> str:
        return self._rows[key][0].split("\t", 3)[2]

    def ref(self, key: str) -> SourceRef:
        return SourceRef(_FILE, self._rows[key][1])

    def place(self, key: str) -> Place:
        place = self._places.get(key)
        if place is None:
            line, lineno = self._rows[key]
            gid, name, iso3, admin1, admin2, lat, lon, pop, alts, _ = line.split("\t")
            aliases = (name, *alts.split("|")) if alts else (name,)
            place = Place(key, "town", iso3, admin1, admin2, "", name, float(lat), float(lon), aliases,
                          SourceRef(_FILE, lineno), int(pop), True)
            self._places[key] = place
        return place


@lru_cache(maxsize=1)
def bundled_gazetteer() -> Gazetteer:
    """The package's gazetteer, read once per process."""
    return Gazetteer(resources.data_text("gazetteer.tsv"))
