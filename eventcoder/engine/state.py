"""What the article-level stages read and write.

`ArticleState` is the one value every stage of `engine.pipeline` takes: each
stage reads what earlier stages left in it and adds its own part (sentences,
candidates, drafts, drops, places, types). Nothing else carries state between
stages, so a stage can be read, tested and replaced on its own.
"""

from __future__ import annotations

import datetime as dt

import attrs

from eventcoder.dictionaries.entries import Pattern
from eventcoder.dictionaries.lexicon import Lexicon
from eventcoder.engine.actors import ResolvedActor
from eventcoder.engine.dates import DateMention
from eventcoder.engine.mentions import ActorMention, PlaceMention, SentenceAnalysis, Trigger
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
    modality: str | None = None  # "intent" or "refusal": the pattern's intent_cameo / refusal_cameo codes it
    intervention: str | None = None  # a protest met by state forces: the intervening pattern's role (dispersal, arrest, force, confront)
    fought_back: bool = False  # the attack turned into a fight its article tells ("clashes lasted for hours"): the two
    # sides battled, which ACLED codes as an armed clash however unarmed the target looked
    cameo_only: bool = False  # for ACLED part of another event (an arrest beside a beating): coded with its CAMEO code only

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


HISTORY_DAYS = 31  # an event dated further back than this is background, not news
LOOKBACK_SENTENCES = 4  # how far "the attack" and "claimed responsibility" reach back


@attrs.frozen(slots=True)
class Where:
    """An event's place as a row gives it."""

    iso3: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    lat: float
    lon: float
    precision: int


@attrs.frozen(slots=True)
class CodedEvent:
    """A draft with everything its row needs: place, finished actors, ACLED type and CAMEO code."""

    draft: Draft
    position: int  # the draft's place among the article's events: part of the row's stable id
    where: Where
    source: ResolvedActor
    target: ResolvedActor | None
    sub_event_type: str | None
    cameo: str


@attrs.define
class ArticleCoding:
    """Everything decided about one article: analyses, drafts that became events, and what was dropped."""

    analyses: list[SentenceAnalysis]
    drafts: list[Draft]
    dropped: list[Dropped]
    main_place: PlaceMention | None
    candidates: list[list[Candidate]] = attrs.field(factory=list)
    dateline: PlaceMention | None = None
    events: list[CodedEvent] = attrs.field(factory=list)
    places: object = None  # engine.locate.PlaceContext
    place_notes: list[str] = attrs.field(factory=list)


@attrs.define
class ArticleState:
    """One article on its way through the stages (see engine.pipeline.STAGES)."""

    lex: Lexicon
    published: dt.date
    body: str
    title: str
    dated: bool = True  # the article has a publication date of its own (else `published` is today)
    country: str | None = None  # ISO3 given with the article (Article.country): where it is when the text does not say
    dateline: PlaceMention | None = None
    analyses: list[SentenceAnalysis] = attrs.field(factory=list)
    title_places: list[PlaceMention] = attrs.field(factory=list)
    candidates: list[list[Candidate]] = attrs.field(factory=list)
    drafts: list[Draft] = attrs.field(factory=list)
    # drafts by (merge family, source key): merging stays linear in the article's length
    draft_keys: dict[tuple, list[Draft]] = attrs.field(factory=dict)
    dropped: list[Dropped] = attrs.field(factory=list)
    # the narrative so far, as the reading of sentence after sentence builds it
    history: list[tuple[ActorMention, ResolvedActor]] = attrs.field(factory=list)
    recent_violence: Draft | None = None
    narrative_date: DateMention | None = None
    main_place: PlaceMention | None = None
    located: list[tuple[int, Draft, Where]] = attrs.field(factory=list)
    events: list[CodedEvent] = attrs.field(factory=list)
    places: object = None  # engine.locate.PlaceContext: the article's countries and each place mention resolved
    place_notes: list[str] = attrs.field(factory=list)  # why each event's place was chosen (for explain)

    def drop(self, sentence: int, trigger: str, pattern: str, reason: str) -> None:
        self.dropped.append(Dropped(sentence, trigger, pattern, reason))

    def recent(self, sentence: int) -> Draft | None:
        """The violent event most recently mentioned, if close enough to be what "the attack" refers to."""
        d = self.recent_violence
        return d if d is not None and sentence - d.last_sentence <= LOOKBACK_SENTENCES else None

    def coding(self) -> ArticleCoding:
        return ArticleCoding(self.analyses, self.drafts, self.dropped, self.main_place, self.candidates, self.dateline,
                             self.events, self.places, self.place_notes)
