"""A layer's rule that replaces a lower layer's rule from a later day: the replaced rule answers until
then, under its own id, and only the new one from that day on (see compile._apply_replacements).

Hand-made layers on the tiny national folder of conftest.py (its bridge-s4-e3, 技师 → 工程师, is in
force from 2015-01-01), and the shipped Guangdong case: 人社部发〔2022〕14号's 评聘 rule
(skill-14-senior-technician-to-special-technician, from 2022-03) is replaced in Guangdong by the 2025
notice's rule (gd-special-technician-from-senior-technician, from 2025-04).
"""

from __future__ import annotations

import json

import pytest

from conftest import SHIPPED, TINY_FILES, write_folder
from equivalence.cli import cli
from equivalence.compile import compile_folder
from equivalence.eligibility import check_eligibility
from equivalence.errors import MappingErrors
from equivalence.index import region_layers
from equivalence.lookup import find_equivalents
from equivalence.planner import find_path
from equivalence.profile import build_profile
from equivalence.registry import Registry

NATIONAL_14 = "skill-14-senior-technician-to-special-technician"
GD_RULE = "gd-special-technician-from-senior-technician"
GD_NOTE_ZH = f"{NATIONAL_14}（人社部发〔2022〕14号）在广东自 2025-04 起由 {GD_RULE} 替换"
GD_NOTE_EN = f"{NATIONAL_14} (人社部发〔2022〕14号) is replaced in Guangdong from 2025-04 by {GD_RULE}"


def layer(tmp_path, name: str, rules: str, starts: str) -> str:
    """An employer layer whose one source (and so every rule) is in force from ``starts``."""
    return str(write_folder(tmp_path / name, {
        "layer.yaml": f"layer: {{id: {name}, zh: 层{name}, en: Layer {name}, scope: employer}}\n",
        "sources.yaml": (f"sources:\n  - {{id: {name}-src, title: 公司文件, doc_no: '', issuer: 示例公司, "
                         f"published: {starts}, effective_from: {starts}, status: official}}\n"),
        "rules.yaml": "rules:\n" + rules.replace("SRC", f"{name}-src"),
    }))


def bridge(rule_id: str, replaces: str, years: float = 1) -> str:
    """技师 (sk.s4) may apply for 工程师 (en.e3) after ``years``, replacing ``replaces``."""
    return (f"  - {{id: {rule_id}, kind: apply, from: sk.s4, to: en.e3, replaces: {replaces}, "
            f"conditions: {{years_in_from: {years}}}, purposes: [review], "
            f"cite: [{{source: SRC, article: 第一条, quote: 公司原文}}]}}\n")


@pytest.fixture
def nat(tmp_path):
    return str(write_folder(tmp_path / "national", TINY_FILES))


def chains(reg, as_of):
    return sorted(c for r in find_equivalents(reg, "技师", to=["工程技术"], kinds=["apply"], as_of=as_of).results for c in r.chain)


def route(reg, holds, as_of):
    found = find_path(reg, build_profile(reg, holds, as_of=as_of), ["en.e3"], lang="en")
    return found.date, [s.rule for s in found.steps], list(found.notes)


# ------------------------------------------------------------------------------------ hand-made

def test_a_later_replacement_keeps_the_old_rule_until_it_starts(nat, tmp_path):
    co = layer(tmp_path, "co", bridge("co-bridge", "bridge-s4-e3"), "2021-01-01")
    index = compile_folder(nat, layers=[co])
    kept = index["rules"]["bridge-s4-e3"]
    assert (kept.layer, kept.effective_from, kept.effective_until) == ("national", "2015-01-01", "2021-01-01")
    rep = index["replaced"]["bridge-s4-e3"]
    assert (rep["by"], rep["from"], rep["kept"]) == ("co-bridge", "2021-01-01", True)
    assert rep["rule"].effective_until is None  # the rule as its layer states it
    assert "bridge-s4-e3" in index["out"]["sk.s4"]

    reg = Registry(index)
    assert chains(reg, "2020-12-31") == ["bridge-s4-e3"]
    assert chains(reg, "2021-01-01") == ["co-bridge"]
    assert chains(reg, "2024-06-01") == ["co-bridge"]
    note = "bridge-s4-e3 (测发〔2015〕2号) is replaced in Layer co from 2021-01-01 by co-bridge"
    # 3 years in 技师 under the national rule, before the company's rule exists
    assert route(reg, ["sk.s4@2016-01-01"], "2020-06-01") == \
        ("2020-06-01", ["bridge-s4-e3"], [note, "also required (not checked by the engine): 通过考评"])
    assert route(reg, ["sk.s4@2016-01-01"], "2021-01-01") == ("2021-01-01", ["co-bridge"], [])
    # the national rule's 3 years fall after it ends there: the company's 1 year, from its start
    assert route(reg, ["sk.s4@2019-06-01"], "2020-06-01") == ("2021-01-01", ["co-bridge"], [])


