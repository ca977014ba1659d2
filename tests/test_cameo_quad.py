"""CAMEO-only coding of real news sentences (issue #14, the quad set): each mechanism with an invented example."""

from __future__ import annotations

from eventcoder import Article, Coder

CODER = Coder.default()


def _rows(text: str, published: str = "2018-03-14"):
    return CODER.code(Article("c", text, published=published))


def _codes(text: str, published: str = "2018-03-14") -> list[str]:
    return [r.cameo_code for r in _rows(text, published)]


def test_an_office_holder_codes_as_the_state_in_office_and_by_name_after_it():
    rows = _rows("Theresa May met Angela Merkel in Berlin on Tuesday.")
    assert [(r.cameo_code, r.actor1, r.actor2) for r in rows] == [
        ("040", "Government of the United Kingdom", "Government of Germany")]
    later = _rows("Theresa May met Angela Merkel in Berlin on Tuesday.", published="2023-05-10")
    assert [(r.actor1, r.actor2) for r in later] == [("Theresa May", "Angela Merkel")]


def test_urging_and_calling_on_are_appeals_demanding_is_a_demand():
    assert _codes("The African Union urged Ethiopia on Monday to reopen the roads into the north.") == ["020"]
    assert _codes("The African Union called on Ethiopia on Monday to reopen the roads into the north.") == ["020"]
    assert _codes("The African Union demanded on Monday that Ethiopia reopen the roads into the north.") == ["100"]


def test_possessives_and_degree_words_may_stand_inside_a_verb_phrase():
    assert _codes("Kenya's foreign minister offered her deepest condolences to Tanzania on Sunday.") == ["018"]
    assert _codes("Chile granted political asylum to the Bolivian senator on Friday.") == ["075"]
    # an existing phrase with the same word keeps its own reading, and gains the rest
    assert _codes("Ghana expressed its support for Togo on Friday.") == ["051"]
    assert _codes("Ghana expressed its heartfelt condolences to Togo on Friday.") == ["018"]
    # the modifier alone names nothing
    assert _codes("Ghana offered his support on Friday.") == []


def test_a_stated_willingness_or_plan_to_yield_is_an_intention_and_its_refusal_a_refusal():
    assert _codes("Chad is willing to withdraw its troops from the border zone with Sudan.") == ["0356"]
    assert _codes("Egypt will ease restrictions on Gaza on Monday.") == ["0351"]
    assert _codes("Egypt would not ease restrictions on Gaza, its foreign ministry said.") == ["1241"]
    rows = _rows("Chad is willing to withdraw its troops from the border zone with Sudan.")
    assert [r.sub_event_type for r in rows] == [""]  # a plan is no ACLED event


def test_concessions_by_their_actor_alone_are_coded():
    assert _codes("The prime minister of Peru resigned on Thursday.") == ["0831"]
    assert _codes("Teachers in Mombasa called off their strike on Monday.") == ["082"]
    assert _codes("Ghana extradited two Nigerian suspects to Lagos on Monday.") == ["063"]


def test_a_modifier_may_stand_between_later_words_of_a_phrase_but_never_end_it():
    assert _codes("Oman lifted its blockade of Yemen on Monday.") == ["081"]
    assert _codes("Uganda will not lift the ban on Kenyan poultry, its ministry said.") == ["1241"]


def test_a_sentence_whose_event_words_were_all_dropped_dates_nothing_after_it():
    text = ("Since the bill was tabled, lawyers opposed to it say the old law, which lapsed in 1998, was misused. "
            "Police arrested 12 lawyers in Nairobi.")
    rows = CODER.code(Article("d", text, published="2024-06-20"))
    assert [r.sub_event_type for r in rows] == ["Arrests"]


def test_a_denial_is_coded_and_the_act_it_denies_is_not():
    rows = _rows("The army of Uganda denied charges that it shelled a market in Gulu on Monday.")
    assert [(r.cameo_code, r.sub_event_type) for r in rows] == [("016", "")]


def test_statements_of_the_codebook_root_01():
    assert _codes("The foreign ministry of Kenya declined to comment on the report.") == ["011"]
    assert _codes("Kenya's finance ministry said it is skeptical of the new tax plan.") == ["012"]
    assert _codes("Kenya's president attended a ceremony in Nairobi on Monday.") == ["017"]
    assert _codes("Officials from Kenya said they agree with the World Bank.") == ["019"]


def test_a_statement_alone_with_event_words_no_one_does_is_still_coded():
    # "talks" has no one holding them: the remark is the sentence's only event
    assert _codes("The finance minister of Kenya remains optimistic that talks will resume.") == ["013"]


def test_a_phrase_with_the_modifier_written_in_it_still_matches_without_its_last_word():
    # "lift the ban on" is written; "lift the ban" (no "on") comes through the modifier edge
    assert _codes("Uganda will not lift the ban imposed on the party, its ministry said.") == ["1241"]
    assert _codes("Chile will not accept any more refugees from Peru.") == ["122"]


def test_declining_to_act_is_a_refusal_and_courts_convicting_accuse():
    assert _codes("The governor of Lagos declined to resign on Monday.") == ["1231"]
    assert _codes("A court in Kenya convicted 12 Al Shabaab members on Monday.") == ["112"]
    assert _codes("The police of Kenya will investigate the killing of the lawyer, the ministry said.") == ["090"]


def test_international_organisations_and_state_offices_are_actors():
    rows = _rows("The European Commission filed a lawsuit against Hungary on Monday.")
    assert [(r.cameo_code, r.actor1, r.actor2) for r in rows] == [("115", "European Commission", "Government of Hungary")]
    rows = _rows("The Kremlin praised Serbia on Monday.")
    assert [(r.cameo_code, r.actor1) for r in rows] == [("051", "Government of Russia")]


