"""The loader and the cross-file checks: a table of broken files, each with its exact message."""

from __future__ import annotations

import pytest

from conftest import TINY_FILES, write_folder
from equivalence.compile import compile_folder
from equivalence.errors import MappingErrors
from equivalence.registry import Registry

C = "cite: [{source: src-off, article: a, quote: q}]"


def rule(*lines: str, cite: str = C) -> str:
    """A file with one rule: ``lines`` are the rule's keys after its id line (line 2)."""
    body = "".join(f"    {line}\n" for line in lines)
    return "rules:\n  - id: r1\n" + body + (f"    {cite}\n" if cite else "")


def ladder(*levels: str) -> str:
    """A file with one ladder 'zz'; its levels start on line 7."""
    head = "ladders:\n  - id: zz\n    zh: 测试\n    en: Test\n    kind: education\n    levels:\n"
    return head + "".join(f"      - {lev}\n" for lev in levels)


# (case id, text of m/bad.yaml, the exact messages, in order)
BROKEN = [
    ("syntax error", "rules:\n  - id: x\n    kind: [apply\n",
     ["m/bad.yaml:4: YAML syntax: did not find expected ',' or ']'"]),
    ("duplicate key", rule("kind: apply", "kind: post", "from: sk.s1", "to: en.e1"),
     ["m/bad.yaml:4: rules[0].kind: duplicate key"]),
    ("unknown key", rule("kind: apply", "from: sk.s1", "to: en.e1", "colour: red"),
     ["m/bad.yaml:6: rules[0].colour: unknown key 'colour'"]),
    ("unknown nested key", rule("kind: apply", "from: sk.s1", "to: en.e1", "conditions: {years: 3}"),
     ["m/bad.yaml:6: rules[0].conditions.years: unknown key 'years'"]),
    ("unknown section", "levels:\n  - id: a\n",
     ["m/bad.yaml:1: levels: unknown section (expected sources, purposes, ladders, rules, catalogues, honours, points_schemes, layer)"]),
    ("section not a list", "rules: {id: r1}\n",
     ["m/bad.yaml:1: rules: expected a list"]),
    ("wrong type", rule("kind: apply", "from: sk.s1", "to: en.e1", "bidirectional: 'yes'"),
     ["m/bad.yaml:6: rules[0].bidirectional: input should be a valid boolean"]),
    ("bad id", rule("kind: apply", "from: sk.s1", "to: en.e1").replace("id: r1", "id: Rule1"),
     ["m/bad.yaml:2: rules[0].id: 'Rule1' is not an id (lower-case ASCII letters, digits, '_' or '-', "
      "starting with a letter)"]),
    ("bad level ref", rule("kind: apply", "from: sk.s1", "to: skill-L9"),
     ["m/bad.yaml:5: rules[0].to[0]: 'skill-L9' is not a level reference LADDER.LEVEL or a range "
      "LADDER.LOW..HIGH"]),
    ("bad kind", rule("kind: equals", "from: sk.s1", "to: en.e1"),
     ["m/bad.yaml:3: rules[0].kind: 'equals' is not one of 'promotion', 'apply', 'treated_as', "
      "'counts_as', 'post' or 'derived'"]),
    ("not a real date", rule("kind: apply", "from: sk.s1", "to: en.e1", "effective_from: 2021-02-30"),
     ["m/bad.yaml:6: rules[0].effective_from: not a real date: '2021-02-30'"]),
    ("missing cite", rule("kind: apply", "from: sk.s1", "to: en.e1", cite=""),
     ["m/bad.yaml:2: rules[0].cite: required, missing"]),
    ("source without issuer", "sources:\n  - id: s9\n    title: T\n    effective_from: 2020\n    status: official\n",
     ["m/bad.yaml:2: sources[0].issuer: required, missing"]),
    ("source status", "sources:\n  - id: s9\n    title: T\n    issuer: I\n    effective_from: 2020\n    status: rumour\n",
     ["m/bad.yaml:6: sources[0].status: 'rumour' is not one of 'official', 'secondary' or 'unverified'"]),
    ("source ends before it starts",
     "sources:\n  - id: s9\n    title: T\n    issuer: I\n    effective_from: 2020\n    effective_until: 2019\n"
     "    status: official\n",
     ["m/bad.yaml:6: sources[0].effective_until: ends before it starts"]),
    ("unknown level", rule("kind: apply", "from: sk.s1", "to: sk.l9"),
     ["m/bad.yaml:5: rules[0].to[0]: unknown level 'sk.l9'"]),
    ("unknown level in from", rule("kind: apply", "from: sk.s9", "to: en.e1"),
     ["m/bad.yaml:4: rules[0].from: unknown level 'sk.s9'"]),
    ("unknown ladder", rule("kind: apply", "from: sk.s1", "to: zz.e1"),
     ["m/bad.yaml:5: rules[0].to[0]: unknown ladder 'zz' in 'zz.e1'"]),
    ("unknown source", rule("kind: apply", "from: sk.s1", "to: en.e1",
                            cite="cite: [{source: nope, article: a, quote: q}]"),
     ["m/bad.yaml:6: rules[0].cite[0].source: unknown source 'nope'"]),
    ("unknown source of a ladder",
     ladder("{id: a, zh: 甲, en: A, rank: 1}").replace("    levels:\n", "    cite: {source: nope, article: a, quote: q}\n    levels:\n"),
     ["m/bad.yaml:6: ladders[0].cite.source: unknown source 'nope'"]),
    ("unknown purpose", rule("kind: apply", "from: sk.s1", "to: en.e1", "purposes: [review, fun]"),
     ["m/bad.yaml:6: rules[0].purposes[1]: unknown purpose 'fun'"]),
    # m/zz.yaml is read last (files are read in sorted path order), so it holds the duplicate
    ("duplicate rule id across files", rule("kind: apply", "from: sk.s1", "to: en.e1").replace("r1", "bridge-s4-e3"),
     ["m/zz.yaml:2: rules[0].id: duplicate rule id 'bridge-s4-e3' (first in m/rules/rules.yaml)"]),
    ("duplicate ladder id across files",
     ladder("{id: a, zh: 甲, en: A, rank: 1}").replace("id: zz", "id: sk"),
     ["m/zz.yaml:2: ladders[0].id: duplicate ladder id 'sk' (first in m/ladders/ladders.yaml)"]),
    ("duplicate source id across files",
     "sources:\n  - {id: src-off, title: T, issuer: I, effective_from: 2020, status: official}\n",
     ["m/zz.yaml:2: sources[0].id: duplicate source id 'src-off' (first in m/sources.yaml)"]),
    ("duplicate level id", ladder("{id: a, zh: 甲, en: A, rank: 1}", "{id: a, zh: 乙, en: B, rank: 2}"),
     ["m/bad.yaml:8: ladders[0].levels[1].id: duplicate level id 'a' in ladder 'zz'"]),
    ("a name shared inside one ladder",
     ladder("{id: a, zh: 甲, en: A, rank: 1}", "{id: b, zh: 乙, en: B, aliases: [甲], rank: 2}"),
     ["m/bad.yaml:8: ladders[0].levels[1].aliases[0]: name '甲' is already used by level 'a' of ladder 'zz'"]),
    ("a name shared up to full-width forms",
     ladder("{id: a, zh: 甲(一), en: A, rank: 1}", "{id: b, zh: 甲（一）, en: B, rank: 2}"),
     ["m/bad.yaml:8: ladders[0].levels[1].zh: name '甲（一）' is already used by level 'a' of ladder 'zz'"]),
    ("ranks out of order", ladder("{id: a, zh: 甲, en: A, rank: 2}", "{id: b, zh: 乙, en: B, rank: 1}"),
     ["m/bad.yaml:8: ladders[0].levels[1].rank: rank 1 is not above the previous level's 2 "
      "(list levels low to high)"]),
    ("equal ranks", ladder("{id: a, zh: 甲, en: A, rank: 2}", "{id: b, zh: 乙, en: B, rank: 2}"),
     ["m/bad.yaml:8: ladders[0].levels[1].rank: rank 2 is not above the previous level's 2 "
      "(list levels low to high)"]),
    ("promotion going down", rule("kind: promotion", "from: en.e4", "to: en.e2"),
     ["m/bad.yaml:5: rules[0].to: a promotion goes up: 'en.e2' is not above 'en.e4'"]),
    ("promotion going down into a cycle", rule("kind: promotion", "from: sk.s3", "to: sk.s2"),
     ["m/bad.yaml:5: rules[0].to: a promotion goes up: 'sk.s2' is not above 'sk.s3'",
      "m/bad.yaml:5: rules[0].to: promotion cycle: sk-up-1 -> sk-up-2 -> r1"]),
    ("promotion across ladders", rule("kind: promotion", "from: sk.s3", "to: en.e3"),
     ["m/bad.yaml:5: rules[0].to: a promotion stays in one ladder: 'sk.s3' -> 'en.e3' (use apply)"]),
    ("counts_as inside one ladder", rule("kind: counts_as", "from: sk.s1", "to: sk.s2"),
     ["m/bad.yaml:5: rules[0].to: a 'counts_as' rule links two ladders; inside one ladder use promotion"]),
    ("a range high..low", rule("kind: post", "from: sk.s3", "to: pt.p1..p4"),
     ["m/bad.yaml:5: rules[0].to[0]: range 'pt.p1..p4' runs from high to low; write LOW..HIGH"]),
    ("a range as from", rule("kind: counts_as", "from: pt.p4..p3", "to: en.e1"),
     ["m/bad.yaml:2: rules[0]: 'from' must name one level, not a range"]),
    ("education not on an education ladder",
     rule("kind: apply", "from: sk.s1", "to: en.e1", "conditions: {education: sk.s2}"),
     ["m/bad.yaml:6: rules[0].conditions.education: 'sk.s2' is not one level of an education ladder"]),
    ("confidence above the source's status",
     rule("kind: apply", "from: sk.s1", "to: en.e1", "confidence: high",
          cite="cite: [{source: src-sec, article: a, quote: q}]"),
     ["m/bad.yaml:6: rules[0].confidence: 'high' is above what source 'src-sec' (secondary) allows: medium"]),
    ("confidence above an unverified source",
     rule("kind: apply", "from: sk.s1", "to: en.e1", "confidence: medium",
          cite="cite: [{source: src-unv, article: a, quote: ''}]"),
     ["m/bad.yaml:6: rules[0].confidence: 'medium' is above what source 'src-unv' (unverified) allows: low"]),
    ("a rule effective before its source",
     rule("kind: apply", "from: sk.s1", "to: en.e1", "effective_from: 2009-12-31"),
     ["m/bad.yaml:6: rules[0].effective_from: 2009-12-31 is before source 'src-off' takes effect (2010-01-01)"]),
    ("a rule that ends before it starts",
     rule("kind: apply", "from: sk.s1", "to: en.e1", "effective_from: 2012", "effective_until: 2011"),
     ["m/bad.yaml:7: rules[0].effective_until: ends before it starts"]),
    ("bidirectional apply", rule("kind: apply", "from: sk.s1", "to: en.e1", "bidirectional: true"),
     ["m/bad.yaml:2: rules[0]: only counts_as and derived rules can be bidirectional, not 'apply'"]),
    ("counts_as from nothing", rule("kind: counts_as", "to: en.e1"),
     ["m/bad.yaml:2: rules[0]: a 'counts_as' rule needs 'from' (only apply/promotion may start from nothing)"]),
    ("top level not a mapping", "- a\n- b\n",
     ["m/bad.yaml:1: expected a mapping with any of: sources, purposes, ladders, rules, catalogues, honours, points_schemes, layer"]),
]


