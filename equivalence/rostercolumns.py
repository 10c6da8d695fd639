"""Which column of a roster holds what: the headers HR staff write, in Chinese or English.

A roster's answer reads four fields (``holds``, ``education``, ``work_years``, ``target``); ``id``
names a row in ``diff --roster`` and ``name`` is only recognised, to be reported. Each field is found
under its own name or a common synonym (``证书``, ``持有``, ``学历``, ``工作年限``, ``Holds``, ``Work
years`` …), compared without case, spaces, ``_`` / ``-`` and full-width forms; ``--columns
holds=证书,education=学历`` names the rest. The columns keep their names in the output: only the
reading changes.

>>> m = map_columns(["工号", "姓名", "证书", "学历", "工作年限", "目标"])
>>> m.fields == {"id": "工号", "name": "姓名", "holds": "证书", "education": "学历", "work_years": "工作年限",
...              "target": "目标"}
True
>>> m.described("en")
'columns read: 工号 as id, 姓名 as name, 证书 as holds, 学历 as education, 工作年限 as work_years, 目标 as target'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .errors import EquivalenceError, one_line

FIELDS = ("id", "name", "holds", "education", "work_years", "target")
SYNONYMS = {
    "id": ("id", "工号", "编号", "员工编号", "职工编号", "人员编号", "员工号", "职工号", "序号", "employee id",
           "staff id", "employee no"),
    "name": ("name", "姓名", "名字", "员工姓名", "full name"),
    "holds": ("holds", "持有", "证书", "持有证书", "已有证书", "资格证书", "证书等级", "已获证书", "职业资格",
              "技能等级", "职称及技能等级", "credentials", "certificates", "held", "holding", "holdings"),
    "education": ("education", "学历", "最高学历", "文化程度", "学历层次", "edu", "degree"),
    "work_years": ("work years", "work_years", "工作年限", "工龄", "参加工作年限", "从业年限", "工作年数",
                   "years of work", "years worked", "experience years", "work experience"),
    "target": ("target", "目标", "目标等级", "申报目标", "拟申报", "拟申报等级", "goal"),
}


SHOWN_COLUMNS, SHOWN_CHARS = 20, 40  # an error naming the columns names this many, each cut to this length


def shown_columns(header: list[str]) -> list:
    """The columns an error lists: the first :data:`SHOWN_COLUMNS`, each cut, then how many more
    (a file of 1,000 long headers would make one error line megabytes long)."""
    names: list = [h if len(h) <= SHOWN_CHARS else h[:SHOWN_CHARS - 1] + "…" for h in header[:SHOWN_COLUMNS]]
    if len(header) > SHOWN_COLUMNS:
        names.append(("more_columns", {"n": len(header) - SHOWN_COLUMNS}))
    return names


class ColumnError(EquivalenceError):
    """A ``--columns`` value that names no column of the roster."""


class ColumnsError(EquivalenceError, ValueError):
    """A ``--columns`` value that is not FIELD=COLUMN pairs of known fields (a usage error)."""


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in "_-")


_LOOKUP = {_norm(s): f for f, names in SYNONYMS.items() for s in names}
_NOTE = re.compile(r"[(\[【][^()\[\]【】]*[)\]】]$")  # a note after a header: 学历（最高）, 工作年限(年)


def _field_of(column: str) -> str | None:
    """The field a header names: a synonym, also with a note in brackets after it."""
    key = _norm(column)
    return _LOOKUP.get(key) or _LOOKUP.get(_NOTE.sub("", key))


@dataclass
class ColumnMap:
    fields: dict[str, str] = field(default_factory=dict)  # field -> the roster's column

    def source(self, name: str) -> str:
        """The column read as ``name`` (the field's own name when the roster has none)."""
        return self.fields.get(name, name)

    def renamed(self) -> bool:
        """Whether any field is read from a column under another name (worth telling the user)."""
        return any(col != f for f, col in self.fields.items())

    def described(self, lang: str = "zh") -> str:
        pairs = [(col, f) for f, col in sorted(self.fields.items(), key=lambda x: FIELDS.index(x[0]))]
        pairs = [(one_line(col), f) for col, f in pairs]  # a header typed over two lines (Alt+Enter) stays one line
        if lang == "zh":
            return "读取的列：" + "，".join(f"{col} 作为 {f}" for col, f in pairs)
        return "columns read: " + ", ".join(f"{col} as {f}" for col, f in pairs)


def parse_overrides(text: str | None) -> dict[str, str]:
    """``holds=证书,education=学历`` -> {field: column} (``,`` or ``，`` between pairs).

    Raises
    ------
    ColumnsError
        A pair without ``=``, an unknown field, or a field named twice with two columns (a usage
        error; also a ValueError).
    """
    out: dict[str, str] = {}
    if not text:
        return out
    for part in text.replace("，", ",").split(","):
        if not part.strip():
            continue
        key, eq, column = part.replace("＝", "=").partition("=")
        key = _LOOKUP.get(_norm(key), key.strip())
        if not eq or key not in FIELDS:
            raise ColumnsError(code="bad_column_override", part=part.strip(), fields=list(FIELDS))
        if out.get(key, column.strip()) != column.strip():  # which one was meant? (the first was dropped)
            raise ColumnsError(code="column_override_twice", field=key, columns=[out[key], column.strip()])
        out[key] = column.strip()
    return out


def map_columns(header: list[str], overrides: dict[str, str] | None = None) -> ColumnMap:
    """Which column of ``header`` is read as each field: ``overrides`` first, then the column named
    like the field, then the first column named by a synonym.

    Raises
    ------
    ColumnError
        An override names no column of ``header``.
    """
    out = ColumnMap()
    taken: set[str] = set()
    for f, column in (overrides or {}).items():
        if column not in header:
            matches = [h for h in header if _norm(h) == _norm(column)]
            if not matches:
                raise ColumnError(code="no_such_column", field=f, column=column, columns=shown_columns(header))
            column = matches[0]
        out.fields[f] = column
        taken.add(column)
    for exact in (True, False):
        for column in header:
            if column in taken:
                continue
            f = _field_of(column)
            if f is None or f in out.fields or (exact and column != f):
                continue
            out.fields[f] = column
            taken.add(column)
    return out
