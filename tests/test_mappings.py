"""Data-driven tests over the shipped mappings: they validate, cite, connect, and state key facts."""

from __future__ import annotations

import networkx as nx
import pytest

from equivalence.errors import AmbiguousLevelError

from conftest import REPO, SHIPPED
from equivalence.cli import cli
from equivalence.lookup import find_equivalents
from equivalence.models import CONFIDENCE_OF_STATUS, CONFIDENCE_ORDER

DOC_96 = "人社部发〔2020〕96号"


def test_validate_passes(runner):
    args = ["validate"] if SHIPPED == REPO / "mappings" else ["validate", str(SHIPPED)]
    result = runner.invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: ")


def test_every_rule_cites_a_known_source(real):
    for rule in real.rules.values():
        assert rule.cite, rule.id
        for cite in rule.cite:
            assert cite.source in real.sources, (rule.id, cite.source)
            assert cite.article.strip(), rule.id
            assert cite.quote.strip() or rule.note, rule.id  # no wording seen: the note says why


def test_every_ladder_and_level_citation_is_known(real):
    for lad in real.ladders.values():
        if lad.cite:
            assert lad.cite.source in real.sources, lad.id
    for lev in real.levels.values():
        if lev.cite:
            assert lev.cite.source in real.sources, lev.ref


def test_every_source_has_title_issuer_status(real):
    assert real.sources
    for src in real.sources.values():
        assert src.title.strip(), src.id
        assert src.issuer.strip(), src.id
        assert src.status in ("official", "secondary", "unverified"), src.id
        assert src.effective_from, src.id


def test_confidence_never_above_the_primary_source(real):
    for rule in real.rules.values():
        allowed = CONFIDENCE_OF_STATUS[real.sources[rule.cite[0].source].status]
        assert CONFIDENCE_ORDER[rule.confidence] <= CONFIDENCE_ORDER[allowed], rule.id


def test_every_purpose_is_known(real):
    for rule in real.rules.values():
        assert set(rule.purposes) <= set(real.purposes), rule.id


def test_no_promotion_cycles(real):
    graph = nx.DiGraph()
    for rule in real.rules.values():
        if rule.kind == "promotion" and rule.from_:
            for target in rule.to:
                graph.add_edge(rule.from_, target)
    assert list(nx.simple_cycles(graph)) == []


def test_promotions_go_up_inside_one_ladder(real):
    for rule in real.rules.values():
        if rule.kind == "promotion" and rule.from_:
            source = real.levels[rule.from_]
            for target in rule.to:
                assert real.levels[target].ladder == source.ladder, rule.id
                assert real.levels[target].rank > source.rank, rule.id


def test_every_level_is_reachable_on_ladders_with_promotion_rules(real):
    # Where the documents give a promotion chain (skill grades, engineering titles, 工勤 posts,
    # 职级), every level above the lowest must be reachable by a rule that grants it: no gaps.
    promoted = {real.levels[r.from_].ladder for r in real.rules.values() if r.kind == "promotion" and r.from_}
    assert {"skill", "eng", "post_skill", "cs_grade"} <= promoted
    entered = set()
    for rule in real.rules.values():
        if rule.grants:
            entered.update(rule.to)
    gaps = [ref for lid in sorted(promoted) for ref in real.ladders[lid].levels[1:] if ref not in entered]
    assert gaps == []


# Levels the documents list but no rule links to anything; each is a deliberate, explained gap.
EXPECTED_ORPHANS = {
    "cs_lead.state_chief",  # 国家级正职: no rule in the sources reaches or leaves it
    "cs_lead.state_deputy",  # 国家级副职: likewise
    "post_skill.general",  # 普通工: no grade, no rule (the 9.13 military scale is out of scope)
    "q_safety.senior",  # 高级注册安全工程师: no document seen maps it to a title
    # 级别 一至七级: only the ranges of 厅局级 and below were seen (省部级 and up: not in the documents)
    *(f"cs_level.l{n}" for n in range(1, 8)),
    # education below every minimum the rules set (given by workers, required by no rule)
    "edu.primary", "edu.junior_secondary", "edu.senior_secondary",
    # old 非领导职务 whose 2019 conversion no text seen states
    *(f"cs_nonlead.{x}" for x in ("clerk", "staff", "deputy_principal", "researcher", "deputy_inspector", "inspector")),
}


def test_no_level_is_left_unlinked(real):
    used = set()
    for rule in real.rules.values():
        used.update(rule.to)
        used.update(q.level for q in rule.conditions.also_holds)
        used.update(x for x in (rule.from_, rule.conditions.education) if x)
    assert set(real.levels) - used == EXPECTED_ORPHANS


def test_every_ladder_is_linked_to_another(real):
    linked = set()
    for rule in real.rules.values():
        ladders = {real.levels[t].ladder for t in rule.to}
        if rule.from_:
            ladders.add(real.levels[rule.from_].ladder)
        if len(ladders) > 1:
            linked |= ladders
    assert sorted(set(real.ladders) - linked) == []


# -- shape tripwires ----------------------------------------------------------------------------

SKILL = ["学徒工", "初级工", "中级工", "高级工", "技师", "高级技师", "特级技师", "首席技师"]


