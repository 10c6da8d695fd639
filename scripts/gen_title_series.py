"""Generate mappings/ladders/title-series.yaml and mappings/rules/series-tiers.yaml.

Usage: python3 scripts/gen_title_series.py [--out DIR] [--csv PATH]
  DIR defaults to the repo's mappings/ folder; PATH to ../shared/data/professional-titles-gbt8561-2001.csv
  (GB/T 8561-2001 专业技术职务代码), whose old names are added as aliases (see GBT_SERIES below).
Prints a report of the GB/T names added, already present and skipped (with the reason).
"""
import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

def q(s):
    return json.dumps(s, ensure_ascii=False)

RANK = {"clerk": 1, "assistant": 2, "intermediate": 3, "associate_senior": 4, "full_senior": 5}
TIER_ZH = {"clerk": "员级", "assistant": "助理级", "intermediate": "中级", "associate_senior": "副高级", "full_senior": "正高级"}

# The page's wording was recorded for row 5 only: the other rows are known as a transcription (names in the
# column order 正高 / 副高 / 中级 / 助理 / 员级), which goes in the note, never in the quote.
ROWNOTE = ""
SRC = "title-names-2021"

def row(n, text):
    return {"source": SRC, "article": f"{'rows' if isinstance(n, str) else 'row'} {n} (columns 正高级 / 副高级 / 中级 / 助理级 / 员级)",
            "quote": "", "seen": text}

ROW1 = row(1, "1 高等学校教师: 教授 / 副教授 / 讲师 / 助教")
ROW23 = row("2–3", "2 哲学社会科学研究: 研究员 / 副研究员 / 助理研究员 / 研究实习员; 3 自然科学研究: same")
ROW4 = row(4, "4 卫生技术: 主任医师 / 副主任医师 / 主治(主管)医师 / 医师 / 医士 (and parallel 药, 护, 技 ladders)")
ROW5 = {"source": SRC, "article": "row 5 (columns 正高级 / 副高级 / 中级 / 助理级 / 员级)",
        "quote": "5 | 工程技术人员 | 正高级工程师 | 高级工程师 | 工程师 | 助理工程师 | 技术员 |"}
ROW6 = row(6, "6 农业技术: 正高级农艺师 / 高级农艺师 / 农艺师 / 助理农艺师 / 农业技术员 (+ 畜牧, 兽医; 农业技术推广研究员 = 正高)")
ROW7 = row(7, "7 新闻: 高级记者 / 主任记者 / 记者 / 助理记者 (编辑 track likewise)")
ROW8 = row(8, "8 出版: 编审 / 副编审 / 编辑 / 助理编辑")
ROW9 = row(9, "9 图书资料: 研究馆员 / 副研究馆员 / 馆员 / 助理馆员 / 管理员")
ROW10 = row(10, "10 文物博物: 研究馆员 … 助理馆员")
ROW11 = row(11, "9 图书资料: 研究馆员 / 副研究馆员 / 馆员 / 助理馆员 / 管理员; 10 文物博物: 研究馆员 … 助理馆员; 11 档案: as 9")
ROW12 = row(12, "12 工艺美术: 正高级工艺美术师 / 高级工艺美术师 / 工艺美术师 / 助理工艺美术师 / 工艺美术员")
ROW13 = row(13, "13 技工院校教师: 正高级讲师 / 高级讲师 / 讲师 / 助理讲师 (+ 实习指导教师 track)")
ACC = {"source": "accounting-titles-2019", "article": "article not identified",
       "quote": "会计人员职称层级分为初级、中级、副高级和正高级。初级职称只设助理级,高级职称分设副高级和正高级。…名称依次为助理会计师、会计师、高级会计师和正高级会计师。"}
ENG16 = {"source": "mohrss-2019-16", "article": "article not identified (职称名称)",
         "quote": "员级、助理级、中级、副高级和正高级职称名称依次为技术员、助理工程师、工程师、高级工程师"}

def unv(text):
    return {"source": SRC, "article": "rows 14–27 (not seen)", "quote": "", "believed": text}

LAB = unv("实验技术 (正高级实验师 / 高级实验师 / 实验师 / 助理实验师 / 实验员)")
ART = unv("艺术 (一级 / 二级 / 三级 / 四级 演员, 演奏员, 编剧, 导演 …)")
SPORTS = unv("体育 (国家级教练 / 高级教练 / 中级教练 / 初级教练)")
UNV_BASE = ("UNVERIFIED: rows 14–27 of the 2021 list were not retrieved, so there is no quote; the names are "
            "believed, not seen. ")
UNV_BRIDGE = ("The series itself is confirmed by 人社部发〔2020〕96号 "
              "('将贯通领域扩大为工程、农业、工艺美术、文物博物、实验技术、艺术、体育、技工院校教师等职称系列'). ")
UNV_NOTE = UNV_BASE + UNV_BRIDGE
BRIDGE_SERIES = {"lab", "art", "sports"}

FULL_SENIOR_2017 = {"source": "mohrss-2017-full-senior", "article": "article not identified",
                    "quote": "明确目前未设置正高级的职称系列均设置到正高级,共涉及中小学教师、工程、经济、会计、统计等11个系列"}
# The series the 2017 notice's passage names (of its 11): their 正高级 counts as 正高级 from the notice on, not
# from a later list (a correspondence starts at the earliest document that states it). Not the six it leaves unnamed.
FULL_SENIOR_2017_SERIES = ("eng", "accounting", "economics", "statistics", "primary_secondary_teacher")
FULL_SENIOR_2017_NOTE = (
    "From 2017 (first citation), not from a later document: the correspondence starts at the earliest document that "
    "states it. The 2017 notice of 人社部办公厅 (关于在部分系列设置正高级职称有关问题的通知, 文号 not verified) set up 正高级 in "
    "every series that lacked it and names 中小学教师, 工程, 经济, 会计 and 统计 among the 11 series; it was seen only on a "
    "secondary page in traditional characters, and the quote is converted to simplified characters. ")
ENG_FULL_SENIOR_NOTE = (
    "16号 (2019, cited next) names the five tiers of the series, 正高级 among them, and sets the 高级工程师 → 正高级工程师 "
    "conditions (eng16-full-senior-bachelor); the excerpt seen ends before the fifth name, which the 2021 list cited "
    "last gives.")

# (id, zh, en, cite, ladder note, confidence, header comment, [(tier, zh, en, aliases, extra)])
S = []

S.append(("hedu", "高等学校教师", "Higher-education teachers", ROW1, ROWNOTE, None,
  "Row 1. No 员级. 讲师 is shared with 技工院校教师 (and 中等职业学校教师), so the zh is 讲师（高校） with no bare alias.",
  [("assistant", "助教", "Teaching assistant", ["助教（高校）", "高校助教"]),
   ("intermediate", "讲师（高校）", "Lecturer (higher education)", ["高校讲师", "大学讲师"]),
   ("associate_senior", "副教授", "Associate professor", []),
   ("full_senior", "教授", "Professor", ["正教授"])]))

