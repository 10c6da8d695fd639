"""The answers of the solver as typed records: what ``lookup``, ``compare``, ``path`` and ``check``
return, and what every output (JSON, CSV, tables, the roster, the web pages) renders.

Each is a ``typing.NamedTuple`` (typed, frozen, cheap to make by the hundred thousand in a roster).
``to_json()`` gives the JSON answer of the contract (:mod:`equivalence.contract`; the shapes are
the pydantic models of :mod:`equivalence.schemas`, shipped as JSON Schemas): ``from_`` is written
``from``, a nested result becomes an object, a tuple an array. Being tuples, they must not be handed
to ``json.dumps`` themselves (they would become arrays): call ``to_json()``.
"""

from __future__ import annotations

from typing import NamedTuple, Optional


def json_of(value):
    """``value`` as JSON data: results become objects (via their ``to_json``), tuples arrays."""
    if isinstance(value, tuple):
        to_json = getattr(value, "to_json", None)
        if to_json is not None:
            return to_json()
        return [json_of(v) for v in value]
    if isinstance(value, list):
        return [json_of(v) for v in value]
    if isinstance(value, dict):
        return {k: json_of(v) for k, v in value.items()}
    return value


def _to_json(self) -> dict:
    """This result as the contract's JSON object."""
    return {("from" if name == "from_" else name): json_of(value) for name, value in zip(self._fields, self)}


class LevelName(NamedTuple):
    """A level as answers name it: its ref, its ladder and its name in the language asked."""

    id: str
    ladder: str
    name: str

    to_json = _to_json


class Cite(NamedTuple):
    """A rule's primary citation with what an answer shows of its source."""

    rule: str
    source: str
    title: str
    doc_no: str
    status: str
    article: str
    quote: str
    layer: str
    jurisdiction: str

    to_json = _to_json
