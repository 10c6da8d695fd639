"""Name resolution: ids, refs, names, aliases, LADDER:LEVEL, ambiguity and suggestions."""

from __future__ import annotations

import pytest

from equivalence.errors import AmbiguousLevelError, UnknownLadderError, UnknownLevelError
from equivalence.names import closest, normalize, strip_qualifier


@pytest.mark.parametrize("name, ref", [
    ("sk.s3", "sk.s3"),            # ref
    ("SK.S3", "sk.s3"),            # case folds
    ("s3", "sk.s3"),               # level id, unique in the folder
    ("高级工", "sk.s3"),            # zh
    ("Senior worker", "sk.s3"),    # en
    ("senior  worker", "sk.s3"),   # spaces and case fold
    ("三级", "sk.s3"),              # alias
    ("三 级", "sk.s3"),             # a space inside
    (" 三级 ", "sk.s3"),
    ("三级/高级工", "sk.s3"),
    ("三级／高级工", "sk.s3"),       # full-width slash
    ("技师", "sk.s4"),
    ("技师（卫生）", "hl.h2"),       # full-width brackets
    ("技师(卫生)", "hl.h2"),         # ASCII brackets
    ("技师 (卫生)", "hl.h2"),
    ("ｓｋ．ｓ３", "sk.s3"),          # full-width ASCII
    ("工程师", "en.e3"),
    ("副高", "tt.t4"),
])
def test_resolves(tiny, name, ref):
    assert tiny.level(name).ref == ref
    assert tiny.get_level(name).ref == ref


@pytest.mark.parametrize("name, ref", [
    ("工勤技能岗位:一级", "ws.w1"),       # ladder by zh name
    ("工勤技能岗位：一级", "ws.w1"),      # full-width colon
    ("ws:一级", "ws.w1"),                # ladder by id
    ("ws:w1", "ws.w1"),                  # level by id
    ("ws:技术工一级", "ws.w1"),
    ("Skilled worker posts:一级", "ws.w1"),   # ladder by en name
    ("专业技术岗位:一级", "pt.p1"),
    ("专业技术岗位 ： 一级", "pt.p1"),
    ("sk:三级", "sk.s3"),
    ("职业技能等级:技师", "sk.s4"),
    ("卫生技术（技术）:技师（卫生）", "hl.h2"),
    ("卫生技术(技术):技师(卫生)", "hl.h2"),
    ("卫生技术（技术）:技师", "hl.h2"),    # the bracket qualifier is dropped once the ladder is named
    ("卫生技术:技师", "hl.h2"),            # ... of the ladder's name, too
    ("hl:技师", "hl.h2"),
])
def test_qualified_names(tiny, name, ref):
    assert tiny.level(name).ref == ref


def test_ambiguous_name_lists_qualified_candidates(tiny):
    with pytest.raises(AmbiguousLevelError) as info:
        tiny.level("一级")
    err = info.value
    assert err.name == "一级"
    assert sorted(err.candidates) == ["专业技术岗位:专业技术一级", "工勤技能岗位:技术工一级"]
    assert str(err) == ("'一级' is ambiguous; name the ladder: " + ", ".join(err.candidates))
    assert tiny.get_level("一级") is None
    # every candidate resolves
    assert {tiny.level(c).ref for c in err.candidates} == {"pt.p1", "ws.w1"}


def test_ambiguous_is_a_lookup_error(tiny):
    with pytest.raises(LookupError):
        tiny.level("一 级")


def test_unknown_name_suggests(tiny):
    with pytest.raises(UnknownLevelError) as info:
        tiny.level("高级")
    err = info.value
    assert err.name == "高级"
    assert "高级工" in err.suggestions
    assert str(err).startswith("unknown level '高级'; did you mean: ")
    assert tiny.get_level("高级") is None


def test_unknown_name_with_a_typo_suggests(tiny):
    with pytest.raises(UnknownLevelError) as info:
        tiny.level("助理工程")
    assert "助理工程师" in info.value.suggestions


def test_unknown_name_without_suggestions(tiny):
    with pytest.raises(UnknownLevelError) as info:
        tiny.level("zzzzqqq")
    assert info.value.suggestions == []
    assert str(info.value) == "unknown level 'zzzzqqq'"


def test_unknown_level_in_a_named_ladder(tiny):
    with pytest.raises(UnknownLevelError) as info:
        tiny.level("工勤技能岗位:三级")
    assert "in ladder 工勤技能岗位" in str(info.value)
    assert tiny.get_level("工勤技能岗位:三级") is None


def test_unknown_ladder(tiny):
    with pytest.raises(UnknownLadderError) as info:
        tiny.level("工勤岗位:一级")
    assert "工勤技能岗位:一级" in info.value.suggestions  # the ladder, written with the level asked for
    assert tiny.get_level("工勤岗位:一级") is None
    assert tiny.get_ladder("工勤岗位") is None


def test_ladders_by_id_zh_en(tiny):
    assert tiny.ladder("ws").id == "ws"
    assert tiny.ladder("工勤技能岗位").id == "ws"
    assert tiny.ladder("skilled worker posts").id == "ws"
    assert tiny.ladder("卫生技术").id == "hl"
    assert [lev.ref for lev in tiny.levels_of("职业技能等级")] == ["sk.s1", "sk.s2", "sk.s3", "sk.s4"]


def test_get_level_returns_none(tiny):
    assert tiny.get_level("nothing") is None
    assert tiny.get_level("") is None
    assert tiny.get_level(":") is None


def test_qualified_is_resolvable(tiny):
    for ref in tiny.levels:
        assert tiny.level(tiny.qualified(ref)).ref == ref


def test_every_name_resolves_or_is_ambiguous(tiny):
    for ref, lev in tiny.levels.items():
        for name in (lev.zh, lev.en, *lev.aliases):
            found = tiny.candidates(name)
            assert ref in found


def test_normalize():
    assert normalize("技师 （卫生）") == "技师(卫生)"
    assert normalize("Ａ Ｂ") == "ab"
    assert strip_qualifier(normalize("讲师（高校）")) == "讲师"
    assert strip_qualifier("讲师") == "讲师"


def test_closest():
    shown = {normalize(n): n for n in ("高级工", "中级工", "技师")}
    assert closest("高级", shown)[0] == "高级工"
    assert closest("", shown) == []