def research(lid, zh, en, tag, comment):
    return (lid, zh, en, ROW23, ROWNOTE, None, comment,
      [("assistant", "研究实习员", "Research intern", [f"研究实习员（{tag}）"]),
       ("intermediate", "助理研究员", "Assistant research fellow", [f"助理研究员（{tag}）"]),
       ("associate_senior", "副研究员", "Associate research fellow", [f"副研究员（{tag}）"]),
       ("full_senior", "研究员", "Research fellow", [f"研究员（{tag}）"])])

S.append(research("ssresearch", "哲学社会科学研究", "Philosophy and social science research", "社会科学",
  "Row 2. No 员级. The bare names are shared with nsresearch (same titles); ask as 哲学社会科学研究:研究员. Bracketed aliases are the GB/T 8561-2001 names."))
S.append(research("nsresearch", "自然科学研究", "Natural science research", "自然科学",
  "Row 3 ('same' as row 2). No 员级. Bare names shared with ssresearch; bracketed aliases are the GB/T 8561-2001 names."))

HNOTE = ("Row 4 gives the 医 ladder by name and only says 'parallel 药, 护, 技 ladders'; ")
S.append(("health_doctor", "卫生技术（医疗）", "Health technology: physicians", ROW4, ROWNOTE, None,
  "Row 4, 医 track.",
  [("clerk", "医士", "Assistant doctor", []),
   ("assistant", "医师", "Physician", ["医师（初级）"]),
   ("intermediate", "主治医师", "Attending physician", ["主治（主管）医师", "主治(主管)医师"]),
   ("associate_senior", "副主任医师", "Associate chief physician", []),
   ("full_senior", "主任医师", "Chief physician", [])]))
S.append(("health_pharmacist", "卫生技术（药学）", "Health technology: pharmacists", ROW4,
  HNOTE + "the 药 level names are those of GB/T 8561-2001 (codes 241–245) and ladders.md. " + ROWNOTE, None,
  "Row 4, 药 track (names not transcribed in #4.12; from GB/T 8561-2001 and ladders.md).",
  [("clerk", "药士", "Pharmacy assistant", []),
   ("assistant", "药师", "Pharmacist", ["药师（初级）"]),
   ("intermediate", "主管药师", "Pharmacist-in-charge", []),
   ("associate_senior", "副主任药师", "Associate chief pharmacist", []),
   ("full_senior", "主任药师", "Chief pharmacist", [])]))
S.append(("health_nurse", "卫生技术（护理）", "Health technology: nurses", ROW4,
  HNOTE + "the 护 level names are those of GB/T 8561-2001 (codes 251–255) and ladders.md. " + ROWNOTE, None,
  "Row 4, 护 track (names not transcribed in #4.12; from GB/T 8561-2001 and ladders.md).",
  [("clerk", "护士", "Nurse", ["护士（初级）"]),
   ("assistant", "护师", "Senior nurse", []),
   ("intermediate", "主管护师", "Nurse-in-charge", []),
   ("associate_senior", "副主任护师", "Associate chief nurse", []),
   ("full_senior", "主任护师", "Chief nurse", [])]))
S.append(("health_technologist", "卫生技术（技术）", "Health technology: medical technologists", ROW4,
  HNOTE + "the 技 level names are those of GB/T 8561-2001 (codes 261–265) and ladders.md. " + ROWNOTE, None,
  "Row 4, 技 track (names not transcribed in #4.12; from GB/T 8561-2001 and ladders.md).\n"
  "# 技师 here clashes with the skill grade 技师 (二级): the zh is 技师（卫生） and there is NO bare 技师 alias.",
  [("clerk", "技士", "Health technician", ["技士（卫生）"]),
   ("assistant", "技师（卫生）", "Medical technologist", ["技师（卫生技术）", "卫生技师"]),
   ("intermediate", "主管技师", "Technologist-in-charge", []),
   ("associate_senior", "副主任技师", "Associate chief technologist", []),
   ("full_senior", "主任技师", "Chief technologist", [])]))

S.append(("eng", "工程技术", "Engineering technology", ROW5,
  "Row 5 was quoted literally. 人社部发〔2019〕16号 states the same names (#4.4). 正高级 was set up in 工程 from 2017 "
  "(mohrss-2017-full-senior, #4.2); no effective_from is set on full_senior because its old names (教授级高级工程师 …, "
  "aliases here) were in use before.", None,
  "Row 5 (literal quote) and 人社部发〔2019〕16号 (#4.4). Old GB/T 8561-2001 / pre-2017 names kept as aliases\n"
  "# (教授级高级工程师, 研究员级高级工程师 → 正高级工程师). 正高级 set up in 工程 from 2017 (#4.2; see note).",
  [("clerk", "技术员", "Engineering technician", ["工程技术员"]),
   ("assistant", "助理工程师", "Assistant engineer", ["助工"]),
   ("intermediate", "工程师", "Engineer", ["中级工程师"]),
   ("associate_senior", "高级工程师", "Senior engineer", ["高工", "副高级工程师"]),
   ("full_senior", "正高级工程师", "Full senior engineer",
    ["正高工", "教授级高级工程师", "教授级高工", "研究员级高级工程师", "研究员级高工", "Professor-level senior engineer"],
    FULL_SENIOR_2017)]))

S.append(("agri", "农业技术（农艺）", "Agricultural technology (agronomy)", ROW6, ROWNOTE, None,
  "Row 6, 农艺 track (畜牧 and 兽医 tracks: agri_animal, agri_vet). 农业技术推广研究员 (old 正高 name,\n"
  "# GB/T 8561-2001 code 091) is an alias of 正高级农艺师, as row 6 says.",
  [("clerk", "农业技术员", "Agricultural technician", ["农业技术员（农艺）"]),
   ("assistant", "助理农艺师", "Assistant agronomist", []),
   ("intermediate", "农艺师", "Agronomist", []),
   ("associate_senior", "高级农艺师", "Senior agronomist", []),
   ("full_senior", "正高级农艺师", "Full senior agronomist",
    ["农业技术推广研究员", "农业技术推广研究员（农艺）", "农业技术推广研究员(农艺)"])]))

AGRI_TRACK_NOTE = ("Row 6 names only the 农艺 ladder and adds '+ 畜牧, 兽医; 农业技术推广研究员 = 正高'; the level names of this "
                   "track are those of GB/T 8561-2001 ({codes}) and ladders.md ('正高级农艺(畜牧/兽医)师'); the 正高级 name is "
                   "from ladders.md alone (GB/T had 农业技术推广研究员 there). " + ROWNOTE)
S.append(("agri_animal", "农业技术（畜牧）", "Agricultural technology (animal husbandry)", ROW6,
  AGRI_TRACK_NOTE.format(codes="codes 111–115"), "low",
  "Row 6, 畜牧 track. confidence low: level names not in the #4.12 transcription (GB/T 8561-2001 and ladders.md;\n"
  "# 正高级畜牧师 from ladders.md alone).",
  [("clerk", "畜牧技术员", "Animal husbandry technician", []),
   ("assistant", "助理畜牧师", "Assistant animal husbandry specialist", []),
   ("intermediate", "畜牧师", "Animal husbandry specialist", []),
   ("associate_senior", "高级畜牧师", "Senior animal husbandry specialist", []),
   ("full_senior", "正高级畜牧师", "Full senior animal husbandry specialist", [])]))
