"""The compiled records that queries read: sources, purposes, ladders, levels and rules.

:mod:`equivalence.models` validates what the YAML files say (pydantic); :mod:`equivalence.compile`
checks them across files and builds these. They are typed, frozen and slotted (``typing.NamedTuple``):
a warm query unpickles them from the cache and never imports pydantic, and a named tuple pickles as
a bare tuple of its values (smaller and faster to load than a dict, and faster than a frozen class
whose ``__init__`` has to bypass its own ``__setattr__``).

Every list of the YAML is a tuple here, so that nothing a query holds can be changed under another.
``to_dict()`` gives the plain form (``from`` for ``from_``) that ``show`` and ``sources`` print.
"""

from __future__ import annotations

from typing import NamedTuple, Optional


def _plain(value):
    if isinstance(value, tuple):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return [_plain(v) for v in value]
    return value


def _to_dict(self) -> dict:
    """The record as plain dicts and lists (NamedTuple classes take methods, not mixin bases)."""
    return {("from" if name == "from_" else name): _plain(value) for name, value in zip(self._fields, self)}


class Citation(NamedTuple):
    """Where a rule or a name is stated: the source's id, its article or part, and words seen in it."""

    source: str
    article: str
    quote: str = ""

    to_dict = _to_dict


class Words(NamedTuple):
    """A condition in words. ``en`` is None where the data gives only the Chinese."""

    zh: str
    en: Optional[str] = None

    to_dict = _to_dict


class Requirement(NamedTuple):
    """Another credential a rule needs (a level ref), held for at least ``years``; in post if ``in_post``."""

    level: str
    years: float = 0
    in_post: bool = False

    to_dict = _to_dict


class PointsNeeded(NamedTuple):
    scheme: str
    at_least: float

    to_dict = _to_dict


class Conditions(NamedTuple):
    """What a rule asks beyond its ``from`` level. Refs are resolved ``ladder.level`` ids."""

    years_in_from: Optional[float] = None
    work_years: Optional[float] = None
    education: Optional[str] = None
    also_holds: tuple = ()  # of Requirement
    in_post: bool = False
    same_specialty: bool = False
    appointed: bool = False  # filled by 评聘: a date is when one may be considered, not appointed
    honours: tuple = ()  # honour ids (破格)
    points: Optional[PointsNeeded] = None
    other: tuple = ()  # of Words: what the engine cannot check

    to_dict = _to_dict


NO_CONDITIONS = Conditions()


class Source(NamedTuple):
    """A policy document (or the best copy of it that was seen), and where the data declares it."""

    id: str
    title: str
    issuer: str
    effective_from: str
    status: str  # official / secondary / unverified
    doc_no: str = ""
    published: Optional[str] = None
    effective_until: Optional[str] = None
    address: Optional[str] = None
    note: Optional[str] = None
    edition_of: Optional[str] = None  # editions of one standard share it: a route keeps to one
    path: Optional[str] = None
    line: Optional[int] = None
    layer: str = "national"

    to_dict = _to_dict


class Purpose(NamedTuple):
    id: str
    zh: str
    en: str

    to_dict = _to_dict


class Level(NamedTuple):
    """One level of a ladder; ``ref`` is ``ladder.id``, and a higher ``rank`` is higher on the ladder."""

    ref: str
    ladder: str
    id: str
    zh: str
    en: str
    rank: int
    aliases: tuple = ()
    effective_from: Optional[str] = None
    effective_until: Optional[str] = None
    note: Optional[str] = None
    term_years: Optional[float] = None  # a post held for a fixed term (聘期制)
    cite: Optional[Citation] = None

    to_dict = _to_dict


class Ladder(NamedTuple):
    """An ordered ladder; ``levels`` are level refs, low to high."""

    id: str
    zh: str
    en: str
    kind: str
    levels: tuple
    note: Optional[str] = None
    confidence: Optional[str] = None
    cite: Optional[Citation] = None
    path: Optional[str] = None
    line: Optional[int] = None
    layer: str = "national"

    to_dict = _to_dict


class Rule(NamedTuple):
    """A cited link from one level (or from nothing: an entry rule) to others, of one kind
    (:mod:`equivalence.kinds`), under conditions, for purposes (none: any), while in force."""

    id: str
    kind: str
    from_: Optional[str]
    to: tuple
    cite: tuple  # of Citation; the first is the rule's primary source
    confidence: str
    effective_from: str
    effective_until: Optional[str] = None
    conditions: Conditions = NO_CONDITIONS
    purposes: tuple = ()
    to_spec: tuple = ()  # ``to`` as written (ranges unexpanded)
    bidirectional: bool = False
    grants: bool = True
    jurisdiction: str = "CN"
    layer: str = "national"
    replaces: Optional[str] = None
    note: Optional[str] = None
    path: Optional[str] = None
    line: Optional[int] = None

    to_dict = _to_dict
