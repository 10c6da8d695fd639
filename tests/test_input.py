"""Names, years and dates as people type them: credentials, short forms, traditional characters,
occupations named alone, and the one date parser."""

from __future__ import annotations

import datetime as dt

import pytest

from equivalence.dates import DateError, parse_date
from equivalence.errors import AmbiguousLevelError, UnknownLadderError, UnknownLevelError
from equivalence.names import SHORT_FORMS, normalize
from equivalence.profile import ProfileError, build_profile, parse_holding

AS_OF = dt.date(2025, 1, 1)


# -- dates -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["2019-07-01", "2019-7-1", "2019/07/01", "2019/7/1", "2019.07.01", "20190701",
                                  "2019年7月1日", "2019年7月1号", " 2019-07-01 ", "２０１９－０７－０１", "２０１９／７／１"])
def test_dates_as_written_in_china_and_by_excel(text):
    assert parse_date(text) == dt.date(2019, 7, 1)


@pytest.mark.parametrize("text", ["2019-07", "2019/7", "2019.07", "201907", "2019年7月"])
def test_a_month_alone_means_its_first_day(text):
    assert parse_date(text) == dt.date(2019, 7, 1)


def test_date_and_datetime_cells_are_their_day():
    assert parse_date(dt.datetime(2019, 7, 1, 0, 0)) == dt.date(2019, 7, 1)
    assert parse_date(dt.date(2019, 7, 1)) == dt.date(2019, 7, 1)


@pytest.mark.parametrize("text, message", [
    ("2019", "'2019' is not a date (YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, or a month: YYYY-MM)"),
    ("07/01/2019", "'07/01/2019' is not a date (YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, "
                   "or a month: YYYY-MM)"),
    ("2019-02-30", "'2019-02-30' is not a date: no such date"),
    ("2019-7/1", "'2019-7/1' is not a date (YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, "
                 "or a month: YYYY-MM)"),
    ("9999-12-31", "date: 9999-12-31 is outside the dates this tool answers for (1949-10-01 to 2100-12-31)"),
    ("1949-09-30", "date: 1949-09-30 is outside the dates this tool answers for (1949-10-01 to 2100-12-31)"),
])
def test_bad_dates_say_why(text, message):
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert str(info.value) == message


def test_the_window_is_inclusive():
    assert parse_date("1949-10-01") == dt.date(1949, 10, 1)
    assert parse_date("2100-12-31") == dt.date(2100, 12, 31)


# -- credentials ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, obtained", [
    ("技师:2", dt.date(2023, 1, 1)),
    ("技师 : 2", dt.date(2023, 1, 1)),
    ("技师：2", dt.date(2023, 1, 1)),
    ("技师:2年", dt.date(2023, 1, 1)),
    ("技师: 2 年", dt.date(2023, 1, 1)),
    ("技师:1.5", dt.date(2023, 7, 1)),
    ("技师＠2019-07-01", dt.date(2019, 7, 1)),
    ("技师 @ 2019/07/01", dt.date(2019, 7, 1)),
    ("技师@2019-7-1", dt.date(2019, 7, 1)),
    ("技师@20190701", dt.date(2019, 7, 1)),
    ("技师@2019年7月1日", dt.date(2019, 7, 1)),
    ("技师@2019.07", dt.date(2019, 7, 1)),
    ("技師:2", dt.date(2023, 1, 1)),
    ("技师", AS_OF),
])
def test_credentials_as_typed(real, text, obtained):
    held = parse_holding(real, text, AS_OF)
    assert (held.level, held.obtained) == ("skill.technician", obtained)


def test_qualified_names_keep_their_colons(real):
    assert parse_holding(real, "电工:技师:3", AS_OF).level == "skill.technician"
    assert parse_holding(real, "电工：技师：3", AS_OF).obtained == dt.date(2022, 1, 1)
    assert parse_holding(real, "工勤技能岗位:技术工三级:5", AS_OF).level == "post_skill.w3"


@pytest.mark.parametrize("text, message", [
    ("高级工:abc", "years held in '高级工:abc' must be a number of years from 0 to 80, got 'abc'"),
    ("技师:-1", "years held in '技师:-1' must be from 0 to 80 years, got -1"),
    ("技师:81", "years held in '技师:81' must be from 0 to 80 years, got 81"),
    ("技师:nan", "years held in '技师:nan' must be a finite number of years, got nan"),
    ("技师:inf", "years held in '技师:inf' must be a finite number of years, got inf"),
    ("技师:1e400", "years held in '技师:1e400' must be from 0 to 80 years, got 1e400"),
    ("技师:" + "9" * 400, "years held in '技师:" + "9" * 33 + "…' must be from 0 to 80 years, got 99999999999999999999…"),
    ("技师@2026-01-01", "'技师@2026-01-01': obtained after the plan date 2025-01-01"),
    ("技师@2019-02-30", "'2019-02-30' is not a date in '技师@2019-02-30': no such date"),
    ("技师@1900-01-01", "date in '技师@1900-01-01': 1900-01-01 is outside the dates this tool answers for "
                        "(1949-10-01 to 2100-12-31)"),
])
def test_bad_years_and_dates_say_what_is_wrong(real, text, message):
    with pytest.raises(ProfileError) as info:
        parse_holding(real, text, AS_OF)
    assert str(info.value) == message