def test_agreeing_to_act_codes_the_intention_of_the_act_when_it_has_one():
    assert _codes("Kenya agreed to send aid to Somalia on Monday.") == ["033"]
    assert _codes("The prime minister of Peru agreed to resign on Monday.") == ["035"]
    # an act without an intention code: the agreement itself is coded
    assert _codes("Kenya agreed to condemn Somalia on Monday.") == ["030"]


def test_deploying_is_a_mobilisation_only_of_a_force():
    assert _codes("Russia deployed troops to the border with Ukraine on Monday.") == ["154"]
    assert _codes("The European Union deployed election observers in Zimbabwe on Monday.") == []


def test_hoping_is_an_appeal_and_a_planned_recognition_an_intention():
    assert _codes("Kenya said it hoped the plan could avoid a war with Somalia.") == ["020"]
    assert _codes("Kenya said it would recognize the independence of Somaliland.") == ["032"]


def test_a_release_named_by_its_noun_is_coded_with_who_was_released():
    rows = _rows("Uganda's foreign ministry announced the release of two Kenyan journalists on Monday.")
    assert [r.cameo_code for r in rows][:1] == ["084"]


def test_releasing_a_statement_is_a_statement_not_a_release():
    assert _codes("A senator of Kenya released the following statement on the vote on Monday.") == ["010"]


def test_a_fight_against_a_disease_or_an_abstract_ill_is_no_armed_clash():
    assert _codes("Japan sent masks and ventilators to Kenya on Monday to fight the spread of COVID-19.") == []
    assert "190" not in _codes("The minister vowed on Monday that Peru would keep fighting corruption.")
    assert _codes("Soldiers fought rebels near Goma on Monday.") == ["190"]


def test_a_claim_that_they_had_attacked_is_a_statement_not_an_attack():
    """Reported speech of one's own deed ('claimed that they had attacked') is the claim: CAMEO 010."""
    assert _codes("The rebels claimed that they had attacked an army depot near Tessalit.")[:1] == ["010"]


def test_a_condolence_message_or_concerns_come_before_the_attack_they_are_about():
    codes = _codes("The Kenyan president sent a condolence message to the Ugandan president after the bombing in Kampala.")
    assert codes[:1] == ["018"]
    codes = _codes("The Indian prime minister expressed deep concerns regarding the bombing in Kampala.")
    assert codes[:1] == ["012"]


def test_two_conjoined_subjects_of_a_joint_act_are_its_source_and_target():
    rows = _rows("Canada and Britain have agreed to a new trade deal, the two governments said on Saturday.")
    assert [(r.actor1, r.actor2) for r in rows][:1] == [("Government of Canada", "Government of the United Kingdom")]


def test_the_subject_of_held_declared_or_paid_is_the_source_of_the_event_noun_it_governs():
    assert _codes("The Malian ambassador paid a courtesy visit to Senegal's president in Dakar on Monday.") == ["042"]
    # the light verb's object is the protest; the killing after it is not the residents' act
    rows = _rows("Residents of Dessie held protests condemning the killing of traders by Oromo youths.")
    assert rows[0].sub_event_type == "Peaceful protest" and rows[0].actor1 == "Protesters (Ethiopia)"
    # the youths' killing is no violence of the protest's crowd (it was what they protested about)
    assert all(r.sub_event_type not in ("Violent demonstration", "Mob violence") for r in rows)


def test_an_event_noun_that_a_refusal_verb_governs_is_refused_not_done():
    # the appeal is what was turned down, the freeing what was refused (124), not a neutral appeal (020)
    assert _codes("Ghana has rejected repeated appeals to release the Togolese opposition leader.") == ["124"]
    # every event word of the refused phrase is refused: no request (020) is left over
    assert _codes("A Ghanaian court rejected an extradition request for Togo's former minister on Monday.") == ["121"]
    # offers of talks turned down: a refusal to negotiate (125), by the one who turned them down, aimed at who offered
    rows = _rows("Togo has spurned offers of peace talks by Ghana this week.")
    assert [(r.cameo_code, r.actor1, r.actor2) for r in rows] == [
        ("125", "Government of Togo", "Government of Ghana")]


def test_a_measure_may_stand_inside_a_verb_phrase():
    # "lift a ban on" read through a hyphenated or spelt-out measure of the ban's age or reach
    assert _codes("Ghana has lifted a three-month-old state of emergency on Tuesday.") == ["081"]
    assert _codes("Togo lifted its 48-hour blockade of Benin on Friday.") == ["081"]
    assert _codes("Togo lifted a 100 kilometres travel restriction on Monday.") == ["081"]
    # an amount too: "gave $2 million to" is giving aid
    assert _codes("Norway gave $2 million to Malawi on Monday.") == ["070"]
    assert _codes("Norway gave 50 million euros to Malawi on Monday.") == ["070"]
    # a number that measures nothing is no modifier
    assert _codes("Togo lifted three travel restriction on Monday.") == []
    assert _codes("Togo lifted 100 travel restriction on Monday.") == []


def test_being_willing_or_committed_to_act_is_an_intention_to_cooperate():
    assert _codes("Ghana is willing to send observers to Togo, its foreign minister said on Monday.")[:1] == ["030"]
    assert _codes("Norway reiterated its commitment to support Malawi on Monday.")[:1] == ["030"]


def test_a_future_event_noun_governed_by_a_light_verb_is_a_stated_intention():
    assert _codes("Ghana's president will make an official visit to Togo next week.") == ["036"]
    # without a light verb the noun is only talked about: nothing has been announced by anyone
    assert _codes("Ghana's president will discuss an official visit to Togo next week.") == []
