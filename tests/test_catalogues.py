"""The catalogues: the shipped 职业分类大典 and 国家职业资格目录 (data-driven), broken catalogues with
their exact messages, OCCUPATION:GRADE credentials and the catalogue's own cache file."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import REPO, SHIPPED, TINY_FILES, write_folder
from equivalence.cli import cli
from equivalence.compile import compile_folder
from equivalence.errors import MappingErrors, UnknownLevelError
from equivalence.records import Words
from equivalence.registry import Registry

CODE = re.compile(r"^\d(-\d{2}){0,3}$")


@pytest.fixture(scope="module")
def occupations(real):
    return real.catalogue["occupations"]


@pytest.fixture(scope="module")
def items(real):
    return real.catalogue["qualifications"]


# -- the shipped catalogues -------------------------------------------------------------------

def test_validate_reports_the_catalogues(runner):
    args = ["validate"] if SHIPPED == REPO / "mappings" else ["validate", str(SHIPPED)]
    result = runner.invoke(cli, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("OK: ")
    assert lines[1:] == [
        "   occupations-2022: tier1 8, tier2 79, tier3 450, tier4 1639 (as published)",
        "   qualifications-2021: access 33, level_evaluation 26, skilled 13 (as published)",
    ]


def test_occupation_counts_as_published(real, occupations):
    tiers = {t: sum(1 for o in occupations.values() if o["tier"] == t) for t in (1, 2, 3, 4)}
    assert tiers == {1: 8, 2: 79, 3: 450, 4: 1639}
    assert len(occupations) == 8 + 79 + 450 + 1639
    cat = real.catalogue["catalogues"]["occupations-2022"]
    assert cat["published"] == cat["counts"] == {"tier1": 8, "tier2": 79, "tier3": 450, "tier4": 1639}


def test_qualification_counts_as_published(real, items):
    assert len(items) == 72
    by_category = {c: sum(1 for i in items.values() if i["category"] == c)
                   for c in ("access", "level_evaluation", "skilled")}
    assert by_category == {"access": 33, "level_evaluation": 26, "skilled": 13}
    assert by_category["access"] + by_category["level_evaluation"] == 59
    assert sorted(i["seq"] for i in items.values()) == list(range(1, 73))
    cat = real.catalogue["catalogues"]["qualifications-2021"]
    assert cat["published"] == cat["counts"]


def test_codes_well_formed_and_unique_in_the_file():
    # read the file itself: the compiled dict could not show a duplicate
    data = yaml.load((SHIPPED / "catalogues" / "occupations-2022.yaml").read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    codes = [o["code"] for cat in data["catalogues"] for o in cat["occupations"]]
    assert len(codes) == 2176
    assert len(set(codes)) == len(codes)
    assert all(isinstance(c, str) and CODE.match(c) for c in codes), [c for c in codes if not CODE.match(str(c))]


def test_every_parent_is_present_and_matches_the_code(occupations):
    for code, occ in occupations.items():
        assert occ["tier"] == code.count("-") + 1, code
        if occ["tier"] == 1:
            assert occ["parent"] is None, code
        else:
            assert occ["parent"] == code.rsplit("-", 1)[0], code
            assert occ["parent"] in occupations, code
            assert occupations[occ["parent"]]["tier"] == occ["tier"] - 1, code


def test_green_and_digital_marks(occupations):
    assert sum(o["green"] for o in occupations.values()) == 134
    assert sum(o["digital"] for o in occupations.values()) == 95


def test_well_known_occupations(occupations):
    assert occupations["6-31-01-03"]["zh"] == "电工"
    assert occupations["6-31-01"]["tier"] == 3
    assert occupations["6-31-01-03"]["parent"] == "6-31-01"


def test_every_item_ladder_is_a_qualification_ladder_with_a_counts_as_rule(real, items):
    ruled = {real.levels[r.from_].ladder for r in real.rules.values()
             if r.kind == "counts_as" and r.from_}
    with_ladder = [i for i in items.values() if i["ladder"]]
    assert with_ladder
    for item in with_ladder:
        lad = real.ladders[item["ladder"]]
        assert lad.kind == "qualification", item["id"]
        assert re.match(r"^q_", lad.id), item["id"]
        assert item["ladder"] in ruled, item["id"]
        # the item's levels are its ladder's, low to high
        assert item["levels"] == [real.levels[r].zh for r in lad.levels], item["id"]
        assert "no ladder" not in (item["note"] or ""), item["id"]


def test_every_item_without_a_ladder_says_why(items):
    for item in items.values():
        if item["ladder"] is None:
            note = item["note"] or ""
            assert re.search(r"no counts_as rule is encoded|own ladders and counts_as rules", note), item["id"]
            assert item["levels"] == [], item["id"]


def test_skilled_items_say_what_is_unconfirmed(items):
    skilled = [i for i in items.values() if i["category"] == "skilled"]
    assert [i["seq"] for i in sorted(skilled, key=lambda i: i["seq"])] == list(range(60, 73))
    assert all("UNCONFIRMED" in i["note"] or "seen in 人社部's announcement" in i["note"] for i in skilled)


@pytest.mark.parametrize("item, ladder, target", [
    ("asset_appraiser", "q_asset_appraiser", "economics.intermediate"),
    ("real_estate_appraiser", "q_real_estate_appraiser", "economics.intermediate"),
    ("auctioneer", "q_auctioneer", "economics.assistant"),
    ("veterinarian", "q_veterinarian", "agri_vet.assistant"),
])
def test_the_section_8_2_items_that_waited_for_their_ladders(real, items, item, ladder, target):
    assert items[item]["ladder"] == ladder
    rules = [r for r in real.rules.values() if r.from_ == f"{ladder}.certified"]
    assert [(r.kind, r.to) for r in rules] == [("counts_as", (target,))]
    rule = rules[0]
    assert rule.cite[0].source == "qual-title-table-2022"
    assert rule.conditions.other == (Words(zh="通过全国统一考试取得", en="obtained by passing the national unified examination"),)
    assert "summarised" in rule.note and rule.cite[0].quote == ""  # the table's wording was not recorded


def test_engineering_consulting_has_both_alternatives(real):
    assert real.rules["qual-eng-consultant-certified"].to == ("eng.intermediate", "economics.intermediate")


# -- broken catalogues: exact messages ----------------------------------------------------------

_OCC_HEAD = """\
catalogues:
  - id: occ
    kind: occupations
    cite: {{source: src-off, article: a, quote: q}}
    published: {published}
    occupations:
