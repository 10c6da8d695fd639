"""The checks of what the Python API is given.

A value of the wrong type or out of range is an :class:`~equivalence.errors.EquivalenceError` naming
the argument: never a TypeError or AttributeError from deep inside, and never a value silently taken
for another (a string of holds read letter by letter, a misspelt kind that filters out every answer,
``lang="fr"`` answered in Chinese). Used by :mod:`equivalence.api` and by what ``import equivalence``
exports (``Registry.load``, ``find_equivalents``, ``load_index``, ``compile_folder``). Stdlib only:
a query loads it.
"""

from __future__ import annotations

import datetime as dt

LANGS = ("zh", "en")
DIRECTIONS = ("out", "in", "both")
LOOKUP_KINDS = ("apply", "treated_as", "counts_as", "post", "derived")
SEARCH_KINDS = ("level", "title", "qualification", "occupation")


def _wrong(name: str, expected: tuple, value) -> Exception:
    from .errors import EquivalenceError

    return EquivalenceError(code="argument_type", name=name, expected=expected, got=shown(value))


def shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def text(name: str, value, *, optional: bool = False) -> str | None:
    """A name: a string (``None`` too when ``optional``)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _wrong(name, ("arg_text", {}), value)
    return value


def texts(name: str, value) -> list[str]:
    """Names: a list or tuple of strings, or one string (a list of one, as a profile file reads it)."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(v, str) for v in value):
        raise _wrong(name, ("arg_texts", {}), value)
    return list(value)


def folder(name: str, value):
    """A path (a string or a path object), or ``None``."""
    import os

    if value is not None and not isinstance(value, (str, os.PathLike)):
        raise _wrong(name, ("arg_folder", {}), value)
    return value


def folders(name: str, value) -> list:
    """Folders: a list or tuple of paths (strings or path objects), or one path (a list of one)."""
    import os

    if isinstance(value, (str, os.PathLike)):
        return [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, (str, os.PathLike)) for v in value):
        raise _wrong(name, ("arg_folders", {}), value)
    return list(value)


def flag(name: str, value) -> bool:
    """``True`` or ``False`` (not 1, not "no": a truthy string would switch an option on)."""
    if not isinstance(value, bool):
        raise _wrong(name, ("arg_flag", {}), value)
    return value


def count(name: str, value, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _wrong(name, ("arg_count", {"low": low, "high": high}), value)
    return value


def choice(name: str, value, known: tuple[str, ...]) -> str:
    """One of ``known``."""
    from .errors import EquivalenceError

    if not isinstance(value, str) or value not in known:
        raise EquivalenceError(code="argument_choice", name=name, value=shown(value), known=list(known))
    return value


def choices(name: str, value, known: tuple[str, ...]) -> list[str] | None:
    """Some of ``known`` (a list, a tuple or one string); ``None`` or empty: no filter."""
    if value is None:
        return None
    return [choice(name, v, known) for v in texts(name, value)] or None


def lang(value) -> str:
    """The language of the answer: ``zh`` or ``en``."""
    return choice("language", value, LANGS)


def scores(value) -> dict | None:
    """Counts per points item: a dict (its counts are checked where they are read), or ``None``."""
    if value is not None and not isinstance(value, dict):
        raise _wrong("scores", ("arg_scores", {}), value)
    return value


def profile(value):
    """A worker's :class:`~equivalence.profile.Profile` already built, or ``None``."""
    from .profile import Profile

    if value is not None and not isinstance(value, Profile):
        raise _wrong("profile", ("arg_profile", {}), value)
    return value


def iso_date(name: str, value, *, optional: bool = True) -> str | None:
    """A date: a :class:`datetime.date` or an ISO ``YYYY-MM-DD`` string, as that string (``None``
    when ``optional``)."""
    from .errors import EquivalenceError

    if value is None and optional:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise EquivalenceError(code="argument_date", name=name, got=shown(value))
