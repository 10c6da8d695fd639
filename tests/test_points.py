"""积分晋级 (points), 破格 (honours) and 聘期制 (post terms): the arithmetic, the planner and the CLI.

Hand-made employer layers sit on the tiny national folder of conftest.py; the shipped example employer
(mappings/examples/acme) and the Guangdong layer are used end to end.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import SHIPPED, TINY_FILES, write_folder
from equivalence.cli import cli
from equivalence.eligibility import check_eligibility
from equivalence.errors import EquivalenceError, NoPromotionPathError
from equivalence.planner import find_path, from_t, solve, to_t
from equivalence.points import earliest_points, full_years, item_points, points_at
from equivalence.points_report import points_report
from equivalence.profile import build_profile
from equivalence.registry import Registry

ACME = SHIPPED / "examples" / "acme"
D = dt.date.fromisoformat


def t(day: str) -> int:
    return to_t(D(day))


# ------------------------------------------------------------------------------------ arithmetic

@pytest.mark.parametrize("start, end, years", [
    ("2020-01-31", "2021-01-30", 0),  # one day short of the anniversary
    ("2020-01-31", "2021-01-31", 1),
    ("2020-03-15", "2023-03-14", 2),
    ("2020-03-15", "2023-03-15", 3),
    ("2020-03-15", "2023-04-01", 3),
    ("2020-03-15", "2020-03-15", 0),
    ("2020-03-15", "2019-03-15", 0),  # end before start
    ("2020-12-31", "2021-12-31", 1),
    ("2020-12-31", "2021-12-30", 0),
])
def test_full_years(start, end, years):
    assert full_years(t(start), t(end)) == years


def item(basis, points, cap=None, since=None, id="x"):
    return {"id": id, "zh": id, "en": id, "basis": basis, "points": points, "cap": cap, "since": since}


def test_per_year_since_a_level_with_anniversaries_and_cap():
    it = item("per_year", 10, cap=25, since="a.l1")
    first = {"a.l1": t("2020-01-15")}
    assert item_points(it, t("2020-01-15"), first, t("2000-01-01"), {}) == 0
    assert item_points(it, t("2021-01-14"), first, t("2000-01-01"), {}) == 0
    assert item_points(it, t("2021-01-15"), first, t("2000-01-01"), {}) == 10
    assert item_points(it, t("2023-01-14"), first, t("2000-01-01"), {}) == 20
    assert item_points(it, t("2023-01-15"), first, t("2000-01-01"), {}) == 25  # 30, capped
    assert item_points(it, t("2019-12-31"), first, t("2000-01-01"), {}) == 0  # before it was held
    assert item_points(it, t("2030-01-01"), {}, t("2000-01-01"), {}) == 0  # never held


def test_per_year_without_since_counts_years_of_work():
    it = item("per_year", 10)
    assert item_points(it, t("2025-09-01"), {}, t("2022-09-01"), {}) == 30
    assert item_points(it, t("2025-08-31"), {}, t("2022-09-01"), {}) == 20


def test_fixed_only_while_since_is_held():
    it = item("fixed", 30, since="a.l2")
    first = {"a.l2": t("2023-03-01")}
    assert item_points(it, t("2023-02-28"), first, 0, {}) == 0
    assert item_points(it, t("2023-03-01"), first, 0, {}) == 30
    assert item_points(it, t("2040-03-01"), first, 0, {}) == 30  # once, not per year
    assert item_points(it, t("2040-03-01"), {}, 0, {}) == 0


def test_per_count_from_scores_with_cap():
    it = item("per_count", 15, cap=45, id="performance")
    assert item_points(it, t("2025-01-01"), {}, 0, {}) == 0
    assert item_points(it, t("2025-01-01"), {}, 0, {"performance": 2}) == 30
    assert item_points(it, t("2025-01-01"), {}, 0, {"performance": 5}) == 45
    assert item_points(it, t("2025-01-01"), {}, 0, {"other": 5}) == 0
    # a count does not depend on the date
    assert item_points(it, t("1990-01-01"), {}, 0, {"performance": 1}) == 15


SCHEME = {"id": "s", "zh": "积分", "en": "points", "items": [
    item("per_year", 10, cap=50, since="a.l1", id="post"),
    item("fixed", 30, since="a.l2", id="grade"),
    item("per_count", 20, cap=40, id="innovation"),
]}


def test_points_at_lists_every_item():
    first = {"a.l1": t("2020-03-15"), "a.l2": t("2021-06-01")}
    got = points_at(SCHEME, t("2023-03-15"), first, 0, {"innovation": 1})
    assert [(i["id"], p) for i, p in got] == [("post", 30.0), ("grade", 30.0), ("innovation", 20.0)]


def test_earliest_points_is_the_first_anniversary_that_reaches_the_need():
    first = {"a.l1": t("2020-03-15")}
    scores = {"innovation": 1}
    # 20 from the count, 10 per year since 2020-03-15: 50 on the third anniversary
    when = earliest_points(SCHEME, 50, t("2020-03-15"), first, 0, scores)
    assert from_t(when) == D("2023-03-15")
    total = lambda x: sum(p for _, p in points_at(SCHEME, x, first, 0, scores))  # noqa: E731
    assert total(when) >= 50 > total(t("2023-03-14"))
    # reached already: the start time itself
    assert earliest_points(SCHEME, 20, t("2020-06-01"), first, 0, scores) == t("2020-06-01")
    # not before t0
    assert earliest_points(SCHEME, 30, t("2024-01-01"), first, 0, scores) == t("2024-01-01")


def test_earliest_points_with_a_month_end_anniversary():
    first = {"a.l1": t("2020-01-31")}
    when = earliest_points(SCHEME, 10, t("2020-01-31"), first, 0, {})
    assert from_t(when) == D("2021-01-31")


def test_earliest_points_counts_a_fixed_item_from_its_level():
    first = {"a.l1": t("2020-03-15"), "a.l2": t("2020-09-10")}
    # 30 fixed from 2020-09-10 + 10 per year from 2020-03-15: 40 on 2021-03-15
    assert from_t(earliest_points(SCHEME, 40, t("2020-03-15"), first, 0, {})) == D("2021-03-15")
    # 30 fixed alone: on the day 高级工 (a.l2) is obtained
    assert from_t(earliest_points(SCHEME, 30, t("2020-03-15"), first, 0, {})) == D("2020-09-10")


def test_earliest_points_never():
    first = {"a.l1": t("2020-03-15")}
    # at most 50 (capped per year) + 40 (capped count); a.l2 never held
    assert earliest_points(SCHEME, 91, t("2020-03-15"), first, 0, {"innovation": 9}) is None
    assert earliest_points(SCHEME, 90, t("2020-03-15"), first, 0, {"innovation": 9}) == t("2025-03-15")


# ------------------------------------------------------------------------------------ a hand-made employer

CO_SOURCES = """\
sources:
  - {id: co-src, title: 公司办法, doc_no: "", issuer: 示例公司, published: 2020-01-01, effective_from: 2020-01-01, status: official}
