"""Layers (national, province, employer): precedence, conflicts, regions, and answers as of a date.

Hand-made layers sit on the tiny national folder of conftest.py; the shipped regions and the example
employer (mappings/examples/acme) are checked through the library and the command line.
"""

from __future__ import annotations

import json

import pytest

from equivalence.errors import NoEquivalentError

from conftest import SHIPPED, TINY_FILES, write_folder
from equivalence.cli import cli
from equivalence.compile import compile_folder
from equivalence.errors import EquivalenceError, MappingErrors, NoPromotionPathError
from equivalence.index import available_layers, region_layers
from equivalence.loader import mapping_files
from equivalence.lookup import find_equivalents
from equivalence.planner import find_path
from equivalence.profile import build_profile
from equivalence.registry import Registry

ACME = SHIPPED / "examples" / "acme"

CO_SOURCES = """\
sources:
  - {id: co-src, title: 公司文件, doc_no: "", issuer: 示例公司, published: 2021-01-01, effective_from: 2021-01-01, status: official}
"""
CITE = "cite: [{source: co-src, article: 第一条, quote: 公司原文}]"


def layer_yaml(layer_id: str, scope: str = "employer", region: str | None = None) -> str:
    text = f"layer:\n  id: {layer_id}\n  zh: 层{layer_id}\n  en: Layer {layer_id}\n  scope: {scope}\n"
    return text + (f"  region: {region}\n" if region else "")


def bridge(rule_id: str, replaces: str | None = None, years: float = 1) -> str:
    """A rule 技师 (sk.s4) -> 工程师 (en.e3) for title review, optionally replacing another."""
    rep = f", replaces: {replaces}" if replaces else ""
    return (f"  - {{id: {rule_id}, kind: apply, from: sk.s4, to: en.e3{rep}, "
            f"conditions: {{years_in_from: {years}}}, purposes: [review], {CITE}}}\n")


@pytest.fixture
def nat(tmp_path):
    """The tiny national folder."""
    return write_folder(tmp_path / "national", TINY_FILES)


@pytest.fixture
def make_layer(tmp_path):
    """make_layer(name, rules=..., files=..., scope=..., region=...) -> the folder of a layer."""

    def make(name, rules="", *, files=None, scope="employer", region=None, sources=True, layer=True):
        content = dict(files or {})
        if layer:
            content["layer.yaml"] = layer_yaml(name, scope, region)
        if sources:
            content.setdefault("sources.yaml", CO_SOURCES.replace("co-src", f"{name}-src"))
        if rules:
            content["rules.yaml"] = "rules:\n" + rules.replace("co-src", f"{name}-src")
        return write_folder(tmp_path / name, content)

    return make


def errors_of(nat, layers) -> list[str]:
    with pytest.raises(MappingErrors) as info:
        compile_folder(nat, layers=layers)
    return [str(e) for e in info.value.errors]


def profile(reg, holds, as_of, **kw):
    return build_profile(reg, holds, as_of=as_of, **kw)


# ------------------------------------------------------------------------------------ precedence

def same_day_as_the_bridge(name: str) -> dict:
    """A layer source dated as the bridge's own (2015-01-01): its replacement leaves no gap to fill.
    (From a later day, the replaced rule answers until then: tests/test_replaces_dates.py.)"""
    return {"sources.yaml": CO_SOURCES.replace("co-src", f"{name}-src").replace("2021-01-01", "2015-01-01")}


