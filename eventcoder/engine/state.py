"""What the article-level stages read and write: mentions, drafts of events, drops, and the article's coding."""

from __future__ import annotations

import datetime as dt

import attrs

from eventcoder.dictionaries.entries import Pattern
from eventcoder.engine.actors import ResolvedActor
from eventcoder.engine.mentions import PlaceMention, SentenceAnalysis, Trigger
from eventcoder.engine.quantities import Quantity
from eventcoder.engine.slots import Candidate


@attrs.define
class Mention:
    sentence: int
    trigger: Trigger
    pattern: Pattern
    place: PlaceMention | None


@attrs.define
class Draft:
    """An event being assembled from one or more mentions."""

    mentions: list[Mention]
    source: ResolvedActor | None
    source_assoc: list[ResolvedActor]
    target: ResolvedActor | None
    target_assoc: list[ResolvedActor]
    date: dt.date
    precision: int
    date_explicit: bool
    threat: bool
    killed: list[Quantity] = attrs.field(factory=list)
    injured: list[Quantity] = attrs.field(factory=list)
    last_sentence: int = 0
    intervention: str | None = None  # a protest met by state forces: the intervening pattern's role (dispersal, arrest, force)

    @property
    def primary(self) -> Mention:
        return self.mentions[0]


@attrs.frozen(slots=True)
class Dropped:
    """A candidate that did not become a row, and why."""

    sentence: int
    trigger: str
    pattern: str
    reason: str


@attrs.define
class ArticleCoding:
    """Everything decided about one article: analyses, drafts that became events, and what was dropped."""

    analyses: list[SentenceAnalysis]
    drafts: list[Draft]
    dropped: list[Dropped]
    main_place: PlaceMention | None
    candidates: list[list[Candidate]] = attrs.field(factory=list)
    dateline: PlaceMention | None = None
