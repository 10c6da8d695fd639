"""The shapes of the JSON answers, as pydantic models: the source of the shipped JSON Schemas.

Strict: a number is a number, a string a string. Answers of the commands this project's contract
pins are closed (``additionalProperties: false``); check's and path's are open, because their
explanations grow keys (a new key is a MINOR version, see :mod:`equivalence.contract`).
Imported only by ``python -m equivalence.schemas`` and the tests: never on a query's path.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from ..contract import SCHEMA_VERSION

Confidence = Literal["high", "medium", "low"]
Verdict = Literal["higher", "lower", "same", "overlapping", "mixed", "not_comparable"]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class Open(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True, populate_by_name=True)


class Answer(Closed):
    schema_version: str = Field(pattern=r"^\d+\.\d+$", description=f"MAJOR.MINOR; this release: {SCHEMA_VERSION}")


class OpenAnswer(Open):
    schema_version: str = Field(pattern=r"^\d+\.\d+$", description=f"MAJOR.MINOR; this release: {SCHEMA_VERSION}")


class Level(Closed):
    """A level: its ref (LADDER.LEVEL), its ladder id and its name in the language asked for."""

    id: str
    ladder: str
    name: str


class Cite(Closed):
    """The clause a rule cites, with its source's title, 文号 and how well it was verified."""

    rule: str
    source: str
    title: str
    doc_no: str
    status: Literal["official", "secondary", "unverified"]
    article: str
    quote: str
    layer: str
    jurisdiction: str


class Requirement(Closed):
    level: str
    years: float
    in_post: bool


class PointsNeeded(Closed):
    scheme: str
    at_least: float


class Conditions(Closed):
    """A rule's conditions; in answers only the ones it has, tagged with the rule (empty: none)."""

    rule: Optional[str] = None
    years_in_from: Optional[float] = None
    work_years: Optional[float] = None
    education: Optional[str] = None
    also_holds: list[Requirement] = []
    in_post: bool = False
    same_specialty: bool = False
    appointed: bool = Field(False, description="the level is filled by 评聘 (an employer's evaluation and "
                                                "appointment): a date is when one may be considered (since 1.1)")
    honours: list[str] = []
    points: Optional[PointsNeeded] = None
    other: list[str] = Field([], description="requirements the engine cannot check, in words, in the language "
                                             "asked (--lang); a condition the mappings give only in Chinese "
                                             "stays Chinese")


# -- ladders, levels, sources, layers, show ----------------------------------------------------
class LadderRow(Closed):
    id: str
    zh: str
    en: str
    kind: str
    levels: list[str]
    confidence: Optional[Confidence]


class Ladders(Answer):
    ladders: list[LadderRow]


class LadderHead(Closed):
    id: str
    zh: str
    en: str
    kind: str


class LevelRow(Closed):
    ref: str
    id: str
    zh: str
    en: str
    aliases: list[str]
    rank: int
    effective_from: Optional[str]
    effective_until: Optional[str]


class Levels(Answer):
    ladder: LadderHead
    levels: list[LevelRow]


class SourceRow(Closed):
    id: str
    title: str
    doc_no: str
    issuer: str
    published: Optional[str]
    effective_from: str
    effective_until: Optional[str]
    edition_of: Optional[str]  # the source this one is an edition of (one standard, two templates)
    status: Literal["official", "secondary", "unverified"]
    address: Optional[str]
    note: Optional[str]
    layer: str
    rules: int


class Sources(Answer):
    sources: list[SourceRow]


class LayerRow(Closed):
    id: str
    zh: str
    en: str
    scope: Literal["national", "province", "employer"]
    region: str
    path: str


class Layers(Answer):
    layers: list[LayerRow]


class ShowCite(Closed):
    source: str
    article: str
    quote: str
    title: str
    doc_no: str
    status: Literal["official", "secondary", "unverified"]


class Show(Answer):
    id: str
    kind: str
    from_: Optional[str] = Field(alias="from")
    to: list[str]
    to_spec: list[str]
    bidirectional: bool
    grants: bool
    conditions: Conditions
    purposes: list[str]
    jurisdiction: str
    layer: str
    replaces: Optional[str]
    effective_from: Optional[str]
    effective_until: Optional[str]
    confidence: Confidence
    note: Optional[str]
    path: str
    line: int
    cite: list[ShowCite]