def _errors(root) -> list[str]:
    with pytest.raises(MappingErrors) as info:
        compile_folder(root, display_root="m")
    return [str(e) for e in info.value.errors]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in BROKEN])
def test_broken_file_exact_messages(tmp_path, text, expected):
    name = "zz.yaml" if any(e.startswith("m/zz.yaml") for e in expected) else "bad.yaml"
    root = write_folder(tmp_path / "m", {**TINY_FILES, name: text})
    assert _errors(root) == expected


def test_messages_use_the_folder_as_given(tmp_path):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "bad.yaml": "rules: {id: r1}\n"})
    with pytest.raises(MappingErrors) as info:
        compile_folder(root)
    assert [str(e) for e in info.value.errors] == [f"{root}/bad.yaml:1: rules: expected a list"]
    assert str(info.value).startswith("1 problem in the mappings:\n")


def test_all_errors_of_all_files_are_reported(tmp_path):
    files = {
        **TINY_FILES,
        "a.yaml": rule("kind: apply", "from: sk.s1", "to: en.e1", "colour: red")
                  + "  - {id: r2, kind: apply, from: sk.s1, to: en.e1, bidirectional: 'no', " + C + "}\n",
        "z/b.yaml": "rules:\n  - id: x\n    kind: apply\n    kind: post\n",
    }
    root = write_folder(tmp_path / "m", files)
    assert _errors(root) == [
        "m/a.yaml:6: rules[0].colour: unknown key 'colour'",
        "m/a.yaml:8: rules[1].bidirectional: input should be a valid boolean",
        # a duplicate key does not stop the file: the record is still checked (with the last value)
        "m/z/b.yaml:4: rules[0].kind: duplicate key",
        "m/z/b.yaml:2: rules[0].to: required, missing",
        "m/z/b.yaml:2: rules[0].cite: required, missing",
    ]


