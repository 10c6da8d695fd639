"""QA of the provincial layers against their documents: answers an HR officer in the province gets.

Each test pins the answer the cited provincial document gives (document and 文号 named in a comment).
"""

from __future__ import annotations

import json

from equivalence.cli import cli

AS_OF = "2026-12-01"


def _json(runner, *args):
    result = runner.invoke(cli, list(args) + ["--format", "json"])
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


# 山东: 鲁人社字〔2020〕77号 《关于在企业试行设立特级技师岗位的通知》: 高级技师 with 4 years in a 高级技师
# post may be appointed (评聘) to a 特级技师 post; 鲁人社发〔2020〕16号: "获得企业特级技师证书并聘用到特级技师
# 岗位的高级技师,可申报评审相应专业的正高级工程师". The 特级技师 reached by 评聘 is held in post, so the
# route goes on to 正高级工程师 (it used to end in "no route": the appointed level did not count as in post).
SD_ARGS = ["--region", "山东", "path", "正高级工程师", "--holds", "高级技师:4", "--in-post", "高级技师",
           "--as-of", AS_OF]


def test_shandong_appointed_special_technician_may_apply_for_full_senior_engineer(runner):
    for lang in ("zh", "en"):
        answer = _json(runner, *SD_ARGS, "--lang", lang)
        assert [(s["rule"], s["date"]) for s in answer["steps"]] == [
            ("sd-special-technician-entry", AS_OF),
            ("sd-special-technician-apply-full-senior-engineer", AS_OF)]
        assert answer["date"] == AS_OF


def test_shandong_special_technician_needs_four_years_in_post(runner):
    # 鲁人社字〔2020〕77号: "在高级技师岗位工作满4年" -- 3 years in post: 特级技师 a year later, then 正高级工程师
    args = [a if a != "高级技师:4" else "高级技师:3" for a in SD_ARGS]
    answer = _json(runner, *args)
    assert [(s["rule"], s["date"]) for s in answer["steps"]] == [
        ("sd-special-technician-entry", "2027-12-01"),
        ("sd-special-technician-apply-full-senior-engineer", "2027-12-01")]


def test_shandong_check_names_the_special_technician_step(runner):
    answer = _json(runner, "--region", "山东", "check", "正高级工程师", "--holds", "高级技师:4",
                   "--in-post", "高级技师", "--as-of", AS_OF)
    assert answer["eligible"] is False and answer["earliest"] == AS_OF
    assert [s["rule"] for s in answer["steps"]] == ["sd-special-technician-entry",
                                                   "sd-special-technician-apply-full-senior-engineer"]


def test_guangdong_title_route_lists_as_unchecked_only_what_is_not_checked(runner):
    # 广东 2025 特级技师 notice, route 2: "取得高级职称(专业技术人员职业资格)后满2年". The 2 years after the title
    # are years_in_from, checked; the note under the route listed the whole clause again as 另须满足（本工具未核查）,
    # and the qualification alternative is a second way in, not a further condition.
    args = ["--region", "广东", "path", "特级技师", "--holds", "高级工程师@2018-01-01", "--education", "本科",
            "--as-of", AS_OF]
    answer = _json(runner, *args)
    assert [s["rule"] for s in answer["steps"]][-1] == "gd-special-technician-from-associate-senior-title"
    assert answer["date"] == AS_OF
    last = runner.invoke(cli, args).stdout.splitlines()[-1]
    assert last == "注：另须满足（本工具未核查）：评聘：由规模以上企业聘任到特级技师岗位"