def test_replacing_rule_takes_the_place_of_the_lower_one(nat, make_layer):
    co = make_layer("co", bridge("co-bridge", replaces="bridge-s4-e3"), files=same_day_as_the_bridge("co"))
    reg = Registry.load(nat, layers=[co], use_cache=False)
    assert "bridge-s4-e3" not in reg.rules
    assert reg.rules["co-bridge"].layer == "co"
    assert reg.rules["co-bridge"].replaces == "bridge-s4-e3"
    assert reg.index["replaced"]["bridge-s4-e3"]["by"] == "co-bridge"
    assert reg.index["replaced"]["bridge-s4-e3"]["rule"].layer == "national"
    assert "bridge-s4-e3" not in reg.index["out"]["sk.s4"]
    assert [x["id"] for x in reg.index["layers"]] == ["national", "co"]

    answer = find_equivalents(reg, "技师", to=["工程技术"])
    chains = [r.chain for r in answer.results]
    assert ("co-bridge",) in chains
    assert not any("bridge-s4-e3" in c for c in chains)
    mine = next(r for r in answer.results if r.chain == ("co-bridge",))
    assert mine.level.id == "en.e3"
    assert [s.layer for s in mine.sources] == ["co"]


def test_replacing_rule_is_used_by_the_planner_and_tagged(nat, make_layer):
    national = Registry.load(nat, use_cache=False)
    prof = profile(national, ["sk.s4@2020-01-01"], "2021-06-01")
    before = find_path(national, prof, ["en.e3"])
    assert [(s.rule, s.layer) for s in before.steps] == [("bridge-s4-e3", "national")]
    assert before.date == "2023-01-01"  # 3 years in 技师

    co = make_layer("co", bridge("co-bridge", replaces="bridge-s4-e3", years=1))
    reg = Registry.load(nat, layers=[co], use_cache=False)
    after = find_path(reg, profile(reg, ["sk.s4@2020-01-01"], "2021-06-01"), ["en.e3"])
    assert [(s.rule, s.layer) for s in after.steps] == [("co-bridge", "co")]
    assert after.steps[0].sources[0].layer == "co"
    assert after.date == "2021-06-01"  # 1 year held, rule in force from 2021-01-01


def test_a_layer_adds_rules_next_to_the_national_ones(nat, make_layer):
    extra = (f"  - {{id: co-s3-e2, kind: apply, from: sk.s3, to: en.e2, purposes: [review], {CITE}}}\n")
    co = make_layer("co", extra)
    reg = Registry.load(nat, layers=[co], use_cache=False)
    assert reg.rules["co-s3-e2"].layer == "co"
    assert reg.rules["bridge-s4-e3"].layer == "national"
    assert reg.index["replaced"] == {}
    assert reg.rules["co-s3-e2"].jurisdiction == "CN"  # an employer without a region


def test_province_rules_default_to_its_region(nat, make_layer):
    gd = make_layer("gd", bridge("gd-bridge", replaces="bridge-s4-e3"), scope="province", region="CN-GD")
    reg = Registry.load(nat, layers=[gd], use_cache=False)
    assert reg.rules["gd-bridge"].jurisdiction == "CN-GD"
    assert reg.rules["sk-up-1"].jurisdiction == "CN"


def test_two_layers_stacked_replace_in_turn(nat, make_layer):
    co = make_layer("co", bridge("co-bridge", replaces="bridge-s4-e3", years=2), files=same_day_as_the_bridge("co"))
    dept = make_layer("dept", bridge("dept-bridge", replaces="co-bridge", years=1), files=same_day_as_the_bridge("dept"))
    reg = Registry.load(nat, layers=[co, dept], use_cache=False)
    assert "bridge-s4-e3" not in reg.rules and "co-bridge" not in reg.rules
    assert reg.rules["dept-bridge"].layer == "dept"
    assert {k: v["by"] for k, v in reg.index["replaced"].items()} == {"bridge-s4-e3": "co-bridge",
                                                                       "co-bridge": "dept-bridge"}
    route = find_path(reg, profile(reg, ["sk.s4@2020-01-01"], "2021-06-01"), ["en.e3"])
    assert [(s.rule, s.layer) for s in route.steps] == [("dept-bridge", "dept")]
    answer = find_equivalents(reg, "技师", to=["工程技术"])
    chains = [r.chain for r in answer.results if r.level.id == "en.e3"]
    assert ("dept-bridge",) in chains
    assert not any({"bridge-s4-e3", "co-bridge"} & set(c) for c in chains)
    assert [x["id"] for x in reg.index["layers"]] == ["national", "co", "dept"]


