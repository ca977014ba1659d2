"""Exceptions the library raises; each one says where the problem is."""

from __future__ import annotations


class EventcoderError(Exception):
    """Base class for errors raised by eventcoder."""


class DictionaryError(EventcoderError):
    """One or more dictionary entries are malformed; each problem reads `file:line: message`."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class ArticleError(EventcoderError):
    """An article could not be read or coded; carries the article id (or input line)."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


class RowValidationError(EventcoderError):
    """A produced row does not satisfy schemas/event.schema.json (a bug, never silently dropped)."""


class OutputError(EventcoderError):
    """The output cannot be written where it was asked for (checked before anything is coded)."""