# -- lookup, compare, routes-into, search ------------------------------------------------------
class Occupation(Closed):
    code: str
    name: str


class LookupLevel(Level):
    occupation: Optional[Occupation] = None


class Link(Closed):
    rule: str
    kind: str
    from_: str = Field(alias="from")
    to: str
    reversed: bool


class LookupResult(Closed):
    direction: Literal["out", "in"]
    level: Level
    kind: str
    purposes: list[str]
    conditions: list[Conditions]
    chain: list[str]
    links: list[Link]
    sources: list[Cite]
    confidence: Confidence
    effective_from: Optional[str]
    effective_until: Optional[str]


class Lookup(Answer):
    level: LookupLevel
    results: list[LookupResult]


class Basis(Closed):
    ladder: str
    a: list[Level]
    a_kind: str
    a_chain: list[str]
    b: list[Level]
    b_kind: str
    b_chain: list[str]
    verdict: Verdict
    # what each side rests on: the conditions of its rules, the purposes they serve, the weakest confidence
    a_conditions: list[Conditions]
    a_purposes: list[str]
    a_confidence: Optional[Confidence]  # None: the side is the level itself (no rule)
    b_conditions: list[Conditions]
    b_purposes: list[str]
    b_confidence: Optional[Confidence]
    relations: list[str]  # the kinds of rule the basis rests on (counts_as, treated_as …)
    confidence: Optional[Confidence]  # the weaker of the two sides (None: neither rests on a rule)


class Compare(Answer):
    a: Level
    b: Level
    verdict: Verdict
    relations: list[str]  # the kinds of rule the headline rests on (empty: the order of one ladder, or none)
    confidence: Optional[Confidence]  # the headline basis's confidence (None: no rule, or no basis)
    bases: list[Basis]


class Route(Closed):
    from_: Optional[Level] = Field(alias="from")
    rule: str
    kind: str
    grants: bool
    conditions: Conditions
    purposes: list[str]
    confidence: Confidence
    sources: list[Cite]


class RoutesInto(Answer):
    target: list[Level] = Field(min_length=1, max_length=1)
    routes: list[Route]


class Hit(Closed):
    kind: Literal["level", "title", "qualification", "occupation"]
    id: str
    name: str
    context: str
    score: int
    match: str


class Search(Answer):
    query: str
    results: list[Hit]


# -- path, check (open: their explanations grow) ------------------------------------------------
class Step(Open):
    level: Level
    purposes: list[str]
    date: str
    year: float
    rule: str
    kind: str
    from_: list[Level] = Field(alias="from")
    conditions: Conditions
    confidence: Confidence
    layer: str
    sources: list[Cite]
    term_years: Optional[float]
    renew_by: Optional[str]


class PathRoute(Open):
    reached: Level
    date: str
    total_years: float
    steps: list[Step]
    purposes: list[str]


class Path(OpenAnswer):
    target: list[Level] = Field(min_length=1)
    reached: Level
    date: str
    total_years: float
    steps: list[Step]
    purposes: list[str]
    as_of: str
    alternatives: list[PathRoute]
    notes: list[str]


class Missing(Open):
    what: str
    text: str


class CheckRule(Open):
    rule: str
    kind: str
    eligible: bool
    earliest: Optional[str]
    reachable: bool
    met: list[str]
    missing: list[Missing]
    unchecked: list[str]
    confidence: Confidence
    sources: list[Cite]


class Check(OpenAnswer):
    target: list[Level] = Field(min_length=1)
    as_of: str
    held: bool
    eligible: bool
    earliest: Optional[str]
    rules: list[CheckRule]


# -- points, diff --------------------------------------------------------------------------------
class Scheme(Closed):
    id: str
    zh: str
    en: Optional[str]


class PointsItem(Closed):
    id: str
    zh: str
    en: Optional[str]
    basis: Literal["per_year", "per_count", "fixed"]
    points: float
    cap: Optional[float]


class PointsStep(Open):
    rule: str
    to: Level
    needs: float
    have: float
    missing: float
    earliest: Optional[str]
    other_missing: list[str]


class Points(Answer):
    scheme: Scheme
    as_of: str
    items: list[PointsItem]
    total: float
    steps: list[PointsStep]


