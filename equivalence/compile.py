"""Cross-file checks and compilation of validated mappings into a plain, picklable index.

The index holds the typed records of :mod:`equivalence.records` in dicts keyed by id, with lists and
strings, so that loading it from the cache needs neither pydantic nor PyYAML (see :mod:`equivalence.index`).
"""

from __future__ import annotations

import gc
import os
import re

from .errors import MappingError, MappingErrors
from .index import INDEX_FORMAT
from .loader import LAYER_FILE, Located, Mappings, format_loc, load_folder
from .audit import audit_mappings
from .dates import date_start
from .models import CONFIDENCE_OF_STATUS, CONFIDENCE_ORDER
from .records import (Citation, Conditions, Ladder, Level, PointsNeeded, Purpose, Requirement, Rule, Source,
                      Words)
from .names import normalize, strip_qualifier


NATIONAL = {"id": "national", "zh": "全国", "en": "National", "scope": "national", "region": "CN", "path": None}


def compile_folder(root, *, display_root: str | None = None, layers=()) -> dict:
    """Load, check and compile a mapping folder, and the layers on top of it, into one index.

    ``root`` is the national layer; each of ``layers`` is a folder with a ``layer.yaml`` (a province
    or an employer), applied in order: a layer may use the ids of the layers below it and replace a
    rule of theirs only by naming it (``replaces``).

    Raises
    ------
    MappingErrors
        With every problem found: syntax and schema first, then cross-file checks.
    """
    from .arguments import folder, folders  # exported as equivalence.compile_folder: a path string is one layer

    root, layers = folder("root", root), folders("layers", layers)
    # Compiling makes millions of objects (a 64,000-rule layer: data, models, records) and next to no
    # cycles: the cyclic collector, run again and again over all of them, took half the time. The
    # inputs' size limits (index.MAX_FILE_BYTES, MAX_FOLDER_BYTES) bound what is made meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compile_folder(root, display_root=display_root, layers=layers)
    finally:
        if collecting:
            gc.enable()


def _compile_folder(root, *, display_root: str | None, layers) -> dict:
    problems: list = []
    merged = None
    layer_infos: list[dict] = []
    for n, folder in enumerate([root, *layers]):
        if n and not os.path.isfile(os.path.join(folder, LAYER_FILE)):  # before walking what may be '/'
            problems.append(MappingError(str(folder), None, "", code="not_a_layer", file=LAYER_FILE))
            continue
        m = load_folder(folder, display_root=display_root if n == 0 else None, problems=problems)
        if m.layer is None:
            info = dict(NATIONAL, path=str(folder))
            if n:
                continue  # its layer.yaml did not validate: reported
        else:
            lay = m.layer.item
            info = {"id": lay.id, "zh": lay.zh, "en": lay.en, "scope": lay.scope,
                    "region": lay.region or (None if lay.scope == "employer" else "CN"), "path": str(folder)}
            if (n == 0) != (lay.scope == "national"):
                problems.append(MappingError(m.layer.path, m.layer.line, "layer.scope", code="layer_scope_order"))
            if lay.scope == "province" and not lay.region:
                problems.append(MappingError(m.layer.path, m.layer.line, "layer.region", code="layer_names_region"))
            if any(other["id"] == lay.id for other in layer_infos):
                problems.append(MappingError(m.layer.path, m.layer.line, "layer.id", code="layer_twice", id=lay.id))
        layer_infos.append(info)
        for section in SECTION_NAMES:
            for located in getattr(m, section):
                located.layer = info["id"]
        if merged is None:
            merged = m
        else:
            for section in SECTION_NAMES:
                getattr(merged, section).extend(getattr(m, section))
            merged.files.extend(m.files)
            for section, ids in m.failed.items():
                merged.failed.setdefault(section, set()).update(ids)
    if merged is None:
        raise MappingErrors(problems)
    # The cross-file checks run on every record that validated, alongside the problems above; a
    # reference to a record that itself failed is not reported again as unknown.
    try:
        index = compile_mappings(merged, layers=layer_infos)
    except MappingErrors as exc:
        problems.extend(e for e in exc.errors if not _refers_to_failed(e.message, merged.failed))
    if problems:
        raise MappingErrors(problems)
    return index