def test_all_cross_file_errors_are_reported(tmp_path):
    files = {
        **TINY_FILES,
        "a.yaml": rule("kind: apply", "from: sk.s1", "to: sk.l9"),
        "b.yaml": rule("kind: apply", "from: sk.s1", "to: en.e1",
                       cite="cite: [{source: nope, article: a, quote: q}]").replace("r1", "r2"),
    }
    root = write_folder(tmp_path / "m", files)
    assert _errors(root) == [
        "m/a.yaml:5: rules[0].to[0]: unknown level 'sk.l9'",
        "m/b.yaml:6: rules[0].cite[0].source: unknown source 'nope'",
    ]


def test_errors_exception_lists_every_problem(tmp_path):
    files = {**TINY_FILES, "a.yaml": "rules: {}\n", "b.yaml": "sources: 3\n"}
    root = write_folder(tmp_path / "m", files)
    with pytest.raises(MappingErrors) as info:
        compile_folder(root, display_root="m")
    assert str(info.value) == ("2 problems in the mappings:\n"
                               "m/a.yaml:1: rules: expected a list\n"
                               "m/b.yaml:1: sources: expected a list")


def test_not_a_folder(tmp_path):
    with pytest.raises(MappingErrors) as info:
        compile_folder(tmp_path / "missing")
    assert [str(e) for e in info.value.errors] == [f"{tmp_path / 'missing'}: not a folder of mapping files"]