def test_a_replacement_from_the_same_day_or_earlier_takes_the_place_altogether(nat, tmp_path):
    for starts in ("2015-01-01", "2010-01-01"):
        co = layer(tmp_path, f"co{starts[:4]}", bridge("co-bridge", "bridge-s4-e3"), starts)
        index = compile_folder(nat, layers=[co])
        assert "bridge-s4-e3" not in index["rules"]
        assert "bridge-s4-e3" not in index["out"]["sk.s4"]
        rep = index["replaced"]["bridge-s4-e3"]
        assert (rep["by"], rep["from"], rep["kept"]) == ("co-bridge", starts, False)
        reg = Registry(index)
        assert chains(reg, "2014-12-31") == ([] if starts == "2015-01-01" else ["co-bridge"])  # its own start
        assert chains(reg, "2016-01-01") == ["co-bridge"]
        assert route(reg, ["sk.s4@2016-01-01"], "2020-06-01") == ("2020-06-01", ["co-bridge"], [])


def test_an_old_rule_that_ends_earlier_keeps_its_own_end(tmp_path):
    files = dict(TINY_FILES)
    files["rules/rules.yaml"] = files["rules/rules.yaml"].replace(
        "    conditions: {years_in_from: 3, same_specialty: true, other: [通过考评]}\n",
        "    conditions: {years_in_from: 3, same_specialty: true, other: [通过考评]}\n    effective_until: 2018-01\n")
    assert files["rules/rules.yaml"] != TINY_FILES["rules/rules.yaml"]
    nat = str(write_folder(tmp_path / "national", files))
    index = compile_folder(nat, layers=[layer(tmp_path, "co", bridge("co-bridge", "bridge-s4-e3"), "2021-01-01")])
    assert index["rules"]["bridge-s4-e3"].effective_until == "2018-01"
    assert index["replaced"]["bridge-s4-e3"]["kept"] is True
    reg = Registry(index)
    assert chains(reg, "2017-12-31") == ["bridge-s4-e3"]
    assert chains(reg, "2019-06-01") == []  # ended by its own date; the company's rule is not yet in force
    assert chains(reg, "2021-01-01") == ["co-bridge"]


def test_stacked_replacements_hand_over_in_turn(nat, tmp_path):
    co = layer(tmp_path, "co", bridge("co-bridge", "bridge-s4-e3", years=2), "2018-01-01")
    dept = layer(tmp_path, "dept", bridge("dept-bridge", "co-bridge", years=1), "2020-01-01")
    index = compile_folder(nat, layers=[co, dept])
    ends = {rid: index["rules"][rid].effective_until for rid in ("bridge-s4-e3", "co-bridge", "dept-bridge")}
    assert ends == {"bridge-s4-e3": "2018-01-01", "co-bridge": "2020-01-01", "dept-bridge": None}
    reg = Registry(index)
    assert [chains(reg, d) for d in ("2017-06-01", "2019-06-01", "2020-06-01")] == \
        [["bridge-s4-e3"], ["co-bridge"], ["dept-bridge"]]
    # a department rule that starts before the company's: the company's never answers, and the
    # national one hands over to the department's on its day
    co = layer(tmp_path, "co2", bridge("co-bridge", "bridge-s4-e3", years=2), "2020-01-01")
    dept = layer(tmp_path, "dept2", bridge("dept-bridge", "co-bridge", years=1), "2018-01-01")
    index = compile_folder(nat, layers=[co, dept])
    assert "co-bridge" not in index["rules"]
    assert index["rules"]["bridge-s4-e3"].effective_until == "2018-01-01"
    assert {k: (v["from"], v["kept"]) for k, v in index["replaced"].items()} == \
        {"bridge-s4-e3": ("2018-01-01", True), "co-bridge": ("2018-01-01", False)}
    reg = Registry(index)
    assert route(reg, ["sk.s4@2010-01-01"], "2017-06-01") == ("2017-06-01", ["bridge-s4-e3"], [
        "bridge-s4-e3 (测发〔2015〕2号) is replaced in Layer dept2 from 2018-01-01 by dept-bridge",
        "also required (not checked by the engine): 通过考评"])