_UNKNOWN_REF = re.compile(r"unknown (source|ladder|level|purpose|honour|points scheme) '([^'.]+)")
_SECTION_OF = {"source": "sources", "ladder": "ladders", "level": "ladders", "purpose": "purposes",
               "honour": "honours", "points scheme": "points_schemes"}


def _refers_to_failed(message: str, failed: dict) -> bool:
    match = _UNKNOWN_REF.match(message)
    return bool(match) and match[2] in failed.get(_SECTION_OF[match[1]], ())


SECTION_NAMES = ("sources", "purposes", "ladders", "rules", "catalogues", "honours", "points_schemes")


class _Problems(list):
    def add(self, located: Located, loc: tuple, code: str, **params) -> None:
        """A problem of ``located`` at key path ``loc``: a message ``code`` of equivalence.messages."""
        line = located.lines.get(loc)
        probe = loc
        while line is None and probe:
            probe = probe[:-1]
            line = located.lines.get(probe)
        section = {"Source": "sources", "Purpose": "purposes", "Ladder": "ladders", "Rule": "rules",
                   "Catalogue": "catalogues", "Honour": "honours", "PointsScheme": "points_schemes"}[
            type(located.item).__name__]
        index = located.index
        where = format_loc((f"{section}[{index}]",) + loc) if index is not None else format_loc(loc)
        self.append(MappingError(located.path, line or located.line, where, code=code, **params))


def _number_records(mappings: Mappings) -> None:
    # Messages name records as they stand in their file: rules[2] is the third rule of that file.
    for section in SECTION_NAMES:
        counters: dict[str, int] = {}
        for located in getattr(mappings, section):
            if located.index is not None:  # numbered by the loader
                continue
            located.index = counters.get(located.path, 0)
            counters[located.path] = located.index + 1


