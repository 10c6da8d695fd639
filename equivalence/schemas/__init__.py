"""JSON Schemas of every JSON answer of the command line, and of the mapping files.

The shapes are pydantic models (:mod:`equivalence.schemas.models`); the ``*.schema.json`` files
beside this module are generated from them (``python -m equivalence.schemas``) and shipped, so that
``equivalence schema NAME`` prints one without importing pydantic. tests/test_schemas.py checks
that the files match the models and that real answers validate.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def names() -> list[str]:
    """The schemas shipped: one per command answering in JSON, ``error`` and ``mapping-file``."""
    return sorted(p.name.removesuffix(".schema.json") for p in HERE.glob("*.schema.json"))


def schema_text(name: str) -> str | None:
    """The shipped JSON Schema called ``name`` (None when there is none)."""
    path = HERE / f"{name}.schema.json"
    return path.read_text(encoding="utf-8") if name in names() else None
