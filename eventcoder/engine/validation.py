"""Checking rows against schemas/event.schema.json before anything is written.

Every row is checked with a validator compiled from the schema (fastjsonschema);
when one fails, jsonschema explains every violation in readable form.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

import fastjsonschema
import jsonschema

from eventcoder.errors import RowValidationError
from eventcoder.model import Event
from eventcoder.resources import schema


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(schema("event.schema.json"))


@lru_cache(maxsize=1)
def _compiled() -> Callable[[Any], Any]:
    return fastjsonschema.compile(schema("event.schema.json"))


def row_errors(row: dict) -> list[str]:
    """Schema violations of one row as readable strings (empty when valid)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(row)'}: {e.message}" for e in _validator().iter_errors(row)]


def validate_event(event: Event) -> None:
    """Raise RowValidationError if the event does not satisfy the schema."""
    row = event.to_dict()
    try:
        _compiled()(row)
    except fastjsonschema.JsonSchemaValueException:
        errors = row_errors(row) or ["rejected by the compiled schema"]
        raise RowValidationError(f"row for article {event.article_id!r} is invalid: " + "; ".join(errors)) from None
