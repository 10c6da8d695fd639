"""The mapping data model: sources, purposes, ladders, levels and rules (pydantic v2, strict).

These models validate what the YAML files say, field by field; checks that need several files at
once (unknown references, cycles, ranks, dates) live in :mod:`equivalence.checks`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal, Optional, Union

from .dates import date_start
from pydantic import (BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, field_validator,
                      model_validator)

ID_PATTERN = r"^[a-z][a-z0-9_-]*$"
# LADDER.LEVEL or LADDER.LOW..HIGH
REF_PATTERN = r"^[a-z][a-z0-9_-]*\.[a-z0-9][a-z0-9_-]*(\.\.[a-z0-9][a-z0-9_-]*)?$"
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
LevelRef = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]


def _partial_date(value):
    """Accept a YAML date or 'YYYY' / 'YYYY-MM' / 'YYYY-MM-DD' (documents are often dated by month)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1900 < value < 2200:
        return str(value)
    if isinstance(value, str) and _PARTIAL_DATE.match(value):
        try:
            _dt.date.fromisoformat(date_start(value))
        except ValueError:
            raise ValueError(f"not a real date: '{value}'") from None
        return value
    raise ValueError(f"expected a date YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")


PartialDate = Optional[str]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Status = Literal["official", "secondary", "unverified"]
Confidence = Literal["high", "medium", "low"]


CONFIDENCE_OF_STATUS = {"official": "high", "secondary": "medium", "unverified": "low"}
CONFIDENCE_ORDER = {"low": 0, "medium": 1, "high": 2}


class Source(Strict):
    """A policy document (or the best copy of it that was seen)."""

    id: Id
    title: Text
    doc_no: str = ""
    issuer: Text
    published: PartialDate = None
    effective_from: str
    effective_until: PartialDate = None
    status: Status
    address: Optional[str] = None
    note: Optional[str] = None
    # sources that are editions of one standard share this id: a route keeps to one edition per ladder
    edition_of: Optional[Id] = None

    _dates = field_validator("published", "effective_from", "effective_until", mode="before")(
        lambda cls, v: _partial_date(v)
    )


class Purpose(Strict):
    id: Id
    zh: Text
    en: Text


class Citation(Strict):
    """Where a rule (or a name) is stated: the source, its article or part, and a short quote."""

    source: Id
    article: Text
    quote: str = ""  # words seen in the source, or empty (wording not seen: the note says why)


LADDER_KINDS = (
    "skill_grade",
    "title_tier",
    "title_series",
    "qualification",
    "institution_technical_post",
    "institution_management_post",
    "institution_skilled_worker_post",
    "civil_service_grade",
    "civil_service_leadership",
    "education",
    "employer_sequence",
)
LadderKind = Literal[LADDER_KINDS]


