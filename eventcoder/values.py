"""Helpers for the attrs value classes that cross process and cache boundaries."""

from __future__ import annotations

import attrs


def by_fields(cls: type) -> type:
    """Pickle an attrs value class as its constructor arguments.

    The default state-dict round trip of slotted attrs classes is about twice as
    slow to load; dictionary caches hold tens of thousands of these values and
    `--jobs` workers send every Event back to the parent.
    """
    names = tuple(f.name for f in attrs.fields(cls))
    cls.__reduce__ = lambda self: (cls, tuple(getattr(self, n) for n in names))  # type: ignore[method-assign]
    return cls