def test_stacking_order_matters(nat, make_layer):
    co = make_layer("co", bridge("co-bridge", replaces="bridge-s4-e3"))
    dept = make_layer("dept", bridge("dept-bridge", replaces="co-bridge"))
    # dept first: co-bridge is not below it yet
    assert errors_of(nat, [dept, co]) == [
        f"{dept}/rules.yaml:2: rules[0].replaces: no rule 'co-bridge' in a lower layer to replace"]


def test_two_layers_replacing_the_same_rule_name_both(nat, make_layer):
    co = make_layer("co", bridge("co-bridge", replaces="bridge-s4-e3"))
    other = make_layer("other", bridge("other-bridge", replaces="bridge-s4-e3"))
    assert errors_of(nat, [co, other]) == [
        f"{other}/rules.yaml:2: rules[0].replaces: 'bridge-s4-e3' is already replaced by 'co-bridge' "
        f"(in {co}/rules.yaml, layer co); replace that rule instead"]


def test_layer_order_changes_the_cache_key(nat, make_layer, tmp_path, monkeypatch):
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", str(tmp_path / "cache"))
    co = make_layer("co", bridge("co-bridge", replaces="bridge-s4-e3", years=2))
    dept = make_layer("dept", bridge("dept-bridge", replaces="co-bridge", years=1))
    assert "dept-bridge" in Registry.load(nat, layers=[co, dept]).rules
    assert "dept-bridge" in Registry.load(nat, layers=[co, dept]).rules  # from the cache
    assert "dept-bridge" not in Registry.load(nat, layers=[co]).rules
    with pytest.raises(MappingErrors):
        Registry.load(nat, layers=[dept, co])


# ------------------------------------------------------------------------------------ conflicts

def test_reusing_a_lower_rule_id_without_replaces(nat, make_layer):
    co = make_layer("co", bridge("bridge-s4-e3"))
    assert errors_of(nat, [co]) == [
        f"{co}/rules.yaml:2: rules[0].id: duplicate rule id 'bridge-s4-e3' "
        f"(first in {nat}/rules/rules.yaml, layer national); "
        "a layer replaces a lower layer's rule only with 'replaces:'"]


def test_replacing_keeps_ids_unique(nat, make_layer):
    # naming the replacement like the rule it replaces is still a reuse of the id
    co = make_layer("co", bridge("bridge-s4-e3", replaces="bridge-s4-e3"))
    (err,) = errors_of(nat, [co])
    assert err.startswith(f"{co}/rules.yaml:2: rules[0].id: duplicate rule id 'bridge-s4-e3' (first in {nat}/")


def test_reusing_a_lower_ladder_id(nat, make_layer):
    ladders = "ladders:\n  - id: sk\n    zh: 公司技能\n    en: Company skills\n    kind: employer_sequence\n" \
              "    levels:\n      - {id: x1, zh: 岗一, en: Post one, rank: 1}\n"
    co = make_layer("co", files={"ladders.yaml": ladders})
    assert errors_of(nat, [co]) == [
        f"{co}/ladders.yaml:2: ladders[0].id: duplicate ladder id 'sk' "
        f"(first in {nat}/ladders/ladders.yaml, layer national)"]


def test_reusing_a_lower_source_id(nat, make_layer):
    co = make_layer("co", sources=False, files={"sources.yaml": CO_SOURCES.replace("co-src", "src-off")})
    assert errors_of(nat, [co]) == [
        f"{co}/sources.yaml:2: sources[0].id: duplicate source id 'src-off' "
        f"(first in {nat}/sources.yaml, layer national)"]


def test_a_layer_may_use_lower_ids(nat, make_layer):
    # a national source, national levels and purposes: no conflict
    rules = ("  - {id: co-s3-e2, kind: apply, from: sk.s3, to: en.e2, purposes: [review], "
             "cite: [{source: src-off, article: 第一条, quote: 官方原文}]}\n")
    co = make_layer("co", rules, sources=False)
    assert Registry.load(nat, layers=[co], use_cache=False).rules["co-s3-e2"].layer == "co"


