"""What people see on ``equivalence serve``'s pages, found by looking at them (zh and en, a desk and a
phone): each test pins one defect that was seen, as its page showed it."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi", reason="the web extra (pip install '.[web]') is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from equivalence.web.app import create_app  # noqa: E402

try:  # the real browser of test_web_browser (its fixtures), for what only a layout shows
    from test_web_browser import browser, server  # noqa: F401
except pytest.skip.Exception as exc:  # no chromium: only the tests that need it are skipped
    _WHY = str(exc)

    @pytest.fixture
    def server():
        pytest.skip(_WHY)

    browser = server

AS_OF = "2026-12-01"


@pytest.fixture(scope="module")
def site():
    return TestClient(create_app())


def text_of(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


PHONE_PAGES = [
    "/lookup?level=技师",
    "/worker?target=高级技师&holds=技师&since=2024-06-01&as_of=" + AS_OF,
    "/compare?a=技师&b=工程师&lang=en",
    "/routes-into?target=高级工程师",
]


def test_a_phone_shows_every_table_within_its_width(server, browser):
    # At 390 px the tables of nine columns ran off the right edge (依据 and 规则 cut off, one word per line),
    # and the worker form's date field stood out of its box: each row is now a card of labelled cells.
    browser.set_window_size(390, 900)
    try:
        for path in PHONE_PAGES:
            browser.get(server + path)
            inner, wide = browser.execute_script(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
            assert wide <= inner, (path, wide, inner)
            labels = browser.execute_script(
                "return [...document.querySelectorAll('main table:not(.fields) td')].slice(0, 3)"
                ".map(td => getComputedStyle(td, '::before').content)")
            assert labels and all(label not in ("none", "normal", '""') for label in labels), (path, labels)
    finally:
        browser.set_window_size(1280, 900)


def test_every_cell_names_its_column(site):
    page = site.get("/routes-into", params={"target": "高级工程师"}).text
    row = re.search(r"<tbody><tr>(.*?)</tr>", page).group(1)
    assert re.findall(r'<td[^>]* data-label="([^"]*)"', row) == ["等级", "序列", "关系", "条件", "可信度", "依据", "规则"]


def error_of(page: str) -> str:
    return text_of(re.search(r'<p class="error" id="error">(.*?)</p>', page).group(1)).replace("&#x27;", "'")


def test_a_refused_worker_form_keeps_what_was_typed_and_says_why_in_the_page_language(site):
    # A wrong date sent the worker to an error page in English ("invalid as_of: … no such date") with a
    # bare search box: the holdings, their dates, the honour and the target typed were gone.
    asked = {"target": "特级技师", "holds": "技师", "since": "2023-12-01", "honour": "全国技术能手",
             "region": "广东", "as_of": "2026-13-45"}
    response = site.get("/worker", params=asked)
    assert response.status_code == 400
    assert error_of(response.text) == "as_of 的取值无效：日期不存在：'2026-13-45'（没有这个日期）"
    for value in ("特级技师", "技师", "2023-12-01", "全国技术能手", "广东"):
        assert f'value="{value}"' in response.text, value
    english = site.get("/worker", params={**asked, "lang": "en"})
    assert error_of(english.text) == "invalid as_of: '2026-13-45' is not a date: no such date"
    assert '<input type="hidden" name="lang" value="en">' in english.text
    # years of work that are no number: said in Chinese, and kept as typed
    response = site.get("/worker", params={**asked, "as_of": AS_OF, "work_years": "三年"})
    assert response.status_code == 400
    assert error_of(response.text) == "work_years 的取值无效：'三年'"
    assert 'value="三年"' in response.text and 'value="全国技术能手"' in response.text


def test_an_unknown_name_keeps_the_form_and_its_suggestions_stay_on_the_page(site):
    response = site.get("/compare", params={"a": "技师", "b": "高级工程帅"})
    assert response.status_code == 404
    assert 'name="a" value="技师"' in response.text and 'name="b" value="高级工程帅"' in response.text
    first = re.search(r'<ul><li><a href="([^"]+)">高级工程师</a>', response.text).group(1).replace("&amp;", "&")
    assert first == "/compare?a=%E6%8A%80%E5%B8%88&b=%E9%AB%98%E7%BA%A7%E5%B7%A5%E7%A8%8B%E5%B8%88"
    assert site.get(first).status_code == 200
    worker = site.get("/worker", params={"target": "高级工程帅", "holds": "技师", "since": "2020-01-01"})
    assert 'value="2020-01-01"' in worker.text
    assert 'href="/worker?target=%E9%AB%98%E7%BA%A7%E5%B7%A5%E7%A8%8B%E5%B8%88&amp;holds=' in worker.text
    lookup = site.get("/lookup", params={"level": "高级工程帅"})
    assert 'name="level" value="高级工程帅"' in lookup.text  # the box keeps the name, to be put right
    assert 'href="/lookup?level=%E9%AB%98%E7%BA%A7%E5%B7%A5%E7%A8%8B%E5%B8%88"' in lookup.text


def test_a_page_that_is_not_there_says_so_in_the_page_language(site):
    assert error_of(site.get("/points").text) == "没有此页面"
    assert error_of(site.get("/points", params={"lang": "en"}).text) == "no such page"
    assert site.get("/api/nope").json()["error"]["message"] == "Not Found"  # the API keeps HTTP's words


def test_the_worker_form_has_the_honour_and_the_post_it_was_answered_with(site):
    # 广东 (9.5): 技师 + 3 years and 全国技术能手 → 特级技师 now. The page answered an honour in its URL
    # but had no box for it: asked again (another date), the honour was dropped and the verdict changed.
    asked = {"target": "特级技师", "holds": "技师", "since": "2023-12-01", "honour": "全国技术能手",
             "region": "广东", "as_of": AS_OF}
    page = site.get("/worker", params=asked).text
    assert text_of(re.search(r'<p id="verdict">(.*?)</p>', page).group(1)) == "现在符合条件"
    assert '<input name="honour" value="全国技术能手"' in page and '<input name="in_post" value=""' in page
    twin = re.search(r'<a href="(/api/check[^"]+)">', page).group(1).replace("&amp;", "&")
    assert site.get(twin).json()["eligible"] is True
    # the boxes left empty are no honour and no post
    blank = site.get("/worker", params={**asked, "honour": "", "in_post": ""})
    assert blank.status_code == 200
    assert text_of(re.search(r'<p id="verdict">(.*?)</p>', blank.text).group(1)) == "暂不符合；最早 2028-12-01"  # as check says


def test_no_document_to_compare_by_is_not_shown_as_a_finding(site):
    # 初级工 / 主任科员: compare says "文件未提供比较依据". The page showed it in the green of a
    # verdict found, over a table of headings and no rows.
    for lang, said in (("zh", "初级工 文件未提供比较依据 主任科员"),
                       ("en", "Junior worker no document allows a comparison Principal staff member (before 2019)")):
        page = site.get("/compare", params={"a": "初级工", "b": "主任科员", "lang": lang}).text
        head = re.search(r'<p class="verdict none">(.*?)</p>', page).group(1)
        assert text_of(head) == said
        assert "<table" not in page
    assert '<p class="verdict yes">' in site.get("/compare", params={"a": "技师", "b": "工程师"}).text


def test_a_check_with_no_rule_to_show_has_no_empty_table(site):
    # 主治医师 from 医师 (no rule leads there) and 专业技术一级 from 初级工 (every rule needs a credential
    # no route reaches): the verdict stood over a table of headings and no rows.
    for target, holds in (("主治医师", "医师"), ("专业技术岗位:一级", "初级工")):
        page = site.get("/worker", params={"target": target, "holds": holds, "since": "2024-01-01", "as_of": AS_OF}).text
        check = page[page.index('<p id="verdict">'):page.index('id="route-headline"')]
        assert "<table" not in re.sub(r'<details class="muted">.*?</details>', "", check), target  # (folded rules aside)


def test_the_rules_check_folds_away_can_be_opened_on_the_page(site):
    # "另有 2 条规则需要无法取得的证书" named rules the page never showed (the command line has --all).
    page = site.get("/worker", params={"target": "专业技术岗位:一级", "holds": "初级工", "since": "2024-01-01",
                                       "as_of": AS_OF}).text
    folded = re.search(r'<details class="muted"><summary>另有 2 条规则需要无法取得或未说明如何取得的证书</summary>(.*?)</details>',
                       page).group(1)
    rows = [[text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(<td.*?)</tr>", folded)]
    assert rows == [["inst-post-hedu-professor", "可聘岗位", "—", "", "未持有教授，且没有可达的路径", ""],
                    ["inst-post-tier-full-senior", "可聘岗位", "—", "", "未持有正高级，且没有可达的路径", ""]]


def test_the_english_worker_form_gives_english_examples(site):
    # The en form's examples were Chinese (本科 / 大专, 高级工程师 …), though English names are read alike.
    page = site.get("/worker", params={"lang": "en"}).text
    assert re.findall(r'placeholder="([^"]*)"', page) == [
        "Technician", "Bachelor&#x27;s degree", "Senior technician", "National Technical Expert", "national",
        "Senior engineer"]
    asked = {"target": "Senior engineer", "holds": "Engineer", "since": "2020-01-01", "education": "Bachelor's degree",
             "as_of": AS_OF, "lang": "en"}
    assert text_of(re.search(r'<p id="verdict">(.*?)</p>', site.get("/worker", params=asked).text).group(1)) == \
        "eligible now"
    assert re.findall(r'placeholder="([^"]*)"', site.get("/worker").text) == [
        "技师 / 电工:技师", "本科 / 大专", "高级技师", "全国技术能手", "全国", "高级工程师"]


def test_a_desk_shows_the_whole_chart(server, browser):
    # At 1280 px the chart's fifth ladder (专业技术岗位) and an 18-year route's last steps lay past the
    # right edge of their box: a desk's screen shows the whole drawing, scaled to the box.
    browser.set_window_size(1280, 900)
    for path in ("/chart", "/worker?target=高级技师&holds=软考高级&since=2024-12-02&as_of=" + AS_OF):
        browser.get(server + path)
        svg_right, box_right = browser.execute_script(
            "var svg = document.querySelector('.chart svg'), box = svg.parentElement;"
            "return [svg.getBoundingClientRect().right, box.getBoundingClientRect().right]")
        assert svg_right <= box_right, (path, svg_right, box_right)


def test_the_compare_form_has_the_date_and_the_derived_comparisons_it_was_answered_with(site):
    # 工勤二级 / 专技十级 rests on a derived comparison: asked with include_derived the page said 同级…, but
    # its form had no box for it (nor for the date), so comparing again said 文件未提供比较依据.
    asked = {"a": "工勤技能岗位:二级", "b": "专业技术岗位:十级", "include_derived": "1", "as_of": "2010-01-01"}
    page = site.get("/compare", params=asked).text
    assert text_of(re.search(r'<p class="verdict yes">(.*?)</p>', page).group(1)) == \
        "技术工二级 同级（推导（非文件所述）；可信度 低） 专业技术十级"
    assert '<input type="checkbox" name="include_derived" value="1" checked>' in page
    assert '<input name="as_of" value="2010-01-01"' in page
    # asked as of 2010, the 2006 wage table (ended 2014-10) was in force: neither says it had ended
    from click.testing import CliRunner

    from equivalence.cli import cli

    said = CliRunner().invoke(cli, ["compare", "工勤技能岗位:二级", "专业技术岗位:十级", "--include-derived",
                                    "--as-of", "2010-01-01"]).output.splitlines()[0]
    assert said == "技术工二级 同级（推导（非文件所述）；可信度 低） 专业技术十级"
    assert "失效" not in text_of(page)
    plain = site.get("/compare", params={"a": "技师", "b": "工程师"}).text
    assert '<input type="checkbox" name="include_derived" value="1">' in plain


def test_a_short_routes_title_is_not_cut(server, browser):
    # 首席技师 from 高级技师 (two steps on the plan date): the English title "… earliest 2026-12-01 (from
    # 2026-12-01)" ran past the drawing's right edge, cut after "earliest 2026-12-01".
    browser.set_window_size(1280, 900)
    for lang in ("en", "zh"):
        browser.get(f"{server}/worker?target=首席技师&holds=高级技师&since=2015-01-01&as_of={AS_OF}&lang={lang}")
        right, width = browser.execute_script(
            "var t = document.querySelector('#route-chart .chart-title');"
            "return [t.getBBox().x + t.getBBox().width, t.ownerSVGElement.viewBox.baseVal.width]")
        assert right <= width, (lang, right, width)


def test_a_credential_held_for_some_purposes_says_which(site):
    # 国人部发〔2003〕39号: 软考高级 counts as 高级工程师 (副高级) for post appointment and title review only.
    # The page listed 高级工程师 and 副高级 among what the worker holds as if for every purpose, beside a
    # rule row saying 所持副高级仅用于岗位聘任、职称评审，不适用本条.
    asked = {"target": "高级技师", "holds": "软考高级", "since": "2024-12-02", "as_of": AS_OF}
    for lang, said in (("zh", "副高级 · 视同/对应 ← 高级工程师 [tier-eng-associate-senior] · 自 2024-12-02 · 仅用于岗位聘任、职称评审"),
                       ("en", "Associate senior · counts as ← Senior engineer [tier-eng-associate-senior] · since "
                              "2024-12-02 · for post appointment, professional title review only")):
        page = site.get("/worker", params={**asked, "lang": lang}).text
        items = [text_of(li) for li in re.findall(r"<li>(.*?)</li>", page)]
        assert said in items, items
        held = [i for i in items if i.startswith(("计算机技术与软件专业高级资格", "Computer and software exam, senior"))]
        assert held and not held[0].endswith("only") and "仅用于" not in held[0]  # held itself: for any purpose


def test_a_level_named_with_its_ladder_keeps_the_date_typed_beside_it(site):
    # 实施意见 5.4: 工勤四级 held 5 years in post and the 高级工 test → 工勤三级, now (held since 2021-12-01).
    # The form dropped the date of any level written with a colon (工勤技能岗位:四级, 电工:技师), taking
    # it for LEVEL:YEARS, and answered 暂不符合；最早 2031-12-01 where check says 现在符合条件.
    asked = {"target": "工勤技能岗位:三级", "holds": ["工勤技能岗位:四级", "高级工"], "since": ["2021-12-01", "2020-01-01"],
             "in_post": "工勤技能岗位:四级", "as_of": AS_OF}
    page = site.get("/worker", params=asked).text
    assert text_of(re.search(r'<p id="verdict">(.*?)</p>', page).group(1)) == "现在符合条件"
    page = site.get("/worker", params={"target": "高级技师", "holds": "电工:技师", "since": "2024-06-01", "as_of": AS_OF}).text
    assert text_of(re.search(r'<p id="verdict">(.*?)</p>', page).group(1)) == "暂不符合；最早 2028-06-01"
    # LEVEL:YEARS still says the years held, and a date beside it does not contradict them
    page = site.get("/worker", params={"target": "高级技师", "holds": "技师:3", "since": "2010-01-01", "as_of": AS_OF}).text
    assert text_of(re.search(r'<p id="verdict">(.*?)</p>', page).group(1)) == "暂不符合；最早 2027-12-01"