S.append(("agri_vet", "农业技术（兽医）", "Agricultural technology (veterinary)", ROW6,
  AGRI_TRACK_NOTE.format(codes="codes 101–105"), "low",
  "Row 6, 兽医 track. confidence low: level names not in the #4.12 transcription (GB/T 8561-2001 and ladders.md;\n"
  "# 正高级兽医师 from ladders.md alone).",
  [("clerk", "兽医技术员", "Veterinary technician", []),
   ("assistant", "助理兽医师", "Assistant veterinarian", []),
   ("intermediate", "兽医师", "Veterinarian", []),
   ("associate_senior", "高级兽医师", "Senior veterinarian", []),
   ("full_senior", "正高级兽医师", "Full senior veterinarian", [])]))

S.append(("journalism", "新闻（记者）", "Journalism (reporters)", ROW7, ROWNOTE, None,
  "Row 7, 记者 track. No 员级.",
  [("assistant", "助理记者", "Assistant journalist", []),
   ("intermediate", "记者", "Journalist", ["记者（新闻）"]),
   ("associate_senior", "主任记者", "Associate senior journalist", []),
   ("full_senior", "高级记者", "Senior journalist", [])]))
S.append(("journalism_editor", "新闻（编辑）", "Journalism (news editors)", ROW7,
  "Row 7 says only '编辑 track likewise'; the level names are those of GB/T 8561-2001 (codes 201–204) and ladders.md "
  "(高级记者/编辑, 主任记者/编辑 …). 编辑 and 助理编辑 are also 出版 titles, hence the bracketed zh. " + ROWNOTE, None,
  "Row 7, 编辑 track ('编辑 track likewise'). No 员级. 编辑 / 助理编辑 are also 出版 titles (publishing ladder keeps\n"
  "# the bare names), so here the zh is bracketed: 编辑（新闻）, 助理编辑（新闻）.",
  [("assistant", "助理编辑（新闻）", "Assistant news editor", []),
   ("intermediate", "编辑（新闻）", "News editor", []),
   ("associate_senior", "主任编辑", "Associate senior news editor", []),
   ("full_senior", "高级编辑", "Senior news editor", [])]))

S.append(("publishing", "出版", "Publishing", ROW8, ROWNOTE, None,
  "Row 8, 编辑 track. No 员级 in this track. The 技术编辑 and 校对 tracks are other titles, not aliases: they are\n"
  "# the ladders publishing_tech_editor and publishing_proofreader.",
  [("assistant", "助理编辑", "Assistant editor", ["助理编辑（出版）"]),
   ("intermediate", "编辑", "Editor", ["编辑（出版）"]),
   ("associate_senior", "副编审", "Associate senior editor", []),
   ("full_senior", "编审", "Senior editor", [])]))

PUB_TRACK_NOTE = ("Row 8 as transcribed lists only the 编辑 track (编审 … 助理编辑); this track's names are those of ladders.md "
                  "and GB/T 8561-2001 ({codes}), which give no 副高级 or 正高级 for it, so none is encoded. " + ROWNOTE)
S.append(("publishing_tech_editor", "出版（技术编辑）", "Publishing (technical editors)", ROW8,
  PUB_TRACK_NOTE.format(codes="codes 163–165"), "low",
  "Row 8, 技术编辑 track (ladders.md: 技术编辑 中级, 助理技术编辑 助理级, 技术设计员 员级). confidence low: not in the\n"
  "# #4.12 transcription. Only these three tiers are named anywhere in the reference.",
  [("clerk", "技术设计员", "Technical designer (publishing)", []),
   ("assistant", "助理技术编辑", "Assistant technical editor", []),
   ("intermediate", "技术编辑", "Technical editor", [])]))
S.append(("publishing_proofreader", "出版（校对）", "Publishing (proofreaders)", ROW8,
  PUB_TRACK_NOTE.format(codes="codes 173–175"), "low",
  "Row 8, 校对 track (ladders.md: 一级校对 中级, 二级校对 助理级, 三级校对 员级). confidence low: not in the #4.12\n"
  "# transcription. Only these three tiers are named anywhere in the reference.",
  [("clerk", "三级校对", "Proofreader, grade 3", []),
   ("assistant", "二级校对", "Proofreader, grade 2", []),
   ("intermediate", "一级校对", "Proofreader, grade 1", [])]))

def librarylike(lid, zh, en, cite, tag, nouns, with_clerk, comment, clerk_zh=None):
    lv = []
    if with_clerk:
        lv.append(("clerk", clerk_zh, nouns[0], [f"管理员（{tag}）"] if clerk_zh != f"管理员（{tag}）" else []))
    lv += [("assistant", "助理馆员", nouns[1], [f"助理馆员（{tag}）"]),
           ("intermediate", "馆员", nouns[2], [f"馆员（{tag}）"]),
           ("associate_senior", "副研究馆员", nouns[3], [f"副研究馆员（{tag}）"]),
           ("full_senior", "研究馆员", nouns[4], [f"研究馆员（{tag}）"])]
    return (lid, zh, en, cite, ROWNOTE, None, comment, lv)

S.append(librarylike("library", "图书资料", "Library and information", ROW9, "图书",
  ["Library clerk", "Assistant librarian", "Librarian", "Associate research librarian", "Research librarian"], True,
  "Row 9. The 馆员 names are shared with museum and archives (ask as 图书资料:馆员). 管理员 is a common generic word,\n"
  "# so the 员级 zh is bracketed: 管理员（图书资料）. Bracketed aliases are the GB/T 8561-2001 names.",
  clerk_zh="管理员（图书资料）"))
S.append(librarylike("museum", "文物博物", "Cultural relics and museums", ROW10, "文博",
  ["", "Assistant curator", "Curator", "Associate research curator", "Research curator"], False,
  "Row 10 as transcribed ends at 助理馆员 ('研究馆员 … 助理馆员'), so no 员级 is encoded; GB/T 8561-2001 had\n"
  "# 管理员（文博） (code 655) but the 2021 list was not seen to keep it, so that old name is not an alias."))
S.append(librarylike("archives", "档案", "Archives", ROW11, "档案",
  ["Archives clerk", "Assistant archivist", "Archivist", "Associate research archivist", "Research archivist"], True,
  "Row 11 ('as 9'). 员级 zh bracketed as in library: 管理员（档案）.", clerk_zh="管理员（档案）"))

S.append(("arts_crafts", "工艺美术", "Arts and crafts", ROW12, ROWNOTE, None, "Row 12.",
  [("clerk", "工艺美术员", "Arts and crafts technician", []),
   ("assistant", "助理工艺美术师", "Assistant arts and crafts designer", []),
   ("intermediate", "工艺美术师", "Arts and crafts designer", []),
   ("associate_senior", "高级工艺美术师", "Senior arts and crafts designer", []),
   ("full_senior", "正高级工艺美术师", "Full senior arts and crafts designer", [])]))

