"""Shared fixtures: a tiny hand-made mapping folder, the shipped mappings, a CLI runner.

Every test runs with EQUIVALENCE_CACHE_DIR pointing at a temporary folder, so that no test reads
or writes the user's ~/.cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The shipped mappings. EQUIVALENCE_TEST_MAPPINGS points the data-driven tests at another copy.
SHIPPED = Path(os.environ.get("EQUIVALENCE_TEST_MAPPINGS") or REPO / "mappings")

# Set at import time (before any test module imports the library or runs a doctest) and removed at
# the end of the session; no monkeypatch, because it must hold for the whole session.
_CACHE = tempfile.mkdtemp(prefix="equivalence-test-cache-")
_PREVIOUS_CACHE = os.environ.get("EQUIVALENCE_CACHE_DIR")
os.environ["EQUIVALENCE_CACHE_DIR"] = _CACHE


@pytest.fixture(scope="session", autouse=True)
def _cache_dir():
    """EQUIVALENCE_CACHE_DIR is a temporary folder for the whole session."""
    os.environ["EQUIVALENCE_CACHE_DIR"] = _CACHE
    yield _CACHE
    if _PREVIOUS_CACHE is None:
        os.environ.pop("EQUIVALENCE_CACHE_DIR", None)
    else:
        os.environ["EQUIVALENCE_CACHE_DIR"] = _PREVIOUS_CACHE
    shutil.rmtree(_CACHE, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The tiny mapping folder. Ladders:
#   sk  职业技能等级 (skill_grade)    s1 初级工 < s2 中级工 < s3 高级工 < s4 技师
#   tt  职称层级 (title_tier)         t1 员级 < t2 助理级 < t3 中级 < t4 副高级
#   en  工程技术 (title_series)        e1 技术员 < e2 助理工程师 < e3 工程师 < e4 高级工程师
#   hl  卫生技术（技术） (title_series) h1 技士 < h2 技师（卫生） < h3 主管技师
#   pt  专业技术岗位                  p4 < p3 < p2 < p1   (p1 has the alias 一级)
#   ws  工勤技能岗位                  w2 技术工二级 < w1 技术工一级 (w1 has the alias 一级)
# ---------------------------------------------------------------------------------------------

TINY_SOURCES = """\
# Sources of the tiny test folder.
sources:
  - id: src-off
    title: 官方文件
    doc_no: 测发〔2010〕1号
    issuer: 测试部
    published: 2010-01-01
    effective_from: 2010-01-01
    status: official
  - id: src-sec
    title: 转载文件
    doc_no: 测发〔2015〕2号
    issuer: 测试部
    published: 2015-01-01
    effective_from: 2015-01-01
    status: secondary
  - id: src-unv
    title: 未核实文件
    doc_no: ""
    issuer: 测试部
    published: null
    effective_from: 2020
    status: unverified
purposes:
  - {id: review, zh: 职称评审, en: Title review}
  - {id: hiring, zh: 招聘, en: Hiring}
  - {id: pay, zh: 薪酬待遇, en: Pay and benefits}
  - {id: appoint, zh: 岗位聘任, en: Post appointment}
"""

TINY_LADDERS = """\
# Ladders of the tiny test folder.
ladders:
  - id: sk
    zh: 职业技能等级
    en: Vocational skill grades
    kind: skill_grade
    levels:
      - {id: s1, zh: 初级工, en: Junior worker, aliases: [五级], rank: 1}
      - {id: s2, zh: 中级工, en: Intermediate worker, aliases: [四级], rank: 2}
      - {id: s3, zh: 高级工, en: Senior worker, aliases: [三级, 三级/高级工], rank: 3}
      - {id: s4, zh: 技师, en: Technician, aliases: [二级], rank: 4}
  - id: tt
    zh: 职称层级
    en: Title tiers
    kind: title_tier
    levels:
      - {id: t1, zh: 员级, en: Clerk level, rank: 1}
      - {id: t2, zh: 助理级, en: Assistant level, rank: 2}
      - {id: t3, zh: 中级, en: Intermediate, aliases: [中级职称], rank: 3}
      - {id: t4, zh: 副高级, en: Associate senior, aliases: [副高], rank: 4}
  - id: en
    zh: 工程技术
    en: Engineering
    kind: title_series
    levels:
      - {id: e1, zh: 技术员, en: Technician (engineering), rank: 1}
      - {id: e2, zh: 助理工程师, en: Assistant engineer, rank: 2}
      - {id: e3, zh: 工程师, en: Engineer, rank: 3}
      - {id: e4, zh: 高级工程师, en: Senior engineer, rank: 4}
  - id: hl
    zh: 卫生技术（技术）
    en: Health technology
    kind: title_series
    levels:
      - {id: h1, zh: 技士, en: Health technician, rank: 1}
      - {id: h2, zh: 技师（卫生）, en: Health technologist, rank: 2}
      - {id: h3, zh: 主管技师, en: Supervising technologist, rank: 3}
  - id: pt
    zh: 专业技术岗位
    en: Technical posts
    kind: institution_technical_post
    levels:
      - {id: p4, zh: 专业技术四级, en: Technical post 4, rank: 1}
      - {id: p3, zh: 专业技术三级, en: Technical post 3, rank: 2}
      - {id: p2, zh: 专业技术二级, en: Technical post 2, rank: 3}
      - {id: p1, zh: 专业技术一级, en: Technical post 1, aliases: [一级], rank: 4}
  - id: ws
    zh: 工勤技能岗位
    en: Skilled worker posts
    kind: institution_skilled_worker_post
    levels:
      - {id: w2, zh: 技术工二级, en: Skilled worker post 2, rank: 1}
      - {id: w1, zh: 技术工一级, en: Skilled worker post 1, aliases: [一级], rank: 2}
