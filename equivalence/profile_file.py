"""Read a profile or scores file (YAML or JSON) as safely as a mapping file, and check it strictly.

The same bounds as the mapping files (aliases, nesting, numbers, dates, duplicate keys; see
:func:`equivalence.loader.read_yaml`), a size limit, the encodings people save in, and a strict
model: ``work_years: true`` is not one year, ``holds: 5`` is not a credential.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from typing import Annotated, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationError, field_validator

from .errors import MappingErrors
from .loader import explain, format_loc, line_of, os_reason, read_yaml

MAX_BYTES = 1024 * 1024  # a profile is a few lines; a roster of workers goes through `roster`
MAX_YEARS = 80

_Years = Annotated[float, Field(ge=0, le=MAX_YEARS, allow_inf_nan=False)]
_Count = Annotated[float, Field(ge=0, allow_inf_nan=False)]
_Text = Annotated[str, Field(min_length=1, max_length=200)]


class ProfileFile(BaseModel):
    """The fields of a profile file (all optional)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    holds: list[_Text] = []
    education: Optional[_Text] = None
    work_years: Optional[_Years] = None
    as_of: Optional[Union[dt.date, _Text]] = None
    in_post: list[_Text] = []
    honours: list[_Text] = []
    scores: dict[_Text, _Count] = {}

    @field_validator("holds", "in_post", "honours", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        return [value] if isinstance(value, str) else value  # `holds: 技师` is a list of one


class ScoresFile(RootModel):
    """Counts per points item: ``{performance: 2, innovation: 1}``."""

    model_config = ConfigDict(strict=True)

    root: dict[_Text, _Count]


def read_document(path: str, what: str) -> tuple[object, dict]:
    """The data of the YAML/JSON file at ``path`` and its key paths' lines (ProfileError otherwise)."""
    from .profile import ProfileError

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe or a device would block or never end
            raise ProfileError(code="file_not_regular", what=what, path=path)
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ProfileError(code="file_cannot_read", what=what, path=path, why=os_reason(exc)) from None
    if len(raw) > MAX_BYTES:
        raise ProfileError(code="file_too_large", what=what, path=path, mb=MAX_BYTES // 2 ** 20)
    text = _decode(raw)
    if text is None or "\0" in text:
        raise ProfileError(code="file_not_text", what=what, path=path)
    try:
        parsed = read_yaml(text, path)
    except MappingErrors as exc:
        raise _first(what, exc.errors) from None
    if parsed.problems:
        raise _first(what, parsed.problems)
    return parsed.data, parsed.lines


def _decode(raw: bytes) -> str | None:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK, as Windows tools save them."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gbk")
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _first(what: str, errors: list):
    """A ProfileError naming the first problem (file:line: where: what) and how many more there are."""
    from .profile import ProfileError

    more = len(errors) - 1
    return ProfileError(code="file_problems", what=what, first=("mapping_line", errors[0].params),
                        more=("file_more", {"n": more}) if more else ("", {}))


def validate(model, data, lines: dict, path: str, what: str):
    """``data`` checked by ``model``; ProfileError naming the first problem at file:line."""
    from .errors import MappingError
    from .profile import ProfileError

    if not isinstance(data, dict):
        raise ProfileError(code="file_not_mapping", what=what, path=path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [MappingError(path, line_of(lines, tuple(e["loc"])), format_loc(e["loc"]), code=code, **params)
                  for e in exc.errors() for code, params in [explain(e)]]
        raise _first(what, errors) from None
