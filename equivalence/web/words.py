"""The words of the pages, zh and en (the answers' own words come from the library, as in the CLI)."""

from __future__ import annotations

W = {
    "zh": {"site": "等级对应查询", "search": "搜索", "search_ph": "输入等级、职称、证书、拼音或编码，如 技师、gjgcs、6-31-01",
           "ladders": "序列", "levels": "等级数", "chart": "对应关系图", "worker": "职工", "compare": "比较", "roster": "名单",
           "sources": "依据文件", "api": "API", "json": "JSON", "lang": "English", "level": "等级", "ladder": "序列",
           "kind": "关系", "direction": "方向", "conditions": "条件", "purposes": "用途", "confidence": "可信度",
           "source": "依据", "rule": "规则", "none": "没有相关等级", "routes_into": "可由哪些等级到达",
           "go": "查询", "to": "只看序列", "as_of": "日期", "derived": "含推导比较（无文件明说）",
           "any": "不限", "rank": "级", "id": "编号", "name": "名称", "aliases": "别名", "from": "从", "to_": "到",
           "in_force": "施行期间", "replaced": "替换", "note": "备注（英文）", "quote": "原文", "article": "条款", "title": "标题",
           "doc_no": "文号", "published": "发布日期", "status": "核实情况", "rules": "规则数", "issuer": "发布机关",
           "address": "网址", "target": "目标", "holds": "持有（等级与取得日期）", "education": "学历",
           "work_years": "工作年限", "in_post": "在聘（所持证书之一）", "honour": "荣誉（破格）",
           "not_found": "没有此页面", "only_for": "仅用于{p}", "ph_holds": "技师 / 电工:技师", "ph_education": "本科 / 大专",
           "ph_in_post": "高级技师", "ph_honour": "全国技术能手", "ph_target": "高级工程师", "region": "地区（省份）", "national": "全国", "check": "判断",
           "eligible": "现在符合条件", "held": "已持有", "route": "最快路径", "alternatives": "备选路径",
           "missing": "缺少", "met": "已满足", "unchecked": "未核查", "earliest": "最早", "date": "日期",
           "year": "年", "by": "方式", "add_hold": "再加一项",
           "not_yet": "暂不符合；最早 {date}", "years_total": "{years} 年，最早 {date}", "a": "A", "b": "B",
           "basis": "依据", "no_prior": "（无前置等级）", "upload": "上传名单（CSV / XLSX / JSONL）",
           "excel": "CSV 加 BOM（Excel 打开不乱码）", "columns": "列名对应（可选）", "answer": "生成结果", "download": "下载结果",
           "rows": "行", "failed_rows": "行未能处理（见 error 列）", "progress": "处理中", "error": "出错",
           "notes": "注", "cited_by": "引用此文件的规则",
           "all_sources": "全部依据文件", "levels_of": "{ladder}的等级", "roster_help":
           "列：holds（证书，分号分隔，每项 等级[:年数|@日期]）、education、work_years、target；其余列原样保留。"
           "结果文件与上传的格式相同，每一行都在，易被表格软件当作公式的单元格已转义。",
           "first_step": "第一步", "colon": "：", "then": "之后", "now": "现在即可", "since": "自", "standing": "现持有（含推定）", "result": "结果",
           "matches": "匹配", "context": "所属", "search_results": "搜索结果", "no_match": "没有匹配",
           "home_intro": "输入一个等级，查看它与其他序列的对应关系、条件和依据条款。", "tools": "工具",
           "worker_intro": "填写职工已持有的等级（含取得日期）、学历和工作年限，选择目标。"},
    "en": {"site": "Equivalence", "search": "Search", "search_ph": "A grade, title, certificate, pinyin or code: 技师, gjgcs, 6-31-01",
           "ladders": "Ladders", "levels": "levels", "chart": "Chart", "worker": "Worker", "compare": "Compare", "roster": "Roster",
           "sources": "Sources", "api": "API", "json": "JSON", "lang": "中文", "level": "level", "ladder": "ladder",
           "kind": "relation", "direction": "direction", "conditions": "conditions", "purposes": "purposes",
           "confidence": "confidence", "source": "source", "rule": "rule", "none": "no related levels",
           "routes_into": "Routes into it", "go": "Go", "to": "only ladders", "as_of": "date",
           "derived": "include derived comparisons (no document states them)", "any": "any", "rank": "rank",
           "id": "id", "name": "name", "aliases": "aliases", "from": "from", "to_": "to", "in_force": "in force", "replaced": "replaced",
           "note": "note", "quote": "quote", "article": "article", "title": "title", "doc_no": "document no.",
           "published": "published", "status": "verified", "rules": "rules", "issuer": "issuer", "address": "address",
           "target": "target", "holds": "holds (level and date obtained)", "education": "education",
           "work_years": "years of work", "in_post": "in post (one of those held)", "honour": "honour (exceptional route)",
           "not_found": "no such page", "only_for": "for {p} only", "ph_holds": "Technician", "ph_education": "Bachelor's degree",
           "ph_in_post": "Senior technician", "ph_honour": "National Technical Expert", "ph_target": "Senior engineer", "region": "region (province)", "national": "national", "check": "Check",
           "eligible": "eligible now", "held": "already held", "route": "Fastest route", "alternatives": "Alternative",
           "missing": "missing", "met": "met", "unchecked": "not checked", "earliest": "earliest", "date": "date",
           "year": "year", "by": "by", "add_hold": "add one more",
           "not_yet": "not yet; earliest {date}", "years_total": "{years} years, earliest {date}", "a": "A", "b": "B",
           "basis": "basis", "no_prior": "(no prior level)", "upload": "Upload a roster (CSV / XLSX / JSONL)",
           "excel": "CSV with a BOM (for Excel)", "columns": "columns (optional)", "answer": "Answer it", "download": "Download the answers",
           "rows": "rows", "failed_rows": "rows could not be processed (see the error column)",
           "progress": "working", "error": "Error",
           "notes": "Note", "cited_by": "Rules citing it", "all_sources": "All sources", "levels_of": "Levels of {ladder}",
           "roster_help": "Columns: holds (credentials separated by ';', each LEVEL[:YEARS|@DATE]), education, "
           "work_years, target; other columns are passed through. The answered file has the upload's format, "
           "every row, and cells a spreadsheet would run as formulas escaped.",
           "first_step": "first step", "colon": ": ", "then": "then", "now": "open now", "since": "since",
           "standing": "held today (implied included)", "result": "result", "matches": "match", "context": "in", "search_results": "Search results",
           "no_match": "no match", "home_intro": "Type a level to see what it relates to on other ladders, under "
           "which conditions and which clause.", "tools": "Tools",
           "worker_intro": "Fill in what the worker holds (with the dates obtained), education and years of work, and a target."},
}


ORIGIN_WORDS = {  # how a fact of the worker's standing is held (check's ``standing``, ``held_by``)
    "zh": {"held": "持有", "implied": "由所持更高等级推定", "carried": "视同/对应", "treated": "比照待遇",
           "assumed": "由所聘岗位推定"},
    "en": {"held": "held", "implied": "implied by a higher level held", "carried": "counts as",
           "treated": "treated as (pay and benefits)", "assumed": "assumed from the post held"},
}