"""

_CITE_OFF = "cite: [{source: src-off, article: 第一条, quote: 官方原文}]"
_CITE_SEC = "cite: [{source: src-sec, article: 第二条, quote: 转载原文}]"
_CITE_UNV = "cite: [{source: src-unv, article: 第三条, quote: ''}]"  # no text seen: no quote

TINY_RULES = f"""\
# Rules of the tiny test folder.
rules:
  # promotions (never used by lookups)
  - {{id: sk-up-1, kind: promotion, from: sk.s1, to: sk.s2, conditions: {{years_in_from: 3}}, {_CITE_OFF}}}
  - {{id: sk-up-2, kind: promotion, from: sk.s2, to: sk.s3, {_CITE_OFF}}}
  - {{id: sk-up-3, kind: promotion, from: sk.s3, to: sk.s4, {_CITE_OFF}}}
  - {{id: en-up-3, kind: promotion, from: en.e3, to: en.e4, {_CITE_OFF}}}
  # an entry rule
  - {{id: en-entry, kind: apply, from: null, to: en.e1, {_CITE_OFF}}}
  # series <-> tiers: counts_as, any purpose
  - {{id: en-tier-2, kind: counts_as, from: en.e2, to: tt.t2, {_CITE_OFF}}}
  - {{id: en-tier-3, kind: counts_as, from: en.e3, to: tt.t3, bidirectional: true, {_CITE_OFF}}}
  - {{id: en-tier-4, kind: counts_as, from: en.e4, to: tt.t4, bidirectional: true, {_CITE_OFF}}}
  # the bridge: technician may apply for engineer (secondary source -> medium)
  - id: bridge-s4-e3
    kind: apply
    from: sk.s4
    to: en.e3
    conditions: {{years_in_from: 3, same_specialty: true, other: [通过考评]}}
    purposes: [review]
    {_CITE_SEC}
  # apply then apply must not compose: engineer may apply for 主管技师 (odd, but a test)
  - {{id: e3-apply-h3, kind: apply, from: en.e3, to: hl.h3, purposes: [review], {_CITE_OFF}}}
  # treated_as for pay, then post must not compose
  - {{id: s4-treated-t3, kind: treated_as, from: sk.s4, to: tt.t3, purposes: [], {_CITE_OFF}}}
  # a post range on the tier: counts_as + post composes (e3 -> t3 -> p4..p3)
  - {{id: t3-post, kind: post, from: tt.t3, to: pt.p4..p3, purposes: [], {_CITE_OFF}}}
  # a post range from the skill grade
  - {{id: s4-post-ws, kind: post, from: sk.s4, to: ws.w2..w1, purposes: [appoint], {_CITE_OFF}}}
  # purposes that do not overlap: s3 counts as h1 for hiring; h1 may apply for e2 for review
  - {{id: s3-counts-h1, kind: counts_as, from: sk.s3, to: hl.h1, purposes: [hiring], {_CITE_OFF}}}
  - {{id: h1-apply-e2, kind: apply, from: hl.h1, to: en.e2, purposes: [review], {_CITE_OFF}}}
  # h1 counts as t1 (any purpose): s3 reaches t1 through h1, for hiring only
  - {{id: h1-tier-1, kind: counts_as, from: hl.h1, to: tt.t1, {_CITE_OFF}}}
  # a rule with a lowered confidence
  - id: s2-apply-e1
    kind: apply
    from: sk.s2
    to: en.e1
    purposes: [review]
    confidence: medium
    {_CITE_OFF}
  # a rule of an unverified source, in force only from 2020 (low)
  - {{id: s1-apply-e1, kind: apply, from: sk.s1, to: en.e1, purposes: [review], {_CITE_UNV}}}
  # a rule that ended
  - id: s1-old-hiring
    kind: counts_as
    from: sk.s1
    to: tt.t1
    purposes: [hiring]
    effective_until: 2016-01-01
    {_CITE_OFF}
  # derived: no document states it; bidirectional
  - id: t4-derived-w1
    kind: derived
    from: tt.t4
    to: ws.w1
    bidirectional: true
    confidence: low
    note: equal wage bands
    {_CITE_SEC}
"""

TINY_FILES = {
    "sources.yaml": TINY_SOURCES,
    "ladders/ladders.yaml": TINY_LADDERS,
    "rules/rules.yaml": TINY_RULES,
}


def write_folder(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative path -> text) below ``root``; return ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def tiny_dir(tmp_path) -> Path:
    """A small, valid, hand-made mapping folder."""
    return write_folder(tmp_path / "tiny", TINY_FILES)


@pytest.fixture
def tiny(tiny_dir):
    """The registry of the tiny folder (compiled, no cache)."""
    from equivalence.registry import Registry

    return Registry.load(tiny_dir, use_cache=False)


@pytest.fixture(scope="session")
def real():
    """The registry of the shipped mappings."""
    from equivalence.registry import Registry

    return Registry.load(SHIPPED)


@pytest.fixture
def runner():
    from click.testing import CliRunner

    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart by default
        return CliRunner()
