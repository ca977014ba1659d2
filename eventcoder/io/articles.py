"""Articles from the files researchers already have: a CSV of articles, and saved HTML pages.

- `read_articles_csv(path, columns)`: one article per row. Which column holds the text,
  id, date, title, source and URL is given by `ArticleColumns`; by default the usual
  names are tried (text/body/content, id/article_id, published/date, ...). Rows without
  an id column get `FILE:ROW` ids.
- `article_from_html(html, ident)`: the article text of a saved web page with
  navigation, adverts and footers dropped, and its title, date, outlet and URL from the
  page's metadata where present. Extraction is trafilatura's (the `html` extra).

Both yield `InputProblem`s for what cannot be read, as the other readers do.

>>> cols = ArticleColumns()
>>> cols.pick("text", ["Headline", "Body", "Date"])
'Body'
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
from pathlib import Path
from typing import Iterator

import attrs

from eventcoder.model import Article, InputProblem

CSV_SUFFIXES = (".csv",)
HTML_SUFFIXES = (".html", ".htm")

# names tried, in order, for each role when a column is not named explicitly (compared case-insensitively)
_GUESSES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "article_text", "story"),
    "id": ("id", "article_id", "doc_id", "document_id", "uid", "guid"),
    "date": ("published", "date", "publish_date", "pub_date", "publication_date", "published_at", "datetime"),
    "title": ("title", "headline", "heading"),
    "source": ("source", "outlet", "publisher", "media", "sitename"),
    "url": ("url", "link", "href"),
    "country": ("country", "iso3"),
}


@attrs.frozen
class ArticleColumns:
    """Which CSV column plays which role; None means "try the usual names"."""

    text: str | None = None
    id: str | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    country: str | None = None

    def pick(self, role: str, header: list[str]) -> str | None:
        """The header name used for `role` (the explicit one must exist; a guess may find nothing)."""
        given = getattr(self, role)
        if given is not None:
            return given if given in header else None
        lowered = {h.strip().lower(): h for h in header}
        return next((lowered[g] for g in _GUESSES[role] if g in lowered), None)


def parse_date(text: str) -> dt.date | None:
    """A publication date from the forms article exports use; None when it is not one of them.

    >>> [parse_date(t) for t in ("2024-05-13", "2024-05-13T09:30:00Z", "Mon, 13 May 2024 09:30:00 GMT", "13 May 2024", "May 13, 2024")]
    [datetime.date(2024, 5, 13), datetime.date(2024, 5, 13), datetime.date(2024, 5, 13), datetime.date(2024, 5, 13), datetime.date(2024, 5, 13)]
    """
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    for fmt in ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        parsed = email.utils.parsedate_to_datetime(text)  # RFC 2822, as in RSS feeds
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date() if parsed else None


def read_articles_csv(
    path: str | Path, columns: ArticleColumns | None = None, published: dt.date | None = None
) -> Iterator[Article | InputProblem]:
    """One Article per row of a CSV file (UTF-8, header row), or the problem with a row or the file."""
    path = Path(path)
    columns = columns or ArticleColumns()
    _allow_long_fields()
    try:
        fh = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read: {exc.strerror}")
        return
    with fh:
        reader = csv.DictReader(fh)
        try:
            header = list(reader.fieldnames or [])
        except (UnicodeDecodeError, csv.Error) as exc:
            yield InputProblem(str(path), f"not a UTF-8 CSV file ({exc})")
            return
        if set(header) >= {"event_id_cnty", "event_date", "cameo_code"}:
            yield InputProblem(str(path), "an eventcoder event table, not articles; skipped")
            return
        roles = {role: columns.pick(role, header) for role in _GUESSES}
        if roles["text"] is None:
            wanted = columns.text or "one of " + ", ".join(_GUESSES["text"])
            yield InputProblem(str(path), f"no text column ({wanted}) among {', '.join(header) or 'no columns'}; give --text-column")
            return
        for role in ("id", "date", "title", "source", "url", "country"):
            if getattr(columns, role) is not None and roles[role] is None:
                yield InputProblem(str(path), f"no column {getattr(columns, role)!r} for the {role} (columns: {', '.join(header)})")
                return
        rownum = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except (UnicodeDecodeError, csv.Error) as exc:
                yield InputProblem(f"{path}:{reader.line_num}", f"unreadable row ({exc})")
                break
            rownum += 1
            ident = (row.get(roles["id"]) or "").strip() if roles["id"] else f"{path.stem}:{rownum}"
            where = f"{path}:{rownum}" + (f" (id {ident})" if ident else "")
            if not ident:
                yield InputProblem(where, "article has no id")
                continue
            text = row.get(roles["text"]) or ""
            if not text.strip():
                yield InputProblem(where, "article has no text")
                continue
            raw_date = (row.get(roles["date"]) or "") if roles["date"] else ""
            day = parse_date(raw_date)
            if raw_date.strip() and day is None:
                yield InputProblem(where, f"cannot read the date {raw_date!r} (use YYYY-MM-DD)")
                continue
            yield Article(
                ident, text, title=_cell(row, roles["title"]), published=day or published,
                source=_cell(row, roles["source"]), url=_cell(row, roles["url"]), country=_cell(row, roles["country"]),
            )


def _allow_long_fields() -> None:
    # the csv module stops at 128 KiB per cell by default; a long article is longer than that
    if csv.field_size_limit() < 2**30:
        csv.field_size_limit(2**30)


def _cell(row: dict[str, str], name: str | None) -> str:
    return (row.get(name) or "").strip() if name else ""


def article_from_html(page: str, ident: str, published: dt.date | None = None) -> Article | InputProblem:
    """The article in a saved HTML page: main text without boilerplate, metadata from the page."""
    try:
        import trafilatura
    except ImportError:
        return InputProblem(ident, "reading HTML pages needs trafilatura: pip install 'eventcoder[html]'")
    # dates only from the page's metadata and markup: a date guessed from the body ("the battles of 12 March 2012")
    # would become the publication date that every relative date in the article is read against
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False,
                                      favor_precision=True,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        return InputProblem(ident, "no article text found in the HTML page")
    title = (doc.title or "").strip()
    lines = text.split("\n")
    if title and lines[0].strip() == title:  # the page's own headline repeats the title
        text = "\n".join(lines[1:]).strip()
    day = parse_date(doc.date or "") if doc.date else None
    return Article(ident, text, title=title, published=day or published, source=(doc.sitename or "").strip(),
                   url=(doc.url or "").strip())


def read_html_file(path: Path, ident: str, published: dt.date | None = None) -> Article | InputProblem:
    """article_from_html for a file (its bytes decoded by the page's own charset where it says one)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputProblem(str(path), f"cannot read: {exc.strerror}")
    page = _decode(data)
    item = article_from_html(page, ident, published)
    if isinstance(item, InputProblem):
        return InputProblem(f"{path} (id {ident})", item.message)
    return item


def _decode(data: bytes) -> str:
    head = data[:2048].decode("ascii", "replace").lower()
    for marker in ('charset="', "charset='", "charset="):
        at = head.find(marker)
        if at != -1:
            name = head[at + len(marker):].split('"')[0].split("'")[0].split(";")[0].split(">")[0].strip()
            try:
                return data.decode(name, errors="replace")
            except LookupError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def count_rows(path: Path) -> int:
    """Rows in a CSV of articles (for progress totals); 0 when it cannot be read."""
    _allow_long_fields()
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return max(sum(1 for _ in csv.reader(fh)) - 1, 0)
    except (OSError, UnicodeDecodeError, csv.Error):
        return 0


def add_column_options(parser) -> None:  # type: ignore[no-untyped-def]
    """The --text-column ... --url-column options of commands that read CSVs of articles."""
    group = parser.add_argument_group("CSV of articles", "which column holds what (default: the usual names, e.g. text/body, id, published/date)")
    for role in ("text", "id", "date", "title", "source", "url", "country"):
        group.add_argument(f"--{role}-column", metavar="NAME", help=f"column with the article {role}")


def columns_from_args(args) -> ArticleColumns:  # type: ignore[no-untyped-def]
    return ArticleColumns(**{role: getattr(args, f"{role}_column", None) for role in ("text", "id", "date", "title", "source", "url", "country")})