def test_a_kept_rule_is_still_replaced_once_only(nat, tmp_path):
    co = layer(tmp_path, "co", bridge("co-bridge", "bridge-s4-e3"), "2021-01-01")
    other = layer(tmp_path, "other", bridge("other-bridge", "bridge-s4-e3"), "2022-01-01")
    with pytest.raises(MappingErrors) as caught:
        compile_folder(nat, layers=[co, other])
    assert [str(e) for e in caught.value.errors] == [
        f"{other}/rules.yaml:2: rules[0].replaces: 'bridge-s4-e3' is already replaced by 'co-bridge' "
        f"(in {co}/rules.yaml, layer co); replace that rule instead"]


def test_a_later_promotion_with_fewer_years_is_no_conflict_with_the_rule_it_replaces(nat, tmp_path):
    # sk-up-1 (sk.s1 → sk.s2, 3 years) is kept until 2021; its replacement asks 1 year from then on:
    # never in force together, so no "asks fewer years" conflict
    rule = ("  - {id: co-up, kind: promotion, from: sk.s1, to: sk.s2, replaces: sk-up-1, "
            "conditions: {years_in_from: 1}, cite: [{source: SRC, article: 第二条, quote: 公司原文}]}\n")
    index = compile_folder(nat, layers=[layer(tmp_path, "co", rule, "2021-01-01")])
    assert index["rules"]["sk-up-1"].effective_until == "2021-01-01"
    assert index["replaced"]["sk-up-1"]["kept"] is True


@pytest.mark.parametrize("lang, line", [
    ("en", "   replaced: bridge-s4-e3 by co-bridge from 2021-01-01"),
    ("zh", "   已被替换：bridge-s4-e3（自 2021-01-01 起由 co-bridge 替换）"),
])
def test_validate_says_from_when(nat, tmp_path, runner, lang, line):
    co = layer(tmp_path, "co", bridge("co-bridge", "bridge-s4-e3"), "2021-01-01")
    result = runner.invoke(cli, ["--mappings", nat, "--layer", co, "validate", "--lang", lang])
    assert result.exit_code == 0, result.output + result.stderr
    assert line in result.stdout.splitlines()


# ------------------------------------------------------------------------------------ Guangdong

@pytest.fixture(scope="module")
def gd():
    return Registry(compile_folder(SHIPPED, layers=region_layers("广东")))


def test_guangdong_keeps_14hao_until_2025_04(gd):
    kept = gd.rules[NATIONAL_14]
    assert (kept.layer, kept.effective_from, kept.effective_until) == ("national", "2022-03", "2025-04")
    rep = gd.index["replaced"][NATIONAL_14]
    assert (rep["by"], rep["from"], rep["kept"]) == (GD_RULE, "2025-04", True)
    assert Registry.load(SHIPPED).rules[NATIONAL_14].effective_until is None  # elsewhere: no end


@pytest.mark.parametrize("as_of, held, date, rule", [
    ("2020-01-01", "2015-01-01", "2022-03-01", NATIONAL_14),  # waits for 14号's 特级技师, not for 2025-04
    ("2024-06-01", "2020-01-01", "2024-06-01", NATIONAL_14),
    ("2025-03-31", "2020-01-01", "2025-03-31", NATIONAL_14),
    ("2025-04-01", "2020-01-01", "2025-04-01", GD_RULE),
    ("2025-06-01", "2025-01-01", "2026-01-01", GD_RULE),  # Guangdong's 1 year, not 14号's none
])
def test_guangdong_path_by_date(gd, as_of, held, date, rule):
    found = find_path(gd, build_profile(gd, [f"高级技师@{held}"], as_of=as_of), ["skill.special_technician"], lang="en")
    assert (found.date, [(s.rule, s.layer) for s in found.steps]) == \
        (date, [(rule, "national" if rule == NATIONAL_14 else "guangdong")])
    assert (GD_NOTE_EN in found.notes) == (rule == NATIONAL_14)


