"""Turning actor mentions into actors: named actors, country + agent, office holders on a date, pronouns."""

from __future__ import annotations

import datetime as dt
from typing import Sequence

import attrs

from eventcoder.dictionaries.entries import Inter
from eventcoder.values import SourceRef
from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.engine.mentions import ActorMention

_NON_STATE = (Inter.REBELS, Inter.POLITICAL_MILITIA, Inter.IDENTITY_MILITIA)


@attrs.frozen(slots=True)
class ResolvedActor:
    """An actor as it will appear in a row. `country` None means "fill from the event's country"."""

    name: str
    code: str
    country: str | None
    inter: int
    armed: bool
    agent: str | None
    named: str | None
    kind: str
    refs: tuple[SourceRef, ...]
    text: str

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.name, self.country)


def country_phrase(lex: Lexicon, iso3: str, template: str) -> str:
    name = lex.ds.countries[iso3].name
    if "of {country}" in template and name.startswith(lex.lang.names_with_the):
        name = "the " + name  # ACLED's actor names are English whatever language the article is in
    return template.format(country=name)


def finish(actor: ResolvedActor, lex: Lexicon, iso3: str | None) -> ResolvedActor:
    """Give an actor without a country the event's country (police in Kano -> Police Forces of Nigeria)."""
    if actor.country is not None or iso3 is None or "{country}" not in actor.name:
        return actor
    return attrs.evolve(actor, name=country_phrase(lex, iso3, actor.name), code=iso3 + actor.code, country=iso3)


def _from_agent(lex: Lexicon, agent_id: str, country: str | None, m: ActorMention) -> ResolvedActor:
    ag = lex.ds.agents[agent_id]
    name = country_phrase(lex, country, ag.acled_name) if country else ag.acled_name
    code = (country or "") + ag.role
    return ResolvedActor(name, code, country, ag.inter, ag.armed, ag.id, None, "agent", m.refs, m.text)


# how many earlier (mention, actor) pairs a pronoun or "the group" looks back over: an antecedent is in the last
# few sentences, and scanning the whole article for every pronoun made long articles quadratic
LOOKBACK = 256


def resolve(
    m: ActorMention,
    lex: Lexicon,
    published: dt.date,
    history: Sequence[tuple[ActorMention, ResolvedActor]],
    stand_in: str,
) -> ResolvedActor | None:
    """Resolve one mention; `history` holds earlier (mention, actor) pairs of the article, oldest first.

    A bare country takes the agent that `stand_in` names (`country`, or `country_force` for the author of violence).
    """
    if len(history) > LOOKBACK and (m.pronoun is not None or m.definite):  # only those two look back
        history = history[-LOOKBACK:]
    if m.pronoun is not None:
        found = _antecedent(m, lex, history)
        if found is None and m.agent is not None:
            return _from_agent(lex, m.agent, m.country, m)  # "the rebels" with no one named before: rebels of the event's country
        return found
    if m.actor is not None:
        a = lex.ds.actors[m.actor]
        if a.kind == "person":
            for role in a.roles:
                if role.holds_on(published):
                    r = _from_agent(lex, role.agent, role.country, m)
                    return attrs.evolve(r, named=a.id, kind="person", refs=(a.ref, *m.refs))
            last = a.roles[-1].country if a.roles else None
            return ResolvedActor(a.name, (last or "") + "ELI", last, 8, False, None, a.id, "person", (a.ref,), m.text)
        return ResolvedActor(
            a.name, a.code or "", a.country, a.inter or 8, a.armed, m.agent, a.id, a.kind, (a.ref, *m.refs), m.text
        )
    if m.agent is not None:
        country = m.country
        if country is None and m.definite:
            for prev_m, prev in reversed(history):
                if prev.country and (prev.agent == m.agent or (prev_m.agent == m.agent)):
                    country = prev.country
                    break
        r = _from_agent(lex, m.agent, country, m)
        return attrs.evolve(r, kind="person") if m.person else r
    if m.country is not None and not m.locative and not m.describes:
        agent = lex.stand_ins["people" if m.people else stand_in].id
        return _from_agent(lex, agent, m.country, m)
    return None


def _told_as(prev: ResolvedActor, text: str) -> ResolvedActor:
    """The earlier actor as a pronoun names it: attrs.evolve's field-by-field copy, spelt out (a long article's
    pronouns made ~35,000 of them, a tenth of the time spent resolving actors)."""
    return ResolvedActor(prev.name, prev.code, prev.country, prev.inter, prev.armed, prev.agent, prev.named, prev.kind,
                         prev.refs, text)


def _antecedent(
    m: ActorMention, lex: Lexicon, history: Sequence[tuple[ActorMention, ResolvedActor]]
) -> ResolvedActor | None:
    p = m.pronoun or ""
    words = lex.lang.words
    if p in words["group_pronouns"]:
        # "the group", "the cartel": the last named armed group, before any unnamed one
        for prev_m, prev in reversed(history):
            if prev.kind == "group":
                return _told_as(prev, m.text)
    for prev_m, prev in reversed(history):
        if p in words["person_pronouns"]:
            ok = prev.kind == "person"
        elif p in words["object_person_pronouns"]:
            ok = prev.kind == "person" or prev.agent == lex.stand_ins["people"].id
        elif p in words["group_pronouns"]:
            ok = prev.kind == "group" or (prev.armed and prev.inter in _NON_STATE)
        elif p in words["armed_pronouns"]:
            ok = prev.armed and prev.inter in (*_NON_STATE, Inter.EXTERNAL) and prev.kind != "institution"
        else:  # they, it
            ok = True
        if ok:
            return _told_as(prev, m.text)
    return None


def stand_in(lex: Lexicon, slot: str) -> ResolvedActor:
    """The unnamed actor that fills a stand-in slot (protesters, rioters), country to be filled from the event."""
    ag = lex.stand_ins[slot]
    return ResolvedActor(ag.acled_name, ag.role, None, ag.inter, ag.armed, ag.id, None, "agent", (ag.ref,), slot)


def resolve_protesters(lex: Lexicon) -> ResolvedActor:
    """Unnamed protesters, country to be filled from the event."""
    return stand_in(lex, "protesters")