"""
_GOOD_OCC = [
    "{code: '6', zh: 生产制造, tier: 1}",
    "{code: 6-31, zh: 生产辅助人员, tier: 2, parent: '6'}",
    "{code: 6-31-01, zh: 机械设备修理人员, tier: 3, parent: 6-31}",
    "{code: 6-31-01-01, zh: 设备点检员, tier: 4, parent: 6-31-01}",
    "{code: 6-31-01-02, zh: 机修钳工, tier: 4, parent: 6-31-01}",
]
_COUNTS = "{tier1: 1, tier2: 1, tier3: 1, tier4: 2}"


def occupations_file(rows, published=_COUNTS) -> str:
    """A catalogue file; its occupation i is on line 7 + i."""
    return _OCC_HEAD.format(published=published) + "".join(f"      - {r}\n" for r in rows)


def with_row(i, row):
    rows = list(_GOOD_OCC)
    rows[i] = row
    return rows


_QUAL_FILE = """\
catalogues:
  - id: q
    kind: qualifications
    cite: {source: src-off, article: a, quote: q}
    published: {access: 2, level_evaluation: 0, skilled: 0}
    qualifications:
      - {id: a, seq: 1, zh: 甲, category: access, ladder: nope}
      - {id: b, seq: 2, zh: 乙, category: access, ladder: sk}