def test_guangdong_planner_never_uses_14hao_after_it_ends(gd):
    # 高级技师 is reached in 2026 (技师 + 4 years): by then only Guangdong's rule, 1 year later
    found = find_path(gd, build_profile(gd, ["技师@2022-01-01"], as_of="2024-01-01"), ["skill.special_technician"])
    assert found.date == "2027-01-01"
    assert [s.rule for s in found.steps][-1] == GD_RULE


@pytest.mark.parametrize("as_of, eligible, earliest, reasons", [
    ("2024-06-01", True, "2024-06-01", {NATIONAL_14: [], GD_RULE: ["not_yet"]}),
    ("2025-03-31", True, "2025-03-31", {NATIONAL_14: [], GD_RULE: ["not_yet"]}),
    ("2025-04-01", True, "2025-04-01", {NATIONAL_14: ["ended"], GD_RULE: []}),
])
def test_guangdong_check_by_date(gd, as_of, eligible, earliest, reasons):
    answer = check_eligibility(gd, build_profile(gd, ["高级技师@2020-01-01"], as_of=as_of), ["skill.special_technician"])
    assert (answer.eligible, answer.earliest) == (eligible, earliest)
    got = {r.rule: [m.reason for m in r.missing] for r in answer.rules if r.rule in reasons}
    assert got == reasons
    assert [r.rule for r in answer.rules if r.eligible] == [rule for rule, why in reasons.items() if not why]


def test_guangdong_check_command_before_2025_04(runner):
    args = ["--region", "广东", "check", "特级技师", "--holds", "高级技师@2020-01-01", "--as-of", "2024-06-01"]
    zh = runner.invoke(cli, args)
    assert zh.exit_code == 0, zh.output + zh.stderr
    lines = zh.stdout.splitlines()
    assert lines[0] == "特级技师 (2024-06-01): 现在符合条件"
    assert lines[3].startswith("skill-14-senior-technician-to-  晋升    2024-06-01  持有高级技师 ")
    assert f"注：{GD_NOTE_ZH}" in lines
    en = runner.invoke(cli, args + ["--lang", "en"])
    assert en.stdout.splitlines()[0] == "Special-grade technician (2024-06-01): eligible now"
    assert f"note: {GD_NOTE_EN}" in en.stdout.splitlines()
    answer = json.loads(runner.invoke(cli, args + ["--format", "json"]).stdout)
    assert (answer["eligible"], answer["earliest"]) == (True, "2024-06-01")
    assert [r["rule"] for r in answer["rules"] if r["eligible"]] == [NATIONAL_14]