S.append(("techschool_teacher", "技工院校教师（文化、专业课）", "Technical-school teachers (general and specialty courses)", ROW13, ROWNOTE, None,
  "Row 13, 文化 / 专业课 track. No 员级 (GB/T 8561-2001 had 教员（技校）, not in the 2021 row). 讲师 is shared with\n"
  "# 高等学校教师 and 中等职业学校教师: zh 讲师（技工院校）, no bare alias. 助理讲师 / 高级讲师 / 正高级讲师 are the same\n"
  "# titles (same tier) in 中等职业学校教师, so the zh is bracketed (…（技工院校）) and the bare name is an alias in both\n"
  "# ladders: a bare 高级讲师 is ambiguous and asks for 技工院校教师:高级讲师 or 中等职业学校教师:高级讲师.\n"
  "# Bracketed aliases (技校) are the GB/T 8561-2001 names.",
  [("assistant", "助理讲师（技工院校）", "Assistant lecturer (technical school)", ["助理讲师", "助理讲师（技校）"]),
   ("intermediate", "讲师（技工院校）", "Lecturer (technical school)", ["讲师（技校）", "技工院校讲师"]),
   ("associate_senior", "高级讲师（技工院校）", "Senior lecturer (technical school)", ["高级讲师", "高级讲师（技校）"]),
   ("full_senior", "正高级讲师（技工院校）", "Full senior lecturer (technical school)", ["正高级讲师"])]))
S.append(("techschool_instructor", "技工院校教师（实习指导）", "Technical-school internship instructors", ROW13,
  "Row 13 says only '+ 实习指导教师 track'; the level names are not in the transcription. 三级 … 高级实习指导教师 are "
  "the GB/T 8561-2001 names (codes 042–045); 正高级实习指导教师 is only in ladders.md (compiled). " + ROWNOTE, "low",
  "Row 13, 实习指导教师 track. confidence low: level names not in the #4.12 transcription (GB/T 8561-2001 and\n"
  "# ladders.md only; 正高级实习指导教师 from ladders.md alone).",
  [("clerk", "三级实习指导教师", "Third-grade internship instructor", []),
   ("assistant", "二级实习指导教师", "Second-grade internship instructor", []),
   ("intermediate", "一级实习指导教师", "First-grade internship instructor", []),
   ("associate_senior", "高级实习指导教师", "Senior internship instructor", []),
   ("full_senior", "正高级实习指导教师", "Full senior internship instructor", [])]))

S.append(("accounting", "会计", "Accounting", ACC,
  "From 《关于深化会计人员职称制度改革的指导意见》 (#4.11): 初级 has only 助理级, so there is no 员级 (the old 会计员 is not kept). "
  "正高级 was set up in 会计 from 2017 (mohrss-2017-full-senior, #4.2); not encoded as an effective_from (earlier pilots not covered by the reference).", None,
  "会计 (policy-rules.md #4.11, accounting-titles-2019). 初级 only 助理级: no 员级. 初级会计师 / 中级会计师 are the\n"
  "# names people type for the 助理会计师 / 会计师 titles (safe here because 会计 初级 has one tier only).",
  [("assistant", "助理会计师", "Assistant accountant", ["初级会计师", "初级会计职称"]),
   ("intermediate", "会计师", "Accountant", ["中级会计师", "中级会计职称"]),
   ("associate_senior", "高级会计师", "Senior accountant", ["高会"]),
   ("full_senior", "正高级会计师", "Full senior accountant", [], FULL_SENIOR_2017)]))

S.append(("lab", "实验技术", "Laboratory technology", LAB,
  UNV_NOTE + "Names agree with GB/T 8561-2001 (codes 072–075) and ladders.md; 正高级实验师 is from #4.12b / ladders.md only.", "low",
  "实验技术: NOT verified (policy-rules.md #4.12b, ladders.md); needed by the 96号 bridge. confidence low.",
  [("clerk", "实验员", "Laboratory technician", []),
   ("assistant", "助理实验师", "Assistant experimentalist", []),
   ("intermediate", "实验师", "Experimentalist", []),
   ("associate_senior", "高级实验师", "Senior experimentalist", []),
   ("full_senior", "正高级实验师", "Full senior experimentalist", [])]))

S.append(("art", "艺术", "Performing and fine arts", ART,
  UNV_NOTE + "Level zh names are generic (四级（艺术） … 一级（艺术）); the specialty titles are aliases, from GB/T 8561-2001 "
  "(codes 281–364). No 员级 encoded (ladders.md: '— [verify]'). Bare 一级 … 四级 are NOT aliases: they clash with skill grades.", "low",
  "艺术: NOT verified (#4.12b, ladders.md); needed by the 96号 bridge. confidence low. The series has many specialties\n"
  "# (演员, 演奏员, 编剧, 导演, 指挥, 作曲, 美术, 舞美, 舞台技术 …); one ladder, specialty titles as aliases (all from\n"
  "# GB/T 8561-2001 codes 281–364; 舞台技术员 / 舞台技师 / 主任舞台技师 are whole names, not the skill grade 技师).",
  [("assistant", "四级（艺术）", "Artist, grade 4",
    ["四级演员", "四级演奏员", "四级编剧", "四级导演", "四级指挥", "四级作曲", "美术员", "舞美设计员"]),
   ("intermediate", "三级（艺术）", "Artist, grade 3",
    ["三级演员", "三级演奏员", "三级编剧", "三级导演", "三级指挥", "三级作曲", "三级美术师", "三级舞美设计师"]),
   ("associate_senior", "二级（艺术）", "Artist, grade 2",
    ["二级演员", "二级演奏员", "二级编剧", "二级导演", "二级指挥", "二级作曲", "二级美术师", "二级舞美设计师"]),
   ("full_senior", "一级（艺术）", "Artist, grade 1",
    ["一级演员", "一级演奏员", "一级编剧", "一级导演", "一级指挥", "一级作曲", "一级美术师", "一级舞美设计师"])]))

S.append(("sports", "体育（教练员）", "Sports coaches", SPORTS,
  UNV_NOTE + "Old names (GB/T 8561-2001 codes 371–374: 二级教练, 一级教练) kept as aliases, as ladders.md gives them "
  "('旧称'). GB/T 8561-2001 also had 三级教练 (员级); whether today's series keeps a 员级 is unverified, so none is encoded.", "low",
  "体育 (教练员): NOT verified (#4.12b, ladders.md); needed by the 96号 bridge. confidence low. No 员级 encoded.",
  [("assistant", "初级教练", "Junior coach", ["二级教练"]),
   ("intermediate", "中级教练", "Intermediate coach", ["一级教练"]),
   ("associate_senior", "高级教练", "Senior coach", []),
   ("full_senior", "国家级教练", "National-level coach", ["国家级教练员"])]))


# ---------------- rows 14–27 not yet encoded (all UNVERIFIED, policy-rules.md #4.12b)

def unv_ladder_note(extra):
    return UNV_BASE + extra

