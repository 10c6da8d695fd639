"""Checks that the data says only what its documents say (called by compile, so by ``validate``).

Four checks, each one a promise an HR officer relies on:

- a comparison no document states (``derived``) is low confidence;
- ``high`` needs an official source whose wording for the rule was seen (a non-empty quote);
- a quote is words seen in the cited source: never for an unverified source (no text seen), never a
  summary (arrows, English phrases, "paraphrase"); a summary goes in the note. A rule whose first
  citation is known only as a paraphrase (its article says "paraphrase") is low;
- no user-visible text (quote, article, note, title …) names a file of this project, and no note, title
  or condition names a bare row of its reference notes ("see 2.6", "(9.2)"): answers cite documents
  only; a rule's `other` conditions, shown as written, are Chinese in their zh form (a plain string is
  the zh form) and English in their en form (a 《title》 or 文号 aside).
"""

from __future__ import annotations

import re

from .models import CONFIDENCE_OF_STATUS

# A file of this project (the reference notes, the data folders, YAML / CSV / Markdown files).
_PROJECT_FILE = re.compile(r"policy-rules|ladders\.md|style\.md|anchors\.md|shared/|mappings/|"
                           r"\.ya?ml\b|\.md\b|\.csv\b|#\d+\.\d+", re.IGNORECASE)  # #8.2: a row of the reference notes
# A bare row number of the reference notes ("see 2.6", "(9.2)", "row 4.12b", "by reading 5.2"): sections 1–14,
# a row letter at most. Not a real number: one inside a longer number or date (2019.7.23, 8561-2001), an
# article (第2.3条), a version (v1.2), or one with a unit after it (2.5 years, 满2.5年, 1.5倍, 3.5%).
_REFERENCE_ROW = re.compile(
    r"(?<![A-Za-z0-9_.\-/〔第])(?:1[0-4]|[1-9])\.\d{1,2}[a-e]?(?![A-Za-z0-9_]|\.\d)"
    r"(?!\s*(?:[年倍%％个岁月周天日时分万亿元级版条款项米]|[x×]|(?:-\s*)?(?:years?|yrs?|months?|weeks?|days?"
    r"|hours?|times|points?|percent|million|billion|km|kg|m)\b))")
_VERSION_BEFORE = re.compile(r"(?:version|ver\.|版本|GB/T|GB|ISO)\s*$", re.IGNORECASE)
_ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,;:'/]+[A-Za-z]{2,}")
_CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# What an English condition may write in Chinese: a document's 《title》 and a 文号 (人社部发〔2020〕96号).
_NAMED = re.compile(r"《[^》]*》|\S*〔\d{4}〕\d+号")
# Marks of a summary written by us rather than wording seen in a document.
_SUMMARY = re.compile(r"→|⇒|->|≈|[A-Za-z]{2,}[ ,;:()'/]+[A-Za-z]{2,}|paraphrase", re.IGNORECASE)


def audit_mappings(m, sources: dict, problems) -> None:
    """Add a problem for each record that breaks one of the module's four checks."""
    for located in m.sources:
        _no_project_file(problems, located, {("note",): located.item.note, ("title",): located.item.title})
    for located in m.rules:
        _audit_rule(located, sources, problems)
    for located in m.ladders:
        lad = located.item
        texts = {("note",): lad.note}
        _audit_cite(problems, located, ("cite",), lad.cite, sources)
        for i, lev in enumerate(lad.levels):
            texts[("levels", i, "note")] = lev.note
            _audit_cite(problems, located, ("levels", i, "cite"), lev.cite, sources)
        _no_project_file(problems, located, texts)
    for section in ("honours", "points_schemes"):
        for located in getattr(m, section):
            _audit_cite(problems, located, ("cite",), located.item.cite, sources)
            _no_project_file(problems, located, {("note",): located.item.note})
    for located in m.catalogues:
        cat = located.item
        _audit_cite(problems, located, ("cite",), cat.cite, sources)
        texts = {("note",): cat.note}
        texts.update({("qualifications", i, "note"): q.note for i, q in enumerate(cat.qualifications)})
        _no_project_file(problems, located, texts)


def _audit_rule(located, sources: dict, problems) -> None:
    rule = located.item
    primary = sources.get(rule.cite[0].source)
    if primary is None:
        return  # reported by compile as an unknown source
    confidence = rule.confidence or CONFIDENCE_OF_STATUS[primary.status]
    if rule.kind == "derived" and confidence != "low":
        problems.add(located, ("confidence",), "derived_not_low", confidence=confidence)
    first_quote = rule.cite[0].quote.strip()
    if confidence == "high" and primary.status == "official" and not first_quote:  # a non-official one: compile says so
        problems.add(located, ("confidence",), "high_needs_quote")
    if confidence != "low" and "paraphrase" in rule.cite[0].article.lower():
        problems.add(located, ("confidence",), "paraphrase_low", confidence=confidence)
    for i, cite in enumerate(rule.cite):
        _audit_cite(problems, located, ("cite", i), cite, sources)
    texts = {("note",): rule.note}
    for i, item in enumerate(rule.conditions.other):
        at = ("conditions", "other", i)
        # a plain string is the Chinese form; {zh, en} gives both
        words = {at: item} if isinstance(item, str) else {at + ("zh",): item.zh, at + ("en",): item.en}
        texts.update(words)
        zh_at, zh = next(iter(words.items()))
        found = _ENGLISH.search(zh)  # shown as written in Chinese answers
        if found:
            problems.add(located, zh_at, "condition_in_chinese", found=found.group(0))
        found = _CHINESE.search(_NAMED.sub("", words.get(at + ("en",), "")))  # and in English ones
        if found:
            problems.add(located, at + ("en",), "condition_in_english", found=found.group(0))
    _no_project_file(problems, located, texts)


def _audit_cite(problems, located, loc: tuple, cite, sources: dict) -> None:
    if cite is None:
        return
    _no_project_file(problems, located, {loc + ("article",): cite.article, loc + ("quote",): cite.quote}, rows=False)
    quote = cite.quote.strip()
    if not quote:
        return
    source = sources.get(cite.source)
    if source is not None and source.status == "unverified":
        problems.add(located, loc + ("quote",), "quote_unverified", source=cite.source)
    found = _SUMMARY.search(quote)
    if found:
        problems.add(located, loc + ("quote",), "quote_summary", found=found.group(0))


def _no_project_file(problems, located, texts: dict, *, rows: bool = True) -> None:
    """A problem for each text naming a file of this project, or (``rows``) a bare row of its reference notes.

    Quotes and articles are the document's own words and numbering (a standard's 3.2), so cites pass
    ``rows=False``."""
    for loc, text in texts.items():
        found = _PROJECT_FILE.search(text or "")
        if found:
            problems.add(located, loc, "names_project_file", found=found.group(0))
            continue
        row = _reference_row(text or "") if rows else None
        if row:
            problems.add(located, loc, "names_reference_row", found=row)


def _reference_row(text: str) -> str | None:
    """The first bare reference-row number in ``text``, or None."""
    for found in _REFERENCE_ROW.finditer(text):
        if not _VERSION_BEFORE.search(text[:found.start()]):
            return found.group(0)
    return None
