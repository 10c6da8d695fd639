"""Rosters: the answers for a whole workforce, a batch of rows in, a batch of rows out.

The core is a pure function of the rows, the registry and the options (``--to`` ladders, the plan
date, the language): :func:`process_rows`, or :class:`Roster` to keep its memo across batches. Each
input row is a dict of strings with the columns

* ``holds``: credentials separated by ``;`` (or ``；``, ``，``, a line break in the cell: Alt+Enter in
  Excel), each ``LEVEL[:YEARS|@DATE]`` as in ``path``;
* ``education``, ``work_years`` (a number of years), and an optional ``target`` (a level, a range
  ``LADDER:LOW..HIGH`` or ``LEVEL+``, as in ``path``);

any other column (``id``, names, departments) is passed through. Each output row is the input row,
every column in order, plus (see :data:`ADDED`):

* ``to:LADDER`` for each ``--to`` ladder: what the credentials held relate to on that ladder, grouped
  by relation kind (``可申报：工程师；可聘岗位：专业技术十级–专业技术八级``);
* ``next_steps``: the levels one rule away (a promotion, an application, a post; after any number of
  ``counts_as`` links) with the earliest date of each (``技师@2028-12-01；助理工程师、…@2026-12-01``);
* ``target_earliest`` and ``target_route``: the date and the steps of ``path`` for ``target``
  (``技师@2030-12-01[rule] > …``); an unreachable target leaves the date empty and says why in the
  route, and is not an error;
* ``error``: empty when the row was processed, else the reason in ``lang`` (unknown level, bad
  date, a cell holding an Excel error value such as ``#N/A``, …; any failure of one row is that
  row's error, in one line, and the other rows are answered).

A level filled by 评聘 (a rule whose conditions say so: 特级技师, 首席技师 are posts one is appointed
to) is marked ``（评聘）`` (``(by appointment)``) in ``next_steps`` and ``target_route``.

For programs (``-o FILE.jsonl``; ``Roster(data=True)``) the added columns are data, not text: see
:meth:`Roster.blank` and the ``roster-record`` JSON Schema. ``to:LADDER`` is a list of
``{relation, relation_name, levels: [{id, ladder, name}]}``; ``next_steps`` a list of ``{level,
date, rule, appointed}`` (``appointed``: filled by 评聘) in date order; ``target_route`` the same
steps (``[]``: the target is held; null: no target, or none reachable, then ``target_no_route``
says why); ``work_years`` a number; an empty value is null.

No row is dropped and none is added. Many people share a profile, so the answer is computed once per
distinct (holds, education, work_years, target) and kept for the life of the :class:`Roster`.

>>> from equivalence.registry import Registry
>>> out = process_rows(Registry.load(), [{"id": "1", "holds": "高级工:2", "education": "大专"},
...                                      {"id": "2", "holds": "不存在的等级"}], as_of="2026-12-01")
>>> out[0]["error"], out[0]["next_steps"].split("；")[-1]
('', '技师@2028-12-01')
>>> out[1]["error"]  # in the roster's language (lang="zh" by default)
"未知等级 '不存在的等级'"
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import unicodedata

from .describe import CLAUSE_SEP, KIND_WORDS, LIST_SEP
from .errors import EquivalenceError, NoPromotionPathError
from .kinds import NEXT_STEP
from .registry import Registry

# The columns a roster adds after the input's, in this order (the ``to:`` columns come first).
ADDED = ("next_steps", "target_earliest", "target_route", "error")
DATA_ADDED = ("next_steps", "target_earliest", "target_route", "target_no_route", "error")  # data=True
INPUT_FIELDS = ("holds", "education", "work_years", "target")
NEXT_KINDS = NEXT_STEP  # a step one takes; counts_as is an equivalence, not a step (kinds.py)
# Separators in a cell: between groups, between names, after a relation word or before a reason (zh:
# full width, never inside a level name).
COLON = {"zh": "：", "en": ": "}
SEPARATORS = {lang: (CLAUSE_SEP[lang], LIST_SEP[lang], COLON[lang]) for lang in ("zh", "en")}
_HOLDS_SPLIT = re.compile(r"[;；，\r\n]")  # never inside a level or occupation name ("、" and "," are: 一、二级引航员)
KIND_ORDER = ("apply", "treated_as", "counts_as", "post", "derived")
WORDS = {"zh": {"held": "已持有", "no_route": "无路径", "appointed": "（评聘）", "failed": "无法处理此行"},
         "en": {"held": "held", "no_route": "no route", "appointed": " (by appointment)",
                "failed": "cannot process this row"}}
# What Excel shows in a cell whose formula failed (a VLOOKUP that found nothing: #N/A); a CSV saved
# by Excel holds the same text. Not a level, an education or a number: the row says so.
EXCEL_ERRORS = frozenset(("#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!",
                          "#GETTING_DATA"))
ERROR_CHARS = 500  # an error cell quotes the bad value; a 100,000-character value is cut


CACHE_LIMIT = 50_000  # distinct profiles remembered; enough for any workforce that shares profiles


class Roster:
    """The roster core for one registry and one set of options, with a memo of answers per profile.

    Parameters
    ----------
    reg : the registry (a plain-dict object: it pickles, so it can be shipped to workers).
    to : ladders (id or name) for the ``to:`` columns, in the order given.
    as_of : the plan date (ISO string or date; default: today).
    lang : ``zh`` or ``en`` (level names, relation words).
    columns : the column read for a field, when not the field's own name (``{"holds": "证书"}``; see
        :func:`equivalence.rostercolumns.map_columns`).
    facts_as_of : the date relative years (``技师:3``, ``work_years``) count back from, when not
        ``as_of`` (``diff --roster`` plans one person from two dates).
    data : answer with JSON values (lists of levels, dates, null, ``work_years`` a number) instead
        of the cells of a table (see the module docstring).

    Raises
    ------
    UnknownLadderError, ProfileError (a bad ``as_of``), on construction: they concern the whole roster.
    """

    def __init__(self, reg: Registry, *, to=(), as_of: str | dt.date | None = None, lang: str = "zh",
                 columns: dict[str, str] | None = None, facts_as_of: str | dt.date | None = None,
                 data: bool = False):
        from . import arguments as a
        from .profile import parse_date

        lang, to, data = a.lang(lang), a.texts("to", to), a.flag("data", data)  # (one ladder may be a string)
        for name, value in (("as_of", as_of), ("facts_as_of", facts_as_of)):
            if value is not None and not isinstance(value, str) and type(value) is not dt.date:
                raise EquivalenceError(code="argument_date", name=name, got=a.shown(value))
        self.reg = reg
        self.lang = lang
        self._group_sep, self._name_sep, self._kind_sep = SEPARATORS[lang]
        if isinstance(as_of, str):
            as_of = parse_date(as_of, "plan date")
        self.as_of: dt.date = as_of or dt.date.today()
        if isinstance(facts_as_of, str):
            facts_as_of = parse_date(facts_as_of, "date")
        # Relative years (``技师:3``, work_years) count back from this date (diff: one date for both).
        self.facts_as_of: dt.date = facts_as_of or self.as_of
        self.sources = [(columns or {}).get(f, f) for f in INPUT_FIELDS]  # the column read for each field
        self.ladders = list(dict.fromkeys(reg.ladder(t).id for t in to))
        self.to_columns = [f"to:{reg.ladder_name(lid, lang)}" for lid in self.ladders]
        self.data = data
        self.added = self.to_columns + list(DATA_ADDED if data else ADDED)
        self._answers: dict[tuple, dict] = {}
        self._equivalents: dict[tuple, list] = {}
        self.structured: dict[tuple, dict] | None = None  # set to {} to keep each answer's parts (diff)

    # -- columns -----------------------------------------------------------------------------
    def columns(self, header: list[str]) -> list[str]:
        """The output header: the input's columns in order, then the added ones it does not have
        (a column already there, as when a roster's output is run again, is recomputed in place)."""
        return list(header) + [c for c in self.added if c not in header]

    def blank(self) -> dict:
        """The added columns of a row not answered: empty cells, or null (data)."""
        return {c: None if self.data else "" for c in self.added}

    # -- rows ----------------------------------------------------------------------------------
    def process(self, rows: list[dict]) -> list[dict]:
        """One output row per input row, in order (see the module docstring)."""
        if not isinstance(rows, (list, tuple)) or not all(isinstance(r, dict) for r in rows):
            from .arguments import _wrong

            raise _wrong("rows", ("arg_rows", {}), rows)
        out = []
        for row in rows:
            key = self.key(row)
            answer = self._answers.get(key)
            if answer is None:
                if len(self._answers) >= CACHE_LIMIT:  # a roster of all-distinct people: keep the newer half
                    for old in list(self._answers)[: CACHE_LIMIT // 2]:
                        del self._answers[old]
                answer = self._answers[key] = self._answer(*key)
            out.append({**row, **answer})
        if self.data:
            column = self.sources[2]  # work_years, read as a number
            for row in out:
                if column in row:
                    row[column] = _number(row[column])
        return out

    def key(self, row: dict) -> tuple:
        """What the answer of ``row`` depends on: its holds, education, work_years and target."""
        return tuple(str(row.get(c) or "").strip() for c in self.sources)

    def _answer(self, holds: str, education: str, work_years: str, target: str) -> dict:
        blank = self.blank()
        parts: dict = {}
        try:
            answer = {**blank, **self._compute(holds, education, work_years, target, parts)}
        except EquivalenceError as exc:
            from .messages import message

            answer = {**blank, "error": _one_line(message(exc, self.lang))}
        except Exception as exc:  # noqa: BLE001 - one bad value never costs the other rows their answers
            why = f"{type(exc).__name__}{COLON[self.lang]}{exc}"
            answer = {**blank, "error": _one_line(f"{WORDS[self.lang]['failed']}（{why}）" if self.lang == "zh" else
                                                  f"{WORDS[self.lang]['failed']} ({why})")}
        if self.structured is not None:
            self.structured[(holds, education, work_years, target)] = {**parts, "error": answer["error"]}
        if self.data:
            answer = {**answer, **self._data(parts)} if not answer["error"] else answer
        return answer

    def _compute(self, holds: str, education: str, work_years: str, target: str, parts: dict) -> dict:
        from .planner import solve
        from .profile import ProfileError, _years_text, build_profile, years_between

        reg = self.reg
        for value in (holds, education, work_years, target):
            if value.upper() in EXCEL_ERRORS:
                raise ProfileError(code="cell_excel_error", value=value)
        years = None
        if work_years:
            try:  # as years are typed in holds: full-width digits (６．５), a trailing 年 (6年)
                years = float(_years_text(unicodedata.normalize("NFKC", work_years)))
            except ValueError:
                raise ProfileError(code="work_years_not_number", value=work_years) from None
            if not math.isfinite(years) or years < 0:
                raise ProfileError(code="work_years_bad", value=work_years)
        items = [h.strip() for h in _HOLDS_SPLIT.split(holds) if h.strip()]
        profile = build_profile(reg, items, education=education or None, work_years=years, as_of=self.facts_as_of)
        if self.facts_as_of != self.as_of:  # the same person, planned from another date
            later = None if years is None else years + years_between(self.facts_as_of, self.as_of)
            profile = dataclasses.replace(profile, as_of=self.as_of, work_years=later)
        out = {}
        held = list(dict.fromkeys(h.level for h in profile.holdings))
        parts["to_groups"] = {}
        for lid, column in zip(self.ladders, self.to_columns):
            out[column] = self._to_cell(held, lid, parts["to_groups"].setdefault(column, []))
        parts["to"] = [out[c] for c in self.to_columns]
        sol = solve(reg, profile)
        out["next_steps"] = self._next_steps(sol, parts)
        if target:
            out.update(self._target(profile, target, parts))
        return out

    # -- to:LADDER -----------------------------------------------------------------------------
    def _to_cell(self, held: list[str], ladder: str, groups: list) -> str:
        """The cell; ``groups`` gets its (relation kind, levels) pairs, the cell as data."""
        by_kind: dict[str, list[str]] = {}
        for ref in held:
            for kind, level in self._related(ref, ladder):
                names = by_kind.setdefault(kind, [])
                if level not in names:
                    names.append(level)
        parts = []
        for kind in sorted(by_kind, key=KIND_ORDER.index):
            refs = sorted(by_kind[kind], key=lambda r: self.reg.levels[r].rank)
            groups.append((kind, refs))
            parts.append(f"{KIND_WORDS[self.lang][kind]}{self._kind_sep}{self._names(refs)}")
        return self._group_sep.join(parts)

    def _related(self, ref: str, ladder: str) -> list:
        key = (ref, ladder)
        if key not in self._equivalents:
            from .lookup import find_equivalents

            answer = find_equivalents(self.reg, ref, to=[ladder], as_of=self.as_of.isoformat(),
                                      direction="out", lang=self.lang)
            self._equivalents[key] = list(dict.fromkeys((r.kind, r.level.id) for r in answer.results))
        return self._equivalents[key]

    def _names(self, refs: list[str], appointed=frozenset()) -> str:
        """Names in rank order; a run of three or more adjacent levels of one ladder as 'LOW–HIGH'; a
        level reached by 评聘 (``appointed``) marked, and never inside a run."""
        reg = self.reg
        out, run = [], []

        def flush():
            if len(run) >= 3:
                out.append(f"{reg.name(run[0], self.lang)}–{reg.name(run[-1], self.lang)}")
            else:
                out.extend(reg.name(r, self.lang) for r in run)

        for ref in refs:
            if ref in appointed:
                flush()
                run = []
                out.append(reg.name(ref, self.lang) + WORDS[self.lang]["appointed"])
                continue
            lad = reg.ladders[reg.levels[ref].ladder].levels
            if run and reg.levels[run[-1]].ladder == reg.levels[ref].ladder and \
                    lad.index(ref) == lad.index(run[-1]) + 1:
                run.append(ref)
                continue
            flush()
            run = [ref]
        flush()
        return self._name_sep.join(out)

    def _appointed(self, rule_id: str | None) -> bool:
        """Whether the rule fills its level by 评聘 (its conditions are marked `appointed`): not earned by time."""
        if rule_id is None:
            return False
        return self.reg.rules[rule_id].conditions.appointed

    # -- next_steps ----------------------------------------------------------------------------
    def _next_steps(self, sol, parts: dict) -> str:
        """Levels one rule away (a promotion, application or post, after any counts_as links), with
        their earliest dates; not levels at or below one already held on the same ladder."""
        reg = self.reg
        # Rules used to get each node, not counting counts_as links. Every input arrived before the
        # node it gave, so one pass in order of arrival sees the inputs first (and, unlike a recursive
        # closure, leaves no reference cycle holding the Solution).
        depth: dict = {}
        for node, arr in sol.arrivals.items():
            if arr.rule is None:  # held, or implied by a level above it (as deep as that one)
                depth[node] = max((depth[i] for i in arr.inputs), default=0)
            else:
                below = max((depth[i] for i in arr.inputs), default=0)
                depth[node] = below if reg.rules[arr.rule].kind == "counts_as" else below + 1

        top: dict[str, int] = {}  # ladder -> highest rank held (or counted as held)
        for node in sol.arrivals:
            if depth[node] == 0:
                lev = reg.levels[node[0]]
                top[lev.ladder] = max(top.get(lev.ladder, lev.rank), lev.rank)
        best: dict[str, dt.date] = {}  # level -> earliest date
        rules: dict[str, str] = {}  # level -> the rule giving that date
        appointed: set[str] = set()
        for node, arr in sol.arrivals.items():
            if depth[node] != 1 or arr.rule is None or reg.rules[arr.rule].kind not in NEXT_KINDS:
                continue
            lev = reg.levels[node[0]]
            if lev.rank <= top.get(lev.ladder, -1):
                continue
            when = max(arr.date, self.as_of)
            if node[0] not in best or when < best[node[0]]:
                best[node[0]] = when
                rules[node[0]] = arr.rule
                if self._appointed(arr.rule):
                    appointed.add(node[0])
                else:
                    appointed.discard(node[0])
        parts["next_steps"] = dict(best)
        groups: dict[dt.date, list[str]] = {}
        order = {lid: i for i, lid in enumerate(reg.ladders)}
        ordered = sorted(best.items(), key=lambda x: (x[1], order[reg.levels[x[0]].ladder], reg.levels[x[0]].rank))
        parts["next_data"] = [(ref, when.isoformat(), rules[ref], ref in appointed) for ref, when in ordered]
        for ref, when in ordered:
            groups.setdefault(when, []).append(ref)
        return self._group_sep.join(f"{self._names(refs, appointed)}@{when.isoformat()}"
                                    for when, refs in groups.items())

    # -- target --------------------------------------------------------------------------------
    def _target(self, profile, target: str, parts: dict) -> dict:
        from .targets import resolve_targets  # the same target syntax as `path`
        from .planner import find_path

        targets = resolve_targets(self.reg, target, None)
        try:
            answer = find_path(self.reg, profile, targets, lang=self.lang)
        except NoPromotionPathError as exc:
            parts["target"] = ("no_route", str(exc))
            return {"target_earliest": "", "target_route": f"{WORDS[self.lang]['no_route']}{COLON[self.lang]}{exc}"}
        mark = WORDS[self.lang]["appointed"]
        route = " > ".join(f"{s.level.name}{mark if self._appointed(s.rule) else ''}@{s.date}[{s.rule}]"
                           for s in answer.steps)
        parts["target"] = (answer.date, tuple((s.level.id, s.rule, s.date) for s in answer.steps))
        return {"target_earliest": answer.date, "target_route": route or WORDS[self.lang]["held"]}

    # -- data (JSON Lines) ---------------------------------------------------------------------
    def _data(self, parts: dict) -> dict:
        """The added columns of an answered row as data (see the module docstring): typed results
        (:class:`~equivalence.results.RosterStep`, :class:`~equivalence.results.RosterRelation`) that
        the writer turns into JSON."""
        from .lookup import level_name
        from .results import RosterRelation, RosterStep

        reg, lang = self.reg, self.lang

        def step(ref: str, date: str, rule: str | None, appointed: bool) -> RosterStep:
            return RosterStep(level_name(reg, ref, lang), date, rule, appointed)

        out: dict = {column: tuple(RosterRelation(kind, KIND_WORDS[lang][kind],
                                                  tuple(level_name(reg, r, lang) for r in refs))
                                   for kind, refs in groups)
                     for column, groups in parts["to_groups"].items()}
        out["next_steps"] = tuple(step(*s) for s in parts["next_data"])
        target = parts.get("target")
        if target is None:
            out.update(target_earliest=None, target_route=None, target_no_route=None)
        elif target[0] == "no_route":
            out.update(target_earliest=None, target_route=None, target_no_route=target[1])
        else:
            out.update(target_earliest=target[0], target_no_route=None,
                       target_route=tuple(step(ref, date, rule, self._appointed(rule)) for ref, rule, date in target[1]))
        out["error"] = None
        return out


def _number(value):
    """A work_years cell as JSON: a number (an int when whole), null when empty, else the text as given
    (the row's error says why it is not a number)."""
    if value is None or not str(value).strip():
        return None
    try:
        x = float(value)
    except ValueError:
        return value
    if not math.isfinite(x):
        return value
    return int(x) if x.is_integer() and abs(x) < 2 ** 53 else x


def _one_line(text: str) -> str:
    """An error cell: one line, control characters escaped, at most ERROR_CHARS characters."""
    text = " ".join(text.split())
    text = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return text if len(text) <= ERROR_CHARS else text[:ERROR_CHARS - 1] + "…"


def process_rows(reg: Registry, rows: list[dict], *, to=(), as_of=None, lang: str = "zh") -> list[dict]:
    """The roster core as one call: ``rows`` (dicts of str) -> output rows (see the module docstring)."""
    return Roster(reg, to=to, as_of=as_of, lang=lang).process(rows)


# -- partitions (Dask, multiprocessing) --------------------------------------------------------

_REGISTRIES: dict = {}
_ROSTERS: dict = {}


def _worker_roster(mappings, to, as_of, lang) -> Roster:
    """One Roster per process and option set: the registry is loaded (from the compiled cache) on a
    worker's first partition, and its memo of profiles is shared by the partitions that follow."""
    from .arguments import texts

    to = texts("to", to)  # (checked before it makes a key: None, or one ladder as a string)
    key = (str(mappings) if mappings else None, tuple(to), str(as_of) if as_of else None, lang)
    roster = _ROSTERS.get(key)
    if roster is None:
        if key[0] not in _REGISTRIES:
            _REGISTRIES[key[0]] = Registry.load(mappings)
        roster = _ROSTERS[key] = Roster(_REGISTRIES[key[0]], to=to, as_of=as_of, lang=lang)
    return roster


def process_frame(frame, *, mappings=None, to=(), as_of=None, lang: str = "zh", registry: Registry | None = None):
    """The roster core on a pandas DataFrame of strings (one Dask partition): the same rows, in order,
    with the added columns. Give ``registry`` (it pickles) or let each worker load ``mappings``
    (default: the shipped ones); give ``as_of``, or workers on different days disagree."""
    import pandas as pd

    if registry is not None:
        roster = Roster(registry, to=to, as_of=as_of, lang=lang)
    else:
        roster = _worker_roster(mappings, to, as_of, lang)
    header = [str(c) for c in frame.columns]
    rows = [{k: ("" if v is None or v != v else str(v)) for k, v in zip(header, values)}
            for values in frame.itertuples(index=False, name=None)]
    columns = roster.columns(header)
    out = roster.process(rows)
    return pd.DataFrame([[r.get(c, "") for c in columns] for r in out], columns=columns, index=frame.index,
                        dtype=object)


def frame_meta(header: list[str], reg: Registry, *, to=(), lang: str = "zh"):
    """An empty DataFrame with the output columns (the ``meta`` Dask asks for)."""
    import pandas as pd

    columns = Roster(reg, to=to, lang=lang).columns(list(header))
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