S.append(("primary_secondary_teacher", "中小学教师", "Primary and secondary school teachers",
  unv("中小学教师 (正高级教师 / 高级教师 / 一级教师 / 二级教师 / 三级教师)"),
  unv_ladder_note("ladders.md agrees. 正高级 was set up in 中小学教师 from 2017 (mohrss-2017-full-senior, #4.2). "
                  "Old GB/T 8561-2001 names: the 中学 series (050) matches tier for tier and is kept as aliases; of the 小学 "
                  "series (410: 高级教师（小学） 中级, 一级教师（小学） 助理级, 二级/三级教师（小学） 员级) only 三级教师（小学） is kept, "
                  "the others would clash inside this ladder (高级教师（小学） read in this ladder is 高级教师, a 副高级 title)."), "low",
  "中小学教师: NOT verified (#4.12b, ladders.md). confidence low. Bare names are kept: no other ladder uses them.\n"
  "# The old 小学 names (高级教师（小学） = 中级 …) are NOT aliases (they clash inside the ladder; see note).",
  [("clerk", "三级教师", "Third-grade teacher", ["三级教师（中小学）"]),
   ("assistant", "二级教师", "Second-grade teacher", ["二级教师（中小学）"]),
   ("intermediate", "一级教师", "First-grade teacher", ["一级教师（中小学）"]),
   ("associate_senior", "高级教师", "Senior teacher", ["高级教师（中小学）"]),
   ("full_senior", "正高级教师", "Full senior teacher", ["正高级教师（中小学）"], FULL_SENIOR_2017)]))

S.append(("secondary_vocational_teacher", "中等职业学校教师", "Secondary vocational school teachers",
  unv("中等职业学校教师 (正高级讲师 / 高级讲师 / 讲师 / 助理讲师)"),
  unv_ladder_note("ladders.md agrees and marks the 员级 column '— [verify]': no 员级 is encoded (GB/T 8561-2001's "
                  "教员（中专） is therefore not an alias). The GB/T 中等专业学校教师 series (020, 中专) is taken as this "
                  "series' predecessor: its 高级讲师 / 讲师 / 助理讲师（中专） are aliases here."), "low",
  "中等职业学校教师: NOT verified (#4.12b, ladders.md; 员级 [verify]). confidence low. Titles shared with 技工院校教师\n"
  "# (same names, same tiers): zh bracketed (…（中职）); 讲师 has no bare alias (高等学校教师), the others do (ambiguous\n"
  "# with 技工院校教师, so a bare 高级讲师 asks for the ladder).",
  [("assistant", "助理讲师（中职）", "Assistant lecturer (secondary vocational school)", ["助理讲师", "助理讲师（中等职业学校）"]),
   ("intermediate", "讲师（中职）", "Lecturer (secondary vocational school)", ["讲师（中等职业学校）", "中职讲师"]),
   ("associate_senior", "高级讲师（中职）", "Senior lecturer (secondary vocational school)", ["高级讲师", "高级讲师（中等职业学校）", "中职高级讲师"]),
   ("full_senior", "正高级讲师（中职）", "Full senior lecturer (secondary vocational school)", ["正高级讲师", "正高级讲师（中等职业学校）"])]))

def fourstep(lid, zh, en, word, en_word, quote, extra_note, comment, full_cite=None, first_aliases=True):
    return (lid, zh, en, unv(quote), unv_ladder_note(extra_note), "low", comment,
      [("assistant", f"助理{word}", f"Assistant {en_word}", [f"初级{word}"] if first_aliases else []),
       ("intermediate", word, en_word[0].upper() + en_word[1:], [f"中级{word}"]),
       ("associate_senior", f"高级{word}", f"Senior {en_word}", []),
       ("full_senior", f"正高级{word}", f"Full senior {en_word}", [], full_cite) if full_cite else
       ("full_senior", f"正高级{word}", f"Full senior {en_word}", [])])

NO_CLERK = ("No 员级 (ladders.md: '—'{v}); GB/T 8561-2001's {old} is therefore not an alias. 初级{w} / 中级{w} are the names "
            "people use for the 助理{w} / {w} titles (safe because the ladder has one 初级 tier). ")
S.append(fourstep("economics", "经济", "Economics", "经济师", "economist",
  "经济 (正高级经济师 / 高级经济师 / 经济师 / 助理经济师)",
  NO_CLERK.format(v="", old="经济员", w="经济师") + "正高级 was set up in 经济 from 2017 (mohrss-2017-full-senior, #4.2).",
  "经济: NOT verified (#4.12b, ladders.md). confidence low. No 员级.", FULL_SENIOR_2017))
S.append(fourstep("statistics", "统计", "Statistics", "统计师", "statistician",
  "统计 (正高级统计师 / 高级统计师 / 统计师 / 助理统计师)",
  NO_CLERK.format(v=" [verify]", old="统计员", w="统计师") + "正高级 was set up in 统计 from 2017 (mohrss-2017-full-senior, #4.2).",
  "统计: NOT verified (#4.12b, ladders.md; 员级 [verify]). confidence low. No 员级.", FULL_SENIOR_2017))
S.append(fourstep("audit", "审计", "Audit", "审计师", "auditor",
  "审计 (正高级审计师 / 高级审计师 / 审计师 / 助理审计师)",
  NO_CLERK.format(v=" [verify]", old="审计员", w="审计师"),
  "审计: NOT verified (#4.12b, ladders.md; 员级 [verify]). confidence low. No 员级."))

S.append(("translation", "翻译", "Translation and interpreting",
  unv("翻译 (译审 / 一级翻译 / 二级翻译 / 三级翻译)"),
  unv_ladder_note("ladders.md gives the older names instead (译审 / 副译审 / 翻译 / 助理翻译, the GB/T 8561-2001 names, "
                  "codes 181–184); the level names follow #4.12b and the older names are aliases on the same tiers. No 员级."), "low",
  "翻译: NOT verified (#4.12b; ladders.md has the older names, kept as aliases). confidence low. No 员级.",
  [("assistant", "三级翻译", "Translator, grade 3", []),
   ("intermediate", "二级翻译", "Translator, grade 2", []),
   ("associate_senior", "一级翻译", "Translator, grade 1", []),
   ("full_senior", "译审", "Senior translator (full senior)", [])]))

def bc(n, en_n):
    return [f"{n}播音员（主持人）", f"{n}播音员", f"{n}主持人"]
S.append(("broadcasting", "播音主持", "Broadcasting and hosting",
  unv("播音主持 (播音指导 / 主任播音员主持人 / 一级 / 二级 / 三级播音员主持人)"),
  unv_ladder_note("ladders.md agrees (一级播音员(主持人) …). GB/T 8561-2001 series 播音员 (220) gives the 播音员 names."), "low",
  "播音主持: NOT verified (#4.12b, ladders.md). confidence low.",
  [("clerk", "三级播音员主持人", "Announcer / host, grade 3", bc("三级", "3")),
   ("assistant", "二级播音员主持人", "Announcer / host, grade 2", bc("二级", "2")),
   ("intermediate", "一级播音员主持人", "Announcer / host, grade 1", bc("一级", "1")),
   ("associate_senior", "主任播音员主持人", "Chief announcer / host", bc("主任", "")),
   ("full_senior", "播音指导", "Broadcasting director (full senior)", [])]))

