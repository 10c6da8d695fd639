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
    "hint_rule_replaced": {"zh": "已被{zh}的规则 {by} 取代", "en": "replaced by {by} of the {en} layer"},
    "hint_in_shipped_layer": {"zh": "见于{zh}的规则层：请加 {option_zh}", "en": "in the {en} layer: add {option_en}"},
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
    "hint_qualifier_disagrees": {"zh": "'{name}' 与括号中的 '{qualifier}' 不是同一等级",
                                 "en": "'{name}' and '{qualifier}' in brackets are not the same level"},
    "hint_name_the_ladder": {"zh": "请写明等级序列", "en": "name the ladder"},
    "hint_short_form": {"zh": "这是多个名称的简称，请写明其一", "en": "a short form of several names; name one"},
    "unknown_purpose": {"zh": "未知用途 '{name}'（可选：{known}）", "en": "unknown purpose '{name}' (known: {known})"},
    "purpose_option": {"zh": "{id}（{zh}）", "en": "{id} ({en})"},
    # the Python API's arguments (equivalence.arguments)
    "argument_type": {"zh": "参数 {name} 应为{expected}，实为 {got}", "en": "{name} must be {expected}, got {got}"},
    "arg_text": {"zh": "字符串", "en": "a string"},
    "arg_texts": {"zh": "字符串或字符串的列表", "en": "a string or a list of strings"},
    "arg_profile": {"zh": " equivalence.profile.Profile（由 build_profile 建立）",
                    "en": "an equivalence.profile.Profile (from build_profile)"},
    "arg_folder": {"zh": "路径", "en": "a path"},
    "arg_folders": {"zh": "路径或路径的列表", "en": "a path or a list of paths"},
    "arg_flag": {"zh": " True 或 False", "en": "True or False"},
    "arg_rows": {"zh": "字典的列表（每人一个）", "en": "a list of dicts (one per person)"},
    "arg_scores": {"zh": "积分项到次数的映射", "en": "a mapping of points items to counts"},
    "arg_count": {"zh": " {low} 到 {high} 的整数", "en": "a whole number from {low} to {high}"},
    "argument_choice": {"zh": "参数 {name} 的取值 {value} 未知（可选：{known}）",
                        "en": "unknown {name} {value} (known: {known})"},
    "argument_date": {"zh": "参数 {name} 应为 ISO 日期（YYYY-MM-DD），实为 {got}",
                      "en": "{name} must be an ISO date (YYYY-MM-DD), got {got}"},
    "not_in_force": {"zh": "{level} 在 {date} 尚不存在或已废止：有效期{span}",
                     "en": "{level} did not exist on {date}: it is in force {span}"},
    "span_from": {"zh": "自 {start} 起", "en": "from {start}"},
    "span_from_until": {"zh": "自 {start} 至 {end}", "en": "from {start} until {end}"},
    # usage of the command line (exit 2)
    "usage_region_empty": {"zh": "不能为空：请给出省份名称（如 广东）", "en": "must name a province (e.g. guangdong), not be empty"},
    "usage_region_once": {"zh": "只能给一次（给了 {values}）：一名职工只适用一个省份的规则；请每个省份分别查询",
                          "en": "give it once (got {values}): the rules of one province apply to a worker; "
                                "ask each province in its own query"},
    "usage_no_layer": {"zh": "'{value}' 既不是文件夹，也不是随附的规则层（见 'equivalence layers'）",
                       "en": "'{value}' is neither a folder nor a shipped layer (see 'equivalence layers')"},
    "usage_no_schema": {"zh": "没有名为 '{name}' 的结构（已有：{known}）", "en": "no schema '{name}' (known: {known})"},
    "usage_not_a_choice": {"zh": "'{value}' 不在可选值之中：{known}", "en": "'{value}' is not one of: {known}"},
    "usage_target_or_tier": {"zh": "TARGET 与 --to-tier 只能给一个", "en": "give TARGET or --to-tier, not both"},
    "usage_missing_target": {"zh": "缺少 TARGET", "en": "missing TARGET"},
    "usage_invalid_value": {"zh": "{name} 的取值无效：{reason}", "en": "invalid {name}: {reason}"},  # the web's
    "usage_from_target": {"zh": "应为 [FROM] TARGET", "en": "expected [FROM] TARGET"},
    "usage_as_of_twice": {"zh": "--as-of 须正好给两次：要比较的两个日期",
                          "en": "give --as-of exactly twice: the two dates to compare"},
    "usage_needs_roster": {"zh": "{options} 只与 --roster 同用：请给出名单，或去掉这些选项",
                           "en": "{options} only go with --roster: give a roster or leave them out"},
    "bad_column_override": {"zh": "'{part}' 不是 字段=列名 的形式（字段可选：{fields}）",
                            "en": "'{part}' is not FIELD=COLUMN with FIELD one of {fields}"},
    "column_override_twice": {"zh": "{field} 给了两次（{columns}）", "en": "{field} is given twice ({columns})"},
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
    "unknown_education": {"zh": "未知学历 '{name}'{suggest}", "en": "unknown education '{name}'{suggest}"},
    "education_tech_school": {"zh": "{name} 不明确：请写 {zh}", "en": "{name} is not specific: write {en}"},
    "not_education": {"zh": "'{name}' 不是学历", "en": "'{name}' is not an education level"},
    "in_post_not_held": {"zh": "在聘的 '{name}' 不在所持证书中（请用 --holds 写明何时取得）",
                         "en": "'{name}' is given as in post but is not among the credentials held (give it with --holds)"},
    "unknown_honour": {"zh": "未知荣誉 '{name}'{known}", "en": "unknown honour '{name}'{known}"},
    "known": {"zh": "（可选：{names}）", "en": " (known: {names})"},
    "unknown_points_items": {"zh": "积分表中有未知的积分项：{items}{known}",
                             "en": "unknown points item(s) in the scores: {items}{known}"},
    "points_item_not_counted": {"zh": "积分表只记按次计分项目的次数：{items} 不按次计分，由工作年限或所持等级算出{counted}",
                                "en": "the scores give counts of per-count items only, not of {items}: an item scored from years of work or levels held is not counted{counted}"},
    "counted_items": {"zh": "（按次计分的项目：{names}）", "en": " (per-count items: {names})"},
    "no_points_scheme": {"zh": "（未载入积分方案）", "en": " (no points scheme is loaded)"},
    "bad_score": {"zh": "'{item}' 的分数应为不小于 0 的数，实为 {got}", "en": "score of '{item}' must be a number ≥ 0, got {got}"},
    "score_out_of_range": {"zh": "'{item}' 的分数 {got} 超出范围（至多 {most:,}）",
                           "en": "score of '{item}' is out of range (at most {most:,}), got {got}"},
    "cell_excel_error": {"zh": "单元格是 Excel 错误值 {value}", "en": "the cell holds the Excel error {value}"},
    "work_years_not_number": {"zh": "工作年限 '{value}' 不是数字", "en": "work_years '{value}' is not a number"},
    "work_years_bad": {"zh": "工作年限 '{value}' 不是有效的年数（有限，不小于 0）",
                       "en": "work_years '{value}' is not a number of years (finite, 0 or more)"},
    "file_cannot_read": {"zh": "无法读取{what}文件 {path}：{why}", "en": "cannot read {what} {path}: {why}"},
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
    "mapping_line": {"zh": "{place}{problem}", "en": "{place}{problem}"},  # file:line: where: what
    # mapping files: one problem each (the `what` of file:line: where: what)
    **{f"term_{k}": {"zh": zh, "en": k.replace("_", " ")} for k, zh in (
        ("source", "文件"), ("purpose", "用途"), ("ladder", "等级序列"), ("honour", "荣誉"),
        ("points_scheme", "积分方案"), ("catalogue", "目录"), ("qualification", "职业资格"))},
    "none": {"zh": "无", "en": "None"},
    "in_file": {"zh": "{path}", "en": "{path}"},
    "in_file_layer": {"zh": "{path}，层 {layer}", "en": "{path}, layer {layer}"},
    "size_mb": {"zh": "{n} MB", "en": "{n} MB"},
    "size_bytes": {"zh": "{n:,} 字节", "en": "{n:,} bytes"},
    # reading the files (loader)
    "not_a_layer": {"zh": "不是规则层：没有 {file}", "en": "not a layer: it has no {file}"},
    "not_mapping_folder": {"zh": "不是映射文件的文件夹", "en": "not a folder of mapping files"},
    "no_mapping_files": {"zh": "文件夹中没有映射文件（{ext}）", "en": "no mapping files ({ext}) in the folder"},
    "too_many_editions": {"zh": "所载规则层中各标准的版本组合有 {n:,} 种，超过上限 {most} 种",
                          "en": "the loaded layers give {n:,} choices of standard editions, more than {most}"},
    "too_many_files": {"zh": "超过 {folders:,} 个文件夹或 {files:,} 个文件：不是映射文件的文件夹",
                       "en": "more than {folders:,} folders or {files:,} files: not a folder of mapping files"},
    "not_regular_inside": {"zh": "不是文件夹内的普通文件（指向文件夹外的链接、管道等）；未读取",
                           "en": "not a regular file inside the folder (a link out of it, a pipe …); not read"},
    "folder_too_large": {"zh": "文件夹中的文件合计大于 {size}；本文件及其后的文件未读取",
                         "en": "the folder's files are larger than {size} together; this one and the next not read"},
    "larger_than": {"zh": "大于 {size}", "en": "larger than {size}"},
    "not_utf8": {"zh": "不是 UTF-8 文本", "en": "not UTF-8 text"},
    "cannot_read_file": {"zh": "无法读取：{why}", "en": "cannot read: {why}"},
    # the operating system's reason: its own words in English (loader.os_reason); an errno without
    # words of ours is said in the system's words in both languages
    "os_eacces": {"zh": "没有权限", "en": "{why}"},
    "os_enoent": {"zh": "文件不存在", "en": "{why}"},
    "os_eisdir": {"zh": "这是文件夹", "en": "{why}"},
    "os_eio": {"zh": "输入输出错误", "en": "{why}"},
    "os_enospc": {"zh": "磁盘空间不足", "en": "{why}"},
    "os_erofs": {"zh": "只读文件系统", "en": "{why}"},
    "os_ebadf": {"zh": "文件描述符无效（已关闭）", "en": "{why}"},
    # PyYAML's description of the problem: the common ones in words of ours (en: PyYAML's own, see
    # loader.YAML_PROBLEMS), any other as PyYAML words it
    "yaml_syntax": {"zh": "YAML 语法错误：{problem}", "en": "YAML syntax: {problem}"},
    "yaml_value": {"zh": "YAML 取值错误：{problem}", "en": "YAML value: {problem}"},
    "yaml_mapping_values": {"zh": "此处不允许出现映射的值（请检查冒号与缩进）", "en": "mapping values are not allowed {where}"},
    "yaml_cannot_start_token": {"zh": "出现了不能作为记号开头的字符（例如制表符）",
                                "en": "found character that cannot start any token"},
    "yaml_expected_end_of_list": {"zh": "缺少应有的 ',' 或 ']'", "en": "did not find expected ',' or ']'"},
    "yaml_expected_end_of_mapping": {"zh": "缺少应有的 ',' 或 '}}'", "en": "did not find expected ',' or '}}'"},
    "yaml_expected_dash": {"zh": "缺少应有的 '-' 标记", "en": "did not find expected '-' indicator"},
    "yaml_expected_key": {"zh": "缺少应有的键", "en": "did not find expected key"},
    "yaml_expected_colon": {"zh": "找不到应有的 ':'", "en": "could not find expected ':'"},
    "yaml_undefined_alias": {"zh": "别名（*）未定义", "en": "found undefined alias"},
    "yaml_end_of_stream": {"zh": "文件意外结束（引号或括号没有闭合？）", "en": "found unexpected end of stream"},
    "yaml_duplicate_anchor": {"zh": "锚点（&）重复", "en": "second occurrence"},
    "yaml_expected_node": {"zh": "缺少应有的值（括号没有闭合？）", "en": "did not find expected node content"},
    "yaml_bad_unicode_escape": {"zh": "无效的字符转义（如 \\ud800）", "en": "found invalid Unicode character escape code"},
    "yaml_unknown_escape": {"zh": "未知的转义字符（双引号中的 \\）", "en": "found unknown escape character"},
    "yaml_tab_indentation": {"zh": "制表符破坏了缩进（请用空格缩进）", "en": "found a tab character that violates indentation"},
    "yaml_another_document": {"zh": "文件中有不止一个文档（---）", "en": "but found another document"},
    "yaml_bad_character": {"zh": "不允许的字符 {char}（控制字符）", "en": "character {char} is not allowed (a control character)"},
    "nested_too_deep": {"zh": "嵌套超过 {depth} 层", "en": "nested more than {depth} levels deep"},
    "unknown_yaml_tag": {"zh": "未知的 YAML 标签 '{tag}'", "en": "unknown YAML tag '{tag}'"},
    "not_finite": {"zh": "'{value}' 不是有限的数", "en": "'{value}' is not a finite number"},
    "number_out_of_range": {"zh": "{value} 超出范围（至多 {most:,}）", "en": "{value} is out of range (at most {most:,})"},
    "date_read_as_number": {"zh": "{value} 被读作数，不是日期；请写成 2019-07-01，或加引号：'{value}'",
                            "en": "{value} is read as a number, not a date; write it as 2019-07-01, or in quotes: '{value}'"},
    "years_above": {"zh": "{value} 年超过 {most} 年", "en": "{value} years is more than {most}"},
    "not_real_date": {"zh": "日期不存在：'{value}'", "en": "not a real date: '{value}'"},
    "alias_budget": {"zh": "YAML 别名引用（*）增加的值多于文件自身所有的值再加 {budget:,}",
                     "en": "YAML aliases (*name) add more values to this file than it holds itself, plus {budget:,}"},
    "key_not_text": {"zh": "键须为纯文本", "en": "a key must be plain text"},
    "duplicate_key": {"zh": "键重复", "en": "duplicate key"},
    "expected_sections": {"zh": "应为键值映射，键可为：{sections}", "en": "expected a mapping with any of: {sections}"},
    "unknown_section": {"zh": "未知的部分（应为 {sections} 之一）", "en": "unknown section (expected {sections})"},
    "layer_elsewhere": {"zh": "规则层只能在其文件夹根部的 {file} 中声明",
                        "en": "a layer is declared only in the {file} at the root of its folder"},
    "expected_list": {"zh": "应为列表", "en": "expected a list"},
    # the schema (pydantic's error types; see loader.explain)
    "unknown_key": {"zh": "未知的键 '{key}'", "en": "unknown key '{key}'"},
    "missing_key": {"zh": "必填，缺少", "en": "required, missing"},
    "not_pattern": {"zh": "'{input}' 不是{words}", "en": "'{input}' is not {words}"},
    "pattern_id": {"zh": "编号（小写 ASCII 字母、数字、'_' 或 '-'，以字母开头）",
                   "en": "an id (lower-case ASCII letters, digits, '_' or '-', starting with a letter)"},
    "pattern_ref": {"zh": "等级引用 LADDER.LEVEL 或范围 LADDER.LOW..HIGH",
                    "en": "a level reference LADDER.LEVEL or a range LADDER.LOW..HIGH"},
    "pattern_other": {"zh": "符合 {pattern} 的文本", "en": "a text matching {pattern}"},
    "not_one_of": {"zh": "'{input}' 不是可选值之一：{choices}", "en": "'{input}' is not one of {expected}"},
    "schema_string_type": {"zh": "应为文本", "en": "input should be a valid string"},
    "schema_int_type": {"zh": "应为整数", "en": "input should be a valid integer"},
    "schema_int_from_float": {"zh": "应为整数，不能有小数部分",
                              "en": "input should be a valid integer, got a number with a fractional part"},
    "schema_int_parsing": {"zh": "应为整数", "en": "input should be a valid integer, unable to parse string as an integer"},
    "schema_float_type": {"zh": "应为数", "en": "input should be a valid number"},
    "schema_float_parsing": {"zh": "应为数", "en": "input should be a valid number, unable to parse string as a number"},
    "schema_finite_number": {"zh": "应为有限的数", "en": "input should be a finite number"},
    "schema_bool_type": {"zh": "应为 true 或 false", "en": "input should be a valid boolean"},
    "schema_bool_parsing": {"zh": "应为 true 或 false", "en": "input should be a valid boolean, unable to interpret input"},
    "schema_list_type": {"zh": "应为列表", "en": "input should be a valid list"},
    "schema_dict_type": {"zh": "应为键值映射", "en": "input should be a valid dictionary"},
    "schema_model_type": {"zh": "应为键值映射", "en": "input should be a valid dictionary or instance of {class_name}"},
    "schema_date_type": {"zh": "应为日期", "en": "input should be a valid date"},
    "schema_greater_than": {"zh": "应大于 {gt}", "en": "input should be greater than {gt}"},
    "schema_greater_than_equal": {"zh": "应不小于 {ge}", "en": "input should be greater than or equal to {ge}"},
    "schema_less_than": {"zh": "应小于 {lt}", "en": "input should be less than {lt}"},
    "schema_less_than_equal": {"zh": "应不大于 {le}", "en": "input should be less than or equal to {le}"},
    "schema_too_short": {"zh": "至少应有 {min_length} 项，实有 {actual_length} 项",
                         "en": "{field} should have at least {min_length} {items} after validation, not {actual_length}"},
    "schema_too_long": {"zh": "至多应有 {max_length} 项，实有 {actual_length} 项",
                        "en": "{field} should have at most {max_length} {items} after validation, not {actual_length}"},
    "schema_string_too_short": {"zh": "至少应有 {min_length} 个字符", "en": "string should have at least {min_length} {chars}"},
    "schema_string_too_long": {"zh": "至多应有 {max_length} 个字符", "en": "string should have at most {max_length} {chars}"},
    # an error type without a template of its own keeps pydantic's English (see loader.explain)
    "schema_other": {"zh": "取值无效：{text}", "en": "{text}"},
    # the models' own checks (equivalence.models), raised as pydantic value errors
    "date_expected": {"zh": "应为日期 YYYY-MM-DD、YYYY-MM 或 YYYY，实为 {got}",
                      "en": "expected a date YYYY-MM-DD, YYYY-MM or YYYY, got {got}"},
    "rule_needs_from": {"zh": "'{kind}' 规则须有 'from'（只有 'apply'、'promotion' 可以没有起点）",
                        "en": "a '{kind}' rule needs 'from' (only apply/promotion may start from nothing)"},
    "not_bidirectional": {"zh": "只有 'counts_as' 和 'derived' 规则可以双向，不是 '{kind}'",
                          "en": "only counts_as and derived rules can be bidirectional, not '{kind}'"},
    "from_one_level": {"zh": "'from' 须指明一个等级，不能是范围", "en": "'from' must name one level, not a range"},
    # checks across records and files (compile)
    "layer_scope_order": {"zh": "第一个文件夹是全国层，其余为省级层或单位层",
                          "en": "the first folder is the national layer; the others are provinces or employers"},
    "layer_names_region": {"zh": "省级层须写明其地区", "en": "a province layer names its region"},
    "layer_twice": {"zh": "层 '{id}' 重复给出", "en": "layer '{id}' is given twice"},
    "duplicate_id_first": {"zh": "{kind}编号 '{id}' 重复（首次出现于 {first}）",
                           "en": "duplicate {kind} id '{id}' (first in {first})"},
    "duplicate_id": {"zh": "{kind}编号 '{id}' 重复", "en": "duplicate {kind} id '{id}'"},
    "ends_before_starts": {"zh": "终止日期早于生效日期", "en": "ends before it starts"},
    "unknown_source_ref": {"zh": "未知文件 '{id}'", "en": "unknown source '{id}'"},
    "unknown_purpose_ref": {"zh": "未知用途 '{id}'", "en": "unknown purpose '{id}'"},
    "unknown_honour_ref": {"zh": "未知荣誉 '{id}'", "en": "unknown honour '{id}'"},
    "unknown_scheme_ref": {"zh": "未知积分方案 '{id}'", "en": "unknown points scheme '{id}'"},
    "unknown_ladder_ref": {"zh": "未知等级序列 '{id}'", "en": "unknown ladder '{id}'"},
    "unknown_ladder_in": {"zh": "'{ref}' 中的等级序列 '{id}' 未知", "en": "unknown ladder '{id}' in '{ref}'"},
    "unknown_level_ref": {"zh": "未知等级 '{ref}'", "en": "unknown level '{ref}'"},
    "range_high_to_low": {"zh": "范围 '{ref}' 由高到低；请写成 LOW..HIGH", "en": "range '{ref}' runs from high to low; write LOW..HIGH"},
    "duplicate_level_id": {"zh": "等级序列 '{ladder}' 中等级编号 '{id}' 重复", "en": "duplicate level id '{id}' in ladder '{ladder}'"},
    "rank_not_above": {"zh": "级次 {rank} 不高于上一个等级的 {previous}（等级须由低到高排列）",
                       "en": "rank {rank} is not above the previous level's {previous} (list levels low to high)"},
    "name_used": {"zh": "名称 '{name}' 已被等级序列 '{ladder}' 的等级 '{other}' 使用",
                  "en": "name '{name}' is already used by level '{other}' of ladder '{ladder}'"},
    "fixed_item_since": {"zh": "固定积分项在持有某等级期间计分：请在 'since' 中写明该等级",
                         "en": "a fixed item scores while a level is held: name it in 'since'"},
    "item_ids_unique": {"zh": "积分项编号须唯一", "en": "item ids must be unique"},
    "id_of_replaced": {"zh": "'{id}' 是已被 '{by}' 替换的规则的编号；请给新规则另起编号",
                       "en": "'{id}' is the id of a rule replaced by '{by}'; give the new rule an id of its own"},
    "duplicate_rule_id": {"zh": "规则编号 '{id}' 重复（首次出现于 {first}）{hint}",
                          "en": "duplicate rule id '{id}' (first in {first}){hint}"},
    "hint_replaces_only": {"zh": "；规则层只能用 'replaces:' 替换下层的规则",
                           "en": "; a layer replaces a lower layer's rule only with 'replaces:'"},
    "already_replaced": {"zh": "'{old}' 已被 '{by}' 替换（见 {first}）；请改为替换该规则",
                         "en": "'{old}' is already replaced by '{by}' (in {first}); replace that rule instead"},
    "replaces_same_layer": {"zh": "'{old}' 在同一层中（{file}）；请直接修改它",
                            "en": "'{old}' is in the same layer ({file}); edit it instead"},
    "nothing_to_replace": {"zh": "下层中没有可替换的规则 '{old}'", "en": "no rule '{old}' in a lower layer to replace"},
    "one_level_not_range": {"zh": "须指明一个等级，不能是范围", "en": "must name one level, not a range"},
    "not_education_level": {"zh": "'{ref}' 不是学历序列中的一个等级", "en": "'{ref}' is not one level of an education ladder"},
    "promotion_one_ladder": {"zh": "晋升限于同一等级序列：'{low}' -> '{high}'（请用 'apply'）",
                             "en": "a promotion stays in one ladder: '{low}' -> '{high}' (use apply)"},
    "promotion_goes_up": {"zh": "晋升须向上：'{high}' 不高于 '{low}'", "en": "a promotion goes up: '{high}' is not above '{low}'"},
    "link_in_one_ladder": {"zh": "'{kind}' 规则连接两个等级序列；同一序列之内请用 'promotion'",
                           "en": "a '{kind}' rule links two ladders; inside one ladder use promotion"},
    "confidence_above_source": {"zh": "'{confidence}' 高于文件 '{source}'（'{status}'）所允许的 '{allowed}'",
                                "en": "'{confidence}' is above what source '{source}' ({status}) allows: {allowed}"},
    "before_source": {"zh": "{date} 早于文件 '{source}' 的生效日期（{start}）",
                      "en": "{date} is before source '{source}' takes effect ({start})"},
    "after_source": {"zh": "{date} 晚于文件 '{source}' 的终止日期（{end}）", "en": "{date} is after source '{source}' ends ({end})"},
    "promotion_cycle": {"zh": "晋升成环：{trail}", "en": "promotion cycle: {trail}"},
    "contradicts_lower_layer": {"zh": "与下层规则矛盾：{conflict}", "en": "contradicts a lower layer: {conflict}"},
    "conflict_fewer_years": {"zh": "{names} 要求{years}，而规则 {rule}要求{asks}；{fix}",
                             "en": "{names} after {years} where rule {rule} asks {asks}; {fix}"},
    "conflict_gives_more": {"zh": "{names} 条件不多于规则 {rule}（{other}），给出的却更多；{fix}",
                            "en": "{names} gives more, asking no more, than rule {rule} gives {other}; {fix}"},
    "years_in_grade": {"zh": "任本等级 {n} 年", "en": "{n} years in the grade"},
    "years_in_grade_work": {"zh": "任本等级 {n} 年且工作 {work} 年", "en": "{n} years in the grade and {work} years of work"},
    "rule_at": {"zh": "'{id}'（{path}:{line}，层 {layer}）", "en": "'{id}' ({path}:{line}, layer {layer})"},
    "fix_replaces": {"zh": "如要修改该规则，请给本规则加上 'replaces: {id}'",
                     "en": "to change that rule, give this one 'replaces: {id}'"},
    "duplicate_occupation": {"zh": "职业编码 '{occupation}' 重复", "en": "duplicate occupation code '{occupation}'"},
    "code_tier": {"zh": "编码 '{occupation}' 有 {parts} 段，层级应为 {parts}，不是 {tier}",
                  "en": "code '{occupation}' has {parts} part(s), so its tier is {parts}, not {tier}"},
    "parent_should_be": {"zh": "'{occupation}' 的上级应为 {expected}，不是 {parent}",
                         "en": "parent of '{occupation}' must be {expected}, not {parent}"},
    "duplicate_seq": {"zh": "序号 {seq} 重复", "en": "duplicate seq {seq}"},
    "not_qualification_ladder": {"zh": "等级序列 '{id}' 不是职业资格序列", "en": "ladder '{id}' is not a qualification ladder"},
    "published_count": {"zh": "公布数为 {want} 个 {key}，文件中有 {have} 个",
                        "en": "the publication counts {want} {key}, the file has {have}"},
    "parent_missing": {"zh": "'{occupation}' 的上级 '{parent}' 不在目录中", "en": "parent '{parent}' of '{occupation}' is not in the catalogue"},
    # the data says only what its documents say (audit)
    "derived_not_low": {"zh": "推导规则（无文件明文规定）的可信度应为 'low'，不是 '{confidence}'",
                        "en": "a derived rule (no document states it) is low confidence, not '{confidence}'"},
    "high_needs_quote": {"zh": "'high' 须见到本规则的正式原文（第一条引用中的原文摘录）",
                         "en": "'high' needs the official wording of this rule seen (a quote in the first citation)"},
    "paraphrase_low": {"zh": "仅以转述得知的规则可信度应为 'low'，不是 '{confidence}'",
                       "en": "a rule known only as a paraphrase is low confidence, not '{confidence}'"},
    "condition_in_chinese": {"zh": "条件在中文答案中按原文显示：请用中文书写（'{found}'）",
                             "en": "a condition is shown as written in Chinese answers: write it in Chinese ('{found}')"},
    "condition_in_english": {"zh": "条件在英文答案中按原文显示：请用英文书写（'{found}'；《标题》或文号可保留）",
                             "en": "a condition is shown as written in English answers: write it in English "
                                   "('{found}'; a 《title》 or 文号 may stay)"},
    "quote_unverified": {"zh": "文件 '{source}' 未经核实（未见原文）：原文摘录请留空，并在备注中说明原因",
                         "en": "source '{source}' is unverified (no text seen): leave the quote empty and say why in the note"},
    "quote_summary": {"zh": "原文摘录须是文件中见到的原话，不是概括（'{found}'）：请移到备注，摘录留空",
                      "en": "a quote is words seen in the source, not a summary ('{found}'): "
                            "move it to the note and leave the quote empty"},
    "names_project_file": {"zh": "提到了本项目自己的文件（'{found}'）：只能引用政策文件",
                           "en": "names a file of this project ('{found}'): cite documents only"},
    "names_reference_row": {"zh": "提到了本项目参考笔记的行号（'{found}'）：请写出文件名称、文号或来源编号",
                            "en": "names a row of this project's reference notes ('{found}'): name the document "
                                  "(title, 文号 or source id) instead"},
    "unknown_region": {"zh": "没有地区 '{name}' 的规则（已有：{known}）", "en": "no shipped rules for region '{name}' (known: {known})"},
    "region_option": {"zh": "{zh}（{region}）", "en": "{zh} ({region})"},
    "cannot_write_output": {"zh": "无法写出结果：{why}", "en": "cannot write the output: {why}"},
    "os_error_on": {"zh": "{why}：{path}", "en": "{why}: {path}"},
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
    "roster_not_xlsx": {"zh": "无法将 {path} 作为 .xlsx 读取：{why}", "en": "cannot read {path} as .xlsx: {why}"},
    "xlsx_is_xls": {"zh": "这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx",
                    "en": "it is an Excel 97-2003 (.xls) file; save it as .xlsx in Excel"},
    "xlsx_is_text": {"zh": "这是文本文件（如 CSV），请将文件名改为 .csv", "en": "it is a text file (such as CSV); name it .csv"},
    "xlsx_not_zip": {"zh": "不是 .xlsx 工作簿（不是 zip 格式）", "en": "not an .xlsx workbook ({why})"},
    "xlsx_unreadable": {"zh": "不是可读的 .xlsx 工作簿（{why}）", "en": "not a readable .xlsx workbook ({why})"},
    "xlsx_no_sheet": {"zh": "工作簿中没有工作表", "en": "the workbook has no worksheet"},
    "xlsx_doctype": {"zh": "工作簿的组成部分中含有 DOCTYPE 声明", "en": "a DOCTYPE inside a workbook part"},
    "xlsx_part_too_big": {"zh": "{part} 解压后为 {size} MB（最多读取 {limit} MB）",
                          "en": "{part} is {size} MB uncompressed (more than the {limit} MB read)"},
    "xlsx_string_too_long": {"zh": "第 {n} 个共享字符串超过 {limit} 个字符（Excel 单元格的上限）",
                             "en": "shared string {n} is longer than {limit} characters (Excel's limit for a cell)"},
    "xlsx_column_too_far": {"zh": "单元格 {cell} 超出第 {limit} 列（名单没有这么多列）",
                            "en": "cell {cell} is beyond column {limit} (a roster has fewer columns)"},
    "xlsx_cell_too_long": {"zh": "第 {row} 行有单元格超过 {limit} 个字符", "en": "cell in row {row} is longer than {limit} characters"},
    "xlsx_too_many_cells": {"zh": "工作表超过 {limit} 个单元格（行 × 列）", "en": "more than {limit} cells (rows × columns) in the sheet"},
    "roster_xlsx_cell_too_long": {
        "zh": "第 {row} 行 '{column}' 列的单元格超过 {limit} 个字符（Excel 单元格的上限），.xlsx 无法完整保存；请改为输出 .csv",
        "en": "row {row}, column '{column}': the cell is longer than {limit} characters (Excel's limit for a cell) "
              "and cannot be kept whole in .xlsx; write .csv instead"},
    "roster_note_first_sheet": {"zh": "注意：只读取了 {name} 的第一个工作表 '{sheet}'，另外 {n} 个工作表未读取（{others}）",
                                "en": "Note: read the first sheet '{sheet}' of {name}; {n} other sheet{s} ignored ({others})"},
    "roster_note_header_sheet": {
        "zh": "注意：读取了 {name} 中有名单表头的工作表 '{sheet}'，另外 {n} 个工作表未读取（{others}）",
        "en": "Note: read the sheet '{sheet}' of {name}, the first with a roster header; {n} other sheet{s} ignored "
              "({others})"},
    "roster_note_repeated_column": {
        "zh": "注意：第 {number} 列与左边的列同名（'{column}'），按原样保留为 '{renamed}'，不作为字段读取",
        "en": "Note: column {number} repeats the name '{column}' of a column to its left; it is kept as '{renamed}' "
              "and not read as a field"},
    "roster_note_title_rows": {"zh": "注意：表头在第 {row} 行，其上的行（标题）未作为名单读取",
                               "en": "Note: the header is on row {row}; the rows above it (a title) are not read"},
    "roster_empty": {"zh": "{path} 是空的（应有标题行）", "en": "{path} is empty (expected a header row)"},
    "roster_header_unreadable": {"zh": "{path}：无法读取标题行（{why}）", "en": "{path}: the header row cannot be read ({why})"},
    "row_cell_too_long": {"zh": "第 {line} 行：有单元格超过 {limit} 个字符", "en": "line {line}: a cell over {limit} characters"},
    "row_quote_not_closed": {"zh": "第 {line} 行：引号没有闭合", "en": "line {line}: a quoted cell is never closed"},
    "row_not_json": {"zh": "第 {line} 行：不是 JSON（{why}）", "en": "line {line}: not JSON ({why})"},
    "row_not_object": {"zh": "第 {line} 行：不是 JSON 对象", "en": "line {line}: not a JSON object"},
    "row_not_unicode": {"zh": "第 {line} 行：不是有效的文本（'{char}' 只是 UTF-16 代理对的一半）",
                        "en": "line {line}: not valid Unicode text ('{char}' is half of a UTF-16 pair)"},
    "row_formula_without_value": {
        "zh": "第 {row} 行：公式单元格 {cells} 保存时没有值（请在 Excel 中打开并保存，或粘贴为数值）",
        "en": "row {row}: formula cell{s} {cells} saved without a value (open and save the file in Excel, or paste "
              "the values)"},
    # rosters (the command line's summary)
    "roster_rows_failed": {"zh": "共 {total} 行，其中 {failed} 行无法处理（第 {rows} 行；见 error 列）",
                           "en": "{failed} of {total} row{s} could not be processed (row{rs} {rows}; see the error column)"},
    "diff_rows_unanswered": {"zh": "共 {total} 行，其中 {failed} 行在两个日期都无法处理，未比较（第 {rows} 行；用 'equivalence roster' 查看原因）",
                             "en": "{failed} of {total} row{s} could not be processed on either date and were not compared (row{rs} {rows}; 'equivalence roster' says why)"},
    "more_columns": {"zh": "另 {n} 列", "en": "{n} more"},
    "roster_xlsx_too_many_rows": {"zh": "工作表至多 {limit} 行（含标题行）；此名单除标题外有 {rows} 行：请写成 .csv 或 .jsonl",
                                  "en": "a worksheet holds at most {limit} rows, the header included; this roster has "
                                        "{rows} rows besides its header: write .csv or .jsonl"},
    "roster_too_many_columns": {"zh": "{path} 第 {row} 行超过 {limit} 列（名单没有这么多列）",
                                "en": "{path}: row {row} has more than {limit} columns (a roster has fewer)"},
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
    text = TEMPLATES[code][lang].format(**values)
    if code == "mapping_line":  # a value quoted from a file may hold a line break: a problem is one line
        from .errors import one_line

        text = one_line(text)
    return text


def _is_message(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict)


def message(exc: BaseException, lang: str) -> str:
    """What to tell a user of ``lang`` about ``exc``: its template when it has one, else its text."""
    code = getattr(exc, "code", None)
    if code in TEMPLATES:
        return render(code, exc.params, lang)
    return str(exc)
