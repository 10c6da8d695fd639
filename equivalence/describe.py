"""Words for the things the engine returns: relation kinds, conditions, citations (zh and en)."""

from __future__ import annotations

import re

KIND_WORDS = {
    "zh": {"apply": "可申报", "treated_as": "比照待遇", "counts_as": "视同/对应", "post": "可聘岗位",
           "derived": "推导（非文件所述）", "promotion": "晋升"},
    "en": {"apply": "may apply for", "treated_as": "treated as", "counts_as": "counts as",
           "post": "may be appointed to", "derived": "derived (no document)", "promotion": "promotion"},
}
# what a search hit is and what matched (search.py's kinds and matches)
SEARCH_WORDS = {
    "zh": {"level": "等级", "title": "职称", "qualification": "职业资格", "occupation": "职业", "name": "名称",
           "code": "编码", "alias": "别名", "prefix": "名称开头", "pinyin": "拼音", "initials": "拼音首字母",
           "contains": "名称包含", "fuzzy": "相近"},
    "en": {k: k for k in ("level", "title", "qualification", "occupation", "name", "code", "alias", "prefix",
                          "pinyin", "initials", "contains", "fuzzy")},
}
# A table column of kinds: wide enough for each word on one line ("may apply for"; "may be
# appointed to" and "derived (no document)" on two)
KIND_WIDTH = {"zh": 10, "en": 13}
DIRECTION_WORDS = {"zh": {"out": "→", "in": "←"}, "en": {"out": "→", "in": "←"}}
CONFIDENCE_WORDS = {"zh": {"high": "高", "medium": "中", "low": "低"},
                    "en": {"high": "high", "medium": "medium", "low": "low"}}
STATUS_WORDS = {"zh": {"official": "官方原文", "secondary": "转述", "unverified": "未核实"},
                "en": {"official": "official", "secondary": "secondary", "unverified": "unverified"}}
HEADERS = {
    "zh": {"direction": "方向", "ladder": "序列", "level": "等级", "kind": "关系", "conditions": "条件",
           "purposes": "用途", "confidence": "可信度", "source": "依据", "chain": "规则",
           "id": "编号", "name": "名称", "en": "英文", "zh": "中文", "kind_ladder": "类别", "levels": "等级数",
           "rank": "级序", "aliases": "别名", "doc_no": "文号", "title": "标题", "issuer": "发文机关",
           "published": "发布", "status": "核实状态", "rules": "规则数", "field": "项目", "value": "内容",
           "in_force": "施行期间"},
    "en": {"direction": "dir", "ladder": "ladder", "level": "level", "kind": "relation",
           "conditions": "conditions", "purposes": "purposes", "confidence": "confidence",
           "source": "source", "chain": "rules", "id": "id", "name": "name", "en": "en", "zh": "zh",
           "kind_ladder": "kind", "levels": "levels", "rank": "rank", "aliases": "aliases",
           "doc_no": "doc no", "title": "title", "issuer": "issuer", "published": "published",
           "status": "status", "rules": "rules", "field": "field", "value": "value", "in_force": "in force"},
}