S.append(("legal_services", "公共法律服务", "Public legal services",
  unv("公共法律服务 (一级 / 二级 / 三级 / 四级 律师, 公证员)"),
  unv_ladder_note("The series has several specialties (律师, 公证员, … ); one ladder with generic level names "
                  "(四级（公共法律服务） … 一级（公共法律服务）), the specialty titles as aliases (GB/T 8561-2001 series 律师 390 and "
                  "公证员 400). No 员级 encoded: #4.12b lists four levels; ladders.md adds 律师助理 as 员级 but marks the row "
                  "[verify], and GB/T had 律师助理 / 公证助理员 (395, 405), which are therefore not aliases. "
                  "Bare 一级 … 四级 are NOT aliases (they clash with skill grades and posts)."), "low",
  "公共法律服务 (律师, 公证员 …): NOT verified (#4.12b, ladders.md [verify]). confidence low. Generic level names, specialty\n"
  "# titles as aliases. No 员级 (律师助理 is [verify] in ladders.md only).",
  [("assistant", "四级（公共法律服务）", "Public legal services, grade 4", []),
   ("intermediate", "三级（公共法律服务）", "Public legal services, grade 3", []),
   ("associate_senior", "二级（公共法律服务）", "Public legal services, grade 2", []),
   ("full_senior", "一级（公共法律服务）", "Public legal services, grade 1", [])]))

S.append(("shipping", "船舶", "Ship technical personnel",
  unv("船舶"),
  unv_ladder_note("#4.12b names the series only. The levels follow ladders.md ('— | 高级船长/轮机长/电机员/引航员… | "
                  "船长(大副)/大管轮… | 二副/二管轮… | 三副/三管轮… [verify]'): no 正高级 is encoded. The series has tracks "
                  "(驾驶, 轮机, 电机, 报务, 引航); one ladder with generic level names (员级（船舶） … 副高级（船舶）), the track "
                  "titles as aliases (GB/T 8561-2001 series 420, 430, 440, 450, 500 and ladders.md)."), "low",
  "船舶: NOT verified (#4.12b names it only; ladders.md [verify]). confidence low. No 正高级. Generic level names,\n"
  "# track titles (驾驶 / 轮机 / 电机 / 报务 / 引航) as aliases.",
  [("clerk", "员级（船舶）", "Ship officer, clerk level", []),
   ("assistant", "助理级（船舶）", "Ship officer, assistant level", []),
   ("intermediate", "中级（船舶）", "Ship officer, intermediate level", ["大副", "大管轮", "一等电机员"]),
   ("associate_senior", "副高级（船舶）", "Ship officer, associate senior level", [])]))

S.append(("civil_aviation", "民用航空飞行技术", "Civil aviation flight technology",
  unv("民用航空飞行技术"),
  unv_ladder_note("#4.12b names the series only. The levels follow ladders.md ('— | 一级飞行员/领航员… | 二级… | 三级… | "
                  "四级… [verify]'): no 正高级 is encoded, and 一级 is the 副高级 title. The series has tracks (驾驶, 领航, 通信, "
                  "机械); one ladder with generic level names (四级（民航飞行技术） … 一级（民航飞行技术）), the track titles as "
                  "aliases (GB/T 8561-2001 series 460–490)."), "low",
  "民用航空飞行技术: NOT verified (#4.12b names it only; ladders.md [verify]). confidence low. No 正高级; 一级 = 副高级.\n"
  "# Generic level names, track titles (飞行员 / 领航员 / 飞行通信员 / 飞行机械员) as aliases.",
  [("clerk", "四级（民航飞行技术）", "Flight crew, grade 4", []),
   ("assistant", "三级（民航飞行技术）", "Flight crew, grade 3", []),
   ("intermediate", "二级（民航飞行技术）", "Flight crew, grade 2", []),
   ("associate_senior", "一级（民航飞行技术）", "Flight crew, grade 1", [])]))


# ---------------- GB/T 8561-2001 old names as aliases

# GB/T series code -> ladder id, or None with the reason it is not used.
GBT_SERIES = {
    "010": "hedu", "020": "secondary_vocational_teacher", "030": "techschool_teacher",
    "040": "techschool_instructor", "050": "primary_secondary_teacher", "070": "lab", "080": "eng",
    "090": "agri", "100": "agri_vet", "110": "agri_animal", "120": "economics", "130": "accounting",
    "140": "statistics", "150": "publishing", "160": "publishing_tech_editor", "170": "publishing_proofreader",
    "180": "translation", "190": "journalism", "200": "journalism_editor", "220": "broadcasting",
    "230": "health_doctor", "240": "health_pharmacist", "250": "health_nurse", "260": "health_technologist",
    "270": "arts_crafts", **{c: "art" for c in ("280", "290", "300", "310", "320", "330", "340", "350", "360")},
    "370": "sports", "390": "legal_services", "400": "legal_services", "410": "primary_secondary_teacher",
    **{c: "shipping" for c in ("420", "430", "440", "450", "500")},
    **{c: "civil_aviation" for c in ("460", "470", "480", "490")},
    "610": "nsresearch", "620": "ssresearch", "640": "library", "650": "museum", "660": "archives",
    "670": None,  # 群众文化: not one of the 27 series (ladders.md: "some sources add 社会工作/群众文化")
    "680": "audit",
    "690": None,  # 法医: not one of the 27 series
    "980": None,  # 思想政治工作 (政工师): not one of the 27 series
    "999": None,  # 无
}
GBT_TIER = {"正高级": "full_senior", "副高级": "associate_senior", "中级": "intermediate",
            "初级(助理级)": "assistant", "初级(员级)": "clerk"}
GBT_SRC = "gbt-8561-2001"

_SPACE = re.compile(r"\s+")
_QUAL = re.compile(r"\([^()]*\)$")


def norm(name):  # as equivalence.names.normalize
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def strip(key):  # as equivalence.names.strip_qualifier
    return _QUAL.sub("", key)


def level_keys(lv):
    """Exact keys (id, zh, en, aliases) and in-ladder keys (zh / aliases with the qualifier dropped)."""
    exact = {norm(n) for n in [lv[0], lv[1], lv[2], *lv[3]]}
    return exact | {strip(norm(n)) for n in [lv[1], *lv[3]]}


def other_names(mappings_dir):
    """Normalized name -> ladder ids, over every ladder: the series here and the other mapping files."""
    import yaml

    found = {}
    for s_ in S:
        for lv in s_[7]:
            for n in [lv[1], *lv[3]]:
                found.setdefault(norm(n), set()).add(s_[0])
    for path in sorted(Path(mappings_dir).rglob("*.yaml")):
        if path.name == "title-series.yaml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for lad in data.get("ladders") or []:
            for lv in lad.get("levels") or []:
                for n in [lv.get("zh", ""), *(lv.get("aliases") or [])]:
                    found.setdefault(norm(n), set()).add(lad["id"])
    return found