class Level(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    zh: Text
    en: Text
    aliases: list[Text] = []
    rank: int
    effective_from: PartialDate = None
    effective_until: PartialDate = None
    cite: Optional[Citation] = None
    note: Optional[str] = None
    term_years: Optional[Annotated[float, Field(gt=0)]] = None  # a post held for a fixed term (聘期制)

    _dates = field_validator("effective_from", "effective_until", mode="before")(
        lambda cls, v: _partial_date(v)
    )


class Ladder(Strict):
    id: Id
    zh: Text
    en: Text
    kind: LadderKind
    cite: Optional[Citation] = None
    note: Optional[str] = None
    confidence: Optional[Confidence] = None
    levels: Annotated[list[Level], Field(min_length=1)]


class Requirement(Strict):
    """Another credential a rule needs, held for at least ``years``."""

    level: LevelRef
    years: Annotated[float, Field(ge=0)] = 0
    in_post: bool = False


class PointsNeeded(Strict):
    scheme: Id
    at_least: Annotated[float, Field(gt=0)]


class OtherWords(Strict):
    """A condition in words, in both languages: ``{zh: 通过全国统一考试取得, en: obtained by passing …}``."""

    zh: Text
    en: Text


# A condition in words: a plain string is its Chinese wording (the form of older mapping files; English
# answers then show it as written), or {zh, en}. The tags name the two forms in error locations only
# (the loader drops them).
OTHER_FORMS = ("string-form", "zh-en-form")
Other = Annotated[Union[Annotated[Text, Tag(OTHER_FORMS[0])], Annotated[OtherWords, Tag(OTHER_FORMS[1])]],
                  Discriminator(lambda v: OTHER_FORMS[1] if isinstance(v, (dict, OtherWords)) else OTHER_FORMS[0])]


class Conditions(Strict):
    years_in_from: Optional[Annotated[float, Field(ge=0)]] = None
    work_years: Optional[Annotated[float, Field(ge=0)]] = None
    education: Optional[LevelRef] = None
    also_holds: list[Requirement] = []
    in_post: bool = False
    same_specialty: bool = False
    # The level is filled by 评聘 (an employer's evaluation and appointment, to a post): a date the engine
    # gives is when one may be considered, not when one is appointed (say it in `other` too, in words).
    appointed: bool = False
    honours: list[Id] = []  # 破格: the worker must hold one of these honours
    points: Optional[PointsNeeded] = None  # 积分晋级: points of an employer's scheme
    other: list[Other] = []  # requirements the engine cannot check, in words


NO_CONDITIONS = Conditions()

RULE_KINDS = (
    "promotion",
    "apply",
    "treated_as",
    "counts_as",
    "post",
    "derived",
)
RuleKind = Literal[RULE_KINDS]


class Rule(Strict):
    id: Id
    kind: RuleKind
    from_: Optional[LevelRef] = Field(None, alias="from")
    to: list[LevelRef]
    bidirectional: bool = False
    grants: bool = True
    replaces: Optional[Id] = None  # a rule of a lower layer that this one replaces
    # One Conditions() (frozen; nothing changes a validated model) for every rule that gives none:
    # given as a plain default, pydantic deep-copies it for each rule (it cannot hash it), a fifth of
    # validating 64,000 rules and 1 KB each. The schema still names the default.
    conditions: Conditions = Field(default_factory=lambda: NO_CONDITIONS,
                                   json_schema_extra=lambda schema: schema.update(default=NO_CONDITIONS.model_dump()))
    purposes: list[Id] = []
    jurisdiction: Optional[Annotated[str, StringConstraints(pattern=r"^CN(-[A-Z]{2})?$")]] = None  # default: the layer's
    effective_from: PartialDate = None
    effective_until: PartialDate = None
    cite: Annotated[list[Citation], Field(min_length=1)]
    confidence: Optional[Confidence] = None
    note: Optional[str] = None

    _dates = field_validator("effective_from", "effective_until", mode="before")(
        lambda cls, v: _partial_date(v)
    )

    @field_validator("to", mode="before")
    @classmethod
    def _one_or_many(cls, v):
        return [v] if isinstance(v, str) else v

    @model_validator(mode="after")
    def _shape(self):
        if self.from_ is None and self.kind not in ("apply", "promotion"):
            raise ValueError(f"a '{self.kind}' rule needs 'from' (only apply/promotion may start from nothing)")
        if self.bidirectional and self.kind not in ("counts_as", "derived"):
            raise ValueError(f"only counts_as and derived rules can be bidirectional, not '{self.kind}'")
        if self.from_ and ".." in self.from_:
            raise ValueError("'from' must name one level, not a range")
        return self


class Occupation(Strict):
    """One group or occupation of the 职业分类大典 (tier 1 大类 … tier 4 细类/职业)."""

    code: Annotated[str, StringConstraints(pattern=r"^\d(-\d{2}){0,3}$")]
    zh: Text
    tier: Annotated[int, Field(ge=1, le=4)]
    parent: Optional[str] = None
    gbm: Optional[str] = None  # GB/T 6565 code, where known
    green: bool = False  # marked L (绿色职业)
    digital: bool = False  # marked S (数字职业)
    aliases: list[Text] = []


QUALIFICATION_CATEGORIES = ("access", "level_evaluation", "skilled")
QualificationCategory = Literal[QUALIFICATION_CATEGORIES]


class QualificationItem(Strict):
    """One of the 72 items of the 国家职业资格目录 (2021)."""

    id: Id
    seq: Annotated[int, Field(ge=1)]  # order in the catalogue
    zh: Text
    en: Optional[str] = None
    category: QualificationCategory  # 准入类 / 水平评价类 (professional) or 技能人员职业资格
    sub_items: list[Text] = []
    levels: list[Text] = []  # the level names the catalogue gives, if any
    ladder: Optional[Id] = None  # the ladder holding its levels, where rules use them
    note: Optional[str] = None  # e.g. "no document maps it to a title tier"


class Catalogue(Strict):
    """A published catalogue, re-encoded: occupations or qualifications, with its source."""

    id: Id
    kind: Literal["occupations", "qualifications"]
    cite: Citation
    note: Optional[str] = None
    # The counts the publication states (occupations: tier1..tier4; qualifications: per category).
    published: dict[str, Annotated[int, Field(ge=0)]] = {}
    occupations: list[Occupation] = []
    qualifications: list[QualificationItem] = []


class Layer(Strict):
    """What a folder of mappings is: the national set, a province's rules, or an employer's."""

    id: Id
    zh: Text
    en: Text
    scope: Literal["national", "province", "employer"]
    region: Optional[Annotated[str, StringConstraints(pattern=r"^CN(-[A-Z]{2})?$")]] = None
    note: Optional[str] = None


class Honour(Strict):
    """A competition result or honour that rules may accept in place of education or years (破格)."""

    id: Id
    zh: Text
    en: Text
    level: Literal["national", "provincial", "municipal", "employer"]
    cite: Optional[Citation] = None
    note: Optional[str] = None


class PointsItem(Strict):
    id: Id
    zh: Text
    en: Optional[str] = None
    # per_year: points for each year since `since` (a level) or of work; per_count: per award,
    # certificate or result counted in the worker's scores; fixed: once, when `since` is held.
    basis: Literal["per_year", "per_count", "fixed"]
    points: Annotated[float, Field(gt=0)]
    cap: Optional[Annotated[float, Field(gt=0)]] = None
    since: Optional[LevelRef] = None


class PointsScheme(Strict):
    """An employer's points-based promotion scheme (积分晋级): items and how each scores."""

    id: Id
    zh: Text
    en: Optional[str] = None
    items: Annotated[list[PointsItem], Field(min_length=1)]
    cite: Optional[Citation] = None
    note: Optional[str] = None


class MappingFile(Strict):
    """One YAML file: any of the five lists."""

    sources: list[Source] = []
    purposes: list[Purpose] = []
    ladders: list[Ladder] = []
    rules: list[Rule] = []
    catalogues: list[Catalogue] = []
    honours: list[Honour] = []
    points_schemes: list[PointsScheme] = []
    layer: Optional[Layer] = None
