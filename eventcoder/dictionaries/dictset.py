"""Everything the dictionaries say, layered: the value the loader builds and the coders read."""

from __future__ import annotations

import unicodedata

from typing import Any

import attrs

from eventcoder.dictionaries.entries import (
    AcledType, Agent, CameoActor, CameoAgent, CameoVerb, Country, Discard, Family, Holiday, NamedActor, Pattern, VerbPattern,
)
from eventcoder.dictionaries.verbpatterns import CompiledPattern
from eventcoder.places.model import Place, store_place
from eventcoder.places.store import PlaceStore

SAME_TOWN_DEGREES = 0.03  # a curated town this close to a store town (about 3 km) is that town


@attrs.define
class DictionarySet:
    """Everything the dictionaries say, layered, before it is compiled for matching."""

    countries: dict[str, Country] = attrs.field(factory=dict)
    agents: dict[str, Agent] = attrs.field(factory=dict)
    actors: dict[str, NamedActor] = attrs.field(factory=dict)
    patterns: dict[str, Pattern] = attrs.field(factory=dict)
    places: dict[str, Place] = attrs.field(factory=dict)
    holidays: dict[str, Holiday] = attrs.field(factory=dict)
    acled_types: dict[str, AcledType] = attrs.field(factory=dict)
    families: dict[str, Family] = attrs.field(factory=dict)
    cues: dict[str, set[str]] = attrs.field(factory=dict)
    irregular_verbs: dict[str, tuple[str, str]] = attrs.field(factory=dict)
    double_final: set[str] = attrs.field(factory=set)
    irregular_plurals: dict[str, str] = attrs.field(factory=dict)
    files: list[str] = attrs.field(factory=list)
    language: str = "en"  # the eventcoder/lang/ folder whose grammar the engine reads
    # CAMEO verb-pattern dictionaries (TABARI/PETRARCH style): lists, since several entries may share a phrase
    cameo_actors: list[CameoActor] = attrs.field(factory=list)
    cameo_agents: list[CameoAgent] = attrs.field(factory=list)
    synsets: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    verb_patterns: dict[str, CameoVerb] = attrs.field(factory=dict)
    discards: list[Discard] = attrs.field(factory=list)
    cameo_options: dict[str, Any] = attrs.field(factory=dict)  # tabari.coder.CameoOptions fields, by name
    # filled when the whole set is checked: each verb pattern compiled (verbpatterns.CompiledPattern), used for coding
    compiled_patterns: dict[VerbPattern, CompiledPattern] = attrs.field(factory=dict)
    store: PlaceStore | None = None  # the bundled place store (towns, capitals, regions), when towns are wanted
    _store_places: dict[str, Place] = attrs.field(factory=dict, repr=False, eq=False)
    _spellings: dict | None = attrs.field(default=None, repr=False, eq=False)
    _curated_towns: dict | None = attrs.field(default=None, repr=False, eq=False)

    def place(self, key: str) -> Place:
        """A curated place by name, or a place of the store by its `gn:` key ("gn:<store id>")."""
        if key.startswith("gn:") and self.store is not None:
            pl = self._store_places.get(key)
            if pl is None:
                row = self.store.place(int(key[3:]))
                if row is None:
                    raise KeyError(key)
                pl = store_place(key, row)
                spelt = self._admin1_spellings().get((pl.country, _spelling_key(pl.admin1)))
                if spelt is not None and spelt != pl.admin1:
                    pl = attrs.evolve(pl, admin1=spelt, location=spelt if pl.kind == "region" and not pl.admin2 else pl.location)
                same = self.curated_twin(pl) if pl.kind == "town" else None
                if same is not None:
                    # a town places.yaml spells as ACLED does (Semera for the store's Samara) keeps that spelling when
                    # the store's row of it is reached another way (a region's main town, a spelling variant)
                    pl = attrs.evolve(pl, location=same.location, admin2=pl.admin2 or same.admin2)
                self._store_places[key] = pl
            return pl
        return self.places[key]

    def curated_twin(self, pl: Place) -> Place | None:
        """The curated town or site of the same country within about 3 km of a store town: the same place."""
        if self._curated_towns is None:
            self._curated_towns = {}
            for c in self.places.values():
                if c.kind == "town":
                    self._curated_towns.setdefault(c.country, []).append(c)
        return next((c for c in self._curated_towns.get(pl.country, ()) if abs(c.lat - pl.lat) <= SAME_TOWN_DEGREES
                     and abs(c.lon - pl.lon) <= SAME_TOWN_DEGREES), None)

    def _admin1_spellings(self) -> dict[tuple[str, str], str]:
        """(country, letters) -> admin1 as the curated places write it: each curated admin1 ("Nord-Kivu" for the
        store's "Nord Kivu"), and every name of a curated region or of a place named like its admin1, so a store
        town in "Oromiya" is written in "Oromia", and in "Adis Abeba" in "Addis Ababa"."""
        if self._spellings is None:
            out: dict[tuple[str, str], str] = {}
            for p in self.places.values():
                if p.admin1 and (p.kind == "region" or p.admin1 == p.name):
                    for alias in (p.name, *p.aliases):
                        out.setdefault((p.country, _spelling_key(alias)), p.admin1)
            for p in self.places.values():
                if p.admin1:
                    out.setdefault((p.country, _spelling_key(p.admin1)), p.admin1)
            self._spellings = out
        return self._spellings

    def stand_in(self, slot: str) -> Agent:
        """The agent declared to stand in where the text names none (`stands_in:` in agents.yaml; the loader
        checks that exactly one agent fills each slot)."""
        return next(a for a in self.agents.values() if slot in a.stands_in)


def _spelling_key(name: str) -> str:
    """A name's letters and digits, lower-case and without accents: "Nord-Kivu" and "Nord Kivu" are one spelling."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isalnum())