def test_guangdong_check_command_from_2025_04(runner):
    args = ["--region", "广东", "check", "特级技师", "--holds", "高级技师@2020-01-01", "--as-of", "2025-04-01", "--lang", "en"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output + result.stderr
    assert result.stdout.splitlines()[0] == "Special-grade technician (2025-04-01): eligible now"
    assert f"note: {GD_NOTE_EN}" in result.stdout.splitlines()  # 14号's row says it ended: this says why
    answer = json.loads(runner.invoke(cli, args + ["--format", "json"]).stdout)
    assert [r["rule"] for r in answer["rules"] if r["eligible"]] == [GD_RULE]
    (national,) = [r for r in answer["rules"] if r["rule"] == NATIONAL_14]
    assert [(m["reason"], m["until"], m["text"]) for m in national["missing"]] == \
        [("ended", "2025-04", "rule no longer in force (until 2025-04)")]


def test_guangdong_path_command_notes(runner):
    args = ["--region", "广东", "path", "特级技师", "--holds", "高级技师@2020-01-01", "--as-of", "2024-06-01"]
    zh = runner.invoke(cli, args)
    assert zh.exit_code == 0, zh.output + zh.stderr
    assert zh.stdout.splitlines()[0] == "特级技师: 0 年，最早 2024-06-01"
    assert f"注：{GD_NOTE_ZH}" in zh.stdout.splitlines()
    answer = json.loads(runner.invoke(cli, args + ["--lang", "en", "--format", "json"]).stdout)
    assert [(s["rule"], s["layer"]) for s in answer["steps"]] == [(NATIONAL_14, "national")]
    assert answer["notes"][0] == GD_NOTE_EN
    later = json.loads(runner.invoke(cli, [*args[:-1], "2025-04-01", "--format", "json"]).stdout)
    assert [s["rule"] for s in later["steps"]] == [GD_RULE]
    assert not any("替换" in n for n in later["notes"])


@pytest.mark.parametrize("lang, in_force, label, note", [
    ("zh", "施行期间      2022-03 – 2025-04", "替换", GD_NOTE_ZH),
    ("en", "in force    2022-03 – 2025-04", "replaced", GD_NOTE_EN),
])
def test_guangdong_show_the_kept_rule(runner, lang, in_force, label, note):
    result = runner.invoke(cli, ["--region", "广东", "show", NATIONAL_14, "--lang", lang])
    assert result.exit_code == 0, result.output + result.stderr
    lines = result.stdout.splitlines()
    assert in_force in lines
    (row,) = [i for i, line in enumerate(lines) if line.startswith(label + " ")]
    assert "".join("".join(lines[row:row + 2]).split()) == "".join((label + note).split())  # wrapped in two
    national = runner.invoke(cli, ["show", NATIONAL_14, "--lang", lang]).stdout.splitlines()
    assert in_force[:-8] in national and not any(line.startswith(label + " ") for line in national)


def test_guangdong_validate_lines(runner):
    result = runner.invoke(cli, ["--region", "广东", "validate", "--lang", "en"])
    assert result.exit_code == 0, result.output + result.stderr
    assert f"   replaced: {NATIONAL_14} by {GD_RULE} from 2025-04" in result.stdout.splitlines()
    # 14号's rule stays a national rule of the stack, in force there until 2025-04
    assert "   layer guangdong (province, CN-GD): 5 rules" in result.stdout.splitlines()


def test_zhejiang_96hao_reverse_rules_answer_until_2024_06(runner):
    def rules(as_of):
        result = runner.invoke(cli, ["--region", "浙江", "lookup", "中级职称", "--to", "职业技能等级", "--kind", "apply",
                                     "--as-of", as_of, "--format", "json"])
        assert result.exit_code == 0, result.output + result.stderr
        return [r["chain"] for r in json.loads(result.stdout)["results"]]

    assert rules("2024-05-31") == [["bridge-96-reverse-intermediate-to-technician"]]
    assert rules("2024-06-01") == [["zj-intermediate-title-to-technician"], ["zj-intermediate-title-to-senior-technician"]]
    result = runner.invoke(cli, ["--region", "浙江", "lookup", "中级职称", "--to", "职业技能等级", "--as-of", "2023-01-01"])
    assert ("注：bridge-96-reverse-intermediate-to-technician（人社部发〔2020〕96号）在浙江自 2024-06 起由 "
            "zj-intermediate-title-to-technician 替换") in result.stdout.splitlines()


def test_guangdong_web_check_and_rule_pages():
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from equivalence.web.app import create_app

    site = TestClient(create_app(region="广东"))
    params = {"target": "特级技师", "holds": ["高级技师"], "since": ["2020-01-01"], "as_of": "2024-06-01"}
    page = site.get("/worker", params=params).text
    assert '<p id="verdict"><span class="verdict yes">现在符合条件</span></p>' in page
    assert page.count(f'<p class="muted">注：{GD_NOTE_ZH}</p>') == 2  # under check, and under the route
    later = site.get("/worker", params={**params, "as_of": "2025-04-01"}).text
    assert f'<p class="muted">注：{GD_NOTE_ZH}</p>' in later  # check lists 14号's rule, ended
    assert f'href="/show?rule={NATIONAL_14}' not in later.split('id="route-chart"')[1]  # the route: Guangdong's
    rule = site.get("/show", params={"rule": NATIONAL_14, "lang": "en"}).text
    assert "<tr><td>in force</td><td>2022-03 – 2025-04</td></tr>" in rule
    assert f"<tr><td>replaced</td><td>{GD_NOTE_EN}</td></tr>" in rule


def test_guangdong_roster_by_date(runner):
    roster = "id,holds,target\n1,高级技师@2020-01-01,特级技师\n"
    routes = {}
    for as_of in ("2024-06-01", "2025-04-01"):
        result = runner.invoke(cli, ["--region", "广东", "roster", "-", "--as-of", as_of, "--lang", "en"], input=roster)
        assert result.exit_code == 0, result.output + result.stderr
        row = result.stdout.splitlines()[1]
        routes[as_of] = row.split(",")[-2]
    assert routes == {
        "2024-06-01": f"Special-grade technician (by appointment)@2024-06-01[{NATIONAL_14}]",
        "2025-04-01": f"Special-grade technician (by appointment)@2025-04-01[{GD_RULE}]"}
