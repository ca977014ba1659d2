"""The public entry point: Coder turns articles into validated events."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import Iterable, Iterator

from eventcoder.tabari.coder import CameoCoder, CameoEvent
from eventcoder.engine.pipeline import code_text
from eventcoder.engine.state import ArticleCoding
from eventcoder.errors import ArticleError
from eventcoder.dictionaries.dictset import DictionarySet
from eventcoder.dictionaries.lexicon import Lexicon, default_lexicon, is_default_lexicon
from eventcoder.model import Article, Event, Outcome
from eventcoder.engine.rows import build_rows, cameo_triples
from eventcoder.engine.dates import FIRST_DAY, LAST_DAY
from eventcoder.engine.validation import validate_event
from eventcoder.values import gc_paused


class Coder:
    """Codes articles with a set of dictionaries.

    >>> coder = Coder.default()
    >>> rows = coder.code(Article("ex1", "Police arrested 12 protesters in Nairobi on Monday.", published="2024-06-26"))
    >>> [(r.sub_event_type, r.location, r.event_date) for r in rows]
    [('Arrests', 'Nairobi', '2024-06-24')]
    """

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.patterns: CameoCoder | None = None
        if lexicon.ds.verb_patterns:
            self.patterns = CameoCoder(lexicon.ds)  # verb-pattern dictionaries (imported from TABARI/PETRARCH)

    @classmethod
    def default(cls) -> "Coder":
        """A coder with the bundled dictionaries."""
        with gc_paused():
            return cls(default_lexicon())

    @classmethod
    def from_dictionaries(cls, *paths: str | Path, bundled: bool = True, language: str = "en") -> "Coder":
        """A coder with user YAML files (or folders of them) layered over the bundled defaults.

        `language` names the folder of eventcoder/lang/ whose grammar and cue dictionaries the coder reads.
        Raises DictionaryError listing every `file:line: problem` before anything is coded.
        """
        if not paths and bundled and language == "en":
            return cls.default()
        with gc_paused():
            return cls(Lexicon.from_paths(paths, bundled=bundled, language=language))

    def __reduce__(self) -> tuple:
        # a coder travels to other processes with its own dictionaries (not the names of files that may have changed,
        # nor the compiled trie, which is rebuilt on arrival); the bundled place store travels as a reference
        if is_default_lexicon(self.lexicon):
            return (Coder.default, ())  # the bundled dictionaries are the same package on the other side
        return (_rebuild, (self.lexicon.ds,))

    def analyse(self, article: Article) -> ArticleCoding:
        """The full analysis behind an article's rows (sentences, matches, dropped candidates)."""
        country = self.country_code(article.country, str(article.id)) if article.country else None
        return code_text(article.text, article.title, self._published(article), self.lexicon,
                         dated=article.published is not None, country=country)

    def country_code(self, name: str, where: str = "country") -> str:
        """The ISO3 code of a country given by its code or a name the dictionaries know.

        >>> Coder.default().country_code("Ethiopia"), Coder.default().country_code("eth")
        ('ETH', 'ETH')
        """
        countries = self.lexicon.ds.countries
        if name.strip().upper() in countries:
            return name.strip().upper()
        found = {e.key for e in self.lexicon.lookup(name) if e.kind == "country" and e.key in countries}
        if len(found) != 1:
            raise ArticleError(where, f"unknown country {name!r} (give an ISO3 code such as ETH, or a country name)")
        return found.pop()

    def code(self, article: Article) -> list[Event]:
        """Code one article; every returned event has been validated against the row schema."""
        return self.code_with_analysis(article)[0]

    def code_with_analysis(self, article: Article) -> tuple[list[Event], ArticleCoding]:
        """The validated rows of an article and the analysis behind them, from one pass."""
        if not isinstance(article.text, str) or not article.id:
            raise ArticleError(str(article.id or "?"), "article needs an id and a text")
        article = _encodable(article)
        published = self._published(article)
        if not FIRST_DAY <= published <= LAST_DAY:
            raise ArticleError(str(article.id), f"published date {published.isoformat()} is outside the years "
                                                f"{FIRST_DAY.year}-{LAST_DAY.year} that event rows allow")
        country = self.country_code(article.country, str(article.id)) if article.country else None
        # a long article keeps a great many live objects; the collector's full passes over them grew with its length
        with gc_paused() if len(article.text) > 100_000 else contextlib.nullcontext():
            coding = code_text(article.text, article.title, published, self.lexicon, dated=article.published is not None,
                               country=country)
            rows = build_rows(article, coding, self.lexicon, published)
            for row in rows:
                validate_event(row)
        return rows, coding

    def cameo(self, text: str, published: dt.date | str | None = None) -> list[tuple[str, str, str]]:
        """CAMEO (source, target, event code) triples for a text, without ACLED enrichment or a place.

        With verb-pattern dictionaries (`verb_patterns`, e.g. imported by `eventcoder import-dicts`) the triples come
        from those patterns and the dictionaries' own actor codes, as TABARI and PETRARCH would code them; otherwise
        from eventcoder's event patterns.

        >>> Coder.default().cameo("Jordan condemned Israel on Monday.", "2024-05-15")
        [('JORGOV', 'ISRGOV', '111')]
        """
        day = self._published(Article("cameo", text, published=published))
        if self.patterns is not None:
            return [e.triple for e in self.patterns.code(text, day)]
        return cameo_triples(code_text(text, "", day, self.lexicon), self.lexicon)

    def cameo_events(self, text: str, published: dt.date | str | None = None) -> list[CameoEvent]:
        """With verb-pattern dictionaries: each triple with its sentence, verb and rule (pattern, file:line).

        Raises ValueError when the dictionaries have no `verb_patterns` (use `cameo()` or `code()` then).
        """
        if self.patterns is None:
            raise ValueError("these dictionaries have no verb_patterns; cameo() codes with eventcoder's event patterns")
        return self.patterns.code(text, self._published(Article("cameo", text, published=published)))

    def cameo_rows(self, article: Article) -> list[tuple]:
        """Rows for `eventcoder cameo` (and `export.write_cameo`): (article id, source, target, code), with the
        sentence, verb, deciding pattern and its file:line added when the dictionaries have verb patterns."""
        if self.patterns is not None:
            return [(article.id, e.source, e.target, e.code, e.sentence, e.verb, e.rule, str(e.ref))
                    for e in self.cameo_events(article.text, article.published)]
        return [(article.id, *triple) for triple in self.cameo(article.text, article.published)]

    def code_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[Outcome]:
        """Code a stream of articles; an article that fails yields an Outcome with its error, the rest go on.

        With `jobs` > 1 the articles are coded in that many worker processes
        (`eventcoder.batch.parallel`); outcomes still come in input order and are the same.
        """
        if jobs > 1:
            from eventcoder.batch.parallel import code_in_processes

            yield from code_in_processes(self, articles, jobs)
            return
        for article in articles:
            try:
                yield Outcome(article.id, tuple(self.code(article)))
            except ArticleError as exc:
                yield Outcome(article.id, error=exc.message)
            except Exception as exc:  # noqa: BLE001 - whatever one article does, the rest of the batch goes on
                yield Outcome(article.id, error=f"could not be coded: {type(exc).__name__}: {exc}")

    def code_frame(self, articles: Iterable[Article], jobs: int = 1):  # type: ignore[no-untyped-def]
        """Code articles into one typed pandas DataFrame (needs the `pandas` extra; types as `eventcoder.read_events`).

        Articles that could not be coded are left out; `frame.attrs["errors"]` maps their ids to the reason.
        """
        from eventcoder.io.frame import events_to_frame

        events: list[Event] = []
        errors: dict[str, str] = {}
        for outcome in self.code_many(articles, jobs=jobs):
            if outcome.error is not None:
                errors[outcome.article_id] = outcome.error
            events.extend(outcome.events)
        frame = events_to_frame(events)
        frame.attrs["errors"] = errors
        return frame

    @staticmethod
    def _published(article: Article) -> dt.date:
        return article.published or dt.date.today()


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(article: Article) -> Article:
    """The article with lone surrogates (JSON's "\\ud800" decodes to one) replaced by U+FFFD, so every row can be
    written as UTF-8; an article without them is returned as it is."""
    fields = (article.id, article.text, article.title, article.source, article.url, article.country)
    if all(not isinstance(f, str) or f.isascii() or not _SURROGATE.search(f) for f in fields):
        return article
    clean = [(_SURROGATE.sub("\ufffd", f) if isinstance(f, str) else f) for f in fields]
    return Article(clean[0], clean[1], clean[2], article.published, clean[3], clean[4], clean[5])


def _rebuild(ds: DictionarySet) -> Coder:
    with gc_paused():
        return Coder(Lexicon(ds))
