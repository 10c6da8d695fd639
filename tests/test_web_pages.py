"""``equivalence serve``'s pages: they render the API's answers, zh by default with English on
``lang=en``, each with its JSON twin; and a layer whose names and notes are markup renders inert."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web extra (pip install '.[web]') is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from conftest import REPO  # noqa: E402
from equivalence.web.app import create_app  # noqa: E402

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'


@pytest.fixture(scope="module")
def site():
    return TestClient(create_app())


class Elements(HTMLParser):
    """The tags and attributes a browser would build from a page."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def inert(page: str, own_scripts: int) -> None:
    """No element from the data: only the page's own scripts, no img, no on* attribute."""
    found = Elements(page)
    assert len(found.scripts) == own_scripts
    assert all("alert(" not in s for s in found.scripts)
    assert not [t for t, _ in found.tags if t == "img"]
    assert not [a for _, attrs in found.tags for a in attrs if a.startswith("on")]


@pytest.mark.parametrize("path,params,title", [
    ("/", {}, "等级对应查询"),
    ("/lookup", {"level": "技师"}, "技师 (职业技能等级, skill.technician)"),
    ("/lookup", {"level": "电工:技师"}, "技师 (职业技能等级, skill.technician) · 电工 6-31-01-03"),
    ("/levels", {"ladder": "职称层级"}, "职称层级的等级"),
    ("/ladders", {}, "序列"),
    ("/show", {"rule": "inst-post-skill-technician"}, "规则 inst-post-skill-technician"),
    ("/sources", {}, "依据文件"),
    ("/source", {"id": "mohrss-2020-96"}, "关于进一步加强高技能人才与专业技术人才职业发展贯通的实施意见"),
    ("/search", {"text": "gjgcs"}, "搜索结果: gjgcs"),
    ("/routes-into", {"target": "高级工程师"}, "可由哪些等级到达: 高级工程师"),
    ("/compare", {"a": "技师", "b": "工程师"}, "比较"),
    ("/worker", {}, "职工"),
    ("/chart", {}, "对应关系图"),
    ("/roster", {}, "名单"),
])
def test_every_page_renders_in_chinese(site, path, params, title):
    response = site.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    h1 = re.search(r"<h1>(.*?)</h1>", response.text).group(1)
    assert re.sub(r"<[^>]+>", "", h1) == title
    assert '<html lang="zh-CN">' in response.text


def test_only_the_pages_own_scripts_may_run(site):
    response = site.get("/roster")
    policy = response.headers["content-security-policy"]
    nonce = re.search(r"script-src 'nonce-([^']+)'", policy).group(1)
    assert re.findall(r"<script nonce=\"([^\"]+)\">", response.text) == [nonce]
    assert "roster-form" in Elements(response.text).scripts[0]  # the roster's own script rides in the one nonce'd script
    assert site.get("/lookup", params={"level": "技师"}).headers["content-security-policy"] != policy  # fresh nonce
    error = site.get("/lookup", params={"level": "nope"})
    assert "content-security-policy" in error.headers and error.headers["x-content-type-options"] == "nosniff"


