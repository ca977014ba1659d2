"""Which of a sentence's places an event is written at, as ACLED writes it (session 8, issue #15): the name in the
`location` column, among the village, district, zone and region a note names."""

from eventcoder import Article
from eventcoder.evaluation.explain import explain
from eventcoder.lang import _check
from eventcoder.yamlsrc import load_yaml


def rows(coder, text, pub="2024-05-15"):
    return [r for r in coder.code(Article("p", text, published=pub)) if r.event_type]


def test_an_unknown_village_is_written_at_the_district_named_with_it(coder):
    # ACLED places a village its gazetteer lacks at its woreda or district: the district is the row's location
    (r,) = rows(coder, "Gunmen raided cattle herders in Qoltuma village, Hadeessa district (Oromia) on Sunday, killing two.")
    assert (r.iso3, r.admin1, r.location, r.geo_precision) == ("ETH", "Oromia", "Hadeessa", 3)
    (r,) = rows(coder, "Soldiers fired on farmers at Qoltuma in Hadeessa woreda, Oromia region, wounding three.")
    assert r.location == "Hadeessa"
    why = explain(coder, Article("p", "Gunmen raided cattle herders in Qoltuma village, Hadeessa district (Oromia) on "
                                      "Sunday, killing two.", published="2024-05-15"))
    assert "'Hadeessa' is in no dictionary or store" in why


def test_a_named_kebele_or_a_known_town_stays_the_place(coder):
    # a kebele is a part of a woreda: named, it is the place itself
    (r,) = rows(coder, "Gunmen raided cattle herders in Qoltuma kebele, Hadeessa woreda (Oromia) on Sunday, killing two.")
    assert r.location == "Qoltuma"
    # a town the store knows is more precise than any district named with it
    (r,) = rows(coder, "Police fired on protesters in Nekemte town, Hadeessa district (Oromia) on Monday.")
    assert (r.admin1, r.geo_precision) == ("Oromia", 1) and r.location != "Hadeessa"


def test_district_words_must_be_area_words():
    text = """\
words:
  place_area_words: [district, zone]
  place_district_words: [district, sector]
"""
    data, _ = load_yaml(text, "g.yaml")
    problems = _check(data, "g.yaml")
    assert any("'sector'" in p and "place_area_words" in p for p in problems), problems


def test_a_lower_case_direction_before_an_area_is_part_of_its_name(coder):
    # "west" before "Hararge zone" names the zone West Harerghe, not a place west of some Hararge; the woreda word of
    # the sentence says Ethiopia
    r = rows(coder, "Farmers in west Hararge zone, Qabbo woreda, rioted on Monday.")[0]
    assert (r.iso3, r.admin1, r.location) == ("ETH", "Oromia", "West Harerghe")


def test_a_short_zone_name_spelt_otherwise_is_the_one_zone_of_its_country(coder):
    # "Borana" (b-r-n: too few consonants to be guessed among every area of the world) written as a zone of the one
    # country the article points to is Borena zone
    (r,) = rows(coder, "Herders in Borana zone, Qabbo woreda, protested against the new grazing rules.")
    assert (r.iso3, r.admin1, r.location) == ("ETH", "Oromia", "Borena")
    # written as a district it is no zone: Afder zone (Somali) is not the Afdera woreda of Afar
    (r,) = rows(coder, "Truck drivers went on strike in Afdera woreda, Afar zone on Monday over fuel prices.")
    assert (r.admin1, r.location) == ("Afar", "Afdera")
    # with no country in its article, three consonants guess nothing
    assert all(r.admin1 == "" for r in rows(coder, "Herders in Borana zone protested against the new grazing rules."))