def compile_mappings(m: Mappings, layers: list[dict] | None = None) -> dict:
    """Check references, names, ranks, cycles and dates across files; build the index."""
    _number_records(m)
    problems = _Problems()
    layers = layers or [dict(NATIONAL)]
    layer_of = {info["id"]: info for info in layers}

    def where(record) -> tuple:
        # "first in FILE", naming the layer when there are several (a record, or an honour's or a
        # points scheme's dict); a message param (see equivalence.messages)
        path, layer = (record["path"], record["layer"]) if isinstance(record, dict) else (record.path, record.layer)
        return ("in_file_layer", {"path": path, "layer": layer}) if len(layers) > 1 else ("in_file", {"path": path})

    def duplicate(located: Located, kind: str, table: dict) -> bool:  # kind: a term_* of the messages
        """Report a record whose id ``table`` already holds (then the caller skips it)."""
        first = table.get(located.item.id)
        if first is not None:
            problems.add(located, ("id",), "duplicate_id_first", kind=(f"term_{kind}", {}), id=located.item.id,
                         first=where(first))
        return first is not None

    sources: dict[str, dict] = {}
    for loc in m.sources:
        s = loc.item
        if duplicate(loc, "source", sources):
            continue
        if s.effective_until and date_start(s.effective_until) <= date_start(s.effective_from):
            problems.add(loc, ("effective_until",), "ends_before_starts")
        sources[s.id] = Source(
            id=s.id, title=s.title, doc_no=s.doc_no, issuer=s.issuer, published=s.published,
            effective_from=s.effective_from, effective_until=s.effective_until, status=s.status,
            address=s.address, note=s.note, path=loc.path, line=loc.line, layer=_layer(loc),
            edition_of=s.edition_of)

    purposes: dict[str, dict] = {}
    for loc in m.purposes:
        p = loc.item
        if p.id in purposes:
            problems.add(loc, ("id",), "duplicate_id", kind=("term_purpose", {}), id=p.id)
            continue
        purposes[p.id] = Purpose(p.id, p.zh, p.en)

    def check_cite(located: Located, loc: tuple, cite) -> None:
        if cite is not None and cite.source not in sources:
            problems.add(located, loc + ("source",), "unknown_source_ref", id=cite.source)

    ladders: dict[str, dict] = {}
    levels: dict[str, dict] = {}
    for loc in m.ladders:
        lad = loc.item
        if duplicate(loc, "ladder", ladders):
            continue
        check_cite(loc, ("cite",), lad.cite)
        refs = []
        seen_ids: set[str] = set()
        seen_names: dict[str, str] = {}
        previous_rank = None
        for i, lev in enumerate(lad.levels):
            at = ("levels", i)
            if lev.id in seen_ids:
                problems.add(loc, at + ("id",), "duplicate_level_id", id=lev.id, ladder=lad.id)
                continue
            seen_ids.add(lev.id)
            if previous_rank is not None and lev.rank <= previous_rank:
                problems.add(loc, at + ("rank",), "rank_not_above", rank=lev.rank, previous=previous_rank)
            previous_rank = lev.rank
            check_cite(loc, at + ("cite",), lev.cite)
            for field, name in [("zh", lev.zh), ("en", lev.en)] + [(("aliases", j), a) for j, a in enumerate(lev.aliases)]:
                key = normalize(name)
                if key in seen_names and seen_names[key] != lev.id:
                    problems.add(loc, at + (field if isinstance(field, tuple) else (field,)), "name_used",
                                 name=name, other=seen_names[key], ladder=lad.id)
                seen_names[key] = lev.id
            ref = f"{lad.id}.{lev.id}"
            refs.append(ref)
            levels[ref] = Level(
                ref=ref, ladder=lad.id, id=lev.id, zh=lev.zh, en=lev.en, aliases=tuple(lev.aliases),
                rank=lev.rank, effective_from=lev.effective_from, effective_until=lev.effective_until,
                note=lev.note, term_years=lev.term_years, cite=_citation(lev.cite))
        ladders[lad.id] = Ladder(
            id=lad.id, zh=lad.zh, en=lad.en, kind=lad.kind, levels=tuple(refs), note=lad.note,
            confidence=lad.confidence, path=loc.path, line=loc.line, layer=_layer(loc), cite=_citation(lad.cite))

    def resolve(located: Located, loc: tuple, ref: str) -> list[str]:
        """LADDER.LEVEL or LADDER.LOW..HIGH -> level refs (reporting unknown ones)."""
        ladder_id, _, rest = ref.partition(".")
        if ladder_id not in ladders:
            problems.add(located, loc, "unknown_ladder_in", id=ladder_id, ref=ref)
            return []
        low, dots, high = rest.partition("..")
        ends = []
        for end in ([low, high] if dots else [low]):
            full = f"{ladder_id}.{end}"
            if full not in levels:
                problems.add(located, loc, "unknown_level_ref", ref=full)
                return []
            ends.append(levels[full].rank)
        if not dots:
            return [f"{ladder_id}.{low}"]
        if ends[0] > ends[1]:
            problems.add(located, loc, "range_high_to_low", ref=ref)
            return []
        return [r for r in ladders[ladder_id].levels if ends[0] <= levels[r].rank <= ends[1]]

    honours: dict[str, dict] = {}
    for loc in m.honours:
        h = loc.item
        if duplicate(loc, "honour", honours):
            continue
        check_cite(loc, ("cite",), h.cite)
        honours[h.id] = {"id": h.id, "zh": h.zh, "en": h.en, "level": h.level, "note": h.note,
                         "cite": h.cite.model_dump() if h.cite else None, "path": loc.path, "layer": _layer(loc)}

    schemes: dict[str, dict] = {}
    for loc in m.points_schemes:
        sc = loc.item
        if duplicate(loc, "points_scheme", schemes):
            continue
        check_cite(loc, ("cite",), sc.cite)
        items = []
        for i, item in enumerate(sc.items):
            since = None
            if item.since:
                got = resolve(loc, ("items", i, "since"), item.since)
                since = got[0] if got else None
            if item.basis == "fixed" and not item.since:
                problems.add(loc, ("items", i, "since"), "fixed_item_since")
            items.append({"id": item.id, "zh": item.zh, "en": item.en, "basis": item.basis, "points": item.points,
                          "cap": item.cap, "since": since})
        if len({i["id"] for i in items}) != len(items):
            problems.add(loc, ("items",), "item_ids_unique")
        schemes[sc.id] = {"id": sc.id, "zh": sc.zh, "en": sc.en, "items": items, "note": sc.note,
                          "cite": sc.cite.model_dump() if sc.cite else None, "path": loc.path, "layer": _layer(loc)}

    rules: dict[str, dict] = {}
    replaced: dict[str, dict] = {}
    declared: dict[str, Located] = {}  # rule id -> its first record, wherever it is in file order
    for loc in m.rules:
        declared.setdefault(loc.item.id, loc)
    for loc in m.rules:
        r = loc.item
        if r.id in replaced:
            problems.add(loc, ("id",), "id_of_replaced", id=r.id, by=replaced[r.id]["by"])
            continue
        if r.id in rules:
            hint = ("hint_replaces_only", {}) if rules[r.id].layer != _layer(loc) else ("", {})
            problems.add(loc, ("id",), "duplicate_rule_id", id=r.id, first=where(rules[r.id]), hint=hint)
            continue
        if r.replaces:
            old = rules.get(r.replaces) if r.replaces not in replaced else None  # a kept one is still in rules
            if old is None and r.replaces in replaced:  # two layers replace the same rule: name both
                by_id = replaced[r.replaces]["by"]
                by = rules.get(by_id) or replaced.get(by_id, {}).get("rule")
                problems.add(loc, ("replaces",), "already_replaced", old=r.replaces, by=by_id,
                             first=where(by) if by else "?")
                continue
            same = declared.get(r.replaces)
            if old is None and same is not None and _layer(same) == _layer(loc):  # later in file order
                problems.add(loc, ("replaces",), "replaces_same_layer", old=r.replaces, file=same.path)
                continue
            if old is None:
                problems.add(loc, ("replaces",), "nothing_to_replace", old=r.replaces)
                continue
            if old.layer == _layer(loc):
                problems.add(loc, ("replaces",), "replaces_same_layer", old=r.replaces, file=old.path)
                continue
            replaced[r.replaces] = {"by": r.id, "rule": old}  # dropped or cut short below, once dates are known
        before = len(problems)
        for i, c in enumerate(r.cite):
            check_cite(loc, ("cite", i), c)
        for i, p in enumerate(r.purposes):
            if p not in purposes:
                problems.add(loc, ("purposes", i), "unknown_purpose_ref", id=p)
        src = resolve(loc, ("from",), r.from_) if r.from_ else []
        targets: list[str] = []
        for i, t in enumerate(r.to):
            for ref in resolve(loc, ("to", i), t):
                if ref not in targets:
                    targets.append(ref)
        cond = r.conditions
        also = []
        for i, req in enumerate(cond.also_holds):
            got = resolve(loc, ("conditions", "also_holds", i, "level"), req.level)
            if len(got) > 1:
                problems.add(loc, ("conditions", "also_holds", i, "level"), "one_level_not_range")
            also.extend(Requirement(g, req.years, req.in_post) for g in got[:1])
        education = None
        if cond.education:
            got = resolve(loc, ("conditions", "education"), cond.education)
            if got:
                education = got[0]
                if len(got) > 1 or ladders[levels[education].ladder].kind != "education":
                    problems.add(loc, ("conditions", "education"), "not_education_level", ref=cond.education)
        for i, h in enumerate(cond.honours):
            if h not in honours:
                problems.add(loc, ("conditions", "honours", i), "unknown_honour_ref", id=h)
        if cond.points and cond.points.scheme not in schemes:
            problems.add(loc, ("conditions", "points", "scheme"), "unknown_scheme_ref", id=cond.points.scheme)
        if len(problems) > before:
            continue
        source_ref = src[0] if src else None
        if r.kind == "promotion":
            for t in targets:
                if source_ref and levels[t].ladder != levels[source_ref].ladder:
                    problems.add(loc, ("to",), "promotion_one_ladder", low=source_ref, high=t)
                elif source_ref and levels[t].rank <= levels[source_ref].rank:
                    problems.add(loc, ("to",), "promotion_goes_up", high=t, low=source_ref)
        elif source_ref and any(levels[t].ladder == levels[source_ref].ladder for t in targets) and r.kind != "derived":
            problems.add(loc, ("to",), "link_in_one_ladder", kind=r.kind)
        primary = sources.get(r.cite[0].source)
        if primary is None:
            continue
        allowed = CONFIDENCE_OF_STATUS[primary.status]
        confidence = r.confidence or allowed
        if CONFIDENCE_ORDER[confidence] > CONFIDENCE_ORDER[allowed]:
            problems.add(loc, ("confidence",), "confidence_above_source", confidence=confidence, source=primary.id,
                         status=primary.status, allowed=allowed)
        eff_from = r.effective_from or primary.effective_from
        eff_until = r.effective_until or primary.effective_until
        if date_start(eff_from) < date_start(primary.effective_from):
            problems.add(loc, ("effective_from",), "before_source", date=eff_from, source=primary.id,
                         start=primary.effective_from)
        if primary.effective_until and (r.effective_until is None or
                                        date_start(eff_until) > date_start(primary.effective_until)):
            if r.effective_until is not None:
                problems.add(loc, ("effective_until",), "after_source", date=eff_until, source=primary.id,
                             end=primary.effective_until)
        if eff_until and date_start(eff_until) <= date_start(eff_from):
            problems.add(loc, ("effective_until",), "ends_before_starts")
        rules[r.id] = Rule(
            id=r.id, kind=r.kind, from_=source_ref, to=tuple(targets), to_spec=tuple(r.to),
            bidirectional=r.bidirectional, grants=r.grants,
            conditions=Conditions(
                years_in_from=cond.years_in_from, work_years=cond.work_years, education=education,
                also_holds=tuple(also), in_post=cond.in_post, same_specialty=cond.same_specialty,
                appointed=cond.appointed, honours=tuple(cond.honours),
                points=PointsNeeded(cond.points.scheme, cond.points.at_least) if cond.points else None,
                other=_other_words(cond.other)),
            purposes=tuple(r.purposes),
            jurisdiction=r.jurisdiction or layer_of[_layer(loc)]["region"] or "CN",
            layer=_layer(loc), replaces=r.replaces, effective_from=eff_from, effective_until=eff_until,
            cite=tuple(_citation(c) for c in r.cite), confidence=confidence, note=r.note,
            path=loc.path, line=loc.line)

    _apply_replacements(rules, replaced)
    _check_promotion_cycles(m, rules, problems)
    _check_layer_conflicts(m, rules, levels, layers, problems)
    audit_mappings(m, sources, problems)  # the data says only what its documents say
    catalogue = _compile_catalogues(m, sources, ladders, problems, check_cite)
    if problems:
        raise MappingErrors(list(problems))
    index = build_index(sources, purposes, ladders, levels, rules)
    index.update(honours=honours, points_schemes=schemes, layers=layers, replaced=replaced)
    index["catalogue"] = catalogue
    return index