def test_pages_have_their_json_twin_and_a_language_switch(site):
    page = site.get("/lookup", params={"level": "技师", "kind": "apply"}).text
    twin = re.search(r'<a class="twin" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert twin.startswith("/api/lookup?")
    assert site.get(twin).json() == site.get("/api/lookup", params={"level": "技师", "kind": "apply"}).json()
    switch = re.search(r'<a href="([^"]+)">English</a>', page).group(1).replace("&amp;", "&")
    english = site.get(switch).text
    assert '<html lang="en">' in english and "<h1>Technician (Vocational skill grades, skill.technician)</h1>" in english
    assert ">中文</a>" in english


def test_the_level_page_shows_each_relation_with_its_clause(site):
    page = site.get("/lookup", params={"level": "技师"}).text
    answer = site.get("/api/lookup", params={"level": "技师"}).json()
    for r in answer["results"]:
        assert f'href="/lookup?level={r["level"]["id"]}"' in page
        for rule in r["chain"]:
            assert f'href="/show?rule={rule}"' in page
    assert 'href="/source?id=inst-posts-2006"' in page and "国人部发〔2006〕70号" in page
    assert "<h2>可申报</h2>" in page


def test_the_worker_page_answers_check_and_path(site):
    params = {"target": "高级工程师", "holds": ["高级工", ""], "since": ["2022-07-01", ""], "education": "大专",
              "as_of": "2026-12-01"}
    page = site.get("/worker", params=params).text
    query = {"target": "高级工程师", "holds": "高级工@2022-07-01", "education": "大专", "as_of": "2026-12-01"}
    check = site.get("/api/check", params=query).json()
    route = site.get("/api/path", params={**query, "alternatives": 2}).json()
    verdict = re.search(r'<p id="verdict">(.*?)</p>', page).group(1)
    assert re.sub(r"<[^>]+>", "", verdict) == ("现在符合条件" if check["eligible"] else f"暂不符合；最早 {check['earliest']}")
    assert f"高级工程师: {route['total_years']:g} 年，最早 {route['date']}" in page
    assert '<div class="chart" id="route-chart"><svg' in page
    for step in route["steps"]:
        assert f'href="/show?rule={step["rule"]}"' in page
    assert 'value="高级工"' in page and 'value="2022-07-01"' in page  # the form keeps what was asked


def test_page_errors_are_pages(site):
    response = site.get("/lookup", params={"level": "高级工程帅"})
    assert response.status_code == 404
    assert '<p class="error" id="error">未知等级 &#x27;高级工程帅&#x27;' in response.text  # the page's language
    english = site.get("/lookup", params={"level": "高级工程帅", "lang": "en"})
    assert '<p class="error" id="error">unknown level &#x27;高级工程帅&#x27;' in english.text
    assert 'href="/lookup?level=' in response.text  # the candidates, as links
    assert site.get("/nope").status_code == 404 and "<h1>出错</h1>" in site.get("/nope").text


def test_request_text_is_escaped(site):
    for path, params in [("/search", {"text": SCRIPT + IMG}), ("/lookup", {"level": SCRIPT + IMG}),
                         ("/compare", {"a": SCRIPT, "b": IMG}), ("/worker", {"target": IMG, "holds": SCRIPT}),
                         ("/lookup", {"level": "技师", "as_of": IMG, "to": SCRIPT})]:
        page = site.get(path, params=params).text
        inert(page, own_scripts=1)
        assert "&lt;script&gt;" in page or "&quot;&gt;&lt;img" in page


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The example employer's layer with markup in a ladder's name, a level's name, its own name and a
    rule's note, and a javascript: address on its source."""
    folder = tmp_path_factory.mktemp("hostile") / "acme"
    shutil.copytree(REPO / "mappings" / "examples" / "acme", folder)
    ladders = (folder / "ladders.yaml").read_text(encoding="utf-8")
    ladders = ladders.replace("zh: 示例公司管理序列", f"zh: '示例公司管理序列{SCRIPT}'")
    ladders = ladders.replace("zh: 科员岗,", "zh: '科员岗\"><img src=x onerror=alert(2)>',")
    (folder / "ladders.yaml").write_text(ladders, encoding="utf-8")
    rules = (folder / "rules.yaml").read_text(encoding="utf-8")
    rules = rules.replace('note: "Every new skill-post employee', 'note: "<script>alert(3)</script>Every new skill-post employee')
    (folder / "rules.yaml").write_text(rules, encoding="utf-8")
    layer = (folder / "layer.yaml").read_text(encoding="utf-8")
    (folder / "layer.yaml").write_text(layer.replace("zh: 示例装备制造有限公司（虚构示例）",
                                                     f"zh: '示例装备{IMG}'"), encoding="utf-8")
    sources = (folder / "sources.yaml").read_text(encoding="utf-8")
    sources = re.sub(r"address: .*", "address: 'javascript:alert(4)'", sources, count=1)
    (folder / "sources.yaml").write_text(sources, encoding="utf-8")
    return TestClient(create_app(layers=[str(folder)]))


def test_a_hostile_layer_renders_inert(hostile):
    answer = hostile.get("/api/levels", params={"ladder": "acme_m"}).json()
    assert answer["ladder"]["zh"] == "示例公司管理序列" + SCRIPT  # the data is kept as written …
    assert answer["levels"][2]["zh"] == '科员岗"><img src=x onerror=alert(2)>'
    rule = hostile.get("/api/show", params={"rule": "acme-entry-s1"}).json()
    assert rule["note"].startswith("<script>alert(3)</script>")
    sources = hostile.get("/api/sources").json()["sources"]
    [acme] = [s for s in sources if s.get("address") == "javascript:alert(4)"]
    pages = [("/levels", {"ladder": "acme_m"}), ("/lookup", {"level": "acme_m.m3"}), ("/ladders", {}),
             ("/show", {"rule": "acme-entry-s1"}), ("/chart", {"ladder": ["acme_m", "acme_s"]}),
             ("/search", {"text": "科员岗"}), ("/source", {"id": acme["id"]}), ("/layers", {}),
             ("/worker", {"target": "acme_m.m3", "holds": "acme_m.m2@2020-01-01", "as_of": "2026-12-01"}),
             ("/routes-into", {"target": "acme_m.m3"}), ("/compare", {"a": "acme_m.m3", "b": "acme_m.m2"})]
    for path, params in pages:
        response = hostile.get(path, params=params)
        if path == "/layers":
            assert response.status_code == 404  # (layers are listed by the API only)
            continue
        assert response.status_code == 200, (path, response.text[-300:])
        inert(response.text, own_scripts=1)  # … and shown as text
    page = hostile.get("/levels", params={"ladder": "acme_m"}).text
    assert "科员岗&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert "示例公司管理序列&lt;script&gt;alert(1)&lt;/script&gt;" in page
    source_page = hostile.get("/source", params={"id": acme["id"]}).text
    assert 'href="javascript:' not in source_page and "javascript:alert(4)" in source_page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in hostile.get("/show", params={"rule": "acme-entry-s1"}).text


def text_of(page: str, element_id: str) -> str:
    match = re.search(rf'<p id="{element_id}"[^>]*>(.*?)</p>', page)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def test_the_worker_page_says_the_first_step_and_what_is_held(site):
    page = site.get("/worker", params={"target": "高级工程师", "holds": "高级工", "since": "2022-07-01",
                                       "education": "大专", "as_of": "2026-12-01"}).text
    assert text_of(page, "first-step") == "第一步：技师 · 职业技能等级认定 · 最早 2026-12-01 · 现在即可"
    assert "<p>之后：" in page and "高级技师</a> (2030-12-01) → " in page and "高级工程师</a> (2034-12-01)" in page
    standing = site.get("/api/check", params={"target": "高级工程师", "holds": "高级工@2022-07-01", "education": "大专",
                                              "as_of": "2026-12-01"}).json()["standing"]
    assert f"<summary>现持有（含推定） ({len(standing)})</summary>" in page
    assert "<li><a href=\"/lookup?level=skill.junior\">初级工</a> · 由所持更高等级推定 ← " \
           "<a href=\"/lookup?level=skill.senior\">高级工</a> · 自 2022-07-01</li>" in page
    held = site.get("/worker", params={"target": "技师", "holds": "高级技师:10", "as_of": "2026-12-01"}).text
    assert text_of(held, "verdict") == "已持有"
    assert text_of(held, "held-by") == "已持有：技师 · 由所持更高等级推定 ← 高级技师 · 自 2016-12-01"
    english = site.get("/worker", params={"target": "技师", "holds": "高级技师:10", "as_of": "2026-12-01",
                                          "lang": "en"}).text
    assert text_of(english, "held-by") == ("already held: Technician · implied by a higher level held ← "
                                           "Senior technician · since 2016-12-01")


def test_the_worker_page_without_a_route_still_answers(site):
    page = site.get("/worker", params={"target": "专业技术岗位:一级", "holds": "初级工", "as_of": "2026-12-01"})
    assert page.status_code == 200
    assert text_of(page.text, "verdict") == "不符合，且按现有规则无法达到"
    assert text_of(page.text, "route-headline").startswith("无法到达专业技术一级：")


def test_a_paraphrased_article_is_marked_in_the_language_of_the_page(site):
    zh = site.get("/show", params={"rule": "qual-constructor-first-class-16"}).text
    en = site.get("/show", params={"rule": "qual-constructor-first-class-16", "lang": "en"}).text
    assert "促进职称制度与职业资格制度有效衔接（大意）" in zh and "(paraphrase)" not in zh
    assert "促进职称制度与职业资格制度有效衔接 (paraphrase)" in en


def test_the_worker_page_in_english_has_english_punctuation_and_number(site):
    from test_language import WIDE_PUNCTUATION_IN_ENGLISH

    page = site.get("/worker", params={"target": "特级技师", "holds": "技师", "since": "2022-01-01", "honour": "全国技术能手",
                                       "region": "广东", "as_of": "2026-12-01", "lang": "en"}).text
    text = re.sub(r"<[^>]+>", "", page)
    assert "Alternative 1 · Special-grade technician: 1 year, earliest 2027-12-01" in text
    assert "; matching specialty" in text
    assert WIDE_PUNCTUATION_IN_ENGLISH.findall(text) == []


def test_the_compare_page_says_what_a_verdict_rests_on_as_the_command_line_does(site, runner):
    """'Technician same level as Engineer' bare would read as an equivalence; it rests on a 'treated as'
    (比照待遇) rule, in post, of low confidence, and the page says so in the headline and per basis."""
    from equivalence.cli import cli

    for lang, rests_on in (("zh", "同级（视同/对应、比照待遇；条件因依据而异，见下表；可信度 低）"),
                           ("en", "same level as (counts as, treated as; conditions differ by basis, see below; "
                                  "confidence low)")):
        page = site.get("/compare", params={"a": "技师", "b": "工程师", "lang": lang}).text
        text = re.sub(r"<[^>]+>", "", page)
        head = re.search(r'<p class="verdict yes">(.*?)</p>', page).group(1)
        assert rests_on in re.sub(r"<[^>]+>", "", head)
        said = runner.invoke(cli, ["compare", "技师", "工程师", "--lang", lang]).stdout.splitlines()[0]
        assert rests_on in said
        assert ("须在聘/在岗" if lang == "zh" else "in post") in text  # each basis, qualified


ENGLISH_PAGES = [
    ("/", {}), ("/lookup", {"level": "技师"}), ("/lookup", {"level": "一级建造师"}), ("/levels", {"ladder": "职称层级"}),
    ("/ladders", {}), ("/show", {"rule": "qual-constructor-first-class-16"}), ("/show", {"rule": "inst-post-skill-technician"}),
    ("/sources", {}), ("/source", {"id": "mohrss-2020-96"}), ("/search", {"text": "gjgcs"}),
    ("/routes-into", {"target": "高级工程师"}), ("/compare", {"a": "技师", "b": "工程师"}),
    ("/compare", {"a": "高级工", "b": "一级巡视员"}),
    ("/worker", {"target": "高级工程师", "holds": "高级工", "since": "2022-07-01", "education": "大专", "as_of": "2026-12-01"}),
    ("/worker", {"target": "特级技师", "holds": "技师", "since": "2022-01-01", "honour": "全国技术能手", "region": "广东",
                 "as_of": "2026-12-01"}),
    ("/chart", {}), ("/roster", {}),
]


@pytest.fixture(scope="module")
def data_texts():
    """What an English page may show in Chinese: the data's names, titles, 文号, quotes, articles, and
    the mappings' notes (English, which may quote a document), national and 广东."""
    from test_language import _texts

    from equivalence.registry import Registry

    regs = (Registry.load(), Registry.load(region="广东"))
    notes = sorted({r.note for reg in regs for r in reg.rules.values() if r.note}, key=len, reverse=True)
    return "\n".join(t for reg in regs for t in _texts(reg)), notes


@pytest.mark.parametrize("path,params", ENGLISH_PAGES)
def test_every_page_in_english_shows_chinese_only_for_the_data(site, data_texts, path, params):
    from test_language import CJK, WIDE_PUNCTUATION_IN_ENGLISH

    texts, notes = data_texts
    page = site.get(path, params={**params, "lang": "en"}).text
    body = page.split("<body", 1)[1]
    for script in re.findall(r"<script.*?</script>", body, flags=re.S):  # the page's own code
        body = body.replace(script, "")
    text = html.unescape(re.sub(r"<[^>]+>", "\n", body))
    for note in notes:
        text = text.replace(note, "")
    assert sorted({run for run in CJK.findall(text) if run not in texts} - {"中文"}) == []  # (the language switch)
    assert WIDE_PUNCTUATION_IN_ENGLISH.findall(text) == []


@pytest.mark.parametrize("path,params", ENGLISH_PAGES)
def test_every_page_in_chinese_shows_english_only_for_ids_and_codes(site, data_texts, path, params):
    """A zh page's Latin words are ids, codes and column names, the data's English aliases (on the
    levels page, beside the Chinese) and the mappings' notes (English, and said to be)."""
    from equivalence.models import LADDER_KINDS
    from equivalence.registry import Registry

    _, notes = data_texts
    regs = (Registry.load(), Registry.load(region="广东"))
    allowed = {"English", "Excel", "holds", "education", "work_years", "target", *LADDER_KINDS, "apply", "promotion",
               "treated_as", "counts_as", "post", "derived", *params.values()}  # (and what was asked)
    for reg in regs:
        allowed |= set(reg.rules) | set(reg.sources) | set(reg.ladders) | {lev.id for lev in reg.levels.values()}
        if path == "/levels":
            allowed |= {word for lev in reg.levels.values() for alias in lev.aliases for word in alias.split()}
    page = site.get(path, params=params).text
    body = page.split("<body", 1)[1]
    for script in re.findall(r"<script.*?</script>", body, flags=re.S):
        body = body.replace(script, "")
    text = html.unescape(re.sub(r"<[^>]+>", "\n", body))
    for note in notes + sorted({s.note for reg in regs for s in reg.sources.values() if s.note}, key=len, reverse=True):
        text = text.replace(note, "")
    words = {m.group() for m in re.finditer(r"(?<![-\w])[A-Za-z][A-Za-z0-9_.\-:/@+]*", text)}
    assert sorted(w for w in words if w not in allowed and not re.search(r"[._\-:/@0-9]", w) and not w.isupper()) == []