def test_skill_ladder_has_the_eight_levels_in_order(real):
    assert [lev.zh for lev in real.levels_of("skill")] == SKILL
    assert real.ladders["skill"].kind == "skill_grade"


@pytest.mark.parametrize("alias, zh", [("五级", "初级工"), ("四级", "中级工"), ("三级", "高级工"),
                                       ("二级", "技师"), ("一级", "高级技师")])
def test_skill_aliases(real, alias, zh):
    assert real.level(f"职业技能等级:{alias}").zh == zh
    assert real.level(f"skill:{alias}").zh == zh


@pytest.mark.parametrize("ladder, kind, count", [
    ("tier", "title_tier", 5),
    ("post_tech", "institution_technical_post", 13),
    ("post_mgmt", "institution_management_post", 10),
    ("post_skill", "institution_skilled_worker_post", 6),
    ("cs_grade", "civil_service_grade", 12),
    ("cs_lead", "civil_service_leadership", 10),
])
def test_ladder_shapes(real, ladder, kind, count):
    assert ladder in real.ladders
    assert real.ladders[ladder].kind == kind
    assert len(real.ladders[ladder].levels) == count


def test_tier_order(real):
    assert [lev.zh for lev in real.levels_of("tier")] == ["员级", "助理级", "中级", "副高级", "正高级"]


def test_ranks_strictly_increase(real):
    for lad in real.ladders.values():
        ranks = [real.levels[r].rank for r in lad.levels]
        assert ranks == sorted(set(ranks)), lad.id


# -- key national facts ---------------------------------------------------------------------------

def test_sanji_is_ambiguous_and_resolves_when_qualified(real):
    # 三级 is a skill grade, a 专业技术 / 管理 / 工勤 post level: the issue asks for a qualified name.
    with pytest.raises(AmbiguousLevelError) as caught:
        real.level("三级")
    assert "职业技能等级:高级工" in str(caught.value)
    assert real.level("职业技能等级:三级").ref == "skill.senior"
    assert real.level("三级/高级工").ref == "skill.senior"
    assert real.level("工勤技能岗位:三级").ref == "post_skill.w3"


def test_jishi_is_the_skill_grade(real):
    assert real.level("技师").ref == "skill.technician"
    assert real.levels[real.level("技师").ref].ladder == "skill"


def test_qualified_names_resolve(real):
    assert real.level("工勤技能岗位:一级").ladder == "post_skill"
    assert real.level("工勤技能岗位：一级").ladder == "post_skill"
    assert real.level("专业技术岗位:九级").ladder == "post_tech"


def test_technician_may_apply_for_engineer_under_the_2018_pilot_kept_by_96(real):
    # 工程 keeps the 2018 pilot's 3 years (96号 widened the series, stated no years, ended nothing)
    answer = find_equivalents(real, "技师")
    hits = [r for r in answer.results
            if r.direction == "out" and r.kind == "apply" and r.level.name == "工程师"]
    assert [r.chain for r in hits] == [("bridge-pilot2018-technician-to-eng-intermediate",)]
    rule = real.rules["bridge-pilot2018-technician-to-eng-intermediate"]
    assert rule.conditions.years_in_from == 3 and rule.effective_until is None
    assert [c.source for c in rule.cite] == ["pilot-2018-eng", "sd-2020-16", "mohrss-2020-96"]


def test_special_technician_treated_as_full_senior(real):
    answer = find_equivalents(real, "特级技师")
    assert any(r.kind == "treated_as" and r.level.id == real.level("正高级").ref
               for r in answer.results)


def test_skilled_worker_post_one_from_senior_technician(real):
    post_one = real.level("工勤技能岗位:一级").ref
    senior_technician = real.level("高级技师").ref
    assert any(r.kind == "post" and post_one in r.to and r.from_ == senior_technician
               for r in real.rules.values())
    answer = find_equivalents(real, "工勤技能岗位:一级", direction="in")
    assert any(r.kind == "post" and r.level.id == senior_technician for r in answer.results)


def test_lookup_runs_on_every_level(real):
    for ref in real.levels:
        out = find_equivalents(real, ref)
        assert out.level.id == ref


def test_every_level_name_resolves_qualified(real):
    for ref in real.levels:
        assert real.level(real.qualified(ref)).ref == ref


def test_every_shipped_condition_in_words_is_bilingual():
    # national, every province and the example employer: each `other` item gives its English (a plain
    # string, Chinese only, is for layers written before the {zh, en} form), the same words for the
    # same Chinese everywhere
    from equivalence.index import available_layers
    from equivalence.registry import Registry

    regs = [Registry.load(region=x["id"]) for x in available_layers() if x["scope"] == "province"]
    regs.append(Registry.load(layers=[REPO / "mappings" / "examples" / "acme"]))
    english: dict[str, set] = {}
    for reg in regs:
        for rule in reg.rules.values():
            for item in rule.conditions.other:
                assert item.en and item.en != item.zh, (rule.id, item)
                english.setdefault(item.zh, set()).add(item.en)
    assert len(regs) == 11 and len(english) == 72
    assert {zh: en for zh, en in english.items() if len(en) > 1} == {}  # no Chinese wording said two ways