def _apply_replacements(rules: dict, replaced: dict) -> None:
    """Drop each replaced rule, or keep it until its replacement starts, if that is later.

    A province's rule dated 2025 that replaces a national rule of 2022 leaves the national rule the
    one in force there until 2025: it stays, under its own id, ending when the replacement starts (or
    earlier, if it already ended earlier). A replacement that starts on or before the rule it replaces
    takes its place altogether. Each entry of ``replaced`` gets ``from`` (the day the replacement
    holds from; None when the replacing rule did not compile, which is reported) and ``kept``.
    """

    def takes_over(rule_id: str) -> str | None:
        # a replacement that is itself replaced from an earlier day hands the place over from then
        rep = replaced.get(rule_id)
        new = rules.get(rep["by"]) if rep else None
        if new is None:
            return None
        later = takes_over(new.id)
        return min(new.effective_from, later, key=date_start) if later else new.effective_from

    starts = {old_id: takes_over(old_id) for old_id in replaced}  # before any rule is cut short
    for old_id, rep in replaced.items():
        old, start = rep["rule"], starts[old_id]
        rep["from"], rep["kept"] = start, bool(start and date_start(start) > date_start(old.effective_from))
        if not rep["kept"]:
            del rules[old_id]
        elif not old.effective_until or date_start(old.effective_until) > date_start(start):
            rules[old_id] = old._replace(effective_until=start)