def test_valid_folder_loads(tiny_dir):
    index = compile_folder(tiny_dir)
    assert set(index["ladders"]) == {"sk", "tt", "en", "hl", "pt", "ws"}
    assert len(index["levels"]) == 4 + 4 + 4 + 3 + 4 + 2
    assert len(index["sources"]) == 3 and len(index["purposes"]) == 4
    assert index["ladders"]["sk"].levels == ("sk.s1", "sk.s2", "sk.s3", "sk.s4")
    # ranges expand to every level between the two ends, by rank
    assert index["rules"]["t3-post"].to == ("pt.p4", "pt.p3")
    assert index["rules"]["t3-post"].to_spec == ("pt.p4..p3",)
    assert index["rules"]["s4-post-ws"].to == ("ws.w2", "ws.w1")
    # confidence from the first citation's source, or lowered by the rule
    assert index["rules"]["bridge-s4-e3"].confidence == "medium"
    assert index["rules"]["en-tier-3"].confidence == "high"
    assert index["rules"]["s2-apply-e1"].confidence == "medium"
    assert index["rules"]["s1-apply-e1"].confidence == "low"
    # effective dates default to the source's
    assert index["rules"]["s1-apply-e1"].effective_from == "2020"
    assert index["rules"]["s1-old-hiring"].effective_until == "2016-01-01"
    # every rule knows where it was written
    assert index["rules"]["bridge-s4-e3"].path.endswith("rules/rules.yaml")
    assert index["rules"]["bridge-s4-e3"].line == 15


