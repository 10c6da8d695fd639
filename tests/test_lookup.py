"""The equivalence solver on the tiny folder: what composes, and what must not."""

from __future__ import annotations

import pytest

from equivalence.errors import AmbiguousLevelError, EquivalenceError, UnknownLadderError, UnknownLevelError
from equivalence.lookup import find_equivalents
from equivalence.results import Cite, Equivalent, Equivalents, LevelName, Link, ShownConditions


def results(reg, level, **kw):
    return find_equivalents(reg, level, **kw).results


def triples(reg, level, **kw):
    """{(direction, level ref, kind, chain)} of a lookup."""
    return {(r.direction, r.level.id, r.kind, tuple(r.chain)) for r in results(reg, level, **kw)}


def reached(reg, level, **kw):
    return {r.level.id for r in results(reg, level, **kw)}


def test_answer_shape(tiny):
    out = find_equivalents(tiny, "技师")
    assert isinstance(out, Equivalents) and out.occupation is None
    assert out.level == LevelName("sk.s4", "sk", "技师")
    assert out.results and all(isinstance(r, Equivalent) and isinstance(r.level, LevelName) for r in out.results)
    for r in out.to_json()["results"]:
        assert list(r) == ["direction", "level", "kind", "purposes", "conditions", "chain", "links",
                           "sources", "confidence", "effective_from", "effective_until"]
        assert list(r["level"]) == ["id", "ladder", "name"]


def test_direct_result_out(tiny):
    assert ("out", "en.e3", "apply", ("bridge-s4-e3",)) in triples(tiny, "技师")
    [r] = [r for r in results(tiny, "技师") if r.chain == ("bridge-s4-e3",)]
    assert r.purposes == ("review",)
    assert r.confidence == "medium"
    assert r.conditions == (ShownConditions("bridge-s4-e3", years_in_from=3, same_specialty=True, other=("通过考评",)),)
    assert r.conditions[0].to_json() == {"rule": "bridge-s4-e3", "years_in_from": 3, "same_specialty": True,
                                         "other": ["通过考评"]}
    assert r.sources == (Cite(rule="bridge-s4-e3", source="src-sec", title="转载文件", doc_no="测发〔2015〕2号",
                              status="secondary", article="第二条", quote="转载原文", layer="national",
                              jurisdiction="CN"),)
    assert r.links == (Link(rule="bridge-s4-e3", kind="apply", from_="sk.s4", to="en.e3", reversed=False),)
    assert r.to_json()["links"] == [{"rule": "bridge-s4-e3", "kind": "apply", "from": "sk.s4", "to": "en.e3",
                                     "reversed": False}]


def test_direct_result_in(tiny):
    got = triples(tiny, "中级")
    assert ("in", "sk.s4", "treated_as", ("s4-treated-t3",)) in got
    [r] = [r for r in results(tiny, "中级", direction="in") if r.chain == ("s4-treated-t3",)]
    assert r.links == (Link(rule="s4-treated-t3", kind="treated_as", from_="sk.s4", to="tt.t3", reversed=False),)
    assert ("in", "en.e2", "counts_as", ("en-tier-2",)) in triples(tiny, "助理级")


def test_inward_apply_is_a_route_not_an_equivalence(tiny):
    # "技师 may apply for 工程师" is answered by lookup 技师, not by lookup 工程师 (see routes_into)
    assert not [r for r in results(tiny, "工程师", direction="in") if r.kind == "apply"]


def test_direction_filter(tiny):
    assert {r.direction for r in results(tiny, "工程师", direction="out")} == {"out"}
    assert {r.direction for r in results(tiny, "工程师", direction="in")} == {"in"}
    both = triples(tiny, "工程师")
    assert both == triples(tiny, "工程师", direction="out") | triples(tiny, "工程师", direction="in")


def test_range_gives_every_level(tiny):
    got = triples(tiny, "技师", kinds=["post"])
    assert got == {("out", "ws.w2", "post", ("s4-post-ws",)), ("out", "ws.w1", "post", ("s4-post-ws",))}


def test_counts_as_then_post_composes(tiny):
    got = triples(tiny, "工程师", kinds=["post"])
    assert got == {("out", "pt.p4", "post", ("en-tier-3", "t3-post")),
                   ("out", "pt.p3", "post", ("en-tier-3", "t3-post"))}


def test_counts_as_then_apply_composes(tiny):
    # 中级 counts as 工程师 (bidirectional rule read backwards), who may apply for 主管技师
    assert ("out", "hl.h3", "apply", ("en-tier-3", "e3-apply-h3")) in triples(tiny, "中级")


