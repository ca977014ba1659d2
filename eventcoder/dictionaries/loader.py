"""Loading, validating and layering YAML dictionaries.

Files are read in order (bundled defaults first, then the user's); an entry with
the same key as an earlier one replaces it, cue lists are extended. Every problem
is reported as `file:line: message` and nothing is coded until all are fixed.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import fastjsonschema
import jsonschema

from eventcoder import resources
from eventcoder.dictionaries import cache
from eventcoder.dictionaries.cameo import CAMEO
from eventcoder.dictionaries.dictset import DictionarySet
from eventcoder.dictionaries.entries import (
    STAND_INS, AcledRule, AcledType, Agent, CameoActor, CameoAgent, CameoVerb, Country, DatedCode, Discard, Family, Holiday,
    Inter, NamedActor, Pattern, Role, VerbPattern,
)
from eventcoder.dictionaries.verbpatterns import PatternError, compile_pattern
from eventcoder.yamlsrc import LinedDict, line_of, load_yaml
from eventcoder.errors import DictionaryError
from eventcoder.lang import DEFAULT, dictionary_files
from eventcoder.lang import language as _language
from eventcoder.places.store import bundled_store
from eventcoder.places.model import Place
from eventcoder.values import SourceRef

KNOWN_CUES = frozenset(
    "light_verbs negation denial future threat generic aggregate period total claim locative barrier anaphoric background not_political natural_forces abstract_foes air_context labour_context weapon_context weapon_things base_context dwellers pronouns "
    "casualty_words injury_words force_context not_modal split_toll munition_context".split()
)


_KEYS = {
    "countries": "iso3",
    "agents": "id",
    "actors": "id",
    "events": "id",
    "places": "name",
    "holidays": "name",
    "acled_types": "sub_event_type",
    "families": "id",
    "synsets": "name",
    "verb_patterns": "verb",
}


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(resources.schema("dictionary.schema.json"))


@lru_cache(maxsize=1)
def _compiled() -> Callable[[Any], Any]:
    # the schema uses only keywords draft 7 knows, so fastjsonschema compiles it; a large imported dictionary
    # (140,000 entries) validates in a second instead of half a minute
    schema = dict(resources.schema("dictionary.schema.json"))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fastjsonschema.compile(schema)


def _schema_errors(data: Any) -> list[jsonschema.ValidationError]:
    """jsonschema's readable errors, asked for only when the compiled validator rejects the data."""
    try:
        _compiled()(data)
        return []
    except fastjsonschema.JsonSchemaValueException:
        # jsonschema has the last word, and says what is wrong where
        return sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _tuple(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def _add_file(ds: DictionarySet, data: LinedDict, name: str, problems: list[str]) -> None:
    for section, key in _KEYS.items():
        seen: dict[str, int] = {}
        for i, entry in enumerate(data.get(section) or []):
            ident = entry[key]
            line = data[section].item_lines[i]
            if ident in seen:
                problems.append(f"{name}:{line}: {section}: duplicate {key} {ident!r} (first at line {seen[ident]})")
                continue
            seen[ident] = line
            ref = SourceRef(name, line)
            if section == "countries":
                ds.countries[ident] = Country(
                    ident, entry["iso"], entry["name"], entry["region"], float(entry["lat"]), float(entry["lon"]),
                    _tuple(entry.get("names")), _tuple(entry.get("demonyms")), entry.get("capital"), ref,
                    tuple(x if isinstance(x, str) else x["name"] for x in entry.get("peoples") or ()
                          if isinstance(x, str) or not x.get("shared")),
                    tuple(x["name"] for x in entry.get("peoples") or () if isinstance(x, dict) and x.get("shared")),
                    _people_homes(entry),
                    tuple(w.casefold() for w in _tuple(entry.get("area_words"))),
                )
            elif section == "agents":
                ds.agents[ident] = Agent(
                    ident, entry["role"], entry["inter"], bool(entry.get("armed", False)), entry["acled_name"],
                    _tuple(entry["terms"]), ref, specificity=entry.get("specificity", 2),
                    stands_in=_tuple(entry.get("stands_in")), anonymous=bool(entry.get("anonymous", False)),
                    spokespeople=bool(entry.get("spokespeople", False)), tactic=entry.get("tactic"),
                    titles=_tuple(entry.get("titles")),
                )
            elif section == "actors":
                roles = tuple(
                    Role(r["country"], r["agent"], _date(r.get("from")), _date(r.get("to")))
                    for r in entry.get("roles") or []
                )
                if entry.get("home_region") and not entry.get("country"):
                    problems.append(f"{name}:{line}: actors: {ident!r} has a home_region but no country")
                ds.actors[ident] = NamedActor(
                    ident, entry["name"], entry["kind"], _tuple(entry["aliases"]), entry.get("country"),
                    entry.get("code"), entry.get("inter"), bool(entry.get("armed", False)), roles, ref,
                    home_region=entry.get("home_region"), seat=entry.get("seat"),
                )
            elif section == "events":
                ds.patterns[ident] = Pattern(
                    ident, entry["family"], entry["cameo"], entry.get("cameo_civilians"), entry.get("acled"),
                    bool(entry.get("symmetric", False)), _tuple(entry.get("preps") or ("on", "against", "targeting", "upon", "at")),
                    _tuple(entry.get("verbs")), _tuple(entry.get("nouns")), ref,
                    generic=bool(entry.get("generic", False)), intervention=entry.get("intervention"),
                    reports_casualties=bool(entry.get("reports_casualties", False)), embeds=entry.get("embeds"),
                    acled_rules=_rules(entry.get("acled_rules")),
                    cameo_by_type=tuple((str(k), str(v)) for k, v in (entry.get("cameo_by_type") or {}).items()),
                    unnamed_source=entry.get("unnamed_source"),
                    intent_cameo=entry.get("intent_cameo"), refusal_cameo=entry.get("refusal_cameo"),
                    context_nouns=_tuple(entry.get("context_nouns")), context_verbs=_tuple(entry.get("context_verbs")),
                    context=entry.get("context"), context_only=bool(entry.get("context_only", False)),
                    codes_claims=bool(entry.get("codes_claims", False)),
                    fired_from_author=bool(entry.get("fired_from_author", False)),
                )
            elif section == "places":
                ds.places[ident] = Place(
                    ident, entry["kind"], entry["country"], entry.get("admin1", ""), entry.get("admin2", ""),
                    entry.get("admin3", ""), entry.get("location", ident), float(entry["lat"]), float(entry["lon"]),
                    _tuple(entry.get("aliases")) or (ident,), ref,
                )
            elif section == "holidays":
                month, day = (int(x) for x in entry["date"].split("-"))
                ds.holidays[ident] = Holiday(ident, month, day, _tuple(entry["aliases"]), ref)
            elif section == "acled_types":
                if entry.get("crowd") is not None and entry["crowd"] not in STAND_INS:
                    problems.append(f"{ref}: acled type {ident}: crowd {entry['crowd']!r} is no stand-in slot "
                                    f"(one of {', '.join(STAND_INS)})")
                ds.acled_types[ident] = AcledType(
                    ident, entry["event_type"], entry["disorder_type"], entry["rank"], distinct=bool(entry.get("distinct", False)),
                    crowd_first=bool(entry.get("crowd_first", False)),
                    civilian_targeting=bool(entry.get("civilian_targeting", False)), crowd=entry.get("crowd"),
                    absorbed_by_violence=bool(entry.get("absorbed_by_violence", False)),
                )
            elif section == "families":
                ds.families[ident] = Family(
                    ident, bool(entry["violent"]), entry["merge"], entry["threat_cameo"], _rules(entry.get("by_actors")), ref,
                    unnamed_source=entry.get("unnamed_source"),
                    unnamed_needs_victims=bool(entry.get("unnamed_needs_victims", False)), needs_target=entry.get("needs_target", False),
                )
            elif section == "synsets":
                ds.synsets[ident.upper()] = _tuple(entry["phrases"])
            elif section == "verb_patterns":
                lines = entry["patterns"].item_lines if entry.get("patterns") else []
                patterns = tuple(
                    VerbPattern(p["pattern"], p["code"], SourceRef(name, lines[j]))
                    for j, p in enumerate(entry.get("patterns") or [])
                )
                ds.verb_patterns[ident] = CameoVerb(
                    ident, entry["code"], _tuple(entry.get("forms")), _tuple(entry.get("synonyms")), patterns, ref
                )
    for i, entry in enumerate(data.get("cameo_actors") or []):
        codes = tuple(DatedCode(c["code"], _date(c.get("from")), _date(c.get("to"))) for c in entry["codes"])
        ds.cameo_actors.append(
            CameoActor(entry["name"], _tuple(entry["phrases"]), codes, SourceRef(name, data["cameo_actors"].item_lines[i]))
        )
    for i, entry in enumerate(data.get("cameo_agents") or []):
        ds.cameo_agents.append(CameoAgent(_tuple(entry["phrases"]), entry["code"], entry.get("position") == "prefix",
                                          SourceRef(name, data["cameo_agents"].item_lines[i])))
    ds.cameo_options.update({str(k): _option_value(v) for k, v in (data.get("cameo_options") or {}).items()})
    for i, entry in enumerate(data.get("discards") or []):
        ds.discards.append(Discard(entry["phrase"], entry.get("scope") == "story", SourceRef(name, data["discards"].item_lines[i])))
    for cue, phrases in (data.get("cues") or {}).items():
        if cue not in KNOWN_CUES:
            problems.append(f"{name}:{data['cues'].key_lines[cue]}: cues: unknown cue list {cue!r} (known: {', '.join(sorted(KNOWN_CUES))})")
            continue
        ds.cues.setdefault(cue, set()).update(phrases)
    for verb, forms in (data.get("irregular_verbs") or {}).items():
        ds.irregular_verbs[verb] = (forms[0], forms[1])
    ds.double_final.update(data.get("double_final") or [])
    ds.irregular_plurals.update(data.get("irregular_plurals") or {})


def _inters(value: Any) -> frozenset[int] | None:
    if value is None:
        return None
    names = [value] if isinstance(value, str) else value
    return frozenset(int(Inter.named(n)) for n in names)


def _rules(entries: Any) -> tuple[AcledRule, ...]:
    """Decision-table rows (the schema has checked their shape)."""
    return tuple(
        AcledRule(
            r["acled"], _inters(r.get("source")), _inters(r.get("source_not")) or frozenset(), _inters(r.get("target")),
            r.get("target_armed"), r.get("intervention"), r.get("killed"), r.get("injured"), r.get("source_armed"),
        )
        for r in entries or ()
    )


def _option_value(v: Any) -> Any:
    # plain values for the cache and for CameoOptions (the schema has checked the types)
    if isinstance(v, (bool, type(None))):
        return v
    if isinstance(v, list):
        return [int(x) for x in v]
    return str(v)


def _people_homes(entry: dict) -> tuple[tuple[str, str], ...]:
    """The declared home regions of a country's peoples (`{name: Tigrayan, home: Tigray}`; the schema allows a
    home only on a people of one country)."""
    return tuple((x["name"], x["home"]) for x in entry.get("peoples") or () if isinstance(x, dict) and "home" in x)


def _check_peoples(ds: DictionarySet, problems: list[str]) -> None:
    """A people belongs to one country unless every country declaring it marks it shared, and is never also a
    country's name or demonym (those stand for the state)."""
    state_words = {n.casefold(): c.iso3 for c in ds.countries.values() for n in (c.name, *c.names, *c.demonyms)}
    owner: dict[str, tuple[str, bool]] = {}
    for c in ds.countries.values():
        for n, shared in [(n, False) for n in c.peoples] + [(n, True) for n in c.shared_peoples]:
            key = n.casefold()
            if key in state_words:
                problems.append(f"{c.ref}: country {c.iso3}: people {n!r} is also a name or demonym of "
                                f"{state_words[key]} (a people is not the state)")
            seen = owner.get(key)
            if seen is not None and seen[0] == c.iso3:
                problems.append(f"{c.ref}: country {c.iso3}: people {n!r} declared twice")
            elif seen is not None and not (shared and seen[1]):
                problems.append(f"{c.ref}: country {c.iso3}: people {n!r} is also declared by {seen[0]} "
                                f"(a people of several countries is written {{name: {n}, shared: true}} in each)")
            owner[key] = (c.iso3, shared)


def _check_area_words(ds: DictionarySet, problems: list[str], area_words: frozenset[str] | None) -> None:
    """A country's own area word names areas of that country only (declared by one country) and is one the language
    reads as an area word after a name (lang `place_area_words`), else no mention would ever carry it."""
    owner: dict[str, str] = {}
    for c in ds.countries.values():
        for w in c.area_words:
            if w in owner:
                problems.append(f"{c.ref}: country {c.iso3}: area word {w!r} is also declared by {owner[w]} (a word for "
                                f"areas of several countries points to none: declare it in neither)")
            owner.setdefault(w, c.iso3)
            if area_words is not None and w not in area_words:
                problems.append(f"{c.ref}: country {c.iso3}: area word {w!r} is not in the language's place_area_words")


def _cross_check(ds: DictionarySet, problems: list[str]) -> None:
    for verb in ds.verb_patterns.values():
        for p in verb.patterns:
            if p in ds.compiled_patterns:
                continue
            try:
                ds.compiled_patterns[p] = compile_pattern(p, ds.synsets)
            except PatternError as exc:
                problems.append(f"{p.ref}: {exc}")

    def known_country(code: str | None, ref: SourceRef, what: str) -> None:
        if code is not None and code not in ds.countries:
            problems.append(f"{ref}: {what}: unknown country {code!r} (not in any countries: section)")

    _check_peoples(ds, problems)
    _check_area_words(ds, problems, _language(ds.language).words.get("place_area_words"))
    for a in ds.actors.values():
        known_country(a.country, a.ref, f"actor {a.id}")
        known_country(a.seat, a.ref, f"actor {a.id} seat")
        if a.seat is not None and a.country is not None:
            problems.append(f"{a.ref}: actor {a.id}: a seat is for a body of no one country, and it has country {a.country!r}")
        for r in a.roles:
            known_country(r.country, a.ref, f"actor {a.id} role")
            if r.agent not in ds.agents:
                problems.append(f"{a.ref}: actor {a.id}: role names unknown agent {r.agent!r}")
            if r.start and r.end and r.end <= r.start:
                problems.append(f"{a.ref}: actor {a.id}: role ends ({r.end}) before it starts ({r.start})")
    for p in ds.places.values():
        known_country(p.country, p.ref, f"place {p.name}")
    def known_type(sub: str, ref: SourceRef, what: str) -> None:
        if sub not in ds.acled_types:
            problems.append(f"{ref}: {what}: {sub!r} is not an ACLED sub-event type (not in any acled_types: section)")

    for f in ds.families.values():
        if f.threat_cameo not in CAMEO:
            problems.append(f"{f.ref}: family {f.id}: {f.threat_cameo!r} is not a CAMEO event code")
        for rule in f.by_actors:
            known_type(rule.acled, f.ref, f"family {f.id} by_actors")
    for p in ds.patterns.values():
        family = ds.families.get(p.family)
        if family is None:
            problems.append(f"{p.ref}: event {p.id}: unknown family {p.family!r} (known: {', '.join(sorted(ds.families))})")
        elif p.acled == "by_actors" and not family.by_actors:
            problems.append(f"{p.ref}: event {p.id}: acled is by_actors but family {p.family} has no by_actors rules")
        for code in (p.cameo, p.cameo_civilians, *(c for _, c in p.cameo_by_type)):
            if code is not None and code not in CAMEO:
                problems.append(f"{p.ref}: event {p.id}: {code!r} is not a CAMEO event code")
        if p.acled is not None and p.acled != "by_actors":
            known_type(p.acled, p.ref, f"event {p.id}")
        for rule in p.acled_rules:
            known_type(rule.acled, p.ref, f"event {p.id} acled_rules")
        for sub, _ in p.cameo_by_type:
            known_type(sub, p.ref, f"event {p.id} cameo_by_type")
    for ag in ds.agents.values():
        for title in ag.titles:
            if not isinstance(title, str) or title not in ag.terms:
                problems.append(f"{ag.ref}: agent {ag.id}: title {title!r} is not one of its terms")
        if ag.tactic is not None and ag.tactic not in ds.patterns:
            problems.append(f"{ag.ref}: agent {ag.id}: tactic names unknown event pattern {ag.tactic!r}")
    for slot in STAND_INS:
        filled = [ag for ag in ds.agents.values() if slot in ag.stands_in]
        if len(filled) != 1 and ds.agents:
            where = filled[1].ref if len(filled) > 1 else next(iter(ds.agents.values())).ref
            say = "several agents stand in" if filled else "no agent stands in"
            problems.append(f"{where}: agents: {say} for {slot!r} (exactly one agent declares `stands_in: [{slot}]`; "
                            f"found {', '.join(a.id for a in filled) or 'none'})")


def _layer(ds: DictionarySet, part: DictionarySet) -> None:
    """Put one file's entries over what earlier files said."""
    for field in ("countries", "agents", "actors", "patterns", "places", "holidays", "acled_types", "families", "irregular_verbs",
                  "irregular_plurals", "synsets", "verb_patterns"):
        getattr(ds, field).update(getattr(part, field))
    for field in ("cameo_actors", "cameo_agents", "discards"):
        getattr(ds, field).extend(getattr(part, field))
    for cue, phrases in part.cues.items():
        ds.cues.setdefault(cue, set()).update(phrases)
    ds.cameo_options.update(part.cameo_options)
    ds.double_final.update(part.double_final)
    ds.files.extend(part.files)


def read_dictionary_text(text: str, name: str, ds: DictionarySet, problems: list[str]) -> None:
    """Validate one dictionary file's text and layer it onto `ds`; problems are appended.

    A file that validated before with the same text is taken from the on-disk cache.
    """
    key = cache.key_for(name, text)
    part = cache.load(key)
    if not isinstance(part, DictionarySet):
        part = _read_part(text, name, problems)
        if part is None:
            return
        cache.store(key, part)
    _layer(ds, part)


def _read_part(text: str, name: str, problems: list[str]) -> DictionarySet | None:
    before = len(problems)
    part = DictionarySet()
    data, found = load_yaml(text, name)
    problems.extend(found)
    if data is None:
        return None if found else part  # an empty file says nothing
    if not isinstance(data, dict):
        problems.append(f"{name}:1: a dictionary file must be a mapping of sections (countries:, actors:, events:, ...)")
        return None
    errors = _schema_errors(data)
    for err in errors:
        path = list(err.absolute_path)
        where = "/".join(str(p) for p in path) or "(top)"
        problems.append(f"{name}:{line_of(data, path)}: {where}: {err.message}")
    if errors or found:
        return None
    _add_file(part, data, name, problems)
    if len(problems) > before:
        return None
    part.files.append(name)
    return part


def load_dictionaries(paths: Iterable[str | Path] = (), *, bundled: bool = True, towns: bool = True,
                      texts: Iterable[tuple[str, str]] = (), language: str = DEFAULT) -> DictionarySet:
    """Read bundled dictionaries then `paths` (files or folders of *.yaml); raise DictionaryError on any problem.

    `towns` attaches the bundled GeoNames place store (towns, capitals, regions; data, not a dictionary file).
    `texts` are (name, YAML text) pairs read after the files, e.g. to check a file before it is written.
    `language` names the folder under eventcoder/lang/ whose grammar and cue dictionaries are used.
    """
    ds = DictionarySet(language=language)
    problems: list[str] = []
    if bundled:
        for name in resources.BUNDLED_DICTIONARIES:
            read_dictionary_text(resources.data_text(name), f"eventcoder/data/{name}", ds, problems)
        for path in dictionary_files(language):
            read_dictionary_text(resources.package_text(path), f"eventcoder/{path}", ds, problems)
    for path in paths:
        p = Path(path)
        files = sorted(p.glob("*.y*ml")) if p.is_dir() else [p]
        if p.is_dir() and not files:
            problems.append(f"{p}:0: folder holds no .yaml dictionary files")
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(f"{f}:0: cannot read dictionary: {exc}")
                continue
            read_dictionary_text(text, str(f), ds, problems)
    for name, text in texts:
        read_dictionary_text(text, name, ds, problems)
    if not problems:
        _cross_check(ds, problems)
    if problems:
        raise DictionaryError(problems)
    if towns:
        ds.store = bundled_store()
    return ds