def test_registry_load_without_cache(tiny):
    assert tiny.level("技师").ref == "sk.s4"


def test_cache_is_used_and_keyed_by_content(tiny_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", str(cache))
    first = Registry.load(tiny_dir)
    # the core index, and the catalogues in a file of their own (most queries never read them)
    names = sorted(p.name for p in cache.glob("index-*.pickle"))
    assert len(names) == 2
    assert sum(n.endswith("-catalogue.pickle") for n in names) == 1
    assert Registry.load(tiny_dir).rules == first.rules
    # a change to the YAML gives a new entry, and the change is seen
    path = tiny_dir / "rules" / "rules.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("equal wage bands", "equal pay"), encoding="utf-8")
    assert Registry.load(tiny_dir).rules["t4-derived-w1"].note == "equal pay"
    assert len([p for p in cache.glob("index-*.pickle") if not p.name.endswith("-catalogue.pickle")]) == 2


def test_cache_off(tiny_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", "off")
    assert Registry.load(tiny_dir).level("三级").ref == "sk.s3"


def test_broken_folder_is_not_cached(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", str(cache))
    root = write_folder(tmp_path / "m", {**TINY_FILES, "bad.yaml": "rules: {}\n"})
    for _ in range(2):
        with pytest.raises(MappingErrors):
            Registry.load(root)
    assert not list(cache.glob("index-*.pickle"))


def test_cross_file_problems_deep_in_later_records_name_their_own_lines(tmp_path):
    """Each record reads its lines from its file's (loader.RecordLines): a problem found after loading,
    deep in the third record of a file (block style) or in the fourth (flow style), names the line of
    its key, in both languages."""
    good = "  - {id: ok%d, kind: apply, from: sk.s1, to: en.e1, " + C + "}\n"
    text = ("rules:\n" + good % 1 + good % 2
            + "  - id: r3\n    kind: apply\n    from: sk.s1\n    to: en.e1\n    conditions:\n      also_holds:\n"
              "        - {level: sk.s1}\n        - level: sk.l9\n          years: 2\n    " + C + "\n"
            + "  - {id: r4, kind: apply, from: sk.s1, to: en.e1, cite: [{source: nope, article: a}]}\n")
    root = write_folder(tmp_path / "m", {**TINY_FILES, "a.yaml": text})
    with pytest.raises(MappingErrors) as info:
        compile_folder(root, display_root="m")
    assert [e.said("en") for e in info.value.errors] == [
        "m/a.yaml:11: rules[2].conditions.also_holds[1].level: unknown level 'sk.l9'",
        "m/a.yaml:14: rules[3].cite[0].source: unknown source 'nope'",
    ]
    assert [e.said("zh") for e in info.value.errors] == [
        "m/a.yaml:11: rules[2].conditions.also_holds[1].level: 未知等级 'sk.l9'",
        "m/a.yaml:14: rules[3].cite[0].source: 未知文件 'nope'",
    ]


def test_a_list_that_an_alias_names_twice_is_read_whole_in_both_places(tmp_path):
    # the loader frees each record's raw data once validated, unless a value may stand in two places
    text = "purposes: &p\n  - {id: p9, zh: 甲, en: A}\nhonours: *p\n"
    root = write_folder(tmp_path / "m", {**TINY_FILES, "a.yaml": text})
    assert _errors(root) == ["m/a.yaml:2: honours[0].level: required, missing"]