"""
CO_LAYER = "layer:\n  id: co\n  zh: 示例公司\n  en: Co\n  scope: employer\n"
CO_LADDERS = """\
ladders:
  - id: co_s
    zh: 公司技能序列
    en: Company skill sequence
    kind: employer_sequence
    levels:
      - {id: c1, zh: 一级岗, en: C1, rank: 1}
      - {id: c2, zh: 二级岗, en: C2, rank: 2}
      - {id: c3, zh: 三级岗, en: C3, rank: 3, term_years: 2}
      - {id: c4, zh: 四级岗, en: C4, rank: 4}
"""
CITE = "cite: [{source: co-src, article: 第一条, quote: 公司原文}]"


def co_layer(tmp_path, *, need=50, c3_years=3, scheme_items=None):
    items = scheme_items or """\
      - {id: post, zh: 岗位价值, basis: per_year, points: 10, cap: 20, since: co_s.c1}
      - {id: grade, zh: 技能素质, basis: fixed, points: 30, since: sk.s2}
      - {id: innovation, zh: 创新成果, basis: per_count, points: 20, cap: 40}
"""
    points = "points_schemes:\n  - id: co-points\n    zh: 公司积分\n    en: Co points\n    items:\n" + items
    rules = (
        "rules:\n"
        f"  - {{id: co-c1-c2, kind: promotion, from: co_s.c1, to: co_s.c2, "
        f"conditions: {{points: {{scheme: co-points, at_least: {need}}}}}, {CITE}}}\n"
        f"  - {{id: co-c2-c3, kind: promotion, from: co_s.c2, to: co_s.c3, conditions: {{years_in_from: 1}}, {CITE}}}\n"
        f"  - {{id: co-c3-c4, kind: promotion, from: co_s.c3, to: co_s.c4, "
        f"conditions: {{years_in_from: {c3_years}, in_post: true}}, {CITE}}}\n"
    )
    nat = write_folder(tmp_path / "national", TINY_FILES)
    co = write_folder(tmp_path / "co", {"layer.yaml": CO_LAYER, "sources.yaml": CO_SOURCES,
                                        "ladders.yaml": CO_LADDERS, "points.yaml": points, "rules.yaml": rules})
    return Registry.load(nat, layers=[co], use_cache=False)


def test_a_step_waits_for_points(tmp_path):
    reg = co_layer(tmp_path)
    # 一级岗 from 2021-01-01: 10 per year (≤ 20); 初级工 since 2020: 中级工 (30 fixed) after 3 years, 2023-01-01
    prof = build_profile(reg, ["co_s.c1@2021-01-01", "sk.s1@2020-01-01"], as_of="2021-01-01")
    route = find_path(reg, prof, ["co_s.c2"])
    assert route.date == "2023-01-01"
    by_rule = {s.rule: s for s in route.steps}
    assert by_rule["co-c1-c2"].binding == "points"
    assert by_rule["co-c1-c2"].layer == "co"
    assert by_rule["co-c1-c2"].date == "2023-01-01"  # when 中级工 (sk-up-1, 3 years) adds the fixed 30
    # 20 points per year are capped: a 中级工 from the start reaches 50 after 2 years
    prof = build_profile(reg, ["co_s.c1@2021-01-01", "sk.s2@2020-01-01"], as_of="2021-01-01")
    assert find_path(reg, prof, ["co_s.c2"]).date == "2023-01-01"
    prof = build_profile(reg, ["co_s.c1@2021-01-01", "sk.s2@2020-01-01"], as_of="2021-01-01",
                         scores={"innovation": 1})
    assert find_path(reg, prof, ["co_s.c2"]).date == "2021-01-01"  # 0 + 30 + 20


def test_a_level_that_arrives_later_unblocks_the_points(tmp_path):
    reg = co_layer(tmp_path)
    prof = build_profile(reg, ["co_s.c1@2021-01-01", "sk.s1@2020-01-01"], as_of="2021-01-01")
    sol = solve(reg, prof, every_rule=True)
    assert from_t(sol.fired_t["co-c1-c2"]) == D("2023-01-01")
    # the first try (before 中级工) fell short; it must not be reported as never reached
    assert "co-c1-c2" not in sol.blocked


def test_points_never_reached_blocks_the_step(tmp_path):
    reg = co_layer(tmp_path, need=95)  # at most 20 + 30 + 40 = 90
    prof = build_profile(reg, ["co_s.c1@2021-01-01", "sk.s2@2020-01-01"], as_of="2021-01-01",
                         scores={"innovation": 9})
    with pytest.raises(NoPromotionPathError, match="co-c1-c2：公司积分：95分无法达到"):
        find_path(reg, prof, ["co_s.c2"])


def test_points_report_on_a_hand_made_scheme(tmp_path):
    reg = co_layer(tmp_path)
    prof = build_profile(reg, ["co_s.c1@2021-01-01", "sk.s2@2020-01-01"], as_of="2022-06-01")
    answer = points_report(reg, prof)
    assert [(i["id"], i["points"]) for i in answer["items"]] == [("post", 10.0), ("grade", 30.0), ("innovation", 0.0)]
    assert answer["total"] == 40
    (step,) = answer["steps"]
    assert (step["rule"], step["needs"], step["have"], step["missing"]) == ("co-c1-c2", 50, 40, 10)
    assert step["earliest"] == "2023-01-01"
    assert step["other_missing"] == []
    verdict = check_eligibility(reg, prof, ["co_s.c2"])
    (rule,) = verdict.rules
    assert not verdict.eligible
    assert [m.what for m in rule.missing] == ["points"]
    assert rule.missing[0].points_held == 40 and rule.missing[0].points_needed == 50
    later = check_eligibility(reg, build_profile(reg, ["co_s.c1@2021-01-01", "sk.s2@2020-01-01"],
                                                 as_of="2023-01-01"), ["co_s.c2"])
    assert later.eligible


# ------------------------------------------------------------------------------------ terms (聘期制)

def test_term_post_has_renew_by(tmp_path, runner):
    reg = co_layer(tmp_path)
    prof = build_profile(reg, ["co_s.c2@2021-01-01"], as_of="2021-06-01")
    route = find_path(reg, prof, ["co_s.c3"])
    (step,) = route.steps
    assert step.date == "2022-01-01"
    assert step.term_years == 2
    assert step.renew_by == "2024-01-01"


def test_a_step_needing_the_post_longer_than_its_term_notes_the_renewal(tmp_path):
    reg = co_layer(tmp_path, c3_years=3)
    prof = build_profile(reg, ["co_s.c3@2021-01-01"], in_post=["co_s.c3"], as_of="2021-06-01")
    route = find_path(reg, prof, ["co_s.c4"])
    assert route.date == "2024-01-01"
    assert ("一级岗" not in " ".join(route.notes))
    assert "三级岗实行聘期制（2年）：须于 2023-01-01 前续聘，方可计入四级岗的条件" in route.notes
    # a step inside the term: no note
    reg2 = co_layer(tmp_path / "short", c3_years=2)
    prof2 = build_profile(reg2, ["co_s.c3@2021-01-01"], in_post=["co_s.c3"], as_of="2021-06-01")
    assert not any("聘期" in n for n in find_path(reg2, prof2, ["co_s.c4"]).notes)


def test_renewal_note_for_a_post_reached_on_the_route(tmp_path):
    reg = co_layer(tmp_path, c3_years=3)
    prof = build_profile(reg, ["co_s.c2@2021-01-01"], as_of="2021-06-01")
    route = find_path(reg, prof, ["co_s.c4"])
    assert [s.rule for s in route.steps] == ["co-c2-c3", "co-c3-c4"]
    assert route.steps[0].renew_by == "2024-01-01"
    assert route.date == "2025-01-01"
    assert any("须于 2024-01-01 前续聘" in n for n in route.notes)


def test_acme_special_posts_have_terms(runner):
    result = runner.invoke(cli, ["--layer", str(ACME), "path", "--holds", "acme_s.s6@2020-01-01", "--in-post",
                                 "acme_s.s6", "--holds", "高级技师@2019-01-01", "--as-of", "2025-09-01", "S8",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output + result.stderr
    answer = json.loads(result.stdout)
    steps = {s["level"]["id"]: s for s in answer["steps"]}
    assert steps["acme_s.s7"]["term_years"] == 3
    assert steps["acme_s.s7"]["renew_by"] == "2028-09-01"
    assert steps["acme_s.s7"]["layer"] == "acme"
    assert steps["acme_s.s8"]["renew_by"] == "2031-09-01"


# ------------------------------------------------------------------------------------ the acme example, CLI

def write_scores(tmp_path, text=None):
    path = tmp_path / "scores.yaml"
    path.write_text(text or (ACME / "scores.example").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def acme_points(runner, tmp_path, *extra, holds=("acme_s.s3@2022-07-01", "高级工@2023-03-01")):
    args = ["points", "--layer", str(ACME), "--in-post", "acme_s.s3", "--work-years", "6",
            "--scores", str(write_scores(tmp_path)), "--as-of", "2025-09-01"]
    for h in holds:
        args += ["--holds", h]
    return runner.invoke(cli, args + list(extra))


def test_points_json_on_the_example(runner, tmp_path):
    result = acme_points(runner, tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output + result.stderr
    answer = json.loads(result.stdout)
    assert answer["scheme"]["id"] == "acme-skill-points"
    got = {i["id"]: i["points"] for i in answer["items"]}
    # 6 years of work (10 each, cap 50), 高级工 held (30), 1 certificate, 2 excellent years, 1 innovation
    assert got == {"post_value": 50, "skill_grade": 30, "skill_certificates": 10, "performance": 30,
                   "innovation": 20}
    assert answer["total"] == sum(i["points"] for i in answer["items"]) == 140
    steps = {s["rule"]: s for s in answer["steps"]}
    # S3 -> S4: 3 years in S3 (2025-07-01), rule in force 2025-07-01, 80 points: eligible today
    assert steps["acme-s3-to-s4"]["missing"] == 0
    assert steps["acme-s3-to-s4"]["earliest"] == "2025-09-01"
    assert steps["acme-s5-to-s6"]["missing"] == 20  # 160 needed, 140 is the most these scores give
    assert steps["acme-s5-to-s6"]["earliest"] is None
    for s in answer["steps"]:
        assert s["have"] == answer["total"]
        assert s["missing"] == max(0, s["needs"] - s["have"])


def test_points_next_steps_exclude_levels_held(runner, tmp_path):
    result = acme_points(runner, tmp_path, "--format", "json",
                         holds=("acme_s.s3@2021-07-01", "acme_s.s4@2024-07-01", "技师@2024-03-01", "高级工@2020-01-01"))
    assert result.exit_code == 0, result.output + result.stderr
    answer = json.loads(result.stdout)
    targets = {s["to"]["id"] for s in answer["steps"]}
    assert "acme_s.s4" not in targets
    assert "acme_s.s5" in targets


def test_points_table_on_the_example(runner, tmp_path):
    result = acme_points(runner, tmp_path)
    assert result.exit_code == 0, result.output + result.stderr
    out = result.stdout
    assert out.startswith("示例公司技能人才积分晋级 (2025-09-01): 合计 140 分")
    for word in ("岗位价值", "实绩贡献", "创新成果", "下一步", "acme-s3-to-s4", "acme-s4-to-s5"):
        assert word in out
    en = acme_points(runner, tmp_path, "--lang", "en")
    assert en.exit_code == 0 and "total 140" in en.stdout
    csv = acme_points(runner, tmp_path, "--format", "csv")
    assert csv.exit_code == 0 and csv.stdout.startswith("row,id,name,basis,points,cap,to_id,needs,missing,earliest,")


def test_points_without_a_scheme(runner):
    result = runner.invoke(cli, ["points", "--holds", "技师@2020-01-01", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no points scheme is loaded: add the employer's layer (--layer PATH)"
    result = runner.invoke(cli, ["points", "--holds", "技师@2020-01-01"])
    assert result.stderr.strip() == "Error: 未载入积分方案：请加上单位的层（--layer 路径）"
    result = runner.invoke(cli, ["--region", "广东", "points", "--holds", "技师@2020-01-01"])
    assert result.exit_code == 1


def test_points_unknown_scheme(runner):
    result = runner.invoke(cli, ["--layer", str(ACME), "points", "--scheme", "nope", "--holds", "S3", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: unknown points scheme 'nope' (loaded: acme-skill-points)"


def test_points_bad_scores(runner, tmp_path):
    path = write_scores(tmp_path, "performance: -1\n")
    result = runner.invoke(cli, ["--layer", str(ACME), "points", "--holds", "S3", "--scores", str(path)])
    assert result.exit_code == 1
    assert "performance" in result.stderr


def test_points_in_paths_of_the_example(runner, tmp_path):
    scores = write_scores(tmp_path)
    base = ["--layer", str(ACME), "path", "--holds", "acme_s.s3@2022-07-01", "--in-post", "acme_s.s3",
            "--holds", "高级工@2023-03-01", "--work-years", "6", "--as-of", "2025-09-01", "S4", "--format", "json"]
    with_scores = json.loads(runner.invoke(cli, base + ["--scores", str(scores)]).stdout)
    assert with_scores["date"] == "2025-09-01"
    # without counts: 50 + 30 = 80, still enough
    assert json.loads(runner.invoke(cli, base).stdout)["date"] == "2025-09-01"
    # without 高级工 and with 1 year of work: the step waits for the points
    short = ["--layer", str(ACME), "path", "--holds", "acme_s.s3@2022-07-01", "--in-post", "acme_s.s3",
             "--work-years", "1", "--as-of", "2025-09-01", "S4", "--format", "json"]
    result = runner.invoke(cli, short + ["--scores", str(scores)])
    assert result.exit_code == 0, result.output + result.stderr
    answer = json.loads(result.stdout)
    step = answer["steps"][-1]
    assert step["rule"] == "acme-s3-to-s4"
    assert answer["date"] > "2025-09-01"


# ------------------------------------------------------------------------------------ 破格

ACME_S7 = ["--layer", str(ACME), "--holds", "acme_s.s6@2024-01-01", "--in-post", "acme_s.s6",
           "--holds", "高级技师@2023-01-01", "--as-of", "2025-09-01"]


def _json(runner, *args):
    result = runner.invoke(cli, list(args) + ["--format", "json"])
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


def test_honour_route_is_faster_on_the_example(runner):
    ordinary = _json(runner, "path", "特级技师岗", *ACME_S7)
    fast = _json(runner, "path", "特级技师岗", *ACME_S7, "--honour", "全国技术能手")
    assert ordinary["date"] == "2028-01-01"
    assert fast["date"] == "2025-09-01"
    assert fast["date"] < ordinary["date"] and fast["total_years"] < ordinary["total_years"]
    assert [s["rule"] for s in ordinary["steps"]] == ["acme-s6-to-s7-special-technician-post"]
    assert [(s["rule"], s["layer"]) for s in fast["steps"]] == [("acme-s6-to-s7-exceptional-honour", "acme")]
    # by id or by English name too
    assert _json(runner, "path", "S7", *ACME_S7, "--honour", "china_skills_award")["date"] == "2025-09-01"
    assert _json(runner, "path", "S7", *ACME_S7, "--honour", "National Technical Expert")["date"] == "2025-09-01"
    # an honour the rule does not accept changes nothing
    assert _json(runner, "path", "S7", *ACME_S7, "--honour", "省技术能手")["date"] == "2028-01-01"


def test_without_the_honour_check_says_it_is_missing(runner):
    answer = _json(runner, "check", "特级技师岗", *ACME_S7)
    assert not answer["eligible"]
    assert answer["earliest"] == "2028-01-01"
    rules = {r["rule"]: r for r in answer["rules"]}
    honour = rules["acme-s6-to-s7-exceptional-honour"]
    assert not honour["eligible"]
    assert [m["what"] for m in honour["missing"]] == ["honour"]
    assert honour["missing"][0]["honours"] == ["national_technical_expert", "china_skills_award"]
    assert "全国技术能手" in honour["missing"][0]["text"]
    table = runner.invoke(cli, ["check", "特级技师岗", *ACME_S7])
    assert table.exit_code == 0
    assert "须获全国技术能手或中华技能大奖" in table.stdout
    assert "暂不符合；最早 2028-01-01" in table.stdout


def test_with_the_honour_check_is_eligible_now(runner):
    answer = _json(runner, "check", "特级技师岗", *ACME_S7, "--honour", "全国技术能手")
    assert answer["eligible"] and answer["earliest"] == "2025-09-01"
    honour = next(r for r in answer["rules"] if r["rule"] == "acme-s6-to-s7-exceptional-honour")
    assert honour["eligible"] and honour["missing"] == []
    assert any("全国技术能手" in m for m in honour["met"])


def test_without_the_honour_the_rule_is_blocked(real):
    reg = Registry.load(layers=[ACME])
    prof = build_profile(reg, ["acme_s.s6@2024-01-01", "高级技师@2023-01-01"], in_post=["acme_s.s6"],
                         as_of="2025-09-01")
    sol = solve(reg, prof, every_rule=True)
    assert sol.reasons(real, "acme-s6-to-s7-exceptional-honour", "en") == [
        "needs the honour National Technical Expert or China Skills Award (exceptional route; not held)"]
    assert "acme-s6-to-s7-exceptional-honour" not in sol.fired_t


def test_honour_route_is_faster_in_guangdong(runner):
    # 技师 since 2021: the ordinary way is 高级技师 (4 years, so from the plan date) + 1 year;
    # with an honour, 技师 held 3 years is enough
    args = ["path", "特级技师", "--region", "广东", "--holds", "技师@2021-01-01", "--in-post", "技师",
            "--as-of", "2025-06-01"]
    ordinary = _json(runner, *args)
    fast = _json(runner, *args, "--honour", "全国技术能手")
    assert ordinary["date"] == "2026-06-01"
    assert fast["date"] == "2025-06-01"
    assert [(s["rule"], s["layer"]) for s in fast["steps"]] == \
        [("gd-special-technician-from-technician-with-honour", "guangdong")]
    # without --region, the Guangdong 破格 rule is not there (14号 itself sets no years)
    national = _json(runner, "path", "特级技师", "--holds", "技师@2021-01-01", "--in-post", "技师",
                     "--as-of", "2025-06-01", "--honour", "全国技术能手")
    assert {s["layer"] for s in national["steps"]} == {"national"}


def test_honour_in_a_profile_file(runner, tmp_path):
    path = tmp_path / "worker.yaml"
    path.write_text("holds: [acme_s.s6@2024-01-01, 高级技师@2023-01-01]\nin_post: [acme_s.s6]\n"
                    "as_of: 2025-09-01\nhonours: [全国技术能手]\n", encoding="utf-8")
    answer = _json(runner, "--layer", str(ACME), "path", "S7", "--profile", str(path))
    assert answer["date"] == "2025-09-01"


def test_unknown_honour(runner):
    result = runner.invoke(cli, ["path", "特级技师岗", *ACME_S7, "--honour", "火星奖", "--lang", "en"])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: unknown honour '火星奖' (known: 全国技术能手, 中华技能大奖")
    zh = runner.invoke(cli, ["path", "特级技师岗", *ACME_S7, "--honour", "火星奖"]).stderr
    assert zh.startswith("Error: 未知荣誉 '火星奖'（可选：全国技术能手、中华技能大奖")
    result = runner.invoke(cli, ["check", "特级技师岗", *ACME_S7, "--honour", "火星奖"])
    assert result.exit_code == 1
    with pytest.raises(EquivalenceError, match="unknown honour"):
        build_profile(Registry.load(layers=[ACME]), ["S6"], honours=["火星奖"])


def test_a_scores_typo_is_an_error_not_zero_points():
    from equivalence.profile import ProfileError, build_profile
    from equivalence.registry import Registry

    reg = Registry.load(layers=[ACME])
    with pytest.raises(ProfileError, match="unknown points item"):
        build_profile(reg, ["acme_s.s3"], scores={"performace": 2}, as_of="2025-01-01")