def test_replacing_an_unknown_rule(nat, make_layer):
    co = make_layer("co", bridge("co-bridge", replaces="no-such-rule"))
    assert errors_of(nat, [co]) == [
        f"{co}/rules.yaml:2: rules[0].replaces: no rule 'no-such-rule' in a lower layer to replace"]


def test_replacing_within_the_same_layer(nat, make_layer):
    co = make_layer("co", bridge("co-a") + bridge("co-b", replaces="co-a"))
    assert errors_of(nat, [co]) == [
        f"{co}/rules.yaml:3: rules[1].replaces: 'co-a' is in the same layer ({co}/rules.yaml); edit it instead"]


def test_replacing_within_the_national_layer(tmp_path):
    files = dict(TINY_FILES)
    files["rules/more.yaml"] = "rules:\n" + bridge("nat-bridge", replaces="bridge-s4-e3").replace(
        CITE, "cite: [{source: src-off, article: 第一条, quote: 官方原文}]")
    root = write_folder(tmp_path / "nat2", files)
    with pytest.raises(MappingErrors) as info:
        compile_folder(root)
    assert [str(e) for e in info.value.errors] == [
        f"{root}/rules/more.yaml:2: rules[0].replaces: 'bridge-s4-e3' is in the same layer "
        f"({root}/rules/rules.yaml); edit it instead"]


