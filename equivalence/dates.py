"""Dates: the one parser of every date a person types or a spreadsheet holds, partial dates of the
documents (often dated only by year or month), and "in force on" tests.

Dates people write (:func:`parse_date`), all read as the same day::

    2019-07-01   2019-7-1   2019/07/01   2019/7/1   2019.07.01   20190701   2019年7月1日

A month without a day (``2019-07``, ``2019/7``, ``2019.07``, ``201907``, ``2019年7月``) means the
**first day** of that month, as a document's own partial dates are read (:func:`date_start`): a
"满N年" count from it may come out up to a month early. A year alone is refused (it could move a
count by a whole year). Digits and punctuation may
be full-width (``２０１９／７／１``). Dates outside :data:`EARLIEST` .. :data:`LATEST` are refused:
no credential here predates the People's Republic, and a plan past 2100 is a typo.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import TYPE_CHECKING

from .errors import EquivalenceError

if TYPE_CHECKING:
    from .records import Level, Rule, Source

EARLIEST = _dt.date(1949, 10, 1)
LATEST = _dt.date(2100, 12, 31)

_SHAPES = (
    re.compile(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})?"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?"),
)
FORMATS = "YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, or a month: YYYY-MM"


class DateError(EquivalenceError, ValueError):
    """A date that cannot be read, or lies outside the dates this tool answers for."""


def parse_date(value, what: "str | tuple" = "date") -> _dt.date:
    """The day ``value`` names: a ``date``, a ``datetime`` (an Excel cell), or text as people write it.

    >>> [str(parse_date(t)) for t in ("2019/7/1", "20190701", "2019年7月1日", "2019.07", "２０１９－０７－０１")]
    ['2019-07-01', '2019-07-01', '2019-07-01', '2019-07-01', '2019-07-01']

    Raises
    ------
    DateError
        The text is no date of these shapes, no real day (2019-02-30), or outside EARLIEST .. LATEST.
    """
    if isinstance(value, _dt.datetime):
        day = value.date()
    elif isinstance(value, _dt.date):
        day = value
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        for shape in _SHAPES:
            match = shape.fullmatch(text)
            if match:
                break
        else:
            raise DateError(code="date_shape", value=value, what=what, formats=FORMATS)
        try:
            day = _dt.date(int(match["y"]), int(match["m"]), int(match["d"] or 1))
        except ValueError:
            raise DateError(code="date_no_such_day", value=value, what=what) from None
    if not EARLIEST <= day <= LATEST:
        raise DateError(code="date_out_of_range", what=what, day=day, earliest=EARLIEST, latest=LATEST)
    return day


def date_start(value: str) -> str:
    """First day of a partial date: '2022' -> '2022-01-01', '2022-03' -> '2022-03-01'."""
    return value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value


def start_day(value: str) -> _dt.date:
    """The first day of a partial date, as a date: '2022' -> 2022-01-01."""
    return _dt.date.fromisoformat(date_start(value))


def in_force(item: Rule | Level | Source, on: str | None) -> bool:
    """Whether a record (a rule, a level, a source) is in force on ISO date ``on``.

    A partial start counts from the first day of its period (the most generous reading); a partial
    end stops at the first day of its period (the most cautious). ``on=None`` means no date filter.
    """
    if on is None:
        return True
    start, end = item.effective_from, item.effective_until
    if start and on < date_start(start):
        return False
    return not (end and on >= date_start(end))