def _other_words(other: list) -> tuple:
    """Each condition in words as Words(zh, en); a plain string is the Chinese, with no English (None)."""
    return tuple(Words(o) if isinstance(o, str) else Words(o.zh, o.en) for o in other)


def _citation(cite) -> Citation | None:
    return Citation(cite.source, cite.article, cite.quote) if cite is not None else None


def _shown(code: str | None):
    """A catalogue code as its message shows it: quoted, or None (a message param; see equivalence.messages)."""
    return repr(code) if code is not None else ("none", {})


def _layer(located: Located) -> str:
    return located.layer


def _compile_catalogues(m: Mappings, sources: dict, ladders: dict, problems: _Problems, check_cite) -> dict:
    """Occupations and qualification items: unique, well formed, parents present, counts as published."""
    occupations: dict[str, dict] = {}
    qualifications: dict[str, dict] = {}
    catalogues: dict[str, dict] = {}
    where_occ: dict[str, tuple] = {}
    for loc in m.catalogues:
        cat = loc.item
        if cat.id in catalogues:
            problems.add(loc, ("id",), "duplicate_id", kind=("term_catalogue", {}), id=cat.id)
            continue
        check_cite(loc, ("cite",), cat.cite)
        counts: dict[str, int] = {}
        for i, occ in enumerate(cat.occupations):
            at = ("occupations", i)
            if occ.code in occupations:
                problems.add(loc, at + ("code",), "duplicate_occupation", occupation=occ.code)
                continue
            parts = occ.code.count("-") + 1
            if parts != occ.tier:
                problems.add(loc, at + ("tier",), "code_tier", occupation=occ.code, parts=parts, tier=occ.tier)
            expected_parent = occ.code.rsplit("-", 1)[0] if parts > 1 else None
            if occ.parent != expected_parent:
                problems.add(loc, at + ("parent",), "parent_should_be", occupation=occ.code,
                             expected=_shown(expected_parent), parent=_shown(occ.parent))
            occupations[occ.code] = {"code": occ.code, "zh": occ.zh, "tier": occ.tier, "parent": occ.parent,
                                     "gbm": occ.gbm, "green": occ.green, "digital": occ.digital,
                                     "aliases": list(occ.aliases), "catalogue": cat.id}
            where_occ[occ.code] = (loc, at)
            counts[f"tier{occ.tier}"] = counts.get(f"tier{occ.tier}", 0) + 1
        seqs: set[int] = set()
        for i, item in enumerate(cat.qualifications):
            at = ("qualifications", i)
            if item.id in qualifications:
                problems.add(loc, at + ("id",), "duplicate_id", kind=("term_qualification", {}), id=item.id)
                continue
            if item.seq in seqs:
                problems.add(loc, at + ("seq",), "duplicate_seq", seq=item.seq)
            seqs.add(item.seq)
            if item.ladder and item.ladder not in ladders:
                problems.add(loc, at + ("ladder",), "unknown_ladder_ref", id=item.ladder)
            elif item.ladder and ladders[item.ladder].kind != "qualification":
                problems.add(loc, at + ("ladder",), "not_qualification_ladder", id=item.ladder)
            qualifications[item.id] = {"id": item.id, "seq": item.seq, "zh": item.zh, "en": item.en,
                                       "category": item.category, "sub_items": list(item.sub_items),
                                       "levels": list(item.levels), "ladder": item.ladder, "note": item.note,
                                       "catalogue": cat.id}
            counts[item.category] = counts.get(item.category, 0) + 1
        for key, want in cat.published.items():
            if counts.get(key, 0) != want:
                problems.add(loc, ("published", key), "published_count", want=want, key=key, have=counts.get(key, 0))
        catalogues[cat.id] = {"id": cat.id, "kind": cat.kind, "cite": cat.cite.model_dump(), "note": cat.note,
                              "published": dict(cat.published), "counts": counts}
    for code, occ in occupations.items():
        if occ["parent"] and occ["parent"] not in occupations:
            loc, at = where_occ[code]
            problems.add(loc, at + ("parent",), "parent_missing", parent=occ["parent"], occupation=code)
    return {"catalogues": catalogues, "occupations": occupations, "qualifications": qualifications}


