"""Partial dates (documents are often dated only by year or month) and "in force on" tests."""

from __future__ import annotations


def date_start(value: str) -> str:
    """First day of a partial date: '2022' -> '2022-01-01', '2022-03' -> '2022-03-01'."""
    return value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value


def in_force(item: dict, on: str | None) -> bool:
    """Whether a record with effective_from / effective_until is in force on ISO date ``on``.

    A partial start counts from the first day of its period (the most generous reading); a partial
    end stops at the first day of its period (the most cautious). ``on=None`` means no date filter.
    """
    if on is None:
        return True
    start, end = item.get("effective_from"), item.get("effective_until")
    if start and on < date_start(start):
        return False
    return not (end and on >= date_start(end))
