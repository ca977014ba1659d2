"""Behaviour of the engine on constructions a coder meets daily (articles written for these tests)."""

import pytest

from eventcoder import Article
from eventcoder.engine.validation import row_errors

PUB = "2024-05-15"  # a Wednesday


def code(coder, text, pub=PUB, title=""):
    return coder.code(Article("t", text, title=title, published=pub))


def brief(rows):
    return [(r.actor1, r.sub_event_type or r.cameo_code, r.actor2) for r in rows]


def test_active_and_passive_voice_give_the_same_event(coder):
    active = code(coder, "Al-Shabaab fighters attacked Somali soldiers in Mogadishu on Monday.")
    passive = code(coder, "Somali soldiers were attacked by Al-Shabaab fighters in Mogadishu on Monday.")
    assert brief(active) == brief(passive) == [("Al Shabaab", "Armed clash", "Military Forces of Somalia")]
    assert active[0].event_date == "2024-05-13"


def test_compound_actor_country_and_agent(coder):
    rows = code(coder, "Nigerian soldiers killed 12 Boko Haram militants near Gwoza on Tuesday.")
    r = rows[0]
    assert (r.actor1, r.actor1_code, r.inter1) == ("Military Forces of Nigeria", "NGAMIL", 1)
    assert (r.actor2, r.inter2, r.interaction) == ("Boko Haram", 2, 12)
    assert (r.fatalities, r.fatalities_qualifier, r.location, r.admin1) == (12, "exact", "Gwoza", "Borno")


def test_agent_without_country_takes_the_event_country(coder):
    rows = code(coder, "Gunmen abducted 15 students from a school in Kano on Sunday.")
    assert brief(rows) == [("Unidentified Armed Group (Nigeria)", "Abduction/forced disappearance", "Civilians (Nigeria)")]
    assert rows[0].civilian_targeting == "Civilian targeting"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels did not attack the town of Goma on Monday, officials said.",
        "The RSF denied attacking civilians in El Fasher on Monday.",
        "Al-Shabaab will attack Mogadishu if troops stay, a commander said.",
        "The army plans to bomb rebel positions near Goma.",
        "If the talks fail, the rebels could attack Goma.",
        "Boko Haram attacked Maiduguri in 2014, killing dozens.",
        "More than 500 civilians have been killed in Khartoum since the war began in April.",
        "A series of attacks by gunmen in Kano has alarmed residents.",
    ],
)
def test_things_that_did_not_happen_now_are_not_violent_events(coder, text):
    rows = code(coder, text)
    assert [r for r in rows if r.event_type] == [], brief(rows)


def test_a_threat_is_cameo_13x_only(coder):
    rows = code(coder, "The Houthis threatened to attack ships in the Red Sea on Monday.")
    assert len(rows) == 1
    assert rows[0].cameo_code == "138" and rows[0].event_type == "" and rows[0].actor1 == "Ansar Allah"


def test_pronoun_and_the_group_resolve_to_the_last_actor(coder):
    text = ("Al-Shabaab fighters stormed a police station in Mogadishu on Monday. "
            "The group later abducted four officers.")
    rows = code(coder, text)
    assert ("Al Shabaab", "Abduction/forced disappearance", "Police Forces of Somalia") in brief(rows)


def test_claim_gives_an_earlier_event_its_source(coder):
    text = ("A roadside bomb killed three soldiers near Mogadishu on Saturday. "
            "Al-Shabaab claimed responsibility for the attack.")
    rows = code(coder, text)
    assert brief(rows) == [("Al Shabaab", "Remote explosive/landmine/IED", "Military Forces of Somalia")]
    assert rows[0].fatalities == 3


def test_injuries_never_count_as_fatalities(coder):
    rows = code(coder, "Police shot and wounded seven protesters in Nairobi on Tuesday.")
    assert all(r.fatalities == 0 for r in rows)
    assert any(r.injuries == 7 for r in rows)


def test_conflicting_reports_take_the_lowest_figure(coder):
    text = ("An air strike hit a market in Sagaing region on Monday. "
            "Residents said 30 people were killed in the strike, while the junta said 12 people died.")
    rows = code(coder, text)
    assert [r.fatalities for r in rows if r.event_type] == [12]


def test_condemnation_of_an_event_targets_its_author(coder):
    text = ("Russian forces shelled Kharkiv on Monday, killing two civilians. "
            "Ukraine's foreign ministry condemned the attack.")
    rows = code(coder, text)
    condemn = [r for r in rows if r.cameo_code == "111"]
    assert [(r.actor1, r.actor2) for r in condemn] == [("Government of Ukraine", "Military Forces of Russia")]
    assert condemn[0].event_type == "" and condemn[0].cameo_root == "11"


