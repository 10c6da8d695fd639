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
