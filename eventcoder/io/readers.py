"""Reading articles from .txt files (first line is the title), folders, JSON Lines and stdin.

A malformed input is reported as an InputProblem with its file, line and id, and
reading goes on with the next one.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from eventcoder.model import Article, InputProblem

JSONL_KEYS = ("id", "text", "title", "published", "source", "url")


_HEADER_KEYS = ("published", "source", "url")


def article_from_txt(text: str, article_id: str, published: dt.date | None = None, source: str = "") -> Article:
    """An Article from plain text whose first line is the title.

    Lines right after the title of the form `Published: 2023-12-26`, `Source: ...`
    or `URL: ...` are read as metadata; the body starts after them.

    >>> a = article_from_txt("Title here\\nPublished: 2024-01-02\\n\\nBody text.", "a1")
    >>> (a.title, a.published.isoformat(), a.text)
    ('Title here', '2024-01-02', 'Body text.')
    """
    title, _, rest = text.lstrip("\ufeff").partition("\n")
    meta: dict[str, str] = {}
    lines = rest.split("\n")
    i = 0
    while i < len(lines):
        key, sep, value = lines[i].partition(":")
        if sep and key.strip().lower() in _HEADER_KEYS and key.strip().lower() not in meta:
            meta[key.strip().lower()] = value.strip()
            i += 1
        elif not lines[i].strip() and i == 0:
            i += 1
        else:
            break
    body = "\n".join(lines[i:]).strip("\n")
    return Article(
        article_id, body, title=title.strip(), published=meta.get("published") or published,
        source=meta.get("source") or source, url=meta.get("url", ""),
    )


def article_from_json(obj: object, where: str, published: dt.date | None = None) -> Article | InputProblem:
    """An Article from one decoded JSONL object, or the problem with it."""
    if not isinstance(obj, dict):
        return InputProblem(where, "expected a JSON object with keys id, text, title, published, source, url")
    ident = obj.get("id")
    label = f"{where} (id {ident})" if ident not in (None, "") else where
    if ident in (None, ""):
        return InputProblem(where, "article has no id")
    if not isinstance(obj.get("text"), str):
        return InputProblem(label, "article has no text (a string is required)")
    unknown = sorted(set(obj) - set(JSONL_KEYS))
    if unknown:
        return InputProblem(label, f"unknown keys {', '.join(unknown)} (allowed: {', '.join(JSONL_KEYS)})")
    for key in ("title", "source", "url"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return InputProblem(label, f"{key} must be a string")
    try:
        pub = obj.get("published") or published
        return Article(
            str(ident), obj["text"], title=obj.get("title") or "", published=pub,
            source=obj.get("source") or "", url=obj.get("url") or "",
        )
    except (ValueError, TypeError) as exc:
        return InputProblem(label, f"bad published date {obj.get('published')!r}: {exc}")


def read_jsonl_stream(fh: IO[str], name: str, published: dt.date | None = None) -> Iterator[Article | InputProblem]:
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield article_from_json(obj, where, published)


def _files(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES and not p.name.startswith("."))


_SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".htm")  # .csv and .html/.htm: eventcoder.io.articles


def read_inputs(
    inputs: Iterable[str], published: dt.date | None = None, stdin: IO[str] | None = None, columns: Any = None
) -> Iterator[Article | InputProblem]:
    """Articles from each input: .txt, .jsonl, .csv (`columns`: an ArticleColumns) and .html files, folders of those, or '-' for stdin."""
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin
            data = stream.read()
            if data.lstrip().startswith("{"):
                yield from read_jsonl_stream(data.splitlines(keepends=True), "<stdin>", published)  # type: ignore[arg-type]
            else:
                yield article_from_txt(data, "stdin", published)
            continue
        path = Path(item)
        if path.is_dir():
            files = _files(path)
            if not files:
                yield InputProblem(str(path), "folder holds no .txt, .jsonl, .csv or .html files")
            for f in files:
                yield from _read_file(f, published, base=path, columns=columns)
        elif path.is_file():
            yield from _read_file(path, published, columns=columns)
        else:
            yield InputProblem(str(path), "no such file or folder")


def _read_file(
    path: Path, published: dt.date | None, base: Path | None = None, columns: Any = None
) -> Iterator[Article | InputProblem]:
    if path.suffix.lower() in (".csv", ".html", ".htm"):
        from eventcoder.io import articles

        if path.suffix.lower() == ".csv":
            yield from articles.read_articles_csv(path, columns, published)
        else:
            yield articles.read_html_file(path, str(path.relative_to(base).with_suffix("")) if base else path.stem, published)
        return
    try:
        if path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as fh:
                yield from read_jsonl_stream(fh, str(path), published)
            return
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        yield InputProblem(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read: {exc.strerror}")
        return
    ident = str(path.relative_to(base).with_suffix("")) if base is not None else path.stem
    if not text.strip():
        yield InputProblem(f"{path} (id {ident})", "file is empty")
        return
    try:
        yield article_from_txt(text, ident, published)
    except ValueError as exc:
        yield InputProblem(f"{path} (id {ident})", f"bad Published: header ({exc})")
