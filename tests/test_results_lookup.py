"""The typed answers of lookup, routes-into and compare (equivalence.results): what api returns,
immutable, and serialised by to_json() to the shapes of the shipped schemas."""

from __future__ import annotations

import pytest

from equivalence import api
from equivalence.contract import stamped
from equivalence.lookup import find_equivalents, routes_into
from equivalence.results import (Basis, Cite, Comparison, Equivalent, Equivalents, LevelName, Link, Occupation,
                                 RouteIn, RoutesInto)
from equivalence.schemas import models

LOOKUPS = [("技师", {}), ("电工:技师", {"to": ["工程技术"]}), ("副高级", {"include_derived": True}),
           ("专业技术岗位:九级", {"lang": "en"}), ("工勤技能岗位:一级", {"direction": "in"})]
COMPARES = [("特级技师", "高级工程师", {}), ("技师", "工程师", {}), ("高级技师", "技师", {}), ("二级科员", "技术员", {}),
            ("专业技术岗位:五级", "副高级", {"include_derived": True})]
ROUTES = [("高级工程师", {}), ("工程师", {"include_derived": True, "lang": "en"}), ("首席技师", {})]


def validate(model, data) -> None:
    model.model_validate(data, strict=True)


@pytest.mark.parametrize("level,options", LOOKUPS)
def test_lookup_is_typed_and_its_json_is_the_schema(real, level, options):
    answer = api.lookup(real, level, **options)
    assert isinstance(answer, Equivalents) and isinstance(answer.level, LevelName)
    assert answer.results
    validate(models.Lookup, stamped(answer.to_json()))
    validate(models.LookupLevel, answer.level.to_json())
    for r in answer.results:
        assert isinstance(r, Equivalent) and isinstance(r.level, LevelName)
        assert all(isinstance(link, Link) for link in r.links) and all(isinstance(s, Cite) for s in r.sources)
        validate(models.LookupResult, r.to_json())
        validate(models.Level, r.level.to_json())
        for link in r.links:
            validate(models.Link, link.to_json())
        for cite in r.sources:
            validate(models.Cite, cite.to_json())
        for cond in r.conditions:
            validate(models.Conditions, cond.to_json())


def test_lookup_names_the_occupation_inside_level(real):
    answer = api.lookup(real, "电工:技师", to=["工程技术"])
    assert answer.occupation == Occupation(code="6-31-01-03", name="电工")
    validate(models.Occupation, answer.occupation.to_json())
    assert answer.to_json()["level"] == {"id": "skill.technician", "ladder": "skill", "name": "技师",
                                         "occupation": {"code": "6-31-01-03", "name": "电工"}}
    plain = api.lookup(real, "技师", to=["工程技术"])
    assert plain.occupation is None
    assert plain.to_json()["level"] == {"id": "skill.technician", "ladder": "skill", "name": "技师"}
    assert plain.results == answer.results  # the answer is the grade's


@pytest.mark.parametrize("a,b,options", COMPARES)
def test_compare_is_typed_and_its_json_is_the_schema(real, a, b, options):
    answer = api.compare(real, a, b, **options)
    assert isinstance(answer, Comparison)
    validate(models.Compare, stamped(answer.to_json()))
    for basis in answer.bases:
        assert isinstance(basis, Basis) and all(isinstance(x, LevelName) for x in basis.a + basis.b)
        validate(models.Basis, basis.to_json())


@pytest.mark.parametrize("target,options", ROUTES)
def test_routes_into_is_typed_and_its_json_is_the_schema(real, target, options):
    answer = api.routes_into(real, target, **options)
    assert isinstance(answer, RoutesInto) and len(answer.target) == 1
    validate(models.RoutesInto, stamped(answer.to_json()))
    assert answer.routes
    for route in answer.routes:
        assert isinstance(route, RouteIn) and all(isinstance(s, Cite) for s in route.sources)
        validate(models.Route, route.to_json())


def test_a_route_in_serialises_exactly(tiny):
    [route] = [r for r in routes_into(tiny, "en.e3") if r.rule == "bridge-s4-e3"]
    assert route.from_ == LevelName(id="sk.s4", ladder="sk", name="技师")
    assert route.to_json() == {
        "from": {"id": "sk.s4", "ladder": "sk", "name": "技师"}, "rule": "bridge-s4-e3", "kind": "apply",
        "grants": True,  # the default: a rule grants its level
        "conditions": {"rule": "bridge-s4-e3", "years_in_from": 3, "same_specialty": True, "other": ["通过考评"]},
        "purposes": ["review"], "confidence": "medium",
        "sources": [{"rule": "bridge-s4-e3", "source": "src-sec", "title": "转载文件", "doc_no": "测发〔2015〕2号",
                     "status": "secondary", "article": "第二条", "quote": "转载原文", "layer": "national",
                     "jurisdiction": "CN"}]}


def test_an_equivalent_serialises_exactly(tiny):
    [r] = [r for r in find_equivalents(tiny, "中级", direction="out").results if r.chain == ("en-tier-3",)]
    assert list(r.to_json()) == ["direction", "level", "kind", "purposes", "conditions", "chain", "links", "sources",
                                 "confidence", "effective_from", "effective_until"]
    assert r.to_json()["links"] == [{"rule": "en-tier-3", "kind": "counts_as", "from": "tt.t3", "to": "en.e3",
                                     "reversed": True}]
    assert r.to_json()["chain"] == ["en-tier-3"] and r.to_json()["purposes"] == []


def test_results_are_immutable(real, tiny):
    answer = api.lookup(real, "技师")
    comparison = api.compare(real, "技师", "工程师")
    routes = api.routes_into(real, "工程师")
    for result, field in ((answer, "results"), (answer.results[0], "kind"), (answer.results[0].links[0], "rule"),
                          (answer.results[0].sources[0], "quote"), (answer.level, "name"), (comparison, "verdict"),
                          (comparison.bases[0], "verdict"), (routes, "routes"), (routes.routes[0], "rule")):
        with pytest.raises(AttributeError):
            setattr(result, field, None)
    with pytest.raises(TypeError):
        answer.results[0].chain[0] = "x"  # nested sequences are tuples


def test_api_and_library_give_the_same_typed_answers(real):
    assert api.lookup(real, "技师", to=["工程技术"]) == find_equivalents(real, "技师", to=["工程技术"])
    assert api.routes_into(real, "工程师").routes == routes_into(real, real.level("工程师").ref)


def test_the_written_out_to_json_methods_say_what_the_generic_one_says():
    """LevelName, Cite, Link and Equivalent write their JSON out by hand (for speed); field for field
    it is what the generic conversion of their fields gives."""
    from equivalence import api
    from equivalence.registry import Registry
    from equivalence.results import _to_json

    reg = Registry.load()
    for name in ("技师", "高级工程师", "专业技术岗位:九级", "一级建造师"):
        for r in api.lookup(reg, name, include_derived=True).results:
            for item in (r, r.level, *r.links, *r.sources):
                assert item.to_json() == _to_json(item), item
                assert list(item.to_json()) == list(_to_json(item))  # the same key order too