def test_a_misspelt_level_with_years_gets_a_did_you_mean(real):
    with pytest.raises(UnknownLevelError) as info:
        parse_holding(real, "高级工程帅:2", AS_OF)
    assert info.value.suggestions[0] == "高级工程师"


@pytest.mark.parametrize("value, message", [
    (float("nan"), "work years must be a finite number of years, got nan"),
    (float("inf"), "work years must be a finite number of years, got inf"),
    (-1, "work years must be from 0 to 80 years, got -1"),
    (81, "work years must be from 0 to 80 years, got 81"),
    ("ten", "work years must be a number of years from 0 to 80, got 'ten'"),
])
def test_work_years_are_finite_and_in_range(real, value, message):
    with pytest.raises(ProfileError) as info:
        build_profile(real, ["技师"], work_years=value, as_of="2025-01-01")
    assert str(info.value) == message


def test_plan_date_is_read_like_every_date(real):
    assert build_profile(real, ["技师"], as_of="2025年1月1日").as_of == AS_OF
    with pytest.raises(ProfileError, match="plan date: 9999-12-31 is outside"):
        build_profile(real, ["技师"], as_of="9999-12-31")


# -- traditional characters ------------------------------------------------------------------
@pytest.mark.parametrize("name, ref", [
    ("高級技師", "skill.senior_technician"), ("技師", "skill.technician"), ("工程師", "eng.intermediate"),
    ("高級工程師", "eng.associate_senior"), ("註冊會計師", "q_cpa.certified"),
])
def test_traditional_names_resolve(real, name, ref):
    assert real.level(name).ref == ref


def test_the_fixed_table_covers_every_name_in_the_data(real):
    """OpenCC turns every name of the data into traditional characters; the fixed table of
    names.py must fold each back to the name, and must never change a character the data uses."""
    import opencc

    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from gen_traditional import data_names

    from equivalence.names import _FOLD

    to_traditional = opencc.OpenCC("s2t")
    names = data_names(real)
    assert len(names) > 2000  # levels, ladders, occupations, qualifications
    unfolded = [n for n in names if to_traditional.convert(n).translate(_FOLD) != n]
    assert unfolded == []
    used = set("".join(names))
    assert not used & {chr(c) for c in _FOLD}


# -- short forms -----------------------------------------------------------------------------
@pytest.mark.parametrize("name, ref", [
    ("注会", "q_cpa.certified"), ("研究生", "edu.master"), ("研究生学历", "edu.master"),
    ("博士研究生", "edu.doctor"), ("副高", "tier.associate_senior"), ("正高", "tier.full_senior"),
    ("中级职称", "tier.intermediate"),
])
def test_short_forms(real, name, ref):
    assert real.level(name).ref == ref


@pytest.mark.parametrize("name, candidates", [
    ("初级职称", ["职称层级:员级", "职称层级:助理级"]),
    ("高级职称", ["职称层级:副高级", "职称层级:正高级"]),
    ("正处", ["公务员领导职务:县处级正职", "事业单位行政级别:处级正职"]),
    ("副处", ["公务员领导职务:县处级副职", "事业单位行政级别:处级副职"]),
    ("正科", ["公务员领导职务:乡科级正职", "事业单位行政级别:科级正职"]),
])
def test_ambiguous_short_forms_are_refused_with_candidates(real, name, candidates):
    with pytest.raises(AmbiguousLevelError) as info:
        real.level(name)
    assert info.value.candidates == candidates
    assert str(info.value).startswith(f"'{name}' is ambiguous; a short form of several names; name one: ")


def test_every_short_form_names_something(real):
    for short, longs in SHORT_FORMS.items():
        assert short == normalize(short)
        for long in longs:
            assert real.get_level(long) is not None, (short, long)


# -- occupations -------------------------------------------------------------------------------
def test_an_occupation_named_alone_suggests_its_grades(real):
    with pytest.raises(UnknownLevelError) as info:
        real.level("焊工")
    assert info.value.suggestions == ["焊工:高级工", "焊工:技师"]
    assert "焊工 6-18-02-04 is an occupation of the 职业分类大典: it holds skill grades" in str(info.value)


def test_an_occupation_name_the_catalogue_no_longer_uses_is_searched(real):
    with pytest.raises(UnknownLadderError) as info:
        real.level("维修电工:技师")
    assert info.value.suggestions[0] == "电工:技师"
    assert str(info.value).startswith("unknown ladder or occupation '维修电工' (no ladder, and no occupation of "
                                      "the 职业分类大典 (2022 edition)); did you mean: 电工:技师")