def add_gbt_aliases(csv_path, mappings_dir):
    by_id = {s[0]: s for s in S}
    elsewhere = other_names(mappings_dir)
    report = {"added": [], "present": [], "skipped": []}
    cites = {}  # (ladder, tier) -> [(code, name)]
    with open(csv_path, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["row_type"] == "title"]
    for r in rows:
        code, name, series = r["code"], r["name"], r["series_code"]
        lid = GBT_SERIES[series]
        if lid is None:
            report["skipped"].append((code, name, f"series {r['series_name']} is not one of the 27"))
            continue
        tier = GBT_TIER[r["level_by_last_digit"]]
        levels = by_id[lid][7]
        mine = next((lv for lv in levels if lv[0] == tier), None)
        if mine is None:
            report["skipped"].append((code, name, f"{lid} has no {tier} level"))
            continue
        key = norm(name)
        if key in {norm(n) for n in [mine[1], mine[2], *mine[3]]}:
            cites.setdefault((lid, tier), []).append((code, name))
            report["present"].append((code, name, f"{lid}.{tier}"))
            continue
        clash = [lv[0] for lv in levels if lv is not mine and (key in level_keys(lv) or strip(key) in level_keys(lv))]
        if clash:
            report["skipped"].append((code, name, f"clashes in {lid} with level {clash[0]}"))
            continue
        other = sorted(elsewhere.get(key, set()) - {lid})
        if other:  # e.g. 技师 (the skill grade), 编辑 (出版): the level keeps its bracketed name only
            report["skipped"].append((code, name, f"bare name of another ladder ({', '.join(other)}); {lid}.{tier} keeps its bracketed name"))
            continue
        cites.setdefault((lid, tier), []).append((code, name))
        mine[3].append(name)
        report["added"].append((code, name, f"{lid}.{tier}"))
    return report, cites


def check_ladder_names():
    """No name (exact, or with its qualifier dropped inside the ladder) may belong to two levels of one ladder."""
    bad = []
    for s_ in S:
        seen = {}
        for lv in s_[7]:
            for k in level_keys(lv):
                if k in seen and seen[k] != lv[0]:
                    bad.append(f"{s_[0]}: '{k}' in {seen[k]} and {lv[0]}")
                seen.setdefault(k, lv[0])
    return bad


ap = argparse.ArgumentParser()
ap.add_argument("--out", default=str(REPO / "mappings"))
ap.add_argument("--csv", default=str(REPO.parent / "shared" / "data" / "professional-titles-gbt8561-2001.csv"))
args = ap.parse_args()
REPORT, GBT_CITES = add_gbt_aliases(args.csv, REPO / "mappings")
problems = check_ladder_names()
if problems:
    sys.exit("name clashes inside a ladder:\n  " + "\n  ".join(problems))


def level_cite(lid, tier, extra):
    if extra:
        return extra
    found = GBT_CITES.get((lid, tier))
    if not found:
        return None
    codes = ", ".join(c for c, _ in found)
    return {"source": GBT_SRC, "article": f"code{'s' if len(found) > 1 else ''} {codes}",
            "quote": "; ".join(f"{c} {n}" for c, n in found)}


def clean(text):
    """Notes are read by users: they name documents, never this project's reference files or their rows."""
    text = re.sub(r"\s*\((?:policy-rules\.md )?#\d+\.\d+b?\)", "", text)  # " (#4.11)"
    text = re.sub(r", #\d+\.\d+b?\)", ")", text)  # "(mohrss-2017-full-senior, #4.2)"
    text = text.replace("#4.12b", "the unseen rows 14–27").replace("#4.12", "the 2021 list")
    text = text.replace("ladders.md (compiled)", "ladders.md").replace("ladders.md", "a compiled title list (no document)")
    return re.sub(r"(^|\. )(a|the) ", lambda m: m.group(1) + m.group(2).capitalize() + " ", text)


def tidy(text):
    return " ".join(text.split())


def seen_note(cite):
    """What a citation without a quote stands for: the row as transcribed, or the names believed."""
    if cite.get("seen"):
        return f" Row as transcribed, not the page's wording (so no quote): '{cite['seen']}'."
    if cite.get("believed"):
        return f" Names believed for this row: '{cite['believed']}'."
    return ""


def cite_flow(c, indent):
    pad = " " * indent
    return (f"{pad}source: {c['source']}\n{pad}article: {q(c['article'])}\n{pad}quote: {q(c['quote'])}\n")


out = []
out.append("""# 职称系列 (professional title series): one ladder per series (per track where a series has parallel
# title tracks), with the title at each tier. Generated by scripts/gen_title_series.py: edit the script, not this file.
# Level ids are the tier ids of mappings/ladders/title-tiers.yaml (clerk, assistant, intermediate,
# associate_senior, full_senior), only for the tiers a series has; rank = the tier's rank (1 员级 … 5 正高级).
# mappings/rules/series-tiers.yaml links each level to its tier (counts_as).
#
# The 27 series of the 2021 list (职称系列（专业）各层级名称, 人社部专技司 2021-11-02, title-names-2021), counted
# as series, not tracks (ladder ids in brackets):
#   rows 1–13, seen (policy-rules.md #4.12): 1 高等学校教师 (hedu), 2 哲学社会科学研究 (ssresearch), 3 自然科学研究
#     (nsresearch), 4 卫生技术 (health_doctor, health_pharmacist, health_nurse, health_technologist), 5 工程技术 (eng),
#     6 农业技术 (agri, agri_animal, agri_vet), 7 新闻 (journalism, journalism_editor), 8 出版 (publishing,
#     publishing_tech_editor, publishing_proofreader), 9 图书资料 (library), 10 文物博物 (museum), 11 档案 (archives),
#     12 工艺美术 (arts_crafts), 13 技工院校教师 (techschool_teacher, techschool_instructor);
#   rows 14–27, NOT seen (#4.12b, from memory; order unknown): 中等职业学校教师 (secondary_vocational_teacher),
#     中小学教师 (primary_secondary_teacher), 实验技术 (lab), 经济 (economics), 会计 (accounting), 统计 (statistics),
#     审计 (audit), 翻译 (translation), 播音主持 (broadcasting), 艺术 (art), 体育 (sports), 公共法律服务 (legal_services),
#     船舶 (shipping), 民用航空飞行技术 (civil_aviation).
#   13 + 14 = 27, the count the page states. 36 ladders: 4 tracks of 卫生技术, 3 of 农业技术, 3 of 出版, 2 of 新闻,
#   2 of 技工院校教师. ladders.md's '图书资料 / 文物博物 / 档案 / (群众文化)' row is three series (rows 9–11); 群众文化
#   (and 社会工作, which 'some sources add') is not counted and has no ladder.
#   Rows 14–27 are confidence low (names from #4.12b and ladders.md; [verify] marks of ladders.md are in the notes);
#   会计 also cites 关于深化会计人员职称制度改革的指导意见 (accounting-titles-2019, #4.11), and 正高级 levels of 工程, 会计,
#   经济, 统计, 中小学教师 cite the 2017 notice (mohrss-2017-full-senior, #4.2).
# Old names from GB/T 8561-2001 专业技术职务代码 (gbt-8561-2001, re-encoded as
# ../shared/data/professional-titles-gbt8561-2001.csv) are aliases on the level of the same series and tier (last
# code digit; the 小学 series per the CSV), and a level's cite names the codes. Not used: a name whose tier the
# ladder lacks (e.g. 经济员, 会计员: no 员级), a name that would clash inside its ladder (the old 小学 names), and the
# series outside the 27 (群众文化, 法医, 思想政治工作). The script prints the full list.
# Quotes for rows other than 5 are policy-rules.md's transcription of the row (see each ladder's note).
# Naming: where a bare title is shared by several series and commonly meant otherwise, the zh is bracketed and
# the bare name is not an alias: 讲师（高校） / 讲师（技工院校） / 讲师（中职）, 技师（卫生） (vs the skill grade 技师),
# 编辑（新闻）, 管理员（图书资料） / 管理员（档案）, 一级（艺术） …, 一级（公共法律服务） …, 一级（民航飞行技术） … (vs 一级 =
# skill grade / 工勤 post). 助理讲师 / 高级讲师 / 正高级讲师 are bracketed in both 技工院校教师 and 中等职业学校教师 and
# keep the bare name as an alias in both (same tier): a bare 高级讲师 is ambiguous and asks for the ladder.
# Format: mappings/README.md ("ladders").
ladders:
""")

