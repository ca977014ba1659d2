"""Writing a layered dictionary set back out as one YAML file that loads to the same dictionaries."""

from __future__ import annotations

from typing import Any

import yaml

from eventcoder.dictionaries.dictset import DictionarySet
from eventcoder.dictionaries.entries import AcledRule, Inter


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], ())}


def to_data(ds: DictionarySet) -> dict[str, Any]:
    """Plain data for every section of `ds` (what a dictionary file holds)."""
    return {
        "countries": [
            _drop_empty({"iso3": c.iso3, "iso": c.iso, "name": c.name, "region": c.region, "names": list(c.names),
                         "demonyms": list(c.demonyms), "capital": c.capital, "lat": c.lat, "lon": c.lon,
                         "peoples": [*({"name": n, "home": dict(c.people_homes)[n]} if n in dict(c.people_homes) else n
                                       for n in c.peoples), *({"name": n, "shared": True} for n in c.shared_peoples)]})
            for c in ds.countries.values()
        ],
        "agents": [
            _drop_empty({"id": a.id, "role": a.role, "inter": a.inter, "armed": a.armed, "acled_name": a.acled_name,
                         "terms": list(a.terms), "specificity": a.specificity, "stands_in": list(a.stands_in),
                         "anonymous": a.anonymous or None, "spokespeople": a.spokespeople or None, "tactic": a.tactic})
            for a in ds.agents.values()
        ],
        "actors": [
            _drop_empty({
                "id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases), "country": a.country, "code": a.code,
                "inter": a.inter, "armed": a.armed if a.kind != "person" else None,
                "roles": [_drop_empty({"country": r.country, "agent": r.agent, "from": r.start.isoformat() if r.start else None,
                                       "to": r.end.isoformat() if r.end else None}) for r in a.roles],
            })
            for a in ds.actors.values()
        ],
        "events": [
            _drop_empty({"id": p.id, "family": p.family, "cameo": p.cameo, "cameo_civilians": p.cameo_civilians,
                         "cameo_by_type": dict(p.cameo_by_type) or None, "acled": p.acled,
                         "acled_rules": [_rule(r) for r in p.acled_rules], "generic": p.generic or None,
                         "intervention": p.intervention, "reports_casualties": p.reports_casualties or None, "embeds": p.embeds,
                         "unnamed_source": p.unnamed_source, "intent_cameo": p.intent_cameo,
                         "refusal_cameo": p.refusal_cameo, "context_nouns": list(p.context_nouns), "context_verbs": list(p.context_verbs), "context": p.context, "context_only": p.context_only or None,
                         "codes_claims": p.codes_claims or None, "fired_from_author": p.fired_from_author or None,
                         "symmetric": p.symmetric or None, "preps": list(p.preps), "verbs": list(p.verbs), "nouns": list(p.nouns)})
            for p in ds.patterns.values()
        ],
        "families": [
            _drop_empty({"id": f.id, "violent": f.violent, "merge": f.merge, "threat_cameo": f.threat_cameo,
                         "unnamed_source": f.unnamed_source, "needs_target": f.needs_target or None,
                         "unnamed_needs_victims": f.unnamed_needs_victims or None,
                         "by_actors": [_rule(r) for r in f.by_actors]})
            for f in ds.families.values()
        ],
        "places": [
            _drop_empty({"name": p.name, "kind": p.kind, "country": p.country, "admin1": p.admin1, "admin2": p.admin2,
                         "admin3": p.admin3, "location": p.location, "lat": p.lat, "lon": p.lon, "aliases": list(p.aliases)})
            for p in ds.places.values()
        ],
        "holidays": [
            {"name": h.name, "date": f"{h.month:02d}-{h.day:02d}", "aliases": list(h.aliases)} for h in ds.holidays.values()
        ],
        "acled_types": [
            _drop_empty({"sub_event_type": t.sub_event_type, "event_type": t.event_type, "disorder_type": t.disorder_type,
                         "rank": t.rank, "distinct": t.distinct or None, "crowd_first": t.crowd_first or None, "crowd": t.crowd, "absorbed_by_violence": t.absorbed_by_violence or None,
                         "civilian_targeting": t.civilian_targeting or None})
            for t in ds.acled_types.values()
        ],
        "cues": {name: sorted(phrases) for name, phrases in sorted(ds.cues.items())},
        "irregular_verbs": {k: list(v) for k, v in sorted(ds.irregular_verbs.items())},
        "double_final": sorted(ds.double_final),
        "irregular_plurals": dict(sorted(ds.irregular_plurals.items())),
        "cameo_actors": [
            {"name": a.name, "phrases": list(a.phrases), "codes": [
                _drop_empty({"code": c.code, "from": c.start.isoformat() if c.start else None, "to": c.end.isoformat() if c.end else None})
                for c in a.codes]}
            for a in ds.cameo_actors
        ],
        "cameo_agents": [
            _drop_empty({"phrases": list(a.phrases), "code": a.code, "position": "prefix" if a.prefix else None}) for a in ds.cameo_agents
        ],
        "synsets": [{"name": name, "phrases": list(phrases)} for name, phrases in ds.synsets.items()],
        "verb_patterns": [
            _drop_empty({"verb": v.verb, "code": v.code, "forms": list(v.forms), "synonyms": list(v.synonyms),
                         "patterns": [{"pattern": p.pattern, "code": p.code} for p in v.patterns]})
            for v in ds.verb_patterns.values()
        ],
        "discards": [_drop_empty({"phrase": d.phrase, "scope": "story" if d.story else None}) for d in ds.discards],
        "cameo_options": dict(ds.cameo_options),
    }


def _inter_names(codes: frozenset[int] | None) -> list[str] | None:
    return None if codes is None else sorted(Inter(c).name.lower() for c in codes)


def _rule(r: AcledRule) -> dict[str, Any]:
    return _drop_empty({"source": _inter_names(r.source), "source_not": _inter_names(r.source_not) if r.source_not else None,
                        "target": _inter_names(r.target), "target_armed": r.target_armed, "intervention": r.intervention,
                        "killed": r.killed, "injured": r.injured, "source_armed": r.source_armed, "acled": r.acled})


def dump_yaml(ds: DictionarySet) -> str:
    """YAML text of the whole dictionary set; codes stay quoted strings so they read back unchanged."""
    data = {k: v for k, v in to_data(ds).items() if v or k not in _OPTIONAL}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


_OPTIONAL = frozenset({"cameo_actors", "cameo_agents", "synsets", "verb_patterns", "discards", "cameo_options"})