def test_counts_as_chain_composes(tiny):
    # 高级工 counts as 技士 (hiring); 技士 counts as 员级 (any purpose) -> counts_as for hiring
    [r] = [r for r in results(tiny, "高级工") if r.level.id == "tt.t1"]
    assert r.kind == "counts_as"
    assert r.chain == ("s3-counts-h1", "h1-tier-1")
    assert r.purposes == ("hiring",)


def test_apply_then_apply_does_not_compose(tiny):
    # 技师 may apply for 工程师; 工程师 may apply for 主管技师: 技师 may NOT apply for 主管技师
    assert "hl.h3" not in reached(tiny, "技师")
    assert "hl.h3" not in reached(tiny, "技师", include_derived=True)


def test_treated_as_then_post_does_not_compose(tiny):
    # 技师 is treated as 中级 (pay); 中级 may be appointed to p4..p3; not so 技师
    assert not {"pt.p4", "pt.p3"} & reached(tiny, "技师")
    assert not {"pt.p4", "pt.p3"} & reached(tiny, "技师", include_derived=True)


def test_purposes_that_do_not_overlap_do_not_compose(tiny):
    # 高级工 counts as 技士 for hiring; 技士 may apply for 助理工程师 for review: no answer
    assert "en.e2" not in reached(tiny, "高级工")
    # ... while the hiring chain through the same level is there
    assert "tt.t1" in reached(tiny, "高级工")


def test_purposes_are_intersected(tiny):
    for r in results(tiny, "技师", include_derived=True):
        sets = [set(tiny.rules[rid].purposes) for rid in r.chain if tiny.rules[rid].purposes]
        expected = set.intersection(*sets) if sets else set()
        assert set(r.purposes) == expected


def test_promotion_never_appears(tiny):
    for level in tiny.levels:
        for r in results(tiny, level, include_derived=True):
            assert all(tiny.rules[rid].kind != "promotion" for rid in r.chain)


def test_derived_only_when_asked(tiny):
    assert "ws.w1" not in reached(tiny, "副高级")
    assert all(r.kind != "derived" for level in tiny.levels for r in results(tiny, level))
    got = triples(tiny, "副高级", include_derived=True)
    assert ("out", "ws.w1", "derived", ("t4-derived-w1",)) in got


def test_derived_taints_the_chain(tiny):
    # 高级工程师 counts as 副高级, which is derived-equal to 技术工一级: the chain is derived
    got = triples(tiny, "高级工程师", include_derived=True)
    assert ("out", "ws.w1", "derived", ("en-tier-4", "t4-derived-w1")) in got
    for r in results(tiny, "高级工程师", include_derived=True):
        if any(tiny.rules[rid].kind == "derived" for rid in r.chain):
            assert r.kind == "derived"
    assert "ws.w1" not in reached(tiny, "高级工程师")


def test_bidirectional_counts_as_works_both_ways(tiny):
    assert ("out", "tt.t3", "counts_as", ("en-tier-3",)) in triples(tiny, "工程师")
    assert ("out", "en.e3", "counts_as", ("en-tier-3",)) in triples(tiny, "中级")
    [r] = [r for r in results(tiny, "中级", direction="out") if r.chain == ("en-tier-3",)]
    assert r.links[0].reversed is True
    # a one-way counts_as is one way
    assert ("out", "tt.t2", "counts_as", ("en-tier-2",)) in triples(tiny, "助理工程师")
    assert not [r for r in results(tiny, "助理级", direction="out") if r.chain == ("en-tier-2",)]


def test_bidirectional_derived_works_both_ways(tiny):
    assert ("out", "tt.t4", "derived", ("t4-derived-w1",)) in triples(tiny, "技术工一级", include_derived=True)
    assert ("out", "ws.w1", "derived", ("t4-derived-w1",)) in triples(tiny, "副高级", include_derived=True)


def test_as_of_excludes_rules_not_yet_in_force(tiny):
    # s1-apply-e1 cites a source in force from 2020
    assert "en.e1" in reached(tiny, "初级工")
    assert "en.e1" in reached(tiny, "初级工", as_of="2020-01-01")
    assert "en.e1" not in reached(tiny, "初级工", as_of="2019-12-31")
    # bridge-s4-e3 cites a source in force from 2015
    assert "en.e3" not in reached(tiny, "技师", as_of="2014-06-01", kinds=["apply"])
    assert "en.e3" in reached(tiny, "技师", as_of="2015-01-01", kinds=["apply"])


