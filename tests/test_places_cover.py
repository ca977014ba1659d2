"""Events whose place the store lacks still get a row when the text says which country they are in (session 7,
issues #14/#15: "no place or country could be found" only when nothing in the text gives a country)."""

from eventcoder import Article, Coder
from eventcoder.evaluation.explain import explain


def rows(coder, text, pub="2024-05-15"):
    return [r for r in coder.code(Article("p", text, published=pub)) if r.event_type]


def test_an_area_word_of_one_country_gives_the_country(coder):
    # "woreda" names Ethiopia's districts only (countries.yaml area_words): an unknown woreda is in Ethiopia
    text = "Farmers protested against a land decision in Qaxxabbee woreda on Tuesday."
    (r,) = rows(coder, text)
    assert (r.iso3, r.location, r.geo_precision) == ("ETH", "Qaxxabbee", 3)
    assert "it names woredas, areas of ETH only" in explain(coder, Article("p", text, published="2024-05-15"))
    # a word for areas of many countries says nothing of which country
    assert rows(coder, "Farmers protested against a land decision in Qaxxabbee district on Tuesday.") == []


def test_an_area_word_with_no_place_named_still_gives_the_country(coder):
    found = rows(coder, "Angry residents rioted after two kebele officials were detained on Monday.")
    assert found and {r.iso3 for r in found} == {"ETH"}


def test_a_short_region_name_spelt_otherwise_is_found_by_its_main_town(coder):
    # "Gambella": too few consonants to guess among every country's areas, but Ethiopia's one sizeable town spelt so
    # names its region
    (r,) = rows(coder, "Students protested in the Gambella region on Friday against the new curfew.")
    assert (r.iso3, r.admin1) == ("ETH", "Gambela")


def test_area_words_are_checked_by_the_loader(tmp_path):
    import textwrap

    import pytest

    from eventcoder import DictionaryError

    def problems(text: str) -> list[str]:
        path = tmp_path / "mine.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        with pytest.raises(DictionaryError) as info:
            Coder.from_dictionaries(path)
        return info.value.problems

    twice = problems("""\
        countries:
          - {iso3: KEN, iso: 404, name: Kenya, region: Eastern Africa, lat: 0.0, lon: 37.9, area_words: [woreda]}
        """)
    assert any("'woreda'" in p and "also declared by" in p for p in twice), twice
    unread = problems("""\
        countries:
          - {iso3: KEN, iso: 404, name: Kenya, region: Eastern Africa, lat: 0.0, lon: 37.9, area_words: [sublocation]}
        """)
    assert any("'sublocation'" in p and "place_area_words" in p for p in unread), unread


def test_a_lower_case_second_word_before_the_area_word_is_part_of_the_areas_name(coder):
    # "Kellem Wellega" written "Kellam welega zone": the whole name is the zone (spelt otherwise), not "Kellam" alone
    (r,) = rows(coder, "Unknown gunmen shot dead a teacher in Kellam welega zone on Sunday.")
    assert (r.iso3, r.admin1) == ("ETH", "Oromia")


def test_an_unknown_area_listed_between_keeps_the_list_to_its_region(coder):
    # "South Eastern zone" is in no dictionary; it sits between the unknown woreda and the region it belongs to
    (r,) = rows(coder, "Militiamen shot dead a trader in Qaxxabbee woreda, South Eastern zone, Tigray, on Monday.")
    assert (r.iso3, r.admin1, r.location) == ("ETH", "Tigray", "Qaxxabbee")
    # and without the region named, the row stays country-level
    (r,) = rows(coder, "Militiamen shot dead a trader in Qaxxabbee woreda, South Eastern zone, on Monday.")
    assert (r.iso3, r.admin1) == ("ETH", "")


def test_an_unknown_area_is_written_without_its_type_word(coder):
    # ACLED writes the woreda's own name: the capitalised type word is not part of it
    (r,) = rows(coder, "Police arrested nine teachers in Qaxxabbee Woreda, Tigray, on Monday.")
    assert (r.location, r.admin1) == ("Qaxxabbee", "Tigray")