def test_office_holders_code_as_their_state_only_while_in_office(coder):
    during = code(coder, "Biden condemned Russia on Monday.", pub="2023-03-01")
    after = code(coder, "Biden condemned Russia on Monday.", pub="2026-03-01")
    assert during[0].actor1 == "Government of the United States"
    assert after[0].actor1 == "Joe Biden"


def test_every_row_validates_and_explains_itself(coder):
    rows = code(coder, "Israeli warplanes struck Khan Younis on Tuesday, killing eight people, medics said.")
    assert rows
    for r in rows:
        assert row_errors(r.to_dict()) == []
        assert "events.yaml:" in r.rule_id and r.sentence_index == 0
        assert "Sentence 0:" in r.notes


def test_no_date_falls_back_to_publication_with_week_precision(coder):
    rows = code(coder, "Police arrested 40 protesters in Dhaka.", pub="2024-07-20")
    assert (rows[0].event_date, rows[0].time_precision) == ("2024-07-20", 2)


def test_titles_are_not_coded_twice(coder):
    rows = code(coder, "Rebels attacked soldiers in Goma on Monday.", title="Rebels attack soldiers in Goma")
    assert len(rows) == 1


def test_empty_and_whitespace_articles_give_no_rows(coder):
    assert code(coder, "") == [] and code(coder, " \n\n ") == []


@pytest.mark.parametrize(
    "sentence,killed,qualifier",
    [
        ("Rebels killed between 10 and 15 soldiers in Goma on Monday.", 10, "min"),
        ("Rebels killed dozens of soldiers in Goma on Monday.", 12, "vague"),
        ("Rebels killed a dozen soldiers in Goma on Monday.", 12, "vague"),
        ("Rebels killed several soldiers in Goma on Monday.", 3, "vague"),  # ACLED codes unknown and "several" as 3
        ("Rebels killed an unknown number of soldiers in Goma on Monday.", 3, "vague"),
        ("Rebels killed hundreds of soldiers in Goma on Monday.", 100, "vague"),
        ("Rebels killed about 40 soldiers in Goma on Monday.", 40, "approx"),
        ("Rebels killed twenty-one soldiers in Goma on Monday.", 21, "exact"),
        ("Rebels attacked soldiers in Goma on Monday, wounding 14.", 0, "none"),
    ],
)
def test_fatality_counts_the_acled_way(coder, sentence, killed, qualifier):
    rows = code(coder, sentence)
    assert [(r.fatalities, r.fatalities_qualifier) for r in rows] == [(killed, qualifier)]


@pytest.mark.parametrize(
    "phrase,date,precision",
    [
        ("on Christmas Eve", "2023-12-24", 1),
        ("early Tuesday", "2024-01-02", 1),
        ("yesterday", "2024-01-02", 1),
        ("last week", "2023-12-27", 2),
        ("on 3 December", "2023-12-03", 1),
    ],
)
def test_event_dates_resolve_against_publication(coder, phrase, date, precision):
    rows = code(coder, f"Rebels attacked soldiers in Goma {phrase}.", pub="2024-01-03")
    assert [(r.event_date, r.time_precision) for r in rows] == [(date, precision)]


def test_initialisms_match_only_in_capitals(coder):
    rows = code(coder, "An Israeli drone strike on a car in southern Lebanon killed two Hezbollah fighters on Monday.")
    assert [(r.actor1, r.actor2, r.fatalities, r.country) for r in rows] == [
        ("Military Forces of Israel", "Hezbollah", 2, "Lebanon")]
    rows = code(coder, "Gunmen attacked a bus in Kano on Monday, a survivor told us.")
    assert all("United States" not in r.actor2 for r in rows)


def test_a_junta_belongs_to_the_country_named_with_it(coder):
    rows = code(coder, "Burkina Faso's junta said on Monday it had arrested several army officers in Ouagadougou.")
    assert [(r.actor1, r.sub_event_type, r.actor2) for r in rows] == [
        ("Military Forces of Burkina Faso", "Arrests", "Military Forces of Burkina Faso")]


def test_a_single_named_victim_counts_one(coder):
    rows = code(coder, "Gunmen stormed a mosque in Kano on Friday. The attackers also killed the mosque's imam.")
    assert [r.fatalities for r in rows if r.event_type] == [1]
