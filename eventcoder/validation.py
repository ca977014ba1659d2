"""Checking rows against schemas/event.schema.json before anything is written."""

from __future__ import annotations

from functools import lru_cache

import jsonschema

from .errors import RowValidationError
from .model import Event
from .resources import schema


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema("event.schema.json"))


def row_errors(row: dict) -> list[str]:
    """Schema violations of one row as readable strings (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(row)'}: {e.message}" for e in _validator().iter_errors(row)]


def validate_event(event: Event) -> None:
    """Raise RowValidationError if the event does not satisfy the schema."""
    errors = row_errors(event.to_dict())
    if errors:
        raise RowValidationError(f"row for article {event.article_id!r} is invalid: " + "; ".join(errors))
