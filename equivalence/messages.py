"""The words of the library's errors, in Chinese and in English: one table for both languages.

An error carries a ``code`` and its ``params`` (:class:`equivalence.errors.EquivalenceError`);
``str(exc)`` is the English text (the Python API), :func:`message` the text in the language asked
(the command line's ``--lang``). Imported only when an error is raised or shown: never on the path
of an answer.

A param is rendered by its kind: a ``(code, params)`` pair is itself a message of :data:`TEMPLATES`
(a hint, a field named in an error); a list is joined (``、`` in zh, ``, `` in en); ``what`` is one of
:data:`TERMS` when it names a field.
"""

from __future__ import annotations

TEMPLATES: dict[str, dict[str, str]] = {
    "text": {"zh": "{text}", "en": "{text}"},  # words said alike in both languages (a name, a path)
    # names
    "unknown_level": {"zh": "未知等级 '{name}'{hint}{suggest}", "en": "unknown level '{name}'{hint}{suggest}"},
    "unknown_ladder": {"zh": "未知{what} '{name}'{hint}{suggest}", "en": "unknown {what} '{name}'{hint}{suggest}"},
    "unknown_rule": {"zh": "未知规则 '{name}'{hint}{suggest}", "en": "unknown rule '{name}'{hint}{suggest}"},
    "ambiguous_level": {"zh": "'{name}' 有歧义；{hint}：{candidates}", "en": "'{name}' is ambiguous; {hint}: {candidates}"},
    "suggest": {"zh": "；是否想找：{names}？", "en": "; did you mean: {names}?"},
    "hint": {"zh": "（{text}）", "en": " ({text})"},
    "hint_in_ladder": {"zh": "{ladder}中没有此等级", "en": "in ladder {ladder}"},
    "hint_occupation_holds_grades": {
        "zh": "{occupation} {code} 是职业分类大典中的职业：职业下设技能等级，请写成 职业:等级",
        "en": "{occupation} {code} is an occupation of the 职业分类大典: it holds skill grades; "
              "name one as OCCUPATION:GRADE"},
    "hint_occupation_group": {"zh": "{code} {occupation} 是职业分类大典中的类别，不是职业",
                              "en": "{code} {occupation} is a group of the 职业分类大典, not an occupation"},
    "hint_occupation_grade": {"zh": "{occupation} {code} 是职业：请写明它的一个技能等级",
                              "en": "{occupation} {code} is an occupation: name one of its skill grades"},
    "hint_no_ladder_or_occupation": {"zh": "既不是等级序列，也不是职业分类大典（2022年版）中的职业",
                                     "en": "no ladder, and no occupation of the 职业分类大典 (2022 edition)"},
    "hint_name_the_ladder": {"zh": "请写明等级序列", "en": "name the ladder"},
    "hint_short_form": {"zh": "这是多个名称的简称，请写明其一", "en": "a short form of several names; name one"},
    "unknown_purpose": {"zh": "未知用途 '{name}'（可选：{known}）", "en": "unknown purpose '{name}' (known: {known})"},
    "purpose_option": {"zh": "{id}（{zh}）", "en": "{id} ({en})"},
    "not_in_force": {"zh": "{level} 在 {date} 尚不存在或已废止：有效期{span}",
                     "en": "{level} did not exist on {date}: it is in force {span}"},
    "span_from": {"zh": "自 {start} 起", "en": "from {start}"},
    "span_from_until": {"zh": "自 {start} 至 {end}", "en": "from {start} until {end}"},
    # usage of the command line (exit 2)
    "usage_region_once": {"zh": "只能给一次（给了 {values}）：一名职工只适用一个省份的规则；请每个省份分别查询",
                          "en": "give it once (got {values}): the rules of one province apply to a worker; "
                                "ask each province in its own query"},
    "usage_no_layer": {"zh": "'{value}' 既不是文件夹，也不是随附的规则层（见 'equivalence layers'）",
                       "en": "'{value}' is neither a folder nor a shipped layer (see 'equivalence layers')"},
    "usage_no_schema": {"zh": "没有名为 '{name}' 的结构（已有：{known}）", "en": "no schema '{name}' (known: {known})"},
    "usage_not_a_choice": {"zh": "'{value}' 不在可选值之中：{known}", "en": "'{value}' is not one of: {known}"},
    "usage_target_or_tier": {"zh": "TARGET 与 --to-tier 只能给一个", "en": "give TARGET or --to-tier, not both"},
    "usage_missing_target": {"zh": "缺少 TARGET", "en": "missing TARGET"},
    "usage_from_target": {"zh": "应为 [FROM] TARGET", "en": "expected [FROM] TARGET"},
    "usage_as_of_twice": {"zh": "--as-of 须正好给两次：要比较的两个日期",
                          "en": "give --as-of exactly twice: the two dates to compare"},
    "bad_column_override": {"zh": "'{part}' 不是 字段=列名 的形式（字段可选：{fields}）",
                            "en": "'{part}' is not FIELD=COLUMN with FIELD one of {fields}"},
    # dates
    "date_shape": {"zh": "{what}无法识别：'{value}'（可写作 YYYY-MM-DD、YYYY/M/D、YYYY.MM.DD、YYYYMMDD、YYYY年M月D日，"
                         "或只写年月 YYYY-MM）",
                   "en": "'{value}' is not a {what} ({formats})"},
    "date_no_such_day": {"zh": "{what}不存在：'{value}'（没有这个日期）", "en": "'{value}' is not a {what}: no such date"},
    "date_out_of_range": {"zh": "{what}：{day} 超出本工具所答的日期范围（{earliest} 至 {latest}）",
                          "en": "{what}: {day} is outside the dates this tool answers for ({earliest} to {latest})"},
    "what_date_in": {"zh": "'{raw}' 中的日期", "en": "date in '{raw}'"},
    "what_years_held_in": {"zh": "'{raw}' 中的持有年限", "en": "years held in '{raw}'"},
    # profiles
    "years_not_number": {"zh": "{what}应为 0 到 {max} 的年数，实为 '{got}'",
                         "en": "{what} must be a number of years from 0 to {max}, got '{got}'"},
    "years_not_number_value": {"zh": "{what}应为 0 到 {max} 的年数，实为 {got}",
                               "en": "{what} must be a number of years from 0 to {max}, got {got}"},
    "years_out_of_range": {"zh": "{what}应在 0 到 {max} 年之间，实为 {got}",
                           "en": "{what} must be from 0 to {max} years, got {got}"},
    "years_not_finite": {"zh": "{what}应为有限的年数，实为 '{got}'", "en": "{what} must be a finite number of years, got {got}"},
    "obtained_after_plan_date": {"zh": "'{raw}'：取得日期晚于计划日期 {as_of}",
                                 "en": "'{raw}': obtained after the plan date {as_of}"},
    "not_education": {"zh": "'{name}' 不是学历", "en": "'{name}' is not an education level"},
    "unknown_honour": {"zh": "未知荣誉 '{name}'{known}", "en": "unknown honour '{name}'{known}"},
    "known": {"zh": "（可选：{names}）", "en": " (known: {names})"},
    "unknown_points_items": {"zh": "积分表中有未知的积分项：{items}{known}",
                             "en": "unknown points item(s) in the scores: {items}{known}"},
    "no_points_scheme": {"zh": "（未载入积分方案）", "en": " (no points scheme is loaded)"},
    "bad_score": {"zh": "'{item}' 的分数应为不小于 0 的数，实为 {got}", "en": "score of '{item}' must be a number ≥ 0, got {got}"},
    "work_years_not_number": {"zh": "工作年限 '{value}' 不是数字", "en": "work_years '{value}' is not a number"},
    "work_years_bad": {"zh": "工作年限 '{value}' 不是有效的年数（有限，不小于 0）",
                       "en": "work_years '{value}' is not a number of years (finite, 0 or more)"},
    "file_not_regular": {"zh": "{what}文件 {path}：不是普通文件", "en": "{what} {path}: not a regular file"},
    "file_too_large": {"zh": "{what}文件 {path}：大于 {mb} MB", "en": "{what} {path}: larger than {mb} MB"},
    "file_not_text": {"zh": "{what}文件 {path}：不是文本（请存为 UTF-8）", "en": "{what} {path}: not text (save it as UTF-8)"},
    "file_not_mapping": {"zh": "{what}文件 {path}：应为键值映射", "en": "{what} {path}: expected a mapping"},
    "file_problems": {"zh": "{what}文件 {first}{more}", "en": "{what} {first}{more}"},
    "file_more": {"zh": "（另有 {n} 处）", "en": " (and {n} more)"},
    # points
    "no_scheme_loaded": {"zh": "未载入积分方案：请加上单位的层（--layer 路径）",
                         "en": "no points scheme is loaded: add the employer's layer (--layer PATH)"},
    "several_schemes": {"zh": "载入了多个积分方案；请用 --scheme 选一个：{schemes}",
                        "en": "several points schemes are loaded; choose one with --scheme: {schemes}"},
    "unknown_scheme": {"zh": "未知积分方案 '{name}'（已载入：{schemes}）", "en": "unknown points scheme '{name}' (loaded: {schemes})"},
    # targets
    "target_and_tier": {"zh": "目标与层级只能给一个", "en": "give a target or a tier, not both"},
    "not_a_tier": {"zh": "'{name}' 不是职称层级（员级、助理级、中级、副高级、正高级）",
                   "en": "'{name}' is not a title tier (员级, 助理级, 中级, 副高级, 正高级)"},
    "no_target": {"zh": "没有给出目标", "en": "no target given"},
    "range_across_ladders": {"zh": "范围须在同一等级序列之内：'{target}'", "en": "a range stays in one ladder: '{target}'"},
    # mappings
    "mappings_invalid": {"zh": "映射文件未通过校验：{first}{more}", "en": "the mappings do not validate: {first}{more}"},
    "mappings_more": {"zh": "（另有 {n} 处；请运行 'equivalence validate'）",
                      "en": " (and {n} more; run 'equivalence validate')"},
    "mapping_problems": {"zh": "映射文件中有 {n} 处问题", "en": "{n} problem{s} in the mappings"},
    "unknown_region": {"zh": "没有地区 '{name}' 的规则（已有：{known}）", "en": "no shipped rules for region '{name}' (known: {known})"},
    "region_option": {"zh": "{zh}（{region}）", "en": "{zh} ({region})"},
    "cannot_write": {"zh": "无法写入 {path}：{why}", "en": "cannot write {path}: {why}"},
    "chart_format": {"zh": "无法判断 '{path}' 的格式：请以 .svg 或 .html 结尾", "en": "cannot tell the format of '{path}': name it .svg or .html"},
    "no_such_column": {"zh": "--columns {field}={column}：没有 '{column}' 列（列：{columns}）",
                       "en": "--columns {field}={column}: no column '{column}' (columns: {columns})"},
    # rosters: files, and rows that cannot be read
    "roster_format": {"zh": "无法判断 '{path}' 的格式（请用 .csv、.xlsx 或 .jsonl）",
                      "en": "cannot tell the format of '{path}' (use .csv, .xlsx or .jsonl)"},
    "roster_cannot_read": {"zh": "无法读取 {path}：{why}", "en": "cannot read {path}: {why}"},
    "roster_unknown_encoding": {"zh": "未知编码 '{encoding}'", "en": "unknown encoding '{encoding}'"},
    "roster_not_encoding": {"zh": "{path} 不是 {encoding} 编码：第 {at} 字节处 {why}",
                            "en": "{path} is not {encoding}: {why} at byte {at}"},
    "roster_unknown_bytes": {"zh": "{path} 既不是 UTF-8 也不是 GBK 编码；请用 --encoding 指明",
                             "en": "{path} is neither UTF-8 nor GBK; name its encoding with --encoding"},
    "roster_empty": {"zh": "{path} 是空的（应有标题行）", "en": "{path} is empty (expected a header row)"},
    "roster_header_unreadable": {"zh": "{path}：无法读取标题行（{why}）", "en": "{path}: the header row cannot be read ({why})"},
    "row_cell_too_long": {"zh": "第 {line} 行：有单元格超过 {limit} 个字符", "en": "line {line}: a cell over {limit} characters"},
    "row_quote_not_closed": {"zh": "第 {line} 行：引号没有闭合", "en": "line {line}: a quoted cell is never closed"},
    "row_not_json": {"zh": "第 {line} 行：不是 JSON（{why}）", "en": "line {line}: not JSON ({why})"},
    "row_not_object": {"zh": "第 {line} 行：不是 JSON 对象", "en": "line {line}: not a JSON object"},
    "row_formula_without_value": {
        "zh": "第 {row} 行：公式单元格 {cells} 保存时没有值（请在 Excel 中打开并保存，或粘贴为数值）",
        "en": "row {row}: formula cell{s} {cells} saved without a value (open and save the file in Excel, or paste "
              "the values)"},
    # rosters (the command line's summary)
    "roster_rows_failed": {"zh": "共 {total} 行，其中 {failed} 行无法处理（见 error 列）",
                           "en": "{failed} of {total} row{s} could not be processed (see the error column)"},
    "roster_no_holds": {"zh": "{path} 没有 'holds' 列（列：{columns}）；请用 --columns holds=列名 指明",
                        "en": "{path} has no 'holds' column (columns: {columns}); name it with --columns holds=COLUMN"},
}

# Field names an error may name (``what``), in Chinese.
TERMS = {"zh": {"profile": "档案", "scores": "积分", "date": "日期", "plan date": "计划日期", "work years": "工作年限", "ladder": "等级序列",
                "ladder or occupation": "等级序列或职业"}}
SEPARATOR = {"zh": "、", "en": ", "}


def render(code: str, params: dict, lang: str = "en") -> str:
    """The message ``code`` with ``params`` in ``lang`` (see the module docstring)."""
    def said(value):
        if _is_message(value):
            return render(value[0], value[1], lang) if value[0] else ""
        if isinstance(value, (list, tuple)):
            return SEPARATOR[lang].join(said(v) for v in value)
        return value

    values = {key: TERMS.get(lang, {}).get(value, value) if key == "what" and isinstance(value, str) else said(value)
              for key, value in params.items()}
    return TEMPLATES[code][lang].format(**values)


def _is_message(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict)


def message(exc: BaseException, lang: str) -> str:
    """What to tell a user of ``lang`` about ``exc``: its template when it has one, else its text."""
    code = getattr(exc, "code", None)
    if code in TEMPLATES:
        return render(code, exc.params, lang)
    return str(exc)
