"""``equivalence serve``'s HTTP API through FastAPI's test client: every answer is the one the CLI
prints under ``--format json`` (same keys, same values, same error shape), on the tiny mappings of
tests/test_cli.py and on the shipped ones."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

pytest.importorskip("fastapi", reason="the web extra (pip install '.[web]') is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from conftest import REPO  # noqa: E402
from equivalence.cli import cli  # noqa: E402
from equivalence.web.app import create_app  # noqa: E402


@pytest.fixture
def tiny_api(tiny_dir):
    return TestClient(create_app(mappings=str(tiny_dir)))


@pytest.fixture(scope="module")
def api():
    return TestClient(create_app())


def cli_json(runner, *args, mappings=None):
    result = runner.invoke(cli, (["--mappings", str(mappings)] if mappings else []) + list(args) + ["--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# (CLI arguments, API path and query): the same question both ways.
TINY_QUESTIONS = [
    (["lookup", "技师"], "/api/lookup?level=技师"),
    (["lookup", "中级", "--include-derived"], "/api/lookup?level=中级&include_derived=true"),
    (["lookup", "技师", "--kind", "apply", "--kind", "post"], "/api/lookup?level=技师&kind=apply&kind=post"),
    (["lookup", "技师", "--kind", "可申报"], "/api/lookup?level=技师&kind=可申报"),
    (["lookup", "技师", "--to", "工程技术"], "/api/lookup?level=技师&to=工程技术"),
    (["lookup", "初级工", "--as-of", "2020/6/1"], "/api/lookup?level=初级工&as_of=2020/6/1"),
    (["lookup", "技师", "--purpose", "appoint", "--lang", "en"], "/api/lookup?level=技师&purpose=appoint&lang=en"),
    (["lookup", "技师", "--direction", "in"], "/api/lookup?level=技师&direction=in"),
    (["ladders"], "/api/ladders"),
    (["levels", "sk"], "/api/levels?ladder=sk"),
    (["sources"], "/api/sources"),
    (["show", "t3-post"], "/api/show?rule=t3-post"),
    (["search", "jishi"], "/api/search?text=jishi"),
    (["routes-into", "工程师"], "/api/routes-into?target=工程师"),
    (["compare", "技师", "工程师"], "/api/compare?a=技师&b=工程师"),
    (["check", "工程师", "--holds", "技师:1", "--as-of", "2026-12-01"],
     "/api/check?target=工程师&holds=技师:1&as_of=2026-12-01"),
    (["path", "工程师", "--holds", "高级工@2019-07-01", "--as-of", "2026-12-01"],
     "/api/path?target=工程师&holds=高级工@2019-07-01&as_of=2026-12-01"),
    (["diff", "--as-of", "2019-07-01", "--as-of", "2024-01-01"], "/api/diff?before=2019-07-01&after=2024-01-01"),
]


@pytest.mark.parametrize("args,query", TINY_QUESTIONS, ids=[" ".join(a) for a, _ in TINY_QUESTIONS])
def test_every_answer_is_the_cli_json(runner, tiny_dir, tiny_api, args, query):
    response = tiny_api.get(query)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json() == cli_json(runner, *args, mappings=tiny_dir)


def test_lookup_pins_the_cli_tests_answer(tiny_api):
    data = tiny_api.get("/api/lookup", params={"level": "技师"}).json()
    assert set(data) == {"schema_version", "level", "results"}
    assert data["level"] == {"id": "sk.s4", "ladder": "sk", "name": "技师"}
    [bridge] = [r for r in data["results"] if r["chain"] == ["bridge-s4-e3"]]
    assert bridge["level"] == {"id": "en.e3", "ladder": "en", "name": "工程师"}
    assert bridge["kind"] == "apply" and bridge["sources"][0]["doc_no"] == "测发〔2015〕2号"
    purpose = tiny_api.get("/api/lookup", params={"level": "技师", "purpose": "appoint"}).json()
    assert {(r["level"]["id"], r["kind"]) for r in purpose["results"]} == {
        ("ws.w2", "post"), ("ws.w1", "post"), ("tt.t3", "treated_as"), ("en.e3", "treated_as")}
    ladders = tiny_api.get("/api/ladders").json()["ladders"]
    assert [lad["id"] for lad in ladders] == ["sk", "tt", "en", "hl", "pt", "ws"]
    show = tiny_api.get("/api/show", params={"rule": "t3-post"}).json()
    assert show["to"] == ["pt.p4", "pt.p3"] and show["cite"][0]["quote"] == "官方原文"


@pytest.mark.parametrize("args,query", [
    (["path", "高级工程师", "--holds", "高级工", "--education", "大专", "--as-of", "2026-12-01", "--alternatives", "2"],
     "/api/path?target=高级工程师&holds=高级工&education=大专&as_of=2026-12-01&alternatives=2"),
    (["check", "工程师", "--holds", "技师:1", "--education", "大专", "--as-of", "2026-12-01"],
     "/api/check?target=工程师&holds=技师:1&education=大专&as_of=2026-12-01"),
    (["path", "--holds", "技师@2020-07-01", "--to-tier", "副高级", "--as-of", "2025-01-01"],
     "/api/path?to_tier=副高级&holds=技师@2020-07-01&as_of=2025-01-01"),
    (["lookup", "电工:技师"], "/api/lookup?level=电工:技师"),
    (["--region", "广东", "lookup", "高级技师"], "/api/lookup?level=高级技师&region=广东"),
    (["search", "gjgcs", "--limit", "3"], "/api/search?text=gjgcs&limit=3"),
    (["--layer", "acme", "points", "--holds", "acme_s.s3:2", "--as-of", "2025-01-01"],
     None),
])
def test_shipped_answers_are_the_cli_json(runner, api, args, query):
    if query is None:  # a layer is the server's choice (serve --layer), never a request's
        app = TestClient(create_app(layers=[str(REPO / "mappings" / "examples" / "acme")]))
        response = app.get("/api/points", params={"holds": "acme_s.s3:2", "as_of": "2025-01-01"})
    else:
        response = api.get(query)
    assert response.status_code == 200, response.text
    assert response.json() == cli_json(runner, *args)


def test_post_takes_the_worker_as_a_json_body(api):
    body = {"target": "工程师", "holds": ["技师:1"], "education": "大专", "as_of": "2026-12-01"}
    posted = api.post("/api/check", json=body)
    assert posted.status_code == 200
    assert posted.json() == api.get("/api/check", params=body).json()
    assert posted.json()["earliest"] == api.get("/api/check", params=body).json()["earliest"]


def test_points_take_scores_in_a_json_body(runner, tmp_path):
    scores = tmp_path / "scores.yaml"
    scores.write_text((REPO / "mappings" / "examples" / "acme" / "scores.example").read_text(encoding="utf-8"),
                      encoding="utf-8")
    import yaml

    acme = str(REPO / "mappings" / "examples" / "acme")
    expected = cli_json(runner, "--layer", acme, "points", "--holds", "acme_s.s3:2", "--holds", "技师:3",
                        "--scores", str(scores), "--as-of", "2025-01-01")
    body = {"holds": ["acme_s.s3:2", "技师:3"], "scores": yaml.safe_load(scores.read_text(encoding="utf-8")),
            "as_of": "2025-01-01"}
    response = TestClient(create_app(layers=[acme])).post("/api/points", json=body)
    assert response.status_code == 200, response.text
    assert response.json() == expected


def test_errors_are_the_cli_json_errors(runner, api):
    cli_error = runner.invoke(cli, ["lookup", "高级工程帅", "--format", "json"])
    response = api.get("/api/lookup", params={"level": "高级工程帅"})
    assert response.status_code == 404
    assert response.json() == json.loads(cli_error.stderr)
    assert response.json()["error"]["type"] == "unknown_level" and response.json()["error"]["candidates"]


@pytest.mark.parametrize("query,status,kind,message", [
    ("/api/lookup", 400, "usage", "missing level"),
    ("/api/search?text=a&limit=x", 400, "usage",
     "invalid limit: Input should be a valid integer, unable to parse string as an integer"),
    ("/api/search?text=a&limit=501", 400, "usage", "invalid limit: Input should be less than or equal to 500"),
    ("/api/check?target=工程师&to_tier=中级", 400, "usage", "give target or to_tier, not both"),
    ("/api/lookup?level=技师&as_of=yesterday", 400, "usage", None),
    ("/api/lookup?level=技师&kind=sideways", 400, "usage", None),
    ("/api/levels?ladder=nope", 404, "unknown_ladder", None),
    ("/api/show?rule=nope", 404, "unknown_rule", None),
    ("/api/nope", 404, "not_found", "Not Found"),
    ("/api/schema/nope", 400, "usage", None),
])
def test_bad_questions_are_json_errors(api, query, status, kind, message):
    response = api.get(query)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"schema_version", "error"} and set(body["error"]) == {"type", "message", "candidates"}
    assert body["error"]["type"] == kind
    if message:
        assert body["error"]["message"] == message
    assert "Traceback" not in response.text


def test_an_unexpected_failure_is_an_internal_error_without_traceback(monkeypatch):
    from equivalence.web import answers

    def broken(reg, params):
        raise RuntimeError("secret detail /home/x")

    monkeypatch.setitem(answers.QUESTIONS, "lookup", (broken, answers.LookupParams, "Lookup"))
    monkeypatch.setattr(answers, "equivalents", broken)  # (what the page calls)
    client = TestClient(create_app(), raise_server_exceptions=False)
    response = client.get("/api/lookup", params={"level": "技师"})
    assert response.status_code == 500
    assert response.json()["error"] == {"type": "internal", "message": "internal error (logged on the server)",
                                        "candidates": []}
    page = client.get("/lookup", params={"level": "技师"})
    assert page.status_code == 500 and "secret detail" not in page.text and "Traceback" not in page.text


def test_no_request_names_a_path(api):
    """Mappings and layers are the server's (serve --mappings/--layer): a request cannot point elsewhere."""
    plain = api.get("/api/lookup", params={"level": "技师"}).json()
    assert api.get("/api/lookup", params={"level": "技师", "mappings": "/etc", "layer": "/tmp"}).json() == plain
    assert api.get("/api/roster/jobs/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_openapi_and_schemas_are_served(api):
    doc = api.get("/openapi.json").json()
    for name in ("lookup", "ladders", "levels", "layers", "sources", "show", "search", "path", "check", "points",
                 "compare", "routes-into", "diff", "chart", "roster"):
        assert f"/api/{name}" in doc["paths"], name
    assert "post" in doc["paths"]["/api/check"] and "post" not in doc["paths"]["/api/lookup"]
    assert doc["paths"]["/api/lookup"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"] \
        .endswith("/Lookup")
    from equivalence.schemas import schema_text

    assert api.get("/api/schema/lookup").text == schema_text("lookup")
    assert api.get("/api/docs").status_code == 200


def test_the_chart_is_the_chart_commands_svg(runner, api, tmp_path):
    out = tmp_path / "chart.svg"
    assert runner.invoke(cli, ["chart", "职业技能等级", "职称层级", "-o", str(out)]).exit_code == 0
    response = api.get("/api/chart", params={"ladder": ["职业技能等级", "职称层级"]})
    assert response.headers["content-type"] == "image/svg+xml"
    assert out.read_text(encoding="utf-8") == '<?xml version="1.0" encoding="UTF-8"?>\n' + response.text + "\n"


# -- roster ---------------------------------------------------------------------------------------

STAFF = ("工号,姓名,证书,学历,工作年限,目标\n"
         "1,张三,技师@2020-07-01,大专,8,高级技师\n"
         "2,\"<b>王</b>\",=1+1,本科,3,\n"
         "3,李四,高级工:3;电工:技师@2019-01-01,,10,工程师\n")


def cli_roster(runner, tmp_path, name: str, data: bytes, *args) -> bytes:
    src, out = tmp_path / f"in-{name}", tmp_path / f"out-{name}"
    src.write_bytes(data)
    result = runner.invoke(cli, ["roster", str(src), "-o", str(out), *args])
    assert result.exit_code in (0, 1), result.stderr
    return out.read_bytes()


def test_roster_upload_is_answered_as_the_cli_answers_it(runner, api, tmp_path):
    response = api.post("/api/roster", files={"file": ("../../etc/cron.d/x.csv", STAFF.encode())},
                        data={"as_of": "2026-12-01", "to": ["工程技术"]})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == 'attachment; filename="answers.csv"'
    assert response.headers["x-rows"] == "3" and response.headers["x-failed-rows"] == "1"
    assert response.content == cli_roster(runner, tmp_path, "a.csv", STAFF.encode(), "--as-of", "2026-12-01",
                                          "--to", "工程技术")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["工号"] for r in rows] == ["1", "2", "3"]
    assert rows[1]["证书"] == "'=1+1" and rows[1]["姓名"] == "<b>王</b>"


def test_an_upload_is_answered_in_a_private_scratch_folder_under_fixed_names(api, tmp_path, monkeypatch):
    import os
    import shutil
    import stat
    import tempfile

    from equivalence.web import rosterjobs

    made, seen, real_mkdtemp, real_rmtree = [], {}, tempfile.mkdtemp, shutil.rmtree

    def mkdtemp(*args, **kwargs):  # (the atomic writer makes its own, inside the scratch folder)
        if kwargs.get("prefix") != "equivalence-roster-":
            return real_mkdtemp(*args, **kwargs)
        made.append(real_mkdtemp(prefix=kwargs["prefix"], dir=tmp_path))
        return made[-1]

    def rmtree(path, ignore_errors=False):
        if path in made:
            seen[path] = (sorted(os.listdir(path)), stat.S_IMODE(os.stat(path).st_mode))
        real_rmtree(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(rosterjobs.tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setattr(rosterjobs.shutil, "rmtree", rmtree)
    for name in ("../../x.csv", "/etc/passwd", "名单.xlsx.csv"):
        assert api.post("/api/roster", files={"file": (name, STAFF.encode())}).status_code == 200
    assert [seen[d] for d in made] == [(["answers.csv", "roster.csv"], 0o700)] * 3
    assert os.listdir(tmp_path) == []  # each removed once answered


def test_roster_xlsx_upload_and_excel_csv(runner, api, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    for line in STAFF.splitlines():
        wb.active.append(next(csv.reader([line])))
    buf = io.BytesIO()
    wb.save(buf)
    response = api.post("/api/roster", files={"file": ("名单.xlsx", buf.getvalue())}, data={"as_of": "2026-12-01"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    got = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in got.iter_rows()]
    assert [v[0] for v in values] == ["工号", "1", "2", "3"]
    excel = api.post("/api/roster", files={"file": ("a.csv", STAFF.encode())},
                     data={"as_of": "2026-12-01", "excel": "true"})
    assert excel.content == cli_roster(runner, tmp_path, "b.csv", STAFF.encode(), "--as-of", "2026-12-01", "--excel")
    assert excel.content.startswith("\ufeff".encode())


def test_roster_job_reports_progress_and_gives_the_file(api):
    started = api.post("/api/roster/jobs", files={"file": ("a.csv", STAFF.encode())}, data={"as_of": "2026-12-01"})
    assert started.status_code == 202
    job = started.json()
    assert set(job) == {"schema_version", "job", "state", "done", "total", "failed_rows", "error", "notes", "file"}
    import time

    for _ in range(200):
        status = api.get(f"/api/roster/jobs/{job['job']}").json()
        if status["state"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert status["state"] == "done" and (status["done"], status["total"], status["failed_rows"]) == (3, 3, 1)
    assert status["notes"] == ["读取的列：工号 作为 id，姓名 作为 name，证书 作为 holds，学历 作为 education，"
                               "工作年限 作为 work_years，目标 作为 target"]
    direct = api.post("/api/roster", files={"file": ("a.csv", STAFF.encode())}, data={"as_of": "2026-12-01"})
    assert api.get(status["file"]).content == direct.content


@pytest.mark.parametrize("files,data,status,kind", [
    ({"file": ("a.csv", b"a,b\n1,2\n")}, {}, 422, "roster_i_o"),
    ({"file": ("a.csv", b"")}, {}, 400, "usage"),
    ({"file": ("a.csv", STAFF.encode())}, {"to": ["nope"]}, 404, "unknown_ladder"),
    ({"file": ("a.csv", STAFF.encode())}, {"columns": "holds"}, 400, "usage"),
    ({"file": ("a.csv", STAFF.encode())}, {"lang": "fr"}, 400, "usage"),
])
def test_roster_refusals_are_json_errors(api, files, data, status, kind):
    response = api.post("/api/roster", files=files, data=data)
    assert response.status_code == status, response.text
    assert response.json()["error"]["type"] == kind


def test_rosters_beyond_the_running_bound_are_told_to_wait(monkeypatch):
    from equivalence.web import rosterjobs

    monkeypatch.setattr(rosterjobs, "JOBS_RUNNING", 0)
    response = TestClient(create_app()).post("/api/roster", files={"file": ("a.csv", STAFF.encode())})
    assert response.status_code == 503
    assert response.json()["error"]["type"] == "busy"


def test_an_oversized_upload_is_refused_before_it_is_read(api):
    from equivalence.web.limits import MAX_UPLOAD_BYTES

    response = api.post("/api/roster", files={"file": ("a.csv", b"x" * (MAX_UPLOAD_BYTES + 1))})
    assert response.status_code == 413
    assert response.json()["error"] == {"type": "too_large", "message": "the request is larger than 8 MB",
                                        "candidates": []}

    def chunks():  # no Content-Length: counted while read
        for _ in range(MAX_UPLOAD_BYTES // (1 << 20) + 2):
            yield b"y" * (1 << 20)

    response = api.post("/api/roster", content=chunks(), headers={"content-type": "multipart/form-data; boundary=x"})
    assert response.status_code == 413


def test_serve_is_not_loaded_by_a_lookup():
    code = ("import sys; from equivalence.cli import cli\n"
            "try:\n    cli(['lookup', '技师'], standalone_mode=False)\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('fastapi', 'starlette', 'uvicorn', 'equivalence.web') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_serve_command_is_listed_with_its_options(runner):
    result = runner.invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.stdout and "127.0.0.1" in result.stdout and "--port" in result.stdout


def test_equivalence_serve_answers_on_a_local_port():
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "equivalence", "serve", "--port", str(port)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/lookup?level=skill.technician") as r:
                    answer = json.loads(r.read())
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.05)
        assert answer["level"] == {"id": "skill.technician", "ladder": "skill", "name": "技师"}
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert err.startswith(f"equivalence: serving on http://127.0.0.1:{port}/")
    assert "Traceback" not in err