def test_a_town_places_yaml_spells_keeps_its_spelling_however_it_is_reached(coder):
    # the store's Samara is Afar's main town; places.yaml spells it Semera, as ACLED does
    (r,) = rows(coder, "Herders clashed with police somewhere in the Afar region on Monday.")
    assert (r.admin1, r.location, r.geo_precision) == ("Afar", "Semera", 3)
    # a spelling the store lists as an alternate is written as places.yaml spells the town, not as the text does
    (r,) = rows(coder, "Police dispersed youths with tear gas in Shashemene, Ethiopia on Friday.")
    assert (r.admin1, r.location) == ("Oromia", "Shashamane")
    # a town places.yaml does not spell keeps the text's other name of it ("Ambo" for Hagere Hiywet)
    (r,) = rows(coder, "Police dispersed youths with tear gas in Ambo, Ethiopia on Friday.")
    assert r.location == "Ambo"


def test_a_curated_town_named_with_its_type_word_is_not_read_inside_a_zone_name(coder):
    (r,) = rows(coder, "Students marched in Gondar, Ethiopia against the new fees.")
    assert r.location == "Gonder"
    found = rows(coder, "Farmers marched against the new fees in Qabbo woreda, Debub Gonder zone.")
    assert found and found[0].location != "Gonder"


def test_a_small_foreign_namesake_is_not_the_place_of_an_article_whose_groups_or_people_are_elsewhere(coder):
    # the store's only "Gudar" is a village in Spain; the article's people, the
    # Oromo, are Ethiopia's: Guder, Oromia (the Ethiopian town spelt like it)
    (r,) = rows(coder, "Oromo farmers marched in Gudar on Monday against the new tax.")
    assert (r.iso3, r.admin1) == ("ETH", "Oromia")
    # a rebel group acts at home: ONLF fighters in a locality only Iran's store names is an unknown place of Ethiopia
    (r,) = rows(coder, "ONLF fighters ambushed an army convoy at Deyr on Friday.")
    assert r.iso3 == "ETH"
    # a state force's nationality says nothing: Ethiopian troops fight in Somalia too
    (r,) = rows(coder, "Ethiopian troops attacked Beledweyne on Monday, killing four.")
    assert r.iso3 == "SOM"
    why = explain(coder, Article("p", "Oromo farmers marched in Gudar on Monday against the new tax.",
                                 published="2024-05-15"))
    assert "only the name itself points to" in why


def test_a_regions_main_town_is_written_as_places_yaml_spells_it(coder):
    # the store's most populous town of Oromia is Nazrēt; ACLED writes it Adama (its woreda and its name today)
    (r,) = rows(coder, "Police arrested twenty traders somewhere in Oromia on Friday.")
    assert (r.admin1, r.location, r.geo_precision) == ("Oromia", "Adama", 3)
    # the region keeps its own name: "the Gambella region" is no town
    (r,) = rows(coder, "Students protested in the Gambella region on Friday.")
    assert (r.admin1, r.location, r.geo_precision) == ("Gambela", "Gambella", 3)


def test_a_foreign_direction_word_of_an_area_name_is_read_in_english(coder):
    # English text keeps Amharic direction words in zone names; the store names the zones in English
    (r,) = rows(coder, "Soldiers fought rebels in Misraq Wellega on Monday, killing six.")
    assert (r.iso3, r.admin1, r.location) == ("ETH", "Oromia", "East Wellega")
    (r,) = rows(coder, "Militias clashed in Qabbo district (Semen Gondar, Amhara) on Monday.")
    assert (r.admin1, r.location) == ("Amhara", "North Gondar")


def test_direction_translations_are_written_foreign_equals_english():
    data, _ = load_yaml("words:\n  place_direction_words: [misraq=east, mirab]\n", "g.yaml")
    assert any("'mirab'" in p and "foreign=english" in p for p in _check(data, "g.yaml"))


def test_curated_ethiopian_towns_the_store_lacks_or_spells_otherwise(coder):
    (r,) = rows(coder, "Police detained forty students in Jigjiga on Monday.")
    assert (r.admin1, r.location) == ("Somali", "Jijiga")
    (r,) = rows(coder, "Youths rioted in Sululta on Monday after the arrests, Ethiopian media said.")
    assert (r.iso3, r.admin1, r.location) == ("ETH", "Oromia", "Sululta")
