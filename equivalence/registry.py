"""The registry: ladders, levels, rules and sources of a compiled index, and name resolution.

``get_*`` returns None when nothing matches; the plain accessors raise (as pycountry's get/lookup).
"""

from __future__ import annotations

import os

from .errors import AmbiguousLevelError, UnknownLadderError, UnknownLevelError, UnknownRuleError
from .names import SHORT_FORMS, closest, normalize, split_qualifier, strip_qualifier
from .records import Ladder, Level, Purpose, Rule, Source

_SEPARATORS = (":", "：")


class Registry:
    """Read-only access to one compiled mapping folder."""

    def __init__(self, index: dict):
        self.index = index
        self.ladders: dict[str, Ladder] = index["ladders"]
        self.levels: dict[str, Level] = index["levels"]
        self.rules: dict[str, Rule] = index["rules"]
        self.sources: dict[str, Source] = index["sources"]
        self.purposes: dict[str, Purpose] = index["purposes"]

    @classmethod
    def load(cls, root: str | os.PathLike | None = None, *, layers=(), region: str | None = None,
             use_cache: bool = True) -> "Registry":
        """The registry of ``root`` (default: the shipped mappings), compiled or from the cache.

        ``region`` adds the shipped layers of a province (广东, CN-GD …); ``layers`` adds folders
        with a ``layer.yaml`` (an employer's rules) on top, in order.

        Raises
        ------
        MappingErrors
            When the mappings do not validate.
        EquivalenceError
            When no shipped layer matches ``region``.
        """
        from .arguments import folder, folders, text
        from .index import load_index, region_layers

        root, layers = folder("root", root), folders("layers", layers)
        stack = (region_layers(text("region", region, optional=True)) if region is not None else []) + layers
        return cls(load_index(root, layers=stack, use_cache=use_cache))

    # -- catalogues ----------------------------------------------------------------------------
    @property
    def catalogue(self) -> dict:
        """Occupations and qualification items (loaded on first use: most queries need neither)."""
        from .index import load_part

        if "catalogue" not in self.index and not self.index.get("hash"):
            return {"catalogues": {}, "occupations": {}, "qualifications": {}}  # built in memory, no catalogues

        def rebuild():  # the cache file went missing: compile again
            from .index import load_index

            return load_index(self.index["root"], use_cache=False)["catalogue"]

        return load_part(self.index, "catalogue", rebuild)

    def search_table(self) -> list[tuple]:
        """Rows for :func:`equivalence.search.search` (with pinyin), built once per content hash."""
        from .index import load_part

        def build():
            from .compile import search_entries

            return search_entries(self.index, self.catalogue)

        return load_part(self.index, "search", build)

    def occupation(self, name: str) -> dict | None:
        """An occupation or group of the 职业分类大典 by code or exact name (None when none matches).

        A name shared by a group and its one occupation (经济学研究人员: 2-01-02 and 2-01-02-00)
        gives the occupation.
        """
        occupations = self.catalogue["occupations"]
        key = name.strip()
        if key in occupations:
            return occupations[key]
        names = self.__dict__.get("_occupation_names")
        if names is None:  # built on first use: a roster asks for many occupations by name
            names = self._occupation_names = {}
            for occ in occupations.values():
                for n in (occ["zh"], *occ["aliases"]):
                    held = names.get(normalize(n))
                    if held is None or (occ["tier"] == 4 and held["tier"] != 4):
                        names[normalize(n)] = occ
        return names.get(normalize(key))

    # -- ladders -------------------------------------------------------------------------------
    def get_ladder(self, name: str) -> Ladder | None:
        lid = self.index["ladder_names"].get(normalize(name))
        return self.ladders.get(lid) if lid else None

    def ladder(self, name: str) -> Ladder:
        """The ladder named by id, zh or en name.

        Raises
        ------
        UnknownLadderError
        """
        _is_text("name", name)
        found = self.get_ladder(name)
        if found is None:
            shown = {}
            for lid, lad in self.ladders.items():
                shown[normalize(lid)] = lid
                shown[normalize(lad.zh)] = lad.zh
            hint = self._shipped_layer_hint("ladders", name)
            raise UnknownLadderError(name, [] if hint else closest(name, shown), hint=hint or "")
        return found

    # -- levels --------------------------------------------------------------------------------
    def qualified(self, ref: str) -> str:
        """The unambiguous way to write a level: '工勤技能岗位:一级'."""
        lev = self.levels[ref]
        return f"{self.ladders[lev.ladder].zh}:{lev.zh}"

    def candidates(self, name: str) -> list[str]:
        """Refs of every level that ``name`` may denote (id, ref, zh, en, alias; LADDER:LEVEL;
        OCCUPATION:GRADE, e.g. 电工:技师 or 6-31-01-03:高级工, which names a skill grade)."""
        for sep in _SEPARATORS:
            if sep in name:
                prefix, _, level_part = name.partition(sep)
                lad = self.get_ladder(prefix)
                if lad is None:
                    if not self._occupation_prefix(prefix):
                        return []
                    skill = [lid for lid, ladder in self.ladders.items() if ladder.kind == "skill_grade"]
                    refs = self.candidates(level_part)
                    return [r for r in refs if self.levels[r].ladder in skill]
                own = self.index["ladder_level_names"].get(lad.id, {})
                key = normalize(level_part)
                ref = own.get(key) or own.get(strip_qualifier(key))
                return [ref] if ref else []
        key = normalize(name)
        found = self.index["names"].get(key)
        if found:
            return list(found)
        # A short form (注会, 副处, 研究生): what its long forms name, in the order given.
        refs = [r for long in SHORT_FORMS.get(key, ()) for r in self.candidates(long)]
        if not refs and (parts := split_qualifier(key)):  # 技师（二级）: the level said twice
            refs = self._agreeing(*parts)[0]
        return list(dict.fromkeys(refs))

    def _agreeing(self, name: str, qualifier: str) -> tuple[list[str], list[str], list[str]]:
        """For 'NAME（QUALIFIER）': the levels NAME names that QUALIFIER names too (技师（二级）: 二级 is
        an alias of 技师), or that it names the tier of (高级工程师（副高）: the title counts as 副高级);
        and the levels each names alone, to say when they disagree (技师（三级）)."""
        named, said = self.candidates(name), self.candidates(qualifier)
        tiers = {r for r in said if self.ladders[self.levels[r].ladder].kind == "title_tier"}

        def agrees(ref: str) -> bool:
            return ref in said or any(self.rules[rid].kind == "counts_as" and tiers.intersection(self.rules[rid].to)
                                      for rid in self.index["out"].get(ref, ()))

        return [r for r in named if agrees(r)], named, said

    def _occupation_prefix(self, prefix: str) -> dict | None:
        # Only a tier-4 occupation (职业) holds skill grades; a group code is not an occupation.
        occ = self.occupation(prefix)
        return occ if occ and occ["tier"] == 4 else None

    def credential(self, name: str) -> tuple[Level, dict | None]:
        """The level a credential names, and its occupation when written ``OCCUPATION:GRADE``.

        Raises
        ------
        UnknownLevelError, AmbiguousLevelError
        """
        level = self.level(name)
        for sep in _SEPARATORS:
            if sep in name:
                prefix = name.partition(sep)[0]
                if self.get_ladder(prefix) is None:
                    return level, self._occupation_prefix(prefix)
        return level, None

    def get_level(self, name: str) -> Level | None:
        found = self.candidates(name)
        return self.levels[found[0]] if len(found) == 1 else None

    def level(self, name: str) -> Level:
        """The level named by ``name``.

        Raises
        ------
        AmbiguousLevelError
            The name belongs to levels of several ladders; the message lists them qualified.
        UnknownLevelError
            Nothing matches; the message suggests the closest names.
        """
        _is_text("name", name)
        found = self.candidates(name)
        if len(found) == 1:
            return self.levels[found[0]]
        if len(found) > 1:
            short = normalize(name) in SHORT_FORMS and normalize(name) not in self.index["names"]
            raise AmbiguousLevelError(name, [self.qualified(r) for r in found],
                                      hint=("hint_short_form", {}) if short else "")
        parts = split_qualifier(name)
        if parts and not any(sep in name for sep in _SEPARATORS) and all(self._agreeing(*parts)[1:]):
            raise UnknownLevelError(name, [], hint=("hint_qualifier_disagrees", {"name": parts[0],
                                                                                 "qualifier": parts[1]}))
        for sep in _SEPARATORS:
            if sep in name:
                ladder_part, _, level_part = name.partition(sep)
                if self.get_ladder(ladder_part) is None and (occ := self.occupation(ladder_part)):
                    self._unknown_in_occupation(name, occ, level_part)
                if self.get_ladder(ladder_part) is None:
                    self._unknown_prefix(name, ladder_part, level_part)
                lad = self.ladder(ladder_part)
                shown = {}
                for ref in lad.levels:
                    lev = self.levels[ref]
                    for n in (lev.zh, *lev.aliases):
                        shown[normalize(n)] = f"{lad.zh}:{n}"
                raise UnknownLevelError(name, closest(level_part, shown), hint=("hint_in_ladder", {"ladder": lad.zh}))
        occ = self._occupation_prefix(name)
        if occ:  # 焊工: an occupation holds skill grades, it is not one
            grades = [self.levels[r].zh for lad in self.ladders.values() if lad.kind == "skill_grade"
                      for r in lad.levels]
            shown = [f"{occ['zh']}:{g}" for g in ("高级工", "技师") if g in grades]
            raise UnknownLevelError(name, shown, hint=("hint_occupation_holds_grades",
                                                      {"occupation": occ["zh"], "code": occ["code"]}))
        raise UnknownLevelError(name, list(dict.fromkeys(self._occupation_grade(name) + self.suggest(name)))[:5])

    def _occupation_grade(self, name: str) -> list[str]:
        """电工技师, an occupation run into a skill grade: ['电工:技师'], the way to write it; else []."""
        key = normalize(name)
        grades = sorted({normalize(self.levels[r].zh): self.levels[r].zh for lad in self.ladders.values()
                         if lad.kind == "skill_grade" for r in lad.levels}.items(), key=lambda g: -len(g[0]))
        for folded, grade in grades:
            if key.endswith(folded) and len(key) > len(folded) and (occ := self._occupation_prefix(key[:-len(folded)])):
                return [f"{occ['zh']}:{grade}"]
        return []

    def _unknown_prefix(self, name: str, prefix: str, level_part: str) -> None:
        """PREFIX:LEVEL where PREFIX is neither a ladder nor an occupation (维修电工:技师, a name the
        2022 职业分类大典 does not use): raise UnknownLadderError naming the closest ladders and
        occupations, written with LEVEL."""
        from .search import search

        shown = {normalize(lid): lid for lid in self.ladders}
        shown.update({normalize(lad.zh): lad.zh for lad in self.ladders.values()})
        near = closest(prefix, shown, n=3)
        for hit in search(self, prefix, kinds=["occupation"], limit=3):
            if hit["id"].count("-") == 3:  # an occupation, not a group
                near.append(hit["name"])
        raise UnknownLadderError(prefix, [f"{x}:{level_part}" for x in near], what="ladder or occupation",
                                 hint=("hint_no_ladder_or_occupation", {}))

    def _unknown_in_occupation(self, name: str, occ: dict, level_part: str) -> None:
        """OCCUPATION:GRADE named no skill grade, or its prefix is a group: raise UnknownLevelError."""
        if occ["tier"] != 4:
            raise UnknownLevelError(name, [], hint=("hint_occupation_group",
                                                   {"occupation": occ["zh"], "code": occ["code"]}))
        shown = {}
        for lad in self.ladders.values():
            if lad.kind == "skill_grade":
                for ref in lad.levels:
                    lev = self.levels[ref]
                    for n in (lev.zh, *lev.aliases):
                        shown[normalize(n)] = f"{occ['zh']}:{n}"
        raise UnknownLevelError(name, closest(level_part, shown),
                                hint=("hint_occupation_grade", {"occupation": occ["zh"], "code": occ["code"]}))

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Closest level names (the matcher of ``equivalence search``), qualified where a name is shared."""
        from .search import search

        out = []
        for hit in search(self, name, kinds=["level", "title", "qualification"], limit=n * 2):
            if hit["id"] not in self.levels:
                continue
            shown = hit["name"] if len(self.candidates(hit["name"])) == 1 else self.qualified(hit["id"])
            if shown not in out:
                out.append(shown)
        return out[:n]

    def levels_of(self, ladder: str) -> list[Level]:
        return [self.levels[r] for r in self.ladder(ladder).levels]

    def name(self, ref: str, lang: str = "zh") -> str:
        return getattr(self.levels[ref], lang)

    def ladder_name(self, ladder_id: str, lang: str = "zh") -> str:
        return getattr(self.ladders[ladder_id], lang)

    # -- rules ---------------------------------------------------------------------------------
    def rule(self, rule_id: str) -> Rule:
        """The rule with this id.

        Raises
        ------
        UnknownRuleError
        """
        _is_text("rule_id", rule_id)
        if rule_id in self.rules:
            return self.rules[rule_id]
        by = self.index.get("replaced", {}).get(rule_id, {}).get("by")
        if by in self.rules:  # a layer loaded replaced it (replaces:): say so, not only "unknown"
            layer = next((x for x in self.index.get("layers", ()) if x["id"] == self.rules[by].layer), None)
            names = {lang: layer[lang] if layer else self.rules[by].layer for lang in ("zh", "en")}
            raise UnknownRuleError(rule_id, [by], hint=("hint_rule_replaced", {"by": by, **names}))
        hint = self._shipped_layer_hint("rules", rule_id)
        if hint:  # defined in a shipped layer not loaded: name it and how to load it
            raise UnknownRuleError(rule_id, [], hint=hint)
        raise UnknownRuleError(rule_id, closest(rule_id, {normalize(r): r for r in self.rules}))

    def _shipped_layer_hint(self, section: str, wanted: str) -> tuple | None:
        from .layer_hints import shipped_layer_hint  # the error path only: reads the shipped layers' files

        return shipped_layer_hint(section, wanted, {x["id"] for x in self.index.get("layers", ())})


def _is_text(name: str, value) -> None:
    """A name given to a lookup is a string: anything else is the library's error, not a TypeError."""
    if not isinstance(value, str):
        from .arguments import text

        text(name, value)