class DiffRule(Closed):
    rule: str
    kind: str
    from_: Optional[Level] = Field(alias="from")
    to: list[Level]
    effective_from: Optional[str]
    effective_until: Optional[str]
    layer: str
    source: Cite


class DiffLevel(Closed):
    level: Level
    effective_from: Optional[str]
    effective_until: Optional[str]


class RuleChanges(Closed):
    added: list[DiffRule]
    ended: list[DiffRule]


class LevelChanges(Closed):
    added: list[DiffLevel]
    ended: list[DiffLevel]


class RosterChange(Open):
    row: int
    id: str
    column: str


class Diff(Answer):
    before: str
    after: str
    rules: RuleChanges
    levels: LevelChanges
    roster: Optional[list[RosterChange]] = None


# -- roster (one JSON Lines record per person) ------------------------------------------------
class RosterStep(Closed):
    """A level one can reach, with the earliest date, the rule, and whether it is filled by 评聘."""

    level: Level
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    rule: Optional[str]
    appointed: bool = Field(description="filled by 评聘 (a post one is appointed to, not earned by time)")


class RosterRelation(Closed):
    """What the credentials held relate to on one --to ladder, for one relation kind."""

    relation: Literal["apply", "treated_as", "counts_as", "post", "derived"]
    relation_name: str
    levels: list[Level]


class RosterRecord(Open):
    """One line of ``roster -o FILE.jsonl``: the input record (its other keys as given: an ``id``
    that was a number stays one) plus the answer; every answer key is null on a row whose ``error``
    says why it was not answered. A ``to:LADDER`` key per --to ladder holds a list of RosterRelation."""

    work_years: Optional[float | str] = Field(
        None, description="under the column read as work_years: a number (null: not given); the text as given when it is not one (see error)")
    next_steps: Optional[list[RosterStep]] = Field(description="levels one rule away, by date")
    target_earliest: Optional[str] = Field(description="null: no target, or none reachable")
    target_route: Optional[list[RosterStep]] = Field(description="[]: the target is held; null: no target or no route")
    target_no_route: Optional[str] = Field(description="why no route reaches the target, else null")
    error: Optional[str] = Field(description="why this row was not answered, else null")

    @model_validator(mode="after")
    def _to_columns(self):
        for key, value in (self.model_extra or {}).items():
            if key.startswith("to:") and value is not None:
                TypeAdapter(list[RosterRelation]).validate_python(value, strict=True)
        return self


# -- errors ----------------------------------------------------------------------------------
class ErrorBody(Closed):
    type: str = Field(description="snake_case: unknown_level, ambiguous_level, profile, usage, bad_parameter …")
    message: str = Field(description="in the --lang language (zh by default); click's own usage messages in English")
    candidates: list[str]


class Error(Answer):
    """What stderr holds when a command run with --format json fails (exit 1: a domain error, 2: usage)."""

    error: ErrorBody


# One schema per command that answers in JSON, the error, and the mapping files.
OUTPUTS: dict[str, type[BaseModel]] = {
    "ladders": Ladders, "levels": Levels, "lookup": Lookup, "sources": Sources, "show": Show, "layers": Layers,
    "path": Path, "check": Check, "compare": Compare, "routes-into": RoutesInto, "search": Search,
    "points": Points, "diff": Diff, "error": Error, "roster-record": RosterRecord,
}


def json_schema(name: str) -> dict:
    """The JSON Schema called ``name`` (an entry of OUTPUTS, or ``mapping-file``)."""
    if name == "mapping-file":
        from ..models import MappingFile

        schema = MappingFile.model_json_schema(by_alias=True)
        schema["title"] = "equivalence mapping file"
    else:
        schema = OUTPUTS[name].model_json_schema(by_alias=True)
        schema["title"] = f"equivalence {name} --format json" if name != "error" else "equivalence error (stderr)"
    if name == "roster-record":  # the to:LADDER keys, which pydantic cannot name
        relations = TypeAdapter(list[RosterRelation]).json_schema(ref_template="#/$defs/{model}")
        schema["$defs"].update(relations.pop("$defs"))
        schema["patternProperties"] = {"^to:": {"anyOf": [relations, {"type": "null"}]}}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