_TITLE_LADDERS = ("title_tier", "title_series")


def search_entries(index: dict, catalogue: dict) -> list[tuple]:
    """One row per searchable thing: (kind, key, display, context, names, pinyin, initials).

    Pinyin is computed here, only when a search first needs it (pypinyin takes a fifth of a second
    to import), and the rows are cached per content hash (Registry.search_table), so a search only
    compares strings.
    """
    from pypinyin import Style, lazy_pinyin

    def spell(names):
        full, initials = [], []
        for name in names:
            if name.isascii():
                continue
            full.append("".join(lazy_pinyin(name)).lower())
            initials.append("".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower())
        return tuple(dict.fromkeys(full)), tuple(dict.fromkeys(initials))

    rows = []
    for ref, lev in index["levels"].items():
        lad = index["ladders"][lev.ladder]
        kind = "title" if lad.kind in _TITLE_LADDERS else "qualification" if lad.kind == "qualification" else "level"
        names = tuple(dict.fromkeys([lev.zh, lev.en, *lev.aliases]))
        rows.append((kind, ref, lev.zh, lad.zh, tuple(normalize(n) for n in names), *spell(names[:1] + names[2:])))
    for item in catalogue["qualifications"].values():
        names = tuple(dict.fromkeys([item["zh"], *item["sub_items"]] + ([item["en"]] if item["en"] else [])))
        rows.append(("qualification", f"qualification:{item['id']}", item["zh"], "国家职业资格目录（2021年版）",
                     tuple(normalize(n) for n in names), *spell(names)))
    for occ in catalogue["occupations"].values():
        names = tuple(dict.fromkeys([occ["zh"], *occ["aliases"]]))
        rows.append(("occupation", occ["code"], occ["zh"], f"职业分类大典 {occ['code']}",
                     tuple(normalize(n) for n in names), *spell(names)))
    return rows