def test_as_of_excludes_rules_no_longer_in_force(tiny):
    assert "tt.t1" in reached(tiny, "初级工", as_of="2015-12-31")
    assert "tt.t1" not in reached(tiny, "初级工", as_of="2016-01-01")


def test_as_of_before_everything(tiny):
    assert all(not results(tiny, level, as_of="2000-01-01", include_derived=True) for level in tiny.levels)


def test_chain_and_links_are_real_rules(tiny):
    for level in tiny.levels:
        for r in results(tiny, level, include_derived=True):
            assert r.chain and all(rid in tiny.rules for rid in r.chain)
            assert tuple(link.rule for link in r.links) == r.chain
            assert tuple(s.rule for s in r.sources) == r.chain
            for link in r.links:
                rule = tiny.rules[link.rule]
                assert link.kind == rule.kind
                if link.reversed:
                    assert rule.bidirectional
                    assert link.from_ in rule.to and link.to == rule.from_
                else:
                    assert link.from_ == rule.from_ and link.to in rule.to
            # the links join up, from one end of the chain to the other
            ends = [r.level.id, level] if r.direction == "in" else [level, r.level.id]
            assert r.links[0].from_ == ends[0] and r.links[-1].to == ends[1]
            for a, b in zip(r.links, r.links[1:]):
                assert a.to == b.from_


def test_confidence_is_the_minimum_along_the_chain(tiny):
    order = {"low": 0, "medium": 1, "high": 2}
    for level in tiny.levels:
        for r in results(tiny, level, include_derived=True):
            assert r.confidence == min((tiny.rules[rid].confidence for rid in r.chain), key=order.get)
    [r] = [r for r in results(tiny, "技师") if r.chain == ("bridge-s4-e3", "en-tier-3")]
    assert r.confidence == "medium"  # medium (secondary) + high (official)
    [r] = [r for r in results(tiny, "初级工") if r.chain == ("s1-apply-e1",)]
    assert r.confidence == "low"  # unverified source
    [r] = [r for r in results(tiny, "中级工") if r.chain == ("s2-apply-e1",)]
    assert r.confidence == "medium"  # lowered by the rule


def test_effective_dates_of_a_chain(tiny):
    [r] = [r for r in results(tiny, "技师") if r.chain == ("bridge-s4-e3", "en-tier-3")]
    assert r.effective_from == "2015-01-01"  # the latest start
    assert r.effective_until is None


def test_no_result_on_the_start_ladder(tiny):
    for level, lev in tiny.levels.items():
        for r in results(tiny, level, include_derived=True):
            assert r.level.ladder != lev.ladder


def test_filters(tiny):
    assert {r.level.ladder for r in results(tiny, "技师", to=["工程技术"])} == {"en"}
    assert {r.level.ladder for r in results(tiny, "技师", to=["en", "ws"])} == {"en", "ws"}
    assert {r.kind for r in results(tiny, "技师", kinds=["apply"])} == {"apply"}
    for r in results(tiny, "技师", purpose="appoint"):
        assert not r.purposes or "appoint" in r.purposes
    assert ("out", "ws.w1", "post", ("s4-post-ws",)) in triples(tiny, "技师", purpose="appoint")
    assert "en.e3" not in {r.level.id for r in results(tiny, "技师", purpose="appoint", kinds=["apply"])}


def test_lang(tiny):
    out = find_equivalents(tiny, "技师", lang="en")
    assert out.level.name == "Technician"
    assert "Engineer" in {r.level.name for r in out.results}


def test_errors(tiny):
    with pytest.raises(UnknownLevelError):
        find_equivalents(tiny, "nothing")
    with pytest.raises(AmbiguousLevelError):
        find_equivalents(tiny, "一级")
    with pytest.raises(UnknownLadderError):
        find_equivalents(tiny, "技师", to=["nowhere"])
    with pytest.raises(EquivalenceError, match="unknown purpose 'fun'"):
        find_equivalents(tiny, "技师", purpose="fun")


def test_deterministic(tiny):
    for level in tiny.levels:
        for kw in ({}, {"include_derived": True}, {"as_of": "2021-01-01"}):
            assert find_equivalents(tiny, level, **kw) == find_equivalents(tiny, level, **kw)


def test_deterministic_across_loads(tiny_dir):
    from equivalence.registry import Registry

    a = Registry.load(tiny_dir, use_cache=False)
    b = Registry.load(tiny_dir)  # through the cache
    for level in a.levels:
        assert find_equivalents(a, level, include_derived=True) == find_equivalents(b, level, include_derived=True)