"""

BROKEN = [
    ("bad code", occupations_file(with_row(3, "{code: 6-31-01-1, zh: 设备点检员, tier: 4, parent: 6-31-01}")),
     [r"m/cat.yaml:10: catalogues[0].occupations[3].code: '6-31-01-1' is not a text matching ^\d(-\d{2}){0,3}$"]),
    ("tier not matching the code",
     occupations_file(with_row(3, "{code: 6-31-01-01, zh: 设备点检员, tier: 3, parent: 6-31-01}"),
                      "{tier1: 1, tier2: 1, tier3: 2, tier4: 1}"),
     ["m/cat.yaml:10: catalogues[0].occupations[3].tier: code '6-31-01-01' has 4 part(s), so its tier is 4, not 3"]),
    ("parent not matching the code",
     occupations_file(with_row(4, "{code: 6-31-01-02, zh: 机修钳工, tier: 4, parent: 6-31}")),
     ["m/cat.yaml:11: catalogues[0].occupations[4].parent: parent of '6-31-01-02' must be '6-31-01', not '6-31'"]),
    ("missing parent",
     occupations_file(_GOOD_OCC + ["{code: 6-32-01, zh: 无上级, tier: 3, parent: 6-32}"],
                      "{tier1: 1, tier2: 1, tier3: 2, tier4: 2}"),
     ["m/cat.yaml:12: catalogues[0].occupations[5].parent: parent '6-32' of '6-32-01' is not in the catalogue"]),
    ("duplicate code",
     occupations_file(with_row(4, "{code: 6-31-01-01, zh: 机修钳工, tier: 4, parent: 6-31-01}")),
     ["m/cat.yaml:11: catalogues[0].occupations[4].code: duplicate occupation code '6-31-01-01'",
      "m/cat.yaml:5: catalogues[0].published.tier4: the publication counts 2 tier4, the file has 1"]),
    ("counts not as published", occupations_file(_GOOD_OCC, "{tier1: 1, tier2: 1, tier3: 1, tier4: 3}"),
     ["m/cat.yaml:5: catalogues[0].published.tier4: the publication counts 3 tier4, the file has 2"]),
    ("unknown ladder", _QUAL_FILE,
     ["m/cat.yaml:7: catalogues[0].qualifications[0].ladder: unknown ladder 'nope'",
      "m/cat.yaml:8: catalogues[0].qualifications[1].ladder: ladder 'sk' is not a qualification ladder"]),
    ("duplicate catalogue id",
     occupations_file(_GOOD_OCC) + "  - {id: occ, kind: occupations, cite: {source: src-off, article: a, quote: q}}\n",
     ["m/cat.yaml:12: catalogues[1].id: duplicate catalogue id 'occ'"]),
]


def _errors(root) -> list[str]:
    with pytest.raises(MappingErrors) as info:
        compile_folder(root, display_root="m")
    return [str(e) for e in info.value.errors]


def test_a_good_catalogue_compiles(tmp_path):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "cat.yaml": occupations_file(_GOOD_OCC)})
    catalogue = compile_folder(root)["catalogue"]
    assert catalogue["catalogues"]["occ"]["counts"] == {"tier1": 1, "tier2": 1, "tier3": 1, "tier4": 2}
    assert list(catalogue["occupations"]) == ["6", "6-31", "6-31-01", "6-31-01-01", "6-31-01-02"]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in BROKEN])
def test_broken_catalogue_exact_messages(tmp_path, text, expected):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "cat.yaml": text})
    assert _errors(root) == expected


def test_validate_lists_catalogue_problems(runner, tmp_path):
    root = write_folder(tmp_path / "m", {**TINY_FILES, "cat.yaml": _QUAL_FILE})
    result = runner.invoke(cli, ["validate", str(root), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{root}/cat.yaml:7: catalogues[0].qualifications[0].ladder: unknown ladder 'nope'",
        f"{root}/cat.yaml:8: catalogues[0].qualifications[1].ladder: ladder 'sk' is not a qualification ladder",
    ]
    assert "2 problems in the mappings" in result.stderr


# -- OCCUPATION:GRADE credentials -------------------------------------------------------------

@pytest.mark.parametrize("name, level, code", [
    ("电工:技师", "skill.technician", "6-31-01-03"),
    ("电工：技师", "skill.technician", "6-31-01-03"),
    ("6-31-01-03:高级工", "skill.senior", "6-31-01-03"),
    ("电工:三级", "skill.senior", "6-31-01-03"),
    # a name shared by a group (2-01-02) and its one occupation (2-01-02-00) names the occupation
    ("经济学研究人员:高级工", "skill.senior", "2-01-02-00"),
])
def test_occupation_grade_credentials(real, name, level, code):
    lev, occ = real.credential(name)
    assert lev.ref == level
    assert occ["code"] == code and occ["tier"] == 4
    assert real.level(name).ref == level


def test_a_plain_level_has_no_occupation(real):
    lev, occ = real.credential("技师")
    assert lev.ref == "skill.technician" and occ is None
    # LADDER:LEVEL still names a ladder, not an occupation
    lev, occ = real.credential("职业技能等级:技师")
    assert lev.ref == "skill.technician" and occ is None


def test_a_group_code_is_not_an_occupation(real):
    assert real.occupation("6-31-01")["tier"] == 3
    assert real.candidates("6-31-01:高级工") == []
    with pytest.raises(UnknownLevelError) as info:
        real.credential("6-31-01:高级工")
    assert str(info.value) == ("unknown level '6-31-01:高级工' (6-31-01 机械设备修理人员 is a group of the "
                               "职业分类大典, not an occupation)")


def test_an_occupation_holds_only_skill_grades(real):
    assert real.candidates("电工:工程师") == []
    with pytest.raises(UnknownLevelError) as info:
        real.level("电工:工程师")
    assert str(info.value).startswith("unknown level '电工:工程师' (电工 6-31-01-03 is an occupation: "
                                      "name one of its skill grades)")
    with pytest.raises(UnknownLevelError) as info:
        real.level("电工:技币")
    assert "did you mean: 电工:技师" in str(info.value)


def test_occupation_grade_in_the_cli(runner):
    result = runner.invoke(cli, ["--mappings", str(SHIPPED), "lookup", "电工:工程师", "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown level '电工:工程师'")


# -- the catalogue's own cache file -------------------------------------------------------------

def test_catalogue_is_cached_apart_and_loaded_when_needed(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", str(cache))
    cold = Registry.load(SHIPPED)
    assert "catalogue" in cold.index  # compiled: everything is in memory
    names = sorted(p.name for p in cache.glob("index-*.pickle"))
    assert len(names) == 2 and names[0].endswith("-catalogue.pickle")
    warm = Registry.load(SHIPPED)
    assert "catalogue" not in warm.index and "search" not in warm.index
    # a plain level needs no catalogue
    assert warm.level("技师").ref == "skill.technician"
    assert "catalogue" not in warm.index
    assert len(warm.catalogue["occupations"]) == 2176
    assert "catalogue" in warm.index
    assert warm.catalogue["occupations"] == cold.catalogue["occupations"]


def test_an_occupation_credential_loads_the_catalogue(tmp_path, monkeypatch):
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", str(tmp_path / "cache"))
    Registry.load(SHIPPED)
    warm = Registry.load(SHIPPED)
    assert "catalogue" not in warm.index
    assert warm.credential("电工:技师")[1]["code"] == "6-31-01-03"
    assert "catalogue" in warm.index


def test_a_lost_catalogue_file_is_rebuilt(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("EQUIVALENCE_CACHE_DIR", str(cache))
    Registry.load(SHIPPED)
    for p in cache.glob("index-*-catalogue.pickle"):
        p.unlink()
    warm = Registry.load(SHIPPED)
    assert warm.occupation("电工")["code"] == "6-31-01-03"


def test_a_folder_without_catalogues(tiny):
    assert tiny.catalogue["occupations"] == {} and tiny.catalogue["qualifications"] == {}
    assert tiny.occupation("电工") is None
    assert tiny.candidates("电工:技师") == []
