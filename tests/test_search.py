"""Search over the shipped names: ranking (exact name, alias, pinyin, fuzzy), code prefixes, filters,
the ``search`` command in every format, the "did you mean" of unknown names, and lookups that pass
through a series or an occupation."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import SHIPPED
from equivalence.cli import cli
from equivalence.errors import UnknownLevelError
from equivalence.search import search

MATCH_ORDER = ["name", "alias", "pinyin", "fuzzy"]


def run(runner, *args):
    return runner.invoke(cli, ["--mappings", str(SHIPPED), *args])


def first(real, text, **kw):
    hits = search(real, text, **kw)
    assert hits, text
    return hits[0]


# -- ranking ------------------------------------------------------------------------------------

def test_exact_name_first(real):
    hit = first(real, "高级工程师")
    assert (hit["id"], hit["match"], hit["score"]) == ("eng.associate_senior", "name", 100)
    assert hit["kind"] == "title" and hit["context"] == "工程技术"


def test_alias(real):
    # GB/T 8561-2001's old name
    hit = first(real, "教授级高级工程师")
    assert (hit["id"], hit["match"], hit["score"]) == ("eng.full_senior", "alias", 90)


@pytest.mark.parametrize("text, match", [("gjgcs", "initials"), ("gaojigongchengshi", "pinyin"),
                                         ("GJGCS", "initials"), ("gao ji gong cheng shi", "pinyin")])
def test_pinyin(real, text, match):
    hit = first(real, text)
    assert (hit["id"], hit["name"], hit["match"]) == ("eng.associate_senior", "高级工程师", match)


def test_fuzzy(real):
    hits = search(real, "高级工程帅")
    assert hits[0]["id"] == "eng.associate_senior"
    assert all(h["match"] == "fuzzy" and h["score"] < 40 for h in hits)


def test_match_kinds_rank_name_alias_pinyin_fuzzy(real):
    scores = {}
    for text, match in [("高级工程师", "name"), ("教授级高级工程师", "alias"), ("gaojigongchengshi", "pinyin"),
                        ("高级工程帅", "fuzzy")]:
        hit = first(real, text)
        assert hit["match"] == match, text
        scores[match] = hit["score"]
    assert [scores[m] for m in MATCH_ORDER] == sorted(scores.values(), reverse=True)
    assert len(set(scores.values())) == 4


@pytest.mark.parametrize("text", ["高级工程师", "工程师", "gjgcs", "电工", "建造师", "6-31", "会计", "高级工程帅"])
def test_results_are_ranked_best_first(real, text):
    scores = [h["score"] for h in search(real, text, limit=50)]
    assert scores == sorted(scores, reverse=True)


def test_title_by_name_reaches_its_tier_series(real):
    hit = first(real, "会计师")
    assert (hit["id"], hit["context"]) == ("accounting.intermediate", "会计")
    hit = first(real, "主治医师")
    assert hit["match"] == "name" and real.levels[hit["id"]].ladder.startswith("health")


def test_code_prefix_gives_the_group_then_its_occupations(real, occupations=None):
    hits = search(real, "6-31-01", limit=100)
    assert (hits[0]["id"], hits[0]["name"], hits[0]["score"]) == ("6-31-01", "机械设备修理人员", 100)
    rest = hits[1:]
    children = sorted(c for c, o in real.catalogue["occupations"].items() if o["parent"] == "6-31-01")
    assert [h["id"] for h in rest] == children  # in code order
    assert all(h["kind"] == "occupation" and h["match"] == "code" for h in rest)
    assert "6-31-01-03" in children and next(h for h in rest if h["id"] == "6-31-01-03")["name"] == "电工"


def test_an_occupation_by_name(real):
    hit = first(real, "电工")
    assert (hit["kind"], hit["id"], hit["match"]) == ("occupation", "6-31-01-03", "name")


def test_a_qualification_item_and_its_ladder(real):
    hits = search(real, "建造师", limit=5)
    ids = [h["id"] for h in hits]
    assert "qualification:constructor" in ids
    assert all(h["kind"] == "qualification" for h in hits[:2])


def test_kind_filter(real):
    for kind, text in (("level", "技师"), ("title", "技师"), ("qualification", "工程师"), ("occupation", "技师")):
        hits = search(real, text, kinds=[kind], limit=20)
        assert hits and {h["kind"] for h in hits} == {kind}, kind
    assert first(real, "技师", kinds=["level"])["id"] == "skill.technician"
    both = search(real, "电工", kinds=["occupation", "title"], limit=50)
    assert {h["kind"] for h in both} <= {"occupation", "title"}


def test_limit(real):
    assert len(search(real, "工程", limit=3)) == 3
    assert len(search(real, "工程", limit=1)) == 1
    assert len(search(real, "工程", limit=40)) == 40
    assert search(real, "工程", limit=3) == search(real, "工程", limit=40)[:3]
    assert len(search(real, "工程")) == 10  # the default


def test_deterministic(real):
    for text in ("工程师", "gjgcs", "6-31", "高级工程帅"):
        assert search(real, text, limit=30) == search(real, text, limit=30)


def test_nothing(real):
    assert search(real, "") == [] and search(real, "   ") == []
    assert search(real, "xqzvkw") == []


# -- the search command -------------------------------------------------------------------------

def test_search_table(runner):
    result = run(runner, "search", "gjgcs")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["类别", "编号", "名称", "所属", "匹配", "得分"]
    assert lines[2].split() == ["职称", "eng.associate_senior", "高级工程师", "工程技术", "拼音首字母", "68"]
    en = run(runner, "search", "gjgcs", "--lang", "en").stdout.splitlines()
    assert en[2].split() == ["title", "eng.associate_senior", "Senior", "engineer",
                             "Engineering", "technology", "initials", "68"]


def test_search_json(runner):
    result = run(runner, "search", "教授级高级工程师", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == "教授级高级工程师"
    assert data["results"][0] == {"kind": "title", "id": "eng.full_senior", "name": "正高级工程师",
                                  "context": "工程技术", "score": 90, "match": "alias"}


def test_search_csv(runner):
    result = run(runner, "search", "6-31-01", "--kind", "occupation", "--limit", "3", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["kind", "id", "name", "context", "match", "score"]  # data: the same whatever --lang
    assert [r[1] for r in rows[1:]] == ["6-31-01", "6-31-01-01", "6-31-01-02"]


def test_search_english_headers(runner):
    result = run(runner, "search", "gjgcs", "--lang", "en", "--format", "csv")
    assert result.stdout.splitlines()[0] == "kind,id,name,context,match,score"


def test_search_options(runner):
    result = run(runner, "search", "工程师", "--kind", "qualification", "--limit", "4", "--format", "json")
    hits = json.loads(result.stdout)["results"]
    assert len(hits) == 4 and {h["kind"] for h in hits} == {"qualification"}
    assert run(runner, "search", "工程师", "--kind", "nope").exit_code == 2
    assert run(runner, "search", "工程师", "--limit", "0").exit_code == 2


def test_search_no_match(runner):
    result = run(runner, "search", "xqzvkw")
    assert result.exit_code == 0 and result.stdout.strip() == "没有匹配"
    result = run(runner, "search", "xqzvkw", "--lang", "en")
    assert result.stdout.strip() == "no match"
    result = run(runner, "search", "xqzvkw", "--format", "json")
    assert json.loads(result.stdout) == {"schema_version": "1.1", "query": "xqzvkw", "results": []}


# -- "did you mean" through the same matcher ------------------------------------------------------

def test_unknown_level_suggests_through_the_matcher(real):
    assert real.suggest("gjgcs")[0] == "高级工程师"
    with pytest.raises(UnknownLevelError) as info:
        real.level("gjgcs")
    assert info.value.suggestions[0] == "高级工程师"
    with pytest.raises(UnknownLevelError) as info:
        real.level("高级工程帅")
    assert info.value.suggestions[0] == "高级工程师"


def test_unknown_level_message_in_the_cli(runner):
    result = run(runner, "lookup", "gjgcs", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: unknown level 'gjgcs'; did you mean: 高级工程师?"
    assert run(runner, "lookup", "gjgcs").stderr.strip() == "Error: 未知等级 'gjgcs'；是否想找：高级工程师？"


def test_suggestions_are_levels_only(real):
    # the matcher finds occupations too, but a level name is what the error asks for
    for name in real.suggest("电工程师"):
        assert real.candidates(name) or ":" in name


# -- lookups through a series or an occupation ----------------------------------------------------

def test_lookup_through_a_series_reaches_the_tier(runner):
    result = run(runner, "lookup", "会计师", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["level"] == {"id": "accounting.intermediate", "ladder": "accounting", "name": "会计师"}
    tier = [r for r in data["results"] if r["level"]["id"] == "tier.intermediate"]
    assert tier and tier[0]["kind"] == "counts_as" and tier[0]["level"]["name"] == "中级"


def test_lookup_through_an_occupation(runner):
    result = run(runner, "lookup", "电工:技师", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["level"]["id"] == "skill.technician"
    assert data["level"]["occupation"] == {"code": "6-31-01-03", "name": "电工"}
    plain = json.loads(run(runner, "lookup", "技师", "--format", "json").stdout)
    assert "occupation" not in plain["level"]
    assert data["results"] == plain["results"]


def test_lookup_through_an_occupation_table_title(runner):
    result = run(runner, "lookup", "6-31-01-03:高级工")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("高级工 (职业技能等级, skill.senior) · 电工 6-31-01-03")
