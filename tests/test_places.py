"""Places from the bundled GeoNames gazetteer and the curated places.yaml."""

from eventcoder import Article


def one(coder, text, pub="2024-05-15"):
    rows = [r for r in coder.code(Article("p", text, published=pub)) if r.event_type]
    assert len(rows) == 1, [r.to_dict() for r in rows]
    return rows[0]


def test_gazetteer_town_with_admin1_and_coordinates(coder):
    r = one(coder, "A mob attacked a church in Lahore on Sunday.")
    assert (r.location, r.admin1, r.country, r.iso3, r.geo_precision) == ("Lahore", "Punjab", "Pakistan", "PAK", 1)
    assert abs(r.latitude - 31.56) < 0.05 and abs(r.longitude - 74.35) < 0.05


def test_near_a_town_is_precision_two(coder):
    r = one(coder, "Gunmen killed three farmers near Gwoza on Sunday.")
    assert (r.location, r.geo_precision) == ("Gwoza", 2)


def test_country_level_falls_back_to_centroid_with_precision_three(coder):
    r = one(coder, "Soldiers killed four militants in Mali on Monday.")
    assert (r.location, r.country, r.geo_precision, r.admin1) == ("Mali", "Mali", 3, "")


def test_person_names_that_are_also_towns_are_not_places(coder):
    r = one(coder, "Police arrested opposition leader Amos Kariuki in Nairobi on Tuesday.")
    assert (r.location, r.country) == ("Nairobi", "Kenya")


def test_ambiguous_town_prefers_the_country_named_in_the_sentence(coder):
    # there are towns called Hyderabad in India and in Pakistan
    r = one(coder, "Pakistani police arrested 30 protesters in Hyderabad on Monday.")
    assert r.iso3 == "PAK"
    r = one(coder, "Indian police arrested 30 protesters in Hyderabad on Monday.")
    assert r.iso3 == "IND"


def test_alternate_names_match(coder):
    r = one(coder, "Gunmen killed two traders in Arbil on Monday.")
    assert (r.location, r.iso3) == ("Erbil", "IRQ")


def test_dateline_gives_the_place_when_the_sentence_has_none(coder):
    r = one(coder, "MAIDUGURI, Nigeria (Example Wire) - Militants killed four villagers on Sunday.")
    assert (r.location, r.admin1, r.iso3, r.event_date) == ("Maiduguri", "Borno", "NGA", "2024-05-12")
    # the dateline is not read as an actor, and the sentence's own place still wins
    r = one(coder, "KABUL (Example Wire) - Gunmen killed two guards in Peshawar on Monday.")
    assert (r.location, r.actor1) == ("Peshawar", "Unidentified Armed Group (Pakistan)")