def test_a_folder_without_layer_yaml_is_not_a_layer(nat, make_layer, runner):
    plain = make_layer("plain", bridge("plain-bridge"), layer=False)
    assert errors_of(nat, [plain]) == [f"{plain}: not a layer: it has no layer.yaml"]
    result = runner.invoke(cli, ["--mappings", str(nat), "--layer", str(plain), "lookup", "技师", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: the mappings do not validate: {plain}: not a layer: it has no layer.yaml")
    result = runner.invoke(cli, ["--mappings", str(nat), "--layer", str(plain), "validate", "--lang", "en"])
    assert result.exit_code == 1
    assert f"{plain}: not a layer: it has no layer.yaml" in result.stdout.splitlines()


def test_a_second_national_layer(nat, make_layer):
    other = make_layer("other", scope="national")
    assert errors_of(nat, [other]) == [
        f"{other}/layer.yaml:1: layer.scope: the first folder is the national layer; "
        "the others are provinces or employers"]


def test_the_first_folder_is_national(tmp_path, make_layer):
    co = make_layer("co", files=TINY_FILES)
    (err,) = errors_of(co, [])
    assert err == (f"{co}/layer.yaml:1: layer.scope: the first folder is the national layer; "
                   "the others are provinces or employers")


def test_layer_yaml_not_at_the_root(nat, make_layer):
    co = make_layer("co", files={"more/extra.yaml": layer_yaml("co2")})
    assert errors_of(nat, [co]) == [
        f"{co}/more/extra.yaml:1: layer: a layer is declared only in the layer.yaml at the root of its folder"]
    co3 = make_layer("co3", files={"extra.yaml": layer_yaml("co3b")})
    assert errors_of(nat, [co3]) == [
        f"{co3}/extra.yaml:1: layer: a layer is declared only in the layer.yaml at the root of its folder"]


def test_a_province_without_region(nat, make_layer):
    gd = make_layer("gd", scope="province")
    assert errors_of(nat, [gd]) == [f"{gd}/layer.yaml:1: layer.region: a province layer names its region"]


def test_the_same_layer_twice(nat, make_layer):
    co = make_layer("co", bridge("co-bridge"))
    errors = errors_of(nat, [co, co])
    assert errors[0] == f"{co}/layer.yaml:1: layer.id: layer 'co' is given twice"


def test_conflicts_in_several_layers_are_all_listed(nat, make_layer):
    a = make_layer("a", bridge("bridge-s4-e3"))
    b = make_layer("b", bridge("b-bridge", replaces="nope"))
    errors = errors_of(nat, [a, b])
    assert [e.split(":")[0] for e in errors] == [f"{a}/rules.yaml", f"{b}/rules.yaml"]


# ------------------------------------------------------------------------------------ national folder

def test_national_folder_skips_layer_folders():
    files = [str(p) for p in mapping_files(SHIPPED)]
    assert files and not any("/regions/" in f or "/examples/" in f for f in files)
    index = compile_folder(SHIPPED)
    assert {r.layer for r in index["rules"].values()} == {"national"}
    assert [x["id"] for x in index["layers"]] == ["national"]
    assert not any(r.startswith(("gd-", "sd-", "acme-")) for r in index["rules"])
    assert not index["points_schemes"]


def test_national_validate_ignores_a_broken_layer_below_it(tmp_path, runner):
    root = write_folder(tmp_path / "nat", {**TINY_FILES, "regions/bad/layer.yaml": layer_yaml("bad", "province"),
                                          "regions/bad/rules.yaml": "rules: [not, valid]\n"})
    result = runner.invoke(cli, ["validate", str(root), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("OK: ")
    # given as a layer, it is read and its problems are listed
    result = runner.invoke(cli, ["--mappings", str(root), "validate", str(root / "regions" / "bad")])
    assert result.exit_code == 1
    assert f"{root}/regions/bad/rules.yaml:1: rules[0]: " in result.stdout


def test_validate_a_layer_folder_stacks_it_on_the_national_one(runner):
    result = runner.invoke(cli, ["validate", str(ACME), "--lang", "en"])
    assert result.exit_code == 0, result.output + result.stderr
    assert "layer acme (employer, -):" in result.stdout
    assert "layer national (national, CN):" in result.stdout


def test_validate_region_and_layer(runner):
    result = runner.invoke(cli, ["--region", "广东", "validate", "--lang", "en"])
    assert result.exit_code == 0, result.output + result.stderr
    assert "layer guangdong (province, CN-GD):" in result.stdout
    assert "replaced: skill-14-senior-technician-to-special-technician by gd-special-technician-from-senior-technician" \
        in result.stdout
    result = runner.invoke(cli, ["--layer", "mappings/examples/acme", "validate", "--lang", "en"])
    assert result.exit_code == 0, result.output + result.stderr
    assert "layer acme (employer, -):" in result.stdout


def shipped_layers(runner):
    result = runner.invoke(cli, ["layers", "--format", "json"])
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)["layers"]


def test_layers_lists_national_regions_and_the_example(runner):
    rows = shipped_layers(runner)
    assert rows[0]["id"] == "national"
    ids = {r["id"]: r for r in rows}
    for name in ("guangdong", "shandong", "zhejiang", "jiangsu", "sichuan", "hubei", "henan", "acme"):
        assert name in ids
    assert ids["guangdong"]["region"] == "CN-GD" and ids["guangdong"]["scope"] == "province"
    assert ids["acme"]["scope"] == "employer" and ids["acme"]["region"] == ""
    assert [r["id"] for r in rows[1:]] == [x["id"] for x in available_layers()]


def test_every_shipped_layer_validates(runner):
    rows = [r for r in shipped_layers(runner) if r["id"] != "national"]
    assert len(rows) >= 8
    for row in rows:
        args = ["--region", row["zh"]] if row["scope"] == "province" else ["--layer", row["path"]]
        result = runner.invoke(cli, [*args, "validate", "--lang", "en"])
        assert result.exit_code == 0, (row, result.output, result.stderr)
        assert f"layer {row['id']} ({row['scope']}, " in result.stdout
        n = int(result.stdout.split(f"layer {row['id']} (")[1].split("):")[1].split()[0])
        assert n > 0, row  # every shipped layer has rules of its own


def test_every_region_stacks_with_the_example_employer():
    for x in available_layers():
        if x["scope"] == "province":
            reg = Registry.load(region=x["region"], layers=[ACME])
            assert [lay["id"] for lay in reg.index["layers"]] == ["national", x["id"], "acme"]


@pytest.mark.parametrize("name", ["广东", "Guangdong", "CN-GD", "guangdong", "广东省", "cn-gd"])
def test_region_names(name):
    assert region_layers(name) == [str(SHIPPED / "regions" / "guangdong")]


def test_unknown_region_lists_the_known_ones(runner):
    with pytest.raises(EquivalenceError, match=r"no shipped rules for region '火星' \(known: .*广东 \(CN-GD\)"):
        region_layers("火星")
    result = runner.invoke(cli, ["--region", "火星", "lookup", "技师", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: no shipped rules for region '火星' (known: ")
    for known in ("福建 (CN-FJ)", "广东 (CN-GD)", "山东 (CN-SD)", "浙江 (CN-ZJ)"):
        assert known in line
    assert "acme" not in line  # an employer is not a region


def _lookup_json(runner, *args):
    result = runner.invoke(cli, list(args) + ["--format", "json"])
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


def _layers_of(answer):
    return {s["layer"] for r in answer["results"] for s in r["sources"]}


@pytest.mark.parametrize("args", [
    ["--region", "广东", "lookup", "特级技师"],
    ["lookup", "特级技师", "--region", "广东"],
    ["lookup", "特级技师", "--region=广东"],
    ["lookup", "--region", "Guangdong", "特级技师"],
    ["--region", "CN-GD", "lookup", "特级技师"],
])
def test_region_option_before_or_after_the_command(runner, args):
    answer = _lookup_json(runner, *args)
    assert "guangdong" in _layers_of(answer)
    chains = [r["chain"] for r in answer["results"]]
    assert ["gd-special-technician-treated-as-full-senior"] in chains


def test_without_region_no_province_rule(runner):
    assert _layers_of(_lookup_json(runner, "lookup", "特级技师")) == {"national"}


def test_layer_option_after_the_command(runner):
    answer = _lookup_json(runner, "lookup", "S7", "--layer", str(ACME))
    assert "acme" in _layers_of(answer)
    both = _lookup_json(runner, "lookup", "S7", "--region", "广东", "--layer", str(ACME))
    assert {"acme"} <= _layers_of(both)


def test_region_replaces_the_national_rule_in_paths(runner):
    args = ["path", "--holds", "高级技师@2015-01-01", "--in-post", "高级技师", "--as-of", "2023-01-01", "特级技师",
            "--format", "json"]
    national = _lookup_json(runner, *args)
    assert [(s["rule"], s["layer"]) for s in national["steps"]] == \
        [("skill-14-senior-technician-to-special-technician", "national")]
    shandong = _lookup_json(runner, *args, "--region", "山东")
    assert [(s["rule"], s["layer"]) for s in shandong["steps"]] == [("sd-special-technician-entry", "shandong")]
    assert shandong["steps"][0]["sources"][0]["layer"] == "shandong"
    assert shandong["steps"][0]["sources"][0]["jurisdiction"] == "CN-SD"


def test_layer_tag_in_tables(runner):
    result = runner.invoke(cli, ["--region", "广东", "lookup", "特级技师"])
    assert result.exit_code == 0
    assert "[广东]" in result.stdout


# ------------------------------------------------------------------------------------ dates

def _ids(answer):
    return {r["level"]["id"] for r in answer["results"]}


def test_96_bridge_before_and_after_it_was_issued(real):
    before = find_equivalents(real, "技师", as_of="2021-01-05")
    after = find_equivalents(real, "技师", as_of="2021-01-06")
    chains_after = {c for r in after.results for c in r.chain}
    chains_before = {c for r in before.results for c in r.chain}
    assert "bridge-96-technician-to-intermediate" in chains_after
    assert "bridge-96-technician-to-intermediate" not in chains_before
    assert "bridge-96-treated-technician-as-intermediate" not in chains_before


def test_96_bridge_in_paths(real):
    # Nationally the 96号 bridge to 农艺师 states no years (each province sets them): no date can be
    # planned, and the answer says so and names the province of the data that sets them.
    target = [real.level("农艺师").ref]
    with pytest.raises(NoPromotionPathError) as info:
        find_path(real, build_profile(real, ["技师@2015-01-01"], as_of="2021-01-06"), target)
    assert str(info.value) == ("无法到达农艺师：bridge-96-technician-to-intermediate：申报年限由各省实施办法规定"
                               "（全国文件未见年限；本数据中规定年限的省份：江苏，见江苏的规则层）")
    # In Jiangsu: 3 years, from 96号's publication (2021-01-06)
    js = Registry(compile_folder(SHIPPED, layers=region_layers("江苏")))
    for as_of in ("2020-06-01", "2021-01-06"):
        route = find_path(js, build_profile(js, ["技师@2015-01-01"], as_of=as_of), target)
        assert route.date == "2021-01-06"
        assert [s.rule for s in route.steps] == ["js-bridge-technician-to-intermediate"]
    route = find_path(js, build_profile(js, ["技师@2019-01-01"], as_of="2021-01-06"), target)
    assert route.date == "2022-01-01"  # 满3年


def test_special_technician_level_before_and_after_2022_03(real, runner):
    # Before 2022-03 there was no 特级技师 (人社部发〔2022〕14号): a lookup then is an answer of its
    # own, not an empty list (the 2021-09 pilot rule starts before the level does)
    with pytest.raises(NoEquivalentError, match="did not exist on 2021-12-01: it is in force from 2022-03"):
        find_equivalents(real, "特级技师", as_of="2021-12-01")
    assert find_equivalents(real, "特级技师", as_of="2022-03-01").results
    result = runner.invoke(cli, ["lookup", "特级技师", "--as-of", "2021-06-01", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: 特级技师 did not exist on 2021-06-01")
    # planning in 2020: the step waits for the level to exist
    prof = build_profile(real, ["高级技师@2015-01-01"], as_of="2020-01-01")
    route = find_path(real, prof, ["skill.special_technician"])
    assert route.date == "2022-03-01"
    assert route.steps[-1].binding in ("in_force", "level")
    prof = build_profile(real, ["高级技师@2015-01-01"], as_of="2022-06-01")
    assert find_path(real, prof, ["skill.special_technician"]).date == "2022-06-01"


def test_region_rule_dates_in_paths(runner):
    args = ["--region", "山东", "path", "--holds", "高级技师@2015-01-01", "--in-post", "高级技师", "特级技师",
            "--format", "json"]
    early = _lookup_json(runner, *args, "--as-of", "2020-01-01")
    assert early["date"] >= "2022-03-01"
    late = _lookup_json(runner, *args, "--as-of", "2023-01-01")
    assert late["date"] == "2023-01-01"


def test_diff_lists_the_bridge(runner):
    answer = _lookup_json(runner, "diff", "--as-of", "2021-01-05", "--as-of", "2021-01-06")
    added = {r["rule"] for r in answer["rules"]["added"]}
    assert "bridge-96-technician-to-intermediate" in added
    assert all(r["effective_from"] == "2021-01-06" for r in answer["rules"]["added"])
    assert answer["rules"]["ended"] == [] and answer["levels"] == {"added": [], "ended": []}


def test_diff_lists_the_new_levels(runner):
    answer = _lookup_json(runner, "diff", "--as-of", "2021-12-31", "--as-of", "2022-06-01")
    levels = {x["level"]["id"] for x in answer["levels"]["added"]}
    assert {"skill.special_technician", "skill.chief_technician"} <= levels
    assert "skill-14-senior-technician-to-special-technician" in {r["rule"] for r in answer["rules"]["added"]}


def test_diff_swapped_dates_swap_added_and_ended(runner):
    forward = _lookup_json(runner, "diff", "--as-of", "2020-06-30", "--as-of", "2023-01-01")
    backward = _lookup_json(runner, "diff", "--as-of", "2023-01-01", "--as-of", "2020-06-30")
    assert forward["rules"]["added"] == backward["rules"]["ended"]
    assert forward["rules"]["ended"] == backward["rules"]["added"]
    assert forward["levels"]["added"] == backward["levels"]["ended"]
    assert forward["rules"]["added"]


def test_diff_same_date_is_empty(runner):
    answer = _lookup_json(runner, "diff", "--as-of", "2022-01-01", "--as-of", "2022-01-01")
    assert answer["rules"] == {"added": [], "ended": []}


def test_diff_with_a_layer_tags_its_rules(runner):
    answer = _lookup_json(runner, "--region", "广东", "diff", "--as-of", "2020-01-01", "--as-of", "2025-12-31")
    layers = {r["layer"] for r in answer["rules"]["added"]}
    assert {"national", "guangdong"} <= layers


def test_diff_on_a_tiny_folder(nat, make_layer, runner):
    co = make_layer("co", bridge("co-bridge"))
    answer = _lookup_json(runner, "--mappings", str(nat), "--layer", str(co), "diff",
                          "--as-of", "2020-12-31", "--as-of", "2021-01-01")
    assert [r["rule"] for r in answer["rules"]["added"]] == ["co-bridge"]
    assert answer["rules"]["added"][0]["layer"] == "co"


@pytest.mark.parametrize("args", [
    ["diff", "--as-of", "2021-01-01"],
    ["diff", "--as-of", "2021-01-01", "--as-of", "2022-01-01", "--as-of", "2023-01-01"],
    ["diff"],
])
def test_diff_needs_two_dates(runner, args):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output


def test_diff_table(runner):
    result = runner.invoke(cli, ["diff", "--as-of", "2021-01-05", "--as-of", "2021-01-06"])
    assert result.exit_code == 0
    assert result.stdout.startswith("2021-01-05 → 2021-01-06: ")
    assert "bridge-96-technician-to-intermediate" in result.stdout


def test_a_replaced_rule_id_is_not_reused(tmp_path):
    # Once a layer replaces a rule, its id is gone from the answers: a higher layer may not bring
    # back a different rule under the same id.
    def layer(name, body):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "layer.yaml").write_text(f"layer: {{id: {name}, zh: {name}, en: {name}, scope: employer}}\n",
                                           encoding="utf-8")
        (folder / "rules.yaml").write_text(body, encoding="utf-8")
        return folder

    rule = """sources:
  - {{id: {src}, title: 办法, issuer: 公司, effective_from: 2023-01-01, status: unverified}}
rules:
  - id: {rid}
{replaces}    kind: promotion
    from: skill.senior_technician
    to: skill.special_technician
    cite: [{{source: {src}, article: 第1条, quote: 原文}}]
"""
    first = layer("co1", rule.format(src="co1-doc", rid="co1-special",
                                     replaces="    replaces: skill-14-senior-technician-to-special-technician\n"))
    second = layer("co2", rule.format(src="co2-doc", rid="skill-14-senior-technician-to-special-technician",
                                      replaces=""))
    with pytest.raises(MappingErrors) as caught:
        compile_folder(SHIPPED, layers=[first, second])
    assert "is the id of a rule replaced by 'co1-special'" in str(caught.value)


def test_layer_by_shipped_id(runner):
    # `--layer acme` is the shipped example, wherever the package is installed
    result = runner.invoke(cli, ["--layer", "acme", "levels", "acme_s", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count('"ref": "acme_s.') == 8
    bad = runner.invoke(cli, ["--layer", "no-such-layer", "ladders"])
    assert bad.exit_code == 2
    assert "既不是文件夹，也不是随附的规则层" in bad.stderr
    bad = runner.invoke(cli, ["--layer", "no-such-layer", "ladders", "--lang", "en"])
    assert "neither a folder nor a shipped layer" in bad.stderr