def _check_layer_conflicts(m: Mappings, rules: dict, levels: dict, layers: list[dict], problems: _Problems) -> None:
    """A layer's rule that contradicts a lower layer's without replacing it (see layer_conflicts)."""
    if len(layers) < 2:
        return
    from .layer_conflicts import layer_conflicts

    located = {loc.item.id: loc for loc in m.rules}
    for rule_id, conflict in layer_conflicts(rules, levels, [x["id"] for x in layers]):
        problems.add(located[rule_id], ("to",), "contradicts_lower_layer", conflict=conflict)


def _check_promotion_cycles(m: Mappings, rules: dict, problems: _Problems) -> None:
    """Promotions must never lead back to where they started (ranks make this so; check anyway)."""
    graph: dict[str, list[tuple[str, str]]] = {}
    for r in rules.values():
        if r.kind == "promotion" and r.from_:
            for t in r.to:
                graph.setdefault(r.from_, []).append((t, r.id))
    state: dict[str, int] = {}
    located = {loc.item.id: loc for loc in m.rules}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt, rid in graph.get(node, []):
            if state.get(nxt) == 1:
                problems.add(located[rid], ("to",), "promotion_cycle", trail=" -> ".join(trail + [rid]))
            elif state.get(nxt) is None:
                visit(nxt, trail + [rid])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def build_index(sources, purposes, ladders, levels, rules) -> dict:
    """Adjacency and name tables over the checked records."""
    out_edges: dict[str, list[str]] = {}
    in_edges: dict[str, list[str]] = {}
    for r in rules.values():
        if r.from_:
            out_edges.setdefault(r.from_, []).append(r.id)
        for t in r.to:
            in_edges.setdefault(t, []).append(r.id)
    names: dict[str, list[str]] = {}
    ladder_level_names: dict[str, dict[str, str]] = {}
    for ref, lev in levels.items():
        own = ladder_level_names.setdefault(lev.ladder, {})
        for name in [lev.id, lev.zh, lev.en, *lev.aliases]:
            key = normalize(name)
            bucket = names.setdefault(key, [])
            if ref not in bucket:
                bucket.append(ref)
            own.setdefault(key, ref)
        for name in [lev.zh, *lev.aliases]:
            own.setdefault(strip_qualifier(normalize(name)), ref)
        names.setdefault(normalize(ref), [ref])
    ladder_names: dict[str, str] = {}
    for lid, lad in ladders.items():
        for name in (lid, lad.zh, lad.en):
            ladder_names.setdefault(normalize(name), lid)
            ladder_names.setdefault(strip_qualifier(normalize(name)), lid)
    return {
        "format": INDEX_FORMAT, "sources": sources, "purposes": purposes, "ladders": ladders,
        "levels": levels, "rules": rules, "out": out_edges, "in": in_edges, "names": names,
        "ladder_level_names": ladder_level_names, "ladder_names": ladder_names,
    }
