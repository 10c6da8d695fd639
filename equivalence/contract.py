"""The machine contract of the command line: the version of its JSON shapes and its JSON errors.

Stdlib only (every query imports it). The shapes themselves are pydantic models in
:mod:`equivalence.schemas`, shipped as JSON Schemas (``equivalence schema NAME``).

``SCHEMA_VERSION`` is MAJOR.MINOR: MINOR grows when a key is added, MAJOR when a key is removed,
renamed or changes type. Every JSON answer carries it as ``schema_version``.
"""

from __future__ import annotations

import re

SCHEMA_VERSION = "1.1"


def stamped(payload, key: str = "results") -> dict:
    """``payload`` with ``schema_version`` first; a list is put under ``key``."""
    if not isinstance(payload, dict):
        payload = {key: payload}
    return {"schema_version": SCHEMA_VERSION, **payload}


def error_type(exc: BaseException) -> str:
    """A stable snake_case name of an error: UnknownLevelError -> 'unknown_level'."""
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__).lower()
    return name.removesuffix("_error").removesuffix("_exception") or "error"


def error_payload(exc: BaseException, message: str) -> dict:
    """``{"schema_version", "error": {"type", "message", "candidates"}}`` for stderr under --format json."""
    candidates = getattr(exc, "suggestions", None) or getattr(exc, "candidates", None) or []
    return {"schema_version": SCHEMA_VERSION,
            "error": {"type": error_type(exc), "message": message, "candidates": list(candidates)}}


# The order of each record's keys in the answers that print whole records (show, sources, export):
# the order these answers have always had, which is not the order of the records' fields.
ANSWER_KEYS = {
    "Source": ("id", "title", "doc_no", "issuer", "published", "effective_from", "effective_until", "status",
               "address", "note", "path", "line", "layer", "edition_of"),
    "Purpose": ("id", "zh", "en"),
    "Ladder": ("id", "zh", "en", "kind", "levels", "note", "confidence", "path", "line", "layer", "cite"),
    "Level": ("ref", "ladder", "id", "zh", "en", "aliases", "rank", "effective_from", "effective_until", "note",
              "term_years", "cite"),
    "Rule": ("id", "kind", "from", "to", "to_spec", "bidirectional", "grants", "conditions", "purposes",
             "jurisdiction", "layer", "replaces", "effective_from", "effective_until", "cite", "confidence", "note",
             "path", "line"),
}


def record_answer(record) -> dict:
    """A compiled record (:mod:`equivalence.records`) as a JSON answer gives it: plain dicts and
    lists, ``from`` for ``from_``, its keys in :data:`ANSWER_KEYS` order."""
    plain = record.to_dict()
    return {k: plain[k] for k in ANSWER_KEYS[type(record).__name__]}

