"""The entries a dictionary file declares, as values: countries, agents, actors, event patterns, CAMEO verbs."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from eventcoder.values import SourceRef, by_fields


def _within(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """Whether `day` falls in [start, end); an open side is unbounded."""
    return (start is None or start <= day) and (end is None or day < end)


class Inter(enum.IntEnum):
    """ACLED's inter codes: the kind of actor, as the ACLED codebook numbers them."""

    STATE = 1
    REBELS = 2
    POLITICAL_MILITIA = 3
    IDENTITY_MILITIA = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL = 8

    @classmethod
    def named(cls, name: str) -> "Inter":
        """The code for a dictionary's lower-case name: Inter.named("rioters") is Inter.RIOTERS."""
        return cls[name.upper()]


BY_ACTORS = "by_actors"  # a pattern's `acled` when who acts on whom decides the sub-event type
STAND_INS = ("country", "country_force", "unnamed_attacker", "protesters", "people", "rioters", "police")


@by_fields
@attrs.frozen(slots=True)
class Country:
    iso3: str
    iso: int
    name: str
    region: str
    lat: float
    lon: float
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    ref: SourceRef
    # peoples (ethnic or national groups) of the country: not the state, so they make no state actor; a people
    # living in several countries is `shared` and points to none
    peoples: tuple[str, ...] = ()
    shared_peoples: tuple[str, ...] = ()
    # (people, first-level region) for a people of this country living mostly in one region (Tigrayan: Tigray)
    people_homes: tuple[tuple[str, str], ...] = ()
    # words for administrative areas that only this country has ("woreda", "kebele": Ethiopia's districts and wards):
    # an unknown "X woreda" is in this country when nothing else in the article gives one; a word for areas of
    # several countries ("district", "ward", "chiefdom") is declared by none (the loader refuses it twice)
    area_words: tuple[str, ...] = ()


@by_fields
@attrs.frozen(slots=True)
class Agent:
    id: str
    role: str
    inter: int
    armed: bool
    acled_name: str
    terms: tuple[str, ...]
    ref: SourceRef
    specificity: int = 2
    stands_in: tuple[str, ...] = ()
    anonymous: bool = False
    spokespeople: bool = False
    tactic: str | None = None
    # terms that title a person when a name follows ("Governor X", "Sen. X"): that person, holding this office
    titles: tuple[str, ...] = ()


@by_fields
@attrs.frozen(slots=True)
class Role:
    country: str
    agent: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return _within(self.start, self.end, day)


@by_fields
@attrs.frozen(slots=True)
class NamedActor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    country: str | None
    code: str | None
    inter: int | None
    armed: bool
    roles: tuple[Role, ...]
    ref: SourceRef
    home_region: str | None = None  # a group's home first-level region, as a fact: where it acts when no place is given
    seat: str | None = None  # an international body's seat (a fact): the row's country when the text gives none at all


@by_fields
@attrs.frozen(slots=True)
class AcledRule:
    """One line of a decision table: when every given condition holds, the event gets `acled`."""

    acled: str
    source: frozenset[int] | None = None
    source_not: frozenset[int] = frozenset()
    target: frozenset[int] | None = None
    target_armed: bool | None = None
    intervention: str | None = None  # a pattern's intervention role, or "any"
    killed: bool | None = None
    injured: bool | None = None  # whether the event counts people injured
    source_armed: bool | None = None  # whether the source is armed (a party's unarmed supporters who riot are a crowd)


@by_fields
@attrs.frozen(slots=True)
class Family:
    """What kind of event a pattern describes (events.yaml `families:`)."""

    id: str
    violent: bool
    merge: str  # "family": across the family's patterns; "type": within one ACLED sub-type or CAMEO root
    threat_cameo: str
    by_actors: tuple[AcledRule, ...]
    ref: SourceRef
    unnamed_source: str | None = None  # the stand-in (agents.yaml `stands_in`) for an event whose text names no actor
    unnamed_needs_victims: bool = False  # after the article's first violent event, the stand-in needs a target or casualties
    needs_target: bool | str = False  # an event with no one acted upon is not coded ("unless_alone" in its sentence)


@by_fields
@attrs.frozen(slots=True)
class Pattern:
    id: str
    family: str
    cameo: str
    cameo_civilians: str | None
    acled: str | None
    symmetric: bool
    preps: tuple[str, ...]
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    ref: SourceRef
    generic: bool = False
    intervention: str | None = None
    reports_casualties: bool = False
    embeds: str | None = None
    acled_rules: tuple[AcledRule, ...] = ()
    cameo_by_type: tuple[tuple[str, str], ...] = ()
    unnamed_source: str | None = None  # overrides the family's; "none": no stand-in
    intent_cameo: str | None = None  # "will meet": the CAMEO code of the stated intention (else a future event is dropped)
    refusal_cameo: str | None = None  # "refused to meet", "would not meet": the CAMEO code of the refusal
    context_nouns: tuple[str, ...] = ()  # ambiguous nouns ("strike") that name this event only in its `context`
    context_verbs: tuple[str, ...] = ()  # ambiguous verbs ("intercept", "thwart") likewise, as lemmas
    context: str | None = None  # the cue list (cues.yaml) whose words in the sentence make the context
    # only that cue list makes the context: an armed actor in the sentence does not (police firing tear gas do not make
    # breathing difficulties a chemical attack)
    context_only: bool = False
    codes_claims: bool = False  # a claim of responsibility for no event reported before is coded as this pattern's event
    # a weapon fired from its author's platform (missiles, rockets): an author with a `tactic` (warplanes) decides the type
    fired_from_author: bool = False


@by_fields
@attrs.frozen(slots=True)
class Holiday:
    name: str
    month: int
    day: int
    aliases: tuple[str, ...]
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class AcledType:
    sub_event_type: str
    event_type: str
    disorder_type: str
    rank: int
    distinct: bool = False
    crowd_first: bool = False
    civilian_targeting: bool = False
    absorbed_by_violence: bool = False  # beside violence by the same actor on the same people, part of the violence
    crowd: str | None = None  # the stand-in (agents.yaml `stands_in`) civilians acting in such an event are coded as


@by_fields
@attrs.frozen(slots=True)
class DatedCode:
    """A CAMEO actor code, valid from `start` (inclusive) to `end` (exclusive) when given."""

    code: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return _within(self.start, self.end, day)


@by_fields
@attrs.frozen(slots=True)
class CameoActor:
    name: str
    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    ref: SourceRef

    def codes_on(self, day: dt.date) -> tuple[str, ...]:
        """The codes that hold on `day`: a dated code that covers the day, else every undated code (several
        undated codes mean the phrase names several actors at once), else the last dated one."""
        for c in self.codes:
            if (c.start or c.end) and c.holds_on(day):
                return (c.code,)
        undated = tuple(c.code for c in self.codes if not (c.start or c.end))
        return undated or (self.codes[-1].code,)


@by_fields
@attrs.frozen(slots=True)
class CameoAgent:
    phrases: tuple[str, ...]
    code: str
    prefix: bool
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class VerbPattern:
    pattern: str
    code: str
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class CameoVerb:
    verb: str
    code: str
    forms: tuple[str, ...]
    synonyms: tuple[str, ...]
    patterns: tuple[VerbPattern, ...]
    ref: SourceRef


@by_fields
@attrs.frozen(slots=True)
class Discard:
    phrase: str
    story: bool
    ref: SourceRef