def years(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


_ONE_YEARS = re.compile(r"(?<![\d.])1 (year|yr)s\b")


def one_year(text: str) -> str:
    """English text whose templates say 'years' after any number, agreeing with the number one.

    >>> one_year("holds Technician for 1 years (≥ 1); 1 yrs of work; 11 years; 0.1 years")
    'holds Technician for 1 year (≥ 1); 1 yr of work; 11 years; 0.1 years'
    """
    return _ONE_YEARS.sub(r"1 \1", text)


def describe_conditions(reg, cond, lang: str = "zh") -> str:
    """One line for a rule's conditions (a :class:`~equivalence.results.ShownConditions`, as
    lookup.conditions_of gives them; None: none)."""
    if cond is None:
        return ""
    zh = lang == "zh"
    parts = []
    if cond.years_in_from is not None:
        y = years(cond.years_in_from)
        parts.append(f"取得后满{y}年" if zh else f"{y} yrs after obtaining")
    if cond.work_years is not None:
        y = years(cond.work_years)
        parts.append(f"累计工作满{y}年" if zh else f"{y} yrs of work")
    if cond.education:
        name = reg.name(cond.education, lang)
        parts.append(f"学历{name}及以上" if zh else f"education {name} or higher")
    for req in cond.also_holds:
        name = reg.name(req.level, lang)
        y = f"满{years(req.years)}年" if zh and req.years else (f" {years(req.years)} yrs" if req.years else "")
        post = ("（在聘）" if zh else " in post") if req.in_post else ""
        parts.append(f"另持{name}{y}{post}" if zh else f"also holds {name}{y}{post}")
    if cond.in_post:
        parts.append("须在聘/在岗" if zh else "in post")
    if cond.same_specialty:
        parts.append("相应专业" if zh else "matching specialty")
    if cond.honours:
        names = "或".join(reg.index["honours"][h]["zh"] for h in cond.honours) if zh else \
            " or ".join(reg.index["honours"][h]["en"] for h in cond.honours)
        parts.append(f"须获{names}（破格）" if zh else f"holds {names} (exceptional route)")
    if cond.points:
        scheme = reg.index["points_schemes"][cond.points.scheme]
        n = years(cond.points.at_least)
        parts.append(f"{scheme['zh']}积分满{n}分" if zh else f"{n} points of {scheme['en'] or scheme['zh']}")
    parts.extend(cond.other)  # already in ``lang``
    said = CLAUSE_SEP[lang].join(parts)
    return one_year(said) if lang == "en" else said


def other_words(item, lang: str) -> str:
    """A condition in words in ``lang``: ``item`` is a rule's Words or an answer's {zh, en} (en None
    where the mappings give only the Chinese: the Chinese is shown, as written), or an answer's text,
    already in its language.

    >>> from equivalence.records import Words
    >>> item = Words(zh="年满16周岁", en="aged 16 or over")
    >>> other_words(item, "zh"), other_words(item, "en"), other_words({"zh": "通过考评", "en": None}, "en")
    ('年满16周岁', 'aged 16 or over', '通过考评')
    """
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        return item[lang] or item["zh"]
    return (item.en if lang == "en" else item.zh) or item.zh


# Between the items of a list and between clauses, in the language of the words listed (Chinese names
# of the data listed in an English answer keep 、).
LIST_SEP = {"zh": "、", "en": ", "}
CLAUSE_SEP = {"zh": "；", "en": "; "}


def describe_source(src, cite: dict | None = None, lang: str = "zh") -> str:
    """'人社部发〔2020〕96号 二、…' or the title where there is no 文号 (``src`` a Source record)."""
    head = src.doc_no or f"《{src.title}》"
    return f"{head} {article_words(cite['article'], lang)}" if cite else head


# The mappings name some places in a document, and say what was not seen of a citation, in English
# (bracketed, clauses split by '; '): under zh these are said in Chinese, the document's words kept.
_ARTICLE_PLACES = [(re.compile(p), r) for p, r in (
    (r"^codes? ([\d, ]+?)(?= \(|$)", r"代码 \1"), (r"^rows? (\d+(?:–\d+)?)", r"第\1行"), (r"^table\b", "表"),
    (r"^article not identified", "条款未确定"), (r" items \(([^()]+)\)-\(([^()]+)\)", r" 第（\1）至（\2）项"))]
_ARTICLE_NOTES = {
    "paraphrase": "大意", "heading not seen": "标题未见", "not seen": "原文未见", "unverified": "未核实",
    "article number not recorded": "条款号未记录", "article not recorded": "条款未记录",
    "part not recorded": "所属部分未记录", "the row's wording not recorded": "该行原文未记录",
    "wording not recorded": "原文未记录", "news report": "新闻报道", "last digit: the tier": "末位为层级",
    "the guidance's clause on posts": "指导意见中关于岗位的条款", "Jiangsu restatement": "江苏转述",
}
_ARTICLE_NOTE_FORMS = [(re.compile(p), r) for p, r in (
    (r"^columns (.+)$", r"各列：\1"), (r"^(.+?) report(?:,| of) (\d{4}-\d\d-\d\d)$", r"\1 \2 报道"),
    (r"^Suqian report$", "宿迁报道"), (r"^(.+?[\u3400-\u9fff]) report$", r"\1报道"), (r"^(.+?) report$", r"\1 报道"),
    (r"^attributed to (.+)$", r"据称出自\1"), (r"^(.+?) wording not seen$", r"\1原文未见"),
    (r"^wording quoted on the (.+?) government page$", r"原文引自\1政府网页"))]
_BRACKETED = re.compile(r" ?\(((?:[^()]|\([^()]*\))*)\)")


def article_words(article: str, lang: str) -> str:
    """The article cited, as shown in ``lang``: under zh, what the mappings say of it in English
    (the place, what was not seen, a paraphrase) in Chinese; the document's own words as written.

    >>> article_words("促进职称制度与职业资格制度有效衔接 (paraphrase)", "zh")
    '促进职称制度与职业资格制度有效衔接（大意）'
    >>> article_words("促进职称制度与职业资格制度有效衔接 (paraphrase)", "en")
    '促进职称制度与职业资格制度有效衔接 (paraphrase)'
    >>> article_words("row 4 (columns 正高级 / 副高级 / 中级)", "zh"), article_words("(申报条件; heading not seen)", "zh")
    ('第4行（各列：正高级 / 副高级 / 中级）', '（申报条件；标题未见）')
    >>> article_words("领导职务对应级别 items (五)-(十) (article number not recorded)", "zh")
    '领导职务对应级别 第（五）至（十）项（条款号未记录）'
    """
    if lang != "zh" or not re.search(r"[A-Za-z]", article):
        return article
    for pattern, words in _ARTICLE_PLACES:
        article = pattern.sub(words, article)
    return _BRACKETED.sub(lambda m: "（" + "；".join(map(_article_note, m.group(1).split("; "))) + "）", article)


def _article_note(clause: str) -> str:
    if clause in _ARTICLE_NOTES:
        return _ARTICLE_NOTES[clause]
    for pattern, words in _ARTICLE_NOTE_FORMS:
        if pattern.match(clause):
            return pattern.sub(words, clause)
    return clause  # the document's own words (申报条件), or a note no form says yet (a test lists them)


def short_source(src, width: int = 16) -> str:
    """文号, or the title cut to ``width`` characters (``src`` a Source record): for table cells
    (``show`` gives the rest)."""
    if src.doc_no:
        return src.doc_no
    title = src.title.strip("《》")
    return f"《{title}》" if len(title) <= width else f"《{title[:width]}…》"


def layer_tag(reg, layer: str, lang: str = "zh") -> str:
    """'[广东] ' for a rule from a province or employer ``layer`` (a citation's), '' for a national one."""
    if layer == "national":
        return ""
    for info in reg.index.get("layers", ()):
        if info["id"] == layer:
            return f"[{info[lang]}] "
    return f"[{layer}] "


# check's verdict when no date can be given (results.Eligibility.verdict)
CHECK_VERDICT_WORDS = {
    "zh": {"no_rule": "没有规则通往此等级，无从判断",
           "no_date": "无法推算日期：通往此等级的规则未定申报年限（见下表）",
           "no_rule_before": "无从判断：通往此等级的规则所需的证书，现有规则未说明如何取得（见下表）",
           "no_route": "不符合，且按现有规则无法达到"},
    "en": {"no_rule": "no rule leads there: eligibility cannot be told",
           "no_date": "no date can be worked out: a rule leads there but sets no years before applying (see the table)",
           "no_rule_before": "eligibility cannot be told: the rules that lead there need a credential no rule here "
                             "says how to obtain (see the table)",
           "no_route": "not eligible, and no route leads there"},
}
# the rules check leaves out (the command line shows them under --all, the web page folds them)
CHECK_HIDDEN_WORDS = {"zh": "另有 {n} 条规则需要无法取得或未说明如何取得的证书",
                      "en": "{n} more rule(s) need a credential no route reaches or no rule here says how to obtain"}

VERDICT_WORDS = {
    "zh": {"higher": "高于", "lower": "低于", "same": "同级", "overlapping": "范围重叠", "mixed": "依据不同结论不同",
           "not_comparable": "文件未提供比较依据"},
    "en": {"higher": "higher than", "lower": "lower than", "same": "same level as", "overlapping": "overlapping",
           "mixed": "depends on the basis", "not_comparable": "no document allows a comparison"},
}


ENDED_WORDS = {"zh": "所据规则已于 {date} 失效", "en": "rests on a rule no longer in force (ended {date})"}


def _ended(reg, chains, on: str | None = None) -> str | None:
    """The latest end date among the rules of ``chains`` that have ended by ``on`` (ISO; default today),
    None when none has: asked as of 2010, a rule that ends in 2014-10 is in force."""
    import datetime

    from .dates import date_start

    on = on or datetime.date.today().isoformat()
    ends = [end for chain in chains for rid in chain
            if (end := reg.rules[rid].effective_until) and date_start(end) <= on]
    return max(ends) if ends else None


def qualified_verdict(reg, verdict: str, relations, conditions, confidence, lang: str, differ: bool = False,
                      ended: str | None = None) -> str:
    """'同级（比照待遇；须在聘/在岗；可信度 中）': a comparison's verdict with what it rests on (the kinds
    of rule, their conditions, the confidence), never bare: 'treated as' is not 'counts as'."""
    words, zh = VERDICT_WORDS[lang], lang == "zh"
    if verdict in ("not_comparable", "mixed") or not relations:
        return words[verdict]
    parts = [LIST_SEP[lang].join(KIND_WORDS[lang][k] for k in relations)]
    # each clause once: A's and B's rules may both ask it (须在聘/在岗 on either side of a 比照 basis)
    parts += dict.fromkeys(clause for c in conditions if c
                           for clause in describe_conditions(reg, c, lang).split(CLAUSE_SEP[lang]) if clause)
    if differ:
        parts.append("条件因依据而异，见下表" if zh else "conditions differ by basis, see below")
    if ended:  # a comparison asked without --as-of may rest on a rule of the past (the 2006 wage table)
        parts.append(ENDED_WORDS[lang].format(date=ended))
    if confidence:
        parts.append(("可信度 " if zh else "confidence ") + CONFIDENCE_WORDS[lang][confidence])
    said = CLAUSE_SEP[lang].join(parts)
    return f"{words[verdict]}（{said}）" if zh else f"{words[verdict]} ({said})"


def comparison_verdict(reg, answer, lang: str, as_of: str | None = None) -> str:
    """The verdict of a whole comparison (a :class:`~equivalence.results.Comparison`), qualified.

    Several bases are alternatives, each with its own conditions: it names them only when every
    basis asks the same (merged, they would read as all of them being needed). Two levels of one
    ladder: its order decides, with nothing to qualify."""
    own = [x for x in answer.bases if not x.relations]
    if own:
        return VERDICT_WORDS[lang][own[0].verdict]
    per_basis = {tuple(describe_conditions(reg, c, lang) for c in x.a_conditions + x.b_conditions if c)
                 for x in answer.bases}
    conds = (answer.bases[0].a_conditions + answer.bases[0].b_conditions) if len(per_basis) == 1 else ()
    ends = [_ended(reg, (x.a_chain, x.b_chain), as_of) for x in answer.bases]
    return qualified_verdict(reg, answer.verdict, answer.relations, conds, answer.confidence, lang,
                             differ=len(per_basis) > 1, ended=max(ends) if ends and all(ends) else None)


def basis_verdict(reg, basis, lang: str, as_of: str | None = None) -> str:
    """The verdict of one basis of a comparison (a :class:`~equivalence.results.Basis`), qualified."""
    return qualified_verdict(reg, basis.verdict, basis.relations, basis.a_conditions + basis.b_conditions,
                             basis.confidence, lang, ended=_ended(reg, (basis.a_chain, basis.b_chain), as_of))