for (lid, zh, en, cite, note, conf, comment, levels) in S:
    out.append(f"\n  # --- {lid}: {comment}\n")
    out.append(f"  - id: {lid}\n    zh: {zh}\n    en: {q(en)}\n    kind: title_series\n")
    out.append("    cite:\n" + cite_flow(cite, 6))
    if conf:
        out.append(f"    confidence: {conf}\n")
    out.append(f"    note: {q(tidy(clean(note) + seen_note(cite)))}\n")
    out.append("    levels:\n")
    for lv in levels:
        tier, lzh, len_, aliases = lv[:4]
        extra = lv[4] if len(lv) > 4 else None
        out.append(f"      - id: {tier}\n        zh: {lzh}\n        en: {q(len_)}\n")
        if aliases:
            out.append("        aliases: [" + ", ".join(q(a) for a in aliases) + "]\n")
        out.append(f"        rank: {RANK[tier]}\n")
        lc = level_cite(lid, tier, extra)
        if lc:
            out.append("        cite: {source: " + lc["source"] + ", article: " + q(lc["article"]) + ", quote: " + q(lc["quote"]) + "}\n")
Path(args.out, "ladders", "title-series.yaml").write_text("".join(out), encoding="utf-8")

# ---------------- series-tiers rules
r = []
r.append("""# Which tier each series title belongs to: one counts_as rule per series level, level -> tier level
# ("工程师 is a 中级 title"). Not bidirectional (a tier is not a title).
# Documents: 职称系列（专业）各层级名称 (title-names-2021, policy-rules.md #4.12, rows 1–13; quotes are the
# transcription of each row except row 5, which is literal); 人社部发〔2019〕16号 (#4.4, second citation for the
# engineering series); 关于深化会计人员职称制度改革的指导意见 (#4.11) for 会计; rows 14–27 (#4.12b, NOT seen) for
# the other series of rows 14–27 (实验技术, 艺术, 体育, 中小学教师, 中等职业学校教师, 经济, 统计, 审计, 翻译, 播音主持,
# 公共法律服务, 船舶, 民用航空飞行技术), which are confidence low. Tracks whose level names are not in the #4.12
# transcription (技工院校 实习指导, 农业 畜牧 / 兽医, 出版 技术编辑 / 校对) are confidence low too.
# Generated by scripts/gen_title_series.py with mappings/ladders/title-series.yaml: edit the script, not this file.
# Dates: a rule with no effective_from takes its first citation's dates (title-names-2021: 2021-11-02;
# accounting-titles-2019: 2019), which are when the citing text was issued, not when the titles began.
# Ladders: mappings/ladders/title-series.yaml, mappings/ladders/title-tiers.yaml. Format: mappings/README.md.
rules:
""")
for (lid, zh, en, cite, note, conf, comment, levels) in S:
    r.append(f"\n  # {lid} ({zh})\n")
    for lv in levels:
        tier, lzh = lv[0], lv[1]
        rid = f"tier-{lid.replace('_', '-')}-{tier.replace('_', '-')}"
        cites = [cite]
        if lid == "eng":
            cites = [ENG16, cite]
        full_senior_2017 = tier == "full_senior" and lid in FULL_SENIOR_2017_SERIES
        if full_senior_2017:
            cites = [FULL_SENIOR_2017] + cites
        # The earliest document that states the tier: GB/T 8561-2001, whose title codes end in the tier
        # digit (1 正高级 … 5 员级), where it lists this title at this tier.
        gbt = level_cite(lid, tier, None)
        if gbt:
            cites = [{**gbt, "article": gbt["article"] + " (last digit: the tier)"}] + cites
        r.append(f"  - id: {rid}\n    kind: counts_as\n    from: {lid}.{tier}\n    to: tier.{tier}\n"
                 f"    bidirectional: false\n    purposes: []\n    jurisdiction: CN\n    cite:\n")
        for c in cites:
            r.append(f"      - source: {c['source']}\n        article: {q(c['article'])}\n        quote: {q(c['quote'])}\n")
        if conf:
            r.append(f"    confidence: {conf}\n")
        gbt_note = (f"From 2001: GB/T 8561-2001 (first citation) lists it at this tier, the last digit of its code "
                    f"giving the tier (1 正高级, 2 副高级, 3 中级, 4 助理级, 5 员级); the standard was seen only in a "
                    f"re-encoded table. " if gbt else "")
        if gbt and not (cite["source"] == SRC and cite is not ROW5):
            r.append("    note: " + q(tidy(gbt_note + "The title's current name is in the later list cited next.")) + "\n")
        elif full_senior_2017 and not (cite["source"] == SRC and cite is not ROW5):
            later = ENG_FULL_SENIOR_NOTE if lid == "eng" else "The later document cited next gives the title's name."
            r.append("    note: " + q(tidy(FULL_SENIOR_2017_NOTE + later)) + "\n")
        if cite["source"] == SRC and cite is not ROW5:
            unv_note = UNV_BASE + (UNV_BRIDGE if lid in BRIDGE_SERIES else
                                   "The level names and the tiers the series has (with ladders.md's [verify] marks) are in the ladder's note.")
            n = f"{lzh} is a {TIER_ZH[tier]} title. " + (unv_note if cite["article"].startswith("rows 14") else ROWNOTE)
            if conf and not cite["article"].startswith("rows 14"):
                n += " Level names not in the transcription (see the ladder's note)."
            first = FULL_SENIOR_2017_NOTE if full_senior_2017 else gbt_note
            r.append(f"    note: {q(tidy(first + clean(n) + seen_note(cite)))}\n")
Path(args.out, "rules", "series-tiers.yaml").write_text("".join(r), encoding="utf-8")
print(sum(len(s[7]) for s in S), "levels,", len(S), "ladders")
for kind in ("added", "present", "skipped"):
    print(f"GB/T 8561-2001 names {kind}: {len(REPORT[kind])}")
    for code, name, where in REPORT[kind]:
        print(f"  {code} {name}: {where}")
