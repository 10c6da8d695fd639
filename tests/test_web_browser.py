"""The pages in a real browser: Debian's headless Chromium (driven by selenium through
/usr/bin/chromedriver) against ``equivalence serve``'s app on 127.0.0.1 at a free port. It types a
grade in the search box and follows a suggestion, submits the worker form, uploads a roster and checks
the downloaded file, and takes screenshots (set EQUIVALENCE_SCREENSHOTS=folder to keep them; the
README's docs/serve-worker.png is worker.png)."""

from __future__ import annotations

import csv
import io
import os
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (pip install '.[web]') is not installed")
pytest.importorskip("selenium", reason="selenium (in the test extra) is not installed")

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
    pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; "
                ".ci/run installs them)", allow_module_level=True)

STAFF = "工号,姓名,证书,学历,工作年限,目标\n1,张三,技师@2020-07-01,大专,8,高级技师\n2,王五,=1+1,本科,3,\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from equivalence.web.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tmp_path_factory.mktemp("chromium-profile")
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,900", "--lang=zh-CN"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    keep = os.environ.get("EQUIVALENCE_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait_for(driver, css: str, timeout: float = 15.0, visible: bool = True):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    condition = ec.visibility_of_element_located if visible else ec.presence_of_element_located
    return WebDriverWait(driver, timeout).until(condition((By.CSS_SELECTOR, css)))


def test_search_suggests_as_one_types(server, browser, shots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys("高级技")
    first = wait_for(browser, "#q-list li a")
    names = [a.text.split("\n")[0] for a in browser.find_elements(By.CSS_SELECTOR, "#q-list li a")]
    assert "高级技师" in " ".join(names)
    browser.save_screenshot(str(shots / "search.png"))
    first.click()
    heading = wait_for(browser, "h1").text
    assert heading.startswith("高级技师")
    assert browser.current_url.startswith(server + "/lookup?level=")
    browser.save_screenshot(str(shots / "level.png"))


def test_the_worker_form_gives_the_verdict_and_the_route(server, browser, shots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/worker")
    browser.find_element(By.NAME, "holds").send_keys("高级工")
    browser.execute_script("document.getElementsByName('since')[0].value = '2022-07-01';"
                           "document.getElementsByName('as_of')[0].value = '2026-12-01';")
    browser.find_element(By.NAME, "education").send_keys("大专")
    browser.find_element(By.ID, "target").send_keys("高级工程师")
    browser.find_element(By.CSS_SELECTOR, "#worker-form button[type=submit]").click()
    try:
        verdict = wait_for(browser, "#verdict").text
    except Exception:
        browser.save_screenshot(str(shots / "worker-failed.png"))
        raise
    assert verdict.startswith("暂不符合；最早 ")
    assert "holds=%E9%AB%98%E7%BA%A7%E5%B7%A5" in browser.current_url  # the state is in the URL
    assert browser.find_elements(By.CSS_SELECTOR, "#route-chart svg")
    headline = browser.find_element(By.ID, "route-headline").text
    assert headline.startswith("高级工程师: ") and "最早" in headline
    browser.set_window_size(1500, 1250)  # the verdict, the route and its chart in one picture
    browser.execute_script("document.getElementById('verdict').scrollIntoView({block: 'start'})")
    browser.save_screenshot(str(shots / "worker.png"))
    browser.set_window_size(1280, 900)


def test_a_roster_is_uploaded_and_its_answers_downloaded(server, browser, shots, tmp_path):
    from selenium.webdriver.common.by import By

    src = tmp_path / "staff.csv"
    src.write_text(STAFF, encoding="utf-8")
    browser.get(server + "/roster")
    browser.find_element(By.ID, "roster-file").send_keys(str(src))
    browser.execute_script("document.getElementsByName('as_of')[0].value = '2026-12-01';")
    browser.find_element(By.CSS_SELECTOR, "#roster-form button[type=submit]").click()
    link = wait_for(browser, "#roster-download")
    status = browser.find_element(By.ID, "roster-status").text
    assert status.startswith("2 行 · 1 行未能处理")
    assert "读取的列：工号 作为 id" in status
    browser.save_screenshot(str(shots / "roster.png"))
    link.click()
    target = browser.downloads / "answers.csv"
    for _ in range(100):
        if target.exists() and not list(browser.downloads.glob("*.crdownload")):
            break
        time.sleep(0.1)
    text = target.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["工号"] for r in rows] == ["1", "2"]
    assert rows[1]["证书"] == "'=1+1" and rows[1]["error"]
    assert rows[0]["target_earliest"]


def test_the_chart_page(server, browser, shots):
    browser.get(server + "/chart")
    assert wait_for(browser, ".chart svg")
    browser.save_screenshot(str(shots / "chart.png"))


def test_the_screenshots_are_pictures(shots):
    for name in ("search.png", "level.png", "worker.png", "roster.png", "chart.png"):
        assert (shots / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and (shots / name).stat().st_size > 10_000, name
